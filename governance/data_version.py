"""The data versions: numbers in the database that every committed write advances.

The web's page cache (:mod:`governance.web.page_cache`) keeps a rendered
page under these numbers; a page is served again only while they are
unchanged, so the next page after a write it may show is rendered afresh.

There is one number for everything (``data_version``, row 1) and one per
committee (``committee_versions``). A committed transaction advances

- the versions of the committees it wrote for, when everything it wrote is
  attributed to exactly known committees: it wrote only tables whose rows
  belong to one committee (:data:`COMMITTEE_TABLES`), and its audit records
  all name a committee (``committee_id``); those committees, together with
  the committees of the rows it flushed through the ORM that carry one
  (their ``committee_id``, or their meeting's), are advanced;
- otherwise the one number for everything: a person, an organisation, a
  programme or area, a committee's own row, its memberships and secretariat,
  the settings, a table not listed, a statement not understood, a write
  without an audit record, an audit record naming no committee. When unsure:
  everything.

A page showing some committees is keyed by the number for everything and
those committees' numbers (:func:`governance.services.sign_in.current_session_and_version`),
so a write in another committee keeps it.

Every statement that writes (INSERT, UPDATE, DELETE) is noted on its
connection with its table, whoever issues it (the ORM's flush, a Core update
in a service, the audit chain's own rows); when the transaction commits, the
versions are advanced in that same transaction (:func:`advance`, called by
the audit chain's commit hook after it has locked and extended the chain).
Every writer locks the rows in the same order: the chain's head, then the
number for everything, then the committees' numbers by ascending committee
id, so writers in several processes cannot deadlock on them. A reader that
sees the new numbers therefore sees the new data too, in every process on
the database.

Writes no kept page shows are left out: the last activity of a sign-in
session, written on page views (and checked on every request before the
cache is asked), and the lease a timer runner takes on due timers (who
fires them next; the pages show a timer's name, moment and status).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, event, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, SessionTransaction

from governance.reads.tables import committee_versions, data_version, meetings

UNSHOWN = frozenset({"web_sessions", "data_version", "committee_versions"})
"""Tables whose writes leave the versions as they are (see the module's docstring)."""

COMMITTEE_TABLES = frozenset(
    {
        "meetings",
        "meeting_series",
        "agenda_items",
        "agenda_attachments",
        "attendance",
        "minutes",
        "minutes_objections",
        "votes",
        "ballots",
        "decisions",
        "timers",
        "meeting_replies",
        "reply_tokens",
        "inbound_mails",
        "mail_objections",
        "conflicts_of_interest",
        "vote_transfers",
        "written_procedures",
        "written_ballots",
        "action_items",
        "action_links",
        "action_link_tokens",
        "agreements",
        "agreement_versions",
        "agreement_parties",
        "signing_ceremonies",
        "signatures",
        "accession_applications",
        "accession_declarations",
        "outbox",
        "audit_records",
        "audit_head",
    }
)
"""Tables whose rows each belong to one committee, written by the services together with
an audit record naming it: a transaction writing only these (and audit records that all
name a committee) advances those committees' versions alone. Not here, so advancing the
version of everything: the committees' own rows and who sits in them (they decide which
committees a person's overview shows), people, organisations, programmes and areas,
stored documents (shared by content), settings, and any table added later."""

_UNKNOWN = "?"
"""A written table not recognised in the statement: counts as everything."""

_WRITTEN = "gremium.data_version.written"
"""Key in the DBAPI connection's ``info``: the tables the open transaction wrote."""

_CONNECTION = "gremium.data_version.connection"
"""Key in ``Session.info``: the connection of the session's open transaction."""

_FLUSHED = "gremium.data_version.flushed"
"""Key in ``Session.info``: committees of the rows the open transaction flushed."""

_READING = ("SELECT", "BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "PRAGMA", "SHOW", "COMMIT")
"""How the statements begin that write nothing."""
_WRITE = re.compile(r"\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.I)
_LEASE = re.compile(r"\s*UPDATE\s+\"?timers\"?\s+SET\s+(.*?)(?:\s+WHERE\s.*)?\s*$", re.I | re.S)
_SET_COLUMN = re.compile(r"(\w+)\s*=")
_LEASE_COLUMNS = frozenset({"lease_owner", "lease_until"})


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
    name = _UNKNOWN if match is None else match.group(1).lower()
    if name in UNSHOWN or (name == "timers" and _lease_only(statement)):
        return
    conn.info.setdefault(_WRITTEN, set()).add(name)


def _lease_only(statement: str) -> bool:
    """Whether *statement* sets nothing but a timer's lease (the runner's claim)."""
    found = _LEASE.match(statement)
    return found is not None and set(_SET_COLUMN.findall(found.group(1))) <= _LEASE_COLUMNS


@event.listens_for(Engine, "begin")
def _forget_at_begin(conn: Connection) -> None:
    # A rolled-back transaction's writes do not count for the next one.
    conn.info.pop(_WRITTEN, None)


def advance(
    session: Session, *, wrote: bool = False, committees: Iterable[int | None] = ()
) -> None:
    """Advance the versions if *session*'s transaction wrote something shown (or *wrote*):
    those of the committees it wrote for, or the one of everything (see the module's
    docstring). *committees*: the ``committee_id`` of each audit record it chained.

    Called just before the commit, in the transaction, after the chain's head is locked.
    A session that never opened a connection wrote nothing and opens none here."""
    conn: Connection | None = session.info.get(_CONNECTION)
    if conn is None:
        if not wrote:
            return
        conn = session.connection()
    written: set[str] = conn.info.pop(_WRITTEN, None) or set()
    flushed: set[int] = session.info.pop(_FLUSHED, None) or set()
    if not written and not wrote:
        return
    named = set(committees)
    if not named or None in named or not written <= COMMITTEE_TABLES:
        conn.execute(
            update(data_version)
            .where(data_version.c.id == 1)
            .values(version=data_version.c.version + 1)
        )
    else:
        # in ascending order: see the module's docstring
        for committee_id in sorted({c for c in named if c is not None} | flushed):
            conn.execute(_advance_committee(conn, committee_id))
    conn.info.pop(_WRITTEN, None)


def _advance_committee(conn: Connection, committee_id: int) -> Any:
    # A committee's first advance creates its row (never advanced: 0, no row).
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    return (
        insert(committee_versions)
        .values(committee_id=committee_id, version=1)
        .on_conflict_do_update(
            index_elements=[committee_versions.c.committee_id],
            set_={"version": committee_versions.c.version + 1},
        )
    )


@event.listens_for(Session, "after_flush")
def _note_committees(session: Session, _context: Any) -> None:
    # What the audit records name is checked against the rows themselves where they
    # carry their committee (a committee more is advanced, never one less).
    found: set[int] = session.info.setdefault(_FLUSHED, set())
    for row in (*session.new, *session.dirty, *session.deleted):
        table = getattr(row, "__tablename__", None)
        if table not in COMMITTEE_TABLES:
            continue
        committee_id = getattr(row, "committee_id", None)
        if committee_id is None and getattr(row, "meeting_id", None) is not None:
            committee_id = _committee_of_meeting(session, row.meeting_id)
        if committee_id is not None:
            found.add(committee_id)


_MEETINGS = "gremium.data_version.meetings"
"""Key in ``Session.info``: the committees of the meetings looked up in the open
transaction (a process may serve several databases: the tests do)."""


def _committee_of_meeting(session: Session, meeting_id: int) -> int | None:
    known: dict[int, int | None] = session.info.setdefault(_MEETINGS, {})
    if meeting_id not in known:
        known[meeting_id] = (
            session.connection()
            .execute(select(meetings.c.committee_id).where(meetings.c.id == meeting_id))
            .scalar()
        )
    return known[meeting_id]


@event.listens_for(Session, "after_begin")
def _remember_connection(session: Session, _transaction: Any, connection: Connection) -> None:
    session.info[_CONNECTION] = connection


@event.listens_for(Session, "after_transaction_end")
def _forget_connection(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_CONNECTION, None)
        session.info.pop(_FLUSHED, None)
        session.info.pop(_MEETINGS, None)


def current(conn: Connection) -> int | None:
    """The version of everything now (None: a database without the row, e.g. before the
    migration)."""
    return conn.execute(_CURRENT).scalar()


def of_committee(conn: Connection, committee_id: int) -> int:
    """The version of *committee_id* now (0: never advanced)."""
    found = conn.execute(
        select(committee_versions.c.version).where(
            committee_versions.c.committee_id == committee_id
        )
    ).scalar()
    return int(found or 0)


_CURRENT = select(data_version.c.version).where(data_version.c.id == 1)
