"""Programmes, action areas and the roles above the committee, on a real database
(SQLite and PostgreSQL), built from an empty installation: who reads which
committee, which committees an area or a programme covers, refusals audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from governance.bootstrap import App
from governance.domain.permissions import CommitteeRole
from governance.errors import Conflict, InvalidInput, NotFound, NotPermitted
from governance.models import AuditRecord
from governance.reads.programmes import committee_ids_of_area, committee_ids_of_programme
from governance.services import access, directory, programmes
from tests.conftest import SYSTEM

ADMIN = "admin@gremium.example.org"
COORDINATOR = "koordination@bezirk.example.org"
OFFICE = "buero@senat.example.org"
NOBODY = "niemand@example.org"


@pytest.fixture
def setup(any_app: App) -> App:
    """From nothing: an administrator, three committees, a programme with two areas,
    two committees in the first area, one in the second, one standing alone."""
    with any_app.unit_of_work(SYSTEM) as uow:
        directory.add_person(uow, name="Ada Admin", email=ADMIN, is_admin=True)
    with any_app.unit_of_work(ADMIN) as uow:
        for short in ("A1", "A2", "B1", "ALONE"):
            directory.add_committee(
                uow,
                name=f"Gremium {short}",
                short_name=short,
                sender_email=f"{short}@x.example.org",
            )
        for name, email in (("Kora", COORDINATOR), ("Otto", OFFICE), ("Nora", NOBODY)):
            directory.add_person(uow, name=name, email=email)
        gi = programmes.add_programme(uow, name="Gemeinschaftsinitiative", short_name="GI")
        programmes.add_area(uow, gi, name="Stadtrand Süd", short_name="stadtrand-sued")
        programmes.add_area(uow, "GI", name="Nord", short_name="nord")
        programmes.add_committee(uow, "stadtrand-sued", "A1")
        programmes.add_committee(uow, "Stadtrand Süd", "A2")
        programmes.add_committee(uow, "nord", "B1")
        programmes.appoint_coordinator(uow, "stadtrand-sued", COORDINATOR)
        programmes.appoint_office(uow, "GI", OFFICE)
    return any_app


def ids(app: App, *shorts: str) -> list[int]:
    with app.db.session() as s:
        return sorted(directory.committee_by_ref(s, x).id for x in shorts)


def test_an_area_and_a_programme_cover_their_committees(setup: App) -> None:
    south, north, every = ids(setup, "A1", "A2"), ids(setup, "B1"), ids(setup, "A1", "A2", "B1")
    with setup.db.engine.connect() as conn:
        assert committee_ids_of_area(conn, "stadtrand-sued") == south
        assert committee_ids_of_area(conn, "NORD") == north
        assert committee_ids_of_programme(conn, "GI") == every
        assert committee_ids_of_programme(conn, "gemeinschaftsinitiative") == every
        with pytest.raises(NotFound) as err:
            committee_ids_of_area(conn, "süd")
        assert "nord, stadtrand-sued" in err.value.message("de")


def test_the_coordinator_reads_the_committees_of_the_area_only(setup: App) -> None:
    with setup.unit_of_work(COORDINATOR) as uow:
        person = uow.person()
        assert person is not None
        for short, expected in (("A1", True), ("A2", True), ("B1", False), ("ALONE", False)):
            c = directory.committee_by_ref(uow.session, short)
            roles = access.roles_of(uow.session, person, c, uow.today)
            assert (roles == {CommitteeRole.AREA_COORDINATOR}) is expected, short
        a1 = directory.committee_by_ref(uow.session, "A1")
        assert access.check(uow, "committee.read", a1) == {CommitteeRole.AREA_COORDINATOR}
    # read-only: planning a meeting is refused, with the permission message, audited
    with pytest.raises(NotPermitted), setup.unit_of_work(COORDINATOR) as uow:
        access.check(uow, "meeting.plan", directory.committee_by_ref(uow.session, "A1"))
    with setup.db.session() as s:
        last = s.execute(select(AuditRecord).order_by(AuditRecord.seq.desc())).scalars().first()
        assert last is not None and (last.outcome, last.action) == ("refused", "meeting.plan")


def test_the_programme_office_reads_every_area(setup: App) -> None:
    with setup.unit_of_work(OFFICE) as uow:
        person = uow.person()
        assert person is not None
        for short, expected in (("A1", True), ("B1", True), ("ALONE", False)):
            c = directory.committee_by_ref(uow.session, short)
            roles = access.roles_of(uow.session, person, c, uow.today)
            assert (CommitteeRole.PROGRAMME_OFFICE in roles) is expected
        area = programmes.area_by_ref(uow.session, "nord")
        access.check_area(uow, "area.read", area)
        access.check_programme(uow, "programme.read", area.programme)
        assert [a.short_name for a, _ in access.areas_of(uow.session, person)] == [
            "stadtrand-sued",
            "nord",
        ]


def test_only_the_administrator_sets_programmes_up_and_refusals_are_audited(setup: App) -> None:
    for who in (COORDINATOR, OFFICE, NOBODY):
        with pytest.raises(NotPermitted) as err, setup.unit_of_work(who) as uow:
            programmes.add_area(uow, "GI", name="Neu", short_name="neu")
        assert "Administration" in err.value.message("de")
    with pytest.raises(NotPermitted), setup.unit_of_work(NOBODY) as uow:
        access.check_area(uow, "area.read", programmes.area_by_ref(uow.session, "nord"))
    with setup.db.session() as s:
        refused = s.execute(
            select(AuditRecord.action, AuditRecord.entity_type).where(
                AuditRecord.outcome == "refused"
            )
        ).all()
    assert refused == [("programme.create", "programmes")] * 3 + [("area.read", "action_areas")]


def test_bad_input_is_refused_and_changes_nothing(setup: App) -> None:
    with pytest.raises(Conflict) as conflict, setup.unit_of_work(ADMIN) as uow:
        programmes.add_committee(uow, "nord", "A1")
    assert "Stadtrand Süd" in conflict.value.message("de")
    for short in ("12", "zwei Worte", "a/b", ""):
        with pytest.raises(InvalidInput), setup.unit_of_work(ADMIN) as uow:
            programmes.add_area(uow, "GI", name="X", short_name=short)
    with pytest.raises(Conflict), setup.unit_of_work(ADMIN) as uow:
        programmes.add_area(uow, "GI", name="stadtrand süd", short_name="srs")
    north = ids(setup, "B1")
    with setup.db.engine.connect() as conn:
        assert committee_ids_of_area(conn, "nord") == north


def test_a_coordinators_data_shows_the_role_and_erasure_ends_it(setup: App) -> None:
    from governance.models import AreaCoordinator
    from governance.retention import Retention
    from governance.services import erasure, personal_data

    with setup.unit_of_work(ADMIN) as uow:
        data = personal_data.export(uow, COORDINATOR)
    assert data["area_coordination"] == ["stadtrand-sued"] and data["programme_office"] == []
    with setup.unit_of_work(ADMIN) as uow:
        erasure.erase(uow, COORDINATOR, Retention())
    with setup.db.engine.connect() as conn:
        assert committee_ids_of_area(conn, "stadtrand-sued")  # the area stays
    with setup.unit_of_work(ADMIN) as uow:
        area = programmes.area_by_ref(uow.session, "stadtrand-sued")
        left = uow.session.execute(
            select(AreaCoordinator).where(AreaCoordinator.area_id == area.id)
        )
        assert left.first() is None
