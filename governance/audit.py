"""The audit trail: every transition and every change of committee data,
append-only and hash-chained so that an edited, deleted or reordered record
is detected.

Each record's hash covers its position, its content and the previous hash.
A transaction's records are chained when it commits: everything else is
flushed first, then the single chain-head row is locked, the records are
numbered and hashed, and the commit follows. Writers in several processes
thus extend the chain one after the other, but each holds the head only for
its own inserts and commit, not while its effects run (rendering mail, PDFs),
which is what lets several runners fire timers side by side.

The links are HMAC-SHA256 with a key kept outside the database
(:mod:`governance.audit_keys`), so that someone who can write to the
database cannot recompute the chain after editing it; records written before
the chain was keyed keep their plain SHA-256 links and are sealed by the
first keyed record. The position and hash of the head go out with every
archived minutes PDF and every ``minutes_approved`` mail: witnesses held
outside the database, against which a truncated or rebuilt chain shows
(``audit verify --witness``). Each record also carries the digests of the
protected rows its transaction wrote (:mod:`governance.audit_digests`).

Records refer to people by id only: no name or e-mail address goes into
the chain, so that a person's data can be erased without breaking it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import Any, NoReturn

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session, SessionTransaction

from governance import audit_digests, data_version
from governance.audit_hash import GENESIS, KEYS, record_hash
from governance.audit_hash import _canonical as _canonical  # tests recompute a link
from governance.audit_keys import KeySource
from governance.errors import ConfigurationError
from governance.models import AuditHead, AuditRecord
from governance.models.core import table_of

_log = logging.getLogger(__name__)

SYSTEM = "system"
_PENDING = "gremium.audit.pending"
"""Key in ``Session.info``: records appended in this transaction, not yet chained."""
_KEY_AFTER = "gremium.audit.key_after"
"""Key in ``Session.info``: the key id the chain uses after this transaction (seal, rotation)."""


def append(
    session: Session,
    *,
    at: dt.datetime,
    actor: str,
    actor_id: int | None,
    entity_type: str,
    entity_id: int | None,
    action: str,
    committee_id: int | None = None,
    from_state: str | None = None,
    to_state: str | None = None,
    outcome: str = "done",
    details: dict[str, Any] | None = None,
) -> AuditRecord:
    """Append one record to the chain when the caller's transaction commits.

    Until then the record has no position (``seq``) or hash; if the
    transaction, or the savepoint it was appended in, is rolled back, the
    record goes with it.
    """
    record = AuditRecord(
        at=at,
        actor=actor_label(actor_id) if actor_id is not None else actor,
        actor_id=actor_id,
        committee_id=committee_id,
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        from_state=from_state,
        to_state=to_state,
        outcome=outcome,
        details=_without_addresses(_jsonable(details or {})),
    )
    scope = session.get_nested_transaction() or session.get_transaction()
    session.info.setdefault(_PENDING, []).append((record, scope))
    return record


def pending(session: Session) -> list[AuditRecord]:
    """The records appended in *session*'s open transaction, to be chained at its commit."""
    return [record for record, _ in session.info.get(_PENDING, [])]


@event.listens_for(Session, "after_flush")
def _note_protected_rows(session: Session, _context: Any) -> None:
    audit_digests.note_flush(session)


@event.listens_for(Session, "before_commit")
def _chain_at_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint: the outer commit chains
        return
    # Flush the transaction's own changes (and take their row locks) before
    # the head: the head is then held only for the inserts below and the commit.
    session.flush()
    chained = _chain(session)
    # After the chain's head: every writer locks the rows in this order. The records'
    # committees say whose pages the transaction changed (governance/data_version.py).
    data_version.advance(session, wrote=bool(chained), committees=[r.committee_id for r in chained])


def _chain(session: Session) -> list[AuditRecord]:
    """Number, hash and insert the transaction's records; those chained (none: none)."""
    records = pending(session)
    session.info.pop(_PENDING, None)
    touched = audit_digests.take_touched(session)
    switch_to = session.info.pop(_KEY_AFTER, None)
    if not records and not touched:
        return []
    head = session.execute(
        select(AuditHead.seq, AuditHead.hash, AuditHead.key_id)
        .where(AuditHead.id == 1)
        .with_for_update()
    ).one_or_none()
    if head is None:  # a damaged database: refuse the write, say so in one line
        from governance.errors import ConfigurationError

        raise ConfigurationError("error.audit_head_missing")
    seq, prev_hash, head_key = head
    # A rotation is sealed with the old key; the very first key seals its own record.
    signing = head_key or switch_to
    key = _signing_key(session, signing)
    if touched:
        if not records:
            records = [_unattributed_write(touched)]
        _attach(records, audit_digests.digests_of(session, touched))
    rows = []
    for record in records:
        record.seq, record.prev_hash, record.key_id = seq + 1, prev_hash, signing
        record.hash = record_hash(prev_hash, record, key)
        seq, prev_hash = record.seq, record.hash
        rows.append({column: getattr(record, column) for column in _COLUMNS})
    # Written as rows, not through the unit of work: the records are complete
    # and never change, so the session's change tracking would be pure cost.
    connection = session.connection()
    connection.execute(insert(table_of(AuditRecord)), rows)
    connection.execute(
        update(table_of(AuditHead))
        .where(AuditHead.id == 1)
        .values(seq=seq, hash=prev_hash, key_id=switch_to or head_key)
    )
    return records


