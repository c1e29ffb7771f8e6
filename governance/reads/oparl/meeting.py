"""OParl Meeting: meetings of committees that publish meetings, with their public agenda
items, the items' files, the invitation and (where published) the minutes embedded.

A page of meetings is one statement (_with_parts): the page's meetings as a keyset-bound
subquery, joined to what they embed. One round trip whatever the page's size, and the
statement's text is the same on every page, so the driver converts it once and
PostgreSQL prepares it."""

from __future__ import annotations

import collections
import dataclasses
import functools
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Integer,
    Select,
    and_,
    bindparam,
    select,
    type_coerce,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from governance.column_types import UTCDateTime
from governance.domain.publication import LEVELS_MEETINGS, LEVELS_MINUTES
from governance.reads import tables as T
from governance.reads.oparl.agenda_item import item_json, item_query
from governance.reads.oparl.fields import SCHEMA, Json, iso_time, prune, stamps
from governance.reads.oparl.file import file_json, file_query
from governance.reads.oparl.invitation import invitation_json, invitation_text
from governance.reads.oparl.paging import Filters, Page, modified
from governance.reads.oparl.privacy import (
    NotPublic,
    at_levels,
    closed_items,
    committee_at,
    item_public,
    publication,
)
from governance.reads.oparl.urls import Urls

_c = T.committees.c
_m = T.meetings.c
_a = T.agenda_items.c
_d = T.decisions.c
_att = T.agenda_attachments.c
_doc = T.stored_documents.c
_min = T.minutes.c
_doc_m = T.stored_documents.alias("minutes_document")
_MINUTES_DOCUMENT = ("id", "name", "media_type", "size", "sha512", "created_at")


@functools.cache
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


_FILTERS = ("created_since", "created_until", "modified_since", "modified_until")


@functools.cache
def _listed(shape: tuple[bool, ...]) -> Select[Any]:
    """The page statement for lists with the filters *shape* names (which of _FILTERS are
    given, then whether one committee's), the values bound by name: built and compiled
    once per shape, not per page. The public meetings of the list in keyset order, one
    more than shown (to know whether a next page exists), with what they embed."""
    query = _meeting_query().where(_m.id > bindparam("after")).order_by(_m.id)
    moments = {"created": _m.created_at, "modified": modified(_m)}
    for name, given in zip(_FILTERS, shape, strict=False):
        if given:
            moment = moments[name.split("_")[0]]
            bound = bindparam(name, type_=_m.created_at.type)
            query = query.where(moment >= bound if name.endswith("since") else moment <= bound)
    if shape[len(_FILTERS)]:
        query = query.where(_m.committee_id == bindparam("committee_id"))
    return _with_parts(query.limit(bindparam("limit", type_=Integer)))


@dataclasses.dataclass
class _Parts:
    """What the meetings of a page embed, by meeting (files: by agenda item)."""

    items: dict[int, list[Any]]
    files: dict[int, list[Any]]
    minutes: dict[int, Any]


@dataclasses.dataclass(frozen=True)
class _Layout:
    """Where each object's columns sit in a row of the page statement, and the named
    tuples the JSON builders read them as (with the names of their own queries)."""

    meeting: Any
    item: Any
    file: Any
    minutes: Any
    columns: list[ColumnElement[Any]]
    """The joined columns (items, files, minutes) after the page's own."""
    spans: tuple[tuple[int, int], ...]
    moments: tuple[int, ...]
    """The meeting's columns read raw that are UTC moments (UTCDateTime)."""


_RAW = DateTime(timezone=True)
_UTC = UTCDateTime()


@functools.cache
def _moments() -> frozenset[str]:
    columns = _meeting_query().selected_columns
    return frozenset(key for key, c in columns.items() if isinstance(c.type, UTCDateTime))


def _named(name: str, query: Select[Any]) -> tuple[Any, list[ColumnElement[Any]]]:
    keys = list(query.selected_columns.keys())
    return collections.namedtuple(name, keys), list(query.selected_columns)


@functools.cache
def _layout() -> _Layout:
    meeting, meeting_cols = _named("MeetingRow", _meeting_query())
    item, item_cols = _named("ItemRow", item_query())
    file, file_cols = _named("FileRow", file_query())
    minutes_cols = [_min.meeting_id, *(_doc_m.c[k] for k in _MINUTES_DOCUMENT)]
    minutes = collections.namedtuple("MinutesRow", ["meeting_id", *_MINUTES_DOCUMENT])  # type: ignore[misc]
    spans, at = [], 0
    for cols in (meeting_cols, item_cols, file_cols, minutes_cols):
        spans.append((at, at + len(cols)))
        at += len(cols)
    moments = tuple(n for n, key in enumerate(meeting._fields) if key in _moments())
    joined = [*item_cols, *file_cols, *minutes_cols]
    return _Layout(meeting, item, file, minutes, joined, tuple(spans), moments)


