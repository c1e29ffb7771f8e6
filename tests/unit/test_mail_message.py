"""The RFC 5322 message, parsed back with the standard library, and the
iCalendar part, parsed back with icalendar."""

from __future__ import annotations

import base64
import datetime as dt
import email
import email.policy
import random
import re

import icalendar
import pytest

from governance.clock import BERLIN
from governance.mail import addressing
from governance.mail.calendar import CalendarEvent, Participant, build_calendar
from governance.mail.message import (
    Attachment,
    Calendar,
    Draft,
    EncodedAttachment,
    Mailbox,
    MessageWriter,
    build_message,
)

STAMP = dt.datetime(2026, 2, 20, 9, 0, tzinfo=dt.UTC)


def event(method: str = "REQUEST", **kw) -> CalendarEvent:
    values = {
        "uid": "meeting-3@ba-tk.example.org",
        "sequence": 0,
        "method": method,
        "summary": "3. Sitzung 2026",
        "start": dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN),
        "end": dt.datetime(2026, 3, 11, 12, 30, tzinfo=BERLIN),
        "location": "Rathaus Treptow, Raum 201",
        "organizer": Participant("Geschäftsstelle", "gs@ba-tk.example.org"),
        "attendees": (
            Participant("Anna Müller", "am@rabenhaus.example.org"),
            Participant("Gero Fischer", "gf@stz.example.org"),
        ),
        "stamp": STAMP,
        **kw,
    }
    return CalendarEvent(**values)


def draft(**kw) -> Draft:
    values = {
        "subject": "Einladung: 3. Sitzung 2026 am 11.03.2026",
        "text": "Guten Tag Anna Müller,\n\nTOP 1 <Begrüßung>\n",
        "html": "<p>Guten Tag Anna Müller,</p>",
        "sender": Mailbox("Kooperationsgremium Treptow-Köpenick", "kg@ba-tk.example.org"),
        "recipient": Mailbox("Anna Müller", "am@rabenhaus.example.org"),
        "reply_to": Mailbox("Geschäftsstelle", "gs@ba-tk.example.org"),
        "message_id": addressing.message_id(
            "invitation:meetings:3:am@rabenhaus.example.org:1", "ba-tk.example.org"
        ),
        "thread_id": addressing.thread_id("meetings", 3, "ba-tk.example.org"),
        "date": STAMP,
        **kw,
    }
    return Draft(**values)


def parse(d: Draft) -> email.message.EmailMessage:
    raw = build_message(d).as_bytes()
    assert b"\r\n" in raw  # SMTP policy: CRLF line ends
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def test_a_message_is_text_and_html_alternatives_with_utf8_headers():
    message = parse(draft())
    assert message.get_content_type() == "multipart/alternative"
    assert message["Subject"] == "Einladung: 3. Sitzung 2026 am 11.03.2026"
    assert str(message["From"]) == "Kooperationsgremium Treptow-Köpenick <kg@ba-tk.example.org>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["In-Reply-To"] == message["References"] == draft().thread_id
    text, html = message.iter_parts()
    assert (
        text.get_content().replace("\r\n", "\n") == "Guten Tag Anna Müller,\n\nTOP 1 <Begrüßung>\n"
    )
    assert html.get_content_type() == "text/html"


def test_message_ids_depend_only_on_notification_entity_recipient_and_revision():
    key = "invitation:meetings:3:am@rabenhaus.example.org:1"
    assert addressing.message_id(key, "x.org") == addressing.message_id(key, "x.org")
    assert addressing.message_id(key, "x.org") != addressing.message_id(key[:-1] + "2", "x.org")
    assert addressing.message_id(key, "x.org").endswith("@x.org>")


@pytest.mark.parametrize("field", ["recipient", "sender", "reply_to"])
def test_a_name_with_a_line_break_cannot_add_a_header(field):
    evil = Mailbox("Eve\r\nBcc: victim@example.org\r\nX-Evil: 1", "eve@example.org")
    message = parse(draft(**{field: evil}))
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert all(
        "victim" not in value or name in ("To", "From", "Reply-To")
        for name, value in message.items()
    )


def test_a_subject_with_a_line_break_stays_one_header():
    message = parse(draft(subject="Hallo\r\nBcc: victim@example.org"))
    assert message["Bcc"] is None
    assert message["Subject"] == "Hallo Bcc: victim@example.org"


def test_an_invitation_carries_a_calendar_alternative_and_an_ics_attachment_and_a_pdf():
    ics = build_calendar(event())
    message = parse(
        draft(
            calendar=Calendar(ics, "REQUEST"),
            attachments=[Attachment("Tagesordnung.pdf", "application/pdf", b"%PDF-1.7 ...")],
        )
    )
    assert message.get_content_type() == "multipart/mixed"
    alternative, invite, pdf = message.iter_parts()
    assert [p.get_content_type() for p in alternative.iter_parts()] == [
        "text/plain",
        "text/html",
        "text/calendar",
    ]
    calendar_part = list(alternative.iter_parts())[2]
    assert calendar_part.get_param("method") == "REQUEST"
    assert icalendar.Calendar.from_ical(calendar_part.get_content())["METHOD"] == "REQUEST"
    assert invite.get_filename() == "invite.ics"
    assert invite.get_content() == ics
    assert pdf.get_filename() == "Tagesordnung.pdf"
    assert pdf.get_content() == b"%PDF-1.7 ..."


