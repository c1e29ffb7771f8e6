"""What the meetings service hands to the outbox: a JSON context and a calendar entry."""

from __future__ import annotations

import datetime as dt
import json

import icalendar

from governance.clock import BERLIN
from governance.mail.calendar import Participant, build_calendar
from governance.mail.examples import MAIL
from governance.mail.meetings import AgendaLine, meeting_context, meeting_event, meeting_uid
from governance.mail.rendering import render_notification

MEETING = meeting_context(
    id=3,
    title="3. Sitzung 2026",
    number=3,
    starts_at=dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN),
    ends_at=dt.datetime(2026, 3, 11, 12, 30, tzinfo=BERLIN),
    location="Rathaus Treptow, Raum 201",
    agenda=[AgendaLine("1", "Begrüßung", "decision"), AgendaLine("2", "Bericht", "information")],
    agenda_revision=1,
    sequence=1,
)


def test_a_meeting_context_is_json_and_renders_an_invitation():
    assert json.loads(json.dumps(MEETING)) == MEETING
    context = {"committee": MAIL["committee_name"], "meeting": MEETING, "mail": MAIL}
    rendered = render_notification("invitation", context, "de")
    assert rendered.subject == "Einladung: 3. Sitzung 2026 am 11.03.2026"
    assert "TOP 2  Bericht (Information)" in rendered.text


def test_the_calendar_entry_of_a_moved_or_cancelled_meeting_replaces_the_old_one():
    uid = meeting_uid(3, "ba-tk.example.org")
    people = [Participant("Anna Müller", "am@rabenhaus.example.org")]
    organizer = Participant("Geschäftsstelle", "gs@ba-tk.example.org")
    stamp = dt.datetime(2026, 2, 20, 9, 0, tzinfo=dt.UTC)
    cancel = meeting_event(
        MEETING, uid=uid, organizer=organizer, attendees=people, stamp=stamp, cancel=True
    )
    [vevent] = icalendar.Calendar.from_ical(build_calendar(cancel)).walk("VEVENT")
    assert vevent["UID"] == "meeting-3@ba-tk.example.org"
    assert vevent["SEQUENCE"] == 1 and vevent["STATUS"] == "CANCELLED"
