"""OParl Paper: an agenda item's document (Vorlage); its stored file as ``mainFile``."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from governance.reads import tables as T
from governance.reads.oparl.deleted import deleted, gone, page_of_live_or_gone, tombstone
from governance.reads.oparl.fields import SCHEMA, Json, iso_time, prune
from governance.reads.oparl.file import file_json, file_query
from governance.reads.oparl.joined import Layout
from governance.reads.oparl.paging import Filters, Page, filtered, keyset, later, modified, nothing
from governance.reads.oparl.urls import Urls

_a = T.agenda_items.c
_att = T.agenda_attachments.c


def _live(f: Filters) -> Select[Any]:
    query = file_query().with_only_columns(
        _att.id.label("page_key"),
        nothing(_att.created_at, "created_at"),
        nothing(_att.created_at, "deleted_at"),
    )
    modified_at = later(_att.created_at, modified(_a))
    return filtered(query.where(_att.id > f.after), f, _att.created_at, modified_at)


def _alive(oid: ColumnElement[int]) -> ColumnElement[bool]:
    return file_query().with_only_columns(_att.id).where(_att.id == oid).exists()


@functools.cache
def _layout() -> tuple[Layout, Subquery]:
    shown = file_query().order_by(None).subquery("paper")
    return Layout({"paper": list(shown.c)}), shown


def _page(conn: Connection | Session, urls: Urls, page: Subquery, limit: int) -> Page:
    """The papers of *page* (paging.keyset), or their tombstones: one statement."""
    return page_of_live_or_gone(
        conn, urls, "paper", page, _layout(), page.c.page_key, _paper_json, limit
    )


def papers(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    """A page of the public papers and, in a ``modified_since`` list, of the papers whose
    agenda item was withdrawn into closed session since."""
    branches = [_live(f), *gone("paper", f, _alive)]
    return _page(conn, urls, keyset(branches, f.limit + 1), f.limit)


def paper(conn: Connection | Session, urls: Urls, aid: int) -> Json:
    one = _live(Filters(after=aid - 1, limit=1)).where(_att.id == aid)
    shown = _page(conn, urls, keyset([one], 1), 1).data
    if not shown:
        return deleted(urls, "paper", aid, None, tombstone(conn, "paper", aid))
    return shown[0]


def _paper_json(urls: Urls, row: Any) -> Json:
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
            "modified": iso_time(row.paper_modified),
        }
    )
