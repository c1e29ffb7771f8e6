"""Who the acting person is in a committee, and the checks of who may do what."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    String,
    bindparam,
    cast,
    event,
    literal_column,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import ORMExecuteState, Session

from governance.domain.permissions import CommitteeRole, allowed_roles, may
from governance.errors import Joined, NotPermitted, Text
from governance.models import (
    ActionArea,
    AreaCommittee,
    AreaCoordinator,
    Capacity,
    Committee,
    Membership,
    MembershipPerson,
    Organisation,
    Person,
    Programme,
    ProgrammeOffice,
    Role,
    SecretariatMember,
)
from governance.unit_of_work import UnitOfWork


def roles_of(
    session: Session, person: Person, committee: Committee, on: dt.date
) -> set[CommitteeRole]:
    """The roles *person* holds in *committee* on the day *on*.

    One statement (:data:`_SEATS`), and none for a second question in the same
    transaction: a page asks up to three times (the committee's 404, the buttons,
    who sees the answers). The memo lives in ``session.info`` and is dropped by
    any flush, any write statement through the session and the transaction's end
    (:func:`_forget_roles`); while the session holds unflushed changes it is not
    consulted at all, so the statement's autoflush sees a change in the making.
    """
    roles = {CommitteeRole.ADMIN} if person.is_admin else set()
    key = (person.id, committee.id, on)
    memo: dict[Any, frozenset[CommitteeRole]] | None = session.info.get(_ROLES_MEMO)
    if memo is not None and key in memo and not _pending(session):
        return roles | memo[key]
    seats = _seats(session, person.id, committee.id, on)
    if person.id is not None and committee.id is not None:
        session.info.setdefault(_ROLES_MEMO, {})[key] = seats
    return roles | seats


_ROLES_MEMO = "gremium.access.roles"

# The kinds of rows of _SEATS: a membership (with its role and capacity) or a seat above it.
_MEMBERSHIP, _SECRETARIAT, _COORDINATOR, _OFFICE = range(4)


def _seats_statement() -> Any:
    """Every seat of a person in a committee in one statement, built once: the
    memberships with role, capacity and term, then one row per secretariat seat,
    coordination of the committee's action area and office of that area's programme
    (models/programme.py). Bound by ``person`` and ``committee``."""
    ms, mp = Membership.__table__.c, MembershipPerson.__table__.c
    sm, ac = SecretariatMember.__table__.c, AreaCommittee.__table__.c
    co, po, aa = AreaCoordinator.__table__.c, ProgrammeOffice.__table__.c, ActionArea.__table__.c
    person, committee = bindparam("person", type_=Integer), bindparam("committee", type_=Integer)

    def kind(value: int) -> Any:
        return literal_column(str(value), Integer).label("kind")

    def nothing(name: str, type_: Any) -> Any:
        return cast(null(), type_).label(name)

    return union_all(
        select(kind(_MEMBERSHIP), ms.role, mp.capacity, ms.starts_on, ms.ends_on)
        .join_from(Membership.__table__, MembershipPerson.__table__, mp.membership_id == ms.id)
        .where(ms.committee_id == committee, mp.person_id == person),
        *(
            select(
                kind(which),
                nothing("role", String(20)),
                nothing("capacity", String(20)),
                nothing("starts_on", Date),
                nothing("ends_on", Date),
            )
            .select_from(source)
            .where(*where)
            for which, source, where in (
                (
                    _SECRETARIAT,
                    SecretariatMember.__table__,
                    (sm.committee_id == committee, sm.person_id == person),
                ),
                (
                    _COORDINATOR,
                    AreaCoordinator.__table__.join(
                        AreaCommittee.__table__, ac.area_id == co.area_id
                    ),
                    (ac.committee_id == committee, co.person_id == person),
                ),
                (
                    _OFFICE,
                    ProgrammeOffice.__table__.join(
                        ActionArea.__table__, aa.programme_id == po.programme_id
                    ).join(AreaCommittee.__table__, ac.area_id == aa.id),
                    (ac.committee_id == committee, po.person_id == person),
                ),
            )
        ),
    )


_SEATS = _seats_statement()

_BY_ROLE = {
    Role.CHAIR: CommitteeRole.CHAIR,
    Role.ADVISORY: CommitteeRole.ADVISORY,
}
_ABOVE = {
    _SECRETARIAT: CommitteeRole.SECRETARIAT,
    _COORDINATOR: CommitteeRole.AREA_COORDINATOR,
    _OFFICE: CommitteeRole.PROGRAMME_OFFICE,
}


def _seats(
    session: Session, person_id: int | None, committee_id: int | None, on: dt.date
) -> frozenset[CommitteeRole]:
    """The roles of the person's seats in the committee on *on* (all but admin)."""
    roles: set[CommitteeRole] = set()
    for kind, role, capacity, starts_on, ends_on in session.execute(
        _SEATS, {"person": person_id, "committee": committee_id}
    ):
        if kind != _MEMBERSHIP:
            roles.add(_ABOVE[kind])
        elif not (starts_on <= on and (ends_on is None or on < ends_on)):
            continue  # Membership.is_current
        elif role == Role.MEMBER:
            roles.add(
                CommitteeRole.REPRESENTATIVE
                if capacity == Capacity.REPRESENTATIVE
                else CommitteeRole.DEPUTY
            )
        else:
            roles.add(_BY_ROLE.get(role, CommitteeRole.GUEST))
    return frozenset(roles)


