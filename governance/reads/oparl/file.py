"""OParl File: documents attached to public agenda items, and the archived minutes
(a meeting's ``resultsProtocol``) where the committee publishes minutes."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_MEETINGS, LEVELS_MINUTES
from governance.reads import tables as T
from governance.reads.oparl.fields import SCHEMA, Json, prune, stamps
from governance.reads.oparl.paging import Filters, Page, filtered, page
from governance.reads.oparl.privacy import NotPublic, closed_items, committee_at, item_public
from governance.reads.oparl.urls import Urls

_c = T.committees.c
_m = T.meetings.c
_a = T.agenda_items.c
_att = T.agenda_attachments.c
_doc = T.stored_documents.c
_min = T.minutes.c


@functools.cache
def file_query() -> Select[Any]:
    """Attachments of public agenda items, with their stored document if any."""
    return (
        select(
            _att.id.label("attachment_id"),
            _att.agenda_item_id,
            _att.kind.label("attachment_kind"),
            _att.title,
            _att.url,
            _att.created_at.label("attached_at"),
            _doc.id,
            _doc.name,
            _doc.media_type,
            _doc.size,
            _doc.sha512,
            _doc.created_at,
        )
        .join_from(T.agenda_attachments, T.agenda_items, _a.id == _att.agenda_item_id)
        .join(T.meetings, _m.id == _a.meeting_id)
        .join(T.committees, _c.id == _m.committee_id)
        .outerjoin(T.stored_documents, _doc.id == _att.document_id)
        .where(committee_at(LEVELS_MEETINGS), item_public())
        .order_by(_att.id)
    )


def files_of(conn: Connection | Session, item_ids: list[int]) -> dict[int, list[Row[Any]]]:
    """The attachments of these agenda items, by item, in one statement."""
    files: dict[int, list[Row[Any]]] = {}
    if item_ids:
        for row in conn.execute(file_query().where(_att.agenda_item_id.in_(item_ids))):
            files.setdefault(row.agenda_item_id, []).append(row)
    return files


@functools.cache
def minutes_query() -> Select[Any]:
    """The archived minutes the committees publish (never those of meetings with closed
    items), by meeting."""
    return (
        select(
            _min.meeting_id,
            _doc.id,
            _doc.name,
            _doc.media_type,
            _doc.size,
            _doc.sha512,
            _doc.created_at,
        )
        .join_from(T.minutes, T.stored_documents, _doc.id == _min.archive_document_id)
        .join(T.committees, _c.id == _min.committee_id)
        .where(committee_at(LEVELS_MINUTES), ~closed_items(), _doc.data.is_not(None))
    )


def file_json(urls: Urls, row: Row[Any], *, meeting_id: int | None = None) -> Json:
    return prune(
        {
            "id": urls.of("file", row.id),
            "type": SCHEMA + "File",
            "name": getattr(row, "title", None) or row.name,
            "fileName": row.name,
            "mimeType": row.media_type,
            "size": row.size,
            "sha512Checksum": row.sha512 or None,
            "accessUrl": urls.of("file", f"{row.id}/content"),
            "downloadUrl": urls.of("file", f"{row.id}/content") + "?download=1",
            "meeting": [urls.of("meeting", meeting_id)] if meeting_id else None,
            "agendaItem": [urls.of("agendaItem", row.agenda_item_id)]
            if getattr(row, "agenda_item_id", None)
            else None,
            **stamps(row.created_at, None),
        }
    )


def files(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    query = file_query().where(_doc.id.is_not(None), _doc.id > f.after)
    query = query.order_by(None).order_by(_doc.id).limit(f.limit + 1)
    rows = list(conn.execute(filtered(query, f, _doc.created_at, _doc.created_at)))
    found = [(r.id, file_json(urls, r)) for r in rows]
    return page(found, f.limit)


def file(conn: Connection | Session, urls: Urls, fid: int) -> Json:
    row = conn.execute(file_query().where(_doc.id == fid)).first()
    if row is not None:
        return file_json(urls, row)
    minutes = conn.execute(minutes_query().where(_doc.id == fid)).first()
    if minutes is None:
        raise NotPublic
    return file_json(urls, minutes, meeting_id=minutes.meeting_id)


def file_content(conn: Connection | Session, fid: int) -> tuple[str, str, bytes]:
    """(name, media type, bytes) of a public file; NotPublic otherwise."""
    public = (
        conn.execute(file_query().where(_doc.id == fid)).first()
        or conn.execute(minutes_query().where(_doc.id == fid)).first()
    )
    if public is None:
        raise NotPublic
    data = conn.execute(select(_doc.data).where(_doc.id == fid)).scalar()
    if data is None:
        raise NotPublic
    return public.name, public.media_type, data
