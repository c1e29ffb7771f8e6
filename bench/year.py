"""The year: the demo's simulated committee year end to end (``governance.demo.run``).

The demo renders no PDF and has no switch for it; "with PDF" here is the
demo followed by the PDF/A of the documents its year produced (the agreement
in force and the accession declaration).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.common import Result
from governance import demo
from governance.database import Database
from governance.documents import html_to_pdf, load_html


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        demo.run(out / "warm")  # imports and template caches, as in a second run
        started = time.perf_counter()
        result = demo.run(out / "year")
        year_s = time.perf_counter() - started
        db = Database(f"sqlite:///{result.database}")
        started = time.perf_counter()
        with db.session() as session:
            pages = [
                load_html(session, "agreement", "1/1"),
                load_html(session, "accession_declaration", "1"),
            ]
        for html in pages:
            html_to_pdf(html, pdf_variant="pdf/a-3b")
        pdf_s = time.perf_counter() - started
        db.dispose()
    events = len(result.events)
    return [
        Result(
            "year",
            f"demo year end to end, no PDF ({events} events, {sum(result.messages.values())} mails, "
            f"{result.audit_records} audit records)",
            year_s,
            "s",
            target="< 5 s",
            met=year_s < 5,
            note="the demo has no PDF switch",
        ),
        Result(
            "year",
            "demo year + PDF/A of its agreement and accession declaration",
            year_s + pdf_s,
            "s",
            target="(reported)",
        ),
    ]
