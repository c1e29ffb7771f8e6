"""The frame every page lives in: signing in, the layout, languages, errors, headers."""

from __future__ import annotations

from sqlalchemy import func, select

from governance.models import AuditRecord, WebSession
from tests.web.support import post_form


def test_healthz_answers_ok_without_signing_in(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok"


def test_a_page_without_signing_in_leads_to_the_sign_in_page(client):
    response = client.get("/")
    assert response.status_code == 303
    assert response.headers["Location"] == "/sign-in?next=/"


def test_the_overview_lists_my_committees_with_my_role(client, signed_in, world):
    signed_in(client, world.chair)
    html = client.get("/").get_data(as_text=True)
    assert "Testgremium" in html and "Vorsitz" in html
    assert "Anderes Gremium" not in html
    assert 'lang="de"' in html and "Angemeldet als Clara Vorsitz" in html
    assert '<a href="/" aria-current="page">Meine Übersicht</a>' in html


def test_pages_are_english_for_an_english_browser_before_signing_in(client):
    html = client.get("/sign-in", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(
        as_text=True
    )
    assert 'lang="en"' in html and "Send sign-in link" in html


def test_pages_are_german_by_default(client):
    html = client.get("/sign-in").get_data(as_text=True)
    assert 'lang="de"' in html and "Anmeldelink senden" in html


def test_a_post_without_its_token_is_refused_and_changes_nothing(client, signed_in, world, gremium):
    signed_in(client, world.chair)
    response = client.post("/sign-out")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "<h1>Fehler 400</h1>" in html and "Sicherheitsmerkmal" in html
    assert "Es wurde nichts geändert." in html
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).where(WebSession.revoked_at.is_not(None))) == 0
    assert client.get("/").status_code == 200  # still signed in


def test_sign_out_ends_the_session(client, signed_in, world, gremium):
    signed_in(client, world.partners[0])
    response = post_form(client, "/sign-out")
    assert response.status_code == 303
    assert client.get("/").status_code == 303
    with gremium.db.session() as session:
        record = session.scalars(select(AuditRecord).where(AuditRecord.action == "sign_out")).one()
        assert record.actor == f"person:{world.partners[0]}"


def test_an_unknown_page_is_a_404_in_the_layout(client, signed_in, world):
    signed_in(client, world.chair)
    response = client.get("/no-such-page")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "<h1>Fehler 404</h1>" in html and "Diese Seite gibt es nicht" in html
    assert 'href="#main"' in html and "Angemeldet als Clara Vorsitz" in html  # the layout


def test_the_example_committee_is_there_for_pages_that_need_it(example_client, signed_in):
    from governance.examples import treptow_koepenick as tk

    signed_in(example_client, tk.CHAIR_EMAIL)
    html = example_client.get("/").get_data(as_text=True)
    assert tk.COMMITTEE_NAME in html and "Vorsitz" in html
