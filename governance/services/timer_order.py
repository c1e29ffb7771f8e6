"""The order in which timers may fire, and their claiming by runners.

Timers of one committee (of one entity, for a timer of no committee) fire in
due order whichever runner holds them; see :func:`claim_batch`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import and_, event, or_, select, update
from sqlalchemy.orm import Session

from governance import claims
from governance.bootstrap import App
from governance.models import Timer

LEASE = dt.timedelta(minutes=10)
"""A claim outlives any single firing; a crashed runner's timers fire after it expires."""


def claim_batch(
    app: App,
    until: dt.datetime,
    owner: str,
    limit: int,
    lease: dt.timedelta = LEASE,
    stop: Callable[[], bool] = lambda: False,
) -> list[int]:
    """Claim up to *limit* timers due up to *until* that may fire now, in due order.

    A timer may fire only after every earlier timer of its committee (of its
    entity, for a timer of no committee) has fired: with several runners
    catching up, a runner does not take a meeting's invitation while another
    still holds its call for proposals, nor a meeting's invitation while a
    withdrawal taking effect before it is still in another runner's hands —
    so the result is the same with one runner or many. Timers due at the same
    moment in one committee but of different entities may fire in parallel
    (the scale-out case: thousands of reminders due at once). Which timers
    are free is decided in one claim transaction at a time
    (:func:`claims.serialised`), so two runners never both see a timer as the
    first of its committee. Asked to *stop* while waiting for that
    transaction, it claims nothing.
    """
    now = app.clock.now()
    with app.db.session() as session, session.begin():
        if not claims.serialised(session, "timers", stop):
            return []
        rows = _due_rows(session, until, now, limit)
        ids = in_due_order(rows, now, limit)
        if ids and app.db.engine.dialect.name == "postgresql":
            # A timer being fired right now (its row locked by a firing whose
            # runner stands still, its lease run out) must neither be waited
            # for nor overtaken: it counts as held. So does one fired since the
            # scan (firings do not take the claim lock).
            lockable = set(
                session.execute(
                    select(Timer.id)
                    .where(
                        Timer.id.in_(ids),
                        # Read again once locked: fired or claimed since the scan above?
                        Timer.status == "pending",
                        or_(Timer.lease_until.is_(None), Timer.lease_until < now),
                    )
                    .with_for_update(skip_locked=True)
                ).scalars()
            )
            if len(lockable) < len(ids):
                busy = now + dt.timedelta(days=1)
                rows = [
                    row if row.id in lockable or row.id not in ids else _held(row, busy)
                    for row in rows
                ]
                ids = [i for i in in_due_order(rows, now, limit) if i in lockable]
        if ids:
            session.execute(
                update(Timer)
                .where(Timer.id.in_(ids))
                .values(lease_owner=owner, lease_until=now + lease)
            )
        return ids


SCAN = 5000
"""Due timers looked at per claim at most: the held ones and those waiting behind them."""


def _due_rows(session: Session, until: dt.datetime, now: dt.datetime, limit: int) -> list[Any]:
    """Due pending timers in due order, page by page until *limit* of them may be claimed.

    Held timers are few (the batches in other runners' hands), so the first
    page usually suffices; a committee whose timers all wait behind a held
    one makes the scan go on, up to :data:`SCAN` rows.
    """
    page = max(limit * 4, 100)
    rows: list[Any] = []
    columns = (
        Timer.id,
        Timer.committee_id,
        Timer.entity_type,
        Timer.entity_id,
        Timer.due_at,
        Timer.lease_until,
    )
    while True:
        stmt = select(*columns).where(Timer.status == "pending", Timer.due_at <= until)
        if rows:
            last = rows[-1]
            stmt = stmt.where(
                or_(
                    Timer.due_at > last.due_at,
                    and_(Timer.due_at == last.due_at, Timer.id > last.id),
                )
            )
        got = session.execute(stmt.order_by(Timer.due_at, Timer.id).limit(page)).all()
        rows += got
        if len(got) < page or len(rows) >= SCAN or len(in_due_order(rows, now, limit)) >= limit:
            return rows


def _held(row: Any, until: dt.datetime) -> Any:
    return dataclasses.replace(_Row(*row), lease_until=until)


@dataclasses.dataclass(frozen=True)
class _Row:
    id: int
    committee_id: int | None
    entity_type: str
    entity_id: int
    due_at: dt.datetime
    lease_until: dt.datetime | None


def order_key(committee_id: int | None, entity_type: str, entity_id: int) -> tuple[Any, ...]:
    """Timers with the same key fire in due order, one after the other."""
    if committee_id is not None:
        return ("committee", committee_id)
    return (entity_type, entity_id)


def in_due_order(rows: Sequence[Any], now: dt.datetime, limit: int) -> list[int]:
    """From due pending timers (in due order, with their leases), the ids that may be claimed.

    A timer that is held (by another runner, or waiting for a retry) blocks
    every later timer of its entity, and every timer of its committee due
    strictly later; a free timer behind a block blocks the same way.
    """
    blocked_after: dict[tuple[Any, ...], dt.datetime] = {}
    held_entities: set[tuple[str, int]] = set()
    taken: list[int] = []
    for row in rows:
        entity = (row.entity_type, row.entity_id)
        key = order_key(row.committee_id, row.entity_type, row.entity_id)
        free = row.lease_until is None or row.lease_until < now
        waits = key in blocked_after and blocked_after[key] < row.due_at
        if not free or waits or entity in held_entities:
            held_entities.add(entity)
            blocked_after.setdefault(key, row.due_at)
            continue
        taken.append(row.id)
        if len(taken) >= limit:
            break
    return taken


def order_keys(app: App, batch: list[int]) -> dict[int, tuple[tuple[Any, ...], dt.datetime]]:
    with app.db.session() as session:
        rows = session.execute(
            select(
                Timer.id, Timer.committee_id, Timer.entity_type, Timer.entity_id, Timer.due_at
            ).where(Timer.id.in_(batch))
        ).all()
    return {r.id: (order_key(r.committee_id, r.entity_type, r.entity_id), r.due_at) for r in rows}


def key_of(timer: Timer) -> tuple[Any, ...]:
    return order_key(timer.committee_id, timer.entity_type, timer.entity_id)


@contextlib.contextmanager
def armed_timers(session: Session) -> Iterator[list[Timer]]:
    """The timers armed in *session* while the block runs (a firing's new timers)."""
    armed: list[Timer] = []

    def added(session: Session, instance: object) -> None:
        if isinstance(instance, Timer):
            armed.append(instance)

    event.listen(session, "transient_to_pending", added)
    try:
        yield armed
    finally:
        event.remove(session, "transient_to_pending", added)
