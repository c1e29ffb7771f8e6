"""A client that mirrors the OParl lists and keeps its copy up to date with
``modified_since`` learns of every withdrawal: an agenda item marked for closed
session (nichtöffentlich) after it was copied, with its papers and files, is named
``deleted: true`` at the moment of the withdrawal, and comes back when the mark is
lifted; a person's e-mail address goes when the consent is withdrawn. Every object
the client receives is checked against the official schemas."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from governance.bootstrap import App
from governance.clock import SimulatedClock
from governance.config import Settings
from governance.models import AgendaItem, Committee, Meeting, Person
from governance.services import agenda_attachments, confidential_items, directory, email_consent
from governance.unit_of_work import Actor
from governance.web.app import create_app
from tests.conftest import START
from tests.oparl_support import PREFIX, Schemas, require_schemas

LISTS = ("agendaItem", "paper", "file", "person", "meeting")


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(START)


@pytest.fixture
def demo(tmp_path: Path, demo_year: Path, clock: SimulatedClock) -> Iterator[Flask]:
    folder = tmp_path / "demo"
    shutil.copytree(demo_year, folder)
    settings = Settings(database=f"sqlite:///{folder / 'gremium.db'}", attach_documents=False)
    app = create_app(settings, clock=clock)
    app.config["TESTING"] = True
    core: App = app.extensions["gremium"]
    with core.unit_of_work(Actor.system()) as uow:
        for committee in uow.session.scalars(select(Committee)):
            directory.set_rules(uow, committee, {"publication": "people"})
    yield app
    core.db.dispose()


class Mirror:
    """What an OParl client keeps: every object of the body's lists, by id."""

    def __init__(self, client: FlaskClient, schemas: Schemas) -> None:
        self.client, self.schemas = client, schemas
        self.copy: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in LISTS}
        self.deleted: dict[str, dict[str, Any]] = {}
        """The ``deleted: true`` entries the last sync received, by id."""

    def sync(self, since: dt.datetime | None = None) -> None:
        self.deleted = {}
        for name in LISTS:
            first = f"{PREFIX}/body/1/{name}?limit=7"  # small pages: the client follows next
            if since is not None:
                first += "&modified_since=" + quote(since.isoformat())
            url: str | None = first
            while url:
                page = self.client.get(url).get_json()
                for obj in page["data"]:
                    assert self.schemas.errors(obj) == []
                    if obj.get("deleted"):
                        self.deleted[obj["id"]] = obj
                        self.copy[name].pop(obj["id"], None)
                    else:
                        self.copy[name][obj["id"]] = obj
                url = page["links"].get("next", "").removeprefix("http://localhost") or None


def _address(kind: str, oid: int) -> str:
    return f"http://localhost{PREFIX}/{kind}/{oid}"


def _core(app: Flask) -> App:
    core: App = app.extensions["gremium"]
    return core


def _item_with_a_document(core: App) -> tuple[int, int, int, int]:
    """An item on the agenda of a meeting still open, with a stored document attached:
    (meeting id, item id, attachment (Paper) id, document (File) id)."""
    with core.unit_of_work(Actor.system()) as uow:
        item = uow.session.scalars(
            select(AgendaItem)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.status == "accepted",
                Meeting.state.in_(agenda_attachments.OPEN_MEETING_STATES),
            )
            .order_by(Meeting.starts_at, AgendaItem.position)
        ).first()
        assert item is not None
        attached = agenda_attachments.attach_file(
            uow, item, name="vorlage.pdf", data=b"%PDF-1.4 Vorlage", announce=False
        )
        assert attached.document_id is not None
        return item.meeting_id, item.id, attached.id, attached.document_id


def _mark(core: App, meeting_id: int, item_id: int, *, confidential: bool) -> dt.datetime:
    with core.unit_of_work(Actor.system()) as uow:
        done = confidential_items.mark(uow, meeting_id, f"#{item_id}", confidential=confidential)
        assert done.changed
        return uow.now


def _consent(core: App, person_id: int, *, public: bool) -> dt.datetime:
    with core.unit_of_work(Actor.system()) as uow:
        person = uow.session.get(Person, person_id)
        assert person is not None
        assert email_consent.set_consent(uow, person, public=public).changed
        return uow.now


