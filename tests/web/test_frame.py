"""What every page shares: headers, escaping, languages, expiry, the rehearsal's people list,
the front helpers page engineers build on."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import g
from werkzeug.exceptions import NotFound

from governance.models import Person, Role
from governance.services import directory, sign_in
from governance.unit_of_work import Actor
from governance.web.app import create_app
from governance.web.front import committee_or_404, uow
from tests.web.conftest import web_settings_for
from tests.web.support import SESSION_COOKIE, post_form


def test_pages_carry_the_security_headers(client, signed_in, world):
    signed_in(client, world.chair)
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
    ):
        assert directive in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"


def test_the_stylesheet_is_served_and_may_be_cached(client):
    response = client.get("/static/gremium.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
    assert ":focus-visible" in response.get_data(as_text=True)


def test_user_text_with_markup_is_shown_as_text(client, signed_in, world, gremium):
    with gremium.unit_of_work(Actor.system()) as work:
        committee = directory.add_committee(
            work,
            name="<script>alert('x')</script> Gremium",
            short_name="<b>XSS</b>",
            sender_email="x@example.org",
        )
        chair = work.session.get(Person, world.chair)
        org = directory.organisation_by_ref(work.session, "BA TK")
        directory.create_membership(
            work,
            committee,
            directory.MembershipSpec(organisation=org, role=Role.CHAIR, representatives=(chair,)),
        )
    signed_in(client, world.chair)
    html = client.get("/").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Gremium" in html
    assert "<script>" not in html and "<b>XSS</b>" not in html


def test_an_english_speaking_person_sees_english_pages(client, signed_in, world, gremium):
    with gremium.unit_of_work(Actor.system()) as work:
        work.session.get(Person, world.partners[1]).language = "en"  # type: ignore[union-attr]
    signed_in(client, world.partners[1])
    html = client.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert 'lang="en"' in html
    assert "My overview" in html and "representative" in html and "Sign out" in html


def test_a_session_ends_after_being_idle_and_at_its_absolute_end(client, signed_in, world, clock):
    signed_in(client, world.chair)
    clock.advance(dt.timedelta(minutes=119))
    assert client.get("/").status_code == 200  # a request keeps it alive …
    clock.advance(dt.timedelta(minutes=119))
    assert client.get("/").status_code == 200
    clock.advance(dt.timedelta(minutes=121))
    assert client.get("/").status_code == 303  # … idle for longer than two hours ends it

    signed_in(client, world.chair)
    for _ in range(7):  # active all day: the absolute end (12 hours) still comes
        clock.advance(dt.timedelta(minutes=100))
        assert client.get("/").status_code == 200
    clock.advance(dt.timedelta(minutes=100))
    assert client.get("/").status_code == 303


def test_an_ended_session_cookie_does_not_come_back_after_sign_out(client, signed_in, world):
    signed_in(client, world.chair)
    token = client.get_cookie(SESSION_COOKIE).value  # type: ignore[union-attr]
    post_form(client, "/sign-out")
    client.set_cookie(SESSION_COOKIE, token)
    assert client.get("/").status_code == 303


def test_the_session_cookie_is_secure_behind_a_trusted_https_proxy(tmp_path, world, clock):
    proxied = create_app(web_settings_for(tmp_path, web={"trusted_proxies": 1}), clock=clock)
    direct = create_app(web_settings_for(tmp_path), clock=clock)
    try:
        for app, secure in ((proxied, True), (direct, False)):
            client = app.test_client()
            headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
            response = post_form(
                client, "/sign-in/as", {"person": str(world.chair)}, headers=headers
            )
            assert response.status_code == 303, response.get_data(as_text=True)
            cookie = next(
                c
                for c in response.headers.getlist("Set-Cookie")
                if c.startswith(f"{SESSION_COOKIE}=")
            )
            assert ("Secure" in cookie) is secure
    finally:
        proxied.extensions["gremium"].db.dispose()
        direct.extensions["gremium"].db.dispose()


@pytest.mark.parametrize("clock_setting", ["simulated", "system"])
def test_the_people_to_sign_in_as_are_listed_on_the_simulated_clock_only(
    tmp_path, world, clock_setting
):
    app = create_app(web_settings_for(tmp_path, clock=clock_setting))  # its own clock
    try:
        client = app.test_client()
        html = client.get("/sign-in").get_data(as_text=True)
        response = post_form(client, "/sign-in/as", {"person": str(world.secretary)})
        if clock_setting == "simulated":
            assert "Als Sven Sekretariat anmelden" in html
            assert "Als Clara Vorsitz anmelden" in html
            assert response.status_code == 303
            assert "Angemeldet als Sven Sekretariat" in client.get("/").get_data(as_text=True)
        else:
            assert "anmelden als" not in html and "Sven Sekretariat" not in html
            assert response.status_code == 403
            assert "nur auf der simulierten Uhr" in response.get_data(as_text=True)
            assert client.get("/").status_code == 303
    finally:
        app.extensions["gremium"].db.dispose()


def test_committee_or_404_hides_another_committees_existence(web_app, world):
    with web_app.test_request_context("/"):
        g.lang = "de"
        g.person = sign_in.CurrentSession(
            0,
            world.chair,
            "Clara Vorsitz",
            "clara.vorsitz@ba-tk.example.org",
            "de",
            "t",
            dt.datetime.now(dt.UTC),
        )
        with uow() as work:
            assert committee_or_404(work, world.committee_id).short_name == "TG"
            assert committee_or_404(work, str(world.committee_id)).short_name == "TG"
            for cid in (world.other_committee_id, 9999, "x"):
                with pytest.raises(NotFound):
                    committee_or_404(work, cid)


def test_a_refusal_no_view_caught_and_a_fault_are_pages_in_the_layout(tmp_path, world, clock):
    from governance.errors import Conflict, Text

    app = create_app(web_settings_for(tmp_path), clock=clock)

    def conflict() -> str:
        raise Conflict("error.duplicate", kind=Text("kind.person"), ref="x@example.org")

    def fault() -> str:
        raise RuntimeError("a bug")

    app.add_url_rule("/conflict", "conflict", conflict)
    app.add_url_rule("/fault", "fault", fault)
    try:
        client = app.test_client()
        post_form(client, "/sign-in/as", {"person": str(world.chair)})
        response = client.get("/conflict")
        assert response.status_code == 409
        html = response.get_data(as_text=True)
        assert "x@example.org" in html and "<h1>Fehler 409</h1>" in html
        response = client.get("/fault")
        assert response.status_code == 500
        html = response.get_data(as_text=True)
        assert "es wurde nichts geändert" in html and "a bug" not in html
        assert "Angemeldet als Clara Vorsitz" in html
    finally:
        app.extensions["gremium"].db.dispose()


def test_erasing_a_person_ends_their_sessions(client, signed_in, world, gremium):
    from governance.retention import Retention
    from governance.services import erasure, personal_data

    signed_in(client, world.partners[0])
    with gremium.unit_of_work(Actor.system()) as work:
        person = work.session.get(Person, world.partners[0])
        assert person is not None
        assert len(personal_data.collect(work.session, person)["web_sessions"]) == 1
        erasure.erase(work, person, Retention())
    assert client.get("/").status_code == 303


def test_refused_shows_the_message_and_keeps_what_was_typed(web_app):
    from governance.errors import ConcurrentChange, InvalidInput, Text
    from governance.web.front import refused

    context = {
        "people": None,
        "minutes": 15,
        "per_address": 3,
        "per_client": 10,
        "window": 15,
        "next": "/",
    }
    with web_app.test_request_context("/sign-in", method="POST", data={"email": "a@b"}):
        g.lang, g.person = "de", None
        response = refused(
            InvalidInput("error.email", value="a@b"),
            "web/auth/sign_in.html",
            field="email",
            **context,
        )
        html = response.get_data(as_text=True)
        assert response.status_code == 422
        assert 'value="a@b"' in html and 'aria-invalid="true"' in html
        assert html.count("„a@b“ ist keine E-Mail-Adresse") == 2  # at the top and at the field
        conflict = ConcurrentChange("error.concurrent_change", kind=Text("kind.workflow"), ref="")
        assert refused(conflict, "web/auth/sign_in.html", **context).status_code == 409


def test_signing_in_again_ends_the_session_before(client, world):
    post_form(client, "/sign-in/as", {"person": str(world.chair)})
    first = client.get_cookie(SESSION_COOKIE).value  # type: ignore[union-attr]
    post_form(client, "/sign-in/as", {"person": str(world.secretary)})
    assert "Angemeldet als Sven Sekretariat" in client.get("/").get_data(as_text=True)
    client.set_cookie(SESSION_COOKIE, first)
    assert client.get("/").status_code == 303
