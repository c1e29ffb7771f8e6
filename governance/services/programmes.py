"""Programmes, their action areas, which committee is in which area, and who
works above the committees (area coordinators, a programme's office).

The installation's administrator sets these up, as committees
(``programme.create`` in domain/permissions.py); every change is audited.
Lookups take what a user types: a number, a short name or a name.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance.errors import Conflict, InvalidInput, NotFound, Text
from governance.models import (
    ActionArea,
    AreaCommittee,
    AreaCoordinator,
    Committee,
    Person,
    Programme,
    ProgrammeOffice,
)
from governance.services import access, directory, validation
from governance.unit_of_work import UnitOfWork

MAX_DESCRIPTION = 2000
MAX_AREAS = 200
"""Areas per programme (the Gemeinschaftsinitiative has 13): a bound on what one
programme's pages and listings read."""

# --- lookups ---


def programme_by_ref(session: Session, ref: str | int) -> Programme:
    """Programme *ref* (:func:`governance.reads.programmes.programme_id_by_ref`)."""
    from governance.reads.programmes import programme_id_by_ref

    programme = session.get(Programme, programme_id_by_ref(session.connection(), ref))
    assert programme is not None
    return programme


def area_by_ref(session: Session, ref: str | int) -> ActionArea:
    """Action area *ref* (:func:`governance.reads.programmes.area_id_by_ref`)."""
    from governance.reads.programmes import area_id_by_ref

    area = session.get(ActionArea, area_id_by_ref(session.connection(), ref))
    assert area is not None
    return area


def _short_name(value: str) -> str:
    """A short name as commands and addresses take it: one word, not a number (a
    number is taken as the id)."""
    text = str(value).strip()
    if (
        not text
        or len(text) > 40
        or text.isdigit()
        or any(ch.isspace() or ch in "/?#%" for ch in text)
    ):
        raise InvalidInput("programmes.error.short_name", value=text[:80])
    return validation.text(text, "--short", 40)


def _require_admin(uow: UnitOfWork, scope: str, entity_type: str, entity_id: int | None) -> None:
    """Only the installation's administrator sets programmes up (refused and audited
    as every permission refusal)."""
    if uow.actor.is_system:
        return
    person = uow.person()
    if person is None or not person.is_admin:
        raise access.scope_refusal(uow, "programme.create", scope, entity_type, entity_id)


# --- changes ---


def add_programme(
    uow: UnitOfWork, *, name: str, short_name: str, description: str = ""
) -> Programme:
    """Create a programme (e.g. the Gemeinschaftsinitiative)."""
    _require_admin(uow, str(short_name)[:40], "programmes", None)
    name = validation.text(name, "name", 300)
    short_name = _short_name(short_name)
    description = " ".join(str(description).split())
    if len(description) > MAX_DESCRIPTION:
        raise InvalidInput("error.text", what="--description", max=MAX_DESCRIPTION)
    for existing in (short_name, name):
        try:
            programme_by_ref(uow.session, existing)
        except NotFound:
            continue
        raise Conflict("error.duplicate", kind=Text("kind.programme"), ref=existing)
    programme = Programme(
        name=name, short_name=short_name, description=description, created_at=uow.now
    )
    uow.session.add(programme)
    uow.session.flush()
    uow.audit(
        entity_type="programmes",
        entity_id=programme.id,
        action="programme.add",
        details={"name": name, "short_name": short_name},
    )
    return programme


