"""The documents Gremium keeps in its database, with their SHA-256.

Every process of an installation (the CLI on a laptop, runners on several
machines) reads and writes the same database, so a document stored here is
found by all of them. A stored document is immutable: storing the same bytes
under the same name again returns the stored row; other bytes under the same
name are refused, never overwritten.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.errors import Conflict
from governance.models import StoredDocument
from governance.unit_of_work import UnitOfWork

MINUTES_ARCHIVE = "minutes_archive"
AGENDA_FILE = "agenda_file"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store(
    uow: UnitOfWork,
    *,
    kind: str,
    entity_type: str,
    entity_id: int,
    name: str,
    media_type: str,
    data: bytes,
) -> StoredDocument:
    """Keep *data* as document *name* of the entity; same bytes again are harmless."""
    digest = sha256_of(data)
    existing = uow.session.execute(
        select(StoredDocument).where(
            StoredDocument.kind == kind,
            StoredDocument.entity_type == entity_type,
            StoredDocument.entity_id == entity_id,
            StoredDocument.name == name,
        )
    ).scalar_one_or_none()
    if existing is not None:
        if existing.sha256 != digest:
            raise Conflict("documents.error.stored_differs", name=name, sha256=existing.sha256)
        return existing
    document = StoredDocument(
        kind=kind,
        entity_type=entity_type,
        entity_id=entity_id,
        name=name,
        media_type=media_type,
        size=len(data),
        sha256=digest,
        sha512=hashlib.sha512(data).hexdigest(),
        data=data,
        legacy_path="",
        note="",
        created_at=uow.now,
        created_by=uow.actor.label,
    )
    uow.session.add(document)
    uow.session.flush()
    return document


def content(session: Session, document: StoredDocument) -> bytes:
    """The bytes of *document*, checked against its SHA-256.

    A document an older installation filed in a folder and the migration
    could not find is read from that path if it is there now (and checked).
    """
    data = document.data
    if data is None:
        path = Path(document.legacy_path)
        if not document.legacy_path or not path.is_file():
            raise Conflict(
                "documents.error.stored_missing",
                name=document.name,
                path=document.legacy_path or "—",
                note=document.note or "—",
            )
        data = path.read_bytes()
    actual = sha256_of(data)
    if actual != document.sha256:
        raise Conflict(
            "documents.error.stored_changed",
            name=document.name,
            recorded=document.sha256,
            actual=actual,
        )
    return data
