"""The annual report (Jahresbericht) and the CSV exports (issue 16 points 4 and 5), on
SQLite and PostgreSQL, built from an empty installation through the command line:
the example committee, two meetings of which one is held (six of the voting
organisations present, one excused), two decisions, two action items.

What a reader sees: the report's figures in German and English (HTML), a PDF/A,
the chart with its title and description and no script; the CSV files read back as
a spreadsheet program reads them (BOM, ``;``, German dates in German mode).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli
from governance.examples import treptow_koepenick as tk
from tests import held_meetings
from tests.cli_in_process import ok, run

Gremium = Callable[..., str]


@pytest.fixture
def year(db_url: str, tmp_path: Path) -> tuple[str, Path, Gremium]:
    """The example committee with meeting 1 held and meeting 2 planned (held_meetings);
    VskA sent its apologies; one action item done."""
    config = tmp_path / "gremium.toml"
    config.write_text(
        'clock = "simulated"\nsimulated_start = "2026-01-12 09:00"\nattach_documents = false\n'
        '[mail]\ndelivery = "maildir"\nmaildir = "' + str(tmp_path / "mail") + '"\n',
        encoding="utf-8",
    )

    def gremium(*args: str, actor: str | None = None) -> str:
        return ok(
            "--db", db_url, "--config", str(config), *(["--as", actor] if actor else []), *args
        )

    gremium("init", "--example", "treptow-koepenick")
    held_meetings.plan_meetings(gremium, 2)
    held_meetings.propose_decisions(gremium, 1, 2)
    held_meetings.to_meeting_day(gremium)
    held_meetings.attend(gremium)
    gremium("meeting", "attend", "1", "VskA", "--status", "excused", actor=tk.SECRETARIAT_EMAIL)
    gremium("meeting", "open", "1", actor=tk.CHAIR_EMAIL)
    for top, (yes, no) in (("2", (5, 1)), ("3", (2, 4))):
        gremium(
            "meeting", "vote", "1", top, "--yes", str(yes), "--no", str(no), "--abstain", "0",
            "--text", f"Beschluss zu TOP {top}; mit Semikolon", actor=tk.CHAIR_EMAIL,
        )  # fmt: skip
        gremium(
            "actions", "add", f"1/{top}", "--what", f"=Aufgabe {top}", "--who", "Rabenhaus",
            "--due", "2026-04-01", actor=tk.CHAIR_EMAIL,
        )  # fmt: skip
    gremium("meeting", "close", "1", actor=tk.CHAIR_EMAIL)
    gremium("actions", "done", "1", actor=tk.CHAIR_EMAIL)
    gremium("tick", "--until", "2026-04-10 09:00")
    return db_url, tmp_path, gremium


def _text(html: str) -> str:
    """The words of an HTML document as a reader sees them (tags and styles removed)."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_annual_report_says_how_the_year_went_in_german_and_english(year):
    _url, folder, gremium = year
    out = gremium("report", "annual", "--year", "2026", "--format", "html", "--out",
                  str(folder / "bericht.html"))  # fmt: skip
    assert out.startswith("Jahresbericht KG/2026 geschrieben: ")
    text = _text((folder / "bericht.html").read_text(encoding="utf-8"))
    assert "Jahresbericht 2026" in text
    assert "Das Jahr läuft noch: Stand 10.04.2026." in text
    assert "gehalten 1 nicht beschlussfähig 0" in text
    assert "2 Beschlüsse: 1 angenommen, 1 abgelehnt." in text
    assert "in einer Sitzung 2 0 0 1 1 2" in text  # two simple-majority votes, one carried
    # meeting 1: six present, VskA excused, the others absent (nothing recorded)
    assert "Rabenhaus 1 1 0 0 0 100 %" in text
    assert "VskA 1 0 0 1 0 0 %" in text
    assert "SenASGIVA 1 0 0 0 1 0 %" in text
    assert "erledigt 1 offen 0 überfällig 1 entfallen 0 zusammen 2" in text
    english = json.loads(
        gremium(
            "--lang",
            "en",
            "report",
            "annual",
            "--year",
            "2026",
            "--format",
            "html",
            "--out",
            str(folder / "report.html"),
            "--json",
        )
    )
    assert english["kind"] == "annual_report" and english["ref"] == "KG/2026"
    text = _text((folder / "report.html").read_text(encoding="utf-8"))
    assert "Annual report 2026" in text
    assert "2 decisions: 1 carried, 1 rejected." in text
    assert "done 1 open 0 overdue 1 dropped 0 total 2" in text


def test_the_attendance_chart_is_an_svg_with_title_and_description_and_no_script(year):
    _url, folder, gremium = year
    gremium("report", "annual", "--year", "2026", "--format", "html", "--out",
            str(folder / "bericht.html"))  # fmt: skip
    html = (folder / "bericht.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg[^>]*aria-labelledby="attendance-1-title attendance-1-desc".*?</svg>',
                    html, re.S)  # fmt: skip
    assert svg is not None
    assert '<title id="attendance-1-title">Anwesenheit KG 2026</title>' in svg.group(0)
    assert "<script" not in html and "javascript:" not in html
    # a bar per member organisation, its figure "took part/meetings"
    assert ">Rabenhaus</text>" in svg.group(0) and ">1/1</text>" in svg.group(0)
    assert ">VskA</text>" in svg.group(0) and ">0/1</text>" in svg.group(0)


