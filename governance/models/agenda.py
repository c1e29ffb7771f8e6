"""The agenda (Tagesordnung): items (TOP) proposed, accepted and handled."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base, Versioned
from governance.models.meeting import Meeting
from governance.models.organisation import Organisation, Person


class AgendaItem(Versioned, Base):
    """One item of a meeting's agenda.

    ``status``: proposed -> accepted (on the agenda) | rejected | moved (deferred
    to another meeting before it was handled). ``outcome`` once handled in the
    meeting: noted, decided or deferred.
    """

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    position: Mapped[int | None]
    """Order on the agenda (TOP number) among accepted items; None while proposed."""
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    """information, discussion or decision."""
    majority: Mapped[str | None] = mapped_column(String(20))
    """simple, two_thirds or unanimity (decision items only)."""
    standing: Mapped[str | None] = mapped_column(String(30))
    """previous_minutes or action_items for the standing items added automatically."""
    proposer_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    proposer_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    urgent: Mapped[bool] = mapped_column(default=False)
    """Added after the invitation with the chair's consent (Dringlichkeit)."""
    status: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    """Why it was rejected or deferred."""
    notes: Mapped[str] = mapped_column(Text, default="")
    """Discussion notes (Protokollnotizen) recorded by the secretariat."""
    decision_text: Mapped[str] = mapped_column(Text, default="")
    accession_application_id: Mapped[int | None] = mapped_column(
        ForeignKey("accession_applications.id")
    )
    """An accession item: its vote decides the application."""
    agreement_version_id: Mapped[int | None] = mapped_column(ForeignKey("agreement_versions.id"))
    """An amendment item: its vote decides the amendment of the agreement."""
    minutes_id: Mapped[int | None] = mapped_column(ForeignKey("minutes.id"))
    """An approval-of-minutes item: its vote approves those minutes."""
    carried_over_from_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    """The item of an earlier meeting this one continues (deferred there)."""
    carried_over_to_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    created_at: Mapped[dt.datetime]
    modified_at: Mapped[dt.datetime | None]
    """(0016_oparl) Last change, kept by the unit of work (None: never changed since created)."""
    confidential: Mapped[bool] = mapped_column(default=False)
    """(0016_oparl) Handled in closed session (nichtöffentlich): never published."""

    meeting: Mapped[Meeting] = relationship()
    proposer: Mapped[Person | None] = relationship()
    proposer_organisation: Mapped[Organisation | None] = relationship()
