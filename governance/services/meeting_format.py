"""How a meeting is held (Sitzungsform) and who took part online.

The chair or the secretariat sets a meeting in person, online or hybrid, with
its video link (domain/meeting_format.py). The link goes to those invited
only: their mails and calendar entries (services/meeting_notices.py) and the
invitation document; it is never shown on a public page, feed or export
(``Meeting.video_url`` says so for whoever builds those). The secretariat
records who took part online; the quorum counts them as present where the
rules allow (``online_counts_for_quorum``, by default yes).
"""

from __future__ import annotations

from governance.domain.meeting_format import MAX_VIDEO_URL, MeetingFormat, video_url_problem
from governance.domain.voting import AttendanceStatus
from governance.errors import Conflict, InvalidInput
from governance.models import Attendance, Meeting
from governance.services import access, directory, validation
from governance.services.meeting_practice_common import OPEN_STATES, require_open
from governance.unit_of_work import UnitOfWork

ACTION = "meeting.format"


def set_format(uow: UnitOfWork, meeting: Meeting, *, format: str, video_url: str = "") -> Meeting:
    """Set how *meeting* is held; online and hybrid need an https video link."""
    access.check(uow, ACTION, meeting.committee, entity_type="meetings", entity_id=meeting.id)
    require_open(meeting, ACTION)
    kind = validation.choice(MeetingFormat, format, "--format")
    url = str(video_url or "").strip()
    if kind.has_video:
        if not url:
            raise InvalidInput("format.error.video_missing", format=kind.value)
        problem = video_url_problem(url)
        if problem is not None:
            raise InvalidInput(f"format.error.video_{problem}", max=MAX_VIDEO_URL)
    elif url:
        raise InvalidInput("format.error.video_in_person")
    if meeting.format == kind.value and meeting.video_url == url:
        return meeting  # nothing changed: nothing to record
    meeting.format = kind.value
    meeting.video_url = url
    uow.audit(
        entity_type="meetings",
        entity_id=meeting.id,
        committee_id=meeting.committee_id,
        action="meeting.format",
        # Whether there is a link, not the link: the audit trail outlives the meeting.
        details={"format": kind.value, "video_link": bool(url)},
    )
    return meeting


def attend_online(
    uow: UnitOfWork, meeting: Meeting, *, organisation: str, online: bool = True
) -> Attendance:
    """Record that a member organisation (already recorded present) takes part online."""
    access.check(
        uow, "meeting.attendance", meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    if meeting.state not in OPEN_STATES:
        require_open(meeting, "meeting.attendance")
    if online and not MeetingFormat(meeting.format).has_video:
        raise Conflict("format.error.not_online", meeting=meeting.id)
    org = directory.organisation_by_ref(uow.session, organisation)
    row = next((a for a in meeting.attendance if a.organisation_id == org.id), None)
    if row is None or row.status not in (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED):
        raise InvalidInput("format.error.not_present", organisation=org.short_name)
    row.online = online
    uow.fire(meeting, "record_attendance", organisation=org.short_name, online=online)
    return row
