"""Attendance over a committee's meetings (Core, plain dicts): a row per organisation
or guest recorded at a meeting that was held, for the attendance export."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from governance.clock import BERLIN
from governance.reads import tables
from governance.reads.annual_report import HELD, year_bounds


def attendance_register(
    conn: Connection, committee_id: int, year: int | None = None
) -> list[dict[str, Any]]:
    """Who was recorded at each held meeting of *committee_id* (in *year*), by meeting
    and then in the order recorded: organisation, person or guest, role, status, times."""
    a, m, o, p = tables.attendance.c, tables.meetings.c, tables.organisations.c, tables.people.c
    where = [m.committee_id == committee_id, m.state.in_(HELD)]
    if year is not None:
        start, end = year_bounds(year)
        where += [m.starts_at >= start, m.starts_at < end]
    rows = conn.execute(
        select(
            m.number.label("meeting_number"),
            m.title.label("meeting_title"),
            m.starts_at,
            o.short_name.label("organisation"),
            p.name.label("person"),
            a.guest_name,
            a.role,
            a.voting,
            a.status,
            a.arrived_at,
            a.departed_at,
        )
        .join_from(tables.attendance, tables.meetings, m.id == a.meeting_id)
        .outerjoin(tables.organisations, o.id == a.organisation_id)
        .outerjoin(tables.people, p.id == a.person_id)
        .where(*where)
        .order_by(m.starts_at, m.id, a.id)
    ).mappings()
    return [{**dict(r), "day": r["starts_at"].astimezone(BERLIN).date()} for r in rows]
