"""``gremium procedure`` as a user types it: text and --json, German and English, and
refusals on one line that change nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from governance.examples import treptow_koepenick as tk
from tests.e2e.gremium_cli import Gremium, init_once, isolate

CHAIR, SEC = tk.CHAIR_EMAIL, tk.SECRETARIAT_EMAIL
RABENHAUS = "gf@rabenhaus.example.org"


@pytest.fixture
def g(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    gremium = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)
    return init_once(gremium, "--example", "treptow-koepenick")


def start(g: Gremium, *extra: str) -> str:
    return g.ok(
        "procedure", "start", "--title", "Kiezfonds", "--text", "Wir unterstützen ihn.", *extra,
        actor=CHAIR,
    )  # fmt: skip


def test_start_vote_and_show_in_german_and_english(g: Gremium) -> None:
    said = start(g)
    assert said.strip() == (
        "Umlaufverfahren Nr. 1 eingeleitet: 8 stimmberechtigte Mitglieder, "
        "Frist bis 2026-01-19 23:59."
    )
    said = g.ok("procedure", "vote", "1", "--choice", "yes", actor=RABENHAUS)
    assert "Stimme von Rabenhaus im Umlaufverfahren Nr. 1: Ja (1 von 8 haben abgestimmt)." in said
    said = g.ok("--lang", "en", "procedure", "vote", "1", "--choice", "no", "--paper",
                "--org", "ajb", actor=SEC)  # fmt: skip
    assert "Paper vote of ajb in written procedure no. 1 recorded: no (2 of 8 have voted)." in said
    shown = g.ok("procedure", "show", "1")
    assert "Umlaufverfahren Nr. 1: Kiezfonds (offen)" in shown
    assert "abgestimmt 2 von 8 (nötig: 5)" in shown
    assert "auf Papier, nachträglich erfasst" in shown
    english = g.ok("--lang", "en", "procedure", "list")
    assert "Kiezfonds" in english and "2/8" in english and "open" in english
    data = g.json("procedure", "show", "1")
    assert data["state"] == "open" and data["votes"] == {"yes": 1, "no": 1, "abstain": 0}
    assert data["deadline_at"] == "2026-01-19T22:59:00+00:00"
    [listed] = g.json("procedure", "list")
    assert listed["id"] == 1 and listed["voted"] == 2


def test_a_second_vote_is_refused_on_one_line_and_changes_nothing(g: Gremium) -> None:
    start(g)
    g.ok("procedure", "vote", "1", "--choice", "yes", actor=RABENHAUS)
    before = g.snapshot()
    message = g.refused("procedure", "vote", "1", "--choice", "no", actor=RABENHAUS)
    assert (
        "Rabenhaus hat in diesem Umlaufverfahren schon abgestimmt (Ja, 2026-01-12 09:00)" in message
    )
    counts_before, counts_after = before[:-1], g.snapshot()[:-1]
    assert counts_before[:-1] == counts_after[:-1]  # only the refusal's audit record is added


def test_all_votes_decide_with_the_next_register_number(g: Gremium) -> None:
    start(g, "--kind", "statement", "--majority", "two_thirds")
    voters = [CHAIR, RABENHAUS, "vorstand@offensiv91.example.org", "treptow@tjfbg.example.org",
              "kontakt@kungerkiez.example.org", "gwa@ajb.example.org",
              "bezirk-tk@paritaet-berlin.example.org"]  # fmt: skip
    for person in voters:
        g.ok("procedure", "vote", "1", "--choice", "yes", actor=person)
    said = g.ok("procedure", "vote", "1", "--choice", "no", actor="referat@vska.example.org")
    assert "Umlaufverfahren Nr. 1 beendet: beschlossen (Beschluss-Nr. KG-2026/01)." in said
    shown = g.ok("--lang", "en", "procedure", "show", "1")
    assert "Decision KG-2026/01: carried (7 yes, 1 no, 0 abstentions)" in shown


def test_a_demand_for_a_meeting_and_a_withdrawal(g: Gremium) -> None:
    start(g)
    said = g.ok("procedure", "demand-meeting", "1", actor=RABENHAUS)
    assert "Rabenhaus verlangt die Beratung von Nr. 1 in einer Sitzung (1 von 1 nötigen)." in said
    assert "in die Sitzung verwiesen" in said
    message = g.refused("procedure", "withdraw", "1", "--reason", "x", actor=CHAIR)
    assert "in die Sitzung verwiesen" in message
    start(g)
    message = g.refused("procedure", "withdraw", "2", "--reason", "x", actor=RABENHAUS)
    assert "Vorsitz" in message
    said = g.ok("procedure", "withdraw", "2", "--reason", "Doppelt", actor=CHAIR)
    assert "Umlaufverfahren Nr. 2 zurückgezogen" in said
    assert "keine Nummer" not in g.refused("procedure", "show", "9")
    assert "Umlaufverfahren „9“ gibt es nicht" in g.refused("procedure", "show", "9")
