"""Privacy by default, its inputs on the command line (issue 15.6), from an empty
installation: the chair or secretariat marks an agenda item nichtöffentlich and
public again (``agenda confidential|public``), a person's consent to their e-mail
address being published is recorded and withdrawn (``person email-public``); text
and --json, German and English; a repeat changes nothing and says so; bad input
and the wrong role are refused with one line and change nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.gremium_cli import Gremium, isolate

ADMIN = "admin@bezirk.example.org"
CHAIR = "leitung@bezirk.example.org"
SECRETARY = "gs@bezirk.example.org"
PARTNER = "vorstand@nachbarn.example.org"


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    """An empty installation, a committee with chair, secretariat and one partner, and a
    meeting with two items on its agenda and a partner's proposal."""
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)
    g.ok("init", "--admin-email", ADMIN, "--admin-name", "Administration")
    g.ok("committee", "add", "Kooperationsgremium Nord", "--short", "KN",
         "--sender", "gremium@bezirk.example.org", actor=ADMIN)  # fmt: skip
    g.ok("org", "add", "Bezirksamt Nord", "--short", "BA", "--kind", "public_body", actor=ADMIN)
    g.ok("person", "add", "Lena Leitung", "--email", CHAIR, "--org", "BA", actor=ADMIN)
    g.ok("person", "add", "Gero Geschäftsstelle", "--email", SECRETARY, "--org", "BA", actor=ADMIN)
    g.ok("member", "add", "--org", "BA", "--role", "chair", "--representative", CHAIR, actor=ADMIN)
    g.ok("secretariat", "add", SECRETARY, actor=CHAIR)
    g.ok("org", "add", "Nachbarn e.V.", "--short", "Nachbarn", "--kind", "association", actor=CHAIR)
    g.ok("person", "add", "Nora Nachbar", "--email", PARTNER, "--org", "Nachbarn", actor=CHAIR)
    g.ok("member", "add", "--org", "Nachbarn", "--representative", PARTNER, actor=CHAIR)
    g.ok("meeting", "plan", "--committee", "KN", "--title", "Frühjahrssitzung",
         "--start", "2026-03-18 10:00", "--location", "Rathaus", actor=CHAIR)  # fmt: skip
    g.ok("agenda", "propose", "1", "--title", "Haushalt 2027", "--kind", "decision", actor=CHAIR)
    g.ok("agenda", "propose", "1", "--title", "Personalangelegenheit", actor=CHAIR)
    g.ok("agenda", "propose", "1", "--title", "Kiezfest", actor=PARTNER)
    return g


def _agenda(g: Gremium) -> dict[str, dict[str, Any]]:
    return {i["title"]: i for i in g.json("meeting", "show", "1")["agenda"]}


def _audited(g: Gremium, action: str) -> list[dict[str, Any]]:
    records = g.json("audit", "log", "--limit", "1000")
    return [r for r in records if r["action"] == action]


def test_the_secretariat_marks_an_item_nichtoeffentlich_and_the_chair_makes_it_public_again(
    gremium: Gremium,
) -> None:
    top = _agenda(gremium)["Personalangelegenheit"]["top"]
    assert _agenda(gremium)["Personalangelegenheit"]["confidential"] is False
    out = gremium.ok("agenda", "confidential", "1", str(top), actor=SECRETARY)
    assert f"TOP {top} „Personalangelegenheit“ (Sitzung 1) ist jetzt nichtöffentlich" in out
    shown = gremium.ok("--lang", "de", "meeting", "show", "1")
    assert "Personalangelegenheit  [Aussprache, nichtöffentlich]" in shown
    assert "Haushalt 2027  [Beschluss, einfache Mehrheit]" in shown
    english = gremium.ok("--lang", "en", "meeting", "show", "1")
    assert "Personalangelegenheit  [discussion, closed session]" in english
    items = _agenda(gremium)
    assert items["Personalangelegenheit"]["confidential"] is True
    assert items["Haushalt 2027"]["confidential"] is False

    # A repeat changes nothing, says so, and leaves no second record.
    again = gremium.ok("agenda", "confidential", "1", str(top), actor=CHAIR)
    assert "ist bereits nichtöffentlich; nichts geändert" in again
    [record] = _audited(gremium, "agenda.confidential")
    assert record["details"]["confidential"] is True and record["details"]["top"] == top

    data = json.loads(
        gremium.ok("--lang", "en", "agenda", "public", "1", str(top), "--json", actor=CHAIR)
    )
    assert data == {
        "meeting": 1,
        "item": items["Personalangelegenheit"]["id"],
        "top": top,
        "title": "Personalangelegenheit",
        "confidential": False,
        "changed": True,
    }
    english = gremium.ok("--lang", "en", "agenda", "public", "1", str(top), actor=CHAIR)
    assert f"Item {top} “Personalangelegenheit” (meeting 1) is public already" in english
    assert [r["details"]["confidential"] for r in _audited(gremium, "agenda.confidential")] == [
        True,
        False,
    ]
    assert _agenda(gremium)["Personalangelegenheit"]["confidential"] is False
    assert "unversehrt" in gremium.ok("audit", "verify")


