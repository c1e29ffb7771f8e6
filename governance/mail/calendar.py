"""iCalendar (RFC 5545) invitations and cancellations for meetings.

A pure function: :func:`build_calendar` turns a :class:`CalendarEvent` into
the bytes of a VCALENDAR with one VEVENT. Times are written with
TZID=Europe/Berlin and a VTIMEZONE whose rules are the yearly RRULEs (last
Sunday of March / October) rather than a list of RDATEs, because some
calendar clients mis-handle RDATE-only zones and the rule form stays valid
for meetings in any year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from governance.clock import BERLIN

if TYPE_CHECKING:
    # Imported where a calendar is built: listing meetings does not pay for it.
    import icalendar

PRODID = "-//Gremium//Kooperationsgremien//DE"
METHODS = ("REQUEST", "CANCEL")


@dataclasses.dataclass(frozen=True)
class Participant:
    name: str
    email: str


@dataclasses.dataclass(frozen=True)
class CalendarEvent:
    """One meeting as calendar clients see it."""

    uid: str
    """Stable per meeting (e.g. ``meeting-12@ba-tk.example.org``): updates replace the entry."""
    sequence: int
    """Raised with every change that attendees must see (moved, cancelled)."""
    method: str
    """REQUEST (invite or update) or CANCEL."""
    summary: str
    start: dt.datetime
    end: dt.datetime
    organizer: Participant
    attendees: tuple[Participant, ...]
    stamp: dt.datetime
    """DTSTAMP: when this version was issued (the queueing moment, so resends are identical)."""
    description: str = ""
    location: str = ""
    status: str = "CONFIRMED"
    video_url: str = ""
    """The video link of an online or hybrid meeting, as URL and CONFERENCE (RFC 7986).
    Personal to those invited: only ever in the entry sent to them."""


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _address(person: Participant, **params: str) -> icalendar.vCalAddress:
    import icalendar

    address = icalendar.vCalAddress(f"mailto:{_one_line(person.email)}")
    address.params["CN"] = icalendar.vText(_one_line(person.name))
    for key, value in params.items():
        address.params[key.replace("_", "-").upper()] = icalendar.vText(value)
    return address


def berlin_timezone() -> icalendar.Timezone:
    """Europe/Berlin as yearly rules: CEST from the last Sunday in March, CET from the last in October."""
    import icalendar

    zone = icalendar.Timezone()
    zone.add("tzid", "Europe/Berlin")
    daylight = icalendar.TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("dtstart", dt.datetime(1970, 3, 29, 2, 0, 0))
    daylight.add("tzoffsetfrom", dt.timedelta(hours=1))
    daylight.add("tzoffsetto", dt.timedelta(hours=2))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    standard = icalendar.TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("dtstart", dt.datetime(1970, 10, 25, 3, 0, 0))
    standard.add("tzoffsetfrom", dt.timedelta(hours=2))
    standard.add("tzoffsetto", dt.timedelta(hours=1))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    zone.add_component(daylight)
    zone.add_component(standard)
    return zone


def build_calendar(event: CalendarEvent) -> bytes:
    """The VCALENDAR for *event* (METHOD REQUEST or CANCEL) as bytes (CRLF line ends)."""
    import icalendar

    if event.method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {event.method!r}")
    for moment in (event.start, event.end, event.stamp):
        if moment.tzinfo is None:
            raise ValueError(f"naive datetime {moment!r}: calendar times must be aware")
    if event.end <= event.start:
        raise ValueError("a meeting must end after it starts")
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", event.method)
    calendar.add_component(berlin_timezone())
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", event.stamp.astimezone(dt.UTC))
    vevent.add("dtstart", event.start.astimezone(BERLIN))
    vevent.add("dtend", event.end.astimezone(BERLIN))
    vevent.add("summary", _one_line(event.summary))
    if event.description:
        vevent.add("description", event.description)
    if event.location:
        vevent.add("location", _one_line(event.location))
    if event.video_url:
        vevent.add("url", event.video_url)
        vevent.add("conference", event.video_url, parameters={"VALUE": "URI", "FEATURE": "VIDEO"})
    vevent.add("status", "CANCELLED" if event.method == "CANCEL" else event.status)
    vevent.add("organizer", _address(event.organizer))
    for person in event.attendees:
        vevent.add(
            "attendee",
            _address(
                person,
                cutype="INDIVIDUAL",
                role="REQ-PARTICIPANT",
                partstat="NEEDS-ACTION",
                rsvp="TRUE",
            ),
            encode=False,
        )
    calendar.add_component(vevent)
    return calendar.to_ical()
