"""``gremium meeting ...``, ``agenda ...``, ``decisions ...`` and ``actions ...`` end to end.

A fresh SQLite file set up with ``gremium init --example treptow-koepenick``,
commands run through ``main`` exactly as from a shell, on the simulated clock
(2026-01-12 09:00 Berlin). The quarterly series meets on the second Wednesday
at 10:00: meeting 1 on 2026-03-11 (CET), then 2026-06-10 and 2026-09-09 (CEST)
and 2026-12-09. Eight organisations have a vote (five make a quorum);
SenASGIVA advises without one.

Building a meeting up to its session takes a few dozen commands, so each
stage is built once and copied (SQLite backup) into every test that starts
from it; the simulated clock is stored in the database and travels along.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from governance.clock import BERLIN
from governance.examples import treptow_koepenick as tk
from governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    AuditRecord,
    Ballot,
    Decision,
    Meeting,
    MeetingSeries,
    OutboxMessage,
    Timer,
    Vote,
)
from tests.e2e.gremium_cli import TABLES, Gremium, isolate

CHAIR = tk.CHAIR_EMAIL
SECRETARIAT = tk.SECRETARIAT_EMAIL
PARTNER = "gf@rabenhaus.example.org"
RABENHAUS_DEPUTY = "nachbarschaft@rabenhaus.example.org"
BA = "BA Treptow-Köpenick"
QUARTERLY = "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE"
SERIES = [
    "meeting", "series", "add", "--title", "Kooperationsgremium", "--rrule", QUARTERLY,
    "--start", "2026-03-11 10:00", "--location", "Rathaus Köpenick, Raum 120",
]  # fmt: skip
MEETING_TABLES = (
    MeetingSeries, Meeting, AgendaItem, Attendance, Vote, Ballot, Decision, ActionItem, Timer,
    OutboxMessage,
)  # fmt: skip

# The items a partner proposes for meeting 1 and the chair accepts (TOP 2 to 4 after the
# standing item "Bericht zu offenen Aufgaben", TOP 1), and the chair's urgent item (TOP 5).
GRANT = "Zuschuss für das Nachbarschaftsfest"
REPORT = "Bericht aus dem Rabenhaus"
ROOMS = "Raumnutzung im Sommer"
URGENT = "Eilantrag: Winterhilfe"


# --- running and comparing ---


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    return Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)


def snapshot(g: Gremium, *meetings: int) -> tuple[Any, ...]:
    """What a refusal must not change: every row, the done part of the audit trail, and the
    meetings as users see them.

    (``Gremium.snapshot`` counts all audit records, but a refused permission, state or
    conflict is itself audited, as a "refused" record, so it would always differ.)
    """
    engine = create_engine(g.url)
    with engine.connect() as conn:
        counted = tuple(
            conn.scalar(select(func.count()).select_from(m)) for m in (*TABLES, *MEETING_TABLES)
        )
        done = conn.execute(
            select(AuditRecord.seq, AuditRecord.hash).where(AuditRecord.outcome == "done")
        ).all()
    engine.dispose()
    shown = tuple(str(g.json("meeting", "show", str(m))) for m in meetings)
    return (*counted, tuple(done), str(g.json("meeting", "list")), *shown)


def item_id(out: str) -> str:
    """The number of the item a ``agenda propose`` answer names (``TOP #8 (…)``)."""
    found = re.search(r"TOP #(\d+)", out)
    assert found, out
    return found.group(1)


def agenda_of(g: Gremium, meeting: int) -> dict[str, dict[str, Any]]:
    return {i["title"]: i for i in g.json("meeting", "show", str(meeting))["agenda"]}


def attend(g: Gremium, meeting: int, *args: str) -> str:
    return g.ok("meeting", "attend", str(meeting), *args, actor=SECRETARIAT)


def local(value: str) -> dt.datetime:
    """An ISO time from ``--json`` as the wall-clock time in Berlin (naive)."""
    return dt.datetime.fromisoformat(value).astimezone(BERLIN).replace(tzinfo=None)


# --- stages, each built once and copied ---


def _init(g: Gremium) -> None:
    g.ok("init", "--example", "treptow-koepenick")


def _open(g: Gremium) -> None:
    g.ok("meeting", "open", "1", actor=CHAIR)


def _series(g: Gremium) -> None:
    g.ok(*SERIES, actor=CHAIR)


def _convened(g: Gremium) -> None:
    """A partner proposes three items in time, the chair accepts them, the invitation goes out."""
    for title, kind in ((GRANT, "decision"), (REPORT, "information"), (ROOMS, "discussion")):
        out = g.ok("agenda", "propose", "1", "--title", title, "--kind", kind, actor=PARTNER)
        g.ok("agenda", "accept", item_id(out), actor=CHAIR)
    g.ok("tick", "--until", "2026-02-25 10:00")


def _urgent(g: Gremium) -> None:
    g.ok("agenda", "propose", "1", "--title", URGENT, "--kind", "decision", "--urgent", actor=CHAIR)


def _in_session(g: Gremium) -> None:
    """Meeting day: who came, who sent a deputy, who is excused, who came late or left early."""
    g.ok("tick", "--until", "2026-03-11 10:05")
    attend(g, 1, "Rabenhaus", "--person", RABENHAUS_DEPUTY)
    attend(g, 1, BA)
    attend(g, 1, "Offensiv'91", "--status", "excused")
    attend(g, 1, "tjfbg")
    attend(g, 1, "KungerKiez", "--arrived", "10:30")
    attend(g, 1, "ajb", "--departed", "11:30")
    attend(g, 1, "Paritätischer Berlin")
    attend(g, 1, "VskA", "--status", "absent")
    attend(g, 1, "SenASGIVA")
    attend(g, 1, "--guest", "Erika Mustermann", "--affiliation", "Quartiersmanagement")
    g.ok("meeting", "open", "1", actor=CHAIR)


def _late_arrival(g: Gremium) -> None:
    g.ok("tick", "--until", "2026-03-11 10:40")


def _voted(g: Gremium) -> None:
    g.ok("meeting", "vote", "1", "2", "--ballot", "Rabenhaus=yes", "--text", "Bewilligt.",
         "--ballot", f"{BA}=yes", "--ballot", "tjfbg=no", "--ballot", "KungerKiez=yes",
         "--ballot", "ajb=abstain", "--ballot", "Paritätischer Berlin=yes", actor=CHAIR)  # fmt: skip


def _closed(g: Gremium) -> None:
    g.ok("agenda", "mark", "1/3", "noted", actor=SECRETARIAT)
    g.ok("meeting", "close", "1", actor=CHAIR)


def _thin(g: Gremium) -> None:
    """Meeting day with only two of eight voting organisations present."""
    g.ok("tick", "--until", "2026-03-11 10:05")
    attend(g, 1, "Rabenhaus")
    attend(g, 1, BA)
    attend(g, 1, "SenASGIVA")


def _cancelled(g: Gremium) -> None:
    g.ok("meeting", "cancel", "1", "--reason", "Raum nicht verfügbar", actor=CHAIR)


STAGES: dict[str, tuple[str | None, Callable[[Gremium], None]]] = {
    "init": (None, _init),
    "series": ("init", _series),
    "convened": ("series", _convened),
    "urgent": ("convened", _urgent),
    "in_session": ("urgent", _in_session),
    "late_arrival": ("in_session", _late_arrival),
    "voted": ("late_arrival", _voted),
    "closed": ("voted", _closed),
    "thin": ("convened", _thin),
    "thin_open": ("thin", _open),
    "cancelled": ("series", _cancelled),
}
_built: dict[str, Path] = {}
_folder: list[Path] = []  # one per process: pytest-xdist workers do not share stages


def _file(g: Gremium) -> Path:
    return Path(g.url.removeprefix("sqlite:///"))


def _copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    # A database goes with its audit chain's key (audit.key beside gremium.db).
    shutil.copy2(_key_of(source), _key_of(target))


def _key_of(db: Path) -> Path:
    return db.parent / "audit.key" if db.name == "gremium.db" else db.with_suffix(".key")


def at(g: Gremium, stage: str, cache: Path) -> Gremium:
    """Bring *g*'s database to *stage* (a copy of the one built first)."""
    if stage in _built:
        _copy(_built[stage], _file(g))
        return g
    parent, build = STAGES[stage]
    if parent is not None:
        at(g, parent, cache)
    build(g)
    _built[stage] = cache / f"{stage}.db"
    _copy(_file(g), _built[stage])
    return g


@pytest.fixture
def stage(gremium: Gremium, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Gremium]:
    if not _folder:
        _folder.append(tmp_path_factory.mktemp("meeting-stages"))
    return lambda name: at(gremium, name, _folder[0])


# --- 1. the quarterly series ---


def test_a_chair_sets_up_the_quarterly_series_at_ten_local_time_in_winter_and_summer(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("init")
    out = gremium.ok(*SERIES, actor=CHAIR)
    assert "Sitzungsreihe 1 angelegt; 4 Sitzungen geplant:" in out
    for day in ("2026-03-11 10:00", "2026-06-10 10:00", "2026-09-09 10:00", "2026-12-09 10:00"):
        assert day in out

    meetings = gremium.json("meeting", "list")
    assert [(m["starts_at"], m["ends_at"]) for m in meetings] == [
        ("2026-03-11T09:00:00+00:00", "2026-03-11T11:00:00+00:00"),  # CET
        ("2026-06-10T08:00:00+00:00", "2026-06-10T10:00:00+00:00"),  # CEST
        ("2026-09-09T08:00:00+00:00", "2026-09-09T10:00:00+00:00"),
        ("2026-12-09T09:00:00+00:00", "2026-12-09T11:00:00+00:00"),
    ]
    assert {(m["state"], m["series_id"], m["title"]) for m in meetings} == {
        ("planned", 1, "Kooperationsgremium")
    }
    [series] = gremium.json("meeting", "series", "list")
    assert (series["rrule"], series["state"]) == (QUARTERLY, "active")

    march = gremium.json("meeting", "show", "1")
    assert march["deadlines"] == {
        "call_for_proposals": "2026-02-04T09:00:00+00:00",
        "proposal_deadline": "2026-02-18T09:00:00+00:00",  # 21 days before, 10:00
        "invitation": "2026-02-25T09:00:00+00:00",  # 14 days before, 10:00
        "reminder": "2026-03-09T09:00:00+00:00",  # 2 days before
        "minutes_due": "2026-03-25T11:00:00+00:00",  # 14 days after the end, 12:00
    }
    assert [(t["name"], t["due_at"]) for t in march["timers"]] == [
        ("call_for_proposals", "2026-02-04T09:00:00+00:00"),
        ("proposal_deadline", "2026-02-18T09:00:00+00:00"),
        ("invitation", "2026-02-25T09:00:00+00:00"),
        ("overdue_planned", "2026-03-12T08:00:00+00:00"),  # the day after, 09:00
    ]
    june = gremium.json("meeting", "show", "2")
    # The invitation for June goes out on 2026-05-27 at 10:00 summer time, i.e. 08:00 UTC.
    assert june["deadlines"]["invitation"] == "2026-05-27T08:00:00+00:00"
    assert june["deadlines"]["minutes_due"] == "2026-06-24T10:00:00+00:00"
    text = gremium.ok("meeting", "show", "1")
    assert "Einladung (Ladungsfrist)     2026-02-25 10:00" in text
    assert "Vorschlagsfrist              2026-02-18 10:00" in text


# --- 2. proposals, the invitation and an urgent item ---


def test_proposals_in_time_are_accepted_the_invitation_goes_out_and_an_urgent_item_raises_the_revision(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("series")
    out = gremium.ok(
        "agenda", "propose", "1", "--title", GRANT, "--kind", "decision", actor=PARTNER
    )
    assert f"„{GRANT}“ in Sitzung 1: vorgeschlagen." in out
    out = gremium.ok("agenda", "accept", item_id(out), actor=CHAIR)
    assert f"(TOP 2) „{GRANT}“ in Sitzung 1: auf der Tagesordnung." in out

    assert "invitation: convene auf meetings:1" in gremium.ok("tick", "--until", "2026-02-25 10:00")
    meeting = gremium.json("meeting", "show", "1")
    assert (meeting["state"], meeting["agenda_revision"]) == ("convened", 1)
    assert meeting["convened_at"] == "2026-02-25T09:00:00+00:00"
    assert [t["name"] for t in meeting["timers"]] == [
        "quorum_forecast",
        "reminder",
        "overdue_convened",
    ]

    line = gremium.refused("agenda", "propose", "1", "--title", "Nachzügler", actor=PARTNER)
    assert "Vorschlagsfrist für Sitzung 1 ist am 18.02.2026 10:00 abgelaufen" in line
    assert "Zustimmung des Vorsitzes" in line and "--urgent" in line

    out = gremium.ok(
        "agenda", "propose", "1", "--title", URGENT, "--kind", "decision", "--urgent", actor=CHAIR
    )
    assert f"(TOP 3) „{URGENT}“ in Sitzung 1: auf der Tagesordnung." in out
    meeting = gremium.json("meeting", "show", "1")
    assert meeting["agenda_revision"] == 2
    urgent = {i["title"]: i for i in meeting["agenda"]}[URGENT]
    assert (urgent["urgent"], urgent["top"], urgent["majority"]) == (True, 3, "simple")
    assert "Eilantrag: Winterhilfe  [Beschluss, einfache Mehrheit, Dringlichkeit]" in gremium.ok(
        "meeting", "show", "1"
    )


# --- 3. the meeting day ---


def test_the_meeting_day_attendance_quorum_votes_action_items_and_the_register(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("urgent")
    gremium.ok("tick", "--until", "2026-03-11 10:05")
    out = attend(gremium, 1, "Rabenhaus", "--person", RABENHAUS_DEPUTY)
    assert (
        "Rabenhaus: vertreten (Stellvertretung). Jetzt anwesend: 1 von 8 (beschlussfähig ab 5)."
        in out
    )
    assert "BA Treptow-Köpenick: anwesend. Jetzt anwesend: 2 von 8" in attend(gremium, 1, BA)
    assert "Offensiv'91: entschuldigt. Jetzt anwesend: 2 von 8" in attend(
        gremium, 1, "Offensiv'91", "--status", "excused"
    )
    attend(gremium, 1, "tjfbg")
    # Coming at 10:30, KungerKiez does not count yet at 10:05.
    assert "Jetzt anwesend: 3 von 8" in attend(gremium, 1, "KungerKiez", "--arrived", "10:30")
    assert "Jetzt anwesend: 4 von 8" in attend(gremium, 1, "ajb", "--departed", "11:30")
    attend(gremium, 1, "Paritätischer Berlin")
    attend(gremium, 1, "VskA", "--status", "absent")
    assert "SenASGIVA: anwesend. Jetzt anwesend: 5 von 8" in attend(gremium, 1, "SenASGIVA")
    out = attend(gremium, 1, "--guest", "Erika Mustermann", "--affiliation", "Quartiersmanagement")
    assert "Gast eingetragen: Erika Mustermann." in out

    out = gremium.ok("meeting", "open", "1", actor=CHAIR)
    assert "Sitzung 1 „Kooperationsgremium“ am 2026-03-11 10:00: in Sitzung." in out
    assert "Beschlussfähig: 5 von 8 stimmberechtigten Organisationen anwesend (nötig: 5)." in out

    gremium.ok("tick", "--until", "2026-03-11 10:40")
    out = gremium.ok(
        "meeting", "vote", "1", "2", "--text", "Der Zuschuss von 2.000 Euro wird bewilligt.",
        "--ballot", "Rabenhaus=yes", "--ballot", f"{BA}=yes", "--ballot", "tjfbg=no",
        "--ballot", "KungerKiez=yes", "--ballot", "ajb=abstain",
        "--ballot", "Paritätischer Berlin=yes", actor=CHAIR,
    )  # fmt: skip
    assert (
        "Beschluss KG-2026/01 zu TOP 2: 4 ja, 1 nein, 1 Enthaltung — angenommen (einfache Mehrheit)."
        in out
    )
    out = gremium.ok(
        "meeting", "vote", "1", "5", "--yes", "5", "--no", "1", "--abstain", "0",
        "--text", "Die Winterhilfe wird unterstützt.", actor=CHAIR,
    )  # fmt: skip
    assert "Beschluss KG-2026/02 zu TOP 5: 5 ja, 1 nein, 0 Enthaltungen — angenommen" in out
    out = gremium.ok(
        "agenda", "mark", "1/3", "noted", "--notes", "Bericht liegt vor.", actor=SECRETARIAT
    )
    assert f"„{REPORT}“ in Sitzung 1: auf der Tagesordnung." in out
    out = gremium.ok(
        "actions", "add", "1/2", "--what", "Verwendungsnachweis vorlegen", "--who", "Rabenhaus",
        "--due", "2026-04-30", actor=SECRETARIAT,
    )  # fmt: skip
    assert "Aufgabe 1 festgehalten: Rabenhaus, bis 2026-04-30." in out
    out = gremium.ok("agenda", "mark", "1/4", "deferred", actor=SECRETARIAT)
    assert f"„{ROOMS}“ in Sitzung 1: auf der Tagesordnung." in out
    out = gremium.ok("meeting", "close", "1", actor=CHAIR)
    assert "Sitzung 1 „Kooperationsgremium“ am 2026-03-11 10:00: geschlossen." in out

    meeting = gremium.json("meeting", "show", "1")
    assert meeting["state"] == "closed" and meeting["number"] == 1
    assert meeting["quorum_at_opening"] == {
        "quorate": True, "present": 5, "voting_members": 8, "needed": 5, "repeat_meeting": False,
    }  # fmt: skip
    people = {a["organisation"] or a["guest"]: a for a in meeting["attendance"]}
    assert people["Rabenhaus"]["status"] == "represented"
    assert people["Rabenhaus"]["person"] == "Nachbarschaftsarbeit Rabenhaus"
    assert people["Offensiv'91"]["status"] == "excused"
    assert people["KungerKiez"]["arrived_at"] == "2026-03-11T09:30:00+00:00"
    assert people["ajb"]["departed_at"] == "2026-03-11T10:30:00+00:00"
    assert people["SenASGIVA"]["voting"] is False
    assert people["Erika Mustermann (Quartiersmanagement)"]["voting"] is False
    agenda = {i["title"]: i for i in meeting["agenda"]}
    assert agenda[GRANT]["vote"]["ballots"] == {
        "Rabenhaus": "yes", BA: "yes", "tjfbg": "no", "KungerKiez": "yes", "ajb": "abstain",
        "Paritätischer Berlin": "yes",
    }  # fmt: skip
    assert (agenda[GRANT]["outcome"], agenda[GRANT]["decision"]["reference"]) == (
        "decided",
        "KG-2026/01",
    )
    assert (agenda[REPORT]["outcome"], agenda[REPORT]["notes"]) == ("noted", "Bericht liegt vor.")
    assert agenda[ROOMS]["outcome"] == "deferred"
    text = gremium.ok("meeting", "show", "1")
    assert "KungerKiez (Koordination KungerKiez): anwesend — gekommen 10:30" in text
    assert "ajb (Bereichsleitung ajb): anwesend — gegangen 11:30" in text
    assert "KG-2026/01: 4 ja, 1 nein, 1 Enthaltung — angenommen" in text
    assert "#1 Verwendungsnachweis vorlegen — Rabenhaus, 2026-04-30 (offen)" in text

    decisions = gremium.json("decisions", "list")
    assert [
        (d["reference"], d["votes"], d["carried"], d["method"], d["title"], d["meeting_id"])
        for d in decisions
    ] == [
        ("KG-2026/01", {"yes": 4, "no": 1, "abstain": 1}, True, "roll_call", GRANT, 1),
        ("KG-2026/02", {"yes": 5, "no": 1, "abstain": 0}, True, "show_of_hands", URGENT, 1),
    ]
    assert decisions[0]["decided_on"] == "2026-03-11"
    register = gremium.ok("decisions", "list")
    assert "KG-2026/01" in register and "4:1:1" in register and "angenommen" in register

    actions = gremium.ok("actions", "list")
    assert re.search(r"1\s+Verwendungsnachweis vorlegen\s+Rabenhaus\s+2026-04-30\s+offen", actions)

    june = gremium.json("meeting", "show", "2")
    assert june["open_action_items"] == [
        {
            "id": 1,
            "what": "Verwendungsnachweis vorlegen",
            "who": "Rabenhaus",
            "due_on": "2026-04-30",
        }
    ]
    carried = {i["title"]: i for i in june["agenda"]}[ROOMS]
    assert (carried["status"], carried["carried_over_from"], carried["kind"]) == (
        "accepted", agenda[ROOMS]["id"], "discussion",
    )  # fmt: skip
    assert [i["standing"] for i in june["agenda"][:2]] == ["previous_minutes", "action_items"]


def test_an_item_the_chair_defers_before_the_meeting_moves_to_the_next_one(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("convened")
    rooms = agenda_of(gremium, 1)[ROOMS]
    out = gremium.ok(
        "agenda", "defer", str(rooms["id"]), "--reason", "Unterlagen fehlen", actor=CHAIR
    )
    assert f"„{ROOMS}“ in Sitzung 1: auf eine andere Sitzung vertagt." in out
    assert gremium.json("meeting", "show", "1")["agenda_revision"] == 2
    carried = agenda_of(gremium, 2)[ROOMS]
    assert (carried["status"], carried["carried_over_from"]) == ("accepted", rooms["id"])


# --- 4. bad input: refused with one line, nothing changed ---


BAD_INPUT = [
    ("init", ["meeting", "series", "add", "--title", "KG", "--rrule", "FREQ=QUARTERLY;BYDAY=2WE",
              "--start", "2026-03-11 10:00", "--location", "Rathaus"], CHAIR,
     ["„FREQ=QUARTERLY;BYDAY=2WE“: FREQ=QUARTERLY ist nicht erlaubt", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE"]),
    ("init", ["meeting", "plan", "--title", "Rückblick", "--start", "2026-01-05 10:00", "--location", "Rathaus"],
     CHAIR, ["Der Beginn 2026-01-05 10:00 liegt nicht in der Zukunft (jetzt: 2026-01-12 09:00)"]),
    ("init", ["meeting", "plan", "--title", "Nachtsitzung", "--start", "2026-03-29 02:30", "--location", "Rathaus"],
     CHAIR, ["2026-03-29 02:30 gibt es in Berlin nicht", "von 02:00 auf 03:00", "z. B. 03:30"]),
    ("init", ["meeting", "series", "add", "--title", "KG", "--rrule", QUARTERLY,
              "--start", "2026-03-29 02:30", "--location", "Rathaus"], CHAIR,
     ["2026-03-29 02:30 gibt es in Berlin nicht"]),
    ("convened", ["agenda", "propose", "1", "--title", "Zu spät", "--kind", "information"], PARTNER,
     ["Vorschlagsfrist für Sitzung 1 ist am 18.02.2026 10:00 abgelaufen", "Vorsitzes", "--urgent"]),
    ("convened", ["agenda", "propose", "1", "--title", "Zu spät", "--urgent"], PARTNER,
     ["darf „über die Tagesordnung entscheiden“ nicht ausführen"]),
    ("late_arrival", ["meeting", "vote", "1", "2", "--ballot", "Offensiv'91=yes", "--text", "x"], CHAIR,
     ["Offensiv'91 ist um 10:40 nicht anwesend und kann nicht abstimmen"]),
    ("late_arrival", ["meeting", "vote", "1", "2", "--ballot", "VskA=no", "--text", "x"], CHAIR,
     ["VskA ist um 10:40 nicht anwesend"]),
    ("late_arrival", ["meeting", "vote", "1", "2", "--ballot", "Rabenhaus=yes", "--ballot", "SenASGIVA=yes",
                      "--text", "x"], CHAIR,
     ["SenASGIVA hat in diesem Gremium kein Stimmrecht"]),
    ("late_arrival", ["meeting", "vote", "1", "2", "--ballot", "Rabenhaus=yes", "--ballot", "tjfbg=no",
                      "--ballot", "rabenhaus=no", "--text", "x"], CHAIR,
     ["hat bereits abgestimmt (eine Stimme je Organisation)"]),
    ("late_arrival", ["meeting", "vote", "1", "2", "--ballot", "Rabenhaus=vielleicht", "--text", "x"], CHAIR,
     ["vielleicht", "yes, no, abstain"]),
    ("late_arrival", ["meeting", "vote", "1", "2", "--yes", "7", "--no", "0", "--abstain", "0", "--text", "x"],
     CHAIR, ["7 Stimmen, aber nur 6 stimmberechtigte Organisationen sind anwesend"]),
    ("voted", ["meeting", "vote", "1", "2", "--yes", "5", "--no", "0", "--abstain", "0", "--text", "nochmal"],
     CHAIR, [f"Über TOP 2 „{GRANT}“ wurde bereits abgestimmt; eine Abstimmung zählt nur einmal."]),
    ("thin_open", ["meeting", "vote", "1", "2", "--yes", "2", "--no", "0", "--abstain", "0", "--text", "x"],
     CHAIR, ["nicht beschlussfähig: 2 von 8 stimmberechtigten Organisationen anwesend, nötig sind 5"]),
    ("late_arrival", ["meeting", "vote", "1", "3", "--yes", "5", "--no", "0", "--abstain", "0", "--text", "x"],
     CHAIR, [f"Über TOP 3 „{REPORT}“ (Information) wird nicht abgestimmt",
             "abgestimmt wird nur über Beschluss-TOPs"]),
    ("cancelled", ["meeting", "open", "1"], CHAIR, ["„eröffnen“ ist im Zustand „abgesagt“ nicht möglich"]),
    ("closed", ["meeting", "move", "1", "--start", "2026-03-18 10:00", "--reason", "zu spät"], CHAIR,
     ["„verlegen“ ist im Zustand „geschlossen“ nicht möglich"]),
    ("in_session", ["meeting", "open", "1"], PARTNER,
     [f"{PARTNER} darf „die Sitzung eröffnen“ nicht ausführen", "nur Vorsitz"]),
    ("urgent", ["meeting", "open", "1"], PARTNER, ["darf „die Sitzung eröffnen“ nicht ausführen"]),
    ("urgent", ["meeting", "open", "1"], CHAIR, ["der Sitzungstag ist noch nicht erreicht"]),
    ("in_session", ["meeting", "attend", "1", "KungerKiez", "--arrived", "halb elf"], SECRETARIAT,
     ["--arrived: „halb elf“ ist keine Uhrzeit (erwartet: HH:MM"]),
    ("in_session", ["meeting", "attend", "1", "Rabenhaus", "--person", "vorstand@offensiv91.example.org"],
     SECRETARIAT, ["vorstand@offensiv91.example.org ist weder Vertretung noch Stellvertretung von Rabenhaus"]),
    ("in_session", ["actions", "add", "1/2", "--what", "x", "--who", "Rabenhaus", "--due", "2026-03-01"],
     SECRETARIAT, ["Die Frist 2026-03-01 liegt vor heute (2026-03-11)"]),
    ("series", ["meeting", "move", "1", "--start", "2026-03-18 10:00", "--reason", "Raum belegt"], PARTNER,
     ["darf „eine Sitzung verlegen“ nicht ausführen"]),
    ("in_session", ["meeting", "cancel", "1", "--reason", "zu spät"], CHAIR,
     ["„absagen“ ist im Zustand „in Sitzung“ nicht möglich", "Jetzt möglich:", "schließen (close)"]),
    ("in_session", ["meeting", "vote", "1", "2/1", "--yes", "5", "--text", "x"], CHAIR,
     ["TOP #2 gehört nicht zu Sitzung 1"]),
    ("in_session", ["meeting", "vote", "1", "9", "--yes", "5", "--text", "x"], CHAIR,
     ["Tagesordnungspunkt „1/9“ gibt es nicht"]),
    ("in_session", ["meeting", "vote", "1", "2", "--yes", "5", "--ballot", "Rabenhaus=yes", "--text", "x"], CHAIR,
     ["entweder namentlich (--ballot ORG=yes|no|abstain) oder mit Summen"]),
    ("in_session", ["meeting", "vote", "1", "2", "--yes", "fünf", "--text", "x"], CHAIR,
     ["--yes: „fünf“ ist keine Anzahl"]),
    ("in_session", ["meeting", "vote", "1", "2", "--yes", "5", "--text", "x"], PARTNER,
     ["darf „Abstimmungen leiten“ nicht ausführen"]),
    ("series", ["meeting", "move", "1", "--start", "2026-01-10 10:00", "--reason", "vorziehen"], CHAIR,
     ["Der Beginn 2026-01-10 10:00 liegt nicht in der Zukunft"]),
    ("convened", ["agenda", "order", "1", "1", "zehn", "9", "8"], CHAIR,
     ["genannt: 1, zehn, 9, 8", "auf der Tagesordnung: 1, 8, 9, 10"]),
    ("convened", ["agenda", "order", "1", "1", "9", "8"], CHAIR,
     ["genannt: 1, 9, 8", "auf der Tagesordnung: 1, 8, 9, 10"]),
    ("convened", ["agenda", "order", "1", "1", "10", "9", "8"], PARTNER,
     ["darf „über die Tagesordnung entscheiden“ nicht ausführen"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("at_stage", "argv", "actor", "expected"),
    BAD_INPUT,
    ids=[" ".join(argv[:3]) + f" @{s}" for s, argv, _, _ in BAD_INPUT],
)
def test_bad_meeting_input_exits_2_with_one_line_saying_why_and_changes_nothing(
    gremium: Gremium,
    stage: Callable[[str], Gremium],
    at_stage: str,
    argv: list[str],
    actor: str,
    expected: list[str],
) -> None:
    stage(at_stage)
    shown = (1,) if at_stage != "init" else ()
    before = snapshot(gremium, *shown)
    line = gremium.refused(*argv, actor=actor)
    assert line.startswith("Fehler: "), line
    for part in expected:
        assert part in line, line
    assert snapshot(gremium, *shown) == before


# --- 5. moving, cancelling, English ---


def test_moving_a_meeting_moves_its_deadlines_and_pending_timers(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("series")
    before = gremium.json("meeting", "show", "1")
    out = gremium.ok(
        "meeting", "move", "1", "--start", "2026-03-18 10:00", "--reason", "Raum belegt",
        "--location", "Stadtteilzentrum", actor=CHAIR,
    )  # fmt: skip
    assert "Sitzung 1 „Kooperationsgremium“ am 2026-03-18 10:00: geplant." in out
    after = gremium.json("meeting", "show", "1")
    week = dt.timedelta(days=7)
    assert (after["starts_at"], after["location"], after["reason"]) == (
        "2026-03-18T09:00:00+00:00", "Stadtteilzentrum", "Raum belegt",
    )  # fmt: skip
    assert after["sequence"] == before["sequence"] + 1
    # A week later on the wall clock in Berlin (the minutes, due 2026-04-01, fall into summer time).
    assert {k: local(v) for k, v in after["deadlines"].items()} == {
        k: local(v) + week for k, v in before["deadlines"].items()
    }
    assert after["deadlines"]["minutes_due"] == "2026-04-01T10:00:00+00:00"
    assert [(t["name"], local(t["due_at"])) for t in after["timers"]] == [
        (t["name"], local(t["due_at"]) + week) for t in before["timers"]
    ]
    assert [t["name"] for t in after["timers"]] == [
        "call_for_proposals",
        "proposal_deadline",
        "invitation",
        "overdue_planned",
    ]
    assert "2026-03-04 10:00  einladen" in gremium.ok("meeting", "show", "1")


def test_a_meeting_moved_across_the_change_to_summer_time_keeps_ten_local(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("series")
    gremium.ok(
        "meeting", "move", "1", "--start", "2026-04-15 10:00", "--reason", "Ostern", actor=CHAIR
    )
    after = gremium.json("meeting", "show", "1")
    assert after["starts_at"] == "2026-04-15T08:00:00+00:00"
    # The invitation on 2026-04-01 is summer time too; the call for proposals on 2026-03-11 is not.
    assert after["deadlines"]["invitation"] == "2026-04-01T08:00:00+00:00"
    assert after["deadlines"]["call_for_proposals"] == "2026-03-11T09:00:00+00:00"


def test_a_cancelled_meeting_shows_its_state_and_reason(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("convened")
    out = gremium.ok("meeting", "cancel", "1", "--reason", "Raum nicht verfügbar", actor=CHAIR)
    assert "Sitzung 1 „Kooperationsgremium“ am 2026-03-11 10:00: abgesagt." in out
    meeting = gremium.json("meeting", "show", "1")
    assert (meeting["state"], meeting["reason"], meeting["timers"]) == (
        "cancelled", "Raum nicht verfügbar", [],
    )  # fmt: skip
    assert meeting["sequence"] == 1
    assert "Grund: Raum nicht verfügbar" in gremium.ok("meeting", "show", "1")
    assert gremium.json("meeting", "list", "--state", "cancelled")[0]["id"] == 1
    # The items of the cancelled meeting go to the next one.
    assert {GRANT, REPORT, ROOMS} <= set(agenda_of(gremium, 2))


def test_a_meeting_is_shown_in_english_with_lang_en(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("series")
    text = gremium.ok("--lang", "en", "meeting", "show", "1")
    assert "Meeting 1: Kooperationsgremium (no. —) — planned" in text
    assert "Deadlines:" in text and "invitation (lead time)" in text
    assert "Possible now:" in text and "convene (convene)" in text
    line = gremium.refused("--lang", "en", "meeting", "plan", "--title", "x", "--start", "2026-03-29 02:30",
                           "--location", "y", actor=CHAIR)  # fmt: skip
    assert "2026-03-29 02:30 does not exist in Berlin" in line


# --- 6. not quorate: the repeat meeting ---


def test_a_meeting_that_is_not_quorate_is_repeated_four_weeks_later_and_the_repeat_decides(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("thin")
    out = gremium.ok("meeting", "open", "1", actor=CHAIR)
    assert (
        "Nicht beschlussfähig: 2 von 8 stimmberechtigten Organisationen anwesend (nötig: 5)" in out
    )
    assert "Nicht beschlussfähig: 2 von 8" in gremium.ok("meeting", "show", "1")
    assert gremium.json("meeting", "show", "1")["quorum_at_opening"]["quorate"] is False
    gremium.ok("meeting", "close", "1", actor=CHAIR)

    repeats = [m for m in gremium.json("meeting", "list") if m["repeat_of"] == 1]
    assert len(repeats) == 1, repeats
    repeat = repeats[0]
    assert repeat["title"].startswith("Wiederholungssitzung")
    assert repeat["title"] == "Wiederholungssitzung: Kooperationsgremium"
    # Four weeks after 2026-03-11 10:00 CET is 2026-04-08 10:00 CEST.
    assert (repeat["starts_at"], repeat["state"]) == ("2026-04-08T08:00:00+00:00", "planned")
    rid = str(repeat["id"])

    out = gremium.ok(
        "agenda", "propose", rid, "--title", "Sommerfest", "--kind", "decision", actor=CHAIR
    )
    gremium.ok("tick", "--until", "2026-04-08 10:05")
    assert gremium.json("meeting", "show", rid)["state"] == "convened"
    attend(gremium, int(rid), "Rabenhaus")
    attend(gremium, int(rid), BA)
    out = gremium.ok("meeting", "open", rid, actor=CHAIR)
    assert "Beschlussfähig als Wiederholungssitzung" in out and "2 von 8" in out
    top = str(agenda_of(gremium, int(rid))["Sommerfest"]["top"])
    out = gremium.ok("meeting", "vote", rid, top, "--yes", "2", "--no", "0", "--abstain", "0",
                     "--text", "Das Sommerfest findet statt.", actor=CHAIR)  # fmt: skip
    assert "2 ja, 0 nein, 0 Enthaltungen — angenommen" in out
    shown = gremium.json("meeting", "show", rid)
    assert shown["quorum_at_opening"]["repeat_meeting"] is True
    assert shown["quorum_at_opening"]["quorate"] is True


def test_the_repeat_meeting_gets_the_items_the_inquorate_meeting_left_open(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("thin_open")
    gremium.ok("meeting", "close", "1", actor=CHAIR)
    [repeat] = [m for m in gremium.json("meeting", "list") if m["repeat_of"] == 1]
    assert GRANT in agenda_of(gremium, repeat["id"])


# --- the agenda before the meeting, the schedule as users read it, action items afterwards ---


def test_the_chair_orders_and_finalizes_the_agenda_once_every_proposal_is_decided(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("series")
    item = item_id(gremium.ok("agenda", "propose", "1", "--title", "Werbung", actor=PARTNER))
    line = gremium.refused("agenda", "finalize", "1", actor=CHAIR)
    assert (
        f"Erst über alle Vorschläge entscheiden (annehmen, ablehnen oder vertagen): #{item} „Werbung“"
        in line
    )
    out = gremium.ok("agenda", "reject", item, "--reason", "gehört nicht hierher", actor=CHAIR)
    assert "„Werbung“ in Sitzung 1: abgelehnt." in out
    assert (
        gremium.ok("agenda", "finalize", "1", actor=CHAIR).strip()
        == "Tagesordnung von Sitzung 1 festgelegt."
    )
    assert gremium.json("meeting", "show", "1")["agenda_final"] is True
    line = gremium.refused("agenda", "propose", "1", "--title", "Noch was", actor=PARTNER)
    assert "Die Tagesordnung von Sitzung 1 ist festgelegt" in line
    out = gremium.ok(
        "agenda", "propose", "1", "--title", "Haushalt 2027", "--kind", "decision", actor=CHAIR
    )
    new = item_id(out)
    out = gremium.ok("agenda", "order", "1", new, "1", actor=CHAIR)
    assert "Tagesordnung von Sitzung 1 neu geordnet" in out
    agenda = agenda_of(gremium, 1)
    assert (agenda["Haushalt 2027"]["top"], agenda["Bericht zu offenen Aufgaben"]["top"]) == (1, 2)
    assert agenda["Werbung"]["reason"] == "gehört nicht hierher"
    assert "Tagesordnung (Fassung 0, festgelegt: ja):" in gremium.ok("meeting", "show", "1")


def test_meetings_moved_off_a_holiday_or_out_of_the_clock_change_say_why_in_list_and_show(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("init")
    out = gremium.ok("meeting", "series", "add", "--title", "Monatlich", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=1",
                     "--start", "2026-04-01 10:00", "--location", "Rathaus", "--horizon", "5", actor=CHAIR)  # fmt: skip
    assert "#2  2026-05-04 10:00  Rathaus  (verlegt vom Feiertag 2026-05-01 (Erster Mai))" in out
    assert "verlegt vom Feiertag 2026-05-01 (Erster Mai)" in gremium.ok("meeting", "list")
    text = gremium.ok("meeting", "show", "2")
    assert "  verlegt vom Feiertag 2026-05-01 (Erster Mai)" in text and "holiday:" not in text
    assert gremium.json("meeting", "show", "2")["schedule_note"] == "holiday:2026-05-01:Erster Mai"
    english = gremium.ok("--lang", "en", "meeting", "show", "2")
    assert "moved from the public holiday 2026-05-01 (Erster Mai)" in english

    out = gremium.ok("meeting", "series", "add", "--title", "Nachtcafé", "--rrule", "FREQ=WEEKLY;BYDAY=SU",
                     "--start", "2026-03-22 02:30", "--location", "Café", "--horizon", "3", actor=CHAIR)  # fmt: skip
    assert "2026-03-29 03:30  Café  (verlegt: die Uhrzeit fällt in die Zeitumstellung)" in out
    [gap] = [m for m in gremium.json("meeting", "list") if m["schedule_note"] == "dst_gap"]
    assert gap["starts_at"] == "2026-03-29T01:30:00+00:00"
    text = gremium.ok("meeting", "show", str(gap["id"]))
    assert "verlegt: die Uhrzeit fällt in die Zeitumstellung" in text and "dst_gap" not in text


def test_the_series_list_names_the_state_in_the_users_language(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("series")
    assert re.search(r"1\s+Kooperationsgremium\s+FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE.*aktiv",
                     gremium.ok("meeting", "series", "list"))  # fmt: skip
    out = gremium.ok("meeting", "series", "end", "1", actor=CHAIR)
    assert "Sitzungsreihe 1 beendet; künftige, unveränderte Sitzungen wurden abgesagt." in out
    listed = gremium.ok("meeting", "series", "list")
    assert "beendet" in listed and "ended" not in listed
    assert "ended" in gremium.ok("--lang", "en", "meeting", "series", "list")
    assert {m["state"] for m in gremium.json("meeting", "list")} == {"cancelled"}


def test_the_owner_reports_an_action_item_done_and_the_chair_drops_another(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("voted")
    for what, who in (("Verwendungsnachweis vorlegen", "Rabenhaus"), ("Flyer drucken", "tjfbg")):
        gremium.ok("actions", "add", "1/2", "--what", what, "--who", who, "--due", "2026-04-30",
                   actor=SECRETARIAT)  # fmt: skip
    gremium.ok("meeting", "close", "1", actor=CHAIR)
    line = gremium.refused("actions", "done", "1", actor="treptow@tjfbg.example.org")
    assert "darf „Aufgaben ändern“ nicht ausführen" in line
    assert (
        gremium.ok("actions", "done", "1", "--note", "liegt vor", actor=PARTNER).strip()
        == "Aufgabe 1: erledigt."
    )
    assert gremium.ok("actions", "drop", "2", "--reason", "erledigt sich", actor=CHAIR).strip() == (
        "Aufgabe 2: entfallen."
    )
    rows = {a["id"]: a for a in gremium.json("actions", "list")}
    assert (rows[1]["state"], rows[1]["done_on"], rows[1]["note"]) == (
        "done",
        "2026-03-11",
        "liegt vor",
    )
    assert (rows[2]["state"], rows[2]["note"]) == ("dropped", "erledigt sich")
    assert gremium.ok("actions", "list", "--status", "open").strip() == "Keine Aufgaben."
    assert gremium.json("meeting", "show", "2")["open_action_items"] == []


# --- the quorum at every vote, majorities ---


def test_the_quorum_is_checked_again_at_every_vote_as_people_leave(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("late_arrival")
    attend(gremium, 1, "Paritätischer Berlin", "--departed", "11:40")
    attend(gremium, 1, "tjfbg", "--departed", "11:40")
    gremium.ok("tick", "--until", "2026-03-11 11:45")
    # ajb left at 11:30: Rabenhaus, BA Treptow-Köpenick and KungerKiez remain.
    line = gremium.refused(
        "meeting", "vote", "1", "2", "--ballot", "ajb=yes", "--text", "x", actor=CHAIR
    )
    assert "Die Sitzung ist jetzt nicht beschlussfähig: 3 von 8" in line
    line = gremium.refused("meeting", "vote", "1", "5", "--yes", "3", "--text", "x", actor=CHAIR)
    assert "nötig sind 5. Es kann nichts beschlossen werden." in line
    assert gremium.json("decisions", "list") == []


def test_a_two_thirds_item_fails_without_two_thirds_of_the_votes_cast_and_a_tie_fails(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("urgent")
    gremium.ok("agenda", "propose", "1", "--title", "Änderung der Geschäftsordnung", "--kind", "decision",
               "--majority", "two_thirds", "--urgent", actor=CHAIR)  # fmt: skip
    _in_session(gremium)
    _late_arrival(gremium)
    out = gremium.ok("meeting", "vote", "1", "6", "--yes", "3", "--no", "2", "--abstain", "1", "--text", "GO",
                     actor=CHAIR)  # fmt: skip
    assert (
        "Beschluss KG-2026/01 zu TOP 6: 3 ja, 2 nein, 1 Enthaltung — abgelehnt (Zweidrittelmehrheit)."
        in out
    )
    out = gremium.ok(
        "meeting", "vote", "1", "2", "--yes", "3", "--no", "3", "--text", "Zuschuss", actor=CHAIR
    )
    assert (
        "KG-2026/02 zu TOP 2: 3 ja, 3 nein, 0 Enthaltungen — abgelehnt (einfache Mehrheit)." in out
    )
    out = gremium.ok("meeting", "vote", "1", "5", "--yes", "2", "--no", "1", "--abstain", "3",
                     "--text", "Winterhilfe", actor=CHAIR)  # fmt: skip
    assert "KG-2026/03 zu TOP 5: 2 ja, 1 nein, 3 Enthaltungen — angenommen" in out
    register = gremium.json("decisions", "list", "--year", "2026")
    assert [(d["reference"], d["carried"], d["majority"]) for d in register] == [
        ("KG-2026/01", False, "two_thirds"), ("KG-2026/02", False, "simple"), ("KG-2026/03", True, "simple"),
    ]  # fmt: skip
    assert gremium.json("decisions", "list", "--year", "2027") == []


# --- standing items and repeat meetings ---


def test_cancelling_the_first_meeting_takes_the_minutes_approval_off_the_next_agenda(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("series")
    gremium.ok("meeting", "cancel", "1", "--reason", "Raum nicht verfügbar", actor=CHAIR)
    assert "Genehmigung des Protokolls der letzten Sitzung" not in agenda_of(gremium, 2)


def test_opening_a_repeat_meeting_says_it_is_quorate_regardless_of_attendance(
    gremium: Gremium, stage: Callable[[str], Gremium]
) -> None:
    stage("thin_open")
    gremium.ok("meeting", "close", "1", actor=CHAIR)
    [repeat] = [m for m in gremium.json("meeting", "list") if m["repeat_of"] == 1]
    gremium.ok("tick", "--until", "2026-04-08 10:05")
    attend(gremium, repeat["id"], "Rabenhaus")
    out = gremium.ok("meeting", "open", str(repeat["id"]), actor=CHAIR)
    assert "Beschlussfähig" in out and "(nötig: 5)" not in out
