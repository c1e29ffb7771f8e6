"""Read-only views of the directory as plain dicts (stable keys, for listings and --json).

Kept apart from :mod:`governance.services.directory`, which holds the
changes; nothing here writes to the database. Committees and memberships are
read through Core (:mod:`governance.reads.committees`, what the read-only
commands use); these take a session for the fronts that hold one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from governance.models import Committee, Membership, Organisation, Person
from governance.reads import committees, directory, tables


def organisation_view(org: Organisation) -> dict[str, Any]:
    conn = _connection(org)
    return directory.organisations(conn, tables.directory_organisations.c.id == org.id)[0]


def person_view(person: Person) -> dict[str, Any]:
    conn = _connection(person)
    return directory.people(conn, tables.directory_people.c.id == person.id)[0]


def _connection(entity: object) -> Any:
    session = object_session(entity)
    assert session is not None, "an entity read from the database"
    session.flush()
    return session.connection()


def membership_view(membership: Membership) -> dict[str, Any]:
    session = object_session(membership)
    assert session is not None, "a membership read from the database"
    session.flush()
    conn = session.connection()
    return committees.memberships(conn, tables.memberships.c.id == membership.id)[0]


def committee_view(session: Session, committee: Committee, on: dt.date) -> dict[str, Any]:
    """The committee with its rules, current members and secretariat
    (:func:`governance.reads.committees.committee_view`)."""
    return committees.committee_view(session.connection(), committee.id, on)


def list_organisations(session: Session) -> list[dict[str, Any]]:
    return directory.organisations(session.connection())


def list_people(session: Session, organisation: Organisation | None = None) -> list[dict[str, Any]]:
    where = (
        []
        if organisation is None
        else [tables.directory_people.c.organisation_id == organisation.id]
    )
    return directory.people(session.connection(), *where)


def list_memberships(session: Session, committee: Committee) -> list[dict[str, Any]]:
    """Every membership of *committee*, past and present, in the order they were made."""
    return committees.memberships(
        session.connection(), tables.memberships.c.committee_id == committee.id
    )


def memberships_of_organisation(
    session: Session, organisation: Organisation
) -> list[dict[str, Any]]:
    return committees.memberships(
        session.connection(), tables.memberships.c.organisation_id == organisation.id
    )


def memberships_of_person(session: Session, person: Person) -> list[dict[str, Any]]:
    """The memberships *person* acts for, each with the capacity they hold."""
    conn = session.connection()
    mp = tables.membership_people.c
    capacities = dict(
        conn.execute(select(mp.membership_id, mp.capacity).where(mp.person_id == person.id)).all()
    )
    found = committees.memberships(conn, tables.memberships.c.id.in_(list(capacities)))
    return [{**m, "capacity": capacities[m["id"]]} for m in found]
