"""The decisions register: every decision of a committee with its vote (Core, plain dicts)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from governance.reads import tables


def register(conn: Connection, committee_id: int, year: int | None = None) -> list[dict[str, Any]]:
    """The decisions of *committee_id* (of *year*) in register order, each with its
    agenda item, the vote's counts and every organisation's ballot."""
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
        .where(d.committee_id == committee_id)
        .order_by(d.year, d.seq)
    )
    if year is not None:
        stmt = stmt.where(d.year == year)
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
