"""Meetings (Sitzungen): plan, convene, open, close, cancel, move.

Workflow ``meeting`` (workflows/meeting.yaml): planned -> convened ->
in_session -> closed, or cancelled before it starts. Each function here is
one user action inside the caller's unit of work; guards and effects are in
governance/services/meeting_workflow.py, the agenda in agenda.py,
attendance in attendance.py and votes in votes.py.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from governance.clock import BERLIN
from governance.domain.rules import RulesOfProcedure, meeting_deadlines
from governance.domain.schedule import ScheduleError, holiday_name, localise
from governance.errors import ConcurrentChange, Conflict, InvalidInput, NotFound, Text
from governance.models import AgendaItem, Committee, Meeting, MeetingSeries, Person
from governance.services import access, validation
from governance.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    pass

ENTITY = Meeting.__tablename__
MAX_DURATION_MINUTES = 24 * 60
MAX_AHEAD_MONTHS = 36
"""A single meeting is planned at most as far ahead as the longest series horizon."""


# --- lookups ---


MeetingRef = Meeting | str | int
"""A meeting, or its number as the user gives it (``12``, ``#12``)."""


def meeting_by_id(session: Session, ref: MeetingRef) -> Meeting:
    """The meeting *ref* (a meeting already loaded is returned as it is)."""
    if isinstance(ref, Meeting):
        return ref
    text = str(ref).strip().lstrip("#")
    meeting = session.get(Meeting, int(text)) if text.isdigit() else None
    if meeting is None:
        raise NotFound("error.not_found", kind=Text("kind.meeting"), ref=text, hint="")
    return meeting


def meetings(
    session: Session,
    committee: Committee,
    *,
    state: str | None = None,
    since: dt.datetime | None = None,
) -> list[Meeting]:
    stmt = (
        select(Meeting)
        .where(Meeting.committee_id == committee.id)
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if state is not None:
        stmt = stmt.where(Meeting.state == state)
    if since is not None:
        stmt = stmt.where(Meeting.starts_at >= since)
    return list(session.execute(stmt).scalars())


def next_meeting(session: Session, committee: Committee, after: dt.datetime) -> Meeting | None:
    """The first meeting after *after* that has not started and is not cancelled."""
    return (
        session.execute(
            select(Meeting)
            .where(
                Meeting.committee_id == committee.id,
                Meeting.starts_at > after,
                Meeting.state.in_(("planned", "convened")),
            )
            .order_by(Meeting.starts_at, Meeting.id)
            .limit(1)
        )
        .scalars()
        .first()
    )


def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The meeting before *meeting* that was not cancelled (its minutes are approved at this one)."""
    return (
        session.execute(
            select(Meeting)
            .where(
                Meeting.committee_id == meeting.committee_id,
                Meeting.starts_at < meeting.starts_at,
                Meeting.state.not_in(("cancelled", "not_held")),
                Meeting.id != meeting.id,
            )
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
            .limit(1)
        )
        .scalars()
        .first()
    )


def committee_of(session: Session, ref: Committee | str | int | None) -> Committee:
    """The committee *ref* (short name or number; a committee already loaded as it is)."""
    if isinstance(ref, Committee):
        return ref
    from governance.services.directory import committee_by_ref

    return committee_by_ref(session, ref)


# --- concurrent edits ---


def require_version(uow: UnitOfWork, meeting: Meeting, version: int | str | None) -> None:
    """Refuse when *meeting* changed since the person read it at *version*.

    A form shows a meeting and its agenda as they were when it was loaded; a
    decision taken on that picture (accept, order, move...) must not be
    applied to a meeting someone else has changed meanwhile. The row is read
    anew under its lock first (PostgreSQL), so the comparison sees what the
    other person committed. None: the caller has no version (the CLI acts on
    what is recorded now).
    """
    if version is None:
        return
    text = str(version).strip()
    if not text.isdigit():
        raise InvalidInput("meeting.error.version", value=version)
    uow.lock(meeting)
    if int(text) != meeting.version:
        raise ConcurrentChange("meeting.error.changed", meeting=meeting.id, title=meeting.title)


def touch(uow: UnitOfWork, meeting: Meeting) -> None:
    """Count a change of *meeting*'s agenda as a change of the meeting (its version).

    Deciding a proposal before the invitation changes only the item's row; a
    chair deciding on an older picture of the agenda must still notice it.
    Taking the lock first makes concurrent proposals take turns instead of
    failing on the version counter.
    """
    uow.lock(meeting)
    if not uow.session.is_modified(meeting):
        flag_modified(meeting, "state")


# --- parsing what users type ---


_START = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(:\d{2})?")


def parse_start(value: str | dt.datetime) -> dt.datetime:
    """A local Berlin date *and* time; one inside the daylight-saving gap is refused.

    A date alone is refused rather than read as midnight: nobody meets at 00:00.
    """
    if not isinstance(value, dt.datetime) and not _START.fullmatch(str(value).strip()):
        raise InvalidInput("meeting.error.start_format", value=value)
    local = validation.datetime(value)
    try:
        return localise(local)
    except ScheduleError:
        shown = local.strftime("%Y-%m-%d %H:%M")
        raise InvalidInput("meeting.error.dst_gap", value=shown) from None


def parse_duration(minutes: int | str) -> int:
    text = str(minutes).strip()
    if not text.isdigit() or not (0 < int(text) <= MAX_DURATION_MINUTES):
        raise InvalidInput("meeting.error.duration", value=minutes, max=MAX_DURATION_MINUTES)
    return int(text)


def require_future(uow: UnitOfWork, starts_at: dt.datetime) -> None:
    """A meeting is planned or moved only into the future, and not beyond the longest horizon."""
    if starts_at <= uow.now:
        raise InvalidInput(
            "meeting.error.past",
            value=starts_at.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M"),
            now=uow.now.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M"),
        )
    latest = uow.now + relativedelta(months=MAX_AHEAD_MONTHS)
    if starts_at > latest:
        raise InvalidInput(
            "meeting.error.too_far",
            value=starts_at.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M"),
            latest=latest.astimezone(BERLIN).strftime("%Y-%m-%d"),
            months=MAX_AHEAD_MONTHS,
        )


def require_working_day(starts_at: dt.datetime, on_holiday: bool) -> None:
    """A single meeting on a Berlin public holiday only when the planner says so (--on-holiday).

    Refused rather than warned: the invitation to a dozen partners follows on
    its own at the lead time, and offices are closed that day, so a date
    typed by mistake must not get that far; a chair who means it confirms.
    """
    day = starts_at.astimezone(BERLIN).date()
    name = holiday_name(day)
    if name is not None and not on_holiday:
        raise InvalidInput("meeting.error.holiday", value=day.isoformat(), holiday=name)


# --- creating meetings ---


def set_schedule(meeting: Meeting, starts_at: dt.datetime, duration_minutes: int) -> None:
    """Set start and end and recompute the deadlines of the rules of procedure.

    A repeat meeting keeps the agenda of the meeting it repeats: there is no
    call for proposals (its window is closed from the start, see
    :func:`create_meeting`) and it is invited at the shortened lead time.
    """
    rules = meeting.committee.rules
    local_start = starts_at.astimezone(BERLIN)
    local_end = local_start + dt.timedelta(minutes=duration_minutes)
    deadlines = meeting_deadlines(rules, local_start, local_end)
    meeting.starts_at = local_start.astimezone(dt.UTC)
    meeting.ends_at = local_end.astimezone(dt.UTC)
    meeting.call_for_proposals_at = deadlines.call_for_proposals.astimezone(dt.UTC)
    meeting.proposal_deadline_at = deadlines.proposal_deadline.astimezone(dt.UTC)
    meeting.invitation_at = deadlines.invitation.astimezone(dt.UTC)
    if meeting.repeat_of_id is not None:
        shortened = repeat_deadlines(rules, local_start)
        meeting.invitation_at = shortened.astimezone(dt.UTC)
        meeting.call_for_proposals_at = min(meeting.call_for_proposals_at, meeting.invitation_at)
        meeting.proposal_deadline_at = min(meeting.proposal_deadline_at, meeting.invitation_at)
    meeting.reminder_at = deadlines.reminder.astimezone(dt.UTC)
    meeting.minutes_due_at = deadlines.minutes_due.astimezone(dt.UTC)


def repeat_deadlines(rules: RulesOfProcedure, local_start: dt.datetime) -> dt.datetime:
    """The invitation of a repeat meeting: the shortened lead time before its start."""
    naive = local_start.replace(tzinfo=None) - dt.timedelta(days=rules.repeat_invitation_lead_days)
    return naive.replace(tzinfo=local_start.tzinfo)


# Timers a repeat meeting does without: it keeps the agenda of the meeting it repeats.
_NOT_FOR_REPEATS = frozenset({"call_for_proposals", "proposal_deadline"})


def duration_of(meeting: Meeting) -> int:
    return int((meeting.ends_at - meeting.starts_at).total_seconds() // 60)


def create_meeting(
    uow: UnitOfWork,
    committee: Committee,
    *,
    title: str,
    starts_at: dt.datetime,
    duration_minutes: int,
    location: str,
    series: MeetingSeries | None = None,
    occurrence_key: dt.datetime | None = None,
    schedule_note: str = "",
    repeat_of: Meeting | None = None,
) -> Meeting:
    """Add a planned meeting with its deadlines, timers and standing agenda items."""
    # Imported here: the agenda builds on the meetings module.
    from governance.services import agenda_carry_over

    meeting = Meeting(
        committee_id=committee.id,
        series_id=series.id if series else None,
        occurrence_key=occurrence_key,
        detached=False,
        title=title,
        location=location,
        schedule_note=schedule_note,
        agenda_final=False,
        agenda_revision=0,
        sequence=0,
        repeat_of_id=repeat_of.id if repeat_of else None,
        reason="",
        state="planned",
        created_at=uow.now,
    )
    meeting.committee = committee
    set_schedule(meeting, starts_at, duration_minutes)
    uow.session.add(meeting)
    uow.session.flush()
    for timer in uow.engine.arm_timers(uow, meeting):
        if repeat_of is not None and timer.name in _NOT_FOR_REPEATS:
            uow.session.expunge(timer)  # never armed: no deadline that cannot be met
    uow.audit(
        entity_type=ENTITY,
        entity_id=meeting.id,
        committee_id=committee.id,
        action="plan",
        to_state="planned",
        details={
            "title": title,
            "starts_at": meeting.starts_at.isoformat(),
            "ends_at": meeting.ends_at.isoformat(),
            "location": location,
            "series_id": meeting.series_id,
            "schedule_note": schedule_note,
            "repeat_of": meeting.repeat_of_id,
        },
    )
    agenda_carry_over.add_standing_items(uow, meeting)
    following = next_meeting(uow.session, committee, meeting.starts_at)
    agenda_carry_over.refresh_previous_minutes(uow, following)
    agenda_carry_over.attach_pending(uow, committee)
    return meeting


def plan(
    uow: UnitOfWork,
    committee: Committee | str | int | None,
    *,
    title: str,
    starts_at: str | dt.datetime,
    duration_minutes: int | str = 120,
    location: str,
    on_holiday: bool = False,
) -> Meeting:
    """The chair or the secretariat plans a single meeting outside any series."""
    committee = committee_of(uow.session, committee)
    access.check(uow, "meeting.plan", committee)
    title = validation.text(title, "--title", 300)
    location = validation.text(location, "--location", 300)
    start = parse_start(starts_at)
    require_future(uow, start)
    require_working_day(start, on_holiday)
    minutes = parse_duration(duration_minutes)
    return create_meeting(
        uow, committee, title=title, starts_at=start, duration_minutes=minutes, location=location
    )


# --- the lifecycle ---


def _check(uow: UnitOfWork, action: str, meeting: Meeting) -> None:
    access.check(uow, action, meeting.committee, entity_type=ENTITY, entity_id=meeting.id)


def require_trigger(uow: UnitOfWork, meeting: Meeting, trigger: str) -> None:
    """Refuse (naming the state and what is possible) before any input is looked at."""
    if not uow.engine.can_fire(uow, meeting, trigger):
        uow.fire(meeting, trigger)  # raises TransitionRefused, audited


def convene(uow: UnitOfWork, meeting: MeetingRef, *, version: int | str | None = None) -> Meeting:
    """The chair sends the invitation now, before the invitation lead time would.

    The invitation carries the final agenda: the chair decides every proposal
    first (at the invitation deadline the timer defers the undecided ones).
    *version*: the meeting's version the chair saw (see :func:`require_version`).
    """
    meeting = meeting_by_id(uow.session, meeting)
    _check(uow, "meeting.convene", meeting)
    require_version(uow, meeting, version)
    require_trigger(uow, meeting, "convene")
    pending = (
        uow.session.execute(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id, AgendaItem.status == "proposed")
            .order_by(AgendaItem.id)
        )
        .scalars()
        .all()
    )
    if pending:
        raise Conflict(
            "agenda.error.pending_proposals",
            items=", ".join(f"#{i.id} „{i.title}“" for i in pending),
        ).concerning(
            entity_type=ENTITY,
            entity_id=meeting.id,
            action="meeting.convene",
            committee_id=meeting.committee_id,
        )
    uow.fire(meeting, "convene")
    return meeting


def open_meeting(uow: UnitOfWork, meeting: Meeting) -> None:
    """The chair opens the meeting; the quorum is checked and recorded."""
    _check(uow, "meeting.open", meeting)
    uow.fire(meeting, "open")


def close(uow: UnitOfWork, meeting: Meeting) -> None:
    """The chair closes the meeting; items not handled move to the next meeting.

    A meeting recorded afterwards is closed by whoever may record it (the
    secretariat too): it ends at its scheduled end.
    """
    _check(uow, "meeting.record_later" if meeting.recorded_later_at else "meeting.close", meeting)
    uow.fire(meeting, "close")


def record_not_held(
    uow: UnitOfWork, meeting: MeetingRef, *, reason: str, version: int | str | None = None
) -> Meeting:
    """After its day, the chair records that the meeting did not take place.

    Its agenda moves to the next meeting, as for a cancellation; nobody is
    mailed (the day has passed).
    """
    meeting = meeting_by_id(uow.session, meeting)
    _check(uow, "meeting.end", meeting)
    require_version(uow, meeting, version)
    require_trigger(uow, meeting, "record_not_held")
    reason = validation.text(reason, "--reason", 2000)
    uow.fire(meeting, "record_not_held", reason=reason)
    return meeting


def record_afterwards(uow: UnitOfWork, meeting: Meeting) -> None:
    """After its day, the secretariat starts recording a session held without the system.

    The meeting is in session from then on, opened at its scheduled start;
    attendance and votes are recorded as usual and the meeting is closed at
    the end. It is marked as recorded later, by whom and when.
    """
    _check(uow, "meeting.record_later", meeting)
    require_trigger(uow, meeting, "record_afterwards")
    uow.fire(meeting, "record_afterwards", by=recorder_name(uow))


def recorder_name(uow: UnitOfWork) -> str:
    """The name of the person acting (the actor's label when no person is known)."""
    person = uow.session.get(Person, uow.actor.person_id) if uow.actor.person_id else None
    return person.name if person is not None else str(uow.actor.label)


def cancel(
    uow: UnitOfWork, meeting: MeetingRef, *, reason: str, version: int | str | None = None
) -> Meeting:
    """The chair cancels a meeting before it starts; everyone invited is told."""
    meeting = meeting_by_id(uow.session, meeting)
    _check(uow, "meeting.cancel", meeting)
    require_version(uow, meeting, version)
    require_trigger(uow, meeting, "cancel")
    reason = validation.text(reason, "--reason", 2000)
    uow.fire(meeting, "cancel", reason=reason)
    return meeting


def move(
    uow: UnitOfWork,
    meeting: MeetingRef,
    *,
    starts_at: str | dt.datetime,
    reason: str,
    location: str | None = None,
    duration_minutes: int | str | None = None,
    on_holiday: bool = False,
    version: int | str | None = None,
) -> Meeting:
    """Move a meeting that has not started; its deadlines and timers move with it."""
    meeting = meeting_by_id(uow.session, meeting)
    _check(uow, "meeting.move", meeting)
    require_version(uow, meeting, version)
    if not uow.engine.can_fire(uow, meeting, "move"):
        uow.fire(meeting, "move")  # refused: closed, cancelled or already started
    start = parse_start(starts_at)
    require_future(uow, start)
    require_working_day(start, on_holiday)
    reason = validation.text(reason, "--reason", 2000)
    minutes = (
        parse_duration(duration_minutes) if duration_minutes is not None else duration_of(meeting)
    )
    new_location = validation.text(location, "--location", 300) if location else meeting.location
    previous = {"starts_at": meeting.starts_at.isoformat(), "location": meeting.location}
    set_schedule(meeting, start, minutes)
    meeting.location = new_location
    meeting.reason = reason
    meeting.detached = True
    meeting.sequence += 1
    uow.engine.rearm_timers(uow, meeting)
    uow.fire(
        meeting,
        "move",
        reason=reason,
        previous_starts_at=previous["starts_at"],
        previous_location=previous["location"],
        starts_at=meeting.starts_at,
        location=meeting.location,
    )
    return meeting


def next_number(session: Session, committee: Committee) -> int:
    current = session.execute(
        select(func.max(Meeting.number)).where(Meeting.committee_id == committee.id)
    ).scalar()
    return int(current or 0) + 1
