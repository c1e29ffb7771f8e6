"""Documents kept in the database: archived minutes and the files of agenda items.

The bytes live in the database (not in a folder of whichever process made
them), so every process and machine of an installation finds them and
``gremium minutes export`` works from any folder. A stored document is never
changed: a different file under the same name is a new row (a new version
of an attachment) or refused (an archived document).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base
from governance.models.organisation import Person


class StoredDocument(Base):
    """One immutable file: what it is about, its name and media type, its bytes and SHA-256."""

    __tablename__ = "stored_documents"
    __table_args__ = (
        UniqueConstraint("kind", "entity_type", "entity_id", "name"),
        Index("ix_stored_documents_entity", "entity_type", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    """minutes_archive or agenda_file."""
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int]
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    sha512: Mapped[str] = mapped_column(String(128), default="")
    """(0016_oparl) For OParl's sha512Checksum; "" where the bytes are missing."""
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    """None only for a file an older installation filed in a folder that the
    migration could not find (then ``legacy_path`` and ``note`` say where and why)."""
    legacy_path: Mapped[str] = mapped_column(String(1000), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str] = mapped_column(String(320), default="")
    """The actor's label (an e-mail address, or "system")."""


class AgendaAttachment(Base):
    """An attachment (Anlage, Vorlage) of an agenda item: a stored file or a link.

    Uploading a file under a title the item already has adds a new version;
    the older versions stay (and stay exportable).
    """

    __tablename__ = "agenda_attachments"
    __table_args__ = (UniqueConstraint("agenda_item_id", "title", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    """file, link, or reference (free text of an older installation, neither checked nor stored)."""
    title: Mapped[str] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(default=1)
    url: Mapped[str] = mapped_column(String(2000), default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("stored_documents.id"))
    created_at: Mapped[dt.datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))

    document: Mapped[StoredDocument | None] = relationship()
    created_by: Mapped[Person | None] = relationship()
