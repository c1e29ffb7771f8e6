"""Privacy by default in the browser's pages (issue 15.6): the chair or the secretariat
marks an agenda item nichtöffentlich on the meeting's page and the OParl interface
drops it at once (asked over HTTP); a person gives and withdraws their consent to
their address being published on their own page (/me), with immediate effect in the
interface; a partner has no such control and is refused; a page kept in the page
cache shows the change on the next request."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from governance.bootstrap import App
from governance.clock import SimulatedClock
from governance.config import Settings
from governance.examples import treptow_koepenick as tk
from governance.models import AgendaItem, AuditRecord, Committee, Minutes, Person
from governance.services import agenda, directory
from governance.services import meetings as meeting_service
from governance.unit_of_work import Actor
from governance.web.app import create_app
from tests.conftest import START
from tests.oparl_support import PREFIX, Schemas, Walk, schema_folder, words_in
from tests.web.support import World, post_form

SECRET = "Personalangelegenheit Leitungsstelle"


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _schemas() -> Schemas | None:
    folder = schema_folder()
    return Schemas(folder) if folder is not None else None


def _oparl_text(client: FlaskClient) -> str:
    walk = Walk(client, _schemas()).run()
    assert walk.problems == []
    return words_in("\n".join(walk.bodies))


@pytest.fixture
def meeting(gremium: App, world: World) -> tuple[int, int]:
    """A planned meeting of TG with two items on its agenda (the chair's proposals), the
    committee publishing meetings and people: (meeting id, id of the item SECRET)."""
    with gremium.unit_of_work(Actor.system()) as uow:
        committee = directory.committee_by_ref(uow.session, "TG")
        directory.set_rules(uow, committee, {"publication": "people"})
    chair = _actor(gremium, world.chair)
    with gremium.unit_of_work(chair) as uow:
        committee = directory.committee_by_ref(uow.session, "TG")
        planned = meeting_service.plan(
            uow, committee, title="Frühjahrssitzung", starts_at="2026-03-11 10:00",
            location="Rathaus, Raum 120",
        )  # fmt: skip
        agenda.propose(uow, planned, title="Zuwendung Stadtteilfest", kind="decision")
        item = agenda.propose(uow, planned, title=SECRET, kind="discussion")
        return planned.id, item.id


def _actor(gremium: App, person_id: int) -> Actor:
    with gremium.db.session() as s:
        person = s.get(Person, person_id)
        assert person is not None
        return Actor(label=person.email, person_id=person.id)


def _confidential(gremium: App, item_id: int) -> bool:
    with gremium.db.session() as s:
        item = s.get(AgendaItem, item_id)
        assert item is not None
        return item.confidential


def test_the_chair_marks_an_item_nichtoeffentlich_and_the_interface_drops_it(
    web_app: Flask, client, signed_in, world, meeting, gremium
):
    mid, iid = meeting
    public = web_app.test_client()  # no session: what any system reads
    assert SECRET in _oparl_text(public)
    assert public.get(f"{PREFIX}/agendaItem/{iid}").status_code == 200

    # A partner reads the page (kept in the page cache) and has no control.
    partner = signed_in(web_app.test_client(), world.partners[0])
    for _ in range(2):
        html = partner.get(f"/meetings/{mid}").get_data(as_text=True)
        assert "nichtöffentlich" not in text_of(html)
        assert f"/items/{iid}/publication" not in html

    signed_in(client, world.secretary)
    html = client.get(f"/meetings/{mid}").get_data(as_text=True)
    assert f'action="/meetings/{mid}/items/{iid}/publication"' in html
    hidden = '<span class="meetings-visually-hidden">'
    assert f"Nichtöffentlich machen{hidden}: TOP 3 {SECRET}" in html  # the button's name
    done = post_form(
        client, f"/meetings/{mid}/items/{iid}/publication", {"confidential": "1"},
        follow_redirects=True,
    )  # fmt: skip
    assert "Der TOP ist jetzt nichtöffentlich." in text_of(done.get_data(as_text=True))
    assert f"Öffentlich machen{hidden}: TOP 3 {SECRET}" in done.get_data(as_text=True)
    assert _confidential(gremium, iid)

    # The partner's next request shows it (the write advanced the data version).
    assert f"{SECRET} Aussprache, vorgeschlagen von BA TK nichtöffentlich" in text_of(
        partner.get(f"/meetings/{mid}").get_data(as_text=True)
    )
    # The interface drops it at once, everywhere.
    assert SECRET not in _oparl_text(public)
    # Its address answers as depublished (OParl: deleted, status 200), with nothing of it.
    gone = public.get(f"{PREFIX}/agendaItem/{iid}")
    assert gone.status_code == 200 and gone.get_json()["deleted"] is True
    assert set(gone.get_json()) <= {"id", "type", "deleted", "created", "modified"}
    assert "Zuwendung Stadtteilfest" in _oparl_text(public)

    again = post_form(
        client, f"/meetings/{mid}/items/{iid}/publication", {"confidential": "1"},
        follow_redirects=True,
    )  # fmt: skip
    assert "bereits so markiert; nichts geändert" in text_of(again.get_data(as_text=True))
    with gremium.db.session() as s:
        records = s.scalars(
            select(AuditRecord).where(AuditRecord.action == "agenda.confidential")
        ).all()
        assert [(r.outcome, r.details["confidential"]) for r in records] == [("done", True)]

    signed_in(client, world.chair)
    post_form(client, f"/meetings/{mid}/items/{iid}/publication", {"confidential": "0"})
    assert not _confidential(gremium, iid)
    assert SECRET in _oparl_text(public)


def test_a_partner_is_refused_and_nothing_changes(
    web_app: Flask, signed_in, world, meeting, gremium
):
    mid, iid = meeting
    partner = signed_in(web_app.test_client(), world.partners[0])
    refused = post_form(partner, f"/meetings/{mid}/items/{iid}/publication", {"confidential": "1"})
    assert refused.status_code == 422
    assert "nur Vorsitz / Geschäftsstelle" in text_of(refused.get_data(as_text=True))
    assert not _confidential(gremium, iid)
    bad = post_form(partner, f"/meetings/{mid}/items/{iid}/publication", {"confidential": "ja"})
    assert bad.status_code == 400
    # Without the form's token nothing is done either.
    chair = signed_in(web_app.test_client(), world.chair)
    forged = chair.post(f"/meetings/{mid}/items/{iid}/publication", data={"confidential": "1"})
    assert forged.status_code in (400, 403)
    assert not _confidential(gremium, iid)
    # An item of another meeting through this meeting's address: refused.
    with gremium.unit_of_work(_actor(gremium, world.chair)) as uow:
        other = meeting_service.plan(
            uow, directory.committee_by_ref(uow.session, "TG"), title="Sommersitzung",
            starts_at="2026-06-17 10:00", location="Rathaus",
        )  # fmt: skip
        other_id = other.id
    wrong = post_form(chair, f"/meetings/{other_id}/items/{iid}/publication", {"confidential": "1"})
    assert wrong.status_code == 422
    assert not _confidential(gremium, iid)


def test_a_person_gives_and_withdraws_consent_on_their_own_page(
    web_app: Flask, client, signed_in, world, meeting, gremium
):
    public = web_app.test_client()
    address = World.EMAILS["partner1"]
    assert address not in _oparl_text(public)
    signed_in(client, world.partners[0])
    html = client.get("/me").get_data(as_text=True)
    assert "Vorstand Rabenhaus" in html and address in html
    assert "Sie haben nicht eingewilligt" in text_of(html)
    assert 'href="/me"' in client.get("/").get_data(as_text=True)  # in the navigation

    done = post_form(client, "/me/email-public", {"public": "1"}, follow_redirects=True)
    assert "Einwilligung erfasst" in text_of(done.get_data(as_text=True))
    assert "Einwilligung widerrufen" in text_of(done.get_data(as_text=True))
    persons = _persons(public)
    assert persons[address]["email"] == [address]
    assert all("email" not in p for a, p in persons.items() if a != address)

    done = post_form(client, "/me/email-public", {"public": "0"}, follow_redirects=True)
    assert "Einwilligung widerrufen: Ihre E-Mail-Adresse wird nicht mehr" in text_of(
        done.get_data(as_text=True)
    )
    assert address not in _oparl_text(public)  # at once
    with gremium.db.session() as s:
        records = s.scalars(
            select(AuditRecord).where(AuditRecord.action == "person.email_public")
        ).all()
        assert [(r.details["public"], r.details["recorded_by"], r.at is not None)
                for r in records] == [(True, "self", True), (False, "self", True)]  # fmt: skip


def _persons(client: FlaskClient) -> dict[str, dict[str, Any]]:
    """The Person objects the interface serves, by the address of the person shown."""
    walk = Walk(client, _schemas()).run()
    persons = [o for o in walk.objects.values() if o["type"].endswith("/Person")]
    names = {
        "Vorstand Rabenhaus": World.EMAILS["partner1"],
        "Vorstand KungerKiez": World.EMAILS["partner2"],
        "Clara Vorsitz": World.EMAILS["chair"],
    }
    return {names[p["name"]]: p for p in persons if p["name"] in names}


@pytest.fixture
def demo(tmp_path: Path, demo_year: Path) -> Iterator[Flask]:
    folder = tmp_path / "demo"
    shutil.copytree(demo_year, folder)
    settings = Settings(
        database=f"sqlite:///{folder / 'gremium.db'}",
        attach_documents=False,
        audit_key_file=str(folder / "audit.key"),
    )
    app = create_app(settings, clock=SimulatedClock(START))
    app.config["TESTING"] = True
    yield app
    app.extensions["gremium"].db.dispose()


def test_after_the_minutes_are_archived_an_item_still_changes_and_the_minutes_stay(
    demo: Flask, signed_in
):
    """The mark says what is published, not what was recorded: allowed after archiving;
    the archived minutes (and their hash) stay; the interface withholds them while an
    item of their meeting is closed, and shows them again when the mark is lifted."""
    core: App = demo.extensions["gremium"]
    with core.unit_of_work(Actor.system()) as uow:
        for committee in uow.session.scalars(select(Committee)):
            directory.set_rules(uow, committee, {"publication": "minutes"})
        minutes = uow.session.scalars(
            select(Minutes).where(Minutes.state == "archived").order_by(Minutes.id)
        ).first()
        assert minutes is not None
        mid, digest = minutes.meeting_id, minutes.archive_sha256
        item = uow.session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == mid, AgendaItem.status == "accepted")
            .order_by(AgendaItem.position)
        ).first()
        assert item is not None
        iid = item.id
    public = demo.test_client()
    assert "resultsProtocol" in public.get(f"{PREFIX}/meeting/{mid}").get_json()

    chair = signed_in(demo.test_client(), tk.CHAIR_EMAIL)
    done = post_form(
        chair, f"/meetings/{mid}/items/{iid}/publication", {"confidential": "1"},
        follow_redirects=True,
    )  # fmt: skip
    assert done.status_code == 200
    assert "Der TOP ist jetzt nichtöffentlich." in text_of(done.get_data(as_text=True))
    shown = public.get(f"{PREFIX}/meeting/{mid}").get_json()
    assert "resultsProtocol" not in shown
    assert all(not a["id"].endswith(f"/agendaItem/{iid}") for a in shown.get("agendaItem", []))
    post_form(chair, f"/meetings/{mid}/items/{iid}/publication", {"confidential": "0"})
    assert "resultsProtocol" in public.get(f"{PREFIX}/meeting/{mid}").get_json()
    with core.db.session() as s:
        archived = s.scalars(select(Minutes).where(Minutes.meeting_id == mid)).one()
        assert (archived.state, archived.archive_sha256) == ("archived", digest)
