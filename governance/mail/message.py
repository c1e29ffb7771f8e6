"""Building the RFC 5322 message of an outbox row (stdlib ``email``, SMTP policy).

Header values that come from user data (names, subjects) go through
:class:`email.headerregistry.Address` and the policy's encoder after CR/LF
and other control characters are collapsed, so no name can start a header
of its own. Structure::

    multipart/alternative (text/plain, text/html)
    multipart/mixed (multipart/alternative (text, html, text/calendar; method=…),
                     invite.ics, further attachments)   # with a calendar part

Two ways to the same bytes: :func:`build_message` builds an
:class:`~email.message.EmailMessage` (the reference; ``as_bytes()`` flattens
it), and :class:`MessageWriter` writes the wire bytes of that same message
directly — what the dispatcher sends. The writer folds each header with the
same policy (``email.policy.SMTP``) and encodes each body the way
:mod:`email.contentmanager` does, but folds a header value it has seen
before only once, takes an attachment's stored base64 text as it is
(wrapped at 76 columns, not decoded and encoded again), and writes each
distinct attachment part once per writer (one writer per batch). The output
equals ``build_message(draft).as_bytes()`` except for the randomly chosen
MIME boundaries (tests/unit/test_mail_message.py compares them).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import email.utils
import functools
import random
import re
import sys
from collections.abc import Sequence
from email import quoprimime
from email.headerregistry import Address
from email.message import EmailMessage, MIMEPart
from email.policy import SMTP, EmailPolicy

from governance.mail.rendering import one_line


@dataclasses.dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    """e.g. application/pdf"""
    data: bytes


@dataclasses.dataclass(frozen=True)
class EncodedAttachment:
    """An attachment as the outbox stores it: the content as base64 text."""

    filename: str
    content_type: str
    base64: str

    @property
    def data(self) -> bytes:
        return base64.b64decode(self.base64)


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
    attachments: Sequence[Attachment | EncodedAttachment] = ()


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


# --- The wire bytes, written directly -------------------------------------------------

_NL = b"\r\n"
_LINE_ENDS = re.compile(r"\r\n|\r|\n")  # as email.generator.NLCRE
_MAX_LINE = SMTP.max_line_length or 78
_BOUNDARY_DIGITS = len(repr(sys.maxsize - 1))  # as email.generator: 19
_PLACEHOLDER = "=" * 15 + "0" * _BOUNDARY_DIGITS + "=="
_UTF8_SMTP = SMTP.clone(utf8=True)


def _policy(utf8: bool) -> EmailPolicy[EmailMessage]:
    return _UTF8_SMTP if utf8 else SMTP


def _fold(name: str, value: str, utf8: bool) -> bytes:
    """The header line as EmailMessage stores *value* and the generator folds it."""
    policy = _policy(utf8)
    return policy.fold_binary(*policy.header_store_parse(name, value))


# Folding parses the value and refolds the parse tree: the costliest step of
# flattening. Sender, Reply-To, Subject, Date and the part headers repeat.
_fold_cached = functools.lru_cache(maxsize=2048)(_fold)


def _headers_of(part: MIMEPart, utf8: bool) -> bytes:
    policy = _policy(utf8)
    return b"".join(policy.fold_binary(name, value) for name, value in part.raw_items())


@functools.lru_cache(maxsize=256)
def _text_headers(subtype: str, cte: str, method: str | None, utf8: bool) -> bytes:
    """Content-Type and Content-Transfer-Encoding of a text part, in set_content's order."""
    part = MIMEPart(policy=SMTP)
    params = {"method": method} if method is not None else None
    part.set_content("", subtype=subtype, charset="utf-8", cte=cte, params=params)
    return _headers_of(part, utf8)


@functools.lru_cache(maxsize=256)
def _attachment_headers(maintype: str, subtype: str, filename: str, utf8: bool) -> bytes:
    part = MIMEPart(policy=SMTP)
    part.set_content(b"", maintype=maintype, subtype=subtype, filename=filename)
    return _headers_of(part, utf8)


def _wrap_base64(text: str) -> str:
    """Base64 text in lines of 76 (57 bytes each), as email.contentmanager writes it."""
    width = _MAX_LINE // 4 * 4
    return "".join(text[i : i + width] + "\n" for i in range(0, len(text), width))


def _encode_text(text: str) -> tuple[str, str]:
    """(Content-Transfer-Encoding, body) for utf-8 *text* under the SMTP policy.

    The heuristics of CPython's ``email.contentmanager._encode_text``: 7bit or
    8bit when every line fits, else quoted-printable or base64, whichever the
    first ten lines suggest is shorter.
    """
    lines = text.encode("utf-8").splitlines()

    def embedded_body(lines: list[bytes]) -> bytes:
        return b"\r\n".join(lines) + b"\r\n"

    def normal_body(lines: list[bytes]) -> bytes:
        return b"\n".join(lines) + b"\n"

    if max((len(x) for x in lines), default=0) <= _MAX_LINE:
        try:
            return "7bit", normal_body(lines).decode("ascii")
        except UnicodeDecodeError:
            return "8bit", normal_body(lines).decode("ascii", "surrogateescape")
    sniff = embedded_body(lines[:10])
    sniff_qp = quoprimime.body_encode(sniff.decode("latin-1"), _MAX_LINE)
    if len(sniff_qp) > len(binascii.b2a_base64(sniff)):
        return "base64", _wrap_base64(base64.b64encode(embedded_body(lines)).decode("ascii"))
    if len(lines) <= 10:
        return "quoted-printable", sniff_qp
    return "quoted-printable", quoprimime.body_encode(
        normal_body(lines).decode("latin-1"), _MAX_LINE
    )


