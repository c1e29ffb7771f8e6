"""Shared fixtures: a real database (SQLite file, or PostgreSQL when reachable),
a simulated clock, and the app wired on both.

PostgreSQL: tests marked ``postgres`` (and the ``any_db`` fixture's postgres
variant) use ``$GREMIUM_TEST_PG_URL`` (default postgresql://postgres@127.0.0.1:5432/test).
Where no server answers they are skipped with the reason, unless
``GREMIUM_REQUIRE_POSTGRES=1`` (set by CI), where that is an error.

What is built once and shared, so that the suite stays well under ten minutes:

- ``make_app(url, clock)`` (and the ``app``/``any_app`` fixtures): a new SQLite file starts
  as a copy of an empty database migrated once per process (:func:`migrated_sqlite`);
  PostgreSQL schemas and existing files are migrated as before; ``migrate(db)`` does the
  same for a fixture that builds its own app (instead of ``db.upgrade()``; a test of the
  migrations themselves calls ``db.upgrade()``);
- ``run_cache`` (session): a :class:`RunCache` shared by all xdist workers of one run.
  ``run_cache.built("name", build)`` returns a folder that ``build(folder)`` filled once
  per run (the first worker builds it under a file lock, the others wait and reuse it).
  Treat such a folder as read-only: copy what a test changes (a SQLite file with
  ``copy_sqlite(source, target)``). tests/browser uses it for the demo year, the example
  committee (``example_template``; ``make_site`` and ``copied_site(template, folder,
  simulated_start=...)`` serve copies of it) and the crawl of every page;
- ``pg_url`` (and with it ``db_url``/``any_app`` on PostgreSQL): schemas migrated once
  per process and emptied for the next test (tests/pg_schemas.py); their sessions
  commit without waiting for the server's disk (``synchronous_commit=off``);
- ``tmp_path`` and the rest of pytest's temporary files live in /dev/shm where there is
  one (``pytest_configure`` below), so that SQLite's commits do not wait for a disk;
- ``demo_year`` (session): the folder of ``gremium demo --no-documents``, run once per
  run (47 s of CPU: no other test runs the demo without documents again); what it printed
  is ``demo_year_printed``. tests/browser serves a copy, tests/e2e reads copies.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from governance.bootstrap import App, build_app
from governance.clock import BERLIN, SimulatedClock
from governance.config import Settings
from governance.database import Database
from governance.unit_of_work import Actor
from tests import own_folder, pg_schemas

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
    engine = pg_schemas.admin_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    # synchronous_commit off: a commit does not wait for the server's disk (7 ms each on
    # a busy machine); what other sessions see, and when, is the same.
    yield f"{base}{sep}options=-csearch_path%3D{schema}%20-csynchronous_commit%3Doff"
    pg_schemas.give_back(engine, schema)  # emptied for reuse, or dropped


def _memory_folder() -> str | None:
    """/dev/shm where it is a writable folder with room to spare (None: elsewhere)."""
    shm = "/dev/shm"
    try:
        room = shutil.disk_usage(shm).free
    except OSError:
        return None
    return shm if os.access(shm, os.W_OK) and room > 2 * 1024**3 else None


def pytest_configure(config: pytest.Config) -> None:
    # The tests' files (tmp_path) in memory where the machine has /dev/shm: SQLite syncs
    # its write-ahead log to disk at every commit (2 to 5 ms on a busy machine), and the
    # suite commits tens of thousands of times. Someone who chose a folder (--basetemp,
    # TMPDIR, PYTEST_DEBUG_TEMPROOT) keeps it.
    if config.option.basetemp or "TMPDIR" in os.environ:
        return
    if "PYTEST_DEBUG_TEMPROOT" not in os.environ and (memory := _memory_folder()):
        os.environ["PYTEST_DEBUG_TEMPROOT"] = memory


def pytest_sessionfinish(session: pytest.Session) -> None:
    pg_schemas.drop_spares()
    for thread in _early_builds:  # its processes write under the run's temporary folder
        thread.join()


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


_MIGRATED: Path | None = None


def migrated_sqlite() -> Path:
    """An empty SQLite database migrated to head, made once per test process (the migrations
    cost a fifth of a second of CPU and a dozen commits each time); copied, never opened."""
    global _MIGRATED
    if _MIGRATED is None:
        folder = Path(tempfile.mkdtemp(prefix="gremium-migrated-"))
        atexit.register(shutil.rmtree, folder, True)
        path = folder / "gremium.db"
        db = Database(f"sqlite:///{path}")
        db.upgrade()
        db.dispose()
        with sqlite3.connect(path) as conn:  # everything into the main file, nothing in the WAL
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        _MIGRATED = path
    return _MIGRATED


def _new_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite *url* that does not exist yet (None: a server or an existing file)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(str(parsed.database))
    return None if str(parsed.database).startswith("file:") or path.exists() else path


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy the SQLite file *source* to *target* with SQLite's backup (whatever is still
    in the write-ahead log comes along); *source* is only read."""
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    original.close()
    copy.close()


