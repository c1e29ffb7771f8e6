"""The minutes (Protokoll, Niederschrift) of a meeting and objections to them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base, Versioned
from governance.models.meeting import Meeting
from governance.models.organisation import Organisation, Person


class Minutes(Versioned, Base):
    """One meeting's minutes. Workflow ``minutes``: drafting -> circulated ->
    approved -> archived; an objection sends the draft back to drafting and
    circulating it again makes a new revision.

    The text itself is the notes and decisions recorded on the meeting's
    agenda items; once approved (``frozen``) none of it may change.
    """

    __tablename__ = "minutes"
    __workflow__ = "minutes"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), unique=True)
    revision: Mapped[int] = mapped_column(default=0)
    """0 while never circulated; +1 with every circulation."""
    minute_taker_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    """The secretariat person who writes them (the first to record a note)."""
    circulated_at: Mapped[dt.datetime | None]
    objection_deadline_at: Mapped[dt.datetime | None]
    """End of the objection period (Einwendungsfrist) of the current revision."""
    referred_at: Mapped[dt.datetime | None]
    """When their approval was put on the agenda of a meeting (no tacit approval)."""
    approved_at: Mapped[dt.datetime | None]
    approved_by: Mapped[str] = mapped_column(String(20), default="")
    """tacit, chair or vote."""
    approval_decision: Mapped[str] = mapped_column(String(60), default="")
    """The register number of the vote that approved them (approval by vote)."""
    frozen: Mapped[bool] = mapped_column(default=False)
    archive_path: Mapped[str] = mapped_column(String(1000), default="")
    archive_sha256: Mapped[str] = mapped_column(String(64), default="")
    archive_document_id: Mapped[int | None] = mapped_column(ForeignKey("stored_documents.id"))
    """The archived PDF/A in the database (``archive_path`` is only a copy, if one is made)."""
    state: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime]

    meeting: Mapped[Meeting] = relationship()
    minute_taker: Mapped[Person | None] = relationship()
    objections: Mapped[list[MinutesObjection]] = relationship(
        back_populates="minutes", order_by="MinutesObjection.id"
    )

    @property
    def open_objections(self) -> list[MinutesObjection]:
        return [o for o in self.objections if not o.resolved]


class MinutesObjection(Base):
    """An objection (Einwendung) of a member organisation to a circulated revision."""

    __tablename__ = "minutes_objections"

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id"), index=True)
    revision: Mapped[int]
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    text: Mapped[str] = mapped_column(Text)
    raised_at: Mapped[dt.datetime]
    resolved: Mapped[bool] = mapped_column(default=False)
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[dt.datetime | None]

    minutes: Mapped[Minutes] = relationship(back_populates="objections")
    person: Mapped[Person] = relationship()
    organisation: Mapped[Organisation] = relationship()
