"""Committees (Gremien), their rules of procedure and their members."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from governance.domain.rules import RulesOfProcedure
from governance.models.base import Base, Versioned
from governance.models.organisation import Organisation, Person


class Role(enum.StrEnum):
    """The role of an organisation in a committee."""

    CHAIR = "chair"
    MEMBER = "member"
    ADVISORY = "advisory"
    GUEST = "guest"


class Capacity(enum.StrEnum):
    """In which capacity a person acts for a member organisation."""

    REPRESENTATIVE = "representative"
    DEPUTY = "deputy"


class Committee(Versioned, Base):
    __tablename__ = "committees"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str] = mapped_column(String(40), unique=True)
    sender_email: Mapped[str] = mapped_column(String(254), default="")
    rules_data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    publication: Mapped[str] = mapped_column(String(20), default="none")
    """(0016_oparl) The rule ``publication`` of rules_data, kept beside it as a column:
    the OParl interface selects by it, and a database plans a column, not a JSON path."""
    created_at: Mapped[dt.datetime]
    modified_at: Mapped[dt.datetime | None]
    """(0016_oparl) Last change, kept by the unit of work (None: never changed since created)."""

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="committee", order_by="Membership.id"
    )
    secretariat: Mapped[list[SecretariatMember]] = relationship(back_populates="committee")

    @property
    def rules(self) -> RulesOfProcedure:
        return RulesOfProcedure.from_dict(self.rules_data or {})

    @rules.setter
    def rules(self, value: RulesOfProcedure) -> None:
        self.rules_data = value.to_dict()

    @validates("rules_data")
    def _keep_publication(self, key: str, value: dict[str, Any] | None) -> dict[str, Any] | None:
        self.publication = str((value or {}).get("publication") or "none")
        return value

    def __str__(self) -> str:
        return self.short_name


# (0023_cachescope) the committee reference lookup (``--committee kg``) compares lower()
Index("ix_committees_lower_short_name", func.lower(Committee.short_name))


class Membership(Versioned, Base):
    """An organisation in a committee, from a date, possibly until a date.

    Its workflow is the withdrawal (Austritt): active -> leaving -> left.
    """

    __tablename__ = "memberships"
    __workflow__ = "membership"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    voting: Mapped[bool]
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date | None]
    notice_given_on: Mapped[dt.date | None]
    state: Mapped[str] = mapped_column(String(40))
    notice_recorded_on: Mapped[dt.date | None]
    modified_at: Mapped[dt.datetime | None]
    """(0016_oparl) Last change, kept by the unit of work (None: never changed since created)."""
    """The day a notice given on paper earlier was recorded (None: recorded the day it was given)."""

    committee: Mapped[Committee] = relationship(back_populates="memberships")
    organisation: Mapped[Organisation] = relationship()
    people: Mapped[list[MembershipPerson]] = relationship(
        back_populates="membership", cascade="all, delete-orphan", order_by="MembershipPerson.id"
    )

    def is_current(self, on: dt.date) -> bool:
        return self.starts_on <= on and (self.ends_on is None or on < self.ends_on)

    def persons(self, capacity: Capacity) -> list[Person]:
        return [mp.person for mp in self.people if mp.capacity == capacity]


class MembershipPerson(Base):
    """A representative (Vertretung) or deputy (Stellvertretung) of a membership."""

    __tablename__ = "membership_people"
    __table_args__ = (UniqueConstraint("membership_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("memberships.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    capacity: Mapped[str] = mapped_column(String(20))

    membership: Mapped[Membership] = relationship(back_populates="people")
    person: Mapped[Person] = relationship()


class SecretariatMember(Base):
    """A person working in the committee's secretariat (Geschäftsstelle)."""

    __tablename__ = "secretariat_members"
    __table_args__ = (UniqueConstraint("committee_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    """(0023_cachescope) indexed: every overview asks for the person's secretariats, with the
    session, before the page cache (governance/services/sign_in.py)."""

    committee: Mapped[Committee] = relationship(back_populates="secretariat")
    person: Mapped[Person] = relationship()