def _with_parts(meetings: Select[Any]) -> Select[Any]:
    """The meetings *meetings* selects, each joined to its public items with their decision
    and files, and to its minutes where the committee publishes them: the conditions of
    item_query, file_query and minutes_query (privacy.py), in the joins' ON clauses."""
    page = meetings.subquery("page")
    joined = [c.label(f"c{n}") for n, c in enumerate(_layout().columns)]
    # The meeting's moments come on each of its item rows: read raw, made UTC once per
    # meeting in _read (UTCDateTime would convert each of them on every row).
    own = [type_coerce(c, _RAW).label(c.key) if c.key in _moments() else c for c in page.c]
    return (
        select(*own, *joined)
        .select_from(page)
        .outerjoin(T.agenda_items, and_(_a.meeting_id == page.c.id, item_public()))
        .outerjoin(T.decisions, _d.agenda_item_id == _a.id)
        .outerjoin(T.agenda_attachments, _att.agenda_item_id == _a.id)
        .outerjoin(T.stored_documents, _doc.id == _att.document_id)
        .outerjoin(
            T.minutes,
            and_(
                _min.meeting_id == page.c.id,
                _min.committee_id == page.c.committee_id,
                at_levels(page.c.publication, LEVELS_MINUTES),
                ~closed_items(),
            ),
        )
        .outerjoin(
            _doc_m, and_(_doc_m.c.id == _min.archive_document_id, _doc_m.c.data.is_not(None))
        )
        .order_by(page.c.id, _a.position, _a.id, _att.id)
    )


def _read(
    conn: Connection | Session, statement: Select[Any], values: dict[str, Any] | None = None
) -> tuple[list[Any], _Parts]:
    """The meetings of *statement* (a _with_parts), in order, and what they embed."""
    layout = _layout()
    (m0, m1), (i0, i1), (f0, f1), (n0, n1) = layout.spans
    rows: list[Any] = []
    parts = _Parts({}, {}, {})
    last_meeting = last_item = None
    items: list[Any] = []
    dialect = conn.get_bind().dialect if isinstance(conn, Session) else conn.dialect
    for row in conn.execute(statement, values).all():  # one fetch, not one per row
        mid = row[m0]
        if mid != last_meeting:
            last_meeting, last_item, items = mid, None, []
            meeting = list(row[m0:m1])
            for at in layout.moments:
                meeting[at] = _UTC.process_result_value(meeting[at], dialect)
            rows.append(layout.meeting._make(meeting))
            parts.items[mid] = items
            if row[n0 + 1] is not None:  # the minutes' stored document
                parts.minutes[mid] = layout.minutes._make(row[n0:n1])
        iid = row[i0]
        if iid is None:
            continue
        if iid != last_item:  # the rows of one item are adjacent (ordered by item, file)
            last_item = iid
            items.append(layout.item._make(row[i0:i1]))
        if row[f0] is not None:
            parts.files.setdefault(iid, []).append(layout.file._make(row[f0:f1]))
    return rows, parts


def _meeting_json(urls: Urls, row: Any, parts: _Parts) -> Json:
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


def _location_json(urls: Urls, row: Any) -> Json:
    return {
        "id": urls.of("meeting", f"{row.id}/location"),
        "type": SCHEMA + "Location",
        "description": row.location,
    }


def meetings(
    conn: Connection | Session, urls: Urls, f: Filters, committee_id: int | None = None
) -> Page:
    given = [getattr(f, name) for name in _FILTERS]
    shape = (*(value is not None for value in given), committee_id is not None)
    values = {name: value for name, value in zip(_FILTERS, given, strict=True) if value is not None}
    values.update(after=f.after, limit=f.limit + 1, committee_id=committee_id)
    rows, parts = _read(conn, _listed(shape), values)
    shown = rows[: f.limit]  # the one more was read to know whether a next page exists
    data = [_meeting_json(urls, r, parts) for r in shown]
    return Page(data, shown[-1].id if len(rows) > f.limit else None)


def committee_meetings(conn: Connection | Session, urls: Urls, f: Filters, cid: int) -> Page:
    """A page of a committee's meetings; NotPublic for a committee the interface does not
    show (it has no list either). Meetings on the page prove the committee public: only
    an empty page costs a second statement, to tell an empty list from a hidden one."""
    page = meetings(conn, urls, f, committee_id=cid)
    if not page.data:
        public = select(_c.id).where(_c.id == cid, committee_at(LEVELS_MEETINGS))
        if conn.execute(public).first() is None:
            raise NotPublic
    return page


def _one(conn: Connection | Session, mid: int) -> tuple[Any, _Parts]:
    rows, parts = _read(conn, _with_parts(_meeting_query().where(_m.id == mid)))
    if not rows:
        raise NotPublic
    return rows[0], parts


def meeting(conn: Connection | Session, urls: Urls, mid: int) -> Json:
    return _meeting_json(urls, *_one(conn, mid))


def location(conn: Connection | Session, urls: Urls, mid: int) -> Json:
    """OParl Location: a meeting's place, as the meeting names it."""
    row = conn.execute(_meeting_query().where(_m.id == mid)).first()
    if row is None or not row.location:
        raise NotPublic
    return {**_location_json(urls, row), "meetings": [urls.of("meeting", mid)]}


def invitation(conn: Connection | Session, urls: Urls, mid: int) -> tuple[Json, bytes]:
    """The invitation of a convened meeting: the File and its text."""
    row, parts = _one(conn, mid)
    if row.convened_at is None:
        raise NotPublic
    items = parts.items.get(mid, [])
    return invitation_json(urls, row, items), invitation_text(urls, row, items)
