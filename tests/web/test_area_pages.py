"""The pages above the committees, from an empty installation (tests.web.support's
world, then a programme set up through the services): an area's coordinator
sees the area from the overview, every committee of it read-only, the lists
across them; others get the page of no such area, and the refusal is audited."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from governance.bootstrap import App
from governance.clock import BERLIN, SimulatedClock
from governance.models import AuditRecord, Committee
from governance.services import directory, meetings, programmes
from governance.unit_of_work import Actor
from tests.web.support import World

KORA = "kora@bezirk.example.org"
OFFICE = "buero@senat.example.org"

Sign = Callable[[FlaskClient, int | str], FlaskClient]


@pytest.fixture
def area(gremium: App, world: World) -> dict[str, int]:
    """Programme GI, area "Stadtrand Süd" with TG and AG, Kora coordinating it, an
    office; a meeting of TG planned."""
    with gremium.unit_of_work(Actor.system()) as uow:
        directory.add_person(uow, name="Kora Koordination", email=KORA)
        directory.add_person(uow, name="Otto Büro", email=OFFICE, language="en")
        gi = programmes.add_programme(uow, name="Gemeinschaftsinitiative", short_name="GI")
        south = programmes.add_area(uow, gi, name="Stadtrand Süd", short_name="stadtrand-sued")
        north = programmes.add_area(uow, gi, name="Nord", short_name="nord")
        programmes.add_committee(uow, south, "TG")
        programmes.add_committee(uow, south, "AG")
        programmes.appoint_coordinator(uow, south, KORA)
        programmes.appoint_office(uow, gi, OFFICE)
        ids = {"programme": gi.id, "south": south.id, "north": north.id}
    with gremium.unit_of_work(World.EMAILS["chair"]) as uow:
        tg = uow.session.get(Committee, world.committee_id)
        assert tg is not None
        start = dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN)
        ids["meeting"] = meetings.plan(
            uow, tg, title="Sitzung im März", starts_at=start, location="Rathaus"
        ).id
    return ids


def test_the_coordinator_finds_the_area_in_the_overview_and_reads_across_its_committees(
    client: FlaskClient, signed_in: Sign, area: dict[str, int], world: World
) -> None:
    me = signed_in(client, KORA)
    home = me.get("/").get_data(as_text=True)
    assert "Meine Handlungsräume und Programme" in home
    assert f'href="/areas/{area["south"]}"' in home
    page = me.get(f"/areas/{area['south']}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Handlungsraum Stadtrand Süd" in html
    assert "Testgremium" in html and "Anderes Gremium" in html
    assert "Ihre Rolle: Koordination des Handlungsraums." in html
    assert "Nächste Sitzungen (1)" in html and "Sitzung im März" in html
    assert "Beschlüsse vom 01.01.2026 bis 31.12.2026 (0)" in html
    assert "Alle Protokolle sind genehmigt." in html
    # not the programme's page: that is the office's
    assert f'href="/programmes/{area["programme"]}"' not in html
    # every committee of the area, read-only: its page, its meeting, no forms to change them
    committee = me.get(f"/committees/{world.committee_id}")
    assert committee.status_code == 200
    assert me.get(f"/committees/{world.other_committee_id}").status_code == 200
    meeting = me.get(f"/meetings/{area['meeting']}")
    assert meeting.status_code == 200
    forms = meeting.get_data(as_text=True).count('method="post"')
    assert forms == 1  # signing out: no form of the meeting
    # another area of the programme is not hers
    assert me.get(f"/areas/{area['north']}").status_code == 404


def test_the_period_is_checked_and_the_page_says_what_is_allowed(
    client: FlaskClient, signed_in: Sign, area: dict[str, int]
) -> None:
    me = signed_in(client, KORA)
    page = me.get(f"/areas/{area['south']}?from=2026-06-01&to=2026-01-01")
    assert page.status_code == 422
    assert "höchstens fünf Jahre" in page.get_data(as_text=True)
    page = me.get(f"/areas/{area['south']}?from=2026-01-01&to=2026-03-31")
    assert "Beschlüsse vom 01.01.2026 bis 31.03.2026 (0)" in page.get_data(as_text=True)


def test_the_programme_office_reads_every_area_in_english(
    client: FlaskClient, signed_in: Sign, area: dict[str, int], world: World
) -> None:
    office = signed_in(client, OFFICE)
    home = office.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert f'href="/programmes/{area["programme"]}"' in home
    page = office.get(f"/programmes/{area['programme']}", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Programme: Gemeinschaftsinitiative" in html
    assert "Upcoming meetings (1)" in html and "Minutes not yet approved (0)" in html
    assert f'href="/areas/{area["south"]}"' in html and f'href="/areas/{area["north"]}"' in html
    assert office.get(f"/areas/{area['north']}").status_code == 200
    assert office.get(f"/committees/{world.committee_id}").status_code == 200


def test_others_get_no_such_page_and_the_refusal_is_audited(
    client: FlaskClient, signed_in: Sign, area: dict[str, int], gremium: App
) -> None:
    for who in (World.EMAILS["chair"], World.EMAILS["outsider"], KORA):
        user = signed_in(client, who)
        assert user.get(f"/programmes/{area['programme']}").status_code == 404
    chair = signed_in(client, World.EMAILS["chair"])
    assert chair.get(f"/areas/{area['south']}").status_code == 404
    assert chair.get("/areas/999").status_code == 404
    with gremium.db.session() as s:
        refused = s.execute(
            select(AuditRecord.action, AuditRecord.entity_type)
            .where(AuditRecord.outcome == "refused")
            .order_by(AuditRecord.seq)
        ).all()
    assert refused == [("programme.read", "programmes")] * 3 + [("area.read", "action_areas")]


def test_the_area_page_runs_as_many_statements_for_five_meetings_as_for_one(
    client: FlaskClient, signed_in: Sign, area: dict[str, int], gremium: App, world: World
) -> None:
    from sqlalchemy import event

    me = signed_in(client, KORA)
    counted: list[str] = []

    def count(*_: object) -> None:
        counted.append("")

    def statements() -> int:
        me.get(f"/areas/{area['south']}")  # warm
        counted.clear()
        event.listen(gremium.db.engine, "before_cursor_execute", count)
        try:
            assert me.get(f"/areas/{area['south']}").status_code == 200
        finally:
            event.remove(gremium.db.engine, "before_cursor_execute", count)
        return len(counted)

    one = statements()
    with gremium.unit_of_work(World.EMAILS["chair"]) as uow:
        tg = uow.session.get(Committee, world.committee_id)
        assert tg is not None
        for day in (12, 13, 14, 15):
            start = dt.datetime(2026, 3, day, 10, 0, tzinfo=BERLIN)
            meetings.plan(uow, tg, title=f"Sitzung {day}", starts_at=start, location="Rathaus")
    assert "Nächste Sitzungen (5)" in me.get(f"/areas/{area['south']}").get_data(as_text=True)
    assert statements() == one


def test_the_demo_year_shows_the_programme_with_its_areas_and_both_committees(
    tmp_path: Path, demo_year: Path, signed_in: Sign
) -> None:
    """Issue 15's "done when": the programme office's page of the demo's programme has
    its 13 areas, "Stadtrand Süd" with KG and KV; the coordinator's area page lists
    both committees and KV's first meeting beside KG's."""
    from governance.config import Settings
    from governance.demo.programme import KV_MEETING
    from governance.examples import gemeinschaftsinitiative as gi
    from governance.examples import treptow_koepenick as tk
    from governance.web.app import create_app
    from tests.conftest import START

    folder = tmp_path / "demo"
    shutil.copytree(demo_year, folder)
    settings = Settings(database=f"sqlite:///{folder / 'gremium.db'}", attach_documents=False)
    app = create_app(settings, clock=SimulatedClock(START))
    app.config["TESTING"] = True
    try:
        office = signed_in(app.test_client(), gi.OFFICE_EMAIL)
        html = office.get("/programmes/1").get_data(as_text=True)
        for name, _ in gi.AREAS:
            assert name in html
        south = office.get("/areas/13").get_data(as_text=True)
        assert "Handlungsraum Stadtrand Süd" in south
        assert tk.COMMITTEE_NAME in south and gi.SECOND_NAME in south
        coordinator = signed_in(app.test_client(), gi.COORDINATOR_EMAIL)
        page = coordinator.get("/areas/13?from=2027-01-01&to=2027-12-31")
        assert page.status_code == 200
        assert KV_MEETING[0] in page.get_data(as_text=True)
    finally:
        app.extensions["gremium"].db.dispose()