def _moment(obj: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(obj["modified"])


def test_a_mirroring_client_learns_of_every_withdrawal_and_of_what_is_public_again(
    demo: Flask, clock: SimulatedClock
) -> None:
    core = _core(demo)
    meeting_id, item_id, paper_id, file_id = _item_with_a_document(core)
    item, paper, file = (
        _address("agendaItem", item_id),
        _address("paper", paper_id),
        _address("file", file_id),
    )
    client = demo.test_client()
    mirror = Mirror(client, Schemas(require_schemas()))
    mirror.sync()
    assert item in mirror.copy["agendaItem"] and paper in mirror.copy["paper"]
    assert file in mirror.copy["file"]
    meeting = mirror.copy["meeting"][_address("meeting", meeting_id)]
    assert item in [i["id"] for i in meeting["agendaItem"]]

    # The chair marks the item nichtöffentlich an hour after the client's copy.
    copied = clock.now()
    clock.advance(dt.timedelta(hours=1))
    withdrawn = _mark(core, meeting_id, item_id, confidential=True)
    clock.advance(dt.timedelta(minutes=5))
    mirror.sync(since=copied)
    assert set(mirror.deleted) == {item, paper, file}
    assert all(_moment(gone) == withdrawn for gone in mirror.deleted.values())
    assert item not in mirror.copy["agendaItem"] and paper not in mirror.copy["paper"]
    assert file not in mirror.copy["file"]
    meeting = mirror.copy["meeting"][_address("meeting", meeting_id)]
    assert item not in [i["id"] for i in meeting["agendaItem"]]
    # Its addresses answer as deleted; nothing of it is in a list without modified_since.
    for address in (item, paper, file):
        answer = client.get(address.removeprefix("http://localhost")).get_json()
        assert answer["deleted"] is True and _moment(answer) == withdrawn
        assert set(answer) <= {"id", "type", "deleted", "created", "modified"}
    plain = client.get(f"{PREFIX}/body/1/agendaItem?limit=500").get_data(as_text=True)
    assert f'"{item}"' not in plain
    # A later sync (since after the withdrawal) does not name it again.
    mirror.sync(since=clock.now())
    assert mirror.deleted == {}

    # Lifting the mark publishes the item again: the next sync brings it back, whole.
    since = clock.now()
    clock.advance(dt.timedelta(hours=1))
    public_again = _mark(core, meeting_id, item_id, confidential=False)
    mirror.sync(since=since)
    assert mirror.deleted == {}
    assert _moment(mirror.copy["agendaItem"][item]) == public_again
    assert mirror.copy["paper"][paper]["mainFile"]["id"] == file
    assert file in mirror.copy["file"]
    assert mirror.copy["agendaItem"][item]["auxiliaryFile"][0]["id"] == file


def test_a_withdrawn_consent_takes_the_address_out_of_the_clients_copy(
    demo: Flask, clock: SimulatedClock
) -> None:
    core = _core(demo)
    client = demo.test_client()
    mirror = Mirror(client, Schemas(require_schemas()))
    mirror.sync()
    chosen = next(iter(sorted(mirror.copy["person"])))
    pid = int(chosen.rsplit("/", 1)[1])
    clock.advance(dt.timedelta(hours=1))
    since = clock.now()
    agreed = _consent(core, pid, public=True)
    mirror.sync(since=since)
    assert (
        mirror.copy["person"][chosen]["email"] and _moment(mirror.copy["person"][chosen]) == agreed
    )

    clock.advance(dt.timedelta(hours=1))
    since = clock.now()
    clock.advance(dt.timedelta(minutes=1))
    withdrawn = _consent(core, pid, public=False)
    mirror.sync(since=since)
    assert "email" not in mirror.copy["person"][chosen]
    assert _moment(mirror.copy["person"][chosen]) == withdrawn


def test_a_hidden_committee_has_no_meeting_list_and_an_empty_page_is_no_error(
    demo: Flask,
) -> None:
    core = _core(demo)
    client = demo.test_client()
    with core.unit_of_work(Actor.system()) as uow:
        hidden, shown = uow.session.scalars(select(Committee).order_by(Committee.id)).all()[:2]
        directory.set_rules(uow, hidden, {"publication": "none"})
        hidden_id, shown_id = hidden.id, shown.id
    answer = client.get(f"{PREFIX}/committee/{hidden_id}/meeting")
    assert answer.status_code == 404
    assert answer.get_json()["type"] == "https://schema.oparl.org/1.1/Error"
    listed = client.get(f"{PREFIX}/committee/{shown_id}/meeting").get_json()
    assert listed["data"] and all(m["type"].endswith("/Meeting") for m in listed["data"])
    last = max(int(m["id"].rsplit("/", 1)[1]) for m in listed["data"])
    beyond = client.get(f"{PREFIX}/committee/{shown_id}/meeting?after={last}")
    assert beyond.status_code == 200 and beyond.get_json()["data"] == []
