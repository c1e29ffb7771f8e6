"""Verifying the audit trail: the chain, the protected rows, the witnesses.

See :mod:`governance.audit` for what the chain is and how it is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from governance import audit_digests
from governance.audit_hash import GENESIS, KEYS, record_hash
from governance.audit_keys import KeySource
from governance.audit_witness import Witness
from governance.reads import tables

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclasses.dataclass(frozen=True)
class ChainProblem:
    seq: int | None
    record_id: int | None
    problem: str
    """edited, missing, reordered, head_mismatch, unkeyed, key_unknown, or for a
    witness: witness_mismatch, truncated."""
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def describe(self, lang: str = "de") -> str:
        from governance.i18n import translate

        return translate(
            f"audit.problem.{self.problem}", lang, seq=self.seq, id=self.record_id, **self.params
        )


@dataclasses.dataclass(frozen=True)
class EntityProblem:
    """A protected row that differs from what the chain last recorded about it."""

    entity_type: str
    entity_id: int
    problem: str
    """changed (content differs), unrecorded (no audited digest), deleted (row gone)."""
    seq: int | None
    """The record that holds the last audited digest."""

    def describe(self, lang: str = "de") -> str:
        from governance.i18n import translate

        return translate(
            f"audit.entity.{self.problem}",
            lang,
            entity=translate(f"audit.kind.{self.entity_type}", lang),
            id=self.entity_id,
            seq=self.seq,
        )


@dataclasses.dataclass(frozen=True)
class VerifyResult:
    checked: int
    problems: list[ChainProblem]
    entity_problems: list[EntityProblem] = dataclasses.field(default_factory=list)
    entities_checked: int = 0
    witnesses_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and not self.entity_problems

    def describe_all(self, lang: str = "de") -> list[str]:
        return [p.describe(lang) for p in self.problems] + [
            p.describe(lang) for p in self.entity_problems
        ]


def verify(
    session: Session,
    batch: int = 5000,
    *,
    witnesses: Iterable[Witness] = (),
    entities: bool = True,
) -> VerifyResult:
    """:func:`verify_reading` in *session*'s transaction, with its key source."""
    session.flush()
    return verify_reading(
        session.connection(),
        session.info.get(KEYS),
        batch,
        witnesses=witnesses,
        entities=entities,
    )


