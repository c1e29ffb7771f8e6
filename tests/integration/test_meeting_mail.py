"""What partners find in their mailbox about a meeting: the invitation with the
agenda as text, HTML and PDF and an iTIP calendar REQUEST; the moved notice with
a higher SEQUENCE; the cancellation as CANCEL — delivered to a Maildir and read
back with the standard library's e-mail parser and icalendar."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import mailbox
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from governance.clock import BERLIN
from governance.examples import treptow_koepenick as tk
from governance.mail.dispatch import dispatch
from governance.mail.settings import MailSettings
from governance.mail.transports import MaildirTransport
from governance.services import agenda, directory, meeting_series, timers
from governance.services import meetings as ms
from tests.conftest import SYSTEM, make_app

CHAIR = tk.CHAIR_EMAIL
RABENHAUS = "gf@rabenhaus.example.org"


@pytest.fixture
def kg(sqlite_url, clock):
    app = make_app(sqlite_url, clock, attach_documents=True)
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    with app.unit_of_work(CHAIR) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        meeting_series.add_series(
            uow,
            committee,
            title="Sitzung des Kooperationsgremiums",
            rrule="FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
            first_start="2026-03-11 10:00",
            location="Rathaus Köpenick, Ratssaal",
        )
    yield app
    app.db.dispose()


def deliver(app, folder: Path) -> list[email.message.EmailMessage]:
    settings = MailSettings(maildir=str(folder))
    dispatch(app, MaildirTransport(settings.maildir), settings)
    box = mailbox.Maildir(str(folder), create=False)
    return [
        email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        for key in box.iterkeys()
    ]


def for_rabenhaus(messages, subject_start: str):
    return [
        m
        for m in messages
        if m["To"].addresses[0].addr_spec == RABENHAUS
        and str(m["Subject"]).startswith(subject_start)
    ]


def calendar_of(message) -> icalendar.Calendar:
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return icalendar.Calendar.from_ical(part.get_content())


def test_the_invitation_carries_the_agenda_as_pdf_and_a_calendar_request(kg, tmp_path):
    with kg.unit_of_work(CHAIR) as uow:
        agenda.propose(
            uow, ms.meeting_by_id(uow.session, 1), title="Stadtteilfest <2026>", kind="decision"
        )
    timers.fire_due(kg, dt.datetime(2026, 2, 25, 10, 1, tzinfo=BERLIN))
    [invitation] = for_rabenhaus(deliver(kg, tmp_path / "mail"), "Einladung")
    text = invitation.get_body(("plain",)).get_content()
    html = invitation.get_body(("html",)).get_content()
    assert "Mittwoch, 11. März 2026, 10:00 Uhr" in text and "Stadtteilfest <2026>" in text
    assert "Stadtteilfest &lt;2026&gt;" in html
    [pdf] = [p for p in invitation.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert pdf.get_filename() == "Einladung-Tagesordnung-2026-03-11.pdf"
    pages = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.get_content())).pages)
    assert "Tagesordnung" in pages and "Stadtteilfest <2026>" in pages
    event = calendar_of(invitation).walk("VEVENT")[0]
    assert calendar_of(invitation)["METHOD"] == "REQUEST"
    assert event["UID"] == "meeting-1@ba-tk.example.org" and int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN)
    # Only the organizer and the recipient are named: no member sees the others' addresses.
    assert str(event["ATTENDEE"]).lower() == f"mailto:{RABENHAUS}"
    assert str(event["ORGANIZER"]).lower() == "mailto:spk@ba-tk.example.org"


def test_moving_raises_the_sequence_and_cancelling_sends_cancel_with_the_same_uid(kg, tmp_path):
    # Each notice is delivered before the next change, as the runner does within a minute
    # (one still queued when the meeting changes again is skipped: see test_purposes.py).
    timers.fire_due(kg, dt.datetime(2026, 2, 25, 10, 1, tzinfo=BERLIN))
    delivered = deliver(kg, tmp_path / "mail")
    with kg.unit_of_work(CHAIR) as uow:
        ms.move(
            uow,
            ms.meeting_by_id(uow.session, 1),
            starts_at="2026-03-12 14:00",
            reason="Ratssaal belegt",
        )
    delivered += deliver(kg, tmp_path / "mail2")
    with kg.unit_of_work(CHAIR) as uow:
        ms.cancel(uow, ms.meeting_by_id(uow.session, 1), reason="Krankheit")
    delivered += deliver(kg, tmp_path / "mail3")
    [moved] = for_rabenhaus(delivered, "Verlegt")
    [cancelled] = for_rabenhaus(delivered, "Abgesagt")
    moved_event = calendar_of(moved).walk("VEVENT")[0]
    assert int(moved_event["SEQUENCE"]) == 1
    assert moved_event.decoded("DTSTART") == dt.datetime(2026, 3, 12, 14, 0, tzinfo=BERLIN)
    assert "Ratssaal belegt" in moved.get_body(("plain",)).get_content()
    cancel = calendar_of(cancelled)
    assert cancel["METHOD"] == "CANCEL"
    event = cancel.walk("VEVENT")[0]
    assert event["STATUS"] == "CANCELLED" and int(event["SEQUENCE"]) == 2
    assert event["UID"] == moved_event["UID"]
    # All mails about the meeting form one thread.
    [invitation] = for_rabenhaus(delivered, "Einladung")
    assert moved["References"] and invitation["Message-ID"] != moved["Message-ID"]
    assert moved["References"].split()[0] == cancelled["References"].split()[0]


def test_the_secretariat_is_invited_and_every_calendar_entry_names_only_organizer_and_recipient(
    kg, tmp_path
):
    # Mail goes out between the steps, as the dispatcher does: a message whose meeting
    # was cancelled before it left is skipped by the purpose check (mail/purpose.py).
    timers.fire_due(kg, dt.datetime(2026, 2, 25, 10, 1, tzinfo=BERLIN))
    deliver(kg, tmp_path / "mail")
    with kg.unit_of_work(CHAIR) as uow:
        ms.move(uow, ms.meeting_by_id(uow.session, 1), starts_at="2026-03-12 14:00", reason="Raum")
    deliver(kg, tmp_path / "mail")
    with kg.unit_of_work(CHAIR) as uow:
        ms.cancel(uow, ms.meeting_by_id(uow.session, 1), reason="Krankheit")
    delivered = deliver(kg, tmp_path / "mail")
    with_calendar = [
        m for m in delivered if any(p.get_content_type() == "text/calendar" for p in m.walk())
    ]
    recipients = {m["To"].addresses[0].addr_spec for m in with_calendar}
    assert tk.SECRETARIAT_EMAIL in recipients and RABENHAUS in recipients
    for message in with_calendar:
        event = calendar_of(message).walk("VEVENT")[0]
        attendees = event["ATTENDEE"]
        assert not isinstance(attendees, list), "one attendee only: the recipient"
        assert str(attendees).lower() == "mailto:" + message["To"].addresses[0].addr_spec.lower()
        assert str(event["ORGANIZER"]).lower() == f"mailto:{CHAIR}"
        assert event["UID"] == "meeting-1@ba-tk.example.org"
    # Every recipient's entry moves through the same sequence: 0 invited, 1 moved, 2 cancelled.
    sequences = {
        (m["To"].addresses[0].addr_spec, str(m["Subject"]).split(":")[0]): int(
            calendar_of(m).walk("VEVENT")[0]["SEQUENCE"]
        )
        for m in with_calendar
    }
    for address in recipients:
        assert [sequences[(address, s)] for s in ("Einladung", "Verlegt", "Abgesagt")] == [0, 1, 2]
