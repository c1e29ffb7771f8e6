"""OParl Meeting: meetings of committees that publish meetings, with their public agenda
items, the items' files, the invitation and (where published) the minutes embedded."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_MEETINGS, LEVELS_MINUTES
from governance.reads import tables as T
from governance.reads.oparl.agenda_item import item_json, item_query
from governance.reads.oparl.fields import SCHEMA, Json, iso_time, prune, stamps
from governance.reads.oparl.file import file_json, files_of, minutes_query
from governance.reads.oparl.invitation import invitation_json, invitation_text
from governance.reads.oparl.paging import Filters, Page, filtered, modified, page
from governance.reads.oparl.privacy import NotPublic, committee_at, publication
from governance.reads.oparl.urls import Urls

_c = T.committees.c
_m = T.meetings.c
_a = T.agenda_items.c
_min = T.minutes.c


def _meeting_query() -> Select[Any]:
    return (
        select(
            _m.id,
            _m.committee_id,
            _m.title,
            _m.state,
            _m.starts_at,
            _m.ends_at,
            _m.location,
            _m.convened_at,
            _m.created_at,
            _m.modified_at,
            publication().label("publication"),
        )
        .join_from(T.meetings, T.committees, _c.id == _m.committee_id)
        .where(committee_at(LEVELS_MEETINGS))
    )


@dataclasses.dataclass
class _Parts:
    """What a page of meetings or items embeds, each read with one statement."""

    items: dict[int, list[Row[Any]]]
    files: dict[int, list[Row[Any]]]
    minutes: dict[int, Row[Any]]


def _parts(conn: Connection | Session, meetings: list[Row[Any]]) -> _Parts:
    ids = [m.id for m in meetings]
    items: dict[int, list[Row[Any]]] = {}
    minutes: dict[int, Row[Any]] = {}
    if ids:
        query = (
            item_query()
            .where(_a.meeting_id.in_(ids), _m.id.in_(ids))
            .order_by(_a.meeting_id, _a.position, _a.id)
        )
        for row in conn.execute(query):
            items.setdefault(row.meeting_id, []).append(row)
        if any(m.publication in LEVELS_MINUTES for m in meetings):
            for row in conn.execute(minutes_query().where(_min.meeting_id.in_(ids))):
                minutes[row.meeting_id] = row
    files = files_of(conn, [i.id for rows in items.values() for i in rows])
    return _Parts(items, files, minutes)


def _meeting_json(urls: Urls, row: Row[Any], parts: _Parts) -> Json:
    items = parts.items.get(row.id, [])
    minutes = parts.minutes.get(row.id)
    return prune(
        {
            "id": urls.of("meeting", row.id),
            "type": SCHEMA + "Meeting",
            "name": row.title,
            "meetingState": urls.words(f"oparl.meeting_state.{row.state}"),
            "cancelled": row.state == "cancelled",
            "start": iso_time(row.starts_at),
            "end": iso_time(row.ends_at),
            "location": _location_json(urls, row) if row.location else None,
            "organization": [urls.of("committee", row.committee_id)],
            "invitation": invitation_json(urls, row, items) if row.convened_at else None,
            "resultsProtocol": file_json(urls, minutes, meeting_id=row.id) if minutes else None,
            "agendaItem": [
                item_json(urls, item, n, parts.files) for n, item in enumerate(items, start=1)
            ],
            **stamps(row.created_at, row.modified_at),
        }
    )


def _location_json(urls: Urls, row: Row[Any]) -> Json:
    return {
        "id": urls.of("meeting", f"{row.id}/location"),
        "type": SCHEMA + "Location",
        "description": row.location,
    }


def meetings(
    conn: Connection | Session, urls: Urls, f: Filters, committee_id: int | None = None
) -> Page:
    query = _meeting_query().where(_m.id > f.after).order_by(_m.id).limit(f.limit + 1)
    if committee_id is not None:
        query = query.where(_m.committee_id == committee_id)
    rows = list(conn.execute(filtered(query, f, _m.created_at, modified(_m))))
    parts = _parts(conn, rows)
    return page([(r.id, _meeting_json(urls, r, parts)) for r in rows], f.limit)


def meeting(conn: Connection | Session, urls: Urls, mid: int) -> Json:
    row = conn.execute(_meeting_query().where(_m.id == mid)).first()
    if row is None:
        raise NotPublic
    return _meeting_json(urls, row, _parts(conn, [row]))


def location(conn: Connection | Session, urls: Urls, mid: int) -> Json:
    """OParl Location: a meeting's place, as the meeting names it."""
    row = conn.execute(_meeting_query().where(_m.id == mid)).first()
    if row is None or not row.location:
        raise NotPublic
    return {**_location_json(urls, row), "meetings": [urls.of("meeting", mid)]}


def invitation(conn: Connection | Session, urls: Urls, mid: int) -> tuple[Json, bytes]:
    """The invitation of a convened meeting: the File and its text."""
    row = conn.execute(_meeting_query().where(_m.id == mid)).first()
    if row is None or row.convened_at is None:
        raise NotPublic
    items = _parts(conn, [row]).items.get(mid, [])
    return invitation_json(urls, row, items), invitation_text(urls, row, items)