def _pending(session: Session) -> bool:
    """Whether *session* holds changes a statement would flush first."""
    return bool(session.new or session.dirty or session.deleted)


@event.listens_for(Session, "after_flush")
def _forget_after_flush(session: Session, _context: Any) -> None:
    session.info.pop(_ROLES_MEMO, None)


@event.listens_for(Session, "after_transaction_end")
def _forget_after_transaction(session: Session, _transaction: Any) -> None:
    session.info.pop(_ROLES_MEMO, None)


@event.listens_for(Session, "do_orm_execute")
def _forget_on_write(state: ORMExecuteState) -> None:
    """A write through the session (``session.execute(delete(...))``, erasure) may
    end a seat: the memo goes with it."""
    if not state.is_select:
        state.session.info.pop(_ROLES_MEMO, None)


def area_roles_of(session: Session, person: Person, area: ActionArea) -> set[CommitteeRole]:
    """The roles *person* holds for action *area*: its coordinator, the office of its
    programme, the installation's administrator."""
    roles = programme_roles_of(session, person, area.programme)
    coordinates = session.execute(
        select(AreaCoordinator.id).where(
            AreaCoordinator.area_id == area.id, AreaCoordinator.person_id == person.id
        )
    ).first()
    if coordinates:
        roles.add(CommitteeRole.AREA_COORDINATOR)
    return roles


def programme_roles_of(
    session: Session, person: Person, programme: Programme
) -> set[CommitteeRole]:
    """The roles *person* holds for *programme*: its office, the administrator."""
    roles: set[CommitteeRole] = set()
    if person.is_admin:
        roles.add(CommitteeRole.ADMIN)
    in_office = session.execute(
        select(ProgrammeOffice.id).where(
            ProgrammeOffice.programme_id == programme.id, ProgrammeOffice.person_id == person.id
        )
    ).first()
    if in_office:
        roles.add(CommitteeRole.PROGRAMME_OFFICE)
    return roles


def check_area(uow: UnitOfWork, action: str, area: ActionArea) -> set[CommitteeRole]:
    """Refuse unless the acting person may take *action* for action *area* (refused
    as in a committee: the permission message, audited by the unit of work)."""
    if uow.actor.is_system:
        return {CommitteeRole.ADMIN}
    person = uow.person()
    assert person is not None
    roles = area_roles_of(uow.session, person, area)
    if not may(action, roles):
        raise scope_refusal(uow, action, area.short_name, "action_areas", area.id)
    return roles


def check_programme(uow: UnitOfWork, action: str, programme: Programme) -> set[CommitteeRole]:
    """Refuse unless the acting person may take *action* for *programme*."""
    if uow.actor.is_system:
        return {CommitteeRole.ADMIN}
    person = uow.person()
    assert person is not None
    roles = programme_roles_of(uow.session, person, programme)
    if not may(action, roles):
        raise scope_refusal(uow, action, programme.short_name, "programmes", programme.id)
    return roles


def scope_refusal(
    uow: UnitOfWork, action: str, scope: str, entity_type: str, entity_id: int | None
) -> NotPermitted:
    """The permission refusal of *action* for an area or programme named *scope*
    (the same message as in a committee; audited without a committee)."""
    err = refusal(uow, action, Committee(short_name=scope, id=0), entity_type, entity_id)
    err.audit_context["committee_id"] = None
    return err


def areas_of(session: Session, person: Person) -> list[tuple[ActionArea, set[CommitteeRole]]]:
    """The action areas *person* coordinates or reads as a programme's office, with
    those roles, in the programmes' order (the overview links their pages)."""
    found: dict[int, tuple[ActionArea, set[CommitteeRole]]] = {}
    for area in session.execute(
        select(ActionArea)
        .join(AreaCoordinator, AreaCoordinator.area_id == ActionArea.id)
        .where(AreaCoordinator.person_id == person.id)
    ).scalars():
        found.setdefault(area.id, (area, set()))[1].add(CommitteeRole.AREA_COORDINATOR)
    for area in session.execute(
        select(ActionArea)
        .join(ProgrammeOffice, ProgrammeOffice.programme_id == ActionArea.programme_id)
        .where(ProgrammeOffice.person_id == person.id)
    ).scalars():
        found.setdefault(area.id, (area, set()))[1].add(CommitteeRole.PROGRAMME_OFFICE)
    return sorted(found.values(), key=lambda pair: (pair[0].programme_id, pair[0].position))


