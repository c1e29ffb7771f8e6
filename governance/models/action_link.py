"""Action links: personal links in mails that let a partner act without signing in.

A link is bound to one person, one entity and one purpose and expires when the
action's period ends. Its token is never stored: each mail that carries the
link gets a fresh random token when the mail is written for delivery, and only
its SHA-256 is kept (:class:`ActionLinkToken`). A resent mail (the relay failed
half-way) gets a token of its own; all tokens of a link act as the link, and
it works once where it changes state.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base
from governance.models.organisation import Organisation, Person


class ActionLink(Base):
    __tablename__ = "action_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committees.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(60))
    """A purpose of the registry (governance/services/action_links.py), e.g. rsvp.attend."""
    entity_type: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int]
    marker: Mapped[str] = mapped_column(String(64), unique=True)
    """Where the link stands in the queued mail until it is written for delivery
    (random, not a credential: the /l/ page does not know it)."""
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(300))

    person: Mapped[Person] = relationship()


class ActionLinkToken(Base):
    """The SHA-256 of one token of an action link (one per mail written)."""

    __tablename__ = "action_link_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("action_links.id"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime]

    link: Mapped[ActionLink] = relationship()


class MeetingReply(Base):
    """An organisation's answer to a meeting's invitation (RSVP): the expected attendance.

    One row per meeting and organisation, the latest answer; earlier answers
    are on the audit trail.
    """

    __tablename__ = "meeting_replies"
    __table_args__ = (UniqueConstraint("meeting_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    """Who answered."""
    answer: Mapped[str] = mapped_column(String(20))
    """attends, excused or deputy."""
    deputy_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    comment: Mapped[str] = mapped_column(Text, default="")
    via: Mapped[str] = mapped_column(String(20))
    """link, calendar or secretariat."""
    answered_at: Mapped[dt.datetime]

    organisation: Mapped[Organisation] = relationship()
    person: Mapped[Person] = relationship(foreign_keys=[person_id])
    deputy: Mapped[Person | None] = relationship(foreign_keys=[deputy_person_id])
