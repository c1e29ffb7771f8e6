"""The decisions register: every decision of a committee with its vote (Core, plain dicts),
for ``decisions list``, the register document and the register page."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, func, or_, select

from governance.reads import tables


def register(conn: Connection, committee_id: int, year: int | None = None) -> list[dict[str, Any]]:
    """The decisions of *committee_id* (of *year*) in register order, each with its
    agenda item, the vote's counts and every organisation's ballot."""
    d = tables.decisions.c
    where = [d.committee_id == committee_id]
    if year is not None:
        where.append(d.year == year)
    return _entries(conn, where, (d.year, d.seq))


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
    total = conn.execute(
        select(func.count(d.id))
        .join_from(tables.decisions, tables.agenda_items, i.id == d.agenda_item_id)
        .where(*where)
    ).scalar_one()
    rows = _entries(conn, where, (d.year.desc(), d.seq.desc()), offset=offset, limit=limit)
    return rows, int(total)


def years(conn: Connection, committee_id: int) -> list[int]:
    """The years the committee has decisions of, newest first."""
    d = tables.decisions.c
    return list(
        conn.execute(
            select(d.year).where(d.committee_id == committee_id).distinct().order_by(d.year.desc())
        ).scalars()
    )


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
