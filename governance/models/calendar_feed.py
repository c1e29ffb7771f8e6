"""Calendar subscriptions (Kalender-Abos): secret iCalendar feed addresses.

A feed address belongs to one person and one scope: a committee's meetings,
an action area's meetings, or the meetings the person is invited to. Its
token is shown once, when it is made; only its SHA-256 is stored, as for
sign-in links and action links. Renewing revokes the old address and makes
a new one. Whether the address still answers is decided anew on every
request: a person who left the committee gets nothing any more.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base
from governance.models.organisation import Person


class CalendarFeed(Base):
    __tablename__ = "calendar_feeds"
    __table_args__ = (Index("ix_calendar_feeds_owner", "person_id", "kind", "scope_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    """Who subscribes: the feed shows what this person may see, checked on every request."""
    kind: Mapped[str] = mapped_column(String(20))
    """committee, area or person (see services/calendar_feeds.py)."""
    scope_id: Mapped[int]
    """The committee's or the area's id; the person's own id for a personal feed."""
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]

    person: Mapped[Person] = relationship()
