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
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session, SessionTransaction

from governance.models import AuditHead, AuditRecord

GENESIS = "0" * 64
SYSTEM = "system"
_PENDING = "gremium.audit.pending"
"""Key in ``Session.info``: records appended in this transaction, not yet chained."""


def _canonical(record: AuditRecord) -> bytes:
    payload = {
        "seq": record.seq,
        "at": record.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor": record.actor,
        "actor_id": record.actor_id,
        "committee_id": record.committee_id,
        "entity_type": record.entity_type,
        "entity_id": record.entity_id,
        "action": record.action,
        "from_state": record.from_state,
        "to_state": record.to_state,
        "outcome": record.outcome,
        "details": record.details,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()


def record_hash(prev_hash: str, record: AuditRecord) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + _canonical(record)).hexdigest()


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
        actor=actor,
        actor_id=actor_id,
        committee_id=committee_id,
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        from_state=from_state,
        to_state=to_state,
        outcome=outcome,
        details=_jsonable(details or {}),
    )
    scope = session.get_nested_transaction() or session.get_transaction()
    session.info.setdefault(_PENDING, []).append((record, scope))
    return record


def pending(session: Session) -> list[AuditRecord]:
    """The records appended in *session*'s open transaction, to be chained at its commit."""
    return [record for record, _ in session.info.get(_PENDING, [])]


@event.listens_for(Session, "before_commit")
def _chain_at_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint: the outer commit chains
        return
    records = pending(session)
    session.info.pop(_PENDING, None)
    if not records:
        return
    # Flush the transaction's own changes (and take their row locks) before
    # the head: the head is then held only for the inserts below and the commit.
    session.flush()
    head = session.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1).with_for_update()
    ).one_or_none()
    if head is None:  # a damaged database: refuse the write, say so in one line
        from governance.errors import ConfigurationError

        raise ConfigurationError("error.audit_head_missing")
    seq, prev_hash = head
    rows = []
    for record in records:
        record.seq, record.prev_hash = seq + 1, prev_hash
        record.hash = record_hash(prev_hash, record)
        seq, prev_hash = record.seq, record.hash
        rows.append({column: getattr(record, column) for column in _COLUMNS})
    # Written as rows, not through the unit of work: the records are complete
    # and never change, so the session's change tracking would be pure cost.
    connection = session.connection()
    connection.execute(insert(AuditRecord.__table__), rows)
    connection.execute(
        update(AuditHead.__table__).where(AuditHead.id == 1).values(seq=seq, hash=prev_hash)
    )


_COLUMNS = tuple(c.key for c in AuditRecord.__table__.columns if c.key != "id")


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, previous_transaction: SessionTransaction) -> None:
    entries = session.info.get(_PENDING)
    if entries:
        entries[:] = [
            (record, scope) for record, scope in entries if not _within(scope, previous_transaction)
        ]


@event.listens_for(Session, "after_transaction_end")
def _forget_at_end(session: Session, transaction: SessionTransaction) -> None:
    # A transaction closed without a rollback (Session.close()) ends here too:
    # its records must not be chained by the session's next transaction.
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


def _within(scope: SessionTransaction | None, transaction: SessionTransaction) -> bool:
    while scope is not None:
        if scope is transaction:
            return True
        scope = scope.parent
    return transaction.parent is None  # the whole transaction: nothing survives


def _jsonable(value: Any) -> Any:
    # Round-trip through JSON so the hash is computed over exactly what is stored.
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


@dataclasses.dataclass(frozen=True)
class ChainProblem:
    seq: int | None
    record_id: int | None
    problem: str
    """edited, missing, reordered, or head_mismatch."""

    def describe(self, lang: str = "de") -> str:
        from governance.i18n import translate

        return translate(f"audit.problem.{self.problem}", lang, seq=self.seq, id=self.record_id)


@dataclasses.dataclass(frozen=True)
class VerifyResult:
    checked: int
    problems: list[ChainProblem]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, batch: int = 5000) -> VerifyResult:
    """Walk the chain in its order and report every broken link.

    - a gap in the positions: a record was deleted (missing);
    - a record whose hash does not match its content: edited;
    - a valid record that does not link to its predecessor, or that was
      written before its predecessor (smaller id): reordered;
    - the chain head not matching the last record: records at the end were
      deleted or altered.
    """
    problems: list[ChainProblem] = []
    prev_hash = GENESIS
    prev_id = 0
    expected_seq = 1
    checked = 0
    for record in _in_chain_order(session, batch):
        checked += 1
        if record.seq > expected_seq:
            problems.append(ChainProblem(expected_seq, record.id, "missing"))
        content_ok = record_hash(record.prev_hash, record) == record.hash
        if not content_ok:
            problems.append(ChainProblem(record.seq, record.id, "edited"))
        elif record.id < prev_id or (record.seq == expected_seq and record.prev_hash != prev_hash):
            problems.append(ChainProblem(record.seq, record.id, "reordered"))
        prev_hash = record.hash
        prev_id = record.id
        expected_seq = record.seq + 1
    head = session.get(AuditHead, 1)
    if head is not None and (head.seq != expected_seq - 1 or head.hash != prev_hash):
        problems.append(ChainProblem(head.seq, None, "head_mismatch"))
    return VerifyResult(checked=checked, problems=problems)


def _in_chain_order(session: Session, batch: int) -> Iterator[AuditRecord]:
    last_seq = -(2**62)
    while True:
        rows = (
            session.execute(
                select(AuditRecord)
                .where(AuditRecord.seq > last_seq)
                .order_by(AuditRecord.seq)
                .limit(batch)
            )
            .scalars()
            .all()
        )
        if not rows:
            return
        yield from rows
        last_seq = rows[-1].seq
        session.expunge_all()