class RunCache:
    """Folders built once per test run and shared by its xdist workers (see the module's
    docstring); under the run's temporary base, so they go when pytest cleans up."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def built(self, name: str, build: Callable[[Path], object]) -> Path:
        """The folder *name*, filled by ``build(folder)`` the first time any worker asks.
        A build that fails is not kept: the next one to ask builds again (and fails itself)."""
        self._build(name, build, blocking=True)
        return self.root / name

    def is_built(self, name: str) -> bool:
        return (self.root / f"{name}.done").exists()

    def build_unless_busy(self, name: str, build: Callable[[Path], object]) -> bool:
        """Build *name* now unless it is built or another worker is building it (then
        False at once): for a worker that would otherwise wait, to do the next thing."""
        return self._build(name, build, blocking=False)

    def _build(self, name: str, build: Callable[[Path], object], *, blocking: bool) -> bool:
        from filelock import FileLock, Timeout

        folder = self.root / name
        done = self.root / f"{name}.done"
        try:
            with FileLock(str(self.root / f"{name}.lock"), timeout=-1 if blocking else 0):
                if done.exists():
                    return False
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                build(folder)
                done.touch()
                return True
        except Timeout:
            return False


def _run_cache(tmp_path_factory: pytest.TempPathFactory) -> RunCache:
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the workers' temporary folders are popen-gwN inside the run's
    return RunCache(base / "run-cache")


@pytest.fixture(scope="session")
def run_cache(tmp_path_factory: pytest.TempPathFactory) -> RunCache:
    """What this run's workers share (see the module docstring)."""
    return _run_cache(tmp_path_factory)


_early_builds: list[threading.Thread] = []


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start the demo year (and the second run into it) in the background as soon as the
    tests are collected, where any of them needs it: otherwise the first test to ask makes
    it (a minute of a core) while a worker that needs it too waits, idle. The runs are
    processes of their own (:func:`gremium_process`), so the worker's tests go on meanwhile;
    a test that asks before they are done waits for them under the run cache's lock. One
    process of the run starts them: the first xdist worker (or pytest without xdist)."""
    if config.option.collectonly or os.environ.get("PYTEST_XDIST_WORKER", "gw0") != "gw0":
        return
    needed = {name for item in items for name in getattr(item, "fixturenames", ())}
    if "demo_year" not in needed:
        return
    cache = _run_cache(config._tmp_path_factory)  # type: ignore[attr-defined]

    def build() -> None:
        # A failure here is not reported: the fixture that needs the folder builds it again
        # and fails in its test, with the error (RunCache keeps no failed build).
        with contextlib.suppress(Exception):
            year = cache.built("demo-year", _run_demo_year)
            if "demo_again" in needed:
                cache.build_unless_busy("demo-again", _run_demo_again(year))

    thread = threading.Thread(target=build, name="demo-year", daemon=True)
    thread.start()
    _early_builds.append(thread)


def gremium_process(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """``python -m governance args`` in a process of its own, as from a shell with the usual
    umask (0022: files would be 0644 unless Gremium says otherwise) and without the test
    run's GREMIUM_* variables (plus *env*); its output, after asserting that it exited 0."""
    result = subprocess.run(
        [sys.executable, "-m", "governance", *args],
        cwd=cwd,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("GREMIUM_")},
            **(env or {}),
        },
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(0o022),
        timeout=600,
    )
    assert result.returncode == 0, f"gremium {' '.join(args)}: {result.returncode} {result.stderr}"
    return result.stdout


def _run_demo_year(folder: Path) -> None:
    # In a process of its own, from a shell's umask: the folder and everything in it are
    # what Gremium creates, so that tests/e2e/test_cli_faults.py checks their file modes
    # here instead of running the year a second time (40 s of CPU). The demo makes the
    # folder itself (RunCache made it with the run's umask).
    folder.rmdir()
    printed = gremium_process(folder.parent, "demo", "--out", folder.name, "--no-documents")
    # What the demo printed, beside its folder (not in it: tests copy the folder whole).
    _demo_printed(folder).write_text(printed, encoding="utf-8")
    with sqlite3.connect(folder / "gremium.db") as conn:  # one file, nothing in the WAL
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.fixture(scope="session")
def demo_year(run_cache: RunCache) -> Path:
    """The folder of ``gremium demo --out FOLDER --no-documents`` (the example year:
    database, audit key, archive, mail), run once per test run in a process of its own
    (:func:`gremium_process`). Read-only: copy it (``shutil.copytree``) before anything
    writes to it."""
    return run_cache.built("demo-year", _run_demo_year)


