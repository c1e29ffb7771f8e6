"""The figures of an annual report (Jahresbericht) of one committee for one year
(Core, plain dicts): meetings, decisions, attendance, action items, accessions and
withdrawals, agreement versions.

The year is the calendar year in Berlin. A report may be asked for while its
year is still running: then open and overdue action items are counted as of
*today*, else as of the year's last day (``as_of``). An action item counts for
the year when it was made before the year ended and was not settled (done or
dropped) before the year began.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from governance.clock import BERLIN
from governance.reads import tables
from governance.reads.decisions import register

HELD = ("in_session", "closed")
"""A meeting that was opened has been held (services.minutes.HELD)."""
PRESENT = ("present", "represented")
"""Attendance statuses that count as taking part (in person or by the deputy)."""
STATUSES = ("present", "represented", "excused", "absent")
"""The attendance statuses in the order the chart stacks them."""
ATTENDING_ROLES = ("chair", "member", "advisory")
"""The member organisations whose attendance the report counts (guests are not members)."""
MAJORITIES = ("simple", "two_thirds", "unanimity")
DECISION_KINDS = ("meeting", "written")
"""Taken in a meeting or in writing (Umlaufverfahren)."""


def year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    """The first moment of *year* in Berlin and of the year after, as aware moments."""
    return (
        dt.datetime(year, 1, 1, tzinfo=BERLIN),
        dt.datetime(year + 1, 1, 1, tzinfo=BERLIN),
    )


def as_of_day(year: int, today: dt.date) -> dt.date:
    """The day open and overdue are counted on: *today* in a running year, else 31 December."""
    return min(today, dt.date(year, 12, 31))


def committee_figures(
    conn: Connection, committee_id: int, year: int, today: dt.date
) -> dict[str, Any]:
    """Every figure of the annual report of *committee_id* for *year* (see the module)."""
    c = tables.committees.c
    head = conn.execute(select(c.id, c.name, c.short_name).where(c.id == committee_id)).one()
    as_of = as_of_day(year, today)
    meetings = _meetings(conn, committee_id, year)
    return {
        "committee": {"id": head.id, "name": head.name, "short_name": head.short_name},
        "year": year,
        "as_of": as_of,
        "meetings": meetings,
        "meeting_counts": _meeting_counts(meetings),
        "decisions": _decisions(conn, committee_id, year),
        "attendance": _attendance(conn, committee_id, [m for m in meetings if m["held"]]),
        "action_items": _action_items(conn, committee_id, year, as_of),
        "members": _members(conn, committee_id, year, as_of),
        "agreement_versions": _agreement_versions(conn, committee_id, year),
    }


def _meetings(conn: Connection, committee_id: int, year: int) -> list[dict[str, Any]]:
    m = tables.meetings.c
    start, end = year_bounds(year)
    rows = conn.execute(
        select(m.id, m.number, m.title, m.state, m.starts_at, m.quorate_at_opening, m.repeat_of_id)
        .where(m.committee_id == committee_id, m.starts_at >= start, m.starts_at < end)
        .order_by(m.starts_at, m.id)
    ).mappings()
    return [
        {
            **dict(r),
            "day": r["starts_at"].astimezone(BERLIN).date(),
            "held": r["state"] in HELD,
            "not_quorate": r["state"] in HELD and r["quorate_at_opening"] is False,
            "repeat": r["repeat_of_id"] is not None,
        }
        for r in rows
    ]


def _meeting_counts(meetings: list[dict[str, Any]]) -> dict[str, int]:
    return {
        "held": sum(m["held"] for m in meetings),
        "not_quorate": sum(m["not_quorate"] for m in meetings),
        "repeat": sum(m["repeat"] and m["held"] for m in meetings),
        "not_held": sum(m["state"] == "not_held" for m in meetings),
        "cancelled": sum(m["state"] == "cancelled" for m in meetings),
        "planned": sum(m["state"] in ("planned", "convened") for m in meetings),
    }


def _decisions(conn: Connection, committee_id: int, year: int) -> dict[str, Any]:
    """The register of the year, and its entries counted by kind, majority and result."""
    entries = register(conn, committee_id, year)
    by: Counter[tuple[str, str]] = Counter()
    results: Counter[tuple[str, bool]] = Counter()
    for entry in entries:
        kind = "written" if entry["written_procedure"] is not None else "meeting"
        by[(kind, entry["majority"])] += 1
        results[(kind, bool(entry["carried"]))] += 1
    rows = [
        {
            "kind": kind,
            "majorities": {majority: by[(kind, majority)] for majority in MAJORITIES},
            "carried": results[(kind, True)],
            "rejected": results[(kind, False)],
            "total": results[(kind, True)] + results[(kind, False)],
        }
        for kind in DECISION_KINDS
    ]
    return {
        "rows": rows,
        "total": len(entries),
        "carried": sum(r["carried"] for r in rows),
        "rejected": sum(r["rejected"] for r in rows),
        "entries": entries,
    }


def _attendance(
    conn: Connection, committee_id: int, held: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Per member organisation: of the held meetings while it was a member, how many it
    attended in person, by its deputy, excused or absent (absent: nothing recorded)."""
    ms, o = tables.memberships.c, tables.organisations.c
    memberships = conn.execute(
        select(ms.organisation_id, o.short_name, o.name, ms.starts_on, ms.ends_on)
        .join_from(tables.memberships, tables.organisations, o.id == ms.organisation_id)
        .where(ms.committee_id == committee_id, ms.role.in_(ATTENDING_ROLES))
        .order_by(ms.id)
    ).all()
    a = tables.attendance.c
    recorded: dict[tuple[int, int], str] = {}
    if held:
        for meeting_id, organisation_id, status in conn.execute(
            select(a.meeting_id, a.organisation_id, a.status).where(
                a.meeting_id.in_([m["id"] for m in held]), a.organisation_id.is_not(None)
            )
        ):
            recorded[(meeting_id, organisation_id)] = status
    rows: dict[int, dict[str, Any]] = {}
    for membership in memberships:
        for meeting in held:
            day = meeting["day"]
            if not (
                membership.starts_on <= day
                and (membership.ends_on is None or day < membership.ends_on)
            ):
                continue
            row = rows.setdefault(
                membership.organisation_id,
                {
                    "organisation": membership.short_name,
                    "organisation_name": membership.name,
                    "meetings": 0,
                    **dict.fromkeys(STATUSES, 0),
                },
            )
            status = recorded.get((meeting["id"], membership.organisation_id), "absent")
            row[status if status in STATUSES else "absent"] += 1
            row["meetings"] += 1
    for row in rows.values():
        took_part = row["present"] + row["represented"]
        row["took_part"] = took_part
        row["percent"] = round(100 * took_part / row["meetings"]) if row["meetings"] else 0
    return sorted(rows.values(), key=lambda r: r["organisation"].lower())


