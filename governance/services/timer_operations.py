"""What an operator does about a failed timer: fire it again (listing: governance.reads.timers)."""

from __future__ import annotations

from governance.errors import InvalidInput, NotFound, Text
from governance.models import Timer
from governance.services import access
from governance.unit_of_work import UnitOfWork


def retry(uow: UnitOfWork, timer_id: int) -> Timer:
    """Make a failed timer due again now, e.g. the minutes' archive after the disk was full.

    The chair or secretariat of the timer's committee may do this (an
    administrator for a timer of no committee); it is on the audit trail. The
    next pass fires it; if its entity has left the timer's state meanwhile,
    it is cancelled then, as any timer would be.
    """
    timer = uow.session.get(Timer, timer_id, with_for_update=True)
    if timer is None:
        raise NotFound("error.not_found", kind=Text("kind.timer"), ref=timer_id, hint="")
    access.check_operation(uow, "timer.retry", timer.committee_id, "timers", timer.id)
    if timer.status != "failed":
        raise InvalidInput(
            "error.timer_not_failed", id=timer_id, status=Text(f"timer.status.{timer.status}")
        )
    timer.status = "pending"
    timer.lease_owner = timer.lease_until = None
    uow.audit(
        entity_type="timers",
        entity_id=timer.id,
        action="timer.retry",
        committee_id=timer.committee_id,
        from_state="failed",
        to_state="pending",
        details={
            "timer": timer.name,
            "trigger": timer.trigger,
            "entity": f"{timer.entity_type}:{timer.entity_id}",
            "was_due_at": timer.due_at.isoformat(),
            "last_error": timer.last_error or "",
        },
    )
    timer.due_at = uow.now
    return timer
