"""Schema migrations: an empty database upgrades to head, and the migrations
describe exactly the models (nothing forgotten in a migration)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from governance.database import Database
from governance.models import AuditHead, Base


def test_an_empty_database_upgrades_to_head(db_url):
    db = Database(db_url)
    assert db.current_revision() is None
    db.upgrade()
    assert db.current_revision() == db.head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with db.session() as s:
        head = s.get(AuditHead, 1)
        assert head is not None and head.seq == 0
    db.upgrade()  # running it again is harmless
    assert db.current_revision() == db.head_revision()
    db.dispose()


def test_the_migrations_match_the_models(db_url):
    db = Database(db_url)
    db.upgrade()
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    db.dispose()
    assert diff == [], f"models and migrations differ; add a migration: {diff}"


def test_the_head_read_from_the_migration_files_is_alembics():
    from alembic.script import ScriptDirectory

    from governance.database import Database, head_revision

    db = Database("sqlite://")
    assert head_revision() == ScriptDirectory.from_config(db.alembic_config()).get_current_head()
