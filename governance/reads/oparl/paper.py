"""OParl Paper: an agenda item's document (Vorlage); its stored file as ``mainFile``."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session

from governance.reads import tables as T
from governance.reads.oparl.fields import SCHEMA, Json, iso_time, prune
from governance.reads.oparl.file import file_json, file_query
from governance.reads.oparl.paging import Filters, Page, filtered, page
from governance.reads.oparl.privacy import NotPublic
from governance.reads.oparl.urls import Urls

_att = T.agenda_attachments.c


def papers(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    query = file_query().where(_att.id > f.after).order_by(None).order_by(_att.id)
    rows = list(
        conn.execute(filtered(query.limit(f.limit + 1), f, _att.created_at, _att.created_at))
    )
    return page([(r.attachment_id, _paper_json(urls, r)) for r in rows], f.limit)


def paper(conn: Connection | Session, urls: Urls, aid: int) -> Json:
    row = conn.execute(file_query().where(_att.id == aid)).first()
    if row is None:
        raise NotPublic
    return _paper_json(urls, row)


def _paper_json(urls: Urls, row: Row[Any]) -> Json:
    """An agenda item's document (Vorlage) as a Paper; its file, if stored, as mainFile."""
    return prune(
        {
            "id": urls.of("paper", row.attachment_id),
            "type": SCHEMA + "Paper",
            "body": urls.body(),
            "name": row.title,
            "paperType": "Anlage",
            "mainFile": file_json(urls, row) if row.id is not None else None,
            "web": row.url or None,
            "created": iso_time(row.attached_at),
            "modified": iso_time(row.attached_at),
        }
    )
