"""``gremium programme`` and ``gremium area`` as a user types them: from an empty
installation, from ``init --example gemeinschaftsinitiative`` and over the demo
year; text and --json, German and English; refusals on one line, audited, that
change nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from governance.examples import gemeinschaftsinitiative as gi
from governance.examples import treptow_koepenick as tk
from tests.e2e.gremium_cli import Gremium, isolate

ADMIN = "admin@gremium.example.org"
KORA = "kora@bezirk.example.org"
NOBODY = "niemand@example.org"
RITA = "rita@bezirk.example.org"


@pytest.fixture
def g(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    return Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)


def refused_actions(g: Gremium) -> list[tuple[str, str]]:
    with sqlite3.connect(g.url.removeprefix("sqlite:///")) as db:
        rows = db.execute(
            "SELECT action, entity_type FROM audit_records WHERE outcome = 'refused' ORDER BY seq"
        ).fetchall()
    db.close()
    return [(a, b) for a, b in rows]


def test_from_an_empty_installation(g: Gremium) -> None:
    g.ok("init", "--admin-email", ADMIN, "--admin-name", "Ada Admin")
    assert "Keine Programme." in g.ok("programme", "list")
    g.ok("committee", "add", "Runde Nord", "--short", "RN", "--sender", "rn@x.example.org",
         actor=ADMIN)  # fmt: skip
    g.ok("committee", "add", "Runde Süd", "--short", "RS", "--sender", "rs@x.example.org",
         actor=ADMIN)  # fmt: skip
    g.ok("person", "add", "Kora Koordination", "--email", KORA, actor=ADMIN)
    g.ok("person", "add", "Nora Niemand", "--email", NOBODY, actor=ADMIN)
    said = g.ok("programme", "add", "Gemeinschaftsinitiative", "--short", "GI", actor=ADMIN)
    assert said.strip() == "Programm GI angelegt (ID 1)."

    # only the administrator sets programmes up: one line, audited, nothing changed
    before = g.snapshot()
    line = g.refused("area", "add", "GI", "Nord", "--short", "nord", actor=NOBODY)
    assert "darf „Programme und Handlungsräume einrichten“ nicht ausführen" in line
    assert "Administration" in line
    after = g.snapshot()
    assert after[:6] == before[:6]  # the audit log got the refusal, nothing else changed
    assert refused_actions(g) == [("programme.create", "programmes")]

    said = g.ok("--lang", "en", "area", "add", "GI", "Nord", "--short", "nord", actor=ADMIN)
    assert said.strip() == "Action area nord created (ID 1)."
    added = json.loads(g.ok("area", "add", "GI", "Süd", "--short", "sued", "--json", actor=ADMIN))
    assert added == {"id": 2, "name": "Süd", "short_name": "sued"}
    g.ok("area", "add-committee", "nord", "RN", actor=ADMIN)
    said = g.ok("area", "add-committee", "sued", "RS", actor=ADMIN)
    assert said.strip() == "Gremium RS gehört jetzt zum Handlungsraum sued."
    said = g.ok("area", "appoint", "nord", KORA, actor=ADMIN)
    assert said.strip() == f"{KORA} koordiniert jetzt den Handlungsraum nord."
    g.ok("programme", "office", "GI", NOBODY, actor=ADMIN)

    # bad input: what is wrong and what is allowed, and nothing changes
    before = g.snapshot()
    line = g.refused("area", "add-committee", "sued", "RN", actor=ADMIN)
    assert "gehört schon zum Handlungsraum „Nord“" in line
    line = g.refused("area", "add", "GI", "Ost", "--short", "zwei worte", actor=ADMIN)
    assert "ein Wort mit höchstens 40 Zeichen" in line
    line = g.refused("area", "show", "west")
    assert line == "Fehler: Handlungsraum „west“ gibt es nicht. Bekannt: nord, sued."
    line = g.refused("area", "overview", "nord", "--from", "2026-13-01")
    assert "--from: „2026-13-01“ ist kein Tag" in line
    line = g.refused("area", "overview", "nord", "--from", "2026-05-01", "--to", "2026-04-01")
    assert "höchstens fünf Jahre" in line
    assert g.snapshot()[:6] == before[:6]

    shown = g.ok("programme", "show", "GI")
    assert "Programmbüro: Nora Niemand <niemand@example.org>" in shown
    assert "nord      Nord           RN       kora@bezirk.example.org" in shown
    english = g.ok("--lang", "en", "programme", "show", "GI")
    assert "Programme office: Nora Niemand" in english and "2 action areas:" in english
    data = g.json("programme", "show", "GI")
    assert [
        (a["short_name"], [c["short_name"] for c in a["committees"]]) for a in data["areas"]
    ] == [
        ("nord", ["RN"]),
        ("sued", ["RS"]),
    ]
    [listed] = g.json("programme", "list")
    assert (listed["areas"], listed["committees"]) == (2, 2)

    # a meeting planned in RN shows in the area's and the programme's overview
    g.ok("org", "add", "Bezirksamt Nord", "--short", "BA", "--kind", "public_body", actor=ADMIN)
    g.ok("person", "add", "Rita Runde", "--email", RITA, "--org", "BA", actor=ADMIN)
    g.ok("member", "add", "--committee", "RN", "--org", "BA", "--role", "chair",
         "--representative", RITA, actor=ADMIN)  # fmt: skip
    g.ok("meeting", "plan", "--committee", "RN", "--title", "Auftakt Nord",
         "--start", "2026-02-11 10:00", "--location", "Rathaus", actor=RITA)  # fmt: skip
    overview = g.ok("area", "overview", "nord")
    assert "Nord — Gremien: RN" in overview
    assert "Nächste Sitzungen (1)" in overview and "Auftakt Nord" in overview
    assert "Beschlüsse vom 2026-01-01 bis 2026-12-31 (0)" in overview
    english = g.ok("--lang", "en", "programme", "overview", "GI")
    assert "Upcoming meetings (1)" in english and "Minutes not yet approved (0)" in english
    data = g.json("programme", "overview", "GI", "--from", "2026-01-01", "--to", "2026-06-30")
    assert data["name"] == "Gemeinschaftsinitiative"
    assert [c["short_name"] for c in data["committees"]] == ["RN", "RS"]
    [meeting] = data["upcoming"]["rows"]
    assert (meeting["committee"], meeting["title"]) == ("RN", "Auftakt Nord")
    assert (data["since"], data["until"]) == ("2026-01-01", "2026-06-30")
    assert g.json("area", "overview", "sued")["upcoming"]["rows"] == []

    g.ok("area", "remove-committee", "nord", "RN", actor=ADMIN)
    g.ok("area", "dismiss", "nord", KORA, actor=ADMIN)
    assert g.json("area", "show", "nord")["committees"] == []


def test_the_programme_office_renames_an_area(g: Gremium) -> None:
    """An area set up by its number gets its name: the programme's office or the
    administrator, audited; the coordinator and others are refused; bad input says
    what is allowed; links keep working (they carry the area's ID)."""
    g.ok("init", "--admin-email", ADMIN, "--admin-name", "Ada Admin")
    g.ok("person", "add", "Olga Office", "--email", RITA, actor=ADMIN)
    g.ok("person", "add", "Kora Koordination", "--email", KORA, actor=ADMIN)
    g.ok("person", "add", "Nora Niemand", "--email", NOBODY, actor=ADMIN)
    g.ok("programme", "add", "Gemeinschaftsinitiative", "--short", "GI", actor=ADMIN)
    g.ok("area", "add", "GI", "Handlungsraum 6", "--short", "handlungsraum-6", actor=ADMIN)
    g.ok("area", "add", "GI", "Stadtrand Süd", "--short", "stadtrand-sued", actor=ADMIN)
    g.ok("programme", "office", "GI", RITA, actor=ADMIN)
    g.ok("area", "appoint", "handlungsraum-6", KORA, actor=ADMIN)

    # neither the area's coordinator nor anyone else: one line, audited, nothing changed
    before = g.snapshot()
    for who in (KORA, NOBODY):
        line = g.refused("area", "rename", "handlungsraum-6", "Wedding", actor=who)
        assert "darf „Handlungsraum umbenennen“ nicht ausführen" in line
    line = g.refused("--lang", "en", "area", "rename", "1", "Wedding", actor=NOBODY)
    assert "may not “rename the action area”" in line
    assert g.snapshot()[:6] == before[:6]
    assert refused_actions(g) == [("area.rename", "action_areas")] * 3

    # bad input
    line = g.refused("area", "rename", "1", "Stadtrand süd", actor=RITA)
    assert line == "Fehler: Handlungsraum „Stadtrand süd“ gibt es schon."
    line = g.refused("area", "rename", "1", "Wedding", "--short", "stadtrand-sued", actor=RITA)
    assert line == "Fehler: Handlungsraum „stadtrand-sued“ gibt es schon."
    line = g.refused("area", "rename", "1", "Wedding", "--short", "7", actor=RITA)
    assert "Kurzname „7“ ist nicht erlaubt; erlaubt: ein Wort" in line
    line = g.refused("area", "rename", "1", "Handlungsraum 6", actor=RITA)
    assert line.startswith("Fehler: Der Handlungsraum heißt schon „Handlungsraum 6“")
    line = g.refused("--lang", "en", "area", "rename", "1", "  ", actor=RITA)
    assert line.startswith("Error: ") and "name" in line
    line = g.refused("area", "rename", "west", "Wedding", actor=RITA)
    assert line.startswith("Fehler: Handlungsraum „west“ gibt es nicht.")
    assert g.snapshot()[:6] == before[:6]

    # the office renames (text, German), the administrator too (--json, English)
    said = g.ok("area", "rename", "handlungsraum-6", "Wedding", "--short", "wedding", actor=RITA)
    assert said.strip() == (
        "Handlungsraum 1 heißt jetzt „Wedding“ (wedding); vorher „Handlungsraum 6“ "
        "(handlungsraum-6)."
    )
    said = g.ok("--lang", "en", "area", "rename", "wedding", "Wedding (Mitte)", actor=ADMIN)
    assert said.strip() == (
        "Action area 1 is now called “Wedding (Mitte)” (wedding); before: “Wedding” (wedding)."
    )
    data = json.loads(g.ok("--lang", "en", "area", "rename", "1", "Wedding", "--json", actor=ADMIN))
    assert data == {
        "id": 1,
        "name": "Wedding",
        "short_name": "wedding",
        "old_name": "Wedding (Mitte)",
        "old_short_name": "wedding",
    }
    shown = g.json("area", "show", "1")  # the ID stays: links keep working
    assert (shown["name"], shown["short_name"]) == ("Wedding", "wedding")
    assert [p["email"] for p in shown["coordinators"]] == [KORA]
    with sqlite3.connect(g.url.removeprefix("sqlite:///")) as db:
        renames = db.execute(
            "SELECT details FROM audit_records WHERE action = 'area.rename' "
            "AND outcome != 'refused' ORDER BY seq"
        ).fetchall()
    db.close()
    first = json.loads(renames[0][0])
    assert first["from"] == {"name": "Handlungsraum 6", "short_name": "handlungsraum-6"}
    assert first["to"] == {"name": "Wedding", "short_name": "wedding"}
    assert len(renames) == 3


def test_init_with_the_example_of_the_gemeinschaftsinitiative(g: Gremium) -> None:
    said = g.ok("init", "--example", "gemeinschaftsinitiative")
    assert f"Gremium „{tk.COMMITTEE_NAME}“ (KG) angelegt" in said
    assert f"Programm „{gi.PROGRAMME_NAME}“ (GI) angelegt, 13 Handlungsräume:" in said
    listed = [line for line in said.splitlines() if line.startswith("  - ") and "): " in line]
    assert listed[-13:] == [
        "  - Gropiusstadt (gropiusstadt): —",
        "  - Hellersdorf-Nord (hellersdorf-nord): —",
        "  - Marzahn-Nord (marzahn-nord): —",
        "  - Neukölln-Nord (neukoelln-nord): —",
        "  - Wedding (wedding): —",
        *(f"  - Handlungsraum {n} (handlungsraum-{n}): —" for n in range(6, 13)),
        "  - Stadtrand Süd (stadtrand-sued): KG, KV",
    ]
    # two committees: KG is written as the default of commands without --committee
    assert "Befehle ohne --committee gelten jetzt KG ([cli] committee in gremium.toml)" in said
    assert 'committee = "KG"' in Path("gremium.toml").read_text(encoding="utf-8")
    assert g.json("committee", "show")["short_name"] == "KG"
    assert g.json("committee", "show", "KV")["short_name"] == "KV"
    programme = g.json("programme", "show", "GI")
    assert len(programme["areas"]) == gi.AREA_COUNT
    assert programme["areas"][12]["name"] == "Stadtrand Süd"  # area 13, as the Senate numbers it
    area = g.json("area", "show", "stadtrand-sued")
    assert area["name"] == "Stadtrand Süd"
    assert [c["name"] for c in area["committees"]] == [tk.COMMITTEE_NAME, gi.SECOND_NAME]
    assert [p["email"] for p in area["coordinators"]] == [gi.COORDINATOR_EMAIL]
    shown = g.json("committee", "show", "KV")
    assert [(m["organisation"], m["role"]) for m in shown["members"]] == [
        ("BA Treptow-Köpenick", "chair"),
        ("SenSBW", "advisory"),
    ]
    # a second init with the example is refused before anything is made
    code, _, err = g("init", "--example", "gemeinschaftsinitiative")
    assert code != 0 and "KV" in err


def test_the_demo_year_across_the_area(demo_year: Path, g: Gremium, tmp_path: Path) -> None:
    for name in ("gremium.db", "audit.key"):
        shutil.copy2(demo_year / name, tmp_path / name)
    shown = g.ok("programme", "show", "GI")
    assert "13 Handlungsräume:" in shown
    assert "stadtrand-sued    Stadtrand Süd     KG, KV   koordination@ba-tk.example.org" in shown
    upcoming = g.json("area", "overview", "stadtrand-sued")["upcoming"]["rows"]
    assert [(m["committee"], m["title"]) for m in upcoming[:2]] == [
        ("KV", "Auftaktsitzung der Kooperationsrunde Kosmosviertel"),
        ("KG", "Sitzung des Kooperationsgremiums"),
    ]
    # the demo folder's settings make KG the default committee
    assert 'committee = "KG"' in (demo_year / "gremium.toml").read_text(encoding="utf-8")
    data = g.json(
        "area", "overview", "stadtrand-sued", "--from", "2026-01-01", "--to", "2026-12-31"
    )
    references = [d["reference"] for d in data["decisions"]["rows"]]
    # the meetings' decisions and the one taken in writing (KG-2026/06), in order
    assert references == [f"KG-2026/{n:02d}" for n in range(1, 8)]
    assert {d["committee"] for d in data["decisions"]["rows"]} == {"KG"}
    # the June meeting was not quorate (the demo repeats it in July)
    assert [m["committee"] for m in data["not_quorate"]["rows"]] == ["KG"]
    text = g.ok("--lang", "en", "area", "overview", "stadtrand-sued")
    assert "Meetings not quorate from" in text and "Decisions from" in text
