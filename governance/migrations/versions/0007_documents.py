"""documents in the database: stored_documents, agenda_attachments, minutes.archive_document_id

Archived minutes were files in a folder relative to whichever process
archived them; now their bytes are stored in the database with their
SHA-256. The migration reads every archived file it can find (the recorded
path as it is, else relative to the SQLite file's folder) and stores it when
its SHA-256 matches the recorded one. A file it cannot find, or one whose
bytes differ, keeps its path reference with a note saying so (the row has no
bytes); nothing recorded is dropped.

The free-text attachments of agenda items (a JSON list) become attachment
rows: an http(s) address a link, anything else a "reference" (the text as
it was typed, neither checked nor stored).

Revision ID: 0007_documents
Revises: 0004
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa
from alembic import op

revision = "0007_documents"
down_revision = "0006_dates"
branch_labels = None
depends_on = None

MINUTES_ARCHIVE = "minutes_archive"


def upgrade() -> None:
    op.create_table(
        "stored_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("legacy_path", sa.String(length=1000), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=320), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_documents")),
        sa.UniqueConstraint(
            "kind", "entity_type", "entity_id", "name", name=op.f("uq_stored_documents_kind")
        ),
    )
    with op.batch_alter_table("stored_documents", schema=None) as batch_op:
        batch_op.create_index(
            "ix_stored_documents_entity", ["entity_type", "entity_id"], unique=False
        )

    op.create_table(
        "agenda_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_agenda_attachments_agenda_item_id_agenda_items"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["people.id"],
            name=op.f("fk_agenda_attachments_created_by_id_people"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["stored_documents.id"],
            name=op.f("fk_agenda_attachments_document_id_stored_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_attachments")),
        sa.UniqueConstraint(
            "agenda_item_id", "title", "version", name=op.f("uq_agenda_attachments_agenda_item_id")
        ),
    )
    with op.batch_alter_table("agenda_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_attachments_agenda_item_id"), ["agenda_item_id"], unique=False
        )

    # SQLite: ALTER TABLE in place. Alembic's batch mode would copy and drop the
    # tables, which fails (foreign keys on) once other rows refer to them.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE minutes ADD COLUMN archive_document_id INTEGER "
            "CONSTRAINT fk_minutes_archive_document_id_stored_documents "
            "REFERENCES stored_documents (id)"
        )
    else:
        op.add_column("minutes", sa.Column("archive_document_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_minutes_archive_document_id_stored_documents"),
            "minutes",
            "stored_documents",
            ["archive_document_id"],
            ["id"],
        )

    _store_archived_minutes()
    _move_item_attachments()

    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE agenda_items DROP COLUMN attachments")  # SQLite ≥ 3.35
    else:
        op.drop_column("agenda_items", "attachments")


def downgrade() -> None:
    # On SQLite the minutes table is copied (batch mode): with foreign keys on this
    # works while no agenda item or objection refers to archived minutes' rows.
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("attachments", sa.JSON(), nullable=False, server_default="[]")
        )
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("minutes", schema=None) as batch_op:
            batch_op.drop_column("archive_document_id")  # its foreign key goes with it
    else:
        op.drop_constraint(
            op.f("fk_minutes_archive_document_id_stored_documents"), "minutes", type_="foreignkey"
        )
        op.drop_column("minutes", "archive_document_id")
    op.drop_table("agenda_attachments")
    op.drop_table("stored_documents")


# --- data ---

_documents = sa.table(
    "stored_documents",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("entity_type", sa.String),
    sa.column("entity_id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("media_type", sa.String),
    sa.column("size", sa.Integer),
    sa.column("sha256", sa.String),
    sa.column("data", sa.LargeBinary),
    sa.column("legacy_path", sa.String),
    sa.column("note", sa.Text),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("created_by", sa.String),
)


def _candidates(recorded: str) -> list[Path]:
    """Where an archived file may be: the recorded path, else relative to the SQLite file."""
    path = Path(recorded)
    found = [path]
    database = op.get_bind().engine.url.database
    if not path.is_absolute() and op.get_bind().dialect.name == "sqlite" and database:
        found.append(Path(database).parent / path)
        found.append(Path(database).parent / "archive" / path.name)
    return found


def _store_archived_minutes() -> None:
    conn = op.get_bind()
    minutes = sa.table(
        "minutes",
        sa.column("id", sa.Integer),
        sa.column("archive_path", sa.String),
        sa.column("archive_sha256", sa.String),
        sa.column("approved_at", sa.DateTime(timezone=True)),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    rows = conn.execute(
        sa.select(
            minutes.c.id,
            minutes.c.archive_path,
            minutes.c.archive_sha256,
            minutes.c.approved_at,
            minutes.c.created_at,
        ).where(minutes.c.archive_path != "", minutes.c.archive_sha256 != "")
    ).all()
    now = dt.datetime.now(dt.UTC)
    for minutes_id, recorded, sha256, approved_at, created_at in rows:
        data: bytes | None = None
        note = ""
        for candidate in _candidates(recorded):
            if candidate.is_file():
                content = candidate.read_bytes()
                if hashlib.sha256(content).hexdigest() == sha256:
                    data = content
                    break
                note = (
                    f"migration 0005 ({now:%Y-%m-%d}): {candidate} has other bytes than the "
                    f"recorded SHA-256; kept as a reference only"
                )
        if data is None and not note:
            note = (
                f"migration 0005 ({now:%Y-%m-%d}): file not found at {recorded} (nor next to the "
                f"database); kept as a reference only"
            )
        moment = approved_at or created_at or now
        if conn.dialect.name == "sqlite":
            moment = moment.replace(tzinfo=None)  # stored as naive UTC, as UTCDateTime does
        result = conn.execute(
            _documents.insert()
            .values(
                kind=MINUTES_ARCHIVE,
                entity_type="minutes",
                entity_id=minutes_id,
                name=Path(recorded.replace("\\", "/")).name[:255],
                media_type="application/pdf",
                size=len(data) if data is not None else 0,
                sha256=sha256,
                data=data,
                legacy_path=recorded if data is None else "",
                note=note if data is None else "",
                created_at=moment,
                created_by="system",
            )
            .returning(_documents.c.id)
        )
        document_id = result.scalar_one()
        conn.execute(
            sa.text("UPDATE minutes SET archive_document_id = :d WHERE id = :m"),
            {"d": document_id, "m": minutes_id},
        )


def _move_item_attachments() -> None:
    conn = op.get_bind()
    items = sa.table(
        "agenda_items",
        sa.column("id", sa.Integer),
        sa.column("attachments", sa.JSON),
        sa.column("created_at"),
        sa.column("proposer_id", sa.Integer),
    )
    rows = conn.execute(
        sa.select(items.c.id, items.c.attachments, items.c.created_at, items.c.proposer_id)
    ).all()
    attachments = sa.table(
        "agenda_attachments",
        sa.column("agenda_item_id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("title", sa.String),
        sa.column("version", sa.Integer),
        sa.column("url", sa.String),
        sa.column("document_id", sa.Integer),
        sa.column("created_at"),  # copied as stored, whatever the dialect's form
        sa.column("created_by_id", sa.Integer),
    )
    for item_id, raw, created_at, proposer_id in rows:
        values = json.loads(raw) if isinstance(raw, str) else (raw or [])
        seen: set[str] = set()
        for value in values:
            text = str(value).strip()
            if not text or text[:300] in seen:
                continue
            seen.add(text[:300])
            parts = urlsplit(text)
            is_link = parts.scheme in ("http", "https") and bool(parts.netloc)
            conn.execute(
                attachments.insert().values(
                    agenda_item_id=item_id,
                    kind="link" if is_link else "reference",
                    title=text[:300],
                    version=1,
                    url=text[:2000] if is_link else "",
                    document_id=None,
                    created_at=created_at,
                    created_by_id=proposer_id,
                )
            )
