"""The decisions register: every decision of a committee with its vote (Core, plain dicts),
for ``decisions list``, the register document and the register page.

Decisions taken in a meeting (``decisions``) and in writing (``written_procedures``,
state ``decided``) share the register's numbers (services/decision_numbers.py), so
both are listed: a decision in writing has ``written_procedure`` (its number) where
a meeting's has ``meeting_id``, ``agenda_item_id`` and ``top``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, func, or_, select

from governance.clock import BERLIN
from governance.reads import tables


def register(conn: Connection, committee_id: int, year: int | None = None) -> list[dict[str, Any]]:
    """The decisions of *committee_id* (of *year*) in register order, each with its
    agenda item, the vote's counts and every organisation's ballot."""
    d = tables.decisions.c
    where = [d.committee_id == committee_id]
    if year is not None:
        where.append(d.year == year)
    rows = _entries(conn, where, (d.year, d.seq)) + _written(conn, committee_id, year, None)
    return sorted(rows, key=lambda r: (r["year"], r["number"]))


def search(
    conn: Connection,
    committee_id: int,
    *,
    year: int | None,
    needle: str | None,
    offset: int,
    limit: int,
) -> tuple[list[dict[str, Any]], int]:
    """One page of the register, newest first, and how many entries match in all:
    the decisions of *year* whose text or item title contains *needle* (lower case)."""
    d, i = tables.decisions.c, tables.agenda_items.c
    where: list[ColumnElement[bool]] = [d.committee_id == committee_id]
    if year is not None:
        where.append(d.year == year)
    if needle:
        where.append(
            or_(
                func.lower(d.text).contains(needle, autoescape=True),
                func.lower(i.title).contains(needle, autoescape=True),
            )
        )
    # Both kinds, newest first; a register holds a few dozen decisions a year.
    rows = _entries(conn, where, (d.year.desc(), d.seq.desc())) + _written(
        conn, committee_id, year, needle
    )
    rows.sort(key=lambda r: (r["year"], r["number"]), reverse=True)
    return rows[offset : offset + limit], len(rows)


def years(conn: Connection, committee_id: int) -> list[int]:
    """The years the committee has decisions of, newest first."""
    d, w = tables.decisions.c, tables.written_procedures.c
    found = set(conn.execute(select(d.year).where(d.committee_id == committee_id)).scalars())
    found |= set(
        conn.execute(
            select(w.year).where(w.committee_id == committee_id, w.state == "decided")
        ).scalars()
    )
    return sorted((y for y in found if y is not None), reverse=True)


def _written(
    conn: Connection, committee_id: int, year: int | None, needle: str | None
) -> list[dict[str, Any]]:
    """The decisions taken in writing, as entries of the register (see the module)."""
    w = tables.written_procedures.c
    where: list[ColumnElement[bool]] = [
        w.committee_id == committee_id,
        w.state == "decided",
        w.seq.is_not(None),
    ]
    if year is not None:
        where.append(w.year == year)
    if needle:
        where.append(
            or_(
                func.lower(w.text).contains(needle, autoescape=True),
                func.lower(w.title).contains(needle, autoescape=True),
            )
        )
    rows = conn.execute(select(tables.written_procedures).where(*where).order_by(w.seq)).all()
    ballots: dict[int, dict[str, str]] = {r.id: {} for r in rows}
    members: dict[int, int] = dict.fromkeys(ballots, 0)
    if ballots:
        b, o = tables.written_ballots.c, tables.organisations.c
        for procedure_id, organisation, choice in conn.execute(
            select(b.procedure_id, o.short_name, b.choice)
            .join_from(tables.written_ballots, tables.organisations, o.id == b.organisation_id)
            .where(b.procedure_id.in_(list(ballots)))
            .order_by(b.id)
        ):
            members[procedure_id] += 1
            if choice:
                ballots[procedure_id][organisation] = choice
    return [
        {
            "reference": r.reference,
            "year": r.year,
            "number": r.seq,
            "decided_on": r.ended_at.astimezone(BERLIN).date(),
            "meeting_id": None,
            "agenda_item_id": None,
            "top": None,
            "title": r.title,
            "text": r.text,
            "carried": r.carried,
            "majority": r.majority,
            "method": "written",
            "present": None,
            "voting_members": members[r.id],
            "written_procedure": r.id,
            "votes": {"yes": r.yes, "no": r.no, "abstain": r.abstain},
            "ballots": ballots[r.id],
        }
        for r in rows
    ]


def _entries(
    conn: Connection,
    where: list[ColumnElement[bool]],
    order: tuple[Any, ...],
    *,
    offset: int | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    d, i, v = tables.decisions.c, tables.agenda_items.c, tables.votes.c
    stmt = (
        select(
            d.reference,
            d.year,
            d.seq.label("number"),
            d.decided_on,
            d.meeting_id,
            d.agenda_item_id,
            i.position.label("top"),
            i.title,
            d.text,
            d.carried,
            v.id.label("vote_id"),
            v.majority,
            v.yes,
            v.no,
            v.abstain,
            v.method,
            v.present,
            v.voting_members,
        )
        .join_from(tables.decisions, tables.agenda_items, i.id == d.agenda_item_id)
        .join(tables.votes, v.id == d.vote_id)
        .where(*where)
        .order_by(*order)
    )
    if limit is not None:
        stmt = stmt.offset(offset or 0).limit(limit)
    rows = conn.execute(stmt).mappings().all()
    ballots: dict[int, dict[str, str]] = {r["vote_id"]: {} for r in rows}
    if ballots:
        b, o = tables.ballots.c, tables.organisations.c
        for vote_id, organisation, choice in conn.execute(
            select(b.vote_id, o.short_name, b.choice)
            .join_from(tables.ballots, tables.organisations, o.id == b.organisation_id)
            .where(b.vote_id.in_(list(ballots)))
            .order_by(b.id)
        ):
            ballots[vote_id][organisation] = choice
    return [
        {
            **{k: r[k] for k in _DECISION},
            "written_procedure": None,
            "votes": {"yes": r["yes"], "no": r["no"], "abstain": r["abstain"]},
            "ballots": ballots[r["vote_id"]],
        }
        for r in rows
    ]


_DECISION = (
    "reference",
    "year",
    "number",
    "decided_on",
    "meeting_id",
    "agenda_item_id",
    "top",
    "title",
    "text",
    "carried",
    "majority",
    "method",
    "present",
    "voting_members",
)
