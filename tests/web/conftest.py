"""Fixtures of the page tests: the web app over a real SQLite file built from nothing.

- ``world``: the ids of the committee and its people (:class:`tests.web.support.World`);
- ``web_app``: the Flask app (``create_app``) on that database and the test's
  simulated ``clock`` (move it with ``clock.advance(...)``);
- ``gremium``: the Gremium app behind it (database, clock, engine) for checks;
- ``client``: Flask's test client, not signed in;
- ``signed_in(client, person)``: signs the client in as that person (an id or an
  e-mail address; a real session row and cookie, as the sign-in link makes them)
  and returns it; ``post_form(client, path, data)`` (tests.web.support) then
  posts with its token;
- ``example_app`` / ``example_client``: the same over the example committee of
  Treptow-Köpenick (governance/examples/treptow_koepenick.py, ``tk``) instead of
  ``world``: sign in with ``signed_in(example_client, tk.CHAIR_EMAIL)``.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from governance.bootstrap import App
from governance.clock import SimulatedClock
from governance.config import Settings
from governance.services import sign_in
from governance.unit_of_work import Actor
from governance.web.app import create_app
from tests import own_folder
from tests.conftest import START, make_app
from tests.web.support import SESSION_COOKIE, World, build_world


def web_settings_for(tmp_path: Path, **overrides: object) -> Settings:
    """Settings of a test installation: a SQLite file, mail into a Maildir beside it."""
    values: dict[str, object] = {
        "database": f"sqlite:///{tmp_path / 'gremium.db'}",
        "attach_documents": False,
        "mail": {"maildir": str(tmp_path / "mail")},
        "web": {"base_url": "http://gremium.test"},
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, World]:
    """The world built once per test process (migrations and services take seconds);
    each test gets a copy of its database file and audit key."""
    folder = tmp_path_factory.mktemp("web-world")
    app = make_app(f"sqlite:///{folder / 'gremium.db'}", SimulatedClock(START))
    try:
        return folder, build_world(app)
    finally:
        app.db.dispose()


@pytest.fixture
def world(tmp_path: Path, world_template: tuple[Path, World]) -> World:
    """The committee and its people (built through the services), in this test's own
    SQLite file ``tmp_path/gremium.db``, at the clock's start (tests.conftest.START)."""
    folder, built = world_template
    _copy_database(folder, tmp_path)
    return built


def _copy_database(source_folder: Path, target_folder: Path) -> None:
    # SQLite's backup, not a file copy: nothing still in the write-ahead log is lost.
    with (
        sqlite3.connect(source_folder / "gremium.db") as source,
        sqlite3.connect(target_folder / "gremium.db") as copy,
    ):
        source.backup(copy)
    source.close()
    copy.close()
    if (source_folder / "audit.key").exists():  # (tests' chains are unkeyed unless they ask)
        shutil.copy2(source_folder / "audit.key", target_folder / "audit.key")


@pytest.fixture
def web_settings(tmp_path: Path) -> Settings:
    return web_settings_for(tmp_path)


@pytest.fixture
def web_app(world: World, web_settings: Settings, clock: SimulatedClock) -> Iterator[Flask]:
    app = create_app(web_settings, clock=clock)
    app.config["TESTING"] = True
    yield app
    app.extensions["gremium"].db.dispose()


@pytest.fixture
def gremium(web_app: Flask) -> App:
    """The Gremium app behind the web app (its database and clock)."""
    return web_app.extensions["gremium"]  # type: ignore[no-any-return]


@pytest.fixture
def client(web_app: Flask) -> FlaskClient:
    return web_app.test_client()


@pytest.fixture
def signed_in() -> Callable[[FlaskClient, int | str], FlaskClient]:
    """``signed_in(client, person)``: the client with a session of that person (id or e-mail)."""

    def sign(client: FlaskClient, person_id: int | str) -> FlaskClient:
        from governance.models import Person
        from governance.services.directory import person_by_email

        app: App = client.application.extensions["gremium"]
        with app.unit_of_work(Actor.system()) as work:
            person = (
                person_by_email(work.session, person_id)
                if isinstance(person_id, str)
                else work.session.get(Person, person_id)
            )
            assert person is not None, f"no person {person_id}"
            opened = sign_in.open_session(work, person, sign_in.SessionLifetime(), how="test")
        client.set_cookie(SESSION_COOKIE, opened.token)
        client.gremium_csrf = opened.csrf_token  # type: ignore[attr-defined]
        return client

    return sign


@pytest.fixture(scope="session")
def example_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example committee (Treptow-Köpenick), built once per test process."""
    from governance.examples import treptow_koepenick as tk

    folder = tmp_path_factory.mktemp("web-example")
    app = make_app(f"sqlite:///{folder / 'gremium.db'}", SimulatedClock(START))
    try:
        with app.unit_of_work(Actor.system()) as work:
            tk.create(work)
    finally:
        app.db.dispose()
    return folder


@pytest.fixture
def example_app(tmp_path: Path, example_template: Path, clock: SimulatedClock) -> Iterator[Flask]:
    """The web app over a copy of the example committee's database."""
    _copy_database(example_template, tmp_path)
    app = create_app(web_settings_for(tmp_path), clock=clock)
    app.config["TESTING"] = True
    yield app
    app.extensions["gremium"].db.dispose()


@pytest.fixture
def example_client(example_app: Flask) -> FlaskClient:
    return example_app.test_client()


@pytest.fixture
def pg_web(
    pg_url: str, tmp_path: Path, clock: SimulatedClock
) -> Iterator[tuple[Flask, App, World]]:
    """The page tests' world on PostgreSQL: (web app, Gremium app, world). The pages'
    tests run on SQLite; what PostgreSQL does differently (row locks, a statement it
    refuses) is tested through this."""
    built = make_app(pg_url, clock)
    try:
        world = build_world(built)
    finally:
        built.db.dispose()
    settings = Settings(
        database=pg_url,
        attach_documents=False,
        audit_key_file=own_folder.audit_key_file(pg_url),
        mail={"maildir": str(tmp_path / "mail")},
        web={"base_url": "http://gremium.test"},
    )  # type: ignore[arg-type]
    app = create_app(settings, clock=clock)
    app.config["TESTING"] = True
    yield app, app.extensions["gremium"], world
    app.extensions["gremium"].db.dispose()
