"""The attendance list (Anwesenheitsliste) to sign on paper at a meeting.

ID: the meeting's number in Gremium. One row per organisation invited on
the meeting's day (chair, members, advisory members) with its representative
and deputy and an empty column to sign; then empty rows for guests.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.models import Capacity, Meeting, Role
from governance.services import directory
from governance.services import meetings as meeting_service
from governance.services.documents.meeting_parts import meeting_part
from governance.services.documents.parts import committee_part

GUEST_ROWS = 6
ROLE_ORDER = {Role.CHAIR: 0, Role.MEMBER: 1, Role.ADVISORY: 2}


def load(session: Session, ref: str) -> dict[str, Any]:
    return context(session, meeting_service.meeting_by_id(session, ref))


def context(session: Session, meeting: Meeting) -> dict[str, Any]:
    day = meeting.starts_at.astimezone(BERLIN).date()
    memberships = [
        m
        for m in directory.current_memberships(session, meeting.committee, day)
        if m.role in ROLE_ORDER
    ]
    memberships.sort(key=lambda m: (ROLE_ORDER[Role(m.role)], m.organisation.name.lower()))
    return {
        "committee": committee_part(meeting.committee),
        "meeting": meeting_part(meeting),
        "rows": [
            {
                "organisation": m.organisation.name,
                "short_name": m.organisation.short_name,
                "role": m.role,
                "voting": m.voting,
                "representatives": [p.name for p in m.persons(Capacity.REPRESENTATIVE)],
                "deputies": [p.name for p in m.persons(Capacity.DEPUTY)],
            }
            for m in memberships
        ],
        "guest_rows": GUEST_ROWS,
    }