def verify_reading(
    conn: Connection,
    source: KeySource | None,
    batch: int = 5000,
    *,
    witnesses: Iterable[Witness] = (),
    entities: bool = True,
) -> VerifyResult:
    """Walk the chain in its order and report every broken link, then compare
    the protected rows with their last audited digests and the chain with
    the heads witnesses hold.

    - a gap in the positions: a record was deleted (missing);
    - a record whose hash (HMAC with the chain's key) does not match its
      content: edited, or written by someone without the key;
    - a valid record that does not link to its predecessor, or that was
      written before its predecessor (smaller id): reordered;
    - an unkeyed record after the chain was keyed: unkeyed;
    - the chain head not matching the last record: records at the end were
      deleted or altered;
    - a witness (position and hash from a mail or a minutes PDF) the chain
      does not contain: the chain was cut off (truncated) or rebuilt.
    """
    ring = source.keyring() if source is not None else None
    wanted: dict[int, list[Witness]] = {}
    for witness in witnesses:
        wanted.setdefault(witness.seq, []).append(witness)
    found_hashes: dict[int, str] = {}
    audited: dict[str, tuple[str | None, int]] = {}
    problems: list[ChainProblem] = []
    unknown_keys: set[str] = set()
    keyed = False
    prev_hash = GENESIS
    prev_id = 0
    expected_seq = 1
    checked = 0
    for record in _in_chain_order(conn, batch):
        checked += 1
        if record.seq > expected_seq:
            problems.append(ChainProblem(expected_seq, record.id, "missing"))
        key: bytes | None = None
        if record.key_id is None:
            if keyed:  # a downgrade: written by someone who does not hold the key
                problems.append(ChainProblem(record.seq, record.id, "unkeyed"))
        else:
            keyed = True
            key = ring.get(record.key_id) if ring is not None else None
            if key is None and record.key_id not in unknown_keys:
                unknown_keys.add(record.key_id)
                problems.append(
                    ChainProblem(
                        record.seq,
                        record.id,
                        "key_unknown",
                        {"key_id": record.key_id, "path": str(source.path if source else "-")},
                    )
                )
        content_ok = (key is None and record.key_id is not None) or (
            record_hash(record.prev_hash, record, key) == record.hash
        )
        if not content_ok:
            problems.append(ChainProblem(record.seq, record.id, "edited"))
        elif record.id < prev_id or (record.seq == expected_seq and record.prev_hash != prev_hash):
            problems.append(ChainProblem(record.seq, record.id, "reordered"))
        if record.digests:
            for entity, digest in record.digests.items():
                audited[entity] = (digest, record.seq)
        if record.seq in wanted:
            found_hashes[record.seq] = record.hash
        prev_hash = record.hash
        prev_id = record.id
        expected_seq = record.seq + 1
    last_seq = expected_seq - 1
    h = tables.audit_head.c
    head = conn.execute(select(h.seq, h.hash, h.key_id).where(h.id == 1)).one_or_none()
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        problems.append(ChainProblem(head.seq, None, "head_mismatch"))
    if ring is not None and not keyed and (checked or (head is not None and head.key_id)):
        # The installation has a key, yet no record is sealed with it: the chain was
        # rebuilt (or cut back to its unkeyed beginning) by someone without the key.
        problems.append(ChainProblem(last_seq, None, "not_keyed", {"path": str(ring.path)}))
    witnessed = 0
    for seq, held in sorted(wanted.items()):
        witnessed += len(held)
        # Many members hold the same head: one finding per distinct claim.
        by_hash: dict[str, list[Witness]] = {}
        for witness in held:
            by_hash.setdefault(witness.hash, []).append(witness)
        for digest, same in by_hash.items():
            if seq > last_seq:
                problem = "truncated"
            elif found_hashes.get(seq) != digest:
                problem = "witness_mismatch"
            else:
                continue
            holder = same[0].source + (f" (+{len(same) - 1})" if len(same) > 1 else "")
            problems.append(ChainProblem(seq, None, problem, {"source": holder, "last": last_seq}))
    entity_problems: list[EntityProblem] = []
    entities_checked = 0
    if entities:
        entities_checked = _compare_entities(conn, audited, entity_problems, batch)
    return VerifyResult(
        checked=checked,
        problems=problems,
        entity_problems=entity_problems,
        entities_checked=entities_checked,
        witnesses_checked=witnessed,
    )


def _compare_entities(
    conn: Connection,
    audited: dict[str, tuple[str | None, int]],
    problems: list[EntityProblem],
    batch: int,
) -> int:
    """One pass over each protected table, against the digests the chain holds."""
    checked = 0
    for table in audit_digests.PROTECTED:
        for row_id, digest in audit_digests.all_digests(conn, table, batch):
            checked += 1
            last = audited.pop(audit_digests.entity_key(table, row_id), None)
            if last is None:
                problems.append(EntityProblem(table, row_id, "unrecorded", None))
            elif last[0] != digest:
                problems.append(EntityProblem(table, row_id, "changed", last[1]))
    for key, (recorded, seq) in sorted(audited.items(), key=lambda kv: kv[1][1]):
        table, row_id = audit_digests.split_key(key)
        if recorded is not None and table in audit_digests.PROTECTED:
            problems.append(EntityProblem(table, row_id, "deleted", seq))
    return checked


def _in_chain_order(conn: Connection, batch: int) -> Iterator[Any]:
    a = tables.audit_records.c
    columns = (
        a.id,
        a.seq,
        a.at,
        a.actor,
        a.actor_id,
        a.committee_id,
        a.entity_type,
        a.entity_id,
        a.action,
        a.from_state,
        a.to_state,
        a.outcome,
        a.details,
        a.prev_hash,
        a.hash,
        a.key_id,
        a.digests,
    )
    last_seq = -(2**62)
    while True:
        rows = conn.execute(
            select(*columns).where(a.seq > last_seq).order_by(a.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last_seq = rows[-1].seq