def _run_demo_again(demo_year: Path) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        out = folder / "demo-output"
        shutil.copytree(demo_year, out)
        printed = gremium_process(
            folder,
            "--lang", "en", "demo", "--out", out.name, "--no-documents",
            env={"GREMIUM_GROUP_ACCESS": "true"},
        )  # fmt: skip
        (folder / "printed.txt").write_text(printed, encoding="utf-8")

    return build


@pytest.fixture(scope="session")
def demo_again(run_cache: RunCache, demo_year: Path) -> tuple[Path, str]:
    """A second ``gremium --lang en demo --no-documents`` into a copy of :func:`demo_year`
    (what a first run leaves), in a process of its own with ``GREMIUM_GROUP_ACCESS=true``:
    its folder and what it printed, made once per run. Two tests read it: that a second
    run refills the folder (tests/e2e/test_demo.py) and that with group access the group
    may read what Gremium creates (tests/e2e/test_cli_faults.py; the demo empties the
    folder first, so all in it but the folder itself is created anew). Each ran the year on
    its own before (30 to 40 s of CPU apiece); two runs would show nothing one does not.
    Read-only."""
    folder = run_cache.built("demo-again", _run_demo_again(demo_year))
    return folder / "demo-output", (folder / "printed.txt").read_text(encoding="utf-8")


def _demo_printed(folder: Path) -> Path:
    return folder.with_name(f"{folder.name}.printed.txt")


@pytest.fixture(scope="session")
def demo_year_printed(demo_year: Path) -> str:
    """What ``gremium demo --no-documents`` printed while it made :func:`demo_year`."""
    return _demo_printed(demo_year).read_text(encoding="utf-8")


def migrate(db: Database) -> None:
    """``db.upgrade()`` for a test, before anything else opened *db*: a new SQLite file
    starts as a copy of :func:`migrated_sqlite`, an empty PostgreSQL schema of ``pg_url``
    is one emptied for reuse (tests.pg_schemas) where there is one; anything else (an
    existing file, a schema with tables) is migrated."""
    url = db.url
    new_file = _new_sqlite_file(url)
    if new_file is not None and new_file.parent.is_dir():
        shutil.copyfile(migrated_sqlite(), new_file)
        return
    schema = pg_schemas.schema_of(url) if url.startswith("postgresql") else None
    fresh = schema is not None and pg_schemas.is_empty(pg_schemas.admin_engine(PG_URL), schema)
    if fresh and pg_schemas.take_migrated(pg_schemas.admin_engine(PG_URL), schema):  # type: ignore[arg-type]
        return
    db.upgrade()
    if fresh:
        pg_schemas.remember_head(pg_schemas.admin_engine(PG_URL), schema)  # type: ignore[arg-type]


def make_app(
    url: str, clock: SimulatedClock, lang: str = "de", attach_documents: bool = False
) -> App:
    """The app on *url*, its schema at head: a new SQLite file starts as a copy of
    :func:`migrated_sqlite`, an empty PostgreSQL schema of ``pg_url`` is one emptied for
    reuse (tests.pg_schemas) where there is one; anything else is migrated."""
    # PDFs in mails cost half a second each; the tests that look at them ask for them.
    settings = Settings(
        database=url,
        language=lang,
        attach_documents=attach_documents,
        audit_key_file=own_folder.audit_key_file(url),
    )
    app = build_app(settings, clock=clock, check_schema=False)
    migrate(app.db)
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


@pytest.fixture(autouse=True)
def _own_audit_key(request: pytest.FixtureRequest) -> Iterator[None]:
    """The running test's folder for its audit key (tests/own_folder.py), and a failure
    for a test after which the working folder holds a new or changed ``audit.key``: a
    key there is shared by every test of the run."""
    working = request.config.invocation_params.dir / own_folder.KEY_FILE
    before = working.stat().st_mtime_ns if working.exists() else None
    own_folder.enter(lambda: request.getfixturevalue("tmp_path"), working.parent)
    try:
        yield
    finally:
        own_folder.leave()
    after = working.stat().st_mtime_ns if working.exists() else None
    if after != before:
        if before is None:
            working.unlink()  # so that the tests after this one do not share it
        pytest.fail(
            f"{request.node.nodeid} wrote {working}: every test keeps its audit key in its "
            "own folder (make_app, tests.cli_in_process; audit_key_file in a config it writes)"
        )


SYSTEM = Actor.system()


def audited_as(app: App, email: str) -> str:
    """How the audit trail names the person with *email*: by id, never by address."""
    from governance import audit
    from governance.services.directory import person_by_email

    with app.db.session() as session:
        return audit.actor_label(person_by_email(session, email).id)