def _signing_key(session: Session, kid: str | None) -> bytes | None:
    if kid is None:
        return None  # a chain not yet keyed (before `gremium init` / `db upgrade` sealed it)
    source: KeySource | None = session.info.get(KEYS)
    ring = source.keyring() if source is not None else None
    key = ring.get(kid) if ring is not None else None
    if key is None:
        path = source.path if source is not None else None
        raise ConfigurationError("audit.key.missing", key_id=kid, path=str(path or "-"))
    return key


def _attach(records: list[AuditRecord], digests: dict[str, str | None]) -> None:
    """Each digest goes to the record about that very entity if there is one, else to
    the transaction's last record: all of them describe the state at commit."""
    by_entity = {
        audit_digests.entity_key(r.entity_type, r.entity_id): r
        for r in records
        if r.entity_id is not None
    }
    for key, digest in digests.items():
        record = by_entity.get(key, records[-1])
        record.digests = {**(record.digests or {}), key: digest}


def _unattributed_write(touched: list[str]) -> AuditRecord:
    # Every service audits what it changes; a protected row written without a
    # record still gets its digest on the chain, marked for what it is.
    table, row_id = audit_digests.split_key(touched[0])
    _log.warning("protected rows written without an audit record: %s", ", ".join(touched))
    return AuditRecord(
        at=dt.datetime.now(dt.UTC),
        actor=SYSTEM,
        actor_id=None,
        committee_id=None,
        entity_type=table,
        entity_id=row_id,
        action="entity.write",
        from_state=None,
        to_state=None,
        outcome="done",
        details={"rows": touched},
    )


_COLUMNS = tuple(c.key for c in table_of(AuditRecord).columns if c.key != "id")


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, previous_transaction: SessionTransaction) -> None:
    for name in (_PENDING, audit_digests.TOUCHED):
        entries = session.info.get(name)
        if entries:
            entries[:] = [
                (item, scope) for item, scope in entries if not _within(scope, previous_transaction)
            ]


@event.listens_for(Session, "after_transaction_end")
def _forget_at_end(session: Session, transaction: SessionTransaction) -> None:
    # A transaction closed without a rollback (Session.close()) ends here too:
    # its records must not be chained by the session's next transaction.
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
        session.info.pop(audit_digests.TOUCHED, None)
        session.info.pop(_KEY_AFTER, None)


def _within(scope: SessionTransaction | None, transaction: SessionTransaction) -> bool:
    while scope is not None:
        if scope is transaction:
            return True
        scope = scope.parent
    return transaction.parent is None  # the whole transaction: nothing survives


def actor_label(person_id: int) -> str:
    """How a record names the acting person: by id, never by name or address."""
    return f"person:{person_id}"


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _without_addresses(value: Any) -> Any:
    # A safety net under the services, which refer to people by id: an address
    # inside free text (a refusal's reason, a relay's error) stays out too.
    if isinstance(value, str):
        return _ADDRESS.sub("<e-mail>", value)
    if isinstance(value, list):
        return [_without_addresses(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_addresses(v) for k, v in value.items()}
    return value


def _jsonable(value: Any) -> Any:
    # Round-trip through JSON so the hash is computed over exactly what is stored.
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


# --- the head as a witness; keying the chain ---


def current_head(session: Session) -> tuple[int, str]:
    """The chain's committed head (position, hash): what a minutes PDF or mail carries as witness.

    Read without a lock: the records of the reading transaction itself are
    chained only at its commit, so this is the head before it.
    """
    row = session.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)
    ).one_or_none()
    if row is None:
        _head_missing()
    return int(row.seq), str(row.hash)


def head_key_id(session: Session) -> str | None:
    row = session.execute(select(AuditHead.key_id).where(AuditHead.id == 1)).one_or_none()
    if row is None:
        _head_missing()
    return row.key_id


def _head_missing() -> NoReturn:
    """A damaged database (the head row deleted): one line, every write refused."""
    from governance.errors import ConfigurationError

    raise ConfigurationError("error.audit_head_missing")


def switch_key(session: Session, kid: str) -> None:
    """From this transaction's commit on, the chain is sealed with key *kid*.

    On a chain not yet keyed, this transaction's records are the first sealed
    with it; on a keyed chain (a rotation) they are still sealed with the old
    key, which proves the rotation was made by someone holding it.
    """
    session.info[_KEY_AFTER] = kid


def baseline(session: Session) -> list[str]:
    """Protected rows the chain holds no digest of (rows written before digests were
    recorded): they are put on record with the next commit, as they stand then."""
    covered: set[str] = set()
    for digests in session.execute(
        select(AuditRecord.digests).where(AuditRecord.digests.is_not(None))
    ).scalars():
        covered.update(digests or {})
    missing = [
        audit_digests.entity_key(name, row_id)
        for name, table in audit_digests.PROTECTED.items()
        for row_id in session.execute(select(table.c.id).order_by(table.c.id)).scalars()
        if audit_digests.entity_key(name, row_id) not in covered
    ]
    scope = session.get_nested_transaction() or session.get_transaction()
    audit_digests.touched(session).extend((key, scope) for key in missing)
    return missing


# Verification lives in its own module; `audit.verify` stays the entry point.
from governance.audit_verify import (  # noqa: E402
    ChainProblem,
    EntityProblem,
    VerifyResult,
    verify,
)

__all__ = [
    "GENESIS",
    "KEYS",
    "SYSTEM",
    "ChainProblem",
    "EntityProblem",
    "VerifyResult",
    "append",
    "baseline",
    "current_head",
    "head_key_id",
    "pending",
    "record_hash",
    "switch_key",
    "verify",
]
