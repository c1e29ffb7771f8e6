"""The written procedure (Umlaufverfahren): a decision between meetings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base, Versioned
from governance.models.committee import Committee
from governance.models.organisation import Organisation, Person


class WrittenProcedure(Versioned, Base):
    """A motion put by the chair to every voting member, to be voted on in writing
    by a deadline. Workflow ``written_procedure``: open -> decided | failed |
    moved_to_meeting | withdrawn. A decided one carries its number of the decisions
    register (shared with the meetings' decisions: ``KG-2026/08``)."""

    __tablename__ = "written_procedures"
    __workflow__ = "written_procedure"
    __table_args__ = (UniqueConstraint("committee_id", "year", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    """The motion as the members vote on it (and as it enters the register)."""
    kind: Mapped[str] = mapped_column(String(20))
    majority: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(40))
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    started_at: Mapped[dt.datetime]
    deadline_at: Mapped[dt.datetime]
    ended_at: Mapped[dt.datetime | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    """Why the chair withdrew it (empty otherwise)."""
    yes: Mapped[int | None]
    no: Mapped[int | None]
    abstain: Mapped[int | None]
    carried: Mapped[bool | None]
    year: Mapped[int | None]
    seq: Mapped[int | None]
    reference: Mapped[str | None] = mapped_column(String(60), unique=True)
    """The decision's number in the register, once decided."""
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    """Moved to a meeting: the item it became on that meeting's agenda."""
    created_at: Mapped[dt.datetime]

    committee: Mapped[Committee] = relationship()
    started_by: Mapped[Person | None] = relationship()
    ballots: Mapped[list[WrittenBallot]] = relationship(
        back_populates="procedure", order_by="WrittenBallot.id"
    )


class WrittenBallot(Base):
    """One voting member's part in a written procedure: made when the motion is put
    (so the voting members are fixed then), filled in once when it votes."""

    __tablename__ = "written_ballots"
    __table_args__ = (UniqueConstraint("procedure_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("written_procedures.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    choice: Mapped[str | None] = mapped_column(String(10))
    """yes, no, abstain; None while it has not voted."""
    cast_at: Mapped[dt.datetime | None]
    cast_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    """Who voted for the organisation (its representative or deputy), or who recorded it."""
    on_paper: Mapped[bool] = mapped_column(default=False)
    """The vote came on paper and was recorded by the chair or the secretariat."""
    via: Mapped[str] = mapped_column(String(20), default="")
    """How it came: cli, web, link, paper."""
    demanded_meeting_at: Mapped[dt.datetime | None]
    """When this member demanded that the motion be decided in a meeting instead."""
    demanded_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))

    procedure: Mapped[WrittenProcedure] = relationship(back_populates="ballots")
    organisation: Mapped[Organisation] = relationship()
