"""The persistent outbox: every message is queued here in the transaction of
the change that caused it and sent later by the dispatcher."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from governance.models.base import Base


class OutboxMessage(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int | None] = mapped_column(index=True)
    notification: Mapped[str] = mapped_column(String(100))
    """The notification's name, e.g. signature_request (a folder under templates/mail/)."""
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    recipient: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(2))
    entity_type: Mapped[str | None] = mapped_column(String(60))
    entity_id: Mapped[int | None]
    context: Mapped[dict[str, Any]]
    """What the templates need, captured when the message was queued."""
    dedup_key: Mapped[str] = mapped_column(String(300), unique=True)
    """Notification, recipient and revision: the same key never queues twice."""
    status: Mapped[str] = mapped_column(String(20), default="queued")
    created_at: Mapped[dt.datetime]
    next_attempt_at: Mapped[dt.datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    sent_at: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(2000))
    # Rendered when queued (migration 0003): what is sent is what was checked
    # in the transaction that queued it, and a resend is byte-for-byte the same.
    subject: Mapped[str | None] = mapped_column(String(998))
    body_text: Mapped[str | None] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str | None] = mapped_column(String(300))
    """Deterministic: the same on every resend, so a duplicate is recognisable."""
    thread_id: Mapped[str | None] = mapped_column(String(300))
    """The Message-ID of the thread root of the entity (In-Reply-To, References)."""
    envelope: Mapped[dict[str, Any] | None]
    """Display names and addresses for From, Reply-To and To."""
    calendar: Mapped[str | None] = mapped_column(Text)
    """An iCalendar object (text/calendar) to send along, e.g. a meeting invitation."""
    calendar_method: Mapped[str | None] = mapped_column(String(10))
    attachments: Mapped[list[Any] | None]
    """[{filename, content_type, data (base64)}]"""
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[dt.datetime | None]
    # --- (0008_meetings) what the message is for, checked again when it is sent ---
    purpose: Mapped[dict[str, Any] | None]
    """The state and moment the message is valid for (governance/mail/purpose.py)."""
    skip_reason: Mapped[str | None] = mapped_column(Text)
    """Why it was not sent (status skipped): its purpose no longer held."""
