"""The privacy rule, in SQL: what a committee's ``publication`` lets the interface show.

Privacy by default (OParl's section on data protection): what a committee
publishes is its rule ``publication`` (domain/publication.py); every read of
the interface selects only what that rule allows, with these conditions, so
nothing else is read, let alone rendered:

- a committee with ``none`` (the default) does not exist for the interface;
- agenda items only as they stand on the agenda, never one in closed session;
- people only in committees with ``people`` or more, by name and role;
  e-mail addresses only of people who agreed (``people.email_public``);
- the archived minutes only with ``minutes``, and only of meetings without
  closed items (the minutes would carry them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, literal_column

from governance.domain.publication import LEVELS_MEETINGS, LEVELS_PEOPLE
from governance.reads import tables as T

_c = T.committees.c
_o = T.organisations.c
_p = T.people.c
_ms = T.memberships.c
_mp = T.membership_people.c
_a = T.agenda_items.c
_min = T.minutes.c


class NotPublic(LookupError):
    """No object under this address, or none the interface may show."""


def publication() -> ColumnElement[Any]:
    return _c.publication


def at_levels(column: ColumnElement[Any], levels: Sequence[str]) -> ColumnElement[bool]:
    """*column* (a committee's ``publication``) is one of *levels*."""
    return column.in_([literal_column(_quoted(level)) for level in levels])


def committee_at(levels: Sequence[str]) -> ColumnElement[bool]:
    """The committee (``committees`` in the statement) publishes at one of *levels*.

    The levels are written into the SQL as constants, not bound: they are the code's
    own words (domain/publication.py), the statement's text stays the same whatever
    the page (the driver caches and prepares it) and the planner sees the values."""
    return at_levels(publication(), levels)


def _quoted(level: str) -> str:
    if not level.isidentifier():  # only the enumeration's own names, never user input
        raise ValueError(f"not a publication level: {level!r}")
    return f"'{level}'"


def item_public(items: Any = _a) -> ColumnElement[bool]:
    """The agenda item (of *items*, the columns of agenda_items or of an alias) stands on
    the agenda and is not in closed session."""
    return and_(items.status == "accepted", items.confidential.is_(False))


def person_public() -> ColumnElement[bool]:
    """The person represents someone in a committee that publishes people."""
    return exists().where(
        _mp.person_id == _p.id,
        _ms.id == _mp.membership_id,
        _c.id == _ms.committee_id,
        committee_at(LEVELS_PEOPLE),
    )


def organisation_public() -> ColumnElement[bool]:
    """The organisation holds a seat in a committee that publishes its meetings."""
    return exists().where(
        _ms.organisation_id == _o.id, _c.id == _ms.committee_id, committee_at(LEVELS_MEETINGS)
    )


def closed_items() -> ColumnElement[bool]:
    """The minutes' meeting has an item in closed session (the minutes would carry it).

    Over an alias of the items: a statement that also reads the public items (a page
    of meetings) must not have this condition correlate to them."""
    closed = T.agenda_items.alias("closed_item")
    return exists().where(
        closed.c.meeting_id == _min.meeting_id,
        closed.c.status == "accepted",
        closed.c.confidential.is_(True),
    )
