"""``gremium meeting conflict … --withdraw`` and ``meeting transfer-vote … --withdraw``
on a copy of the demo year (its next meeting, ID 5): text and --json, German and
English, and the refusals that change nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.gremium_cli import Gremium

CHAIR = "spk@ba-tk.example.org"
SEC = "geschaeftsstelle@ba-tk.example.org"
RABENHAUS = "gf@rabenhaus.example.org"
NEXT_MEETING = "5"


@pytest.fixture
def g(demo_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    """A copy of the demo year, its clock where the demo stopped (2027-01-05 12:00)."""
    monkeypatch.chdir(tmp_path)
    for var in ("GREMIUM_CONFIG", "GREMIUM_DB", "GREMIUM_AS", "GREMIUM_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    monkeypatch.setenv("GREMIUM_ATTACH_DOCUMENTS", "false")
    database = tmp_path / "gremium.db"
    with sqlite3.connect(demo_year / "gremium.db") as source, sqlite3.connect(database) as copy:
        source.backup(copy)
        copy.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('simulated_clock', ?)",
            ("2027-01-05 12:00:00+01:00",),
        )
    source.close()
    copy.close()
    # the audit key next to the database, as the demo left it
    shutil.copy2(demo_year / "audit.key", tmp_path / "audit.key")
    return Gremium(f"sqlite:///{database}", capsys)


def test_a_conflict_is_withdrawn_from_the_command_line(g: Gremium) -> None:
    g.ok(
        "agenda", "propose", NEXT_MEETING, "--title", "Haushalt 2028", "--kind", "decision",
        actor=CHAIR,
    )  # fmt: skip
    agenda = json.loads(g.ok("meeting", "show", NEXT_MEETING, "--json"))["agenda"]
    top = str(next(i["top"] for i in agenda if i["title"] == "Haushalt 2028"))
    g.ok(
        "meeting", "conflict", NEXT_MEETING, top, "Rabenhaus", "--reason", "Trägerin",
        actor=RABENHAUS,
    )  # fmt: skip
    assert "--withdraw" in g.refused(
        "meeting", "conflict", NEXT_MEETING, top, "Rabenhaus", "--withdraw", "--reason", "x",
        actor=RABENHAUS,
    )  # fmt: skip
    assert "--reason" in g.refused("meeting", "conflict", NEXT_MEETING, top, "Rabenhaus", actor=SEC)
    out = g.ok(
        "--lang", "en", "meeting", "conflict", NEXT_MEETING, top, "Rabenhaus", "--withdraw",
        actor=RABENHAUS,
    )  # fmt: skip
    assert out.startswith(f"Withdrawn: the conflict of interest of Rabenhaus in item {top}")
    again = g.refused(
        "meeting", "conflict", NEXT_MEETING, top, "Rabenhaus", "--withdraw", actor=SEC
    )
    assert f"Rabenhaus hat bei TOP {top}" in again and "zurückgezogen werden könnte" in again
    g.ok("meeting", "conflict", NEXT_MEETING, top, "Rabenhaus", "--reason", "Trägerin", actor=SEC)
    data = json.loads(
        g.ok(
            "meeting", "conflict", NEXT_MEETING, top, "Rabenhaus", "--withdraw", "--json", actor=SEC
        )
    )
    assert data["withdrawn"] is True and data["organisation"] == "Rabenhaus"
    shown = json.loads(g.ok("meeting", "show", NEXT_MEETING, "--json"))
    assert all(not item.get("conflicts") for item in shown["agenda"])
    assert g("audit", "verify")[0] == 0


def test_a_vote_transfer_is_withdrawn_from_the_command_line(g: Gremium) -> None:
    g.ok("meeting", "transfer-vote", NEXT_MEETING, "Paritätischer Berlin", "tjfbg", actor=SEC)
    assert "(TO)" in g.refused(
        "meeting", "transfer-vote", NEXT_MEETING, "Paritätischer Berlin", actor=SEC
    )
    assert "tjfbg ist zu viel" in g.refused(
        "meeting", "transfer-vote", NEXT_MEETING, "Paritätischer Berlin", "tjfbg", "--withdraw",
        actor=SEC,
    )  # fmt: skip
    shown = json.loads(g.ok("meeting", "show", NEXT_MEETING, "--json"))
    assert shown["vote_transfers"] == [
        {"from": "Paritätischer Berlin", "to": "tjfbg", "via": "secretariat"}
    ]
    out = g.ok(
        "meeting", "transfer-vote", NEXT_MEETING, "Paritätischer Berlin", "--withdraw", actor=SEC
    )
    assert out.strip() == (
        "Zurückgezogen: die Übertragung der Stimme von Paritätischer Berlin an tjfbg für Sitzung 5."
    )
    shown = json.loads(g.ok("meeting", "show", NEXT_MEETING, "--json"))
    assert shown["vote_transfers"] == []
    missing = g.refused(
        "--lang", "en", "meeting", "transfer-vote", NEXT_MEETING, "Paritätischer Berlin",
        "--withdraw", "--json", actor=SEC,
    )  # fmt: skip
    assert "has not transferred its vote for meeting 5" in missing
    assert g("audit", "verify")[0] == 0