def test_a_proposal_not_yet_on_the_agenda_is_named_by_its_number(gremium: Gremium) -> None:
    proposal = _agenda(gremium)["Kiezfest"]
    assert proposal["status"] == "proposed"
    out = gremium.ok("--lang", "en", "agenda", "confidential", "1", f"#{proposal['id']}",
                     actor=CHAIR)  # fmt: skip
    assert f"#{proposal['id']} “Kiezfest” (meeting 1) is now in closed session" in out
    assert _agenda(gremium)["Kiezfest"]["confidential"] is True


@pytest.mark.parametrize(
    ("args", "actor", "expected"),
    [
        (("1", "9"), CHAIR, "Tagesordnungspunkt „1/9“ gibt es nicht"),
        (("7", "1"), CHAIR, "Sitzung „7“ gibt es nicht"),
        (("1", "#99"), CHAIR, "Tagesordnungspunkt „99“ gibt es nicht"),
        (("1", "2"), PARTNER, "nur Vorsitz / Geschäftsstelle des Gremiums „KN“"),
        (("1", "2"), ADMIN, "nur Vorsitz / Geschäftsstelle des Gremiums „KN“"),
    ],
)
def test_an_unknown_item_or_meeting_or_the_wrong_role_is_refused_and_changes_nothing(
    gremium: Gremium, args: tuple[str, str], actor: str, expected: str
) -> None:
    before = gremium.snapshot()
    line = gremium.refused("agenda", "confidential", *args, actor=actor)
    assert expected in line, line
    after = gremium.snapshot()
    if "Vorsitz" in expected:  # a refusal for the role is on record, nothing else
        refused = [r for r in _audited(gremium, "agenda.confidential") if r["outcome"] == "refused"]
        assert len(refused) == 1
    else:
        assert after == before
    assert not any(i["confidential"] for i in _agenda(gremium).values())


def test_an_item_of_another_meeting_is_refused(gremium: Gremium) -> None:
    gremium.ok("meeting", "plan", "--committee", "KN", "--title", "Sommersitzung",
               "--start", "2026-06-17 10:00", "--location", "Rathaus", actor=CHAIR)  # fmt: skip
    first = _agenda(gremium)["Haushalt 2027"]["id"]
    before = gremium.snapshot()
    line = gremium.refused("--lang", "en", "agenda", "confidential", "2", f"#{first}", actor=CHAIR)
    assert "meeting 2" in line and str(first) in line
    assert gremium.snapshot() == before


def test_consent_to_publish_an_address_is_given_by_the_person_and_withdrawn_by_the_administration(
    gremium: Gremium,
) -> None:
    out = gremium.ok("person", "email-public", PARTNER, "--yes", actor=PARTNER)
    assert f"{PARTNER}: Einwilligung erfasst" in out
    assert gremium.json("person", "show", PARTNER)["email_public"] is True
    shown = gremium.ok("person", "show", PARTNER)
    assert "E-Mail-Adresse veröffentlichen (Einwilligung): ja" in shown
    again = gremium.ok("person", "email-public", PARTNER, "--yes", actor=PARTNER)
    assert "Einwilligung war bereits erfasst; nichts geändert" in again
    data = json.loads(
        gremium.ok("--lang", "en", "person", "email-public", PARTNER, "--no", "--json", actor=ADMIN)
    )
    assert data == {"email": PARTNER, "email_public": False, "changed": True}
    english = gremium.ok("--lang", "en", "person", "email-public", PARTNER, "--no", actor=ADMIN)
    assert f"{PARTNER}: no consent recorded; nothing changed." in english
    assert gremium.json("person", "show", PARTNER)["email_public"] is False
    records = _audited(gremium, "person.email_public")
    assert [(r["details"]["public"], r["details"]["recorded_by"]) for r in records] == [
        (True, "self"),
        (False, "administration"),
    ]
    assert all(r["at"] for r in records)  # when consent was given and withdrawn
    exported = json.loads(gremium.ok("person", "export", PARTNER, actor=PARTNER))
    assert exported["person"]["email_public"] is False


@pytest.mark.parametrize(
    ("args", "actor", "expected"),
    [
        ((CHAIR, "--yes"), PARTNER, "nur die Person selbst"),
        (("niemand@example.org", "--yes"), ADMIN, "Person „niemand@example.org“ gibt es nicht"),
        (("kein-at-zeichen", "--yes"), ADMIN, "keine E-Mail-Adresse"),
    ],
)
def test_consent_for_someone_else_or_an_unknown_person_is_refused_and_changes_nothing(
    gremium: Gremium, args: tuple[str, str], actor: str, expected: str
) -> None:
    before = gremium.counts()
    line = gremium.refused("person", "email-public", *args, actor=actor)
    assert expected in line, line
    after = list(gremium.counts())
    if "selbst" in expected:
        after[-1] -= 1  # the refusal's audit record
    assert tuple(after) == before
    assert gremium.json("person", "show", CHAIR)["email_public"] is False


def test_consent_needs_yes_or_no(gremium: Gremium) -> None:
    code, _, err = gremium("--lang", "en", "person", "email-public", PARTNER, actor=ADMIN)
    assert code == 2 and "Please give --yes (consent given) or --no (withdrawn)." in err
