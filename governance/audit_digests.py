"""Digests of the records the audit trail protects.

The chain proves that its own records are intact; these digests extend the
proof to the rows it speaks about. Every transaction that writes a protected
row (a decision, a vote or ballot, a signature or accession declaration, an
agreement version with its text, minutes and their notes, a membership)
puts the SHA-256 of the row's canonical content, as it stands at commit,
into its audit records. ``audit verify`` recomputes the digest of every
current row and compares it with the last one the chain holds, so an
``UPDATE decisions SET text = ...`` behind Gremium's back is found.

The content is read back through SQL (not from the ORM objects) both at
commit and at verification, so both sides see exactly the same values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, TableClause, select

from governance.reads import tables

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, SessionTransaction

# Light Core clauses, not the models' tables: ``audit verify`` then reads
# without the ORM (issue 11 point 19). They are the read tables
# (governance/reads/tables.py, one definition of each table's columns): the types
# convert as the models' do, so a digest is the same whoever computes it;
# tests/unit/test_audit_digests.py checks that each names exactly the model's columns
# (but the version counter), so a column added to a protected model and forgotten
# there would fail rather than go unprotected.
PROTECTED: dict[str, TableClause] = {
    clause.name: clause
    for clause in (
        tables.decisions,
        tables.votes,
        tables.ballots,
        tables.signatures,
        tables.accession_declarations,
        tables.agreement_versions,
        tables.minutes,
        tables.agenda_items,
        tables.memberships,
    )
}
"""Table name -> its protected columns: every column except those in ``_SKIPPED``."""

# Not content: the optimistic-locking counter, and the moment of the last change that
# the OParl interface reports (governance/change_times.py sets it on every flush, also
# where nothing the trail speaks about changed, and old rows got it at the upgrade).
_SKIPPED = {"version", "modified_at"}
ADDED_LATER: dict[str, dict[str, Any]] = {
    # Columns added to a protected table after rows were already in the chain, with the
    # value old rows get: a row holding it digests without the column, so a digest the
    # chain recorded before the column existed still matches after the upgrade.
    "votes": {"transferred": 0, "conflicted": 0},  # 0017_meeting_practice
    "ballots": {"cast_by_id": None},  # 0017_meeting_practice
    "agenda_items": {"confidential": False},  # 0016_oparl
}
_CHUNK = 1000
TOUCHED = "gremium.audit.touched"
"""Key in ``Session.info``: protected rows written in this transaction, with their scope."""


def entity_key(table: str, row_id: int) -> str:
    return f"{table}:{row_id}"


def split_key(key: str) -> tuple[str, int]:
    table, _, row_id = key.rpartition(":")
    return table, int(row_id)


def _columns(table: TableClause) -> list[Any]:
    return [c for c in table.columns if c.key not in _SKIPPED]


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def row_digest(row: Any, table: str = "") -> str:
    """SHA-256 of one row's protected columns of *table*, as canonical JSON."""
    later = ADDED_LATER.get(table, {})
    content = {
        key: _value(value)
        for key, value in row._mapping.items()
        if key not in _SKIPPED and not (key in later and value == later[key])
    }
    data = json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(data.encode()).hexdigest()


def digests_of(session: Session, keys: Iterable[str]) -> dict[str, str | None]:
    """The current digest of each row named by *keys*; None for a row that is gone."""
    by_table: dict[str, set[int]] = {}
    for key in keys:
        table, row_id = split_key(key)
        by_table.setdefault(table, set()).add(row_id)
    out: dict[str, str | None] = {}
    connection = session.connection()
    for table_name, ids in sorted(by_table.items()):
        protected = PROTECTED[table_name]
        ordered = sorted(ids)
        found: dict[int, str] = {}
        # In chunks: a baseline of a large database names many rows, more than
        # SQLite takes as parameters of one statement.
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start : start + _CHUNK]
            query = select(*_columns(protected)).where(protected.c.id.in_(chunk))
            for row in connection.execute(query):
                found[row.id] = row_digest(row, table_name)
        for row_id in ordered:
            out[entity_key(table_name, row_id)] = found.get(row_id)
    return out


def all_digests(conn: Connection, table_name: str, batch: int = 5000) -> Iterator[tuple[int, str]]:
    """(id, digest) of every row of one protected table, in one pass."""
    table = PROTECTED[table_name]
    result = conn.execution_options(yield_per=batch).execute(
        select(*_columns(table)).order_by(table.c.id)
    )
    for row in result:
        yield row.id, row_digest(row, table_name)


def touched(session: Session) -> list[tuple[str, SessionTransaction | None]]:
    return session.info.setdefault(TOUCHED, [])


def take_touched(session: Session) -> list[str]:
    """The keys of the protected rows this transaction wrote (in first-write order); forgets them."""
    entries = session.info.pop(TOUCHED, [])
    return list(dict.fromkeys(key for key, _ in entries))


def note_flush(session: Session) -> None:
    """Remember the protected rows a flush writes (called after the flush: ids are known)."""
    scope = session.get_nested_transaction() or session.get_transaction()
    entries = touched(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table not in PROTECTED:
            continue
        if obj in session.dirty and not session.is_modified(obj, include_collections=False):
            continue
        row_id = getattr(obj, "id", None)
        if row_id is not None:
            entries.append((entity_key(table, row_id), scope))
