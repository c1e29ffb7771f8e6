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


def statements(conn: Connection, entity_type: str, entity_id: int, action: str) -> list[Any]:
    """What organisations said by an audited action without a table of its own (a party's
    paper on its way, an agreement with the minutes): the records done, in order, each
    with ``at``, ``details``, ``organisation`` (short name, "?" if gone) and ``person``
    (the actor's name now, else the label recorded)."""
    a, o, p = tables.audit_records.c, tables.organisations.c, tables.people.c
    records = conn.execute(
        select(a.at, a.actor, a.actor_id, a.details)
        .where(
            a.entity_type == entity_type,
            a.entity_id == entity_id,
            a.action == action,
            a.outcome == "done",
        )
        .order_by(a.seq)
    ).all()
    if not records:
        return []
    ids = {(r.details or {}).get("organisation_id") for r in records} - {None}
    names = dict(conn.execute(select(o.id, o.short_name).where(o.id.in_(ids))).all())
    people = dict(
        conn.execute(
            select(p.id, p.name).where(p.id.in_({r.actor_id for r in records} - {None}))
        ).all()
    )
    return [
        {
            "at": r.at,
            "details": r.details or {},
            "organisation": names.get((r.details or {}).get("organisation_id"), "?"),
            "person": people.get(r.actor_id, r.actor),
        }
        for r in records
    ]
