"""OParl AgendaItem: items as they stand on the agenda, never one in closed session;
the decision's text as ``resolutionText``, their documents as ``auxiliaryFile``."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, and_, exists, func, or_, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_MEETINGS
from governance.reads import tables as T
from governance.reads.oparl.deleted import deleted, gone, tombstone
from governance.reads.oparl.fields import SCHEMA, Json, stamps
from governance.reads.oparl.file import file_json, file_query
from governance.reads.oparl.joined import Layout
from governance.reads.oparl.paging import Filters, Page, filtered, keyset, modified, nothing
from governance.reads.oparl.paging import page as page_of
from governance.reads.oparl.privacy import committee_at, item_public
from governance.reads.oparl.urls import Urls

_c = T.committees.c
_m = T.meetings.c
_a = T.agenda_items.c
_d = T.decisions.c
_TYPE = SCHEMA + "AgendaItem"


@functools.cache
def item_query() -> Select[Any]:
    """Public agenda items of committees that publish meetings, with their decision."""
    return (
        select(
            _a.id,
            _a.meeting_id,
            _a.position,
            _a.title,
            _a.outcome,
            _a.decision_text,
            _a.created_at,
            _a.modified_at,
            _d.carried,
            _d.text.label("resolution"),
        )
        .join_from(T.agenda_items, T.meetings, _m.id == _a.meeting_id)
        .join(T.committees, _c.id == _m.committee_id)
        .outerjoin(T.decisions, _d.agenda_item_id == _a.id)
        .where(committee_at(LEVELS_MEETINGS), item_public())
    )


def _result(urls: Urls, row: Row[Any]) -> str | None:
    if row.outcome is None:
        return None
    if row.outcome == "decided" and row.carried is not None:
        return urls.words("oparl.result.carried" if row.carried else "oparl.result.rejected")
    key = {"noted": "noted", "deferred": "deferred", "decided": "carried"}.get(row.outcome)
    return urls.words(f"oparl.result.{key}") if key else None


def item_json(urls: Urls, row: Row[Any], order: int, files: dict[int, list[Row[Any]]]) -> Json:
    # Written out rather than pruned afterwards: a page of meetings holds some 150 items.
    obj: Json = {
        "id": urls.of("agendaItem", row.id),
        "type": _TYPE,
        "meeting": urls.of("meeting", row.meeting_id),
    }
    if row.position is not None:
        obj["number"] = str(row.position)
    obj["order"] = order
    if row.title is not None:
        obj["name"] = row.title
    obj["public"] = True
    if row.outcome is not None and (result := _result(urls, row)) is not None:
        obj["result"] = result
    if text := row.resolution or row.decision_text:
        obj["resolutionText"] = text
    attached = files.get(row.id, ())
    if documents := [file_json(urls, f) for f in attached if f.id is not None]:
        obj["auxiliaryFile"] = documents
    obj.update(stamps(row.created_at, row.modified_at))
    return obj


@functools.cache
def _layout() -> tuple[Layout, Subquery, Subquery]:
    items = item_query().subquery("item")
    files = file_query().order_by(None).subquery("file")
    return Layout({"item": [*items.c, _order(items)], "file": list(files.c)}), items, files


def _order(items: Subquery) -> ColumnElement[int]:
    """The item's place among its meeting's public items (``order``; items listed apart
    from their meeting): how many of them stand before it, or with it."""
    other = T.agenda_items.alias("other_item")
    before = or_(
        other.c.position < items.c.position,
        and_(other.c.position == items.c.position, other.c.id <= items.c.id),
    )
    return (
        select(func.count())
        .where(other.c.meeting_id == items.c.meeting_id, item_public(other.c), before)
        .scalar_subquery()
        .label("order")
    )


def _page(conn: Connection | Session, urls: Urls, page: Subquery, limit: int) -> Page:
    """The objects of *page* (paging.keyset), in one statement: each key's public item with
    its decision and files, or its tombstone."""
    layout, items, files = _layout()
    statement = (
        select(page.c.page_key, page.c.created_at, page.c.deleted_at, *layout.columns)
        .select_from(page)
        .outerjoin(items, items.c.id == page.c.page_key)
        .outerjoin(files, files.c.agenda_item_id == items.c.id)
        .order_by(page.c.page_key, files.c.attachment_id)
    )
    found: dict[int, Json] = {}
    attached: dict[int, list[Row[Any]]] = {}
    rows = conn.execute(statement).all()
    for row in rows:  # first the files of each item, then the items (they embed them)
        if (document := layout.part(row, "file")) is not None:
            attached.setdefault(row.page_key, []).append(document)
    for row in rows:
        if row.page_key in found:
            continue
        item = layout.part(row, "item")
        found[row.page_key] = (
            item_json(urls, item, item.order, attached)
            if item is not None
            else deleted(urls, "agendaItem", row.page_key, row.created_at, row.deleted_at)
        )
    return page_of(list(found.items()), limit)


def _live(f: Filters) -> Select[Any]:
    query = item_query().with_only_columns(
        _a.id.label("page_key"),
        nothing(_a.created_at, "created_at"),
        nothing(_a.modified_at, "deleted_at"),
    )
    return filtered(query.where(_a.id > f.after), f, _a.created_at, modified(_a))


def _alive(oid: ColumnElement[int]) -> ColumnElement[bool]:
    return exists().where(_a.id == oid, item_public())


def agenda_items(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    """A page of the public items and, in a ``modified_since`` list, of the items deleted
    or withdrawn into closed session since (deleted.py): one statement."""
    branches = [_live(f), *gone("agenda_items", f, _alive)]
    return _page(conn, urls, keyset(branches, f.limit + 1), f.limit)


def agenda_item(conn: Connection | Session, urls: Urls, iid: int) -> Json:
    one = Filters(after=iid - 1, limit=1)
    shown = _page(conn, urls, keyset([_live(one).where(_a.id == iid)], 1), 1).data
    if not shown:
        tomb = tombstone(conn, "agenda_items", iid)
        return deleted(urls, "agendaItem", iid, None, tomb)
    return shown[0]
