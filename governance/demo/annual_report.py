"""The end of the demo year: the committee's annual report (Jahresbericht) 2026,
written next to the other documents in German (HTML and PDF/A) and English (PDF/A),
as the secretariat would send it to the Senate's Gemeinschaftsinitiative."""

from __future__ import annotations

from pathlib import Path
from typing import Any

YEAR = 2026
FILES = (
    ("de", "html", "Jahresbericht-2026.html"),
    ("de", "pdf", "Jahresbericht-2026.pdf"),
    ("en", "pdf", "Annual-report-2026.pdf"),
)


def write_annual_report(app: Any, folder: Path, committee: str = "KG") -> list[Path]:
    """Render the report of *committee* for the demo year into *folder*; the paths written.

    Run after the year's clock was stored: the report is as of 31 December."""
    from governance.services.documents.output import render_document

    written = []
    with app.db.session() as session:
        for lang, fmt, name in FILES:
            document = render_document(session, "annual_report", f"{committee}/{YEAR}", lang, fmt)
            path = folder / name
            path.write_bytes(document.data)
            written.append(path)
    return written
