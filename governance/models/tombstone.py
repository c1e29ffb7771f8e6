"""What was deleted, for the OParl interface (soft delete by record).

OParl forbids objects that simply vanish: a deleted object keeps answering
under its URL with ``deleted: true``, and lists filtered by
``modified_since`` name it. Gremium deletes few rows of what it publishes
(an agenda item it added by itself and takes back, a person's roles on
erasure, an organisation's seat); each deletion leaves a tombstone here.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from governance.models.base import Base


class Tombstone(Base):
    __tablename__ = "tombstones"
    __table_args__ = (Index("ix_tombstones_kind_object", "kind", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    """The table the row was deleted from (agenda_items, membership_people, memberships)."""
    object_id: Mapped[int]
    committee_id: Mapped[int | None]
    """The committee it belonged to: its rule of publication decides whether the tombstone shows."""
    created_at: Mapped[dt.datetime | None]
    """When the deleted object was created (OParl keeps ``created`` of a deleted object)."""
    deleted_at: Mapped[dt.datetime]
