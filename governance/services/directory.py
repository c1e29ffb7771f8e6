"""Organisations, people, committees, memberships and the secretariat.

Every change is audited. Lookups accept what a user would type: a short
name, a full name or a number for organisations and committees, an e-mail
address for people.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance.domain.permissions import CommitteeRole
from governance.domain.rules import RulesOfProcedure
from governance.errors import Conflict, InvalidInput, NotFound, Text
from governance.models import (
    Capacity,
    Committee,
    Membership,
    MembershipPerson,
    Organisation,
    OrganisationKind,
    Person,
    Role,
    SecretariatMember,
)
from governance.services import access, validation
from governance.services.effective_dates import check_membership_start
from governance.unit_of_work import UnitOfWork

# --- lookups ---


def person_by_email(session: Session, email: str) -> Person:
    address = validation.email(email, utf8_local=True)  # a lookup only
    person = session.execute(
        select(Person).where(func.lower(Person.email) == address.lower())
    ).scalar_one_or_none()
    if person is None:
        raise NotFound("error.not_found", kind=Text("kind.person"), ref=address, hint="")
    return person


def organisation_by_ref(session: Session, ref: str | int) -> Organisation:
    """Organisation *ref* (:func:`governance.reads.directory.organisation_id_by_ref`)."""
    from governance.reads.directory import organisation_id_by_ref

    org = session.get(Organisation, organisation_id_by_ref(session.connection(), ref))
    assert org is not None
    return org


def committee_by_ref(session: Session, ref: str | int | None) -> Committee:
    """The committee *ref*; without a ref, the only committee there is
    (:func:`governance.reads.committees.committee_id_by_ref` finds it)."""
    from governance.reads.committees import committee_id_by_ref

    committee = session.get(Committee, committee_id_by_ref(session.connection(), ref))
    assert committee is not None
    return committee


def membership_of(
    session: Session, committee: Committee, organisation: Organisation
) -> Membership | None:
    """The membership of *organisation* in *committee* that has not ended, if any."""
    return (
        session.execute(
            select(Membership)
            .where(
                Membership.committee_id == committee.id,
                Membership.organisation_id == organisation.id,
                Membership.state != "left",
            )
            .order_by(Membership.id.desc())
        )
        .scalars()
        .first()
    )


def current_memberships(session: Session, committee: Committee, on: dt.date) -> list[Membership]:
    rows = session.execute(
        select(Membership).where(Membership.committee_id == committee.id).order_by(Membership.id)
    ).scalars()
    return [m for m in rows if m.is_current(on)]


# --- changes ---


def _require_admin_or(uow: UnitOfWork, action: str, committee: Committee | None) -> None:
    if uow.actor.is_system:
        return
    person = uow.person()
    assert person is not None
    if person.is_admin:
        return
    if committee is None:
        # Outside any committee only an administrator may act; check against
        # any committee the person serves as chair or secretariat.
        for c in uow.session.execute(select(Committee)).scalars():
            if {CommitteeRole.CHAIR, CommitteeRole.SECRETARIAT} & access.roles_of(
                uow.session, person, c, uow.today
            ):
                return
        raise access.refusal(uow, action, Committee(short_name="*", id=0))
    access.check(uow, action, committee)


def add_organisation(
    uow: UnitOfWork, *, name: str, short_name: str, kind: str | OrganisationKind
) -> Organisation:
    _require_admin_or(uow, "directory.edit", None)
    name = validation.text(name, "name", 300)
    short_name = validation.text(short_name, "short_name", 80)
    kind = validation.choice(OrganisationKind, kind, "kind")
    for existing in (name, short_name):
        try:
            organisation_by_ref(uow.session, existing)
        except NotFound:
            continue
        raise Conflict("error.duplicate", kind=Text("kind.organisation"), ref=existing)
    org = Organisation(name=name, short_name=short_name, kind=kind.value, created_at=uow.now)
    uow.session.add(org)
    uow.session.flush()
    uow.audit(
        entity_type="organisations",
        entity_id=org.id,
        action="organisation.add",
        details={"name": name, "short_name": short_name, "kind": kind.value},
    )
    return org


def add_person(
    uow: UnitOfWork,
    *,
    name: str,
    email: str,
    function_title: str = "",
    language: str = "de",
    organisation: Organisation | str | None = None,
    is_admin: bool = False,
) -> Person:
    """Add a person; *organisation* by short name or number as typed, or the organisation."""
    if not is_admin:
        _require_admin_or(uow, "directory.edit", None)
    elif not uow.actor.is_system:
        raise InvalidInput(
            "error.choice", what="admin", value="true", allowed="only at gremium init"
        )
    if isinstance(organisation, str):
        organisation = organisation_by_ref(uow.session, organisation)
    name = validation.text(name, "name", 200)
    address = validation.email(email, utf8_local=uow.smtputf8)
    if language not in ("de", "en"):
        raise InvalidInput("error.language", value=language, allowed="de, en")
    try:
        person_by_email(uow.session, address)
    except NotFound:
        pass
    else:
        raise Conflict("error.duplicate", kind=Text("kind.person"), ref=address)
    person = Person(
        name=name,
        email=address,
        function_title=" ".join(function_title.split()),
        language=language,
        organisation_id=organisation.id if organisation else None,
        is_admin=is_admin,
        created_at=uow.now,
    )
    uow.session.add(person)
    uow.session.flush()
    uow.audit(
        entity_type="people",
        entity_id=person.id,
        action="person.add",
        # People by id only: no name or address in the chain (erasure must stay possible).
        details={
            "language": language,
            "organisation": organisation.short_name if organisation else None,
            "is_admin": is_admin,
        },
    )
    return person


def add_committee(
    uow: UnitOfWork,
    *,
    name: str,
    short_name: str,
    sender_email: str,
    rules: dict[str, Any] | None = None,
) -> Committee:
    if not uow.actor.is_system:
        person = uow.person()
        if person is None or not person.is_admin:
            raise access.refusal(uow, "committee.create", Committee(short_name=short_name, id=0))
    name = validation.text(name, "name", 300)
    short_name = validation.text(short_name, "short_name", 40)
    sender = validation.email(sender_email, utf8_local=uow.smtputf8)
    try:
        committee_by_ref(uow.session, short_name)
    except NotFound:
        pass
    else:
        raise Conflict("error.duplicate", kind=Text("kind.committee"), ref=short_name)
    parsed = _rules(RulesOfProcedure(), rules or {})
    committee = Committee(
        name=name,
        short_name=short_name,
        sender_email=sender,
        rules_data=parsed.to_dict(),
        created_at=uow.now,
    )
    uow.session.add(committee)
    uow.session.flush()
    uow.audit(
        entity_type="committees",
        entity_id=committee.id,
        committee_id=committee.id,
        action="committee.add",
        details={
            "name": name,
            "short_name": short_name,
            "sender_email": sender,
            "rules": parsed.to_dict(),
        },
    )
    return committee


def _rules(base: RulesOfProcedure, changes: dict[str, Any]) -> RulesOfProcedure:
    try:
        return base.updated(changes)
    except (ValueError, TypeError) as exc:
        raise InvalidInput("error.rules", problem=str(exc)) from None


def set_rules(uow: UnitOfWork, committee: Committee, changes: dict[str, Any]) -> RulesOfProcedure:
    access.check(uow, "committee.rules", committee)
    before = committee.rules
    after = _rules(before, changes)
    committee.rules = after
    diff = {
        k: {"from": v, "to": after.to_dict()[k]}
        for k, v in before.to_dict().items()
        if after.to_dict()[k] != v
    }
    uow.audit(
        entity_type="committees",
        entity_id=committee.id,
        committee_id=committee.id,
        action="committee.rules",
        details={"changes": diff},
    )
    return after


@dataclasses.dataclass(frozen=True)
class MembershipSpec:
    organisation: Organisation
    role: Role = Role.MEMBER
    voting: bool | None = None
    starts_on: dt.date | None = None
    representatives: tuple[Person, ...] = ()
    deputies: tuple[Person, ...] = ()


def check_membership_edit(uow: UnitOfWork, committee: Committee) -> None:
    """Refuse whoever may not change the members of *committee* (the chair and
    secretariat may; an administrator while the committee has no chair yet)."""
    if not _setting_up(uow, committee):
        access.check(uow, "membership.edit", committee)


def add_membership(uow: UnitOfWork, committee: Committee, spec: MembershipSpec) -> Membership:
    check_membership_edit(uow, committee)
    if spec.starts_on is not None:
        check_membership_start(uow, committee, spec.starts_on, "--from")
    return create_membership(uow, committee, spec)


def _setting_up(uow: UnitOfWork, committee: Committee) -> bool:
    """An administrator adds the first members of a committee that has no chair yet."""
    person = uow.person()
    if person is None or not person.is_admin:
        return False
    return not any(
        m.role == Role.CHAIR and m.is_current(uow.today)
        for m in current_memberships(uow.session, committee, uow.today)
    )


def create_membership(uow: UnitOfWork, committee: Committee, spec: MembershipSpec) -> Membership:
    """Create a membership without a permission check (accession has its own)."""
    role = validation.choice(Role, spec.role, "role")
    existing = membership_of(uow.session, committee, spec.organisation)
    if existing is not None:
        raise Conflict(
            "error.already_member",
            organisation=spec.organisation.short_name,
            committee=committee.short_name,
        )
    voting = spec.voting if spec.voting is not None else role in (Role.CHAIR, Role.MEMBER)
    if voting and role in (Role.ADVISORY, Role.GUEST):
        raise InvalidInput("error.voting_role", role=Text(f"role.{role.value}"))
    membership = Membership(
        committee_id=committee.id,
        organisation_id=spec.organisation.id,
        role=role.value,
        voting=voting,
        starts_on=spec.starts_on or uow.today,
        state="active",
    )
    uow.session.add(membership)
    for person in spec.representatives:
        membership.people.append(
            MembershipPerson(person=person, capacity=Capacity.REPRESENTATIVE.value)
        )
    for person in spec.deputies:
        membership.people.append(MembershipPerson(person=person, capacity=Capacity.DEPUTY.value))
    uow.session.flush()
    uow.audit(
        entity_type="memberships",
        entity_id=membership.id,
        committee_id=committee.id,
        action="membership.add",
        to_state="active",
        details={
            "organisation": spec.organisation.short_name,
            "role": role.value,
            "voting": voting,
            "starts_on": membership.starts_on.isoformat(),
            "representatives": [p.id for p in spec.representatives],
            "deputies": [p.id for p in spec.deputies],
        },
    )
    return membership


def add_membership_person(
    uow: UnitOfWork,
    committee: Committee,
    organisation: Organisation,
    person: Person,
    capacity: Capacity,
) -> None:
    access.check(uow, "membership.edit", committee)
    membership = membership_of(uow.session, committee, organisation)
    if membership is None:
        raise NotFound(
            "error.not_found", kind=Text("kind.membership"), ref=organisation.short_name, hint=""
        )
    if any(mp.person_id == person.id for mp in membership.people):
        raise Conflict("error.duplicate", kind=Text(f"role.{capacity.value}"), ref=person.email)
    membership.people.append(MembershipPerson(person=person, capacity=capacity.value))
    uow.session.flush()
    uow.audit(
        entity_type="memberships",
        entity_id=membership.id,
        committee_id=committee.id,
        action=f"membership.add_{capacity.value}",
        details={"organisation": organisation.short_name, "person_id": person.id},
    )


def add_secretariat(
    uow: UnitOfWork, committee: Committee | str | None, person: Person | str
) -> SecretariatMember:
    """Take *person* (or their e-mail address) into the secretariat of *committee*
    (or its reference as typed; None: the only committee there is)."""
    if not isinstance(committee, Committee):
        committee = committee_by_ref(uow.session, committee)
    access.check(uow, "committee.edit", committee)
    if isinstance(person, str):
        person = person_by_email(uow.session, person)
    exists = uow.session.execute(
        select(SecretariatMember).where(
            SecretariatMember.committee_id == committee.id, SecretariatMember.person_id == person.id
        )
    ).first()
    if exists:
        raise Conflict("error.duplicate", kind=Text("role.secretariat"), ref=person.email)
    member = SecretariatMember(committee=committee, person=person)
    uow.session.add(member)
    uow.session.flush()
    uow.audit(
        entity_type="committees",
        entity_id=committee.id,
        committee_id=committee.id,
        action="committee.add_secretariat",
        details={"person_id": person.id},
    )
    return member
