"""The database: one URL, SQLite by default, PostgreSQL (psycopg 3) for several processes.

Owns the engine, the schema migrations (Alembic) and the session factory;
the rest of Gremium receives sessions through a unit of work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from governance.audit_keys import KeySource
from governance.errors import ConfigurationError

MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str) -> str:
    """Let users write postgresql://... and still get psycopg 3."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Database:
    def __init__(self, url: str, audit_key_file: Path | None = None) -> None:
        self.url = normalise_url(url)
        self.audit_keys = KeySource(audit_key_file)
        """The audit chain's key file (see governance.audit_keys); None in bare test databases."""
        try:
            parsed = make_url(self.url)
            kwargs: dict[str, Any] = {}
            if parsed.get_backend_name() == "sqlite":
                kwargs["connect_args"] = {"timeout": 30}
            self.engine: Engine = create_engine(self.url, **kwargs)
        except (ArgumentError, NoSuchModuleError, ValueError, ImportError) as exc:
            raise ConfigurationError("error.database", url=url, problem=str(exc)) from None
        if self.engine.dialect.name == "sqlite":
            _configure_sqlite(self.engine)
        from governance.audit import KEYS

        self.sessions = sessionmaker(
            self.engine, expire_on_commit=False, info={KEYS: self.audit_keys}
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    # --- migrations ---

    def alembic_config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        cfg.attributes["engine"] = self.engine
        return cfg

    def upgrade(self, revision: str = "head") -> None:
        """Apply the migrations up to *revision* (head: the newest)."""
        try:
            command.upgrade(self.alembic_config(), revision)
        except OperationalError as exc:
            raise ConfigurationError(
                "error.database", url=self.display_url(), problem=_first_line(exc)
            ) from None

    def head_revision(self) -> str:
        head = ScriptDirectory.from_config(self.alembic_config()).get_current_head()
        assert head is not None
        return head

    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
        except DatabaseError as exc:  # OperationalError, or "file is not a database"
            raise ConfigurationError(
                "error.database", url=self.display_url(), problem=_first_line(exc)
            ) from None

    def require_current_schema(self) -> None:
        current = self.current_revision()
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

    def dispose(self) -> None:
        self.engine.dispose()


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0]


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
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def ping(db: Database) -> None:
    """Open a connection once, so that a URL that cannot be opened is reported clearly."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise ConfigurationError(
            "error.database", url=db.display_url(), problem=_first_line(exc)
        ) from None
