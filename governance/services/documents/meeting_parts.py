"""Pieces the meeting documents share: the meeting, the chair, the secretariat."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.models import Capacity, Meeting, Person, Role
from governance.services import directory
from governance.services.meeting_notices import secretariat_people


def meeting_part(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "number": meeting.number,
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "location": meeting.location,
        "format": meeting.format,  # in_person, online, hybrid (the video link: invitation only)
        "opened_at": meeting.opened_at,
        "closed_at": meeting.closed_at,
        "proposal_deadline_at": meeting.proposal_deadline_at,
        "repeat_meeting": meeting.is_repeat,
        "state": meeting.state,
        # (meetings) held on paper and recorded afterwards: when and by whom
        "recorded_later_at": meeting.recorded_later_at,
        "recorded_later_by": meeting.recorded_later_by,
    }


def person_part(person: Person | None) -> dict[str, Any] | None:
    if person is None:
        return None
    return {"name": person.name, "function_title": person.function_title}


def chair_part(session: Session, meeting: Meeting) -> dict[str, Any] | None:
    """Who signs for the chair: the chairing organisation's representative on the day."""
    day = meeting.starts_at.astimezone(BERLIN).date()
    for membership in directory.current_memberships(session, meeting.committee, day):
        if membership.role == Role.CHAIR:
            people = membership.persons(Capacity.REPRESENTATIVE)
            part = person_part(people[0] if people else None)
            if part is not None:
                part["organisation"] = membership.organisation.name
            return part
    return None


def secretariat_part(
    session: Session, meeting: Meeting, taker: Person | None
) -> dict[str, Any] | None:
    """The minute-taker: who recorded the notes, else the first of the secretariat."""
    if taker is None:
        people = secretariat_people(session, meeting.committee)
        taker = people[0] if people else None
    return person_part(taker)


def attachments_part(session: Session, item_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The current version of each attachment of the items, by item (plain dicts)."""
    from governance.services.agenda_attachments import current_versions, describe

    return {
        item_id: [
            {k: v for k, v in describe(a).items() if k not in ("created_at", "created_by")}
            for a in rows
        ]
        for item_id, rows in current_versions(session, item_ids).items()
    }