def test_the_calendar_is_an_invitation_in_berlin_time_with_rule_based_time_zone():
    calendar = icalendar.Calendar.from_ical(build_calendar(event()))
    assert calendar["METHOD"] == "REQUEST" and calendar["VERSION"] == "2.0" and calendar["PRODID"]
    [vevent] = calendar.walk("VEVENT")
    assert vevent["UID"] == "meeting-3@ba-tk.example.org"
    assert vevent["SEQUENCE"] == 0
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert vevent.decoded("DTSTART") == dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN)
    assert vevent.decoded("DTEND").astimezone(dt.UTC) == dt.datetime(
        2026, 3, 11, 11, 30, tzinfo=dt.UTC
    )
    assert vevent.decoded("DTSTAMP") == STAMP
    assert str(vevent["ORGANIZER"]) == "mailto:gs@ba-tk.example.org"
    attendees = vevent["ATTENDEE"]
    assert [str(a) for a in attendees] == [
        "mailto:am@rabenhaus.example.org",
        "mailto:gf@stz.example.org",
    ]
    for attendee in attendees:
        assert attendee.params["RSVP"] == "TRUE"
        assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
        assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    [zone] = calendar.walk("VTIMEZONE")
    rules = {c.name: c["RRULE"] for c in zone.subcomponents}
    assert rules["STANDARD"]["BYMONTH"] == [10] and rules["STANDARD"]["BYDAY"] == ["-1SU"]
    assert rules["DAYLIGHT"]["BYMONTH"] == [3] and rules["DAYLIGHT"]["BYDAY"] == ["-1SU"]
    assert b"RDATE" not in build_calendar(event())


def test_a_cancellation_is_marked_cancelled_with_a_higher_sequence():
    calendar = icalendar.Calendar.from_ical(build_calendar(event("CANCEL", sequence=2)))
    [vevent] = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "CANCEL"
    assert vevent["STATUS"] == "CANCELLED" and vevent["SEQUENCE"] == 2


def test_a_calendar_refuses_naive_times_and_unknown_methods():
    with pytest.raises(ValueError, match="naive"):
        build_calendar(event(start=dt.datetime(2026, 3, 11, 10, 0)))
    with pytest.raises(ValueError, match="method"):
        build_calendar(event("PUBLISH"))


# --- What the dispatcher sends: MessageWriter, the same message as build_message ------

PDF = b"%PDF-1.7\n" + random.Random(7).randbytes(40_000) + b"\n%%EOF\n"
BOUNDARY = re.compile(rb"={15}\d{19}==(?:\.\d+)?")


def _same_boundaries(raw: bytes) -> bytes:
    """Number the randomly chosen MIME boundaries in order of appearance."""
    seen: dict[bytes, bytes] = {}
    return BOUNDARY.sub(lambda m: seen.setdefault(m.group(0), b"BOUNDARY-%d" % len(seen)), raw)


WRITER_CASES = {
    "plain ascii (7bit)": {"text": "Hello,\n\nsee you.\n", "html": "<p>Hello</p>"},
    "umlauts, short lines (8bit)": {},
    "long lines (quoted-printable)": {
        "text": "Guten Tag " + "Tagesordnung für die Sitzung " * 10 + "\n" * 3 + "Ende\n" * 12,
        "html": "<p>" + "ä" * 200 + "</p>\n" + "<br>\n" * 20,
    },
    "one long line (quoted-printable)": {"text": "x" * 100 + "\n", "html": "<p>" + "y" * 90},
    "mostly non-latin (base64)": {"text": "Привет " * 40 + "\n" + "мир\n" * 5},
    "a line starting with From, CR LF and a lone CR": {
        "text": "From here on\r\nline two\rline three\n\n.\n"
    },
    "no reply-to, no thread": {"reply_to": None, "thread_id": None},
    "evil names": {
        "recipient": Mailbox("Eve\r\nBcc: victim@example.org", "eve@example.org"),
        "subject": "Hallo\r\nBcc: victim@example.org " + "sehr langer Betreff " * 8,
    },
    "calendar, stored pdf": {
        "calendar": Calendar(build_calendar(event()), "REQUEST"),
        "attachments": [
            EncodedAttachment("Tagesordnung.pdf", "application/pdf", base64.b64encode(PDF).decode())
        ],
    },
    "cancellation": {"calendar": Calendar(build_calendar(event("CANCEL", sequence=1)), "CANCEL")},
    "attachments without calendar": {
        "attachments": [
            Attachment("Protokoll Köpenick 2026.pdf", "application/pdf", PDF),
            Attachment("leer", "application", b""),
            EncodedAttachment("notiz.txt", "text/plain", "SGFsbG8=\n"),  # stored with a newline
        ],
    },
}


@pytest.mark.parametrize("utf8", [False, True])
@pytest.mark.parametrize("case", WRITER_CASES)
def test_the_writer_sends_exactly_what_build_message_flattens_to(case, utf8):
    d = draft(**WRITER_CASES[case])
    reference = build_message(d).as_bytes(policy=email.policy.SMTP.clone(utf8=utf8))
    writer = MessageWriter()
    assert _same_boundaries(writer.write(d, utf8=utf8)) == _same_boundaries(reference)
    # the second message of a batch, with the attachment parts reused, too
    assert _same_boundaries(writer.write(d, utf8=utf8)) == _same_boundaries(reference)


def test_a_recipient_gets_the_stored_pdf_byte_for_byte_and_each_message_its_own_boundaries():
    writer = MessageWriter()
    stored = EncodedAttachment(
        "Tagesordnung.pdf", "application/pdf", base64.b64encode(PDF).decode()
    )
    raws = [
        writer.write(draft(recipient=Mailbox(f"M {i}", f"m{i}@example.org"), attachments=[stored]))
        for i in range(3)
    ]
    for raw in raws:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        [pdf] = [p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"]
        assert pdf.get_filename() == "Tagesordnung.pdf"
        assert pdf.get_content() == PDF
        assert max(len(line) for line in raw.split(b"\r\n")) <= 78
    assert len({BOUNDARY.search(raw).group(0) for raw in raws}) == 3  # type: ignore[union-attr]