def add_area(
    uow: UnitOfWork, programme: Programme | str | int, *, name: str, short_name: str
) -> ActionArea:
    """Add an action area (Handlungsraum) to *programme*, after its other areas."""
    if not isinstance(programme, Programme):
        programme = programme_by_ref(uow.session, programme)
    _require_admin(uow, programme.short_name, "programmes", programme.id)
    name = validation.text(name, "name", 300)
    short_name = _short_name(short_name)
    try:
        area_by_ref(uow.session, short_name)
    except NotFound:
        pass
    else:
        raise Conflict("error.duplicate", kind=Text("kind.area"), ref=short_name)
    same_name = uow.session.execute(
        select(ActionArea.id).where(
            ActionArea.programme_id == programme.id, func.lower(ActionArea.name) == name.lower()
        )
    ).first()
    if same_name:
        raise Conflict("error.duplicate", kind=Text("kind.area"), ref=name)
    count, last = uow.session.execute(
        select(func.count(ActionArea.id), func.max(ActionArea.position)).where(
            ActionArea.programme_id == programme.id
        )
    ).one()
    if count >= MAX_AREAS:
        raise InvalidInput("programmes.error.too_many_areas", max=MAX_AREAS)
    area = ActionArea(
        programme_id=programme.id,
        name=name,
        short_name=short_name,
        position=(last or 0) + 1,
        created_at=uow.now,
    )
    uow.session.add(area)
    uow.session.flush()
    uow.audit(
        entity_type="action_areas",
        entity_id=area.id,
        action="area.add",
        details={"programme": programme.short_name, "name": name, "short_name": short_name},
    )
    return area


def rename_area(
    uow: UnitOfWork,
    area: ActionArea | str | int,
    *,
    name: str,
    short_name: str | None = None,
) -> ActionArea:
    """Give action *area* a new *name* (and *short_name*, if given): the programme's
    office or the administrator, e.g. when an area set up by its number gets the name
    the programme uses. Links carry the area's id, so they keep working."""
    if not isinstance(area, ActionArea):
        area = area_by_ref(uow.session, area)
    access.check_area(uow, "area.rename", area)
    name = validation.text(name, "name", 300)
    new_short = area.short_name if short_name is None else _short_name(short_name)
    if name == area.name and new_short == area.short_name:
        raise InvalidInput("programmes.error.rename_same", name=name, short=new_short)
    if new_short.lower() != area.short_name.lower():
        taken = uow.session.execute(
            select(ActionArea.id).where(
                func.lower(ActionArea.short_name) == new_short.lower(), ActionArea.id != area.id
            )
        ).first()
        if taken:
            raise Conflict("error.duplicate", kind=Text("kind.area"), ref=new_short)
    same_name = uow.session.execute(
        select(ActionArea.id).where(
            ActionArea.programme_id == area.programme_id,
            func.lower(ActionArea.name) == name.lower(),
            ActionArea.id != area.id,
        )
    ).first()
    if same_name:
        raise Conflict("error.duplicate", kind=Text("kind.area"), ref=name)
    before = {"name": area.name, "short_name": area.short_name}
    area.name, area.short_name = name, new_short
    uow.session.flush()
    uow.audit(
        entity_type="action_areas",
        entity_id=area.id,
        action="area.rename",
        details={"from": before, "to": {"name": name, "short_name": new_short}},
    )
    return area


def add_committee(
    uow: UnitOfWork, area: ActionArea | str | int, committee: Committee | str | int
) -> AreaCommittee:
    """Put *committee* into action *area* (a committee is in one area at most)."""
    if not isinstance(area, ActionArea):
        area = area_by_ref(uow.session, area)
    _require_admin(uow, area.short_name, "action_areas", area.id)
    if not isinstance(committee, Committee):
        committee = directory.committee_by_ref(uow.session, committee)
    existing = uow.session.execute(
        select(AreaCommittee).where(AreaCommittee.committee_id == committee.id)
    ).scalar_one_or_none()
    if existing is not None:
        raise Conflict(
            "programmes.error.committee_in_area",
            committee=committee.short_name,
            area=existing.area.name,
        )
    link = AreaCommittee(area_id=area.id, committee_id=committee.id, added_at=uow.now)
    uow.session.add(link)
    uow.session.flush()
    uow.audit(
        entity_type="action_areas",
        entity_id=area.id,
        committee_id=committee.id,
        action="area.add_committee",
        details={"area": area.short_name, "committee": committee.short_name},
    )
    return link


