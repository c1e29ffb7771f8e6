"""Programmes and their action areas as the listings show them (Core, plain dicts),
and which committees an area or a programme covers.

:func:`committee_ids_of_area` and :func:`committee_ids_of_programme` are the one
place that answers "which committees are these": the area overview, the
calendar feed of an area and the area's annual report all read through them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from governance.errors import NotFound, Text
from governance.reads import tables

_p = tables.programmes.c
_a = tables.action_areas.c
_ac = tables.area_committees.c


def programme_id_by_ref(conn: Connection, ref: str | int) -> int:
    """The id of programme *ref* (number, short name or name, any case); NotFound
    names the programmes that exist."""
    return _id_by_ref(conn, tables.programmes, "kind.programme", ref)


def area_id_by_ref(conn: Connection, ref: str | int) -> int:
    """The id of action area *ref* (number, short name or name, any case; a name
    shared by areas of two programmes is ambiguous: use the short name)."""
    return _id_by_ref(conn, tables.action_areas, "kind.area", ref)


def _id_by_ref(conn: Connection, clause: Any, kind: str, ref: str | int) -> int:
    c = clause.c
    text = str(ref).strip()
    found: list[int] = []
    if isinstance(ref, int) or text.isdigit():
        found = list(conn.execute(select(c.id).where(c.id == int(text))).scalars())
    if not found:
        found = list(
            conn.execute(select(c.id).where(func.lower(c.short_name) == text.lower())).scalars()
        )
    if not found:
        found = list(
            conn.execute(select(c.id).where(func.lower(c.name) == text.lower()).limit(2)).scalars()
        )
    if len(found) != 1:
        known = conn.execute(select(c.short_name).order_by(c.short_name).limit(30)).scalars().all()
        hint = Text("hint.known", names=", ".join(known)) if known else ""
        raise NotFound("error.not_found", kind=Text(kind), ref=text[:80], hint=hint)
    return int(found[0])


def committee_ids_of_area(conn: Connection, area_ref: str | int) -> list[int]:
    """The ids of the committees in action area *area_ref* (as :func:`area_id_by_ref`
    takes it), ascending; NotFound for an area that does not exist."""
    area_id = area_id_by_ref(conn, area_ref)
    return [
        int(i)
        for i in conn.execute(
            select(_ac.committee_id).where(_ac.area_id == area_id).order_by(_ac.committee_id)
        ).scalars()
    ]


def committee_ids_of_programme(conn: Connection, programme_ref: str | int) -> list[int]:
    """The ids of the committees in every action area of programme *programme_ref*
    (as :func:`programme_id_by_ref` takes it), ascending."""
    programme_id = programme_id_by_ref(conn, programme_ref)
    return [
        int(i)
        for i in conn.execute(
            select(_ac.committee_id)
            .join(tables.action_areas, _a.id == _ac.area_id)
            .where(_a.programme_id == programme_id)
            .order_by(_ac.committee_id)
        ).scalars()
    ]


def area_of_committee(conn: Connection, committee_id: int) -> dict[str, Any] | None:
    """The action area (and its programme) *committee_id* belongs to, or None."""
    row = (
        conn.execute(
            select(
                _a.id,
                _a.name,
                _a.short_name,
                _p.id.label("programme_id"),
                _p.name.label("programme"),
                _p.short_name.label("programme_short_name"),
            )
            .join(tables.area_committees, _ac.area_id == _a.id)
            .join(tables.programmes, _p.id == _a.programme_id)
            .where(_ac.committee_id == committee_id)
        )
        .mappings()
        .first()
    )
    return dict(row) if row is not None else None


_PROGRAMME_AREAS = (
    select(_a.programme_id, func.count(_a.id).label("n")).group_by(_a.programme_id).subquery()
)
_PROGRAMME_COMMITTEES = (
    select(_a.programme_id, func.count(_ac.id).label("n"))
    .join(tables.area_committees, _ac.area_id == _a.id)
    .group_by(_a.programme_id)
    .subquery()
)
_PROGRAMMES = (
    select(
        _p.id,
        _p.name,
        _p.short_name,
        _p.description,
        func.coalesce(_PROGRAMME_AREAS.c.n, 0).label("areas"),
        func.coalesce(_PROGRAMME_COMMITTEES.c.n, 0).label("committees"),
    )
    .outerjoin(_PROGRAMME_AREAS, _PROGRAMME_AREAS.c.programme_id == _p.id)
    .outerjoin(_PROGRAMME_COMMITTEES, _PROGRAMME_COMMITTEES.c.programme_id == _p.id)
    .order_by(_p.short_name)
)
"""Built once: the administrator's overview lists the programmes on every cold view."""


