"""Votes, ballots and the decisions register (Beschlussregister)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.agenda import AgendaItem
from governance.models.base import Base
from governance.models.organisation import Organisation


class Vote(Base):
    """The vote on one decision item: one per item, never counted twice."""

    __tablename__ = "votes"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), unique=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))
    """roll_call (one ballot per organisation) or show_of_hands (totals)."""
    yes: Mapped[int]
    no: Mapped[int]
    abstain: Mapped[int]
    majority: Mapped[str] = mapped_column(String(20))
    carried: Mapped[bool]
    voting_members: Mapped[int]
    present: Mapped[int]
    """Voting organisations present when the vote was taken (the quorum check)."""
    transferred: Mapped[int] = mapped_column(default=0)
    """(0017_meeting_practice) votes held under a transfer when it was taken."""
    conflicted: Mapped[int] = mapped_column(default=0)
    """(0017_meeting_practice) present organisations that did not vote (conflict of interest)."""
    taken_at: Mapped[dt.datetime]

    item: Mapped[AgendaItem] = relationship()
    ballots: Mapped[list[Ballot]] = relationship(back_populates="vote", order_by="Ballot.id")


class Ballot(Base):
    __tablename__ = "ballots"
    __table_args__ = (UniqueConstraint("vote_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    choice: Mapped[str] = mapped_column(String(10))
    cast_by_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    """(0017_meeting_practice) cast under a vote transfer by this organisation (None: by
    the organisation itself)."""

    vote: Mapped[Vote] = relationship(back_populates="ballots")
    organisation: Mapped[Organisation] = relationship(foreign_keys=[organisation_id])
    cast_by: Mapped[Organisation | None] = relationship(foreign_keys=[cast_by_id])


class Decision(Base):
    """An entry of the decisions register, numbered per committee and year ("KG-2026/07")."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("committee_id", "year", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    year: Mapped[int]
    seq: Mapped[int]
    reference: Mapped[str] = mapped_column(String(60), unique=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), unique=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id"))
    text: Mapped[str] = mapped_column(Text)
    carried: Mapped[bool]
    decided_on: Mapped[dt.date]

    item: Mapped[AgendaItem] = relationship()
    vote: Mapped[Vote] = relationship()
