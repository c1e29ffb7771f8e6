"""What the meeting-practice page shows (``/meetings/<mid>/practice``): the format and
video link, conflicts of interest, vote transfers and who takes part online; read only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from governance.domain.meeting_format import MeetingFormat
from governance.domain.voting import AttendanceStatus
from governance.models import Meeting
from governance.services import agenda, conflicts_of_interest, vote_transfer
from governance.services.attendance import voting_memberships
from governance.services.meeting_practice_common import OPEN_STATES


def practice_view(session: Session, meeting: Meeting, now: dt.datetime) -> dict[str, Any]:
    items = [i for i in agenda.items(session, meeting) if i.status == "accepted"]
    conflicts = conflicts_of_interest.of_items(session, [i.id for i in items], withdrawn=True)
    members = voting_memberships(session, meeting)
    present = [
        a
        for a in meeting.attendance
        if a.organisation is not None
        and a.status in (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED)
    ]
    present_names = [a.organisation.short_name for a in present if a.organisation is not None]
    return {
        "id": meeting.id,
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "state": meeting.state,
        "open": meeting.state in OPEN_STATES,
        "format": meeting.format,
        "has_video": MeetingFormat(meeting.format).has_video,
        # Members only: this page is shown to those with a role in the committee.
        "video_url": meeting.video_url,
        "rules": meeting.committee.rules,
        "decision_items": [
            {"top": i.position, "title": i.title} for i in items if i.kind == "decision"
        ],
        "decision_choices": [
            (str(i.position), f"TOP {i.position}: {i.title}") for i in items if i.kind == "decision"
        ],
        "conflicts": [
            {
                "top": item.position,
                "title": item.title,
                "organisation": c.organisation.short_name,
                "reason": c.reason,
                "via": c.via,
                "withdrawn_at": c.withdrawn_at,
            }
            for item in items
            for c in conflicts.get(item.id, [])
        ],
        "transfers": [
            {
                "from": row.from_organisation.short_name,
                "to": row.to_organisation.short_name,
                "via": row.via,
                "ended": vote_transfer.ended(meeting, row, now),
                "withdrawn_at": row.withdrawn_at,
            }
            for row in vote_transfer.transfers(session, meeting, withdrawn=True)
        ],
        "voting": [(m.organisation.short_name, m.organisation.name) for m in members],
        "present_choices": [(name, name) for name in present_names],
        "present": [
            {"organisation": a.organisation.short_name, "online": a.online}
            for a in present
            if a.organisation is not None
        ],
    }