def test_the_annual_report_as_pdf_is_a_tagged_pdf_a(year):
    from pypdf import PdfReader

    _url, folder, gremium = year
    gremium("report", "annual", "--year", "2026", "--out", str(folder / "bericht.pdf"))
    reader = PdfReader(folder / "bericht.pdf")
    metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in metadata
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert "Anwesenheit der Mitgliedsorganisationen" in "".join(
        page.extract_text() for page in reader.pages
    )


def test_a_wrong_report_request_is_refused_and_says_what_is_allowed(year):
    url, _folder, _gremium = year
    code, _, err = run("--db", url, "report", "annual", "--year", "26")
    assert code == 2 and "„26“ ist kein Jahr" in err
    code, _, err = run("--db", url, "report", "annual", "--year", "2031")
    assert code == 2 and "von 1990 bis 2026" in err
    code, _, err = run("--db", url, "report", "annual", "-c", "KG", "--area", "X", "--year",
                         "2026")  # fmt: skip
    assert code == 2 and "Entweder --committee oder --area" in err
    code, _out, err = run("--db", url, "documents", "render", "annual_report", "KG-2026")
    assert code == 2 and "erwartet: GREMIUM/JAHR" in err


def _csv(data: bytes) -> list[list[str]]:
    """*data* as a spreadsheet program reads it: BOM for UTF-8, ``;`` between cells."""
    assert data.startswith(b"\xef\xbb\xbf"), "no byte order mark"
    assert b"\r\n" in data
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def _cli_bytes(url: str, config: Path, *args: str) -> bytes:
    result = CliRunner().invoke(
        cli, ["--db", url, "--config", str(config), *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_the_four_lists_as_csv_read_back_as_a_spreadsheet_reads_them(year):
    url, folder, gremium = year
    config = folder / "gremium.toml"
    decisions = _csv(_cli_bytes(url, config, "decisions", "list", "--format", "csv"))
    assert decisions[0][:3] == ["Beschluss-Nr.", "Datum", "TOP / Verfahren"]
    assert decisions[1][:2] == ["KG-2026/01", "11.03.2026"]
    assert decisions[1][4] == "Beschluss zu TOP 2; mit Semikolon"  # quoted, read back whole
    assert decisions[1][-2:] == ["einfache Mehrheit", "angenommen"]
    assert decisions[2][-1] == "abgelehnt"
    english = _csv(_cli_bytes(url, config, "--lang", "en", "decisions", "list", "--format", "csv"))
    assert english[0][0] == "Decision no." and english[1][1] == "2026-03-11"

    actions = _csv(_cli_bytes(url, config, "actions", "list", "--format", "csv"))
    assert actions[0] == ["Nr.", "Aufgabe", "Zuständig", "Fällig", "Stand", "Erledigt am",
                          "Bemerkung"]  # fmt: skip
    # text that a spreadsheet would take for a formula stays text
    assert actions[1][1] == "'=Aufgabe 2" and actions[1][3] == "01.04.2026"
    assert {row[4] for row in actions[1:]} == {"erledigt", "offen"}

    members = _csv(_cli_bytes(url, config, "member", "list", "--format", "csv"))
    assert members[0][0] == "Organisation"
    rabenhaus = next(row for row in members if row[0] == "Rabenhaus")
    assert rabenhaus[2:4] == ["Mitglied", "ja"] and rabenhaus[-1] == "aktiv"

    gremium("report", "attendance", "--year", "2026", "--format", "csv", "--out",
            str(folder / "anwesenheit.csv"))  # fmt: skip
    attendance = _csv((folder / "anwesenheit.csv").read_bytes())
    assert attendance[0][:4] == ["Sitzung Nr.", "Datum", "Sitzung", "Organisation"]
    vska = next(row for row in attendance if row[3] == "VskA")
    assert vska[1] == "11.03.2026" and vska[6] == "entschuldigt"
    assert len(attendance) == 1 + len(held_meetings.PRESENT) + 1


def test_csv_and_json_together_are_refused(year):
    url, _folder, _gremium = year
    code, _out, err = run("--db", url, "decisions", "list", "--json", "--format", "csv")
    assert code == 2 and "--json und --format csv" in err


def test_the_area_report_has_a_section_per_committee_of_the_area(year):
    from governance.clock import SimulatedClock
    from governance.services import directory, programmes
    from governance.unit_of_work import Actor
    from tests.conftest import make_app

    url, folder, gremium = year
    app = make_app(url, SimulatedClock(dt.datetime(2026, 4, 10, 7, tzinfo=dt.UTC)))
    try:
        with app.unit_of_work(Actor.system()) as uow:
            directory.add_person(uow, name="Ada Admin", email="admin@x.example.org", is_admin=True)
        with app.unit_of_work("admin@x.example.org") as uow:
            directory.add_committee(
                uow, name="Zweites Gremium", short_name="ZG", sender_email="zg@x.example.org"
            )
            gi = programmes.add_programme(uow, name="Gemeinschaftsinitiative", short_name="GI")
            programmes.add_area(uow, gi, name="Stadtrand Süd", short_name="sued")
            programmes.add_committee(uow, "sued", "KG")
            programmes.add_committee(uow, "sued", "ZG")
    finally:
        app.db.dispose()
    gremium("report", "annual", "--area", "sued", "--year", "2026", "--format", "html",
            "--out", str(folder / "feld.html"))  # fmt: skip
    text = _text((folder / "feld.html").read_text(encoding="utf-8"))
    assert "Handlungsfeld Stadtrand Süd, mit 2 Gremien." in text
    assert "Sitzungen gehalten 1, davon nicht beschlussfähig: 0" in text
    assert "Zweites Gremium (ZG)" in text and "(KG)" in text
