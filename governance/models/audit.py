"""The append-only, hash-chained audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from governance.models.base import Base


class AuditRecord(Base):
    __tablename__ = "audit_records"

    # BigInteger on PostgreSQL, INTEGER (rowid alias) on SQLite.
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    """Position in the chain, 1, 2, 3, ... without gaps."""
    at: Mapped[dt.datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    actor: Mapped[str] = mapped_column(String(254))
    """"person:<id>" for a person (no name or address: see ``actor_id``), "system" for
    timers. Records written before 0005 hold the acting person's e-mail address."""
    committee_id: Mapped[int | None] = mapped_column(index=True)
    entity_type: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int | None]
    action: Mapped[str] = mapped_column(String(100))
    from_state: Mapped[str | None] = mapped_column(String(40))
    to_state: Mapped[str | None] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(20))
    """"done", or "refused" for an action that was refused (and changed nothing else)."""
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str | None] = mapped_column(String(16))
    """The key whose HMAC ``hash`` is; None: a plain SHA-256 link (written before keying)."""
    digests: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    """"table:id" -> SHA-256 of the protected row as its transaction left it (None: deleted)."""


class AuditHead(Base):
    """One row: the last link of the chain. Appending locks it, so that
    concurrent writers (several processes on PostgreSQL) extend the chain one
    after the other."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str | None] = mapped_column(String(16))
    """The key the next records are sealed with; None: the chain is not keyed yet."""
