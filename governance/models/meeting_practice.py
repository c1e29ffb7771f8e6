"""Meeting practice (issue 16): conflicts of interest (Befangenheit) and vote
transfers (Stimmrechtsübertragung). The meeting's format and video link are
columns of ``meetings``; who took part online is a column of ``attendance``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.agenda import AgendaItem
from governance.models.base import Base
from governance.models.meeting import Meeting
from governance.models.organisation import Organisation, Person


class ConflictOfInterest(Base):
    """A member organisation's conflict of interest in one agenda item: it does not vote
    on it, and the minutes say so with the reason."""

    __tablename__ = "conflicts_of_interest"
    # One declaration in force per item and organisation; a withdrawn one stays as a record
    # (it was said and audited), so the uniqueness holds for those not withdrawn only.
    __table_args__ = (
        Index(
            "uq_conflicts_of_interest_in_force",
            "agenda_item_id",
            "organisation_id",
            unique=True,
            sqlite_where=text("withdrawn_at IS NULL"),
            postgresql_where=text("withdrawn_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    reason: Mapped[str] = mapped_column(Text)
    declared_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    via: Mapped[str] = mapped_column(String(20))
    """link (the organisation's own declaration), secretariat or chair (recorded for it)."""
    declared_at: Mapped[dt.datetime]
    withdrawn_at: Mapped[dt.datetime | None]
    """When the declaration was withdrawn (before the vote on the item); None: in force."""
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))

    item: Mapped[AgendaItem] = relationship()
    organisation: Mapped[Organisation] = relationship()
    declared_by: Mapped[Person | None] = relationship(foreign_keys=[declared_by_id])


class VoteTransfer(Base):
    """A member organisation's vote, transferred in writing for one meeting to another
    member organisation. In effect while the transferring organisation is not present:
    it ends when that organisation arrives."""

    __tablename__ = "vote_transfers"
    # One transfer in force per meeting and transferring organisation; a withdrawn one stays.
    __table_args__ = (
        Index(
            "uq_vote_transfers_in_force",
            "meeting_id",
            "from_organisation_id",
            unique=True,
            sqlite_where=text("withdrawn_at IS NULL"),
            postgresql_where=text("withdrawn_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    from_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    to_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    via: Mapped[str] = mapped_column(String(20))
    """link (the transferring organisation's own declaration) or secretariat."""
    recorded_at: Mapped[dt.datetime]
    withdrawn_at: Mapped[dt.datetime | None]
    """When the transfer was withdrawn (before a vote was taken under it); None: in force."""
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))

    meeting: Mapped[Meeting] = relationship()
    from_organisation: Mapped[Organisation] = relationship(foreign_keys=[from_organisation_id])
    to_organisation: Mapped[Organisation] = relationship(foreign_keys=[to_organisation_id])
