"""Claiming rows for one worker: several processes may send mail and fire
timers against one database without doing the same work twice.

A claim is a lease (lease_owner, lease_until) written in a short
transaction of its own; a worker that dies loses its claims when the lease
runs out. On PostgreSQL candidates are selected ``FOR UPDATE SKIP LOCKED``,
so concurrent workers take different rows without waiting. SQLite has no
row locks (SQLAlchemy silently drops SKIP LOCKED there); each row is
claimed by a compare-and-set UPDATE that only succeeds while the row is
still free, inside the BEGIN IMMEDIATE transactions SQLite serialises.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, or_, select, update

from governance.database import Database


def worker_name() -> str:
    """host:pid: unique among the processes sharing a database."""
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def claim(
    db: Database,
    model: Any,
    *,
    where: Sequence[ColumnElement[bool]],
    order_by: Sequence[Any],
    limit: int,
    owner: str,
    now: dt.datetime,
    lease: dt.timedelta,
) -> list[int]:
    """Lease up to *limit* free rows of *model* matching *where* to *owner*; return their ids in order."""
    free = or_(model.lease_until.is_(None), model.lease_until < now)
    candidates = select(model.id).where(*where, free).order_by(*order_by).limit(limit)
    values = {"lease_owner": owner, "lease_until": now + lease}
    with db.session() as session, session.begin():
        if db.engine.dialect.name == "postgresql":
            ids = list(session.execute(candidates.with_for_update(skip_locked=True)).scalars())
            if ids:
                session.execute(update(model).where(model.id.in_(ids)).values(**values))
            return ids
        claimed = []
        for row_id in session.execute(candidates).scalars().all():
            result = session.execute(
                update(model).where(model.id == row_id, *where, free).values(**values)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                claimed.append(row_id)
        return claimed


def release(db: Database, model: Any, ids: Sequence[int], owner: str) -> None:
    """Give claims back unused (e.g. on shutdown), so another worker need not wait for the lease."""
    if not ids:
        return
    with db.session() as session, session.begin():
        session.execute(
            update(model)
            .where(model.id.in_(list(ids)), model.lease_owner == owner)
            .values(lease_owner=None, lease_until=None)
        )


def release_owned(db: Database, model: Any, owner: str) -> None:
    """Give back every claim *owner* still holds on *model* (an interrupted ``gremium tick``):
    the rows are free at once, not when the lease runs out."""
    with db.session() as session, session.begin():
        session.execute(
            update(model)
            .where(model.lease_owner == owner)
            .values(lease_owner=None, lease_until=None)
        )
