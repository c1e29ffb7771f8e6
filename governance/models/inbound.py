"""Replies by mail: the reply addresses handed out, the messages read, and the
objections that came by mail and wait for their sender's confirmation.

A reply is matched only through the token in the address it was sent to
(``geschaeftsstelle+<token>@…``), never through its From header: the token
was given to one person about one meeting (or one circulation of minutes).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base
from governance.models.organisation import Person


class ReplyToken(Base):
    """The token of one reply address: one person, one meeting, one purpose.

    Stable for its (purpose, person, meeting, revision), so an updated
    invitation keeps the address (and the calendar's ORGANIZER) it had.
    """

    __tablename__ = "reply_tokens"
    __table_args__ = (UniqueConstraint("purpose", "person_id", "meeting_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(40), unique=True)
    """Lower-case letters and digits: survives servers that fold the local part's case."""
    purpose: Mapped[str] = mapped_column(String(30))
    """``invitation`` (calendar replies become RSVPs) or ``minutes`` (replies are objections
    once confirmed)."""
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    revision: Mapped[int] = mapped_column(default=0)
    """The minutes' revision the mail circulated (0 for invitations)."""
    created_at: Mapped[dt.datetime]

    person: Mapped[Person] = relationship()


class InboundMail(Base):
    """One message read from the mailbox, recorded in the transaction of its effect.

    ``fingerprint`` (the Message-ID, else the SHA-256 of the message) is
    unique: a message read again after a crash finds its row and changes
    nothing a second time.
    """

    __tablename__ = "inbound_mails"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(300), unique=True)
    folder: Mapped[str] = mapped_column(String(200))
    uid: Mapped[int | None]
    uidvalidity: Mapped[int | None]
    sender: Mapped[str] = mapped_column(String(300), default="")
    """The From header as read: shown to people, never used to match."""
    subject: Mapped[str] = mapped_column(String(300), default="")
    token_id: Mapped[int | None] = mapped_column(ForeignKey("reply_tokens.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(30))
    """rsvp | objection_pending | not_understood"""
    detail: Mapped[str] = mapped_column(Text, default="")
    """What was done, or why it was not understood (a catalogue key with its values, JSON)."""
    received_at: Mapped[dt.datetime]

    token: Mapped[ReplyToken | None] = relationship()


class MailObjection(Base):
    """A reply to circulated minutes: an objection once its sender confirms it.

    ``pending`` until the person confirms through the link sent back;
    ``confirmed`` names the objection raised then; ``lapsed`` when the
    objection period ended (or the minutes moved on) first.
    """

    __tablename__ = "mail_objections"

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id"), index=True)
    revision: Mapped[int]
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    inbound_id: Mapped[int] = mapped_column(ForeignKey("inbound_mails.id"))
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="pending")
    received_at: Mapped[dt.datetime]
    confirmed_at: Mapped[dt.datetime | None]
    objection_id: Mapped[int | None] = mapped_column(ForeignKey("minutes_objections.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    """Why it lapsed or was refused on confirmation (in the reader's language, JSON key)."""

    person: Mapped[Person] = relationship()
