"""Accession (Beitritt) of a new partner: the application and the declaration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base, Versioned
from governance.models.committee import Committee, Membership
from governance.models.organisation import Organisation, Person


class AccessionApplication(Versioned, Base):
    """Workflow ``accession``: applied -> under_review -> on_agenda -> accepted -> joined,
    or rejected / withdrawn."""

    __tablename__ = "accession_applications"
    __workflow__ = "accession"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    applicant_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    submitted_on: Mapped[dt.date]
    motivation: Mapped[str] = mapped_column(Text, default="")
    requested_role: Mapped[str] = mapped_column(String(20), default="member")
    votes_yes: Mapped[int | None]
    votes_no: Mapped[int | None]
    votes_abstain: Mapped[int | None]
    decided_on: Mapped[dt.date | None]
    decision_note: Mapped[str] = mapped_column(Text, default="")
    member_from: Mapped[dt.date | None]
    membership_id: Mapped[int | None] = mapped_column(ForeignKey("memberships.id"))
    state: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime]

    committee: Mapped[Committee] = relationship()
    organisation: Mapped[Organisation] = relationship()
    applicant: Mapped[Person] = relationship()
    membership: Mapped[Membership | None] = relationship()
    declaration: Mapped[AccessionDeclaration | None] = relationship(
        back_populates="application", uselist=False
    )


class AccessionDeclaration(Base):
    """The signed accession declaration (Beitrittserklärung), bound to the
    agreement version in force and its SHA-256."""

    __tablename__ = "accession_declarations"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("accession_applications.id"), unique=True
    )
    agreement_version_id: Mapped[int] = mapped_column(ForeignKey("agreement_versions.id"))
    text_sha256: Mapped[str] = mapped_column(String(64))
    signatory_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    signed_on: Mapped[dt.date]
    place: Mapped[str] = mapped_column(String(300))
    method: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[dt.datetime]

    application: Mapped[AccessionApplication] = relationship(back_populates="declaration")
    signatory: Mapped[Person] = relationship()
