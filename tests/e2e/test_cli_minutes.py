"""``gremium minutes`` end to end: the secretariat minutes the June meeting of
the example from a Markdown file, previews and circulates the draft, a member
objects, the timer approves the revised minutes tacitly, the archived PDF/A is
exported; refused commands say why in one line and change nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from governance.examples import treptow_koepenick as tk
from governance.models import Setting
from tests.e2e.gremium_cli import Gremium, built_once, isolate
from tests.golden import scenario as example

SECRETARIAT = tk.SECRETARIAT_EMAIL
CHAIR = tk.CHAIR_EMAIL
RABENHAUS = example.RABENHAUS_EMAIL
NOTES_MD = """# Notizen zur Sitzung am 10.06.2026

## TOP 1
Keine offenen Aufgaben.

## TOP 2: Stadtteilfest
Kosmosviertel stellt das Konzept vor.

KungerKiez hält den Termin für zu früh.
"""


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    """The example with the June meeting held and closed, its minutes not written yet."""
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")

    def build(t: Gremium) -> None:
        scenario = example.open_agreement(t.url)
        example.sign_at_ceremony(scenario)
        example.accept_application(scenario)
        example.declare_accession(scenario)
        example.hold_meeting(scenario, circulate=False)
        # The command line continues on the scenario's simulated clock.
        with scenario.app.db.session() as s, s.begin():
            s.add(Setting(key="simulated_clock", value=scenario.clock.now().isoformat()))
        scenario.app.db.dispose()
        _MEETING[:] = [str(scenario.meeting_id)]

    g = built_once(Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys), "june held", build)
    g.meeting = _MEETING[0]  # type: ignore[attr-defined]
    return g


_MEETING: list[str] = []  # the held meeting's number, the same in every copy


def test_the_secretariat_notes_previews_and_circulates_and_a_member_objects(
    gremium: Gremium, tmp_path: Path
):
    meeting = gremium.meeting  # type: ignore[attr-defined]
    (tmp_path / "notizen.md").write_text(NOTES_MD, encoding="utf-8")
    out = gremium.ok("minutes", "note", meeting, "--file", "notizen.md", actor=SECRETARIAT)
    assert out.strip() == f"Notizen zu TOP 1, 2 der Sitzung {meeting} erfasst."
    gremium.ok(
        "minutes", "note", meeting, "--top", "4", "--text", "Bericht SenASGIVA.", actor=SECRETARIAT
    )

    gremium.ok("minutes", "preview", meeting, "--out", "entwurf.html")
    html = (tmp_path / "entwurf.html").read_text(encoding="utf-8")
    assert "<p>Kosmosviertel stellt das Konzept vor.</p>" in html
    assert "<p>KungerKiez hält den Termin für zu früh.</p>" in html
    assert "Entwurf – noch nicht genehmigt." in html

    out = gremium.ok("minutes", "circulate", meeting, actor=SECRETARIAT)
    assert out.strip() == (
        f"Protokoll der Sitzung {meeting}, Fassung 1, versandt; Einwendungen bis 29.06.2026 23:59."
    )
    out = gremium.ok("minutes", "object", meeting, "--text", "TOP 3 fehlt.", actor=RABENHAUS)
    assert "Einwendung 1 erfasst" in out
    shown = gremium.json("minutes", "show", meeting)
    assert shown["state"] == "drafting" and shown["revision"] == 1
    assert shown["objections"][0]["organisation"] == "Rabenhaus"
    assert shown["objections"][0]["text"] == "TOP 3 fehlt."


def test_revised_minutes_are_approved_tacitly_archived_and_exported(
    gremium: Gremium, tmp_path: Path
):
    meeting = gremium.meeting  # type: ignore[attr-defined]
    gremium.ok("minutes", "note", meeting, "--top", "1", "--text", "Keine.", actor=SECRETARIAT)
    gremium.ok("minutes", "circulate", meeting, actor=SECRETARIAT)
    gremium.ok("minutes", "object", meeting, "--text", "TOP 3 fehlt.", actor=RABENHAUS)
    gremium.ok("minutes", "note", meeting, "--top", "3", "--text", "Saal frei.", actor=SECRETARIAT)
    gremium.ok("minutes", "resolve", meeting, "1", "--note", "Ergänzt.", actor=CHAIR)
    gremium.ok("minutes", "circulate", meeting, actor=SECRETARIAT)
    gremium.ok("tick", "--until", "2026-07-01 00:00")
    shown = gremium.json("minutes", "show", meeting)
    assert shown["state"] == "archived" and shown["revision"] == 2
    assert shown["approved_by"] == "tacit"
    out = gremium.ok("minutes", "export", meeting, "--out", "protokoll.pdf")
    data = (tmp_path / "protokoll.pdf").read_bytes()
    assert hashlib.sha256(data).hexdigest() == shown["archive_sha256"]
    assert shown["archive_sha256"] in out
    assert Path(shown["archive_path"]).parent == tmp_path / "archive"

    before = (gremium.counts()[:-1], gremium.json("minutes", "show", meeting))
    err = gremium.refused(
        "minutes", "note", meeting, "--top", "1", "--text", "x", actor=SECRETARIAT
    )
    assert "genehmigt und damit unveränderlich" in err
    # Nothing changed (the refusal itself goes into the audit trail).
    assert (gremium.counts()[:-1], gremium.json("minutes", "show", meeting)) == before


def test_refused_minutes_commands_say_why_in_one_line(gremium: Gremium):
    meeting = gremium.meeting  # type: ignore[attr-defined]
    before = gremium.counts()
    err = gremium.refused(
        "minutes", "note", meeting, "--top", "9", "--text", "x", actor=SECRETARIAT
    )
    assert err == (
        f"Fehler: Sitzung {meeting} hat keinen TOP 9; ihre TOPs: 1, 2, 3, 4. Nichts wurde geändert."
    )
    err = gremium.refused("minutes", "note", meeting, actor=SECRETARIAT)
    assert err == "Fehler: Bitte --file DATEI oder --top NR mit --text angeben."
    err = gremium.refused("minutes", "export", meeting, "--out", "p.pdf")
    assert "ist nicht archiviert" in err
    gremium.ok("minutes", "circulate", meeting, actor=SECRETARIAT)
    err = gremium.refused("minutes", "object", meeting, "--text", "x", actor=SECRETARIAT)
    assert "Einwendungen gegen das Protokoll erheben" in err
    err = gremium.refused("minutes", "approve", meeting, actor=CHAIR)
    assert "die Einwendungsfrist läuft noch" in err
    assert gremium.counts()[:-1] == before[:-1]


def test_an_archive_that_failed_is_listed_and_archived_again_after_a_retry(
    gremium: Gremium, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    meeting = gremium.meeting  # type: ignore[attr-defined]
    (tmp_path / "voll").write_text("a file where the archive folder should be")
    monkeypatch.setenv("GREMIUM_ARCHIVE", str(tmp_path / "voll" / "archiv"))
    gremium.ok("minutes", "note", meeting, "--top", "1", "--text", "Keine.", actor=SECRETARIAT)
    gremium.ok("minutes", "circulate", meeting, actor=SECRETARIAT)
    gremium.ok("tick", "--until", "2026-07-01 00:00")
    assert gremium.json("minutes", "show", meeting)["state"] == "approved"
    [failed] = gremium.json("timers", "list", "--failed")
    assert (failed["trigger"], failed["entity_type"]) == ("archive", "minutes")
    assert "NotADirectoryError" in failed["last_error"]
    assert "NotADirectoryError" in gremium.ok("timers", "list", "--failed")

    assert gremium.refused("timers", "retry", str(failed["id"]), actor=RABENHAUS) == (
        f"Fehler: {RABENHAUS} darf „gescheiterte Zeitgeber erneut auslösen“ nicht ausführen: "
        "nur Vorsitz / Geschäftsstelle des Gremiums „KG“ darf das."
    )
    monkeypatch.setenv("GREMIUM_ARCHIVE", str(tmp_path / "archiv"))
    out = gremium.ok("timers", "retry", str(failed["id"]), actor=SECRETARIAT)
    assert out.strip() == (
        f"Zeitgeber {failed['id']} (archive für minutes:{failed['entity_id']}) ist wieder "
        "fällig und wird beim nächsten Durchgang ausgelöst."
    )
    assert gremium.refused("timers", "retry", str(failed["id"]), actor=SECRETARIAT) == (
        f"Fehler: Zeitgeber {failed['id']} ist nicht gescheitert (Stand: anstehend); "
        "erneut auslösen lässt sich nur ein gescheiterter."
    )
    gremium.ok("tick", "--until", "2026-07-01 00:05")
    shown = gremium.json("minutes", "show", meeting)
    assert shown["state"] == "archived"
    assert Path(shown["archive_path"]).parent == tmp_path / "archiv"
    assert gremium.ok("timers", "list", "--failed") == "Keine gescheiterten Zeitgeber.\n"
