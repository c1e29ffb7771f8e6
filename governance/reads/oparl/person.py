"""OParl Person: only people of committees that publish people, by name and role;
the e-mail address only with the person's consent; erased people as deleted."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, and_, exists, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_PEOPLE
from governance.reads import tables as T
from governance.reads.oparl.deleted import deleted, gone, tombstone
from governance.reads.oparl.fields import SCHEMA, Json, prune, stamps
from governance.reads.oparl.joined import Layout
from governance.reads.oparl.membership import representation_json, representation_query
from governance.reads.oparl.paging import Filters, Page, filtered, keyset, modified, nothing
from governance.reads.oparl.paging import page as page_of
from governance.reads.oparl.privacy import person_public
from governance.reads.oparl.urls import Urls

_p = T.people.c


def _person_query() -> Select[Any]:
    return select(
        _p.id, _p.name, _p.email, _p.email_public, _p.created_at, _p.modified_at, _p.erased_at
    )


def _person_json(urls: Urls, row: Any, roles: dict[int, list[Json]]) -> Json:
    return prune(
        {
            "id": urls.of("person", row.id),
            "type": SCHEMA + "Person",
            "body": urls.body(),
            "name": row.name,
            "email": [row.email] if row.email_public and row.email else None,
            "membership": roles.get(row.id, []),
            **stamps(row.created_at, row.modified_at),
        }
    )


@functools.cache
def _layout() -> tuple[Layout, Subquery]:
    roles = representation_query().subquery("role")
    return Layout({"person": list(_person_query().selected_columns), "role": list(roles.c)}), roles


def _visible() -> ColumnElement[bool]:
    return and_(person_public(), _p.erased_at.is_(None))


def _live(f: Filters) -> Select[Any]:
    query = select(
        _p.id.label("page_key"),
        nothing(_p.created_at, "created_at"),
        nothing(_p.modified_at, "deleted_at"),
    ).where(_visible(), _p.id > f.after)
    return filtered(query, f, _p.created_at, modified(_p))


def _alive(oid: ColumnElement[int]) -> ColumnElement[bool]:
    return exists().where(_p.id == oid, _visible())


def _page(conn: Connection | Session, urls: Urls, page: Subquery, limit: int) -> Page:
    """The people of *page* (paging.keyset) with their roles, or their tombstones: one
    statement."""
    layout, roles = _layout()
    statement = (
        select(page.c.page_key, page.c.created_at, page.c.deleted_at, *layout.columns)
        .select_from(page)
        .outerjoin(T.people, _p.id == page.c.page_key)
        .outerjoin(roles, roles.c.person_id == _p.id)
        .order_by(page.c.page_key, roles.c.id)
    )
    people: dict[int, Any] = {}
    tombs: dict[int, Any] = {}
    held: dict[int, list[Json]] = {}
    for row in conn.execute(statement):
        if row.deleted_at is not None:
            tombs[row.page_key] = row
            continue
        people.setdefault(row.page_key, layout.part(row, "person"))
        if (role := layout.part(row, "role")) is not None:
            held.setdefault(row.page_key, []).append(
                representation_json(urls, role, with_person=False)
            )
    found = [(pid, _person_json(urls, person, held)) for pid, person in people.items()]
    # Erased people of committees that publish people: deleted, without any data.
    found += [
        (pid, deleted(urls, "person", pid, t.created_at, t.deleted_at)) for pid, t in tombs.items()
    ]
    return page_of(found, limit)


def people(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    branches = [_live(f), *gone("people", f, _alive, LEVELS_PEOPLE)]
    return _page(conn, urls, keyset(branches, f.limit + 1), f.limit)


def person(conn: Connection | Session, urls: Urls, pid: int) -> Json:
    one = _live(Filters(after=pid - 1, limit=1)).where(_p.id == pid)
    shown = _page(conn, urls, keyset([one], 1), 1).data
    if not shown:
        at = tombstone(conn, "people", pid, LEVELS_PEOPLE)
        return deleted(urls, "person", pid, None, at)
    return shown[0]
