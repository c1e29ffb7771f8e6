"""The cooperation agreement (Kooperationsvereinbarung), its versions and signatures."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.domain.signatures import SignatureMethod as SignatureMethod  # re-exported
from governance.models.base import Base, Versioned
from governance.models.organisation import Organisation, Person


class Agreement(Base):
    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[dt.datetime]

    versions: Mapped[list[AgreementVersion]] = relationship(
        back_populates="agreement", order_by="AgreementVersion.number"
    )


class AgreementVersion(Versioned, Base):
    """One wording of the agreement; each version is signed on its own.

    Workflow ``agreement``: draft -> open_for_signature -> in_force ->
    superseded | terminated.
    """

    __tablename__ = "agreement_versions"
    __workflow__ = "agreement"
    __table_args__ = (UniqueConstraint("agreement_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str | None] = mapped_column(String(64))
    """Set when the version is opened for signature; the text is frozen from then on."""
    effective_from: Mapped[dt.date | None]
    """Entry into force no earlier than this date (None: as soon as all have signed)."""
    in_force_from: Mapped[dt.date | None]
    ended_on: Mapped[dt.date | None]
    state: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime]
    opened_at: Mapped[dt.datetime | None]
    """When the version was opened for signature: no signature may be dated before it."""
    # The committee's decision on an amendment (the first version needs none):
    # taken by the vote on its agenda item (later also by written procedure).
    decided_on: Mapped[dt.date | None]
    votes_yes: Mapped[int | None]
    votes_no: Mapped[int | None]
    votes_abstain: Mapped[int | None]
    decision_reference: Mapped[str | None] = mapped_column(String(60))
    """The decisions register's number (e.g. KG-2026/04) of the committee's decision."""

    agreement: Mapped[Agreement] = relationship(back_populates="versions")
    parties: Mapped[list[AgreementParty]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="AgreementParty.id"
    )
    signatures: Mapped[list[Signature]] = relationship(
        back_populates="version", order_by="Signature.id"
    )

    @property
    def committee_id(self) -> int:
        return self.agreement.committee_id

    def pending_parties(self) -> list[Organisation]:
        signed = {s.organisation_id for s in self.signatures}
        return [p.organisation for p in self.parties if p.organisation_id not in signed]


class AgreementParty(Base):
    """An organisation whose signature a version needs (fixed when it is opened)."""

    __tablename__ = "agreement_parties"
    __table_args__ = (UniqueConstraint("version_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("agreement_versions.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))

    version: Mapped[AgreementVersion] = relationship(back_populates="parties")
    organisation: Mapped[Organisation] = relationship()


class SigningCeremony(Base):
    """A signing ceremony at which several parties signed at once."""

    __tablename__ = "signing_ceremonies"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("agreement_versions.id"), index=True)
    held_on: Mapped[dt.date]
    place: Mapped[str] = mapped_column(String(300))


class Signature(Base):
    """A party's signature, bound to the SHA-256 of the text it signed."""

    __tablename__ = "signatures"
    __table_args__ = (UniqueConstraint("version_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("agreement_versions.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    signatory_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    text_sha256: Mapped[str] = mapped_column(String(64))
    signed_on: Mapped[dt.date]
    place: Mapped[str] = mapped_column(String(300))
    method: Mapped[str] = mapped_column(String(20))
    ceremony_id: Mapped[int | None] = mapped_column(ForeignKey("signing_ceremonies.id"))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    recorded_at: Mapped[dt.datetime]
    recorded_later: Mapped[bool] = mapped_column(default=False)
    """Recorded after the day it was signed (a paper signature the secretariat enters later)."""

    version: Mapped[AgreementVersion] = relationship(back_populates="signatures")
    organisation: Mapped[Organisation] = relationship()
    signatory: Mapped[Person] = relationship(foreign_keys=[signatory_id])
    recorded_by: Mapped[Person | None] = relationship(foreign_keys=[recorded_by_id])
