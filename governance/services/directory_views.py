"""Read-only views of the directory as plain dicts (stable keys, for listings and --json).

Kept apart from :mod:`governance.services.directory`, which holds the
changes; nothing here writes to the database.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from governance.models import (
    Capacity,
    Committee,
    Membership,
    MembershipPerson,
    Organisation,
    Person,
    SecretariatMember,
)


def organisation_view(org: Organisation) -> dict[str, Any]:
    return {
        "id": org.id,
        "name": org.name,
        "short_name": org.short_name,
        "kind": org.kind,
        "created_at": org.created_at,
    }


def person_view(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "email": person.email,
        "function_title": person.function_title,
        "language": person.language,
        "organisation": person.organisation.short_name if person.organisation else None,
        "is_admin": person.is_admin,
        "created_at": person.created_at,
    }


def membership_view(membership: Membership) -> dict[str, Any]:
    return {
        "id": membership.id,
        "committee": membership.committee.short_name,
        "organisation": membership.organisation.short_name,
        "organisation_name": membership.organisation.name,
        "role": membership.role,
        "voting": membership.voting,
        "representatives": [p.email for p in membership.persons(Capacity.REPRESENTATIVE)],
        "deputies": [p.email for p in membership.persons(Capacity.DEPUTY)],
        "starts_on": membership.starts_on,
        "ends_on": membership.ends_on,
        "notice_given_on": membership.notice_given_on,
        "state": membership.state,
    }


def committee_view(session: Session, committee: Committee, on: dt.date) -> dict[str, Any]:
    """The committee with its rules, current members and secretariat."""
    secretariat = session.execute(
        select(Person)
        .join(SecretariatMember, SecretariatMember.person_id == Person.id)
        .where(SecretariatMember.committee_id == committee.id)
        .order_by(Person.email)
    ).scalars()
    memberships = list_memberships(session, committee)
    return {
        "id": committee.id,
        "name": committee.name,
        "short_name": committee.short_name,
        "sender_email": committee.sender_email,
        "created_at": committee.created_at,
        "rules": committee.rules.to_dict(),
        "members": [m for m in memberships if _current(m, on)],
        "secretariat": [p.email for p in secretariat],
    }


def _current(view: dict[str, Any], on: dt.date) -> bool:
    return view["starts_on"] <= on and (view["ends_on"] is None or on < view["ends_on"])


def list_organisations(session: Session) -> list[dict[str, Any]]:
    rows = session.execute(select(Organisation).order_by(Organisation.short_name)).scalars()
    return [organisation_view(o) for o in rows]


def list_people(session: Session, organisation: Organisation | None = None) -> list[dict[str, Any]]:
    stmt = select(Person).order_by(Person.email).options(selectinload(Person.organisation))
    if organisation is not None:
        stmt = stmt.where(Person.organisation_id == organisation.id)
    return [person_view(p) for p in session.execute(stmt).scalars()]


def list_committees(session: Session) -> list[dict[str, Any]]:
    rows = session.execute(select(Committee).order_by(Committee.short_name)).scalars()
    return [
        {
            "id": c.id,
            "name": c.name,
            "short_name": c.short_name,
            "sender_email": c.sender_email,
            "created_at": c.created_at,
        }
        for c in rows
    ]


def list_memberships(session: Session, committee: Committee) -> list[dict[str, Any]]:
    """Every membership of *committee*, past and present, in the order they were made."""
    rows = session.execute(
        select(Membership).where(Membership.committee_id == committee.id).order_by(Membership.id)
    ).scalars()
    return [membership_view(m) for m in rows]


def memberships_of_organisation(
    session: Session, organisation: Organisation
) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Membership)
        .where(Membership.organisation_id == organisation.id)
        .order_by(Membership.id)
    ).scalars()
    return [membership_view(m) for m in rows]


def memberships_of_person(session: Session, person: Person) -> list[dict[str, Any]]:
    """The memberships *person* acts for, each with the capacity they hold."""
    rows = session.execute(
        select(Membership, MembershipPerson.capacity)
        .join(MembershipPerson, MembershipPerson.membership_id == Membership.id)
        .where(MembershipPerson.person_id == person.id)
        .order_by(Membership.id)
    ).all()
    return [{**membership_view(m), "capacity": capacity} for m, capacity in rows]
