"""What stands across the committees of an action area or a programme (Core,
plain dicts): upcoming meetings, the decisions of a period, open and overdue
action items, meetings that were not quorate, minutes not yet approved.

One statement per list whatever the number of committees; every row names its
committee (short name), every list is capped at :data:`LIMIT` rows (the list
says when it was cut). The committees come from
:func:`governance.reads.programmes.committee_ids_of_area` or ``..._of_programme``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Select, select

from governance.clock import BERLIN
from governance.reads import tables

LIMIT = 500
"""Rows per list at most (an area has a handful of committees; a programme of
13 areas a few dozen: a year of them stays far below)."""

SECTIONS = ("upcoming", "decisions", "action_items", "not_quorate", "minutes_pending")
"""The lists of an overview, in the order pages and listings show them."""

UPCOMING_STATES = ("planned", "convened", "in_session")
PENDING_MINUTES = ("drafting", "circulated")


def overview(
    conn: Connection,
    committee_ids: list[int],
    *,
    now: dt.datetime,
    since: dt.date,
    until: dt.date,
) -> dict[str, Any]:
    """The five lists for the committees *committee_ids*; decisions and meetings that
    were not quorate from *since* to *until* (both days included), the rest as of *now*."""
    today = now.date()
    c = tables.committees.c
    m = tables.meetings.c
    d = tables.decisions.c
    a = tables.action_items.c
    mi = tables.minutes.c
    o, p = tables.organisations.c, tables.people.c
    ids = list(committee_ids)
    upcoming = _rows(
        conn,
        select(
            m.id,
            c.short_name.label("committee"),
            c.id.label("committee_id"),
            m.number,
            m.title,
            m.state,
            m.starts_at,
            m.location,
        )
        .join(tables.committees, c.id == m.committee_id)
        .where(m.committee_id.in_(ids), m.state.in_(UPCOMING_STATES), m.starts_at >= _start(today))
        .order_by(m.starts_at, m.id),
    )
    decisions = _rows(
        conn,
        select(
            d.id,
            c.short_name.label("committee"),
            c.id.label("committee_id"),
            d.reference,
            d.decided_on,
            d.text,
            d.carried,
            d.meeting_id,
            d.seq,
        )
        .join(tables.committees, c.id == d.committee_id)
        .where(d.committee_id.in_(ids), d.decided_on >= since, d.decided_on <= until)
        .order_by(d.decided_on, d.committee_id, d.seq),
    )
    for row in decisions["rows"]:
        row["written_procedure"] = None
    # decisions taken in writing (Umlaufverfahren) carry their number of the same register
    w = tables.written_procedures.c
    written = _rows(
        conn,
        select(
            w.id.label("written_procedure"),
            c.short_name.label("committee"),
            c.id.label("committee_id"),
            w.reference,
            w.ended_at,
            w.text,
            w.carried,
            w.seq,
        )
        .join(tables.committees, c.id == w.committee_id)
        .where(
            w.committee_id.in_(ids),
            w.reference.is_not(None),
            w.ended_at >= _start(since),
            w.ended_at < _start(until + dt.timedelta(days=1)),
        )
        .order_by(w.ended_at, w.id),
    )
    for row in written["rows"]:
        row["decided_on"] = row.pop("ended_at").astimezone(BERLIN).date()
        row["id"] = None
        row["meeting_id"] = None
    merged = sorted(
        decisions["rows"] + written["rows"],
        key=lambda r: (r["decided_on"], r["committee"], r["seq"] or 0),
    )
    for row in merged:
        del row["seq"]
    decisions = {
        "rows": merged[:LIMIT],
        "truncated": decisions["truncated"] or written["truncated"] or len(merged) > LIMIT,
    }
    items = _rows(
        conn,
        select(
            a.id,
            c.short_name.label("committee"),
            c.id.label("committee_id"),
            a.what,
            o.short_name.label("owner_organisation"),
            p.name.label("owner_person"),
            a.due_on,
            a.meeting_id,
        )
        .join(tables.committees, c.id == a.committee_id)
        .outerjoin(tables.organisations, o.id == a.owner_organisation_id)
        .outerjoin(tables.people, p.id == a.owner_person_id)
        .where(a.committee_id.in_(ids), a.state == "open")
        .order_by(a.due_on, a.id),
    )
    for row in items["rows"]:
        row["who"] = row["owner_person"] or row["owner_organisation"] or "—"
        row["overdue"] = row["due_on"] < today
    not_quorate = _rows(
        conn,
        select(
            m.id,
            c.short_name.label("committee"),
            c.id.label("committee_id"),
            m.number,
            m.title,
            m.starts_at,
            m.state,
        )
        .join(tables.committees, c.id == m.committee_id)
        .where(
            m.committee_id.in_(ids),
            m.quorate_at_opening.is_(False),
            m.starts_at >= _start(since),
            m.starts_at < _start(until + dt.timedelta(days=1)),
        )
        .order_by(m.starts_at, m.id),
    )
    pending = _rows(
        conn,
        select(
            mi.id,
            c.short_name.label("committee"),
            c.id.label("committee_id"),
            mi.meeting_id,
            m.number.label("meeting_number"),
            m.title.label("meeting_title"),
            m.starts_at.label("meeting_starts_at"),
            mi.state,
            mi.circulated_at,
            mi.objection_deadline_at,
        )
        .join(tables.committees, c.id == mi.committee_id)
        .join(tables.meetings, m.id == mi.meeting_id)
        .where(mi.committee_id.in_(ids), mi.state.in_(PENDING_MINUTES))
        .order_by(m.starts_at, mi.id),
    )
    return {
        "since": since,
        "until": until,
        "committees": _committees(conn, ids),
        "upcoming": upcoming,
        "decisions": decisions,
        "action_items": items,
        "overdue": sum(1 for r in items["rows"] if r["overdue"]),
        "not_quorate": not_quorate,
        "minutes_pending": pending,
    }


def _start(day: dt.date) -> dt.datetime:
    """The first moment of *day* in Berlin, as an aware moment."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=BERLIN)


def _rows(conn: Connection, stmt: Select[Any]) -> dict[str, Any]:
    rows = [dict(r) for r in conn.execute(stmt.limit(LIMIT + 1)).mappings()]
    return {"rows": rows[:LIMIT], "truncated": len(rows) > LIMIT}


def _committees(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    c = tables.committees.c
    return [
        dict(r)
        for r in conn.execute(
            select(c.id, c.short_name, c.name).where(c.id.in_(ids)).order_by(c.short_name)
        ).mappings()
    ]
