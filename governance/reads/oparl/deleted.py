"""Deleted objects (tombstones, change_times.py): ``deleted: true`` and when.

A ``modified_since`` list names them, and their addresses answer with them,
but only for committees that published them. OParl counts a depublished object
as deleted: an agenda item marked for closed session after it was published
leaves tombstones for itself, its papers and files
(services/confidential_items.py); once public again it is listed as itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_MEETINGS
from governance.reads import tables as T
from governance.reads.oparl.fields import SCHEMA, Json, iso_time
from governance.reads.oparl.joined import Layout
from governance.reads.oparl.paging import Filters, Page, filtered
from governance.reads.oparl.paging import page as page_of
from governance.reads.oparl.privacy import NotPublic, committee_at
from governance.reads.oparl.urls import Urls

_c = T.committees.c
_t = T.tombstones.c

_TYPE = {
    "committee": "Organization",
    "organisation": "Organization",
    "person": "Person",
    "meeting": "Meeting",
    "agendaItem": "AgendaItem",
    "membership": "Membership",
    "representation": "Membership",
    "file": "File",
    "paper": "Paper",
}


def deleted(urls: Urls, kind: str, oid: int, created: dt.datetime | None, at: dt.datetime) -> Json:
    out: Json = {"id": urls.of(kind, oid), "type": SCHEMA + _TYPE[kind], "deleted": True}
    if created is not None:
        out["created"] = iso_time(created)
    out["modified"] = iso_time(at)
    return out


def gone(
    kind: str,
    f: Filters,
    alive: Callable[[ColumnElement[int]], ColumnElement[bool]],
    levels: Sequence[str] = LEVELS_MEETINGS,
    extra: Sequence[ColumnElement[Any]] = (),
) -> list[Select[Any]]:
    """The keyset branch (paging.keyset) of the deleted objects of table *kind* a
    ``modified_since`` list names: ``page_key`` (the object's id), *extra*, ``created_at``
    and ``deleted_at`` (the latest deletion). Only of committees that publish them
    (*levels*), one per object, and none that is *alive* (public again: an agenda item
    whose closed-session mark was lifted, a file another public item still carries)."""
    query: Select[Any] = select(
        _t.object_id.label("page_key"),
        *extra,
        func.max(_t.created_at).label("created_at"),
        func.max(_t.deleted_at).label("deleted_at"),
    ).where(
        _t.kind == kind,
        _t.object_id > f.after,
        _t.committee_id.in_(select(_c.id).where(committee_at(levels))),
        ~alive(_t.object_id),
    )
    if f.modified_since is None:  # only a modified_since list names deleted objects
        return []
    return [filtered(query, f, _t.created_at, _t.deleted_at).group_by(_t.object_id)]


def tombstone(
    conn: Connection | Session, kind: str, oid: int, levels: Sequence[str] = LEVELS_MEETINGS
) -> dt.datetime:
    """When the object was deleted, if a committee that publishes it (*levels*) had it."""
    at = conn.execute(
        select(func.max(_t.deleted_at)).where(
            _t.kind == kind,
            _t.object_id == oid,
            _t.committee_id.in_(select(_c.id).where(committee_at(levels))),
        )
    ).scalar()
    if at is None:
        raise NotPublic
    return at


def page_of_live_or_gone(
    conn: Connection | Session,
    urls: Urls,
    kind: str,
    page: Subquery,
    shown: tuple[Layout, Subquery],
    key: ColumnElement[Any],
    to_json: Callable[[Urls, Any], Json],
    limit: int,
) -> Page:
    """The objects of *page* (paging.keyset) in one statement: each key's object as
    *shown* has it (joined where its ``attachment_id`` is *key*, a column of *page*),
    or, where it is no longer public, its tombstone (*kind* names the OParl type)."""
    layout, rows = shown
    statement = (
        select(page.c.page_key, page.c.created_at, page.c.deleted_at, *layout.columns)
        .select_from(page)
        .outerjoin(rows, rows.c.attachment_id == key)
        .order_by(page.c.page_key)
    )
    found = [
        (row.page_key, to_json(urls, live))
        if (live := layout.part(row, kind)) is not None
        else (row.page_key, deleted(urls, kind, row.page_key, row.created_at, row.deleted_at))
        for row in conn.execute(statement)
    ]
    return page_of(found, limit)
