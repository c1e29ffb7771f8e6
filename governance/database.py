"""The database: one URL, SQLite by default, PostgreSQL (psycopg 3) for several processes.

Owns the engine, the schema migrations (Alembic) and the session factory;
the rest of Gremium receives sessions through a unit of work.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Select, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    DBAPIError,
    NoSuchModuleError,
    OperationalError,
)

from governance.audit_keys import KeySource
from governance.config import masked
from governance.errors import ConfigurationError, GremiumError

if TYPE_CHECKING:  # Alembic is imported only to migrate: a read-only command does not need it
    from alembic.config import Config

    # Nor the ORM: a listing reads through Core (governance.reads); sessions are
    # made on first use by the commands that change something.
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str) -> str:
    """Let users write postgresql://... and still get psycopg 3."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Database:
    def __init__(self, url: str, audit_key_file: Path | None = None) -> None:
        if not isinstance(url, str) or not url.strip():
            raise ConfigurationError("error.database_url_type", value=repr(url))
        self.url = normalise_url(url)
        self.audit_keys = KeySource(audit_key_file)
        """The audit chain's key file (see governance.audit_keys); None in bare test databases."""
        try:
            parsed = make_url(self.url)
            # hide_parameters: a failed statement's message must never carry the
            # values it wrote (names, e-mail addresses, mail bodies) to a terminal or log.
            kwargs: dict[str, Any] = {"hide_parameters": True}
            if parsed.get_backend_name() == "sqlite":
                kwargs["connect_args"] = {"timeout": 30}
            self.engine: Engine = create_engine(self.url, **kwargs)
        except (ArgumentError, NoSuchModuleError, ValueError, ImportError) as exc:
            raise ConfigurationError(
                "error.database", url=masked(url), problem=masked(str(exc))
            ) from None
        if self.engine.dialect.name == "sqlite":
            _configure_sqlite(self.engine)

    @functools.cached_property
    def sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        from governance.audit import KEYS

        return sessionmaker(self.engine, expire_on_commit=False, info={KEYS: self.audit_keys})

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def sqlite_file(self) -> Path | None:
        """The SQLite database's file (None for a server database or an in-memory one)."""
        if not self.is_sqlite or self.engine.url.database in (None, "", ":memory:"):
            return None
        if str(self.engine.url.database).startswith("file:"):
            return None
        return Path(str(self.engine.url.database))

    def require_file(self) -> None:
        """Refuse a SQLite path with no database behind it: a mistyped path must not
        become a new, empty database file (only ``init`` and ``db upgrade`` create one)."""
        path = self.sqlite_file()
        if path is not None and not path.is_file():
            raise ConfigurationError("error.database_missing", path=str(path))

    # --- migrations ---

    def alembic_config(self) -> Config:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        cfg.attributes["engine"] = self.engine
        return cfg

    def upgrade(self, revision: str = "head") -> None:
        """Apply the migrations up to *revision* (head: the newest)."""
        from alembic import command

        try:
            command.upgrade(self.alembic_config(), revision)
        except DatabaseError as exc:
            raise problem(exc, self.display_url()) from None

    def head_revision(self) -> str:
        return head_revision()

    def current_revision(self, must_exist: bool = False) -> str | None:
        """The schema revision recorded in the database (None: not set up).

        Read with a plain query, not Alembic's MigrationContext: every command
        asks this at start, and importing Alembic costs more than the command.
        With *must_exist* a SQLite file that is not there is refused, not created.
        """
        if must_exist:
            self.require_file()
        try:
            with self.engine.connect() as conn:
                if not inspect(conn).has_table("alembic_version"):
                    return None
                versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
                return next(iter(versions), None)
        except DatabaseError as exc:  # OperationalError, or "file is not a database"
            raise problem(exc, self.display_url()) from None

    def require_current_schema(self) -> None:
        current = self.current_revision(must_exist=True)
        head = self.head_revision()
        if current != head:
            raise ConfigurationError(
                "error.database_not_initialised",
                url=self.display_url(),
                current=current or "—",
                head=head,
            )

    def session(self) -> Session:
        return self.sessions()

    def read_session(self) -> Session:
        """A session that only reads: on SQLite its transaction begins DEFERRED, so it
        does not hold the write lock (a reader in WAL mode blocks nobody). It carries
        the audit key source like every other session: `audit verify` reads with it."""
        from sqlalchemy.orm import Session

        from governance.audit_hash import KEYS

        return Session(
            self.engine.execution_options(read_only=True),
            expire_on_commit=False,
            info={KEYS: self.audit_keys},
        )

    def read_connection(self) -> Connection:
        """A connection that only reads, for the Core read paths (governance.reads):
        on SQLite its transaction begins DEFERRED, as :meth:`read_session`'s does."""
        return self.engine.execution_options(read_only=True).connect()

    def read_one(self, statement: Select[Any], params: dict[str, Any]) -> tuple[Any, ...] | None:
        """The one row (or None) of a single reading *statement*, the cheapest way there is:
        every page request asks one (the session and the data version together).

        One statement is one snapshot of its own, so on PostgreSQL it runs outside a
        transaction (one round trip where a transaction costs three: BEGIN, the
        statement, ROLLBACK), on a pooled connection straight through the driver, the
        statement compiled once: SQLAlchemy's execution would cost three times the
        driver's CPU. The values come as the driver gives them (no column types
        applied). On SQLite, where none of that costs much, it is an ordinary read."""
        if self.engine.dialect.name != "postgresql":
            with self.read_connection() as conn:
                row = conn.execute(statement, params).one_or_none()
            return None if row is None else tuple(row)
        sql, defaults = self._compiled(statement)
        values = {**defaults, **params}
        dialect = self.engine.dialect
        pooled = self.engine.raw_connection()
        driver = pooled.driver_connection
        assert driver is not None
        try:
            driver.autocommit = True
            try:
                cursor = pooled.cursor()
                try:
                    cursor.execute(sql, values)
                    found = cursor.fetchone()
                finally:
                    cursor.close()
            finally:
                driver.autocommit = False
        except dialect.loaded_dbapi.Error as exc:
            # As SQLAlchemy's execution would: a lost connection leaves the pool, and the
            # error is SQLAlchemy's (what the fronts report), without the values.
            if dialect.is_disconnect(exc, driver, None):
                pooled.invalidate(exc)
            raise DBAPIError.instance(
                sql, values, exc, dialect.loaded_dbapi.Error, hide_parameters=True
            ) from exc
        finally:
            pooled.close()
        return None if found is None else tuple(found)

    def _compiled(self, statement: Select[Any]) -> tuple[str, dict[str, Any]]:
        found = self._statements.get(id(statement))
        if found is None or found[0] is not statement:
            compiled = statement.compile(dialect=self.engine.dialect)
            found = (statement, str(compiled), dict(compiled.params))
            self._statements[id(statement)] = found
        return found[1], found[2]

    @functools.cached_property
    def _statements(self) -> dict[int, tuple[Select[Any], str, dict[str, Any]]]:
        return {}

    def dispose(self) -> None:
        self.engine.dispose()


