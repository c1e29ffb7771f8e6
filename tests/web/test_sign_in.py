"""Signing in with a one-time link from a real mail (SMTP on loopback), and its limits."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from governance.models import AuditRecord, OutboxMessage, SignInLink, WebSession
from governance.services import sign_in
from tests.mail_support import Mailbox, start_server
from tests.web.conftest import web_settings_for
from tests.web.support import SESSION_COOKIE, World, post_form

CHAIR = World.EMAILS["chair"]
LINK = re.compile(r"^http://gremium\.test/sign-in/([A-Za-z0-9_-]+)\s*$", re.M)


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    handler = Mailbox()
    controller = start_server(handler)
    handler.port = controller.port  # type: ignore[attr-defined]
    yield handler
    controller.stop()


@pytest.fixture
def web_settings(tmp_path, mailbox):
    """Mail goes out over SMTP to the loopback server (read back as the recipient reads it)."""
    return web_settings_for(
        tmp_path,
        mail={
            "delivery": "smtp",
            "smtp_host": "127.0.0.1",
            "smtp_port": mailbox.port,
            "smtp_security": "none",
        },
    )


def ask_for_link(client, email=CHAIR, **data):
    """Ask for a link, and wait until the mail it queued (if any) left the outbox."""
    response = post_form(client, "/sign-in", {"email": email, **data})
    sent_out(client.application.extensions["gremium"])
    return response


def sent_out(gremium, seconds: float = 10.0) -> None:
    """Wait for the thread that sends links at once (the answer does not wait for it)."""
    deadline = time.monotonic() + seconds
    while True:
        with gremium.db.read_session() as session:
            waiting = session.scalar(select(func.count()).where(OutboxMessage.status == "queued"))
        if not waiting:
            return
        assert time.monotonic() < deadline, "the sign-in link was not sent within 10 s"
        time.sleep(0.05)


def link_path(mailbox: Mailbox, index: int = -1) -> str:
    message = mailbox.messages()[index]
    text = message.get_body(("plain",)).get_content()
    found = LINK.search(text)
    assert found, text
    return f"/sign-in/{found.group(1)}"


def test_the_link_from_the_mail_signs_in_once(client, mailbox, web_app, world):
    response = ask_for_link(client)
    assert response.status_code == 200
    assert "ist ein Anmeldelink unterwegs" in response.get_data(as_text=True)
    # Delivered at once, without a pass of `gremium run`.
    assert mailbox.recipients() == [CHAIR]
    message = mailbox.messages()[0]
    assert message["Subject"] == "Ihr Anmeldelink für Gremium"
    path = link_path(mailbox)

    # Opening the link (as a mail scanner would) signs nobody in and uses nothing.
    page = client.get(path)
    assert page.status_code == 200
    assert "Sie melden sich als Clara Vorsitz an." in page.get_data(as_text=True)
    assert client.get("/").status_code == 303

    signed = post_form(client, path)
    assert signed.status_code == 303 and signed.headers["Location"] == "/"
    overview = client.get("/")
    assert overview.status_code == 200
    assert "Willkommen, Clara Vorsitz." in overview.get_data(as_text=True)

    again = web_app.test_client()
    refused = post_form(again, path)
    assert refused.status_code == 410
    assert "wurde schon benutzt" in refused.get_data(as_text=True)
    assert again.get("/").status_code == 303


def test_an_expired_link_is_refused(client, mailbox, clock):
    ask_for_link(client)
    path = link_path(mailbox)
    clock.advance(dt.timedelta(minutes=16))
    response = post_form(client, path)
    assert response.status_code == 410
    assert "ist abgelaufen (er galt 15 Minuten)" in response.get_data(as_text=True)
    assert client.get("/").status_code == 303


def test_an_unknown_link_is_refused(client):
    response = post_form(client, "/sign-in/not-a-token")
    assert response.status_code == 404
    assert "ungültig" in response.get_data(as_text=True)


def test_a_known_and_an_unknown_address_get_the_same_answer(client, mailbox):
    known = ask_for_link(client).get_data(as_text=True)
    unknown = ask_for_link(client, "niemand@example.org").get_data(as_text=True)

    def answer(html: str) -> str:
        return (
            re.sub(r'value="[^"]*"|content="[^"]*"', "", html)
            .replace(CHAIR, "X")
            .replace("niemand@example.org", "X")
        )

    assert answer(known) == answer(unknown)
    assert mailbox.recipients() == [CHAIR]


def test_links_are_limited_per_address(client, mailbox):
    for _ in range(sign_in.LIMIT_PER_ADDRESS):
        assert ask_for_link(client).status_code == 200
    response = ask_for_link(client)
    assert response.status_code == 429
    assert "höchstens 3 je Adresse und 10 je Gerät in 15 Minuten" in response.get_data(as_text=True)
    assert len(mailbox.messages()) == sign_in.LIMIT_PER_ADDRESS


def test_an_unknown_address_reaches_its_limit_as_a_known_one_does(client):
    for _ in range(sign_in.LIMIT_PER_ADDRESS):
        assert ask_for_link(client, "niemand@example.org").status_code == 200
    assert ask_for_link(client, "niemand@example.org").status_code == 429


def test_requests_are_limited_per_client_and_the_window_passes(client, web_app, clock):
    for i in range(sign_in.LIMIT_PER_CLIENT):
        assert ask_for_link(client, f"p{i}@example.org").status_code == 200
    assert ask_for_link(client, "p-last@example.org").status_code == 429
    elsewhere = web_app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert ask_for_link(elsewhere, "p-last@example.org").status_code == 200
    clock.advance(dt.timedelta(minutes=sign_in.LIMIT_WINDOW_MINUTES, seconds=1))
    assert ask_for_link(client, "p-later@example.org").status_code == 200


def test_a_malformed_address_is_refused_with_what_is_expected(client, mailbox):
    response = ask_for_link(client, "kein-at-zeichen")
    assert response.status_code == 422
    assert "ist keine E-Mail-Adresse" in response.get_data(as_text=True)
    assert 'value="kein-at-zeichen"' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("asked", "landed"),
    [
        ("/committees/1", "/committees/1"),
        ("https://evil.example/", "/"),
        ("//evil.example/x", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_after_signing_in_only_a_local_next_is_followed(client, mailbox, asked, landed):
    ask_for_link(client, next=asked)
    response = post_form(client, link_path(mailbox))
    assert response.headers["Location"] == landed


def test_the_session_cookie_is_httponly_and_samesite_lax_and_not_secure_over_http(client, mailbox):
    ask_for_link(client)
    response = post_form(client, link_path(mailbox))
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_the_session_cookie_is_secure_over_https(client, mailbox):
    ask_for_link(client)
    path = link_path(mailbox)
    token = client.get(path, base_url="https://localhost").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', token).group(1)  # type: ignore[union-attr]
    response = client.post(path, data={"csrf_token": csrf}, base_url="https://localhost")
    cookies = response.headers.getlist("Set-Cookie")
    session_cookie = next(c for c in cookies if c.startswith(f"{SESSION_COOKIE}="))
    assert "Secure" in session_cookie and "HttpOnly" in session_cookie


def test_signing_in_and_a_refused_link_are_on_the_audit_trail_with_the_person(
    client, mailbox, gremium, world
):
    ask_for_link(client)
    path = link_path(mailbox)
    post_form(client, path)
    post_form(gremium_client := client.application.test_client(), path)
    assert gremium_client is not client
    with gremium.db.session() as session:
        records = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "sign_in").order_by(AuditRecord.seq)
        ).all()
    assert [(r.actor, r.outcome) for r in records] == [
        (f"person:{world.chair}", "done"),
        (f"person:{world.chair}", "refused"),
    ]
    assert CHAIR not in str([r.details for r in records])


def test_only_digests_of_the_secrets_are_stored(client, mailbox, gremium):
    ask_for_link(client)
    path = link_path(mailbox)
    response = post_form(client, path)
    cookie = response.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    token = path.rsplit("/", 1)[1]
    with gremium.db.session() as session:
        link = session.scalars(select(SignInLink)).one()
        web_session = session.scalars(select(WebSession)).one()
    assert link.token_sha256 == sign_in.digest(token) and token not in link.token_sha256
    assert web_session.token_sha256 == sign_in.digest(cookie)
