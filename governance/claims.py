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

import contextlib
import datetime as dt
import os
import socket
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from governance.database import Database
from governance.models import Setting


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
            assert isinstance(result, CursorResult)  # an UPDATE's: it counts the rows matched
            if result.rowcount == 1:
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


def renew(
    db: Database,
    model: Any,
    ids: Sequence[int],
    owner: str,
    now: dt.datetime,
    lease: dt.timedelta,
    *,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[int]:
    """Extend *owner*'s claims on *ids* that it still holds; return those ids.

    A claim that expired but that nobody took over is still this owner's and
    is extended; one another worker took over (its owner changed) or whose
    row left the state *where* describes is not, and must not be acted on.
    """
    if not ids:
        return []
    with db.session() as session, session.begin():
        held = list(
            session.execute(
                select(model.id)
                .where(model.id.in_(list(ids)), model.lease_owner == owner, *where)
                .with_for_update()
            ).scalars()
        )
        if held:
            session.execute(update(model).where(model.id.in_(held)).values(lease_until=now + lease))
    return held


def serialised(session: Session, name: str, stop: Callable[[], bool] = lambda: False) -> bool:
    """Let only one worker at a time run the rest of *session*'s transaction (per *name*).

    Needed where which rows are free depends on other rows (a timer waits for
    the earlier ones of its committee): SKIP LOCKED alone would let two
    workers each see a different first row. On PostgreSQL a transaction-level
    advisory lock, released at commit; SQLite runs one writing transaction
    at a time anyway (BEGIN IMMEDIATE).

    The lock is tried, not waited for, and tried again after a short pause
    while *stop* is not asked: a runner told to stop (SIGTERM) while another
    holds the lock gives up at once and returns False, instead of waiting in
    the server without end (a service manager would kill it).
    """
    if session.get_bind().dialect.name != "postgresql":
        return True
    # Advisory locks are per database, not per schema: the schema is the lock's
    # second key, or installations (and test runs) sharing one database in
    # schemas of their own would wait for each other's claims.
    attempt = select(
        func.pg_try_advisory_xact_lock(_lock_key(name), func.hashtext(func.current_schema()))
    )
    delay = 0.005
    while not session.execute(attempt).scalar():
        if stop():
            return False
        time.sleep(delay)  # another worker is claiming: its transaction is short
        delay = min(delay * 2, 0.1)
    return True


def _lock_key(name: str) -> int:
    """A stable 31-bit key for *name* (the two-key advisory lock takes two integers)."""
    return zlib.crc32(f"gremium:{name}".encode()) & 0x7FFFFFFF


class Stopped(Exception):
    """Asked to stop while waiting for a claim another process holds (nothing was done)."""


class Held:
    """An exclusive claim on a name (see :func:`exclusively`), kept alive by :meth:`keep`."""

    def __init__(self, db: Database, key: str, owner: str, lease: dt.timedelta) -> None:
        self.db, self.key, self.owner, self.lease = db, key, owner, lease
        self.renewed = time.monotonic()

    def keep(self) -> None:
        """Renew the claim once a third of its lease has passed (cheap to call often)."""
        if time.monotonic() - self.renewed >= self.lease.total_seconds() / 3:
            _take(self.db, self.key, self.owner, self.lease)
            self.renewed = time.monotonic()


@contextlib.contextmanager
def exclusively(
    db: Database,
    name: str,
    owner: str,
    *,
    lease: dt.timedelta = dt.timedelta(seconds=60),
    wait: dt.timedelta = dt.timedelta(minutes=10),
    busy: Callable[[str], Exception],
    stop: Callable[[], bool] = lambda: False,
) -> Iterator[Held]:
    """Run the block as the only holder of *name* among all processes on *db*.

    Another holder is waited for (polling) up to *wait*; then ``busy(holder)``
    is raised. The claim is a row in ``settings`` with its owner and the end
    of its lease: a holder that dies (SIGKILL) blocks others only until its
    lease ends; a live one calls :meth:`Held.keep` as it goes. Asked to
    *stop* while it waits (SIGTERM), it raises :class:`Stopped` at once.
    """
    key = f"lock:{name}"
    deadline = time.monotonic() + wait.total_seconds()
    delay = 0.05
    while (holder := _take(db, key, owner, lease)) is not None:
        if stop():
            raise Stopped(name)
        if time.monotonic() >= deadline:
            raise busy(holder)
        time.sleep(delay)  # another process holds it: wait for its turn
        delay = min(delay * 2, 1.0)
    try:
        yield Held(db, key, owner, lease)
    finally:
        with db.session() as session, session.begin():
            session.execute(
                delete(Setting).where(Setting.key == key, Setting.value.like(f"{owner}|%"))
            )


def _take(db: Database, key: str, owner: str, lease: dt.timedelta) -> str | None:
    """Take or renew *key* for *owner*; return the other holder if it is held."""
    now = dt.datetime.now(dt.UTC)  # leases between processes: the machines' real time
    value = f"{owner}|{(now + lease).isoformat()}"
    with db.session() as session, session.begin():
        row = session.get(Setting, key, with_for_update=True)
        if row is None:
            try:
                with session.begin_nested():
                    session.add(Setting(key=key, value=value))
            except IntegrityError:  # another process inserted it first
                return "?"
            return None
        holder, _, until = row.value.partition("|")
        if holder != owner and dt.datetime.fromisoformat(until) > now:
            return holder
        row.value = value
        return None


def release_owned(db: Database, model: Any, owner: str) -> None:
    """Give back every claim *owner* still holds on *model* (an interrupted ``gremium tick``):
    the rows are free at once, not when the lease runs out."""
    with db.session() as session, session.begin():
        session.execute(
            update(model)
            .where(model.lease_owner == owner)
            .values(lease_owner=None, lease_until=None)
        )
