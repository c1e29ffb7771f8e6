"""Timers as ``timers list`` shows them (Core, plain dicts)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from governance.reads import tables

_t = tables.timers.c


def timers(conn: Connection, status: str, committee_id: int | None = None) -> list[dict[str, Any]]:
    """Timers of *status*: pending ones by due time (the next first); failed or
    skipped ones newest first (the error in ``last_error``, the reason in ``skip_reason``)."""
    order = (_t.due_at, _t.id) if status == "pending" else (_t.id.desc(),)
    stmt = select(tables.timers).where(_t.status == status).order_by(*order)
    if committee_id is not None:
        stmt = stmt.where(_t.committee_id == committee_id)
    return [dict(r) for r in conn.execute(stmt).mappings()]