def _action_items(conn: Connection, committee_id: int, year: int, as_of: dt.date) -> dict[str, Any]:
    a = tables.action_items.c
    _, end = year_bounds(year)
    first = dt.date(year, 1, 1)
    rows = conn.execute(
        select(a.id, a.state, a.due_on, a.done_on).where(
            a.committee_id == committee_id,
            a.created_at < end,
            or_(a.state == "open", a.done_on.is_(None), a.done_on >= first),
        )
    ).all()
    counts = {"done": 0, "open": 0, "overdue": 0, "dropped": 0}
    for row in rows:
        if row.state == "open" or (row.done_on is not None and row.done_on > as_of):
            counts["overdue" if row.due_on < as_of else "open"] += 1
        elif row.state == "done":
            counts["done"] += 1
        else:
            counts["dropped"] += 1
    counts["total"] = sum(counts.values())
    return counts


def _members(conn: Connection, committee_id: int, year: int, as_of: dt.date) -> dict[str, Any]:
    """Members at the start of the year and on *as_of* (its end, or today in a running
    year), who joined by accession, who left and who gave notice (leaving later)."""
    ms, o = tables.memberships.c, tables.organisations.c
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = conn.execute(
        select(
            ms.organisation_id,
            o.short_name,
            o.name,
            ms.role,
            ms.starts_on,
            ms.ends_on,
            ms.notice_given_on,
        )
        .join_from(tables.memberships, tables.organisations, o.id == ms.organisation_id)
        .where(ms.committee_id == committee_id)
        .order_by(ms.id)
    ).all()

    def member_on(row: Any, day: dt.date) -> bool:
        return bool(row.starts_on <= day and (row.ends_on is None or day < row.ends_on))

    ap = tables.accession_applications.c
    accessions = [
        {"organisation": r.short_name, "organisation_name": r.name, "on": r.member_from}
        for r in conn.execute(
            select(o.short_name, o.name, ap.member_from)
            .join_from(
                tables.accession_applications, tables.organisations, o.id == ap.organisation_id
            )
            .where(
                ap.committee_id == committee_id,
                ap.state == "joined",
                and_(ap.member_from >= first, ap.member_from <= last),
            )
            .order_by(ap.member_from, o.short_name)
        )
    ]
    withdrawals = [
        {
            "organisation": r.short_name,
            "organisation_name": r.name,
            "notice_on": r.notice_given_on,
            "ends_on": r.ends_on,
            "left": r.ends_on is not None and r.ends_on <= last,
        }
        for r in rows
        if r.notice_given_on is not None
        and (
            first <= r.notice_given_on <= last
            or (r.ends_on is not None and first <= r.ends_on <= last)
        )
    ]
    return {
        "at_start": sum(member_on(r, first) for r in rows if r.role != "guest"),
        "at_end": sum(member_on(r, as_of) for r in rows if r.role != "guest"),
        "accessions": accessions,
        "withdrawals": withdrawals,
    }


def _agreement_versions(conn: Connection, committee_id: int, year: int) -> list[dict[str, Any]]:
    """The versions of the committee's agreement opened, decided or in force from in *year*."""
    v, ag = tables.agreement_versions.c, tables.agreements.c
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    start, end = year_bounds(year)
    rows = conn.execute(
        select(
            ag.title,
            v.number,
            v.state,
            v.opened_at,
            v.decided_on,
            v.in_force_from,
            v.ended_on,
            v.decision_reference,
        )
        .join_from(tables.agreement_versions, tables.agreements, ag.id == v.agreement_id)
        .where(
            ag.committee_id == committee_id,
            or_(
                and_(v.opened_at >= start, v.opened_at < end),
                and_(v.decided_on >= first, v.decided_on <= last),
                and_(v.in_force_from >= first, v.in_force_from <= last),
            ),
        )
        .order_by(ag.id, v.number)
    ).mappings()
    return [dict(r) for r in rows]


def report_years(conn: Connection, committee_id: int) -> list[int]:
    """The years there is something to report of: a meeting held or a decision taken
    (in a meeting or in writing), newest first."""
    from governance.reads.decisions import years as decision_years

    m = tables.meetings.c
    found = {
        moment.astimezone(BERLIN).year
        for moment in conn.execute(
            select(m.starts_at).where(m.committee_id == committee_id, m.state.in_(HELD))
        ).scalars()
    }
    return sorted(found | set(decision_years(conn, committee_id)), reverse=True)
