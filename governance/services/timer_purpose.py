"""What each timer is for, checked again when it fires.

A timer is armed for a purpose — invite members before the meeting, remind
them of it, close the proposals before the invitation. After downtime it may
fire when that purpose no longer holds: an invitation to a meeting that has
already taken place helps nobody and misleads everyone (with a calendar entry
for a day that is over). :func:`lapsed` says why a due timer would do no good
now; the firing then records it as skipped, with that reason, on the timer
and on the audit trail instead of running its trigger.

Every timer of ``workflows/*.yaml`` is listed here, also those whose purpose
never lapses (a withdrawal takes effect, minutes are approved tacitly: late,
but they must still happen, with the date the rules give): a new timer
without an entry is refused by ``tests/unit/test_timer_purpose.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from governance.clock import BERLIN
from governance.models import Meeting, Timer
from governance.reasons import reason
from governance.unit_of_work import UnitOfWork

Check = Callable[[UnitOfWork, Any], str | None]
"""Given the entity, why the timer's purpose no longer holds (None: it still does)."""

_CHECKS: dict[tuple[str, str], Check] = {}


def purpose(workflow: str, *timers: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        for name in timers:
            _CHECKS[(workflow, name)] = check
        return check

    return register


def known(workflow: str, timer: str) -> bool:
    return (workflow, timer) in _CHECKS


def lapsed(uow: UnitOfWork, entity: Any, timer: Timer) -> str | None:
    """Why *timer* should not fire now (English, for operators); None if it should."""
    check = _CHECKS.get((timer.workflow, timer.name))
    return check(uow, entity) if check is not None else None


def skip(uow: UnitOfWork, timer: Timer, reason: str) -> None:
    """Record *timer* as skipped for *reason*, on the timer and on the audit trail."""
    timer.status = "skipped"
    timer.skip_reason = reason
    timer.fired_at = uow.now
    timer.attempts += 1
    timer.lease_owner = timer.lease_until = None
    uow.audit(
        entity_type="timers",
        entity_id=timer.id,
        action="timer.skipped",
        committee_id=timer.committee_id,
        from_state="pending",
        to_state="skipped",
        details={
            "timer": timer.name,
            "trigger": timer.trigger,
            "entity": f"{timer.entity_type}:{timer.entity_id}",
            "due_at": timer.due_at.isoformat(),
            "reason": reason,
        },
    )


def _at(moment: dt.datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


def _never(uow: UnitOfWork, entity: Any) -> str | None:
    return None


# --- meetings ---


def _began(uow: UnitOfWork, meeting: Meeting) -> str | None:
    if uow.now >= meeting.starts_at:
        return reason("skip.meeting_began", at=_at(meeting.starts_at))
    return None


@purpose("meeting", "call_for_proposals")
def _call_for_proposals(uow: UnitOfWork, meeting: Meeting) -> str | None:
    if meeting.is_repeat:
        return reason("skip.repeat_keeps_agenda")
    if uow.now >= meeting.proposal_deadline_at:
        return reason("skip.proposals_closed", at=_at(meeting.proposal_deadline_at))
    return None


@purpose("meeting", "proposal_deadline")
def _proposal_deadline(uow: UnitOfWork, meeting: Meeting) -> str | None:
    if meeting.is_repeat:
        return reason("skip.repeat_keeps_agenda")
    return _began(uow, meeting)


@purpose("meeting", "invitation", "reminder", "quorum_forecast")
def _before_the_meeting(uow: UnitOfWork, meeting: Meeting) -> str | None:
    return _began(uow, meeting)


# The reminder about the minutes checks on its own whether they went out; the
# reminder about a meeting with no end lasts until it has one (its state).
purpose("meeting", "minutes_due", "overdue_planned", "overdue_convened")(_never)

# --- the others: late is still right ---

# Signature reminders stop with the state (in force, terminated); the date a
# version enters into force is its effective date, not the day the timer fires.
purpose("agreement", "signature_reminder", "effective_date")(_never)
# An action item still open is still due (the reminder names its due date).
purpose("action_item", "action_item_due")(_never)
purpose("meeting_series", "extend_horizon")(_never)
purpose("membership", "withdrawal_takes_effect")(_never)
purpose("minutes", "objection_period", "archive")(_never)


# --- the written procedure ---


@purpose("written_procedure", "written_reminder")
def _written_reminder(uow: UnitOfWork, procedure: Any) -> str | None:
    # After downtime past the deadline a reminder to vote would mislead: it is over.
    if uow.now >= procedure.deadline_at:
        return reason("skip.written_deadline_passed", at=_at(procedure.deadline_at))
    return None


# The result at the deadline must be established however late (with the votes as cast).
purpose("written_procedure", "written_deadline")(_never)
