"""The iCalendar feed of a calendar subscription (RFC 5545), rendered from plain entries.

A pure function: :func:`render_feed` turns :class:`FeedEntry` values into
the bytes of one VCALENDAR (no METHOD: a published calendar, not an iTIP
message). Timed entries are written with TZID=Europe/Berlin and the same
VTIMEZONE as the invitations (governance/mail/calendar.py), so a calendar
program shows Berlin wall-clock time on both sides of a daylight-saving
change; all-day entries are DATE values (the last day is exclusive, as
RFC 5545 says).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from governance.clock import BERLIN
from governance.mail.calendar import PRODID, berlin_timezone

REFRESH = dt.timedelta(hours=1)  # also X-PUBLISHED-TTL:PT1H below
"""How often calendar programs are asked to fetch the feed again."""


@dataclasses.dataclass(frozen=True)
class FeedEntry:
    """One VEVENT of a feed: a meeting, a proposal deadline or an objection period."""

    uid: str
    """Stable for the entry's whole life; a meeting's is the UID of its invitation mails."""
    sequence: int
    """Raised with every change of what the entry shows (the meeting's iCalendar SEQUENCE)."""
    summary: str
    start: dt.datetime | dt.date
    """Aware moment for a timed entry; a date for an all-day entry."""
    end: dt.datetime | dt.date | None
    """None: a point in time (a deadline); for an all-day entry the day after the last."""
    stamp: dt.datetime
    """DTSTAMP/LAST-MODIFIED: when the entry last changed, so an unchanged feed renders alike."""
    cancelled: bool = False
    location: str = ""
    description: str = ""
    url: str = ""
    category: str = ""
    """meeting, proposal_deadline or objection_period (CATEGORIES, for filtering)."""


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _moment(value: dt.datetime | dt.date) -> dt.datetime | dt.date:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: calendar times must be aware")
        return value.astimezone(BERLIN)
    return value


def render_feed(name: str, entries: list[FeedEntry], *, description: str = "") -> bytes:
    """The VCALENDAR named *name* with *entries* (in the order given) as bytes, CRLF line ends."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _one_line(name))
    calendar.add("name", _one_line(name))
    if description:
        calendar.add("x-wr-caldesc", _one_line(description))
    calendar.add("x-wr-timezone", "Europe/Berlin")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")  # (an X- property: written as given)
    calendar.add_component(berlin_timezone())
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("sequence", entry.sequence)
        event.add("dtstamp", entry.stamp.astimezone(dt.UTC))
        event.add("last-modified", entry.stamp.astimezone(dt.UTC))
        event.add("dtstart", _moment(entry.start))
        if entry.end is not None:
            event.add("dtend", _moment(entry.end))
        event.add("summary", _one_line(entry.summary))
        if entry.location:
            event.add("location", _one_line(entry.location))
        if entry.description:
            event.add("description", entry.description)
        if entry.url:
            event.add("url", entry.url)
        if entry.category:
            event.add("categories", [entry.category])
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        # A deadline or a period blocks no time in anyone's calendar.
        event.add("transp", "OPAQUE" if entry.category == "meeting" else "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
