"""Lists: OParl's filters, keyset paging by id and the ``links`` of a page.

Lists are keyset-paged by id (stable order, a constant number of statements
per page); ``modified_since`` lists also name the deleted objects
(tombstones, deleted.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    case,
    cast,
    func,
    literal_column,
    null,
    select,
    union_all,
)

from governance.reads.oparl.fields import Json

PAGE_SIZE = 100
MEETINGS_PER_PAGE = 25
"""A page of meetings embeds their agenda items and files: a smaller page keeps each
answer well inside 50 ms (bench/oparl.py); OParl leaves the page size to the server."""
MOST_PER_PAGE = 500
"""``limit`` a client may ask for: bounds what one request makes the machine read."""


@dataclasses.dataclass(frozen=True)
class Filters:
    """OParl's list filters and the keyset position; all optional."""

    created_since: dt.datetime | None = None
    created_until: dt.datetime | None = None
    modified_since: dt.datetime | None = None
    modified_until: dt.datetime | None = None
    after: int = 0
    limit: int = PAGE_SIZE
    default_limit: int = PAGE_SIZE

    def query(self, after: int | None = None) -> dict[str, str]:
        """The query string that keeps these filters (for ``links``), at *after*."""
        out = {
            name: getattr(self, name).isoformat()
            for name in ("created_since", "created_until", "modified_since", "modified_until")
            if getattr(self, name) is not None
        }
        if self.limit != self.default_limit:
            out["limit"] = str(self.limit)
        if after:
            out["after"] = str(after)
        return out


@dataclasses.dataclass(frozen=True)
class Page:
    data: list[Json]
    next_after: int | None
    """The keyset position of the next page (None: this is the last page)."""


def page(objects: list[tuple[int, Json]], limit: int) -> Page:
    """The first *limit* of (keyset position, object) pairs; one more than *limit* was read
    to know whether a next page exists."""
    objects.sort(key=lambda pair: pair[0])
    more = len(objects) > limit
    shown = objects[:limit]
    return Page([obj for _, obj in shown], shown[-1][0] if more and shown else None)


def modified(table_c: Any) -> ColumnElement[Any]:
    return func.coalesce(table_c.modified_at, table_c.created_at)


def filtered(query: Select[Any], f: Filters, created: Any, modified: Any) -> Select[Any]:
    if f.created_since is not None:
        query = query.where(created >= f.created_since)
    if f.created_until is not None:
        query = query.where(created <= f.created_until)
    if f.modified_since is not None:
        query = query.where(modified >= f.modified_since)
    if f.modified_until is not None:
        query = query.where(modified <= f.modified_until)
    return query


def page_links(list_url: str, f: Filters, page: Page) -> Json:
    def at(after: int | None) -> str:
        query = f.query(after)
        return list_url + ("?" + urlencode(query) if query else "")

    links: Json = {"first": at(None), "self": at(f.after or None)}
    if page.next_after is not None:
        links["next"] = at(page.next_after)
    return links


def keyset(branches: Sequence[Select[Any]], limit: int) -> Subquery:
    """A page's keys: the first *limit* rows of *branches* (each selecting ``page_key`` first,
    then the same further columns, each keyset-bound already) in key order, as one
    subquery a list's statement joins what it shows to. Each branch is ordered and
    limited by itself, so the database reads no more than a page of each."""
    parts = [
        select(
            *branch.order_by(None).order_by(literal_column("page_key")).limit(limit).subquery().c
        )
        for branch in branches
    ]
    both = union_all(*parts) if len(parts) > 1 else parts[0]
    return both.order_by(literal_column("page_key")).limit(limit).subquery("page")


def nothing(column: Any, name: str) -> ColumnElement[Any]:
    """A NULL of *column*'s type named *name*, for a branch of a keyset union without that column (a bare
    NULL in a subquery would be text to PostgreSQL, and the union would fail)."""
    return cast(null(), column.type).label(name)


def later(first: Any, second: Any) -> ColumnElement[Any]:
    """The later of two moments (SQLite has no GREATEST); *first* where *second* is NULL."""
    return case((second > first, second), else_=first)
