"""The data version: one number in the database that every committed write advances.

The web's page cache (:mod:`governance.web.page_cache`) keeps a rendered
page under this number; a page is served again only while the number is
unchanged, so the next page after any write is rendered afresh.

Every statement that writes (INSERT, UPDATE, DELETE) is noted on its
connection, whoever issues it (the ORM's flush, a Core update in a service,
the audit chain's own rows); when the transaction commits, the version is
advanced in that same transaction (:func:`advance`, called by the audit
chain's commit hook after it has locked and extended the chain, so the two
rows are always locked in the same order). A reader that sees the new number
therefore sees the new data too, in every process on the database.

Writes to tables no page shows from its cache are left out: the last
activity of a sign-in session, written on page views (and checked on
every request before the cache is asked).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, Engine, event, select, update
from sqlalchemy.orm import Session, SessionTransaction

from governance.reads.tables import data_version

UNSHOWN = frozenset({"web_sessions", "data_version"})
"""Tables whose writes leave the version as it is (see the module's docstring)."""

_WROTE = "gremium.data_version.wrote"
"""Key in the DBAPI connection's ``info``: the open transaction wrote something shown."""

_CONNECTION = "gremium.data_version.connection"
"""Key in ``Session.info``: the connection of the session's open transaction."""

_READING = ("SELECT", "BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "PRAGMA", "SHOW", "COMMIT")
"""How the statements begin that write nothing."""
_WRITE = re.compile(r"\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.I)


@event.listens_for(Engine, "before_cursor_execute")
def _note_write(
    conn: Connection,
    _cursor: Any,
    statement: str,
    _parameters: Any,
    _context: Any,
    _executemany: bool,
) -> None:
    if statement.lstrip()[:9].upper().startswith(_READING):
        return
    # Anything else counts as a write (a WITH ... UPDATE too), but for the tables left out.
    match = _WRITE.match(statement)
    if match is None or match.group(1).lower() not in UNSHOWN:
        conn.info[_WROTE] = True


@event.listens_for(Engine, "begin")
def _forget_at_begin(conn: Connection) -> None:
    # A rolled-back transaction's writes do not count for the next one.
    conn.info.pop(_WROTE, None)


def advance(session: Session, *, wrote: bool = False) -> None:
    """Advance the version if *session*'s transaction wrote something shown (or *wrote*).

    Called just before the commit, in the transaction (see the module's docstring).
    A session that never opened a connection wrote nothing and opens none here."""
    conn: Connection | None = session.info.get(_CONNECTION)
    if conn is None:
        if not wrote:
            return
        conn = session.connection()
    if conn.info.pop(_WROTE, False) or wrote:
        conn.execute(
            update(data_version)
            .where(data_version.c.id == 1)
            .values(version=data_version.c.version + 1)
        )
        conn.info.pop(_WROTE, None)


@event.listens_for(Session, "after_begin")
def _remember_connection(session: Session, _transaction: Any, connection: Connection) -> None:
    session.info[_CONNECTION] = connection


@event.listens_for(Session, "after_transaction_end")
def _forget_connection(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_CONNECTION, None)


def current(conn: Connection) -> int | None:
    """The version now (None: a database without the row, e.g. before the migration)."""
    return conn.execute(_CURRENT).scalar()


_CURRENT = select(data_version.c.version).where(data_version.c.id == 1)