def remove_committee(
    uow: UnitOfWork, area: ActionArea | str | int, committee: Committee | str | int
) -> None:
    """Take *committee* out of action *area* (it then stands alone)."""
    if not isinstance(area, ActionArea):
        area = area_by_ref(uow.session, area)
    _require_admin(uow, area.short_name, "action_areas", area.id)
    if not isinstance(committee, Committee):
        committee = directory.committee_by_ref(uow.session, committee)
    link = uow.session.execute(
        select(AreaCommittee).where(
            AreaCommittee.committee_id == committee.id, AreaCommittee.area_id == area.id
        )
    ).scalar_one_or_none()
    if link is None:
        raise NotFound(
            "error.not_found",
            kind=Text("kind.committee"),
            ref=committee.short_name,
            hint=Text("programmes.hint.not_in_area", area=area.name),
        )
    uow.session.delete(link)
    uow.session.flush()
    uow.audit(
        entity_type="action_areas",
        entity_id=area.id,
        committee_id=committee.id,
        action="area.remove_committee",
        details={"area": area.short_name, "committee": committee.short_name},
    )


def appoint_coordinator(
    uow: UnitOfWork, area: ActionArea | str | int, person: Person | str
) -> AreaCoordinator:
    """Make *person* (or their e-mail address) a coordinator of action *area*."""
    if not isinstance(area, ActionArea):
        area = area_by_ref(uow.session, area)
    _require_admin(uow, area.short_name, "action_areas", area.id)
    if isinstance(person, str):
        person = directory.person_by_email(uow.session, person)
    exists = uow.session.execute(
        select(AreaCoordinator.id).where(
            AreaCoordinator.area_id == area.id, AreaCoordinator.person_id == person.id
        )
    ).first()
    if exists:
        raise Conflict("error.duplicate", kind=Text("role.area_coordinator"), ref=person.email)
    appointment = AreaCoordinator(area_id=area.id, person_id=person.id, appointed_at=uow.now)
    uow.session.add(appointment)
    uow.session.flush()
    uow.audit(
        entity_type="action_areas",
        entity_id=area.id,
        action="area.appoint_coordinator",
        details={"area": area.short_name, "person_id": person.id},
    )
    return appointment


def dismiss_coordinator(
    uow: UnitOfWork, area: ActionArea | str | int, person: Person | str
) -> None:
    """End *person*'s coordination of action *area*."""
    if not isinstance(area, ActionArea):
        area = area_by_ref(uow.session, area)
    _require_admin(uow, area.short_name, "action_areas", area.id)
    if isinstance(person, str):
        person = directory.person_by_email(uow.session, person)
    appointment = uow.session.execute(
        select(AreaCoordinator).where(
            AreaCoordinator.area_id == area.id, AreaCoordinator.person_id == person.id
        )
    ).scalar_one_or_none()
    if appointment is None:
        raise NotFound(
            "error.not_found", kind=Text("role.area_coordinator"), ref=person.email, hint=""
        )
    uow.session.delete(appointment)
    uow.session.flush()
    uow.audit(
        entity_type="action_areas",
        entity_id=area.id,
        action="area.dismiss_coordinator",
        details={"area": area.short_name, "person_id": person.id},
    )


def appoint_office(
    uow: UnitOfWork, programme: Programme | str | int, person: Person | str
) -> ProgrammeOffice:
    """Take *person* (or their e-mail address) into the office of *programme*."""
    if not isinstance(programme, Programme):
        programme = programme_by_ref(uow.session, programme)
    _require_admin(uow, programme.short_name, "programmes", programme.id)
    if isinstance(person, str):
        person = directory.person_by_email(uow.session, person)
    exists = uow.session.execute(
        select(ProgrammeOffice.id).where(
            ProgrammeOffice.programme_id == programme.id, ProgrammeOffice.person_id == person.id
        )
    ).first()
    if exists:
        raise Conflict("error.duplicate", kind=Text("role.programme_office"), ref=person.email)
    appointment = ProgrammeOffice(
        programme_id=programme.id, person_id=person.id, appointed_at=uow.now
    )
    uow.session.add(appointment)
    uow.session.flush()
    uow.audit(
        entity_type="programmes",
        entity_id=programme.id,
        action="programme.appoint_office",
        details={"programme": programme.short_name, "person_id": person.id},
    )
    return appointment