def _body(payload: str) -> bytes:
    """A part's body as the generator writes it: CRLF line ends, 8bit text as its bytes."""
    return _LINE_ENDS.sub("\r\n", payload).encode("ascii", "surrogateescape")


def _canonical_base64(attachment: Attachment | EncodedAttachment) -> str:
    if isinstance(attachment, EncodedAttachment):
        # As stored by outbox.queue this is already canonical; decoding and
        # encoding it once (per writer) keeps stray whitespace or a missing
        # pad from reaching the wire, exactly as build_message would send it.
        data = base64.b64decode(attachment.base64)
    else:
        data = attachment.data
    return base64.b64encode(data).decode("ascii")


class MessageWriter:
    """Writes the wire bytes of drafts (CRLF line ends, as SMTP sends them).

    One writer per batch: an attachment or calendar part shared by the
    batch's messages (the agenda PDF of an invitation) is encoded and written
    once and reused for every recipient.
    """

    def __init__(self) -> None:
        self._parts: dict[tuple[object, ...], bytes] = {}

    def write(self, draft: Draft, *, utf8: bool = False) -> bytes:
        """*utf8*: raw UTF-8 headers (SMTPUTF8, for addresses that are not ASCII)."""
        head = [
            _fold_cached("Subject", one_line(draft.subject), utf8),
            _fold_cached("From", str(address(draft.sender)), utf8),
            _fold("To", str(address(draft.recipient)), utf8),
        ]
        if draft.reply_to is not None:
            head.append(_fold_cached("Reply-To", str(address(draft.reply_to)), utf8))
        head.append(
            _fold_cached("Date", email.utils.format_datetime(draft.date.astimezone(dt.UTC)), utf8)
        )
        head.append(_fold("Message-ID", draft.message_id, utf8))
        if draft.thread_id:
            head.append(_fold_cached("In-Reply-To", draft.thread_id, utf8))
            head.append(_fold_cached("References", draft.thread_id, utf8))
        head.append(_fold_cached("Auto-Submitted", "auto-generated", utf8))
        head.append(_fold_cached("X-Auto-Response-Suppress", "All", utf8))
        head.append(_fold_cached("MIME-Version", "1.0", utf8))

        alternatives = [
            self._text(draft.text, "plain", None, utf8, first=True),
            self._text(draft.html, "html", None, utf8),
        ]
        if draft.calendar is not None:
            key = ("calendar", draft.calendar, utf8)
            if key not in self._parts:
                self._parts[key] = self._text(
                    draft.calendar.data.decode("utf-8"), "calendar", draft.calendar.method, utf8
                )
            alternatives.append(self._parts[key])
        attachments = (
            [
                self._attachment(
                    Attachment("invite.ics", "application/ics", draft.calendar.data), utf8
                )
            ]
            if draft.calendar is not None
            else []
        )
        attachments += [self._attachment(a, utf8) for a in draft.attachments]
        if not attachments:
            return b"".join(head) + _multipart("alternative", alternatives, utf8)
        mixed = [_multipart("alternative", alternatives, utf8), *attachments]
        return b"".join(head) + _multipart("mixed", mixed, utf8)

    @staticmethod
    def _text(
        text: str, subtype: str, method: str | None, utf8: bool, first: bool = False
    ) -> bytes:
        cte, payload = _encode_text(text)
        headers = _text_headers(subtype, cte, method, utf8)
        # The first part was the message's own content before it became
        # multipart: its MIME-Version stayed with the message.
        if not first:
            headers += _fold_cached("MIME-Version", "1.0", utf8)
        return headers + _NL + _body(payload)

    def _attachment(self, attachment: Attachment | EncodedAttachment, utf8: bool) -> bytes:
        content = (
            attachment.base64 if isinstance(attachment, EncodedAttachment) else attachment.data
        )
        key = ("attachment", attachment.filename, attachment.content_type, content, utf8)
        part = self._parts.get(key)
        if part is None:
            encoded = _canonical_base64(attachment)
            maintype, _, subtype = attachment.content_type.partition("/")
            headers = _attachment_headers(
                maintype, subtype or "octet-stream", one_line(attachment.filename), utf8
            )
            headers += _fold_cached("MIME-Version", "1.0", utf8)
            part = self._parts[key] = headers + _NL + _body(_wrap_base64(encoded))
        return part


def _multipart(subtype: str, parts: Sequence[bytes], utf8: bool) -> bytes:
    """Content-Type with a fresh boundary, a blank line, then the delimited parts."""
    while True:
        boundary = f"{'=' * 15}{random.randrange(sys.maxsize):0{_BOUNDARY_DIGITS}d}=="
        marker = b"--" + boundary.encode("ascii")
        if not any(marker in part for part in parts):
            break
    # The folding depends on the boundary's length only: fold once, put it in.
    content_type = _fold_cached(
        "Content-Type", f'multipart/{subtype}; boundary="{_PLACEHOLDER}"', utf8
    ).replace(_PLACEHOLDER.encode("ascii"), boundary.encode("ascii"))
    between = _NL + marker + _NL
    return content_type + _NL + marker + _NL + between.join(parts) + _NL + marker + b"--" + _NL
