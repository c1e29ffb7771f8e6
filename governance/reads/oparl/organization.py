"""OParl Organization: committees ("Gremium") and the partner organisations seated in
them ("Institution"), in one list."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Select, and_, literal, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_MEETINGS
from governance.reads import tables as T
from governance.reads.oparl.fields import SCHEMA, Json, prune, stamps
from governance.reads.oparl.joined import Layout
from governance.reads.oparl.paging import Filters, Page, filtered, keyset, modified
from governance.reads.oparl.paging import page as page_of
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


def _committee_json(urls: Urls, row: Any, members: dict[int, list[int]]) -> Json:
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


def _organisation_json(urls: Urls, row: Any) -> Json:
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


def _branches(f: Filters) -> list[Select[Any]]:
    """The keyset branches (paging.keyset): the public committees (key: their id), then
    the public partner organisations (key: ORG_SPLIT + their id)."""
    committees = select(_c.id.label("page_key"), literal(True).label("is_committee")).where(
        committee_at(LEVELS_MEETINGS), _c.id > f.after, _c.id < ORG_SPLIT
    )
    organisations = select(
        (_o.id + ORG_SPLIT).label("page_key"), literal(False).label("is_committee")
    ).where(organisation_public(), _o.id > max(f.after - ORG_SPLIT, 0))
    return [
        filtered(committees, f, _c.created_at, modified(_c)),
        filtered(organisations, f, _o.created_at, modified(_o)),
    ]


@functools.cache
def _layout() -> Layout:
    return Layout(
        {
            "committee": list(_committee_query().selected_columns),
            "organisation": list(_organisation_query().selected_columns),
            "seat": [_ms.id],
        }
    )


def organizations(conn: Connection | Session, urls: Urls, f: Filters) -> Page:
    """A page of committees and partner organisations, with the committees' seats: one
    statement."""
    page = keyset(_branches(f), f.limit + 1)
    layout = _layout()
    statement = (
        select(page.c.page_key, *layout.columns)
        .select_from(page)
        .outerjoin(T.committees, and_(page.c.is_committee, _c.id == page.c.page_key))
        .outerjoin(
            T.organisations, and_(~page.c.is_committee, _o.id == page.c.page_key - ORG_SPLIT)
        )
        .outerjoin(T.memberships, _ms.committee_id == _c.id)
        .order_by(page.c.page_key, _ms.id)
    )
    rows: dict[int, Any] = {}
    seats: dict[int, list[int]] = {}
    for row in conn.execute(statement):
        rows.setdefault(row.page_key, row)
        if (seat := layout.part(row, "seat")) is not None:
            seats.setdefault(row.page_key, []).append(seat.id)
    found: list[tuple[int, Json]] = []
    for key, row in rows.items():
        if (held := layout.part(row, "committee")) is not None:
            found.append((key, _committee_json(urls, held, seats)))
        elif (partner := layout.part(row, "organisation")) is not None:
            found.append((key, _organisation_json(urls, partner)))
    return page_of(found, f.limit)


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
