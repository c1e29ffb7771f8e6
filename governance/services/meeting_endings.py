"""Guards and effects of the meeting workflow (workflows/meeting.yaml) for how a
meeting ends when it did not simply close: the repeat meeting after one that was
not quorate, and a meeting never opened in the system, after its day (recorded
as not held, or recorded afterwards from paper; the chair is told the day after).

Registered on import by governance.services.meeting_workflow.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from governance.clock import BERLIN
from governance.domain.schedule import is_working_day, next_working_day
from governance.models import Meeting
from governance.services import agenda_carry_over
from governance.services import meetings as meeting_service
from governance.services.meeting_notices import chair_people, notify, secretariat_people
from governance.workflow.registry import effect, guard

if TYPE_CHECKING:
    # Only named in annotations: importing the engine costs transitions and YAML.
    from governance.unit_of_work import TransitionContext


@guard("meeting_over")
def meeting_over(ctx: TransitionContext) -> bool:
    """The time of the meeting has passed (it can be given its end now)."""
    return bool(ctx.now >= ctx.entity.ends_at)


@effect("schedule_repeat_meeting")
def schedule_repeat_meeting(ctx: TransitionContext) -> None:
    """A meeting that was not quorate is repeated within the weeks the rules allow;
    the repeat meeting is quorate regardless of attendance and gets the open items.

    It comes before the next regular meeting: it is planned on the last day the
    rules allow, or earlier when a regular meeting falls within those weeks, but
    never earlier than the shortened lead time lets members be invited from now.
    When there is no such day before the next regular meeting (or the rules say
    so), that regular meeting becomes the repeat meeting.
    """
    meeting: Meeting = ctx.entity
    rules = meeting.committee.rules
    if meeting.quorate_at_opening or meeting.is_repeat or rules.repeat_meeting_weeks == 0:
        return
    local = meeting.starts_at.astimezone(BERLIN)
    latest = _working_day_at(local + dt.timedelta(weeks=rules.repeat_meeting_weeks), local)
    invite_from = ctx.now.astimezone(BERLIN) + dt.timedelta(days=rules.repeat_invitation_lead_days)
    earliest = _working_day_at(invite_from + dt.timedelta(days=1), local)
    regular = meeting_service.next_meeting(ctx.session, meeting.committee, meeting.starts_at)
    if regular is not None and regular.starts_at.astimezone(BERLIN) <= latest:
        before = regular.starts_at.astimezone(BERLIN).date()
        if rules.repeat_meeting_replaces_next or earliest.date() >= before:
            _make_repeat(ctx, regular, meeting)
            return
        start = earliest
    else:
        start = max(latest, earliest)
    meeting_service.create_meeting(
        ctx.uow,
        meeting.committee,
        title=f"Wiederholungssitzung: {meeting.title}",
        starts_at=start,
        duration_minutes=meeting_service.duration_of(meeting),
        location=meeting.location,
        repeat_of=meeting,
    )


def _working_day_at(moment: dt.datetime, time_of: dt.datetime) -> dt.datetime:
    """The first Berlin working day from *moment* on, at the wall-clock time of *time_of*."""
    day = moment.date() if is_working_day(moment.date()) else next_working_day(moment.date())
    return dt.datetime.combine(day, time_of.time().replace(tzinfo=None)).replace(tzinfo=BERLIN)


def _make_repeat(ctx: TransitionContext, regular: Meeting, failed: Meeting) -> None:
    """The next regular meeting is held as the repeat meeting (quorate regardless)."""
    regular.repeat_of_id = failed.id
    ctx.uow.audit(
        entity_type=Meeting.__tablename__,
        entity_id=regular.id,
        committee_id=regular.committee_id,
        action="repeat_meeting",
        details={"repeat_of": failed.id, "starts_at": regular.starts_at.isoformat()},
    )


@effect("record_not_held")
def record_not_held(ctx: TransitionContext) -> None:
    """The chair records after its day that the meeting did not take place."""
    meeting: Meeting = ctx.entity
    meeting.reason = str(ctx.params.get("reason", ""))
    meeting.detached = True
    following = meeting_service.next_meeting(ctx.session, meeting.committee, meeting.starts_at)
    ctx.session.flush()  # the not_held state must be visible to the refresh below
    agenda_carry_over.refresh_previous_minutes(ctx.uow, following)


@effect("record_opening_afterwards")
def record_opening_afterwards(ctx: TransitionContext) -> None:
    """A session held without the system (on paper) is recorded afterwards.

    It opened at its scheduled start; who records it, and when, is kept on the
    meeting, so that everything recorded from now on reads as recorded later.
    The quorum is taken when it is closed, from the attendance recorded.
    """
    meeting: Meeting = ctx.entity
    meeting.opened_at = meeting.starts_at
    meeting.number = meeting_service.next_number(ctx.session, meeting.committee)
    meeting.recorded_later_at = ctx.now
    meeting.recorded_later_by = str(ctx.params.get("by", ""))
    if meeting.convened_at is None:
        meeting.agenda_revision = max(meeting.agenda_revision, 1)
    meeting.detached = True


@effect("notify_meeting_overdue")
def notify_meeting_overdue(ctx: TransitionContext) -> None:
    """The day after, the chair (and the secretariat) hear that the meeting has no end yet."""
    meeting: Meeting = ctx.entity
    people = {p.id: p for p in chair_people(ctx.session, meeting.committee, ctx.today)}
    for person in secretariat_people(ctx.session, meeting.committee):
        people.setdefault(person.id, person)
    notify(
        ctx.uow,
        meeting,
        "meeting_overdue",
        list(people.values()),
        revision=f"overdue-{meeting.state}",
        state=meeting.state,
    )
