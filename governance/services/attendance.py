"""Attendance (Anwesenheit) and the quorum (Beschlussfähigkeit) at a moment.

Per member organisation: present (the representative), represented by a
deputy, excused or absent, with arrival and departure times; guests are
listed by name. Only voting organisations present at a moment count for the
quorum, one each; guests and advisory members never do.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.domain.voting import (
    AttendanceStatus,
    Presence,
    QuorumCheck,
    voting_present_at,
)
from governance.errors import InvalidInput, Text
from governance.models import Attendance, Capacity, Meeting, Membership, Role
from governance.services import access, directory, validation
from governance.unit_of_work import UnitOfWork

ENTITY = Meeting.__tablename__


def voting_memberships(session: Session, meeting: Meeting) -> list[Membership]:
    """The organisations with a vote at *meeting* (members on its day)."""
    day = meeting.starts_at.astimezone(BERLIN).date()
    return [m for m in directory.current_memberships(session, meeting.committee, day) if m.voting]


def presences(meeting: Meeting) -> list[Presence]:
    # Those online count as present only where the rules allow it (issue 16).
    online_counts = meeting.committee.rules.online_counts_for_quorum
    return [
        Presence(
            organisation_id=a.organisation_id,
            voting=a.voting,
            status=AttendanceStatus(a.status),
            arrived_at=a.arrived_at,
            departed_at=a.departed_at,
        )
        for a in meeting.attendance
        if a.organisation_id is not None and (online_counts or not a.online)
    ]


def quorum_at(session: Session, meeting: Meeting, moment: dt.datetime) -> QuorumCheck:
    """The quorum of *meeting* at *moment*, from who is present then (and the votes
    transferred to them, where the rules count those: services/vote_standing.py)."""
    from governance.services.vote_standing import standing

    return standing(session, meeting, moment).check


def present_voting_organisations(
    session: Session, meeting: Meeting, moment: dt.datetime
) -> set[int]:
    voting_ids = {m.organisation_id for m in voting_memberships(session, meeting)}
    return voting_present_at(presences(meeting), moment) & voting_ids


def record(
    uow: UnitOfWork,
    meeting: Meeting,
    *,
    organisation_ref: str,
    status: str,
    person_email: str | None = None,
    arrived: str | dt.datetime | None = None,
    departed: str | dt.datetime | None = None,
) -> Attendance:
    """Record (or correct) one organisation's attendance."""
    access.check(
        uow, "meeting.attendance", meeting.committee, entity_type=ENTITY, entity_id=meeting.id
    )
    _require(uow, meeting)
    status_value = validation.choice(AttendanceStatus, status, "--status")
    organisation = directory.organisation_by_ref(uow.session, organisation_ref)
    day = meeting.starts_at.astimezone(BERLIN).date()
    membership = directory.membership_of(uow.session, meeting.committee, organisation)
    if membership is None or not membership.is_current(day):
        raise InvalidInput(
            "meeting.error.not_a_member",
            organisation=organisation.short_name,
            committee=meeting.committee.short_name,
        )
    person = None
    if person_email:
        person = directory.person_by_email(uow.session, person_email)
        capacities = {mp.capacity for mp in membership.people if mp.person_id == person.id}
        if not capacities:
            raise InvalidInput(
                "meeting.error.not_acting_for",
                person=person.email,
                organisation=organisation.short_name,
            )
        if status_value is AttendanceStatus.PRESENT and Capacity.REPRESENTATIVE not in capacities:
            status_value = AttendanceStatus.REPRESENTED
    elif status_value in (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED):
        capacity = (
            Capacity.REPRESENTATIVE if status_value is AttendanceStatus.PRESENT else Capacity.DEPUTY
        )
        people = membership.persons(capacity)
        if not people:
            raise InvalidInput(
                "meeting.error.no_person",
                organisation=organisation.short_name,
                capacity=Text(f"role.{capacity.value}"),
            )
        person = people[0]
    arrived_at = _moment(meeting, arrived, "--arrived")
    departed_at = _moment(meeting, departed, "--departed")
    if arrived_at and departed_at and departed_at <= arrived_at:
        raise InvalidInput("meeting.error.departure_before_arrival")
    row = next((a for a in meeting.attendance if a.organisation_id == organisation.id), None)
    if row is None:
        row = Attendance(organisation_id=organisation.id, guest_name="", recorded_at=uow.now)
        meeting.attendance.append(row)
    row.person_id = person.id if person else None
    row.role = membership.role
    row.voting = membership.voting and membership.role in (Role.CHAIR, Role.MEMBER)
    row.status = status_value.value
    if arrived is not None:
        row.arrived_at = arrived_at
    if departed is not None:
        row.departed_at = departed_at
    row.recorded_at = uow.now
    uow.fire(
        meeting,
        "record_attendance",
        organisation=organisation.short_name,
        status=status_value.value,
        person_id=person.id if person else None,
        arrived_at=row.arrived_at,
        departed_at=row.departed_at,
    )
    return row


def add_guest(uow: UnitOfWork, meeting: Meeting, *, name: str, affiliation: str = "") -> Attendance:
    """List a guest (never counted for the quorum or votes)."""
    access.check(
        uow, "meeting.attendance", meeting.committee, entity_type=ENTITY, entity_id=meeting.id
    )
    _require(uow, meeting)
    label = validation.text(name, "--guest", 200)
    if affiliation.strip():
        label = f"{label} ({validation.text(affiliation, '--affiliation', 200)})"
    row = Attendance(
        organisation_id=None,
        guest_name=label,
        role=Role.GUEST.value,
        voting=False,
        status=AttendanceStatus.PRESENT.value,
        recorded_at=uow.now,
    )
    meeting.attendance.append(row)
    uow.session.flush()
    # The guest by their attendance row: their name stays out of the audit chain.
    uow.fire(meeting, "record_attendance", guest_attendance_id=row.id)
    return row


def _require(uow: UnitOfWork, meeting: Meeting) -> None:
    if "record_attendance" not in uow.engine.allowed_triggers(meeting):
        uow.fire(meeting, "record_attendance")  # refused: names the state and what is possible


def _moment(meeting: Meeting, value: str | dt.datetime | None, what: str) -> dt.datetime | None:
    """A time of day on the meeting's date ("10:45"), or a full local date and time.

    Either way it must fall on the meeting's day (or the day it ends): an arrival
    typed with the wrong date would otherwise move a member in or out of the quorum.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    text = str(value).strip()
    local_day = meeting.starts_at.astimezone(BERLIN).date()
    try:
        if len(text) <= 5:
            hh, mm = (int(x) for x in text.split(":"))
            local = dt.datetime.combine(local_day, dt.time(hh, mm))
        else:
            local = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput("meeting.error.time", what=what, value=text) from None
    if local.tzinfo is not None:
        local = local.astimezone(BERLIN).replace(tzinfo=None)
    last_day = meeting.ends_at.astimezone(BERLIN).date()
    if not local_day <= local.date() <= last_day:
        raise InvalidInput(
            "meeting.error.time_not_on_meeting_day",
            what=what,
            value=text,
            day=local_day.isoformat(),
        )
    return local.replace(tzinfo=BERLIN)
