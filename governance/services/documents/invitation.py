"""The invitation (Einladung) to a meeting with its agenda (Tagesordnung).

ID: the meeting's number in Gremium (``gremium meeting list``). The letter is
dated on the day the invitation went out, or is due to go out.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from governance.models import Meeting
from governance.services import meetings as meeting_service
from governance.services.documents.meeting_parts import attachments_part, chair_part, meeting_part
from governance.services.documents.parts import committee_part
from governance.services.meeting_notices import agenda_items


def load(session: Session, ref: str) -> dict[str, Any]:
    return context(session, meeting_service.meeting_by_id(session, ref))


def context(session: Session, meeting: Meeting) -> dict[str, Any]:
    items = agenda_items(session, meeting)
    files = attachments_part(session, [item.id for item in items])
    return {
        "committee": committee_part(meeting.committee),
        "meeting": meeting_part(meeting),
        "letter_date": meeting.convened_at or meeting.invitation_at,
        "agenda": [
            {
                "number": item.position,
                "title": item.title,
                "description": item.description,
                "kind": item.kind,
                "majority": item.majority,
                "urgent": item.urgent,
                "attachments": files.get(item.id, []),
            }
            for item in items
        ],
        "chair": chair_part(session, meeting),
        # The video link goes to those invited (this document is attached to their
        # invitation); no other document, page or feed carries it.
        "video_url": meeting.video_url or None,
    }
