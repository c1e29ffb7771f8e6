"""Alembic environment: runs on the engine Gremium hands over (see governance.database)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine.interfaces import DBAPIConnection

from governance.models import Base

config = context.config
target_metadata = Base.metadata


def _engine() -> Engine:
    handed: Engine | None = config.attributes.get("engine")
    if handed is not None:
        return handed
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("no engine handed over and no sqlalchemy.url configured")
    return create_engine(url)


def _driver(connection: Connection) -> DBAPIConnection:
    driver = connection.connection.driver_connection
    assert driver is not None, "a connection being used has its driver connection"
    return driver


def run_migrations_online() -> None:
    with _engine().connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        # A batch migration on SQLite copies a table and drops the old one; with
        # foreign keys on, dropping a table other rows refer to (people, meetings)
        # is refused. Alembic's recipe: keys off while migrating (the pragma only
        # takes effect outside a transaction, hence on the driver connection before
        # SQLAlchemy begins one), then check every reference before committing.
        if sqlite:
            _driver(connection).execute("PRAGMA foreign_keys=OFF")
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=sqlite,
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration left broken references: {broken[:5]}")
            connection.commit()
        finally:
            if sqlite:
                connection.rollback()
                _driver(connection).execute("PRAGMA foreign_keys=ON")


run_migrations_online()
