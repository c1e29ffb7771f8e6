"""OParl Membership, two kinds: an organisation's seat in a committee (``membership``)
and a person representing an organisation there (``representation``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session

from governance.domain.publication import LEVELS_MEETINGS, LEVELS_PEOPLE
from governance.reads import tables as T
from governance.reads.oparl.deleted import deleted, tombstone
from governance.reads.oparl.fields import SCHEMA, Json, iso_time, prune
from governance.reads.oparl.privacy import committee_at
from governance.reads.oparl.urls import Urls

_c = T.committees.c
_p = T.people.c
_ms = T.memberships.c
_mp = T.membership_people.c


def membership(conn: Connection | Session, urls: Urls, mid: int) -> Json:
    """An organisation's seat in a committee: ``onBehalfOf`` the partner organisation."""
    row = conn.execute(
        select(
            _ms.id,
            _ms.committee_id,
            _ms.organisation_id,
            _ms.role,
            _ms.voting,
            _ms.starts_on,
            _ms.ends_on,
            _ms.modified_at,
        )
        .join_from(T.memberships, T.committees, _c.id == _ms.committee_id)
        .where(_ms.id == mid, committee_at(LEVELS_MEETINGS))
    ).first()
    if row is None:
        tomb = tombstone(conn, "memberships", mid)
        return deleted(urls, "membership", mid, None, tomb)
    return prune(
        {
            "id": urls.of("membership", row.id),
            "type": SCHEMA + "Membership",
            "organization": urls.of("committee", row.committee_id),
            "onBehalfOf": urls.of("organisation", row.organisation_id),
            "role": urls.words(f"oparl.role.{row.role}"),
            "votingRight": bool(row.voting),
            "startDate": row.starts_on.isoformat(),
            "endDate": row.ends_on.isoformat() if row.ends_on else None,
            **({"modified": iso_time(row.modified_at)} if row.modified_at else {}),
        }
    )


def representation_query() -> Select[Any]:
    """People's representations, only in committees that publish people."""
    return (
        select(
            _mp.id,
            _mp.person_id,
            _mp.capacity,
            _ms.committee_id,
            _ms.organisation_id,
            _ms.role,
            _ms.voting,
            _ms.starts_on,
            _ms.ends_on,
            _ms.modified_at,
        )
        .join_from(T.membership_people, T.memberships, _ms.id == _mp.membership_id)
        .join(T.committees, _c.id == _ms.committee_id)
        .join(T.people, _p.id == _mp.person_id)
        .where(committee_at(LEVELS_PEOPLE), _p.erased_at.is_(None))
    )


def representation_json(urls: Urls, row: Row[Any], *, with_person: bool = True) -> Json:
    # The person's role in the committee: the capacity for the organisation, and the
    # organisation's seat (only a voting seat's representative holds a voting right).
    role = (
        urls.words(f"oparl.capacity.{row.capacity}")
        + " ("
        + urls.words(f"oparl.role.{row.role}")
        + ")"
    )
    return prune(
        {
            "id": urls.of("representation", row.id),
            "type": SCHEMA + "Membership",
            "person": urls.of("person", row.person_id) if with_person else None,
            "organization": urls.of("committee", row.committee_id),
            "onBehalfOf": urls.of("organisation", row.organisation_id),
            "role": role,
            "votingRight": bool(row.voting) and row.capacity == "representative",
            "startDate": row.starts_on.isoformat(),
            "endDate": row.ends_on.isoformat() if row.ends_on else None,
        }
    )


def representation(conn: Connection | Session, urls: Urls, rid: int) -> Json:
    """A person representing an organisation in a committee (a Membership with ``person``)."""
    row = conn.execute(representation_query().where(_mp.id == rid)).first()
    if row is None:
        tomb = tombstone(conn, "membership_people", rid, LEVELS_PEOPLE)
        return deleted(urls, "representation", rid, None, tomb)
    return representation_json(urls, row)