def list_programmes(conn: Connection) -> list[dict[str, Any]]:
    """Every programme with the number of its areas and committees, by short name."""
    return [dict(r) for r in conn.execute(_PROGRAMMES).mappings()]


_co, _po = tables.area_coordinators.c, tables.programme_offices.c
_COORDINATED = (
    select(
        _a.id,
        _a.name,
        _a.short_name,
        _p.name.label("programme"),
        select(_po.id)
        .where(_po.programme_id == _a.programme_id, _po.person_id == bindparam("person_id"))
        .exists()
        .label("in_office"),
    )
    .join_from(tables.action_areas, tables.area_coordinators, _co.area_id == _a.id)
    .join(tables.programmes, _p.id == _a.programme_id)
    .where(_co.person_id == bindparam("person_id"))
    .order_by(_a.programme_id, _a.position, _a.id)
)
_IN_OFFICE = (
    select(_p.id, _p.name, _p.short_name)
    .join_from(tables.programmes, tables.programme_offices, _po.programme_id == _p.id)
    .where(_po.person_id == bindparam("person_id"))
    .order_by(_p.short_name)
)


def areas_coordinated(conn: Connection, person_id: int) -> list[dict[str, Any]]:
    """The action areas *person_id* coordinates, in the programmes' order (id, name,
    short_name, programme: its name, in_office: whether the person is also in the
    programme's office): the overview's links, one statement."""
    found: dict[int, dict[str, Any]] = {}
    for r in conn.execute(_COORDINATED, {"person_id": person_id}).mappings():
        found.setdefault(r["id"], dict(r))
    return list(found.values())


def programmes_in_office(conn: Connection, person_id: int) -> list[dict[str, Any]]:
    """The programmes whose office *person_id* works in (id, name, short_name), by short name."""
    return [dict(r) for r in conn.execute(_IN_OFFICE, {"person_id": person_id}).mappings()]


def programme_view(conn: Connection, programme_id: int) -> dict[str, Any]:
    """The programme, its office and its areas in order, each with its committees and
    coordinators (four statements whatever the number of areas)."""
    row = (
        conn.execute(
            select(_p.id, _p.name, _p.short_name, _p.description, _p.created_at).where(
                _p.id == programme_id
            )
        )
        .mappings()
        .one()
    )
    areas = _areas(conn, _a.programme_id == programme_id)
    people = tables.people.c
    po = tables.programme_offices.c
    office = conn.execute(
        select(people.name, people.email)
        .join(tables.programme_offices, po.person_id == people.id)
        .where(po.programme_id == programme_id)
        .order_by(people.name)
    ).mappings()
    return {**dict(row), "office": [dict(p) for p in office], "areas": areas}


def area_view(conn: Connection, area_id: int) -> dict[str, Any]:
    """The action area with its programme, committees and coordinators."""
    (area,) = _areas(conn, _a.id == area_id)
    return area


def _areas(conn: Connection, where: Any) -> list[dict[str, Any]]:
    c, people = tables.committees.c, tables.people.c
    co = tables.area_coordinators.c
    areas = [
        dict(r)
        for r in conn.execute(
            select(
                _a.id,
                _a.name,
                _a.short_name,
                _a.position,
                _p.id.label("programme_id"),
                _p.name.label("programme"),
                _p.short_name.label("programme_short_name"),
            )
            .join(tables.programmes, _p.id == _a.programme_id)
            .where(where)
            .order_by(_a.programme_id, _a.position, _a.id)
        ).mappings()
    ]
    ids = [a["id"] for a in areas]
    committees: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    coordinators: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    if ids:
        for r in conn.execute(
            select(_ac.area_id, c.id, c.name, c.short_name)
            .join(tables.committees, c.id == _ac.committee_id)
            .where(_ac.area_id.in_(ids))
            .order_by(c.short_name)
        ).mappings():
            committees[r["area_id"]].append(
                {"id": r["id"], "name": r["name"], "short_name": r["short_name"]}
            )
        for r in conn.execute(
            select(co.area_id, people.name, people.email)
            .join(tables.people, people.id == co.person_id)
            .where(co.area_id.in_(ids))
            .order_by(people.name)
        ).mappings():
            coordinators[r["area_id"]].append({"name": r["name"], "email": r["email"]})
    for a in areas:
        a["committees"] = committees[a["id"]]
        a["coordinators"] = coordinators[a["id"]]
    return areas
