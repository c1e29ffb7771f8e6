"""Firing due timers: the timer table is the truth about what is due.

:func:`fire_due` fires every pending timer due up to a moment, in due order
(ties by id), as the system actor. On the simulated clock it fires one unit
of work each and first moves the clock to each timer's due time, so effects
see the time at which they would have run. On the system clock it fires a
claimed batch in one transaction, each timer in a savepoint of its own
(:func:`fire_together`): one commit and one turn at the audit chain's head
for the batch instead of one per timer. A timer whose entity has left its
state is cancelled; one whose trigger is refused by a guard is marked
skipped; one whose effect fails is rolled back (to its savepoint) and marked
failed with the error.

Several processes (``gremium run`` on two machines, a ``tick`` while the
runner is up) may fire timers against one database: each timer is claimed
with a lease first (:mod:`governance.claims`), so only one of them fires it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from governance import claims
from governance.bootstrap import ENTITIES, App
from governance.clock import SimulatedClock
from governance.errors import GremiumError, InvalidInput, NotFound, Text
from governance.models import (
    AccessionApplication,
    ActionItem,
    Meeting,
    Membership,
    Minutes,
    Timer,
)
from governance.services import access, timer_purpose
from governance.unit_of_work import Actor, UnitOfWork, keeping_loaded

_log = logging.getLogger(__name__)

_MODELS_BY_TABLE = {model.__tablename__: model for model in ENTITIES.values()}  # type: ignore[attr-defined]

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
    """fired, skipped, cancelled or failed."""
    detail: str = ""


def pending(app: App, committee_id: int | None = None) -> list[Timer]:
    with app.db.session() as session:
        stmt = select(Timer).where(Timer.status == "pending").order_by(Timer.due_at, Timer.id)
        if committee_id is not None:
            stmt = stmt.where(Timer.committee_id == committee_id)
        return list(session.execute(stmt).scalars())


def next_due(app: App, until: dt.datetime) -> Timer | None:
    with app.db.session() as session:
        return session.execute(
            select(Timer)
            .where(Timer.status == "pending", Timer.due_at <= until)
            .order_by(Timer.due_at, Timer.id)
            .limit(1)
        ).scalar_one_or_none()


LEASE = dt.timedelta(minutes=10)
"""A claim outlives any single firing; a crashed runner's timers fire after it expires."""

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


def claim_batch(
    app: App, until: dt.datetime, owner: str, limit: int, lease: dt.timedelta = LEASE
) -> list[int]:
    """Claim up to *limit* timers due up to *until* that no other process holds, in due order."""
    return claims.claim(
        app.db,
        Timer,
        where=[Timer.status == "pending", Timer.due_at <= until],
        order_by=[Timer.due_at, Timer.id],
        limit=limit,
        owner=owner,
        now=app.clock.now(),
        lease=lease,
    )


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
    # On the simulated clock one at a time: a firing may arm a timer due before
    # the next one claimed, and the simulation must fire in strict due order.
    # On the system clock everything claimed is already due, so a batch saves
    # a claim transaction per timer (the firing itself gives the lease back).
    size = 1 if simulated else BATCH
    results: list[Fired] = []

    def room() -> int:
        return size if limit is None else min(size, limit - len(results))

    while not stop() and room() > 0 and (batch := claim_batch(app, until, owner, room(), lease)):
        if not simulated:
            results += fire_together(app, batch, owner, stop)
            continue
        for index, timer_id in enumerate(batch):
            if stop():
                claims.release(app.db, Timer, batch[index:], owner)
                return results
            due = _due_at(app, timer_id)
            if due is not None and due > app.clock.now():
                app.clock.advance_to(due)
            results.append(fire_one(app, timer_id))
    if stop() or (limit is not None and len(results) >= limit):
        return results
    if simulated and until > app.clock.now():
        app.clock.advance_to(until)
    return results


def _due_at(app: App, timer_id: int) -> dt.datetime | None:
    with app.db.session() as session:
        return session.execute(select(Timer.due_at).where(Timer.id == timer_id)).scalar()


def fire_one(app: App, timer_id: int) -> Fired:
    """Fire one timer in a unit of work of its own; a failure is recorded in a second one."""
    try:
        with app.unit_of_work(Actor.system()) as uow:
            return _fire_in(uow, timer_id)
    except Exception as exc:  # an effect failed: everything it did is rolled back
        detail = _detail(exc)
    with app.db.session() as session, session.begin():
        return _failed(session, timer_id, detail)


