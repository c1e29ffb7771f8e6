"""Meetings (Sitzungen), meeting series (Sitzungsreihen) and attendance."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from governance.models.base import Base, Versioned
from governance.models.committee import Committee
from governance.models.organisation import Organisation, Person


class MeetingSeries(Versioned, Base):
    """A recurring schedule (RFC 5545 RRULE in Europe/Berlin local time).

    Workflow ``meeting_series``: active -> ended. While active, a monthly
    timer materialises the occurrences of the horizon ahead as meetings.
    """

    __tablename__ = "meeting_series"
    __workflow__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    rrule: Mapped[str] = mapped_column(String(500))
    first_start: Mapped[dt.datetime]
    """The first occurrence (aware); its Berlin wall-clock time is the series' time of day."""
    duration_minutes: Mapped[int]
    location: Mapped[str] = mapped_column(String(300))
    horizon_months: Mapped[int]
    """Occurrences are materialised as meetings this many months ahead."""
    state: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime]

    committee: Mapped[Committee] = relationship()


class Meeting(Versioned, Base):
    """One meeting. Workflow ``meeting``: planned -> convened -> in_session ->
    closed, or cancelled before it starts; moving keeps the state.

    The deadlines of the rules of procedure are computed from the start and
    stored here, so that the workflow's timers can be anchored on them and
    move with the meeting.
    """

    __tablename__ = "meetings"
    __workflow__ = "meeting"
    __table_args__ = (UniqueConstraint("series_id", "occurrence_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_series.id"), index=True)
    occurrence_key: Mapped[dt.datetime | None]
    """The series occurrence this meeting was made from (None for a single meeting)."""
    detached: Mapped[bool] = mapped_column(default=False)
    """Edited on its own (moved, cancelled, convened): a change of the series leaves it alone."""
    title: Mapped[str] = mapped_column(String(300))
    number: Mapped[int | None]
    """Running number of the meetings held by the committee, given when it opens."""
    starts_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime]
    location: Mapped[str] = mapped_column(String(300))
    schedule_note: Mapped[str] = mapped_column(String(300), default="")
    """Why the date differs from the series (holiday, daylight-saving gap)."""
    call_for_proposals_at: Mapped[dt.datetime]
    proposal_deadline_at: Mapped[dt.datetime]
    invitation_at: Mapped[dt.datetime]
    reminder_at: Mapped[dt.datetime]
    minutes_due_at: Mapped[dt.datetime]
    agenda_final: Mapped[bool] = mapped_column(default=False)
    agenda_revision: Mapped[int] = mapped_column(default=0)
    """0 until the invitation; 1 with it; +1 for every change of the agenda after it."""
    sequence: Mapped[int] = mapped_column(default=0)
    """iCalendar SEQUENCE: +1 whenever time, place or status change."""
    convened_at: Mapped[dt.datetime | None]
    opened_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    quorate_at_opening: Mapped[bool | None]
    repeat_of_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    """A repeat meeting (Wiederholungssitzung) after one that was not quorate: quorate regardless."""
    reason: Mapped[str] = mapped_column(Text, default="")
    """Why it was cancelled or last moved."""
    state: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime]
    modified_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    """(0016_oparl) Last change, kept by the unit of work (None: never changed since created)."""
    # (0008_meetings) a session held without the system (on paper) and recorded afterwards:
    recorded_later_at: Mapped[dt.datetime | None]
    """When the secretariat started recording it afterwards (None: recorded as it happened)."""
    recorded_later_by: Mapped[str | None] = mapped_column(String(300))
    """Who recorded it afterwards (the person's name)."""
    # (0017_meeting_practice) how it is held: in_person, online or hybrid
    format: Mapped[str] = mapped_column(String(20), default="in_person")
    video_url: Mapped[str] = mapped_column(String(500), default="")
    """PERSONAL, NEVER PUBLIC: the video link of an online or hybrid meeting. It goes to
    those invited only (mail, calendar, invitation document); keep it out of OParl,
    feeds, public pages and exports (whoever has it can join the meeting)."""

    committee: Mapped[Committee] = relationship()
    series: Mapped[MeetingSeries | None] = relationship()
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", order_by="Attendance.id", cascade="all, delete-orphan"
    )

    @property
    def is_repeat(self) -> bool:
        return self.repeat_of_id is not None


class Attendance(Base):
    """Who attended: one row per member organisation, or per guest.

    Guests and advisory members are listed but never counted for the
    quorum or votes (``voting`` is False for them).
    """

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "organisation_id", "guest_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    """Who came: the representative, or the deputy when represented."""
    guest_name: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(20))
    """chair, member, advisory or guest."""
    voting: Mapped[bool]
    status: Mapped[str] = mapped_column(String(20))
    """present, represented, excused or absent."""
    arrived_at: Mapped[dt.datetime | None]
    departed_at: Mapped[dt.datetime | None]
    recorded_at: Mapped[dt.datetime]
    online: Mapped[bool] = mapped_column(default=False)
    """(0017_meeting_practice) took part by video (hybrid or online meeting)."""

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    organisation: Mapped[Organisation | None] = relationship()
    person: Mapped[Person | None] = relationship()
