"""Meeting series (Sitzungsreihen): a committee's recurring schedule.

Workflow ``meeting_series`` (workflows/meeting_series.yaml). The occurrences
of the horizon ahead are materialised as meetings when the series is set up
and each month after (a timer); editing, moving or cancelling one meeting
detaches it from the series. Changing the series regenerates only future
meetings nobody has touched: they are re-timed in order (keeping any items
proposed for them), surplus ones are cancelled and missing ones added.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.domain import recurrence
from governance.domain.schedule import Occurrence, occurrences
from governance.errors import InvalidInput, NotFound, Text
from governance.models import Committee, Meeting, MeetingSeries
from governance.services import access, validation
from governance.services import meetings as meeting_service
from governance.unit_of_work import UnitOfWork
from governance.workflow.registry import effect

if TYPE_CHECKING:
    # Only named in annotations: importing the engine costs transitions and YAML.
    from governance.unit_of_work import TransitionContext

ENTITY = MeetingSeries.__tablename__
MAX_HORIZON_MONTHS = 36


def series_by_id(session: Session, ref: str | int) -> MeetingSeries:
    text = str(ref).strip().lstrip("#")
    series = session.get(MeetingSeries, int(text)) if text.isdigit() else None
    if series is None:
        raise NotFound("error.not_found", kind=Text("kind.meeting_series"), ref=text, hint="")
    return series


def all_series(session: Session, committee: Committee) -> list[MeetingSeries]:
    return list(
        session.execute(
            select(MeetingSeries)
            .where(MeetingSeries.committee_id == committee.id)
            .order_by(MeetingSeries.id)
        ).scalars()
    )


def meetings_of(session: Session, series: MeetingSeries) -> list[Meeting]:
    """The meetings made from *series*, by start."""
    return list(
        session.execute(
            select(Meeting)
            .where(Meeting.series_id == series.id)
            .order_by(Meeting.starts_at, Meeting.id)
        ).scalars()
    )


def _rrule(uow: UnitOfWork, value: str, first: dt.datetime, horizon_months: int) -> str:
    """Check a rule before it is expanded; refuse one that plans nothing or too much."""
    text = validation.text(value, "--rrule", 500)
    local_first = first.astimezone(BERLIN).replace(tzinfo=None)
    horizon_end = uow.now + relativedelta(months=horizon_months)
    try:
        rule = recurrence.parse(text, local_first)
        recurrence.check_plans(
            rule,
            local_first,
            horizon_end.astimezone(BERLIN).replace(tzinfo=None),
            since=uow.now.astimezone(BERLIN).replace(tzinfo=None),
        )
    except recurrence.RecurrenceError as exc:
        key = "meeting.error.rrule" if exc.code == "syntax" else f"meeting.error.rrule_{exc.code}"
        params = {k: v for k, v in exc.params.items() if k != "problem"}
        raise InvalidInput(key, value=text, months=horizon_months, **params) from None
    return rule.text


def _horizon(value: int | str) -> int:
    text = str(value).strip()
    if not text.isdigit() or not (1 <= int(text) <= MAX_HORIZON_MONTHS):
        raise InvalidInput("meeting.error.horizon", value=value, max=MAX_HORIZON_MONTHS)
    return int(text)


def add_series(
    uow: UnitOfWork,
    committee: Committee | str | int | None,
    *,
    title: str,
    rrule: str,
    first_start: str | dt.datetime,
    duration_minutes: int | str = 120,
    location: str,
    horizon_months: int | str = 12,
) -> MeetingSeries:
    """Set up a recurring schedule, e.g. quarterly on the second Wednesday at 10:00."""
    committee = meeting_service.committee_of(uow.session, committee)
    access.check(uow, "meeting.plan", committee)
    title = validation.text(title, "--title", 300)
    location = validation.text(location, "--location", 300)
    first = meeting_service.parse_start(first_start)
    meeting_service.require_future(uow, first)
    horizon = _horizon(horizon_months)
    series = MeetingSeries(
        committee_id=committee.id,
        title=title,
        rrule=_rrule(uow, rrule, first, horizon),
        first_start=first.astimezone(dt.UTC),
        duration_minutes=meeting_service.parse_duration(duration_minutes),
        location=location,
        horizon_months=horizon,
        state="active",
        created_at=uow.now,
    )
    uow.session.add(series)
    uow.session.flush()
    uow.engine.arm_timers(uow, series)
    uow.audit(
        entity_type=ENTITY,
        entity_id=series.id,
        committee_id=committee.id,
        action="series.add",
        to_state="active",
        details=_settings(series),
    )
    materialise(uow, series)
    return series


def change_series(
    uow: UnitOfWork,
    series: MeetingSeries,
    *,
    title: str | None = None,
    rrule: str | None = None,
    first_start: str | dt.datetime | None = None,
    duration_minutes: int | str | None = None,
    location: str | None = None,
    horizon_months: int | str | None = None,
) -> None:
    committee = uow.session.get(Committee, series.committee_id)
    assert committee is not None
    access.check(uow, "meeting.plan", committee, entity_type=ENTITY, entity_id=series.id)
    if "change" not in uow.engine.allowed_triggers(series):
        uow.fire(series, "change")
    # Everything is checked before anything changes: a refused change leaves the series as it was.
    first = series.first_start
    if first_start is not None:
        first = meeting_service.parse_start(first_start)
        meeting_service.require_future(uow, first)
    horizon = _horizon(horizon_months) if horizon_months is not None else series.horizon_months
    rule = series.rrule
    if rrule is not None or first_start is not None or horizon_months is not None:
        rule = _rrule(uow, rrule if rrule is not None else series.rrule, first, horizon)
    new_title = validation.text(title, "--title", 300) if title is not None else series.title
    new_location = (
        validation.text(location, "--location", 300) if location is not None else series.location
    )
    duration = (
        meeting_service.parse_duration(duration_minutes)
        if duration_minutes is not None
        else series.duration_minutes
    )
    series.first_start = first.astimezone(dt.UTC)
    series.rrule = rule
    series.horizon_months = horizon
    series.title = new_title
    series.location = new_location
    series.duration_minutes = duration
    uow.fire(series, "change", **_settings(series))


def end_series(uow: UnitOfWork, series: MeetingSeries) -> None:
    committee = uow.session.get(Committee, series.committee_id)
    assert committee is not None
    access.check(uow, "meeting.plan", committee, entity_type=ENTITY, entity_id=series.id)
    uow.fire(series, "end")


def _settings(series: MeetingSeries) -> dict[str, Any]:
    return {
        "title": series.title,
        "rrule": series.rrule,
        "first_start": series.first_start.isoformat(),
        "duration_minutes": series.duration_minutes,
        "location": series.location,
        "horizon_months": series.horizon_months,
    }


def upcoming(uow: UnitOfWork, series: MeetingSeries, committee: Committee) -> list[Occurrence]:
    return occurrences(
        series.rrule,
        series.first_start.astimezone(BERLIN).replace(tzinfo=None),
        after=uow.now,
        until=uow.now + relativedelta(months=series.horizon_months),
        policy=committee.rules.holiday_policy,
    )


def _meetings_of(session: Session, series: MeetingSeries) -> list[Meeting]:
    return list(
        session.execute(
            select(Meeting)
            .where(Meeting.series_id == series.id)
            .order_by(Meeting.starts_at, Meeting.id)
        ).scalars()
    )


def materialise(uow: UnitOfWork, series: MeetingSeries) -> list[Meeting]:
    """Add the occurrences of the horizon ahead that are not meetings yet."""
    committee = uow.session.get(Committee, series.committee_id)
    assert committee is not None
    known = {m.occurrence_key for m in _meetings_of(uow.session, series)}
    created = []
    for occurrence in upcoming(uow, series, committee):
        if occurrence.key in known:
            continue
        created.append(_create(uow, series, committee, occurrence))
    return created


def _create(
    uow: UnitOfWork, series: MeetingSeries, committee: Committee, occurrence: Occurrence
) -> Meeting:
    return meeting_service.create_meeting(
        uow,
        committee,
        title=series.title,
        starts_at=occurrence.starts_at,
        duration_minutes=series.duration_minutes,
        location=series.location,
        series=series,
        occurrence_key=occurrence.key,
        schedule_note=occurrence.note,
    )


def untouched_future(uow: UnitOfWork, series: MeetingSeries) -> list[Meeting]:
    return [
        m
        for m in _meetings_of(uow.session, series)
        if m.state == "planned" and not m.detached and m.starts_at > uow.now
    ]


# --- effects of workflows/meeting_series.yaml ---


@effect("materialise_occurrences")
def materialise_occurrences(ctx: TransitionContext) -> None:
    materialise(ctx.uow, ctx.entity)


@effect("regenerate_occurrences")
def regenerate_occurrences(ctx: TransitionContext) -> None:
    """The n-th future meeting of the series becomes the n-th future occurrence of the new rule.

    Meetings someone touched (moved, convened, cancelled) keep their date but
    still take their place in the count, so the new rule does not put a second
    meeting beside them; untouched ones are re-timed, keeping any items
    proposed for them. Surplus untouched meetings are cancelled, missing ones added.
    """
    uow, series = ctx.uow, ctx.entity
    committee = uow.session.get(Committee, series.committee_id)
    assert committee is not None
    untouched = set(untouched_future(uow, series))
    slots = sorted(
        (m for m in _meetings_of(uow.session, series) if _slot(m) > uow.now),
        key=lambda m: (_slot(m), m.id),
    )
    wanted = upcoming(uow, series, committee)
    for meeting in slots:
        meeting.occurrence_key = None  # the unique (series, occurrence) must hold at every flush
    uow.session.flush()
    for meeting, occurrence in zip(slots, wanted, strict=False):
        meeting.occurrence_key = occurrence.key
        if meeting not in untouched:
            continue
        shown = (meeting.title, meeting.location, meeting.starts_at, meeting.ends_at)
        meeting.title = series.title
        meeting.location = series.location
        meeting.schedule_note = occurrence.note
        meeting_service.set_schedule(meeting, occurrence.starts_at, series.duration_minutes)
        if (meeting.title, meeting.location, meeting.starts_at, meeting.ends_at) != shown:
            # the iCalendar SEQUENCE rises with every change calendars show (feeds, invitations)
            meeting.sequence += 1
        uow.engine.rearm_timers(uow, meeting)
        uow.audit(
            entity_type=Meeting.__tablename__,
            entity_id=meeting.id,
            committee_id=committee.id,
            action="series.regenerate",
            details={"starts_at": meeting.starts_at.isoformat(), "location": meeting.location},
        )
    for meeting in slots[len(wanted) :]:
        if meeting in untouched:
            uow.fire(meeting, "cancel", reason="Sitzungsreihe geändert")
    for occurrence in wanted[len(slots) :]:
        _create(uow, series, committee, occurrence)


def _slot(meeting: Meeting) -> dt.datetime:
    """Where a meeting stands in its series: the occurrence it was made from."""
    return meeting.occurrence_key or meeting.starts_at


@effect("cancel_untouched_occurrences")
def cancel_untouched_occurrences(ctx: TransitionContext) -> None:
    for meeting in untouched_future(ctx.uow, ctx.entity):
        ctx.uow.fire(meeting, "cancel", reason="Sitzungsreihe beendet")
