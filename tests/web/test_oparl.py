"""The OParl 1.1 interface (/oparl/v1.1/): walked from the System object by following
links on the demo year and on a scale data set, every object checked against the
official schemas (tests/oparl_support.py), and privacy by default: what a committee
does not publish appears nowhere in anything the interface answers."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from governance.bootstrap import App
from governance.clock import SimulatedClock
from governance.config import Settings
from governance.models import AgendaItem, Committee, Meeting, Person, Tombstone
from governance.retention import Retention
from governance.services import directory, erasure
from governance.unit_of_work import Actor
from governance.web.app import create_app
from tests.conftest import START, make_app
from tests.oparl_scale import SECRET, seed
from tests.oparl_support import PREFIX, Schemas, Walk, require_schemas, schema_folder, words_in
from tests.statements import counting


@pytest.fixture
def demo(tmp_path: Path, demo_year: Path) -> Iterator[Flask]:
    folder = tmp_path / "demo"
    shutil.copytree(demo_year, folder)
    settings = Settings(database=f"sqlite:///{folder / 'gremium.db'}", attach_documents=False)
    app = create_app(settings, clock=SimulatedClock(START))
    app.config["TESTING"] = True
    yield app
    app.extensions["gremium"].db.dispose()


def _core(app: Flask) -> App:
    return app.extensions["gremium"]  # type: ignore[no-any-return]


def _publish(app: Flask, level: str) -> None:
    core = _core(app)
    with core.unit_of_work(Actor.system()) as uow:
        for committee in uow.session.scalars(select(Committee)):
            directory.set_rules(uow, committee, {"publication": level})


def _schemas() -> Schemas | None:
    folder = schema_folder()
    return Schemas(folder) if folder is not None else None


def _everything(walk: Walk) -> str:
    return words_in("\n".join(walk.bodies))


def test_every_object_of_the_demo_year_validates_and_every_link_answers(demo: Flask) -> None:
    schemas = Schemas(require_schemas())
    _publish(demo, "minutes")
    walk = Walk(demo.test_client(), schemas).run()
    assert walk.problems == []
    kinds = {obj["type"].rsplit("/", 1)[1] for obj in walk.objects.values()}
    assert {"System", "Body", "Organization", "Membership", "Person", "Meeting"} <= kinds
    assert "AgendaItem" in kinds and "Location" in kinds and "File" in kinds
    meetings = [o for o in walk.objects.values() if o["type"].endswith("/Meeting")]
    with _core(demo).db.session() as session:
        assert len(meetings) == len(session.scalars(select(Meeting.id)).all())
    organisations = [o for o in walk.objects.values() if o["type"].endswith("/Organization")]
    assert {o["organizationType"] for o in organisations} == {"Gremium", "Institution"}
    memberships = [o for o in walk.objects.values() if o.get("onBehalfOf")]
    assert memberships and all(isinstance(o["votingRight"], bool) for o in memberships)
    assert all("cancelled" in m and "meetingState" in m for m in meetings)


def test_nothing_leaves_a_committee_that_publishes_nothing(demo: Flask) -> None:
    """Privacy by default: the demo's committees, as they are, publish nothing."""
    walk = Walk(demo.test_client(), _schemas()).run()
    assert walk.problems == []
    text = _everything(walk)
    with _core(demo).db.session() as session:
        names = session.scalars(select(Committee.name)).all()
        people = session.execute(select(Person.name, Person.email)).all()
        titles = session.scalars(select(AgendaItem.title)).all()
    for name in names:
        assert name not in text
    for name, email in people:
        assert name not in text and email not in text
    assert not any(title in text for title in titles if len(title) > 12)
    kinds = {obj["type"].rsplit("/", 1)[1] for obj in walk.objects.values()}
    assert kinds == {"System", "Body"}