def head_revision() -> str:
    """The newest migration: the one no other migration names as its ``down_revision``.

    Read from the migration files' text (Alembic's ScriptDirectory would import
    every migration, and Alembic with them, for each command);
    tests/integration/test_migrations.py checks it against Alembic's own answer.
    """
    revisions: dict[str, str | None] = {}
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision = re.search(r'^revision\s*=\s*["\']([^"\']+)["\']', source, re.M)
        down = re.search(r'^down_revision\s*=\s*(?:["\']([^"\']+)["\']|None)', source, re.M)
        if revision:
            revisions[revision.group(1)] = down.group(1) if down else None
    heads = set(revisions) - {down for down in revisions.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return masked(lines[0]) if lines else type(orig).__name__


# What SQLite and PostgreSQL say, and what we tell the user instead (a key of
# the catalogue: what is wrong, and what to do). Never the statement or its values.
_PROBLEMS = (
    (("database or disk is full", "no space left", "could not extend file", "diskfull"), "full"),
    (("readonly database", "read-only", "permission denied", "readonlysqltransaction"), "readonly"),
    (("database is locked", "lock timeout", "could not obtain lock"), "locked"),
    (("file is not a database", "database disk image is malformed"), "not_a_database"),
    (("unable to open database file",), "cannot_open"),
    (("disk i/o error",), "io"),
)


def problem(exc: BaseException, url: str = "") -> GremiumError:
    """A database error as one line for the user (no SQL, no parameters, no password)."""
    orig = getattr(exc, "orig", None) or exc
    said = f"{type(orig).__name__} {orig}".lower()
    for needles, kind in _PROBLEMS:
        if any(needle in said for needle in needles):
            return ConfigurationError(f"error.db.{kind}", url=url)
    return ConfigurationError("error.database", url=url, problem=_first_line(exc))


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite's own transaction handling defers BEGIN and never takes the
    # write lock up front; two processes then deadlock upgrading read locks.
    # SQLAlchemy's documented recipe: let us emit BEGIN IMMEDIATE ourselves.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        deferred = conn.get_execution_options().get("read_only")
        conn.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")


def ping(db: Database) -> None:
    """Open a connection once, so that a URL that cannot be opened is reported clearly."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise problem(exc, db.display_url()) from None
