"""Building the RFC 5322 message of an outbox row (stdlib ``email``, SMTP policy).

Header values that come from user data (names, subjects) go through
:class:`email.headerregistry.Address` and the policy's encoder after CR/LF
and other control characters are collapsed, so no name can start a header
of its own. Structure::

    multipart/alternative (text/plain, text/html)
    multipart/mixed (multipart/alternative (text, html, text/calendar; method=…),
                     invite.ics, further attachments)   # with a calendar part
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP

from governance.mail.rendering import one_line


@dataclasses.dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    """e.g. application/pdf"""
    data: bytes


@dataclasses.dataclass(frozen=True)
class Mailbox:
    name: str
    email: str


@dataclasses.dataclass(frozen=True)
class Calendar:
    data: bytes
    method: str
    """REQUEST or CANCEL (the iTIP method, repeated on the text/calendar part)."""


@dataclasses.dataclass(frozen=True)
class Draft:
    """Everything a message consists of; all decided when it was queued."""

    subject: str
    text: str
    html: str
    sender: Mailbox
    recipient: Mailbox
    message_id: str
    date: dt.datetime
    reply_to: Mailbox | None = None
    thread_id: str | None = None
    calendar: Calendar | None = None
    attachments: Sequence[Attachment] = ()


def address(mailbox: Mailbox) -> Address:
    """A header-safe address: the display name on one line, the address without whitespace."""
    addr_spec = "".join(mailbox.email.split())
    if "@" not in addr_spec:
        raise ValueError(f"not an e-mail address: {mailbox.email!r}")
    username, _, domain = addr_spec.rpartition("@")
    return Address(display_name=one_line(mailbox.name), username=username, domain=domain)


def build_message(draft: Draft) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = one_line(draft.subject)
    msg["From"] = address(draft.sender)
    msg["To"] = address(draft.recipient)
    if draft.reply_to is not None:
        msg["Reply-To"] = address(draft.reply_to)
    msg["Date"] = email.utils.format_datetime(draft.date.astimezone(dt.UTC))
    msg["Message-ID"] = draft.message_id
    if draft.thread_id:
        msg["In-Reply-To"] = draft.thread_id
        msg["References"] = draft.thread_id
    # RFC 3834: auto-responders must not answer; Exchange honours the second.
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All"
    msg.set_content(draft.text, subtype="plain", charset="utf-8")
    msg.add_alternative(draft.html, subtype="html", charset="utf-8")
    if draft.calendar is not None:
        msg.add_alternative(
            draft.calendar.data.decode("utf-8"),
            subtype="calendar",
            charset="utf-8",
            params={"method": draft.calendar.method},
        )
        msg.add_attachment(
            draft.calendar.data, maintype="application", subtype="ics", filename="invite.ics"
        )
    for attachment in draft.attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        msg.add_attachment(
            attachment.data,
            maintype=maintype,
            subtype=subtype or "octet-stream",
            filename=one_line(attachment.filename),
        )
    return msg
