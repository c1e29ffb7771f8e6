"""The second half of the demo year: the ordinary meetings in September and December."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from governance.demo.actions import (
    answers_by_link,
    attend,
    held_number,
    item_of,
    item_of_proposed,
    minutes_round,
    note_the_rest,
    propose,
    vote,
)
from governance.demo.script import (
    CHAIR,
    SECRETARIAT,
    Stage,
    on_item,
    on_meeting,
)
from governance.services import (
    action_items,
    agenda,
)
from governance.services import meetings as ms

# --- September and December: ordinary meetings ---

PRESENT = (
    "BA Treptow-Köpenick",
    "Rabenhaus",
    "Offensiv'91",
    "tjfbg",
    "KungerKiez",
    "ajb",
    "Kosmosviertel",
)
"""The voting members who come (SenASGIVA, advisory, comes too without answering)."""


def ordinary_meeting(
    stage: Stage,
    number: int,
    day: tuple[int, int, int],
    decision: str,
    text: str,
    counts: tuple[int, int, int],
    action: tuple[str, str, str] | None,
    practice: Callable[[Stage, int, str], None] | None = None,
) -> None:
    """*practice* (issue 16, governance/demo/practice.py) runs at the steps "answered",
    "attended" and "opened" of the meeting."""
    meeting = stage.meeting(number)
    step = practice or (lambda stage, meeting, phase: None)
    y, m, d = day
    # Invited 14 days before; the partners answer by link the next day.
    answered = dt.date(y, m, d) - dt.timedelta(days=13)
    stage.at(answered.year, answered.month, answered.day, 9, 0)
    answers_by_link(
        stage,
        meeting,
        {
            **{org: "attends" for org in (*PRESENT, "Paritätischer Berlin")},
            "VskA": "excused",
        },
    )
    step(stage, meeting, "answered")
    stage.at(y, m, d, 9, 50)
    present = (
        "BA Treptow-Köpenick",
        "Rabenhaus",
        "Offensiv'91",
        "tjfbg",
        "KungerKiez",
        "ajb",
        "Kosmosviertel",
        "SenASGIVA",
    )
    for org in present:
        attend(stage, meeting, org)
    attend(stage, meeting, "Paritätischer Berlin", departed="11:00")
    attend(stage, meeting, "VskA", status="excused")
    step(stage, meeting, "attended")
    stage.at(y, m, d, 10, 0)
    stage.act(CHAIR, on_meeting(ms.open_meeting, meeting))
    stage.note(f"Sitzung Nr. {held_number(stage, meeting)} eröffnet: beschlussfähig (8 von 9)")
    step(stage, meeting, "opened")
    vote(stage, item_of(stage, meeting, decision), text, totals=counts)
    if action is not None:
        what, who, due = action
        stage.act(
            SECRETARIAT,
            lambda uow: action_items.add(
                uow,
                agenda.item_by_ref(uow.session, item_of(stage, meeting, decision)),
                what=what,
                who=who,
                due_on=due,
            ),
        )
    note_the_rest(stage, meeting)
    stage.at(y, m, d, 12, 0)
    stage.act(CHAIR, on_meeting(ms.close, meeting))
    stage.at(y, m, d + 4, 9, 0)
    minutes_round(stage, meeting, {})
    stage.note(f"Protokoll der Sitzung Nr. {held_number(stage, meeting)} versandt")


def autumn(
    stage: Stage,
    between: Callable[[Stage], None] | None = None,
    september: Callable[[Stage, int, str], None] | None = None,
) -> None:
    """September and December; *between* runs in October (the written procedure);
    *september* adds to the September meeting (issue 16: governance/demo/practice.py)."""
    third = stage.meeting(3)
    stage.at(2026, 8, 1, 9, 0)
    propose(
        stage, CHAIR, third, "Haushaltsanmeldung 2027 für die Stadtteilzentren", kind="decision"
    )
    ordinary_meeting(
        stage,
        3,
        (2026, 9, 9),
        "Haushaltsanmeldung",
        "Das Gremium empfiehlt dem Bezirksamt die Haushaltsanmeldung 2027 wie vorgelegt.",
        (6, 1, 1),
        (
            "Stellungnahme zur Haushaltsanmeldung an das Bezirksamt senden",
            "BA Treptow-Köpenick",
            "2026-10-15",
        ),
        september,
    )
    if between is not None:
        between(stage)
    stage.at(2026, 11, 1, 9, 0)
    propose(
        stage,
        "vorstand@offensiv91.example.org",
        stage.meeting(4),
        "Jahresplanung 2027",
        kind="decision",
        description="Sitzungstermine und Schwerpunkte 2027.",
    )
    stage.at(2026, 11, 3, 9, 0)
    stage.act(
        CHAIR, on_item(agenda.accept, item_of_proposed(stage, stage.meeting(4), "Jahresplanung"))
    )
    ordinary_meeting(
        stage,
        4,
        (2026, 12, 9),
        "Jahresplanung",
        "Das Gremium beschließt die Jahresplanung 2027 mit vier Sitzungen.",
        (8, 0, 0),
        None,
    )
