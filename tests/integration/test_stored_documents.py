"""Archived minutes live in the database (SQLite file and PostgreSQL): every
process finds them, from any working folder, checked against their SHA-256;
nothing stored is ever overwritten; the migration moves the files an older
installation filed in a folder into the database and keeps a clear reference
to those it cannot find."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from governance.bootstrap import App, build_app
from governance.config import Settings
from governance.errors import Conflict
from governance.examples import treptow_koepenick as tk
from governance.models import AgendaAttachment, StoredDocument
from governance.services import meetings as ms
from governance.services import minutes_views, stored_documents
from tests.conftest import SYSTEM
from tests.integration.test_meetings import berlin, tick
from tests.integration.test_minutes import circulate, hold_first_meeting, note, state


def make(db_url: str, clock, archive: Path | None = None) -> App:
    app = build_app(
        Settings(database=db_url, archive=str(archive) if archive else None),
        clock=clock,
        check_schema=False,
    )
    app.db.upgrade()
    return app


@pytest.fixture
def kg(db_url, clock) -> Iterator[App]:
    """The example committee with no archive folder set (on SQLite: a copy next to the file)."""
    app = make(db_url, clock)
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    yield app
    app.db.dispose()


def archive_first_minutes(app: App) -> int:
    first = hold_first_meeting(app)
    app.clock.advance_to(berlin(2026, 3, 12, 9, 0))
    note(app, first)
    circulate(app, first)
    tick(app, 2026, 3, 27, 0, 5)
    assert state(app, first)["state"] == "archived"
    return first


def export(app: App, meeting_id: int) -> tuple[StoredDocument, bytes]:
    with app.db.session() as s:
        document, data = minutes_views.archived_document(s, ms.meeting_by_id(s, meeting_id))
        s.expunge(document)
        return document, data


def test_archived_minutes_are_in_the_database_and_read_from_any_folder(
    kg, db_url, clock, tmp_path, monkeypatch
):
    first = archive_first_minutes(kg)
    shown = state(kg, first)
    stored = shown["archive_document"]
    assert stored["name"] == "protokoll-KG-sitzung-1-r1.pdf" and stored["in_database"]
    assert stored["sha256"] == shown["archive_sha256"]
    if db_url.startswith("postgresql"):
        assert shown["archive_path"] is None  # no folder of whichever process archived
    else:
        assert Path(shown["archive_path"]) == tmp_path / "archive" / stored["name"]
    # Another process, started in another folder (a runner on another machine).
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    other = make(db_url, clock)
    try:
        document, data = export(other, first)
    finally:
        other.db.dispose()
    assert data.startswith(b"%PDF-") and len(data) == stored["size"]
    assert hashlib.sha256(data).hexdigest() == shown["archive_sha256"] == document.sha256


def test_changed_bytes_in_the_database_are_detected_on_export(kg):
    first = archive_first_minutes(kg)
    with kg.db.session() as s, s.begin():
        s.execute(text("UPDATE stored_documents SET data = :d"), {"d": b"%PDF-1.7 forged"})
    with pytest.raises(Conflict) as refused:
        export(kg, first)
    assert "ist verändert: SHA-256" in refused.value.message("de")


def test_a_stored_document_is_never_overwritten(kg):
    first = archive_first_minutes(kg)
    name = state(kg, first)["archive_document"]["name"]
    with kg.unit_of_work(SYSTEM) as uow:
        row = uow.session.get(StoredDocument, state(kg, first)["archive_document"]["id"])
        assert row is not None
        # The same bytes again are harmless (a retried archive timer).
        again = stored_documents.store(
            uow,
            kind=row.kind,
            entity_type=row.entity_type,
            entity_id=row.entity_id,
            name=name,
            media_type=row.media_type,
            data=row.data or b"",
        )
        assert again.id == row.id
    with pytest.raises(Conflict) as refused, kg.unit_of_work(SYSTEM) as uow:
        stored_documents.store(
            uow,
            kind="minutes_archive",
            entity_type="minutes",
            entity_id=row.entity_id,
            name=name,
            media_type="application/pdf",
            data=b"%PDF- other bytes",
        )
    assert "werden nie überschrieben" in refused.value.message("de")
    assert export(kg, first)[0].sha256 == row.sha256


def back_to_0004(app: App) -> None:
    """The schema of the previous release, with its archive rows pointing at files."""
    from alembic import command

    command.downgrade(app.db.alembic_config(), "0004")


def test_the_migration_stores_the_files_it_finds_and_keeps_a_reference_to_the_others(
    db_url, clock, tmp_path
):
    folder = tmp_path / "alt-archiv"
    app = make(db_url, clock, archive=folder)
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    first = archive_first_minutes(app)
    copy = Path(state(app, first)["archive_path"])
    original = copy.read_bytes()
    with app.unit_of_work(SYSTEM) as uow:
        item = uow.session.get(AgendaAttachment, 1)
        assert item is None  # no attachments yet: the free-text column gets one below
    back_to_0004(app)
    # Raw SQL on the engine, as data stood at 0004 (no session: its commit hook would
    # advance the data version of 0021, a table this schema does not have yet).
    with app.db.engine.begin() as s:
        s.execute(
            text("UPDATE agenda_items SET attachments = :a WHERE id = 1"),
            {"a": '["https://example.org/plan.pdf", "Kostenplan (liegt in der Geschäftsstelle)"]'},
        )
    app.db.upgrade()
    shown = state(app, first)["archive_document"]
    assert shown["in_database"] and shown["note"] is None
    assert export(app, first)[1] == original
    with app.db.session() as s:
        rows = s.query(AgendaAttachment).order_by(AgendaAttachment.id).all()
        assert [(r.kind, r.title, r.url) for r in rows] == [
            ("link", "https://example.org/plan.pdf", "https://example.org/plan.pdf"),
            ("reference", "Kostenplan (liegt in der Geschäftsstelle)", ""),
        ]

    # A file the migration cannot find keeps its path, with a note; nothing is lost.
    back_to_0004(app)
    copy.rename(copy.with_suffix(".weg"))
    app.db.upgrade()
    shown = state(app, first)["archive_document"]
    assert not shown["in_database"]
    assert "file not found at" in shown["note"] and str(copy) in shown["note"]
    with pytest.raises(Conflict) as refused:
        export(app, first)
    assert f"auch nicht unter „{copy}“" in refused.value.message("de")
    # Put back where it was recorded, it is read from there and checked.
    copy.with_suffix(".weg").rename(copy)
    assert export(app, first)[1] == original
    app.db.dispose()
