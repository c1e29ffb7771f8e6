"""The demo year ends with the annual report (issue 16.4): written into the demo's
documents, as of 31 December, with the year's figures: five meetings held, one of
them not quorate, the repeat meeting, the decision taken in writing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from governance.bootstrap import build_app
from governance.config import Settings
from governance.demo.annual_report import write_annual_report


def test_the_demo_year_ends_with_its_annual_report(tmp_path: Path, demo_year: Path):
    out = tmp_path / "demo"
    shutil.copytree(demo_year, out)
    (out / "documents").mkdir()
    app = build_app(Settings(database=f"sqlite:///{out / 'gremium.db'}", clock="simulated"))
    try:
        written = write_annual_report(app, out / "documents")
    finally:
        app.db.dispose()
    assert [p.name for p in written] == [
        "Jahresbericht-2026.html",
        "Jahresbericht-2026.pdf",
        "Annual-report-2026.pdf",
    ]
    assert all(p.read_bytes().startswith(b"%PDF") for p in written[1:])
    html = (out / "documents" / "Jahresbericht-2026.html").read_text(encoding="utf-8")
    text = " ".join(
        re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S)).split()
    )
    assert "Berichtszeitraum 1. Januar bis 31. Dezember 2026." in text
    assert "gehalten 5, davon 1 als Wiederholungssitzung nicht beschlussfähig 1" in text
    assert "im Umlaufverfahren 1 0 0 1 0 1" in text
    assert "Stadtteilarbeit Kosmosviertel e.V. (Kosmosviertel) 01.04.2026" in text
    assert "Aufgaben, Stand 31.12.2026" in text
