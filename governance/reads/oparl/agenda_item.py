"""OParl AgendaItem: items as they stand on the agenda, never one in closed session;
the decision's text as ``resolutionText``, their documents as ``auxiliaryFile``."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_MEETINGS
from governance.reads import tables as T
from governance.reads.oparl.deleted import deleted, tombstone, tombstones
from governance.reads.oparl.fields import SCHEMA, Json, stamps
from governance.reads.oparl.file import file_json, files_of
from governance.reads.oparl.paging import Filters, Page, filtered, modified, page
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


def agenda_items(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    query = item_query().where(_a.id > f.after).order_by(_a.id).limit(f.limit + 1)
    rows = list(conn.execute(filtered(query, f, _a.created_at, modified(_a))))
    files = files_of(conn, [r.id for r in rows])
    orders = _orders(conn, rows)
    found = [(r.id, item_json(urls, r, orders[r.id], files)) for r in rows]
    found += [
        (t.object_id, deleted(urls, "agendaItem", t.object_id, t.created_at, t.deleted_at))
        for t in tombstones(conn, "agenda_items", f)
    ]
    return page(found, f.limit)


def _orders(conn: Connection | Session, rows: list[Row[Any]]) -> dict[int, int]:
    """Each item's place among its meeting's public items (``order``), for items read apart."""
    meeting_ids = sorted({r.meeting_id for r in rows})
    orders: dict[int, int] = {}
    if meeting_ids:
        query = (
            select(_a.id, _a.meeting_id)
            .where(_a.meeting_id.in_(meeting_ids), item_public())
            .order_by(_a.meeting_id, _a.position, _a.id)
        )
        counter: dict[int, int] = {}
        for iid, mid in conn.execute(query):
            counter[mid] = counter.get(mid, 0) + 1
            orders[iid] = counter[mid]
    return orders


def agenda_item(conn: Connection | Session, urls: Urls, iid: int) -> Json:
    row = conn.execute(item_query().where(_a.id == iid)).first()
    if row is None:
        tomb = tombstone(conn, "agenda_items", iid)
        return deleted(urls, "agendaItem", iid, None, tomb)
    return item_json(urls, row, _orders(conn, [row])[iid], files_of(conn, [iid]))
