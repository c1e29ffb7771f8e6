"""Shared fixtures: a real database (SQLite file, or PostgreSQL when reachable),
a simulated clock, and the app wired on both.

PostgreSQL: tests marked ``postgres`` (and the ``any_db`` fixture's postgres
variant) use ``$GREMIUM_TEST_PG_URL`` (default postgresql://postgres@127.0.0.1:5432/test).
Where no server answers they are skipped with the reason, unless
``GREMIUM_REQUIRE_POSTGRES=1`` (set by CI), where that is an error.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from governance.bootstrap import App, build_app
from governance.clock import BERLIN, SimulatedClock
from governance.config import Settings
from governance.unit_of_work import Actor

PG_URL = os.environ.get("GREMIUM_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
START = dt.datetime(2026, 1, 12, 9, 0, tzinfo=BERLIN)


def _pg_problem() -> str | None:
    try:
        engine = create_engine(PG_URL)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:
        return f"PostgreSQL at {PG_URL} is not reachable ({type(exc).__name__}: {str(exc).splitlines()[0]})"


_PG_PROBLEM: str | bool | None = False


def pg_problem() -> str | None:
    global _PG_PROBLEM
    if _PG_PROBLEM is False:
        _PG_PROBLEM = _pg_problem()
    return _PG_PROBLEM  # type: ignore[return-value]


def require_postgres() -> str:
    """Return a fresh PostgreSQL schema URL, or skip (fail in CI) with the reason."""
    problem = pg_problem()
    if problem:
        if os.environ.get("GREMIUM_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"CI requires PostgreSQL: {problem}")
        pytest.skip(f"skipped: {problem}; set GREMIUM_TEST_PG_URL to run the PostgreSQL tests")
    return PG_URL


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL to an empty PostgreSQL schema of its own (dropped afterwards)."""
    base = require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'gremium.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> Iterator[str]:
    """Each test using this runs on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'gremium.db'}"
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(START)


def make_app(
    url: str, clock: SimulatedClock, lang: str = "de", attach_documents: bool = False
) -> App:
    # PDFs in mails cost half a second each; the tests that look at them ask for them.
    settings = Settings(database=url, language=lang, attach_documents=attach_documents)
    app = build_app(settings, clock=clock, check_schema=False)
    app.db.upgrade()
    return app


@pytest.fixture
def app(sqlite_url, clock) -> Iterator[App]:
    """The app on a fresh SQLite file (use ``any_app`` for SQLite and PostgreSQL)."""
    a = make_app(sqlite_url, clock)
    yield a
    a.db.dispose()


@pytest.fixture
def any_app(db_url, clock) -> Iterator[App]:
    """The app on a fresh SQLite file and on a fresh PostgreSQL schema."""
    a = make_app(db_url, clock)
    yield a
    a.db.dispose()


SYSTEM = Actor.system()


def audited_as(app: App, email: str) -> str:
    """How the audit trail names the person with *email*: by id, never by address."""
    from governance import audit
    from governance.services.directory import person_by_email

    with app.db.session() as session:
        return audit.actor_label(person_by_email(session, email).id)