def test_closed_items_people_and_addresses_stay_private_until_published(demo: Flask) -> None:
    core = _core(demo)
    with core.unit_of_work(Actor.system()) as uow:
        item = uow.session.scalars(
            select(AgendaItem)
            .where(AgendaItem.status == "accepted", AgendaItem.standing.is_(None))
            .order_by(AgendaItem.id)
        ).first()
        assert item is not None
        item.confidential = True
        item.title = "Personalangelegenheit Vertraulich"
        closed_id, closed_meeting = item.id, item.meeting_id
    _publish(demo, "meetings")
    walk = Walk(demo.test_client(), _schemas()).run()
    assert walk.problems == []
    text = _everything(walk)
    assert "Personalangelegenheit Vertraulich" not in text
    assert f"{PREFIX}/agendaItem/{closed_id}" not in text
    with core.db.session() as session:
        people = session.execute(select(Person.id, Person.name, Person.email)).all()
        proposed = session.scalars(
            select(AgendaItem.title).where(AgendaItem.status != "accepted")
        ).all()
    for _, name, email in people:  # "meetings": no person at all
        assert name not in text and email not in text
    for title in proposed:
        if len(title) > 12 and title not in _public_titles(walk):
            assert title not in text
    # The meeting of the closed item is there, its minutes are not (they would name it).
    meeting = walk.objects[f"http://localhost{PREFIX}/meeting/{closed_meeting}"]
    assert "resultsProtocol" not in meeting
    response = demo.test_client().get(f"{PREFIX}/agendaItem/{closed_id}")
    assert response.status_code == 404
    assert response.get_json()["type"] == "https://schema.oparl.org/1.1/Error"

    _publish(demo, "people")
    walk = Walk(demo.test_client(), _schemas()).run()
    assert walk.problems == []
    text = _everything(walk)
    persons = [o for o in walk.objects.values() if o["type"].endswith("/Person")]
    assert persons and all("email" not in p for p in persons)
    assert all(email not in text for _, _, email in people)
    named = {p["name"] for p in persons}
    assert named and named <= {name for _, name, _ in people}
    with core.unit_of_work(Actor.system()) as uow:  # one person agrees to show the address
        agreeing = uow.session.get(Person, persons[0]["id"].rsplit("/", 1)[1])
        assert agreeing is not None
        agreeing.email_public = True
        address = agreeing.email
    person = demo.test_client().get(persons[0]["id"].removeprefix("http://localhost")).get_json()
    assert person["email"] == [address]


def _public_titles(walk: Walk) -> set[str]:
    return {o["name"] for o in walk.objects.values() if o["type"].endswith("/AgendaItem")}


def test_lists_keep_their_filters_and_name_deleted_items_since(demo: Flask) -> None:
    _publish(demo, "meetings")
    client = demo.test_client()
    first = client.get(
        f"{PREFIX}/body/1/meeting?limit=2&modified_since=2000-01-01T00:00:00%2B00:00"
    )
    page = first.get_json()
    assert first.headers["Access-Control-Allow-Origin"] == "*"
    assert "modified_since=2000-01-01T00%3A00%3A00%2B00%3A00" in page["links"]["next"]
    assert "limit=2" in page["links"]["next"] and len(page["data"]) == 2
    future = client.get(f"{PREFIX}/body/1/meeting?created_since=2100-01-01T00:00:00%2B00:00")
    assert future.get_json()["data"] == [] and "next" not in future.get_json()["links"]
    bad = client.get(f"{PREFIX}/body/1/meeting?modified_since=gestern")
    assert bad.status_code == 400
    assert (
        "modified_since" in bad.get_json()["message"]
        and "2026-01-01T00:00:00+01:00" in bad.get_json()["message"]
    )
    assert client.get(f"{PREFIX}/body/1/meeting?limit=100000").status_code == 400
    # A deleted agenda item answers with deleted: true, and modified_since lists name it.
    core = _core(demo)
    with core.unit_of_work(Actor.system()) as uow:
        item = uow.session.scalars(
            select(AgendaItem).where(AgendaItem.status == "accepted").order_by(AgendaItem.id)
        ).first()
        assert item is not None
        gone = item.id
        uow.session.delete(item)
    with core.db.session() as session:
        assert session.scalars(select(Tombstone.object_id)).all() == [gone]
    answer = client.get(f"{PREFIX}/agendaItem/{gone}").get_json()
    assert answer["deleted"] is True and answer["id"].endswith(f"/agendaItem/{gone}")
    since = START.isoformat().replace("+", "%2B")
    listed = client.get(f"{PREFIX}/body/1/agendaItem?modified_since={since}&limit=500").get_json()
    assert [o["id"] for o in listed["data"] if o.get("deleted")] == [answer["id"]]
    plain = client.get(f"{PREFIX}/body/1/agendaItem?limit=500").get_json()
    assert not any(o.get("deleted") for o in plain["data"])


