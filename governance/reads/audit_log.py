"""The audit trail as ``audit log`` shows it: the last records, oldest first (Core)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from governance.reads import tables


def last_records(
    conn: Connection,
    limit: int,
    committee_id: int | None = None,
    entity: tuple[str, int] | None = None,
) -> list[dict[str, Any]]:
    """The *limit* newest records (of *committee_id*, of *entity*), oldest first.

    Records name people by id; who that is comes from the directory now (an
    erased person shows as erased), the name as recorded where there is no id."""
    a = tables.audit_records.c
    stmt = (
        select(
            a.seq,
            a.at,
            a.actor_id,
            a.actor,
            a.committee_id,
            a.entity_type,
            a.entity_id,
            a.action,
            a.from_state,
            a.to_state,
            a.outcome,
            a.details,
            a.hash,
        )
        .order_by(a.seq.desc())
        .limit(limit)
    )
    if committee_id is not None:
        stmt = stmt.where(a.committee_id == committee_id)
    if entity is not None:
        stmt = stmt.where(a.entity_type == entity[0], a.entity_id == entity[1])
    records = [dict(r) for r in reversed(conn.execute(stmt).mappings().all())]
    ids = {r["actor_id"] for r in records if r["actor_id"] is not None}
    p = tables.people.c
    emails = dict(conn.execute(select(p.id, p.email).where(p.id.in_(ids))).all()) if ids else {}
    for r in records:
        actor_id = r.pop("actor_id")
        if actor_id is not None:
            r["actor"] = emails.get(actor_id, r["actor"])
    return records
