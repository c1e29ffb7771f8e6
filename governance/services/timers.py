"""Firing due timers: the timer table is the truth about what is due.

:func:`fire_due` fires every pending timer due up to a moment, in due order
(ties by id), as the system actor. On the simulated clock it fires one unit
of work each and first moves the clock to each timer's due time, so effects
see the time at which they would have run. On the system clock it fires a
claimed batch in one transaction, each timer in a savepoint of its own
(:func:`fire_together`): one commit and one turn at the audit chain's head
for the batch instead of one per timer. A timer whose entity has left its
state is cancelled; one whose trigger is refused by a guard is marked
skipped; one whose effect fails is rolled back (to its savepoint), marked
failed with the error and reported to the chair; one that meets a conflict or
a passing database error waits for a retry (:func:`_not_fired`).

Several processes (``gremium run`` on two machines, a ``tick`` while the
runner is up) may fire timers against one database: each timer is claimed
with a lease first, in due order per committee (:mod:`timer_order`), so only
one of them fires it and the result does not depend on how many there are.
On the simulated clock one process at a time moves the clock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from governance import claims
from governance.bootstrap import ENTITIES, App
from governance.clock import SimulatedClock
from governance.errors import GremiumError
from governance.mail import failure_notices
from governance.models import (
    AccessionApplication,
    ActionItem,
    Meeting,
    Membership,
    Minutes,
    Timer,
)
from governance.models.core import table_of
from governance.services import timer_purpose
from governance.services.timer_operations import retry
from governance.services.timer_order import (
    LEASE,
    armed_timers,
    claim_batch,
    in_due_order,
    key_of,
    order_key,
    order_keys,
)
from governance.transient import installation_fault, is_transient
from governance.unit_of_work import Actor, UnitOfWork, keeping_loaded

_log = logging.getLogger(__name__)

_MODELS_BY_TABLE = {table_of(model).name: model for model in ENTITIES.values()}

# What a timer's effects read besides the entity (the committee for every
# mail, more for some): loaded with it in one query, not one query each.
_LOADED_WITH: dict[type, tuple[Any, ...]] = {
    ActionItem: (ActionItem.committee, ActionItem.meeting, ActionItem.owner_person),
    Meeting: (Meeting.committee,),
    Membership: (Membership.committee, Membership.organisation),
    AccessionApplication: (AccessionApplication.committee, AccessionApplication.organisation),
    Minutes: (Minutes.meeting,),
}


@dataclasses.dataclass(frozen=True)
class Fired:
    timer_id: int
    name: str
    trigger: str
    entity_type: str
    entity_id: int
    due_at: dt.datetime
    outcome: str
    """fired, skipped, cancelled, failed, or retrying (a passing error: it fires later)."""
    detail: str = ""


def pending(app: App, committee_id: int | None = None) -> list[dict[str, Any]]:
    """The pending timers, the next due first (:func:`governance.reads.timers.timers`)."""
    from governance.reads.timers import timers

    with app.db.read_connection() as conn:
        return timers(conn, "pending", committee_id)


def next_due(app: App, until: dt.datetime) -> Timer | None:
    with app.db.session() as session:
        return session.execute(
            select(Timer)
            .where(Timer.status == "pending", Timer.due_at <= until)
            .order_by(Timer.due_at, Timer.id)
            .limit(1)
        ).scalar_one_or_none()


BATCH = 20
"""Timers claimed at once on the system clock (one claim transaction for many firings)."""


def claim_next(
    app: App, until: dt.datetime, owner: str, lease: dt.timedelta = LEASE
) -> Timer | None:
    """Claim the first timer due up to *until* that no other process holds."""
    ids = claim_batch(app, until, owner, 1, lease)
    if not ids:
        return None
    with app.db.session() as session:
        return session.get(Timer, ids[0])


def fire_due(
    app: App,
    until: dt.datetime,
    *,
    owner: str | None = None,
    stop: Callable[[], bool] = lambda: False,
    lease: dt.timedelta = LEASE,
    limit: int | None = None,
) -> list[Fired]:
    """Fire all timers due up to *until*, in order; on a simulated clock, end with the clock at *until*.

    After downtime every missed timer fires once, in due order (a repeating
    one re-arms from its own due time, so it catches up step by step).
    *stop* is asked between timers (``gremium run`` on SIGTERM). With *limit*
    at most that many fire (the caller comes back for the rest).
    """
    owner = owner or claims.worker_name()
    simulated = isinstance(app.clock, SimulatedClock)
    reload = getattr(app.clock, "reload", None)
    if simulated and reload is not None:
        # The installation's simulated clock is shared by every process: one at a
        # time moves it (a second `gremium tick` waits for the first), each
        # starting from where the last one left it.
        try:
            with claims.exclusively(
                app.db, "simulated-clock", owner, busy=_clock_busy, stop=stop
            ) as held:
                reload()
                return _fire_due(app, until, owner, stop, lease, limit, keep=held.keep)
        except claims.Stopped:
            return []  # stopped while another process moved the clock: nothing fired
    return _fire_due(app, until, owner, stop, lease, limit)


def _clock_busy(holder: str) -> GremiumError:
    return GremiumError("error.clock_busy", holder=holder)


def _fire_due(
    app: App,
    until: dt.datetime,
    owner: str,
    stop: Callable[[], bool],
    lease: dt.timedelta,
    limit: int | None,
    keep: Callable[[], None] = lambda: None,
) -> list[Fired]:
    simulated = app.clock if isinstance(app.clock, SimulatedClock) else None
    # On the simulated clock one at a time: a firing may arm a timer due before
    # the next one claimed, and the simulation must fire in strict due order.
    # On the system clock everything claimed is already due, so a batch saves
    # a claim transaction per timer (the firing itself gives the lease back).
    size = 1 if simulated is not None else BATCH
    results: list[Fired] = []

    def room() -> int:
        return size if limit is None else min(size, limit - len(results))

    while (
        not stop() and room() > 0 and (batch := claim_batch(app, until, owner, room(), lease, stop))
    ):
        if simulated is None:
            results += fire_together(app, batch, owner, stop)
            continue
        for index, timer_id in enumerate(batch):
            if stop():
                claims.release(app.db, Timer, batch[index:], owner)
                return results
            keep()
            due = _due_at(app, timer_id)
            if due is not None and due > simulated.now():
                simulated.advance_to(due)
            if (fired := fire_one(app, timer_id, owner)) is not None:
                results.append(fired)
    if stop() or (limit is not None and len(results) >= limit):
        return results
    if simulated is not None and until > simulated.now():
        simulated.advance_to(until)
    return results


def _due_at(app: App, timer_id: int) -> dt.datetime | None:
    with app.db.session() as session:
        return session.execute(select(Timer.due_at).where(Timer.id == timer_id)).scalar()


def fire_one(app: App, timer_id: int, owner: str | None = None) -> Fired | None:
    """Fire one timer in a unit of work of its own; a failure is recorded in a second one.

    None when *owner* no longer holds the timer (see :func:`_fire_in`).

    A fault of the installation is raised, not recorded (:func:`_give_back`),
    with *owner*'s claim on the timer given back.
    """
    try:
        with app.unit_of_work(Actor.system()) as uow:
            return _fire_in(uow, timer_id, owner)
    except Exception as exc:  # an effect failed: everything it did is rolled back
        error = exc
    if installation_fault(error) is not None:
        _give_back(app, [timer_id], owner)
        raise error
    with app.unit_of_work(Actor.system()) as uow:
        return _not_fired(uow, timer_id, error)


def _give_back(app: App, ids: list[int], owner: str | None) -> None:
    """A fault of the installation (disk full, read-only database, no audit key) is no
    error of the timers in hand: they stay pending, unchanged, and free at once for the
    next pass, here or in another process. If even that cannot be written, their
    leases end the claims; the fault itself is what the caller reports."""
    if owner is None:
        return
    with contextlib.suppress(Exception):
        claims.release(app.db, Timer, ids, owner)


def fire_together(
    app: App, batch: list[int], owner: str, stop: Callable[[], bool] = lambda: False
) -> list[Fired]:
    """Fire the claimed timers *batch* in one transaction, each in a savepoint of its own.

    A timer whose effect fails is rolled back to its savepoint and marked
    failed (a refusal is put on record, as :meth:`App.unit_of_work` does);
    one that meets a conflict or a passing database error waits for a retry
    (:func:`_not_fired`); the others are kept. If the transaction itself
    cannot commit (a lost connection, a conflict only the commit finds),
    nothing of it was written and each timer is fired again in a unit of work
    of its own. Timers not reached because *stop* asked to stop, and those
    behind a timer a firing armed for an earlier moment (it must fire first,
    see :func:`claim_batch`), are given back.
    """
    results: list[Fired] = []
    attempted: list[int] = []
    keys = order_keys(app, batch)
    try:
        with (
            app.unit_of_work(Actor.system()) as uow,
            keeping_loaded(uow.session),  # the committee, meeting, people the batch shares
            armed_timers(uow.session) as armed,
        ):
            for timer_id in batch:
                if stop():
                    break
                key, due = keys.get(timer_id, (None, None))
                if due is not None and any(
                    t.status == "pending" and key_of(t) == key and t.due_at < due for t in armed
                ):
                    continue  # given back below: the earlier timer goes first, next round
                attempted.append(timer_id)
                uow.next_action()  # each timer fires at its own moment
                savepoint = uow.session.begin_nested()
                try:
                    fired = _fire_in(uow, timer_id, owner)
                    savepoint.commit()
                    if fired is not None:
                        results.append(fired)
                except Exception as exc:
                    savepoint.rollback()
                    if installation_fault(exc) is not None:
                        raise  # no timer's fault: the whole batch stays pending (below)
                    results.append(_not_fired(uow, timer_id, exc))
    except Exception as exc:
        if installation_fault(exc) is not None:
            _give_back(app, batch, owner)
            raise
        # Nothing of the batch was written; each timer gets its own unit of work.
        _log.warning(
            "a batch of %d timers could not commit; firing them one by one",
            len(batch),
            exc_info=True,
        )
        results = []
        try:
            for timer_id in attempted:
                if (fired := fire_one(app, timer_id, owner)) is not None:
                    results.append(fired)
        except Exception:
            _give_back(app, batch, owner)  # an installation fault: the rest stays pending too
            raise
    claims.release(app.db, Timer, [i for i in batch if i not in set(attempted)], owner)
    return results


RETRY_BASE = dt.timedelta(seconds=5)
RETRY_MAX = dt.timedelta(minutes=15)
RETRY_OWNER = "(retry)"
"""A timer waiting for a retry is held under this name until its delay is over: it keeps
its due time (and its place in the order of its committee) and nobody claims it earlier."""


def retry_delay(attempts: int) -> dt.timedelta:
    """5 s, 10 s, 20 s … after each passing failure, at most 15 minutes."""
    return min(RETRY_BASE * 2 ** max(attempts - 1, 0), RETRY_MAX)


def _not_fired(uow: UnitOfWork, timer_id: int, exc: Exception) -> Fired:
    """Record why a timer did not fire: a passing error waits for a retry, any other fails it.

    A conflict with a concurrent writer (optimistic locking), a deadlock or a
    lost connection is not the timer's fault: it keeps its due time and is
    held back (as a lease of :data:`RETRY_OWNER`) for a growing delay, and
    is never failed for that. An error of the effect itself fails the timer,
    puts a refusal on record, and tells the chair (:mod:`failure_notices`).
    """
    detail = _detail(exc)
    timer = uow.session.get(Timer, timer_id)
    assert timer is not None
    timer.attempts += 1
    timer.last_error = detail[:2000]
    if is_transient(exc):
        delay = retry_delay(timer.attempts)
        timer.lease_owner = RETRY_OWNER
        timer.lease_until = uow.now + delay
        _log.warning(
            "timer %d (%s) met a passing error, retried in %s: %s",
            timer_id,
            timer.name,
            delay,
            detail,
        )
        return _result(timer, timer_id, "retrying", detail)
    if isinstance(exc, GremiumError) and exc.audited:
        uow.audit_refusal(exc)
    timer.status = "failed"
    timer.lease_owner = timer.lease_until = None
    _log.error("timer %d (%s) failed: %s", timer_id, timer.name, detail)
    failure_notices.report(
        uow,
        timer.committee_id,
        failure_notices.Failure(
            kind="timer",
            ref=timer.id,
            what=timer.name,
            subject=f"{timer.entity_type}:{timer.entity_id} {timer.trigger}",
            error=detail,
        ),
    )
    return _result(timer, timer_id, "failed", detail)


def _fire_in(uow: UnitOfWork, timer_id: int, owner: str | None = None) -> Fired | None:
    """Fire *timer_id*: first the claim, then the entity's state, then the purpose, then
    the guards. None when *owner* no longer holds the claim (it stood still past its
    lease and another runner took the timer over: that runner fires it, in its order)."""
    outcome, detail = "fired", ""
    timer = uow.session.get(Timer, timer_id, with_for_update=True)
    if timer is None or timer.status != "pending":
        return _result(timer, timer_id, "cancelled", "timer.detail.not_pending")
    if owner is not None and timer.lease_owner not in (owner, None):
        return None
    model = _MODELS_BY_TABLE[timer.entity_type]
    loads = [joinedload(relation) for relation in _LOADED_WITH.get(model, ())]
    # The entity's row lock now, with the load (see UnitOfWork.lock): not one more query.
    # Any workflow entity (each has its state; the engine takes them duck-typed).
    entity: Any = uow.session.get(
        model, timer.entity_id, options=loads, with_for_update={"of": model, "key_share": True}
    )
    if entity is not None:
        uow.locked(entity)
    if entity is None or entity.state != timer.state:
        timer.status = "cancelled"
        timer.lease_owner = timer.lease_until = None
        timer.last_error = "timer.detail.left_state"
        return _result(timer, timer_id, "cancelled", timer.last_error)
    if (lapsed := timer_purpose.lapsed(uow, entity, timer)) is not None:
        timer_purpose.skip(uow, timer, lapsed)  # e.g. an invitation after the meeting
        return _result(timer, timer_id, "skipped", lapsed)
    if uow.engine.can_fire(uow, entity, timer.trigger, timer=timer.name):
        uow.fire(entity, timer.trigger, timer=timer.name)
        timer.status = "fired"
    else:
        timer.status = "skipped"
        outcome, detail = "skipped", "timer.detail.conditions_not_met"
        timer.skip_reason = detail
    # Set here, not before the firing: the effect's queries would flush
    # them as an UPDATE of their own (a failure is counted below). The
    # claim ends with the firing, in its transaction: no release after.
    timer.attempts += 1
    timer.fired_at = uow.now
    timer.lease_owner = timer.lease_until = None
    _arm_repeat(uow, entity, timer)
    return _result(timer, timer_id, outcome, detail)


def _detail(exc: Exception) -> str:
    """What a failed timer records as its error (English, for operators)."""
    if isinstance(exc, GremiumError):
        return exc.message("en")
    return f"{type(exc).__name__}: {exc}"


def _arm_repeat(uow: UnitOfWork, entity: Any, timer: Timer) -> None:
    """A repeating timer (e.g. weekly signature reminders) sets its next occurrence."""
    definition = uow.engine.definitions[timer.workflow]
    spec = next((s for s in definition.timers if s.name == timer.name), None)
    if spec is None or spec.repeat is None or entity.state != spec.state:
        return
    due = uow.engine.due_at(uow, entity, spec, after=timer.due_at)
    # After downtime the missed occurrences are not all fired now: one fires,
    # and the next is the first one still ahead, in the same cadence.
    while due is not None and due <= uow.now:
        due = uow.engine.due_at(uow, entity, spec, after=due)
    if due is not None:
        uow.engine.set_timer(uow, entity, spec, due)


def _result(timer: Timer | None, timer_id: int, outcome: str, detail: str) -> Fired:
    if timer is None:
        return Fired(
            timer_id, "?", "?", "?", 0, dt.datetime.min.replace(tzinfo=dt.UTC), outcome, detail
        )
    return Fired(
        timer.id,
        timer.name,
        timer.trigger,
        timer.entity_type,
        timer.entity_id,
        timer.due_at,
        outcome,
        detail,
    )


__all__ = [
    "LEASE",
    "claim_batch",
    "fire_due",
    "in_due_order",
    "order_key",
    "retry",
]
