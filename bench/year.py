"""The year: the demo's simulated committee year end to end (``governance.demo.run``).

"No PDF" is ``run(out, documents=False)``: no PDFs in the mails and no
documents folder; the minutes are still archived as PDF/A when approved (five
sets), because the archive is part of the workflow, not of the presentation.
"With PDF" is the demo as ``make demo`` runs it.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.common import Result
from governance import audit, demo
from governance.config import Settings
from governance.database import Database


def _verify(folder: Path) -> tuple[float, audit.VerifyResult]:
    """`audit verify` on the year's database, as the command runs it (fastest of three)."""
    settings = Settings(database=f"sqlite:///{folder / 'gremium.db'}")
    db = Database(settings.database, settings.audit_key_path())
    best = float("inf")
    try:
        for _ in range(3):
            with db.session() as session:
                started = time.perf_counter()
                result = audit.verify(session)
                best = min(best, time.perf_counter() - started)
    finally:
        db.dispose()
    return best, result


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        demo.run(out / "warm", documents=False)  # imports and template caches, as in a second run
        started = time.perf_counter()
        result = demo.run(out / "year", documents=False)
        year_s = time.perf_counter() - started
        verify_s, verified = _verify(out / "year")
        started = time.perf_counter()
        full = demo.run(out / "full")
        full_s = time.perf_counter() - started
    size = (
        f"{len(result.events)} events, {sum(result.messages.values())} mails, "
        f"{result.audit_records} audit records"
    )
    return [
        Result(
            "year",
            f"demo year end to end, no PDF in mails or documents ({size})",
            year_s,
            "s",
            target="< 5 s",
            met=year_s < 5,
            note="five minutes archives (PDF/A) are still rendered",
        ),
        Result(
            "year",
            f"`audit verify` of the demo year's database ({verified.checked} records, "
            f"{verified.entities_checked} protected rows; {'intact' if verified.ok else 'BROKEN'})",
            verify_s,
            "s",
            target="< 1 s",
            met=verify_s < 1 and verified.ok,
            note="chain (HMAC) plus one pass per protected table; in-process, no start-up",
        ),
        Result(
            "year",
            f"demo year as `make demo` runs it, with PDFs ({full.mails_delivered} mails delivered)",
            full_s,
            "s",
            target="(reported)",
        ),
    ]
