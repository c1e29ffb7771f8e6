"""The outbox as ``outbox list`` shows it: the newest messages, oldest first (Core)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from governance.reads import tables

COLUMNS = (
    "id",
    "status",
    "notification",
    "recipient",
    "subject",
    "message_id",
    "created_at",
    "next_attempt_at",
    "sent_at",
    "attempts",
    "last_error",
    "purpose",
    "skip_reason",
)


def newest(conn: Connection, limit: int, status: str | None = None) -> list[dict[str, Any]]:
    """The *limit* newest messages (of *status*), oldest first; the skip reason as stored."""
    o = tables.outbox.c
    stmt = select(*(o[name] for name in COLUMNS)).order_by(o.id.desc()).limit(limit)
    if status is not None:
        stmt = stmt.where(o.status == status)
    return [dict(r) for r in reversed(conn.execute(stmt).mappings().all())]
