"""Meetings as ``meeting list`` shows them (Core, plain dicts)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from governance.reads import tables

SUMMARY = (
    ("id", "id"),
    ("number", "number"),
    ("title", "title"),
    ("state", "state"),
    ("starts_at", "starts_at"),
    ("ends_at", "ends_at"),
    ("location", "location"),
    ("series_id", "series_id"),
    ("schedule_note", "schedule_note"),
    ("repeat_of", "repeat_of_id"),
)
"""A meeting's summary: (key shown, column); services/meeting_views.summary uses it too."""


def meetings(conn: Connection, committee_id: int, state: str | None = None) -> list[dict[str, Any]]:
    """The summaries of *committee_id*'s meetings (in *state*), by start."""
    m = tables.meetings.c
    stmt = (
        select(*(m[name].label(key) for key, name in SUMMARY))
        .where(m.committee_id == committee_id)
        .order_by(m.starts_at, m.id)
    )
    if state is not None:
        stmt = stmt.where(m.state == state)
    return [dict(r) for r in conn.execute(stmt).mappings()]
