"""The sign-in rules of the application layer, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from governance.errors import NotFound, NotPermitted, TooManyRequests
from governance.models import OutboxMessage
from governance.services import sign_in
from governance.unit_of_work import Actor
from tests.web.support import World, build_world

LIFETIME = sign_in.SessionLifetime()


def ask(app, email: str, client: str = "198.51.100.1") -> int | None:
    with app.unit_of_work(Actor.system()) as work:
        return sign_in.request_link(
            work, email=email, client=client, base_url="https://g.example", next_path="/x"
        )


def token_of(app, message_id: int) -> str:
    with app.db.session() as session:
        message = session.get(OutboxMessage, message_id)
        assert message is not None
        return str(message.context["link"]).rsplit("/", 1)[1]


def test_a_link_opens_one_session_once(any_app, clock):
    world = build_world(any_app)
    assert ask(any_app, "unbekannt@example.org") is None
    message_id = ask(any_app, World.EMAILS["chair"].upper())
    assert message_id is not None
    token = token_of(any_app, message_id)

    with any_app.unit_of_work(Actor.system()) as work:
        assert sign_in.check_link(work, token).id == world.chair
    with any_app.unit_of_work(Actor.system()) as work:
        opened = sign_in.redeem_link(work, token, LIFETIME)
    assert opened.next_path == "/x" and opened.person_id == world.chair
    with pytest.raises(NotPermitted) as used, any_app.unit_of_work(Actor.system()) as work:
        sign_in.redeem_link(work, token, LIFETIME)
    assert used.value.key == "web.sign_in.link_used"
    with pytest.raises(NotFound), any_app.unit_of_work(Actor.system()) as work:
        sign_in.redeem_link(work, token + "x", LIFETIME)

    with any_app.db.read_session() as session:
        current = sign_in.current_session(session, opened.token, clock.now(), LIFETIME)
    assert current is not None and current.person_id == world.chair
    # what every page request asks: the session and the data version in one statement
    # (on PostgreSQL outside a transaction)
    same, version = sign_in.current_session_and_version(
        any_app.db, opened.token, clock.now(), LIFETIME
    )
    assert same == current and version is not None
    assert sign_in.current_session_and_version(any_app.db, None, clock.now(), LIFETIME) == (
        None,
        None,
    )
    with any_app.unit_of_work(Actor.system()) as work:
        sign_in.close_session(work, opened.token)
    with any_app.db.read_session() as session:
        assert sign_in.current_session(session, opened.token, clock.now(), LIFETIME) is None
    ended = sign_in.current_session_and_version(any_app.db, opened.token, clock.now(), LIFETIME)
    assert ended == (None, None)  # ended at once, in this read too


def test_the_limits_count_per_address_and_per_client(any_app, clock):
    build_world(any_app)
    for _ in range(sign_in.LIMIT_PER_ADDRESS):
        ask(any_app, "a@example.org")
    with pytest.raises(TooManyRequests):
        ask(any_app, "A@example.org")
    for i in range(sign_in.LIMIT_PER_CLIENT - sign_in.LIMIT_PER_ADDRESS):
        ask(any_app, f"b{i}@example.org")
    with pytest.raises(TooManyRequests):
        ask(any_app, "c@example.org")
    assert ask(any_app, "c@example.org", client="198.51.100.2") is None
    clock.advance(dt.timedelta(minutes=sign_in.LIMIT_WINDOW_MINUTES, seconds=1))
    ask(any_app, "a@example.org")
