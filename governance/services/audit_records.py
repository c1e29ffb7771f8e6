"""The audit trail as an operator reads it: the last records, of one committee
or one entity, with the people named as the directory knows them now.

Records name people by id (``person:<id>``); the address shown comes from the
directory at the time of reading, so an erased person shows as erased.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.errors import InvalidInput
from governance.models import AuditRecord, Person
from governance.services.directory import committee_by_ref


@dataclasses.dataclass(frozen=True)
class Entry:
    seq: int
    at: dt.datetime
    actor: str
    """The person's e-mail address now, or the label recorded (``system``)."""
    committee_id: int | None
    entity_type: str
    entity_id: int | None
    action: str
    from_state: str | None
    to_state: str | None
    outcome: str
    details: dict[str, Any] | None
    hash: str


def entity_filter(value: str) -> tuple[str, int]:
    """``memberships:3`` as (table, id); anything else is refused with the form expected."""
    kind, sep, ident = value.partition(":")
    if not sep or not kind.strip() or not ident.strip().isdigit():
        raise InvalidInput("cli.audit.entity_format", value=value)
    return kind.strip(), int(ident)


def last_records(
    session: Session,
    *,
    committee_ref: str | None = None,
    entity: str | None = None,
    limit: int = 50,
) -> list[Entry]:
    """The last *limit* records, oldest first; of one committee or one entity where given."""
    if limit < 1:
        raise InvalidInput("cli.limit", value=limit)
    wanted = entity_filter(entity) if entity else None
    stmt = select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(limit)
    if committee_ref is not None:
        committee = committee_by_ref(session, committee_ref)
        stmt = stmt.where(AuditRecord.committee_id == committee.id)
    if wanted is not None:
        stmt = stmt.where(AuditRecord.entity_type == wanted[0], AuditRecord.entity_id == wanted[1])
    records = list(reversed(session.execute(stmt).scalars().all()))
    ids = {r.actor_id for r in records if r.actor_id is not None}
    emails: dict[int, str] = (
        {
            pid: email
            for pid, email in session.execute(
                select(Person.id, Person.email).where(Person.id.in_(ids))
            )
        }
        if ids
        else {}
    )
    return [
        Entry(
            seq=r.seq,
            at=r.at,
            actor=emails.get(r.actor_id, r.actor) if r.actor_id is not None else r.actor,
            committee_id=r.committee_id,
            entity_type=r.entity_type,
            entity_id=r.entity_id,
            action=r.action,
            from_state=r.from_state,
            to_state=r.to_state,
            outcome=r.outcome,
            details=r.details,
            hash=r.hash,
        )
        for r in records
    ]
