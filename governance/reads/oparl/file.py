"""OParl File: documents attached to public agenda items, and the archived minutes
(a meeting's ``resultsProtocol``) where the committee publishes minutes."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_MEETINGS, LEVELS_MINUTES
from governance.reads import tables as T
from governance.reads.oparl.deleted import deleted, gone, page_of_live_or_gone, tombstone
from governance.reads.oparl.fields import SCHEMA, Json, prune, stamps
from governance.reads.oparl.joined import Layout
from governance.reads.oparl.paging import (
    Filters,
    Page,
    filtered,
    keyset,
    later,
    modified,
    nothing,
)
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
    """Attachments of public agenda items, with their stored document if any.

    Their ``modified`` is the item's last change where that is later: the item's
    publication may have changed with it (its closed-session mark lifted), and a
    client syncing with ``modified_since`` must then fetch its files again."""
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
            later(_doc.created_at, modified(_a)).label("modified"),
            later(_att.created_at, modified(_a)).label("paper_modified"),
        )
        .join_from(T.agenda_attachments, T.agenda_items, _a.id == _att.agenda_item_id)
        .join(T.meetings, _m.id == _a.meeting_id)
        .join(T.committees, _c.id == _m.committee_id)
        .outerjoin(T.stored_documents, _doc.id == _att.document_id)
        .where(committee_at(LEVELS_MEETINGS), item_public())
        .order_by(_att.id)
    )


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


def file_json(urls: Urls, row: Any, *, meeting_id: int | None = None) -> Json:
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
            **stamps(row.created_at, getattr(row, "modified", None)),
        }
    )


def _live(f: Filters) -> Select[Any]:
    """The keyset branch of public files: each stored document once (a carried-over item
    shares its predecessor's), with the first attachment that shows it."""
    query = (
        file_query()
        .with_only_columns(
            _doc.id.label("page_key"),
            func.min(_att.id).label("attachment_id"),
            nothing(_doc.created_at, "created_at"),
            nothing(_doc.created_at, "deleted_at"),
        )
        .where(_doc.id.is_not(None), _doc.id > f.after)
    )
    modified_at = later(_doc.created_at, modified(_a))
    return filtered(query, f, _doc.created_at, modified_at).group_by(_doc.id)


def _alive(oid: ColumnElement[int]) -> ColumnElement[bool]:
    return file_query().with_only_columns(_att.id).where(_att.document_id == oid).exists()


@functools.cache
def _layout() -> tuple[Layout, Subquery]:
    shown = file_query().order_by(None).subquery("file")
    return Layout({"file": list(shown.c)}), shown


def _page(conn: Connection | Session, urls: Urls, page: Subquery, limit: int) -> Page:
    """The files of *page* (paging.keyset), or their tombstones: one statement."""
    return page_of_live_or_gone(
        conn, urls, "file", page, _layout(), page.c.attachment_id, file_json, limit
    )


def files(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    """A page of the public files and, in a ``modified_since`` list, of the files whose
    agenda item was withdrawn into closed session since."""
    withdrawn = gone("file", f, _alive, extra=[nothing(_att.id, "attachment_id")])
    return _page(conn, urls, keyset([_live(f), *withdrawn], f.limit + 1), f.limit)


def file(conn: Connection | Session, urls: Urls, fid: int) -> Json:
    row = conn.execute(file_query().where(_doc.id == fid)).first()
    if row is not None:
        return file_json(urls, row)
    minutes = conn.execute(minutes_query().where(_doc.id == fid)).first()
    if minutes is not None:
        return file_json(urls, minutes, meeting_id=minutes.meeting_id)
    return deleted(urls, "file", fid, None, tombstone(conn, "file", fid))


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
