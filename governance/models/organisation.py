"""Organisations (Träger, Bezirksamt, Verbände) and the people who act for them."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base


class OrganisationKind(enum.StrEnum):
    PUBLIC_BODY = "public_body"
    ASSOCIATION = "association"
    NON_PROFIT_COMPANY = "non_profit_company"
    UMBRELLA_ASSOCIATION = "umbrella_association"


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime]
    modified_at: Mapped[dt.datetime | None]
    """(0016_oparl) Last change, kept by the unit of work (None: never changed since created)."""

    people: Mapped[list[Person]] = relationship(back_populates="organisation")

    def __str__(self) -> str:
        return self.short_name


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    function_title: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(2), default="de")
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    is_admin: Mapped[bool] = mapped_column(default=False)
    """Installation administrator: may create committees, organisations and people."""
    created_at: Mapped[dt.datetime]
    erased_at: Mapped[dt.datetime | None]
    modified_at: Mapped[dt.datetime | None]
    """(0016_oparl) Last change, kept by the unit of work (None: never changed since created)."""
    email_public: Mapped[bool] = mapped_column(default=False)
    """(0016_oparl) The person agreed that the OParl interface shows their e-mail address."""
    """When the person's data was erased on request (``gremium person erase``)."""

    organisation: Mapped[Organisation | None] = relationship(back_populates="people")

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