def organisations_of(
    session: Session, person: Person, committee: Committee, on: dt.date
) -> list[Organisation]:
    """The organisations *person* acts for in *committee* (as representative or deputy),
    in the order of their memberships (the first is whom a person named twice answers for)."""
    rows = session.execute(
        select(Membership)
        .join(MembershipPerson, MembershipPerson.membership_id == Membership.id)
        .where(Membership.committee_id == committee.id, MembershipPerson.person_id == person.id)
        .order_by(Membership.id)
    ).scalars()
    return [m.organisation for m in rows if m.is_current(on)]


def acts_for(
    session: Session, person: Person, organisation: Organisation, committee: Committee, on: dt.date
) -> bool:
    """Whether *person* may act for *organisation*: named for it in the committee, or belongs to it."""
    if person.organisation_id == organisation.id:
        return True
    return any(o.id == organisation.id for o in organisations_of(session, person, committee, on))


def check(
    uow: UnitOfWork,
    action: str,
    committee: Committee,
    *,
    entity_type: str = "committee",
    entity_id: int | None = None,
) -> set[CommitteeRole]:
    """Refuse unless the acting person may take *action* in *committee*; return their roles."""
    if uow.actor.is_system:
        return {CommitteeRole.ADMIN}
    person = uow.person()
    assert person is not None
    roles = roles_of(uow.session, person, committee, uow.today)
    if not may(action, roles):
        raise refusal(uow, action, committee, entity_type, entity_id)
    return roles


def check_operation(
    uow: UnitOfWork, action: str, committee_id: int | None, entity_type: str, entity_id: int
) -> None:
    """Refuse an operation on a row of the outbox or the timers unless the acting
    person may take *action* in its committee; a row of no committee is an
    administrator's business."""
    if uow.actor.is_system:
        return
    if committee_id is not None:
        committee = uow.session.get(Committee, committee_id)
        assert committee is not None
        check(uow, action, committee, entity_type=entity_type, entity_id=entity_id)
        return
    person = uow.person()
    if person is None or not person.is_admin:
        raise refusal(uow, action, Committee(short_name="-", id=0), entity_type, entity_id)


def refusal(
    uow: UnitOfWork,
    action: str,
    committee: Committee,
    entity_type: str = "committee",
    entity_id: int | None = None,
    reason: Text | None = None,
) -> NotPermitted:
    roles = sorted(allowed_roles(action) - {CommitteeRole.ADMIN}) or [CommitteeRole.ADMIN]
    err = NotPermitted(
        "error.not_permitted",
        actor=uow.actor.label,
        action=Text(f"action.{action}"),
        reason=reason
        or Text(
            "permission.only_roles",
            roles=Joined([Text(f"role.{r.value}") for r in roles], " / "),
            committee=committee.short_name,
        ),
    )
    return err.concerning(
        entity_type=entity_type,
        entity_id=entity_id if entity_id is not None else committee.id,
        action=action,
        committee_id=committee.id,
    )


def committees_of(
    session: Session, person: Person, on: dt.date
) -> list[tuple[Committee, set[CommitteeRole]]]:
    """The committees where *person* has a role on *on*, with those roles, by name.

    Two queries whatever the number of committees (an administrator's role
    in every committee is not listed: it is not a seat in the committee).
    """
    found: dict[int, tuple[Committee, set[CommitteeRole]]] = {}
    rows = session.execute(
        select(Committee, Membership, MembershipPerson.capacity)
        .join(Membership, Membership.committee_id == Committee.id)
        .join(MembershipPerson, MembershipPerson.membership_id == Membership.id)
        .where(MembershipPerson.person_id == person.id)
    ).all()
    for committee, membership, capacity in rows:
        if not membership.is_current(on):
            continue
        role = {
            Role.CHAIR: CommitteeRole.CHAIR,
            Role.ADVISORY: CommitteeRole.ADVISORY,
            Role.GUEST: CommitteeRole.GUEST,
        }.get(
            Role(membership.role),
            CommitteeRole.REPRESENTATIVE
            if capacity == Capacity.REPRESENTATIVE
            else CommitteeRole.DEPUTY,
        )
        found.setdefault(committee.id, (committee, set()))[1].add(role)
    for committee in session.execute(
        select(Committee)
        .join(SecretariatMember, SecretariatMember.committee_id == Committee.id)
        .where(SecretariatMember.person_id == person.id)
    ).scalars():
        found.setdefault(committee.id, (committee, set()))[1].add(CommitteeRole.SECRETARIAT)
    return sorted(found.values(), key=lambda pair: pair[0].name.lower())
