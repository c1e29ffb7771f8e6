"""Reading a committee as its people see it: members and roles, the rules of
procedure, and what the acting person may do there (plain frozen data).

The web's committee pages render these; which forms a page offers follows
:attr:`CommitteePage.allowed`, the actions of ``domain/permissions.py`` the
acting person's roles permit (the services check them again on every change).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from governance.domain.permissions import ACTIONS, CommitteeRole, may
from governance.models import Capacity, Committee, Membership, MembershipPerson, SecretariatMember
from governance.services import access, directory
from governance.services.rules_of_procedure import choices, setting_types
from governance.unit_of_work import UnitOfWork


@dataclasses.dataclass(frozen=True)
class PersonEntry:
    name: str
    email: str
    function_title: str


@dataclasses.dataclass(frozen=True)
class MemberEntry:
    organisation: str
    organisation_name: str
    role: str
    voting: bool
    representatives: tuple[PersonEntry, ...]
    deputies: tuple[PersonEntry, ...]
    starts_on: dt.date
    ends_on: dt.date | None
    state: str


@dataclasses.dataclass(frozen=True)
class CommitteePage:
    id: int
    short_name: str
    name: str
    sender_email: str
    roles: tuple[CommitteeRole, ...]
    """The acting person's roles in the committee."""
    allowed: frozenset[str]
    """The actions (domain/permissions.py) the acting person may take here."""
    members: tuple[MemberEntry, ...]
    secretariat: tuple[PersonEntry, ...]
    version: int
    """The committee's version (its rules' form sends it back: concurrent edits)."""
    my_organisations: tuple[str, ...] = ()
    """The organisations the acting person acts for here (short names)."""

    @property
    def chair(self) -> MemberEntry | None:
        return next((m for m in self.members if m.role == "chair"), None)


@dataclasses.dataclass(frozen=True)
class RuleEntry:
    name: str
    kind: str
    """int, bool, Fraction or the name of a choice (Majority, QuorumRule, HolidayPolicy)."""
    value: str
    """The value as it is typed (``true``/``false`` for yes and no)."""
    choices: tuple[str, ...]


def roles_and_allowed(
    uow: UnitOfWork, committee: Committee
) -> tuple[tuple[CommitteeRole, ...], frozenset[str]]:
    """The acting person's roles in *committee* and the actions they permit
    (refused with the permission message when they have none)."""
    roles = access.check(uow, "committee.read", committee)
    return tuple(sorted(roles)), frozenset(a for a in ACTIONS if may(a, roles))


def committee_page(uow: UnitOfWork, committee: Committee | str | int | None) -> CommitteePage:
    """The committee with its members that have not left (current, leaving, or joining
    on a later day), their people and the secretariat; a fixed number of statements
    whatever the number of members."""
    if not isinstance(committee, Committee):
        committee = directory.committee_by_ref(uow.session, committee)
    roles, allowed = roles_and_allowed(uow, committee)
    today = uow.today
    memberships = uow.session.execute(
        select(Membership)
        .where(Membership.committee_id == committee.id)
        .options(
            selectinload(Membership.organisation),
            selectinload(Membership.people).selectinload(MembershipPerson.person),
        )
        .order_by(Membership.id)
    ).scalars()
    order = {"chair": 0, "member": 1, "advisory": 2, "guest": 3}
    members = sorted(
        # current members, and those who join on a later day (an accession declared)
        (_member(m) for m in memberships if m.ends_on is None or today < m.ends_on),
        key=lambda m: (order.get(m.role, 9), m.organisation.lower()),
    )
    secretariat = uow.session.execute(
        select(SecretariatMember)
        .where(SecretariatMember.committee_id == committee.id)
        .options(selectinload(SecretariatMember.person))
        .order_by(SecretariatMember.id)
    ).scalars()
    return CommitteePage(
        id=committee.id,
        short_name=committee.short_name,
        name=committee.name,
        sender_email=committee.sender_email,
        roles=roles,
        allowed=allowed,
        members=tuple(members),
        secretariat=tuple(_person(s.person) for s in secretariat),
        version=committee.version,
        my_organisations=_mine(uow, committee),
    )


def _mine(uow: UnitOfWork, committee: Committee) -> tuple[str, ...]:
    person = uow.person()
    if person is None:
        return ()
    return tuple(
        o.short_name for o in access.organisations_of(uow.session, person, committee, uow.today)
    )


def rules_of(uow: UnitOfWork, committee: Committee | str | int | None) -> tuple[RuleEntry, ...]:
    """Every setting of the committee's rules of procedure, in the order of the rules."""
    if not isinstance(committee, Committee):
        committee = directory.committee_by_ref(uow.session, committee)
    access.check(uow, "committee.read", committee)
    values = committee.rules.to_dict()
    return tuple(
        RuleEntry(name=name, kind=kind, value=_typed(values[name]), choices=choices(kind))
        for name, kind in setting_types().items()
    )


def _typed(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _person(person: Any) -> PersonEntry:
    return PersonEntry(
        name=person.name, email=person.email, function_title=person.function_title or ""
    )


def _member(m: Membership) -> MemberEntry:
    return MemberEntry(
        organisation=m.organisation.short_name,
        organisation_name=m.organisation.name,
        role=m.role,
        voting=m.voting,
        representatives=tuple(_person(p) for p in m.persons(Capacity.REPRESENTATIVE)),
        deputies=tuple(_person(p) for p in m.persons(Capacity.DEPUTY)),
        starts_on=m.starts_on,
        ends_on=m.ends_on,
        state=m.state,
    )
