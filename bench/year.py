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
from governance import demo


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        demo.run(out / "warm", documents=False)  # imports and template caches, as in a second run
        started = time.perf_counter()
        result = demo.run(out / "year", documents=False)
        year_s = time.perf_counter() - started
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
            f"demo year as `make demo` runs it, with PDFs ({full.mails_delivered} mails delivered)",
            full_s,
            "s",
            target="(reported)",
        ),
    ]
