"""OParl Organization: committees ("Gremium") and the partner organisations seated in
them ("Institution"), in one list."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_MEETINGS
from governance.reads import tables as T
from governance.reads.oparl.fields import SCHEMA, Json, prune, stamps
from governance.reads.oparl.paging import Filters, Page, filtered, modified, page
from governance.reads.oparl.privacy import NotPublic, committee_at, organisation_public
from governance.reads.oparl.urls import Urls

_c = T.committees.c
_o = T.organisations.c
_ms = T.memberships.c

ORG_SPLIT = 1_000_000_000
"""The organisation list runs through the committees, then the partner organisations:
its keyset position is a committee id, or ORG_SPLIT + an organisation id."""


def _committee_query() -> Select[Any]:
    return select(_c.id, _c.name, _c.short_name, _c.created_at, _c.modified_at).where(
        committee_at(LEVELS_MEETINGS)
    )


def _committee_json(urls: Urls, row: Row[Any], members: dict[int, list[int]]) -> Json:
    return prune(
        {
            "id": urls.of("committee", row.id),
            "type": SCHEMA + "Organization",
            "body": urls.body(),
            "name": row.name,
            "shortName": row.short_name,
            "organizationType": "Gremium",
            "classification": "Kooperationsgremium",
            "membership": [urls.of("membership", m) for m in members.get(row.id, [])],
            "meeting": urls.of("committee", f"{row.id}/meeting"),
            **stamps(row.created_at, row.modified_at),
        }
    )


def _organisation_query() -> Select[Any]:
    return select(_o.id, _o.name, _o.short_name, _o.created_at, _o.modified_at).where(
        organisation_public()
    )


def _organisation_json(urls: Urls, row: Row[Any]) -> Json:
    return prune(
        {
            "id": urls.of("organisation", row.id),
            "type": SCHEMA + "Organization",
            "body": urls.body(),
            "name": row.name,
            "shortName": row.short_name,
            "organizationType": "Institution",
            **stamps(row.created_at, row.modified_at),
        }
    )


def _seats_of(conn: Connection | Session, committee_ids: list[int]) -> dict[int, list[int]]:
    seats: dict[int, list[int]] = {}
    if committee_ids:
        for cid, mid in conn.execute(
            select(_ms.committee_id, _ms.id)
            .where(_ms.committee_id.in_(committee_ids))
            .order_by(_ms.id)
        ):
            seats.setdefault(cid, []).append(mid)
    return seats


def organizations(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    found: list[tuple[int, Json]] = []
    if f.after < ORG_SPLIT:
        query = _committee_query().where(_c.id > f.after).order_by(_c.id).limit(f.limit + 1)
        rows = list(conn.execute(filtered(query, f, _c.created_at, modified(_c))))
        seats = _seats_of(conn, [r.id for r in rows])
        found = [(r.id, _committee_json(urls, r, seats)) for r in rows]
        if len(found) > f.limit:
            return page(found, f.limit)
    rest = f.limit - len(found)
    after = max(f.after - ORG_SPLIT, 0)
    query = _organisation_query().where(_o.id > after).order_by(_o.id).limit(rest + 1)
    rows = list(conn.execute(filtered(query, f, _o.created_at, modified(_o))))
    found += [(ORG_SPLIT + r.id, _organisation_json(urls, r)) for r in rows]
    return page(found, f.limit)


def committee(conn: Connection | Session, urls: Urls, cid: int) -> Json:
    row = conn.execute(_committee_query().where(_c.id == cid)).first()
    if row is None:
        raise NotPublic
    return _committee_json(urls, row, _seats_of(conn, [cid]))


def organisation(conn: Connection | Session, urls: Urls, oid: int) -> Json:
    row = conn.execute(_organisation_query().where(_o.id == oid)).first()
    if row is None:
        raise NotPublic
    return _organisation_json(urls, row)