def test_the_error_object_and_cors_for_an_unknown_address(demo: Flask) -> None:
    response = demo.test_client().get(f"{PREFIX}/nichts/da")
    assert response.status_code == 404
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    error = response.get_json()
    assert error["type"] == "https://schema.oparl.org/1.1/Error"
    assert error["message"] == "Unter dieser Adresse gibt es kein (öffentliches) Objekt."


@pytest.fixture
def scale(tmp_path: Path, db_url: str) -> Iterator[FlaskClient]:
    clock = SimulatedClock(START)
    core = make_app(db_url, clock)
    seed(core, committees=12, meetings_per_committee=25, items_per_meeting=8, documents_every=2)
    core.db.dispose()
    app = create_app(Settings(database=db_url, attach_documents=False), clock=clock)
    app.config["TESTING"] = True
    yield app.test_client()
    app.extensions["gremium"].db.dispose()


def test_the_walk_passes_on_a_scale_data_set_and_no_closed_item_shows(scale: FlaskClient) -> None:
    walk = Walk(scale, _schemas(), limit=40).run()
    assert walk.problems == []
    meetings = [o for o in walk.objects.values() if o["type"].endswith("/Meeting")]
    assert len(meetings) == 300
    assert SECRET not in _everything(walk)
    items = [o for o in walk.objects.values() if o["type"].endswith("/AgendaItem")]
    assert len(items) == 300 * 6  # of 8: one closed (5th), one only proposed (7th)
    assert {i["order"] for i in items} == {1, 2, 3, 4, 5, 6}


@pytest.mark.parametrize(
    "path",
    [
        "body/1/meeting",
        "body/1/agendaItem",
        "body/1/person",
        "body/1/organization",
        "body/1/file",
        "body/1/paper",
        "committee/1/meeting",
    ],
)
@pytest.mark.parametrize("since", ["", "&modified_since=2000-01-01T00:00:00%2B00:00"])
def test_a_page_of_every_list_is_one_statement_however_long(
    scale: FlaskClient, path: str, since: str
) -> None:
    core: App = scale.application.extensions["gremium"]  # type: ignore[attr-defined]
    counts = {}
    for limit in (5, 100):
        with counting(core) as statements:
            page = scale.get(f"{PREFIX}/{path}?limit={limit}{since}").get_json()
        assert len(page["data"]) == limit or (page["data"] and "next" not in page["links"])
        counts[limit] = len([s for s in statements if s.lstrip().upper().startswith("SELECT")])
    # One statement: the page's objects as a keyset-bound subquery (with the tombstones a
    # modified_since list names), joined to what they embed (governance/reads/oparl/).
    assert counts == {5: 1, 100: 1}


def test_an_erased_person_answers_as_deleted_without_any_data(demo: Flask) -> None:
    _publish(demo, "people")
    client = demo.test_client()
    persons = client.get(f"{PREFIX}/body/1/person?limit=500").get_json()["data"]
    core = _core(demo)
    with core.db.session() as session:
        admins = set(session.scalars(select(Person.id).where(Person.is_admin.is_(True))))
    chosen = next(p for p in persons if int(p["id"].rsplit("/", 1)[1]) not in admins)
    roles = [m["id"] for m in chosen["membership"]]
    pid = int(chosen["id"].rsplit("/", 1)[1])
    with core.unit_of_work(Actor.system()) as uow:
        person = uow.session.get(Person, pid)
        assert person is not None
        erasure.erase(uow, person, Retention())
    answer = client.get(f"{PREFIX}/person/{pid}").get_json()
    assert answer["deleted"] is True and set(answer) <= {"id", "type", "deleted", "modified"}
    assert chosen["name"] not in client.get(f"{PREFIX}/body/1/person?limit=500").get_data(
        as_text=True
    )
    for role in roles:
        gone = client.get(role.removeprefix("http://localhost")).get_json()
        assert gone["deleted"] is True
    since = START.isoformat().replace("+", "%2B")
    listed = client.get(f"{PREFIX}/body/1/person?modified_since={since}&limit=500").get_json()
    assert [o["id"] for o in listed["data"] if o.get("deleted")] == [chosen["id"]]
