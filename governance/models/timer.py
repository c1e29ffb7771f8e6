"""Durable timers: the project's own table is the truth about what is due."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from governance.models.base import Base


class Timer(Base):
    __tablename__ = "timers"
    __table_args__ = (
        Index("ix_timers_status_due_at", "status", "due_at"),
        # (0023_cachescope) an entity's timers (the meeting page's pending ones)
        Index("ix_timers_entity_type_entity_id", "entity_type", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int | None] = mapped_column(index=True)
    workflow: Mapped[str] = mapped_column(String(60))
    entity_type: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    """The timer's name in the workflow definition."""
    trigger: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(40))
    """The workflow state the timer belongs to; leaving it cancels the timer."""
    due_at: Mapped[dt.datetime]
    status: Mapped[str] = mapped_column(String(20), default="pending")
    """pending, fired, skipped (its trigger was not possible or its purpose had lapsed), cancelled, failed."""
    created_at: Mapped[dt.datetime]
    fired_at: Mapped[dt.datetime | None]
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[dt.datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    skip_reason: Mapped[str | None] = mapped_column(Text)
    """Why the timer did nothing (status skipped): its purpose no longer held (0008_meetings)."""
