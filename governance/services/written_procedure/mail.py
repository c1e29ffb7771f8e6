"""The written procedure: the mails (the motion, the reminder, the result)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from governance import outbox
from governance.clock import BERLIN
from governance.domain.rules import quorum_needed
from governance.models import (
    AgendaItem,
    Capacity,
    Person,
    Role,
    WrittenProcedure,
)
from governance.services import directory
from governance.services.meeting_notices import secretariat_people
from governance.services.written_procedure.records import demands_needed
from governance.unit_of_work import UnitOfWork
from governance.workflow.registry import effect

if TYPE_CHECKING:
    from governance.unit_of_work import TransitionContext

# --- mail ---


def _context(procedure: WrittenProcedure) -> dict[str, Any]:
    return {
        "committee": procedure.committee.name,
        "procedure": {
            "id": procedure.id,
            "title": procedure.title,
            "text": procedure.text,
            "kind": procedure.kind,
            "majority": procedure.majority,
            "deadline_at": procedure.deadline_at.isoformat(),
            "voting_members": len(procedure.ballots),
            "participation_needed": quorum_needed(
                procedure.committee.rules, len(procedure.ballots)
            ),
            "meeting_demands_needed": demands_needed(procedure),
        },
    }


def _voters(session: Session, procedure: WrittenProcedure, only_pending: bool) -> list[Person]:
    """Representatives and deputies of the voting members (those still to vote)."""
    people: dict[int, Person] = {}
    wanted = {b.organisation_id for b in procedure.ballots if not only_pending or b.choice is None}
    committee = procedure.committee
    for membership in directory.current_memberships(
        session, committee, procedure.started_at.date()
    ):
        if membership.organisation_id not in wanted:
            continue
        for capacity in (Capacity.REPRESENTATIVE, Capacity.DEPUTY):
            for person in membership.persons(capacity):
                people.setdefault(person.id, person)
    return list(people.values())


def _links(uow: UnitOfWork, procedure: WrittenProcedure, person: Person) -> dict[str, str]:
    """The person's action links for this motion (empty where links are not set up)."""
    from governance.services import written_links

    return written_links.links_for(uow, procedure, person)


def _notify_motion(uow: UnitOfWork, procedure: WrittenProcedure) -> None:
    for person in _voters(uow.session, procedure, only_pending=False):
        outbox.queue(
            uow,
            notification="written_motion",
            recipient=person,
            context={**_context(procedure), "links": _links(uow, procedure, person)},
            committee_id=procedure.committee_id,
            entity=procedure,
        )


@effect("notify_written_reminder")
def notify_written_reminder(ctx: TransitionContext) -> None:
    procedure: WrittenProcedure = ctx.entity
    if procedure.committee.rules.written_procedure_reminder_days == 0:
        return  # the rules want no reminder (the timer then falls on the deadline)
    for person in _voters(ctx.session, procedure, only_pending=True):
        outbox.queue(
            ctx.uow,
            notification="written_reminder",
            recipient=person,
            context={**_context(procedure), "links": _links(ctx.uow, procedure, person)},
            committee_id=procedure.committee_id,
            entity=procedure,
        )


@effect("notify_written_result")
def notify_written_result(ctx: TransitionContext) -> None:
    procedure: WrittenProcedure = ctx.entity
    committee = procedure.committee
    item = (
        ctx.session.get(AgendaItem, procedure.agenda_item_id) if procedure.agenda_item_id else None
    )
    meeting = item.meeting if item is not None else None
    outcome = {
        "state": procedure.state,
        "reference": procedure.reference,
        "carried": procedure.carried,
        "yes": procedure.yes,
        "no": procedure.no,
        "abstain": procedure.abstain,
        "voted": sum(1 for b in procedure.ballots if b.choice is not None),
        "reason": procedure.reason,
        "meeting_title": meeting.title if meeting is not None else None,
        "meeting_on": meeting.starts_at.astimezone(BERLIN).date().isoformat()
        if meeting is not None
        else None,
        "demanded_by": [
            b.organisation.short_name for b in procedure.ballots if b.demanded_meeting_at
        ],
    }
    people: dict[int, Person] = {}
    for membership in directory.current_memberships(ctx.session, committee, ctx.today):
        if membership.role == Role.GUEST:
            continue
        for capacity in (Capacity.REPRESENTATIVE, Capacity.DEPUTY):
            for person in membership.persons(capacity):
                people.setdefault(person.id, person)
    for person in secretariat_people(ctx.session, committee):
        people.setdefault(person.id, person)
    for person in people.values():
        outbox.queue(
            ctx.uow,
            notification="written_result",
            recipient=person,
            context={**_context(procedure), "outcome": outcome},
            committee_id=procedure.committee_id,
            entity=procedure,
            revision=procedure.state,
        )
