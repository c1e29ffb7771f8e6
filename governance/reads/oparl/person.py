"""OParl Person: only people of committees that publish people, by name and role;
the e-mail address only with the person's consent; erased people as deleted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_PEOPLE
from governance.reads import tables as T
from governance.reads.oparl.deleted import deleted, tombstone, tombstones
from governance.reads.oparl.fields import SCHEMA, Json, prune, stamps
from governance.reads.oparl.membership import representation_json, representation_query
from governance.reads.oparl.paging import Filters, Page, filtered, modified, page
from governance.reads.oparl.privacy import person_public
from governance.reads.oparl.urls import Urls

_p = T.people.c
_mp = T.membership_people.c


def _person_query() -> Select[Any]:
    return select(
        _p.id, _p.name, _p.email, _p.email_public, _p.created_at, _p.modified_at, _p.erased_at
    )


def _person_json(urls: Urls, row: Row[Any], roles: dict[int, list[Json]]) -> Json:
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


def _roles_of(
    conn: Connection | Session, urls: Urls, person_ids: list[int]
) -> dict[int, list[Json]]:
    roles: dict[int, list[Json]] = {}
    if person_ids:
        query = representation_query().where(_mp.person_id.in_(person_ids)).order_by(_mp.id)
        for row in conn.execute(query):
            roles.setdefault(row.person_id, []).append(
                representation_json(urls, row, with_person=False)
            )
    return roles


def people(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    visible = and_(person_public(), _p.erased_at.is_(None))
    query = _person_query().where(visible, _p.id > f.after).order_by(_p.id).limit(f.limit + 1)
    rows = list(conn.execute(filtered(query, f, _p.created_at, modified(_p))))
    roles = _roles_of(conn, urls, [r.id for r in rows])
    found = [(r.id, _person_json(urls, r, roles)) for r in rows]
    # Erased people of committees that publish people: deleted, without any data.
    found += [
        (t.object_id, deleted(urls, "person", t.object_id, t.created_at, t.deleted_at))
        for t in tombstones(conn, "people", f, LEVELS_PEOPLE)
    ]
    return page(found, f.limit)


def person(conn: Connection | Session, urls: Urls, pid: int) -> Json:
    row = conn.execute(
        _person_query().where(_p.id == pid, person_public(), _p.erased_at.is_(None))
    ).first()
    if row is None:
        at = tombstone(conn, "people", pid, LEVELS_PEOPLE)
        return deleted(urls, "person", pid, None, at)
    return _person_json(urls, row, _roles_of(conn, urls, [pid]))
