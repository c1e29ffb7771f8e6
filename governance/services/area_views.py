"""The overview of an action area or a programme as the people above the
committees see it: the area (or programme), its committees and coordinators,
and the lists across its committees (governance/reads/area_overview.py).

The web's pages call these with the signed-in person: an area coordinator
reads their areas, a programme's office every area of the programme, the
administrator everything (``area.read``, ``programme.read``); a refusal is the
permission message, audited. The command line reads the same lists through
Core without an acting person, as every other listing.
"""

from __future__ import annotations

from typing import Any

from governance.domain.periods import period
from governance.domain.permissions import CommitteeRole
from governance.reads import area_overview
from governance.reads import programmes as programme_reads
from governance.services import access, programmes
from governance.unit_of_work import UnitOfWork


def area_page(
    uow: UnitOfWork, ref: str | int, *, since: str | None = None, until: str | None = None
) -> dict[str, Any]:
    """Action area *ref* with its committees, coordinators and the lists across its
    committees; refused (and audited) unless the acting person may read the area."""
    area = programmes.area_by_ref(uow.session, ref)
    roles = access.check_area(uow, "area.read", area)
    start, end = period(uow.today, since, until)
    conn = uow.session.connection()
    view = programme_reads.area_view(conn, area.id)
    ids = programme_reads.committee_ids_of_area(conn, area.id)
    view["overview"] = area_overview.overview(conn, ids, now=uow.now, since=start, until=end)
    view["roles"] = sorted(roles)
    return view


def programme_page(
    uow: UnitOfWork, ref: str | int, *, since: str | None = None, until: str | None = None
) -> dict[str, Any]:
    """Programme *ref* with its areas and the lists across all their committees;
    refused (and audited) unless the acting person is in its office or the administrator."""
    programme = programmes.programme_by_ref(uow.session, ref)
    roles = access.check_programme(uow, "programme.read", programme)
    start, end = period(uow.today, since, until)
    conn = uow.session.connection()
    view = programme_reads.programme_view(conn, programme.id)
    ids = programme_reads.committee_ids_of_programme(conn, programme.id)
    view["overview"] = area_overview.overview(conn, ids, now=uow.now, since=start, until=end)
    view["roles"] = sorted(roles)
    return view


def my_areas(uow: UnitOfWork) -> dict[str, list[dict[str, Any]]]:
    """The areas and programmes the acting person works for above the committees (the
    overview page links them); the administrator sees every programme."""
    person = uow.person()
    if person is None:
        return {"areas": [], "programmes": []}
    # Core, two statements: the overview is the page everyone opens first (the areas
    # access.areas_of names, and the programmes whose office the person works in)
    conn = uow.session.connection()
    areas = [
        {
            "id": area["id"],
            "name": area["name"],
            "short_name": area["short_name"],
            "programme": area["programme"],
            "roles": sorted(
                {CommitteeRole.AREA_COORDINATOR}
                | ({CommitteeRole.PROGRAMME_OFFICE} if area["in_office"] else set())
            ),
        }
        for area in programme_reads.areas_coordinated(conn, person.id)
    ]
    if person.is_admin:
        found = [
            {"id": p["id"], "name": p["name"], "short_name": p["short_name"]}
            for p in programme_reads.list_programmes(conn)
        ]
    else:
        found = programme_reads.programmes_in_office(conn, person.id)
    return {"areas": areas, "programmes": found}
