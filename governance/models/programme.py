"""Programmes (e.g. the Senate's Gemeinschaftsinitiative), their action areas
(Handlungsräume) and the roles above the committee.

A committee belongs to at most one action area (or stands alone); an area
coordinator reads every committee of the area, a programme office every
committee of every area of the programme (governance/services/access.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base, Versioned
from governance.models.committee import Committee
from governance.models.organisation import Person


class Programme(Versioned, Base):
    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str] = mapped_column(String(40), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime]

    areas: Mapped[list[ActionArea]] = relationship(
        back_populates="programme", order_by="ActionArea.position"
    )

    def __str__(self) -> str:
        return self.short_name


class ActionArea(Versioned, Base):
    """An action area (Handlungsraum) of a programme; short names are unique in the
    installation so that ``--area stadtrand-sued`` needs no programme beside it."""

    __tablename__ = "action_areas"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(40), unique=True)
    position: Mapped[int]
    """The area's place in the programme's list (the order they were added in)."""
    created_at: Mapped[dt.datetime]

    programme: Mapped[Programme] = relationship(back_populates="areas")

    def __str__(self) -> str:
        return self.short_name


class AreaCommittee(Base):
    """A committee in an action area (a committee is in one area at most)."""

    __tablename__ = "area_committees"

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("action_areas.id"), index=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), unique=True)
    added_at: Mapped[dt.datetime]

    area: Mapped[ActionArea] = relationship()
    committee: Mapped[Committee] = relationship()


class AreaCoordinator(Base):
    """A person coordinating an action area (Bezirkskoordination): reads every
    committee of the area."""

    __tablename__ = "area_coordinators"
    __table_args__ = (UniqueConstraint("area_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("action_areas.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    appointed_at: Mapped[dt.datetime]

    area: Mapped[ActionArea] = relationship()
    person: Mapped[Person] = relationship()


class ProgrammeOffice(Base):
    """A person of a programme's office (Geschäftsstelle): reads every area."""

    __tablename__ = "programme_offices"
    __table_args__ = (UniqueConstraint("programme_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    appointed_at: Mapped[dt.datetime]

    programme: Mapped[Programme] = relationship()
    person: Mapped[Person] = relationship()
