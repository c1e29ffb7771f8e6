"""The decisions register: every decision of a committee with its vote (Core, plain dicts),
for ``decisions list``, the register document and the register page.

Decisions taken in a meeting (``decisions``) and in writing (``written_procedures``,
state ``decided``) share the register's numbers (services/decision_numbers.py), so
both are listed: a decision in writing has ``written_procedure`` (its number) where
a meeting's has ``meeting_id``, ``agenda_item_id`` and ``top``."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    union,
)

from governance.clock import BERLIN
from governance.reads import tables

# The statements are built once (per shape, below): building them and their cache keys
# on every call cost as much CPU as running them, and the register is read on every
# cold view of its page. Values are bind parameters, lists expanding ones.
_d, _i, _v, _w = (
    tables.decisions.c,
    tables.agenda_items.c,
    tables.votes.c,
    tables.written_procedures.c,
)


def register(conn: Connection, committee_id: int, year: int | None = None) -> list[dict[str, Any]]:
    """The decisions of *committee_id* (of *year*) in register order, each with its
    agenda item, the vote's counts and every organisation's ballot."""
    wanted = {"committee_id": committee_id, "year": year}
    rows = _entries(conn, _entries_statement(year is not None, False, False), wanted)
    rows += _written(conn, committee_id, year, None)
    return sorted(rows, key=lambda r: (r["year"], r["number"]))


def search(
    conn: Connection,
    committee_id: int,
    *,
    year: int | None,
    needle: str | None,
    offset: int,
    limit: int,
    written_years: set[int | None] | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One page of the register, newest first, and how many entries match in all:
    the decisions of *year* whose text or item title contains *needle* (lower case).

    *written_years*: the years of the committee's decisions in writing, as
    :func:`years_by_kind` gives them; where none can match, they are not read."""
    wanted = {"committee_id": committee_id, "year": year, "needle": _like(needle)}
    # Both kinds, newest first; a register holds a few dozen decisions a year.
    statement = _entries_statement(year is not None, bool(needle), True)
    rows = _entries(conn, statement, wanted)
    if written_years is None or (written_years and (year is None or year in written_years)):
        rows += _written(conn, committee_id, year, needle)
    rows.sort(key=lambda r: (r["year"], r["number"]), reverse=True)
    return rows[offset : offset + limit], len(rows)


_YEARS = union(
    select(literal_column("0").label("written"), _d.year).where(
        _d.committee_id == bindparam("committee_id")
    ),
    select(literal_column("1").label("written"), _w.year).where(
        _w.committee_id == bindparam("committee_id"), _w.state == "decided"
    ),
)


def years(conn: Connection, committee_id: int) -> list[int]:
    """The years the committee has decisions of, newest first."""
    return years_by_kind(conn, committee_id)[0]


def years_by_kind(conn: Connection, committee_id: int) -> tuple[list[int], set[int | None]]:
    """The years the committee has decisions of, newest first, and the years of its
    decisions in writing (None too, for one without a year): one statement."""
    found: set[int | None] = set()
    written: set[int | None] = set()
    for in_writing, year in conn.execute(_YEARS, {"committee_id": committee_id}):
        found.add(year)
        if in_writing:
            written.add(year)
    return sorted((y for y in found if y is not None), reverse=True), written


def _like(needle: str | None) -> str | None:
    """*needle* for ``LIKE '%' || :needle || '%' ESCAPE '/'``: its wildcards match
    themselves (what ``contains(..., autoescape=True)`` does to a literal)."""
    if not needle:
        return None
    return needle.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _contains(column: Any) -> ColumnElement[bool]:
    return func.lower(column).contains(bindparam("needle"), escape="/")


@functools.cache
def _written_statement(with_year: bool, with_needle: bool) -> Select[Any]:
    where: list[ColumnElement[bool]] = [
        _w.committee_id == bindparam("committee_id"),
        _w.state == "decided",
        _w.seq.is_not(None),
    ]
    if with_year:
        where.append(_w.year == bindparam("year"))
    if with_needle:
        where.append(or_(_contains(_w.text), _contains(_w.title)))
    return select(tables.written_procedures).where(*where).order_by(_w.seq)


_wb, _o = tables.written_ballots.c, tables.organisations.c
_WRITTEN_BALLOTS = (
    select(_wb.procedure_id, _o.short_name, _wb.choice)
    .join_from(tables.written_ballots, tables.organisations, _o.id == _wb.organisation_id)
    .where(_wb.procedure_id.in_(bindparam("procedures", expanding=True)))
    .order_by(_wb.id)
)


def _written(
    conn: Connection, committee_id: int, year: int | None, needle: str | None
) -> list[dict[str, Any]]:
    """The decisions taken in writing, as entries of the register (see the module)."""
    statement = _written_statement(year is not None, bool(needle))
    wanted = {"committee_id": committee_id, "year": year, "needle": _like(needle)}
    rows = conn.execute(statement, wanted).all()
    ballots: dict[int, dict[str, str]] = {r.id: {} for r in rows}
    members: dict[int, int] = dict.fromkeys(ballots, 0)
    if ballots:
        chosen = {"procedures": list(ballots)}
        for procedure_id, organisation, choice in conn.execute(_WRITTEN_BALLOTS, chosen):
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


_ENTRIES = (
    select(
        _d.reference,
        _d.year,
        _d.seq.label("number"),
        _d.decided_on,
        _d.meeting_id,
        _d.agenda_item_id,
        _i.position.label("top"),
        _i.title,
        _d.text,
        _d.carried,
        _v.id.label("vote_id"),
        _v.majority,
        _v.yes,
        _v.no,
        _v.abstain,
        _v.method,
        _v.present,
        _v.voting_members,
    )
    .join_from(tables.decisions, tables.agenda_items, _i.id == _d.agenda_item_id)
    .join(tables.votes, _v.id == _d.vote_id)
)


@functools.cache
def _entries_statement(with_year: bool, with_needle: bool, newest_first: bool) -> Select[Any]:
    """The decisions taken in meetings of ``:committee_id`` (of ``:year``, matching
    ``:needle``) in register order or newest first."""
    where: list[ColumnElement[bool]] = [_d.committee_id == bindparam("committee_id")]
    if with_year:
        where.append(_d.year == bindparam("year"))
    if with_needle:
        where.append(or_(_contains(_d.text), _contains(_i.title)))
    order = (_d.year.desc(), _d.seq.desc()) if newest_first else (_d.year, _d.seq)
    return _ENTRIES.where(*where).order_by(*order)


_b = tables.ballots.c
_BALLOTS = (
    select(_b.vote_id, _o.short_name, _b.choice)
    .join_from(tables.ballots, tables.organisations, _o.id == _b.organisation_id)
    .where(_b.vote_id.in_(bindparam("votes", expanding=True)))
    .order_by(_b.id)
)


def _entries(
    conn: Connection, statement: Select[Any], wanted: dict[str, Any]
) -> list[dict[str, Any]]:
    rows = conn.execute(statement, wanted).mappings().all()
    ballots: dict[int, dict[str, str]] = {r["vote_id"]: {} for r in rows}
    if ballots:
        for vote_id, organisation, choice in conn.execute(_BALLOTS, {"votes": list(ballots)}):
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
