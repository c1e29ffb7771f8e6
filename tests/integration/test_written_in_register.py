"""``gremium decisions list`` lists the decisions taken in writing (Umlaufverfahren)
between the meetings' decisions, so the register's numbers have no gap."""

from __future__ import annotations

import json

import pytest

import governance.cli as cli_module
from governance.bootstrap import App
from governance.cli import main
from governance.examples import treptow_koepenick as tk
from governance.reads.decisions import register, search, years
from governance.services import directory
from governance.services import written_procedure as wp
from tests.conftest import SYSTEM

VOTERS = [
    tk.CHAIR_EMAIL,
    "gf@rabenhaus.example.org",
    "vorstand@offensiv91.example.org",
    "treptow@tjfbg.example.org",
    "kontakt@kungerkiez.example.org",
    "gwa@ajb.example.org",
    "bezirk-tk@paritaet-berlin.example.org",
    "referat@vska.example.org",
]


@pytest.fixture
def decided(app: App) -> App:
    """The example committee with one motion decided in writing (KG-2026/01: 7 yes, 1 no)."""
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        wp.start(uow, committee, title="Stellungnahme Kiezfonds", text="Wir unterstützen\nihn.")
    for i, person in enumerate(VOTERS):
        with app.unit_of_work(person) as uow:
            wp.vote(uow, wp.procedure_by_ref(uow.session, 1), choice="no" if i == 1 else "yes")
    return app


def cli(app: App, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    cli_module._current_lang = None
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(app.db.engine.url), *args])
    out, err = capsys.readouterr()
    assert exit_.value.code in (0, None), err
    return out


def test_the_register_read_has_the_written_decision_with_its_number(decided):
    with decided.db.engine.connect() as conn:
        (entry,) = register(conn, 1, 2026)
        assert years(conn, 1) == [2026]
        rows, total = search(conn, 1, year=None, needle="kiezfonds", offset=0, limit=25)
    assert total == 1 and rows == [entry]
    assert entry["reference"] == "KG-2026/01" and entry["number"] == 1
    assert entry["written_procedure"] == 1 and entry["meeting_id"] is None
    assert entry["votes"] == {"yes": 7, "no": 1, "abstain": 0} and entry["carried"] is True
    assert entry["ballots"]["Rabenhaus"] == "no" and entry["method"] == "written"


def test_decisions_list_shows_it_in_german_and_english_and_as_json(decided, capsys):
    german = cli(decided, capsys, "--lang", "de", "decisions", "list")
    assert "KG-2026/01" in german
    assert "Umlaufverfahren Nr. 1: Stellungnahme Kiezfonds" in german
    assert "Wir unterstützen ihn." in german  # one line in the table
    english = cli(decided, capsys, "--lang", "en", "decisions", "list")
    assert "Written procedure no. 1: Stellungnahme Kiezfonds" in english
    (row,) = json.loads(cli(decided, capsys, "decisions", "list", "--json"))
    assert row["reference"] == "KG-2026/01" and row["written_procedure"] == 1
    assert row["title"] == "Stellungnahme Kiezfonds" and row["top"] is None
    assert json.loads(cli(decided, capsys, "decisions", "list", "--year", "2025", "--json")) == []
