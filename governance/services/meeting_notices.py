"""Who hears about a meeting, and what the mails about it carry.

Every notice about a meeting is queued in the outbox inside the transaction
of the change that caused it. The context is plain JSON (ISO 8601 moments),
captured when the message is queued, so that a mail sent later says what
was true when it was decided.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance import outbox
from governance.models import (
    ActionItem,
    AgendaItem,
    Capacity,
    Committee,
    Meeting,
    Person,
    Role,
    SecretariatMember,
)
from governance.services import directory
from governance.unit_of_work import UnitOfWork

INVITED_ROLES = (Role.CHAIR, Role.MEMBER, Role.ADVISORY, Role.GUEST)


def invitees(session: Session, committee: Committee, on: dt.date) -> list[Person]:
    """Representatives and deputies of every organisation in the committee on *on*.

    A partner accepted by accession is a member from its date on and so is
    invited from the next meeting on; one that has left is not.
    """
    people: dict[int, Person] = {}
    for membership in directory.current_memberships(session, committee, on):
        if membership.role not in INVITED_ROLES:
            continue
        for capacity in (Capacity.REPRESENTATIVE, Capacity.DEPUTY):
            for person in membership.persons(capacity):
                people.setdefault(person.id, person)
    return list(people.values())


def chair_people(session: Session, committee: Committee, on: dt.date) -> list[Person]:
    people: list[Person] = []
    for membership in directory.current_memberships(session, committee, on):
        if membership.role == Role.CHAIR:
            people += membership.persons(Capacity.REPRESENTATIVE)
    return people


def secretariat_people(session: Session, committee: Committee) -> list[Person]:
    return list(
        session.execute(
            select(Person)
            .join(SecretariatMember, SecretariatMember.person_id == Person.id)
            .where(SecretariatMember.committee_id == committee.id)
            .order_by(Person.id)
        ).scalars()
    )


def agenda_items(session: Session, meeting: Meeting) -> list[AgendaItem]:
    """The accepted items of *meeting* in agenda order (TOP 1, 2, ...)."""
    return list(
        session.execute(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id, AgendaItem.status == "accepted")
            .order_by(AgendaItem.position, AgendaItem.id)
        ).scalars()
    )


def open_action_items(session: Session, committee: Committee) -> list[ActionItem]:
    return list(
        session.execute(
            select(ActionItem)
            .where(ActionItem.committee_id == committee.id, ActionItem.state == "open")
            .order_by(ActionItem.due_on, ActionItem.id)
        ).scalars()
    )


def meeting_context(session: Session, meeting: Meeting) -> dict[str, Any]:
    """What every mail about *meeting* may show: when, where, the agenda as it stands."""
    committee = meeting.committee
    return {
        "committee": committee.name,
        "committee_short": committee.short_name,
        "meeting": {
            "id": meeting.id,
            "title": meeting.title,
            "number": meeting.number,
            "starts_at": meeting.starts_at.isoformat(),
            "ends_at": meeting.ends_at.isoformat(),
            "location": meeting.location,
            "state": meeting.state,
            "proposal_deadline_at": meeting.proposal_deadline_at.isoformat(),
            "agenda_revision": meeting.agenda_revision,
            "sequence": meeting.sequence,
            "reason": meeting.reason,
            "repeat_meeting": meeting.is_repeat,
        },
        "agenda": [
            {
                "number": item.position,
                "title": item.title,
                "description": item.description,
                "kind": item.kind,
                "majority": item.majority,
                "urgent": item.urgent,
            }
            for item in agenda_items(session, meeting)
        ],
        "open_action_items": [
            {
                "what": a.what,
                "owner": a.owner_label,
                "due_on": a.due_on.isoformat(),
            }
            for a in open_action_items(session, committee)
        ],
    }


def notify(
    uow: UnitOfWork,
    meeting: Meeting,
    notification: str,
    recipients: list[Person],
    *,
    revision: str | int,
    **extra: Any,
) -> int:
    """Queue *notification* about *meeting* for each of *recipients*; return how many were queued."""
    context = meeting_context(uow.session, meeting)
    context.update(extra)
    queued = 0
    for person in recipients:
        message = outbox.queue(
            uow,
            notification=notification,
            recipient=person,
            context={**context, "recipient_name": person.name},
            committee_id=meeting.committee_id,
            entity=meeting,
            revision=revision,
        )
        queued += message is not None
    return queued