def fire_together(
    app: App, batch: list[int], owner: str, stop: Callable[[], bool] = lambda: False
) -> list[Fired]:
    """Fire the claimed timers *batch* in one transaction, each in a savepoint of its own.

    A timer whose effect fails is rolled back to its savepoint and marked
    failed (a refusal is put on record, as :meth:`App.unit_of_work` does);
    the others are kept. If the transaction itself cannot commit (a lost
    connection, a conflict only the commit finds), nothing of it was written
    and each timer is fired again in a unit of work of its own. Timers not
    reached because *stop* asked to stop are given back.
    """
    results: list[Fired] = []
    try:
        with (
            app.unit_of_work(Actor.system()) as uow,
            keeping_loaded(uow.session),  # the committee, meeting, people the batch shares
        ):
            for timer_id in batch:
                if stop():
                    break
                uow.next_action()  # each timer fires at its own moment
                savepoint = uow.session.begin_nested()
                try:
                    results.append(_fire_in(uow, timer_id))
                    savepoint.commit()
                except Exception as exc:
                    savepoint.rollback()
                    if isinstance(exc, GremiumError) and exc.audited:
                        uow.audit_refusal(exc)
                    results.append(_failed(uow.session, timer_id, _detail(exc)))
    except Exception:
        # Nothing of the batch was written; each timer gets its own unit of work.
        _log.warning(
            "a batch of %d timers could not commit; firing them one by one",
            len(batch),
            exc_info=True,
        )
        results = [fire_one(app, timer_id) for timer_id in batch[: len(results)]]
    if len(results) < len(batch):
        claims.release(app.db, Timer, batch[len(results) :], owner)
    return results


def _fire_in(uow: UnitOfWork, timer_id: int) -> Fired:
    outcome, detail = "fired", ""
    timer = uow.session.get(Timer, timer_id, with_for_update=True)
    if timer is None or timer.status != "pending":
        return _result(timer, timer_id, "cancelled", "no longer pending")
    model = _MODELS_BY_TABLE[timer.entity_type]
    loads = [joinedload(relation) for relation in _LOADED_WITH.get(model, ())]
    entity = uow.session.get(model, timer.entity_id, options=loads)
    if entity is None or entity.state != timer.state:
        timer.status = "cancelled"
        timer.lease_owner = timer.lease_until = None
        timer.last_error = "the entity left the timer's state"
        return _result(timer, timer_id, "cancelled", timer.last_error)
    if (lapsed := timer_purpose.lapsed(uow, entity, timer)) is not None:
        timer_purpose.skip(uow, timer, lapsed)  # e.g. an invitation after the meeting
        return _result(timer, timer_id, "skipped", lapsed)
    if uow.engine.can_fire(uow, entity, timer.trigger, timer=timer.name):
        uow.fire(entity, timer.trigger, timer=timer.name)
        timer.status = "fired"
    else:
        timer.status = "skipped"
        outcome, detail = "skipped", "conditions not met"
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


def _failed(session: Session, timer_id: int, detail: str) -> Fired:
    timer = session.get(Timer, timer_id)
    assert timer is not None
    timer.status = "failed"
    timer.lease_owner = timer.lease_until = None
    timer.attempts += 1
    timer.last_error = detail[:2000]
    return _result(timer, timer_id, "failed", detail)


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


def failed(app: App, committee_id: int | None = None) -> list[Timer]:
    """Timers whose firing failed (the error is in ``last_error``), newest first."""
    with app.db.session() as session:
        stmt = select(Timer).where(Timer.status == "failed").order_by(Timer.id.desc())
        if committee_id is not None:
            stmt = stmt.where(Timer.committee_id == committee_id)
        return list(session.execute(stmt).scalars())


def skipped(app: App, committee_id: int | None = None) -> list[Timer]:
    """Timers that did nothing (the reason is in ``skip_reason``), newest first."""
    with app.db.session() as session:
        stmt = select(Timer).where(Timer.status == "skipped").order_by(Timer.id.desc())
        if committee_id is not None:
            stmt = stmt.where(Timer.committee_id == committee_id)
        return list(session.execute(stmt).scalars())


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
