"""What a calendar feed shows (Core, plain dicts): meetings of some committees in a
time window, their minutes' objection periods, and when each last changed.

Only columns a subscriber of the committee may see are selected: no persons,
no addresses, no agenda (an agenda change would otherwise need a new SEQUENCE
that the invitation mails do not carry).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, func, select

from governance.reads import tables

MAX_ENTRIES = 2000
"""At most this many meetings in one feed (a time window bounds it as well)."""


def meetings(
    conn: Connection,
    committee_ids: Collection[int],
    since: dt.datetime,
    until: dt.datetime,
) -> list[dict[str, Any]]:
    """The meetings of *committee_ids* starting in [since, until), by start, with their committee."""
    if not committee_ids:
        return []
    m, c = tables.meetings.c, tables.committees.c
    stmt = (
        select(
            m.id,
            m.committee_id,
            m.title,
            m.state,
            m.starts_at,
            m.ends_at,
            m.location,
            m.sequence,
            m.repeat_of_id,
            m.proposal_deadline_at,
            m.created_at,
            c.name.label("committee"),
            c.short_name.label("committee_short"),
            c.sender_email,
        )
        .join(tables.committees, c.id == m.committee_id)
        .where(m.committee_id.in_(sorted(committee_ids)), m.starts_at >= since, m.starts_at < until)
        .order_by(m.starts_at, m.id)
        .limit(MAX_ENTRIES)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


def minutes_of(conn: Connection, meeting_ids: Collection[int]) -> list[dict[str, Any]]:
    """The minutes of *meeting_ids* that were circulated at least once."""
    if not meeting_ids:
        return []
    n = tables.minutes.c
    stmt = (
        select(n.id, n.meeting_id, n.revision, n.state, n.circulated_at, n.objection_deadline_at)
        .where(n.meeting_id.in_(sorted(meeting_ids)), n.revision > 0)
        .order_by(n.id)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


def last_changes(
    conn: Connection, entity_type: str, ids: Collection[int], committee_ids: Collection[int]
) -> dict[int, dt.datetime]:
    """When each of *ids* (rows of *entity_type*) last changed, from the audit trail."""
    if not ids:
        return {}
    a = tables.audit_records.c
    stmt = (
        select(a.entity_id, func.max(a.at))
        .where(
            a.committee_id.in_(sorted(committee_ids)),  # the trail's index narrows by committee
            a.entity_type == entity_type,
            a.entity_id.in_(sorted(ids)),
            a.outcome == "done",
        )
        .group_by(a.entity_id)
    )
    return {int(i): at for i, at in conn.execute(stmt).all() if at is not None}


def invited_periods(
    conn: Connection, person_id: int
) -> dict[int, list[tuple[dt.date, dt.date | None]]]:
    """Per committee, the periods [from, until) in which *person_id* is invited to its meetings:
    as representative or deputy of a membership (any role), or, without end, as secretariat."""
    ms, mp = tables.memberships.c, tables.membership_people.c
    periods: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
    rows = conn.execute(
        select(ms.committee_id, ms.starts_on, ms.ends_on)
        .join(tables.membership_people, mp.membership_id == ms.id)
        .where(mp.person_id == person_id, mp.capacity.in_(("representative", "deputy")))
    ).all()
    for committee_id, starts_on, ends_on in rows:
        periods.setdefault(int(committee_id), []).append((starts_on, ends_on))
    s = tables.secretariat_members.c
    for (committee_id,) in conn.execute(
        select(s.committee_id).where(s.person_id == person_id)
    ).all():
        periods.setdefault(int(committee_id), []).append((dt.date.min, None))
    return periods


def committee_names(conn: Connection, committee_ids: Collection[int]) -> dict[int, str]:
    c = tables.committees.c
    rows = conn.execute(select(c.id, c.name).where(c.id.in_(sorted(committee_ids)))).all()
    return {int(i): str(name) for i, name in rows}
