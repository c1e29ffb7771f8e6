"""What people do in the demo, in small steps: propose, attend, vote, write minutes."""

from __future__ import annotations

from typing import Any

from governance.demo.script import (
    CHAIR,
    SECRETARIAT,
    Stage,
    on_item,
    on_meeting,
)
from governance.services import (
    agenda,
    attendance,
    minutes,
    votes,
)
from governance.services import meetings as ms


def propose(stage: Stage, actor: str, meeting: int, title: str, **kwargs: Any) -> int:
    return int(
        stage.act(
            actor,
            lambda uow: (
                agenda.propose(
                    uow, ms.meeting_by_id(uow.session, meeting), title=title, **kwargs
                ).id
            ),
        )
    )


def attend(
    stage: Stage, meeting: int, organisation: str, status: str = "present", **kwargs: Any
) -> None:
    stage.act(
        SECRETARIAT,
        on_meeting(
            attendance.record, meeting, organisation_ref=organisation, status=status, **kwargs
        ),
    )


def vote(stage: Stage, item: int, text: str, **kwargs: Any) -> str:
    decision = stage.act(CHAIR, on_item(votes.record_vote, item, text=text, **kwargs))
    result = "angenommen" if decision.carried else "abgelehnt"
    stage.note(f"Beschluss {decision.reference}: {text} — {result}")
    return str(decision.reference)


def item_of(stage: Stage, meeting: int, title_start: str) -> int:
    with stage.app.db.session() as s:
        found = [
            i
            for i in agenda.items(s, ms.meeting_by_id(s, meeting))
            if i.title.startswith(title_start) and i.status == "accepted"
        ]
    return found[0].id


def minutes_round(stage: Stage, meeting: int, notes: dict[int, str]) -> None:
    if notes:
        stage.act(SECRETARIAT, on_meeting(minutes.record_notes, meeting, notes=notes))
    stage.act(SECRETARIAT, on_meeting(minutes.circulate, meeting))


def note_the_rest(stage: Stage, meeting: int) -> None:
    """The items without a vote are taken note of, as the chair goes through the agenda."""
    with stage.app.db.session() as s:
        rest = [
            i.id
            for i in agenda.items(s, ms.meeting_by_id(s, meeting))
            if i.status == "accepted" and i.outcome is None and i.kind != "decision"
        ]
    for item in rest:
        stage.act(SECRETARIAT, on_item(agenda.mark, item, outcome="noted"))


def held_number(stage: Stage, meeting: int) -> int | None:
    with stage.app.db.session() as s:
        return ms.meeting_by_id(s, meeting).number


def item_of_proposed(stage: Stage, meeting: int, title_start: str) -> int:
    with stage.app.db.session() as s:
        return next(
            i.id
            for i in agenda.items(s, ms.meeting_by_id(s, meeting))
            if i.title.startswith(title_start)
        )
