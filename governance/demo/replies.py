"""Replies by mail in the demo year: a calendar's answer to an invitation, and an
objection to the minutes that arrives by mail and is confirmed by its sender.

The demo has no IMAP server: each reply is written as the partner's client
would write it and handed to :func:`governance.services.inbound.process`,
the function the mailbox pass (``gremium run``, ``gremium mail fetch``) calls
for every message it reads. It is addressed, as a real one would be, to the
reply address the partner's mail carried (``geschaeftsstelle+<token>@…``).
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime

from sqlalchemy import select

from governance.demo.script import Stage
from governance.models import MailObjection, OutboxMessage, Person
from governance.services import inbound, mail_objections
from governance.unit_of_work import Actor

MAILBOX = "geschaeftsstelle@ba-tk.example.org"
"""The secretariat's mailbox in the demo: answerable mails are answered to its plus-addresses."""


def _sent_to(stage: Stage, notification: str, email: str, meeting_id: int) -> OutboxMessage:
    with stage.app.db.session() as session:
        row = session.execute(
            select(OutboxMessage)
            .where(
                OutboxMessage.notification == notification,
                OutboxMessage.recipient == email,
                OutboxMessage.entity_type == "meetings",
                OutboxMessage.entity_id == meeting_id,
            )
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        ).scalar_one()
        session.expunge(row)
        return row


def _reply(sender: str, to: str, subject: str, message_id: str, now: dt.datetime) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    return message


def calendar_reply(stage: Stage, meeting_id: int, email: str, partstat: str, comment: str) -> None:
    """*email*'s calendar answers the invitation to *meeting_id* (iTIP REPLY, RFC 5546)."""
    import icalendar

    invitation = _sent_to(stage, "invitation", email, meeting_id)
    assert invitation.calendar is not None and invitation.envelope is not None
    request = icalendar.Calendar.from_ical(invitation.calendar)
    event = next(iter(request.walk("VEVENT")))
    reply_to = invitation.envelope["reply_to_email"]
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REPLY")
    answer = icalendar.Event()
    for key in ("uid", "sequence", "dtstart", "dtend", "summary"):
        answer.add(key, event.decoded(key) if key in ("dtstart", "dtend") else event[key])
    answer.add("dtstamp", stage.clock.now())
    answer.add("organizer", event["organizer"])
    attendee = icalendar.vCalAddress(f"mailto:{email}")
    attendee.params["PARTSTAT"] = icalendar.vText(partstat)
    answer.add("attendee", attendee, encode=False)
    answer.add("comment", comment)
    calendar.add_component(answer)
    message = _reply(
        email,
        reply_to,
        f"Antwort: {event['summary']}",
        f"<demo-calendar-{meeting_id}-{email}>",
        stage.clock.now(),
    )
    message.set_content(comment)
    message.add_attachment(
        calendar.to_ical(),
        maintype="text",
        subtype="calendar",
        params={"method": "REPLY"},
        filename="invite.ics",
    )
    outcome = inbound.process(stage.app, message.as_bytes())
    assert outcome.outcome == "rsvp", outcome.say("de")


def objection_by_mail(stage: Stage, meeting_id: int, email: str, text: str) -> None:
    """*email* answers the circulated minutes' mail; the reply waits for confirmation."""
    circulated = _sent_to(stage, "minutes_circulated", email, meeting_id)
    assert circulated.envelope is not None
    message = _reply(
        email,
        circulated.envelope["reply_to_email"],
        f"Re: {circulated.subject}",
        f"<demo-objection-{meeting_id}-{email}>",
        stage.clock.now(),
    )
    message.set_content(
        f"{text}\n\nMit freundlichen Grüßen\n\n"
        f"Am {stage.clock.now():%d.%m.%Y} schrieb die Geschäftsstelle:\n> anbei erhalten Sie "
        "den Entwurf des Protokolls …\n"
    )
    outcome = inbound.process(stage.app, message.as_bytes())
    assert outcome.outcome == "objection_pending", outcome.say("de")


def confirm_objection(stage: Stage, email: str) -> None:
    """*email* confirms the objection through the link the confirmation mail carried.

    (The demo confirms through the link's purpose, as its page's button does, acting as
    that person via link; the tests follow the link itself from the mail.)
    """
    with stage.app.db.session() as session:
        person = session.execute(select(Person).where(Person.email == email)).scalar_one()
        actor = Actor(label=person.email, person_id=person.id, via="link")
        pending_id = session.execute(
            select(MailObjection.id)
            .where(MailObjection.person_id == person.id, MailObjection.state == "pending")
            .order_by(MailObjection.id.desc())
            .limit(1)
        ).scalar_one()
    with stage.app.unit_of_work(actor) as uow:
        pending = uow.session.get(MailObjection, pending_id)
        assert pending is not None
        mail_objections.confirm(uow, pending)
