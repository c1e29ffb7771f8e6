"""Reading a reply: the tokens it was addressed to, its iTIP REPLY, its own words.

Pure functions from the bytes of one message to a :class:`Reply`; nothing
here looks at the database. What the reply means is decided by
:mod:`governance.services.inbound`.

- Tokens come from the addresses the message was delivered to (To, Cc,
  Delivered-To, X-Original-To, Envelope-To): ``geschaeftsstelle+<token>@…``.
  The From header is read only to be shown, never to match.
- An iTIP REPLY (RFC 5546) is the ``text/calendar`` part (or an ``.ics``
  attachment, as Google sends it alongside) with METHOD:REPLY, parsed with
  ``icalendar``: each ATTENDEE with its PARTSTAT, DELEGATED-FROM/-TO, and the
  COMMENT (Thunderbird, Apple) or the mail's own words (Outlook writes the
  comment into the body).
- The reply's own words: the plain-text part, else the HTML part as text,
  in whatever charset it declares; quoted text (``>`` lines, "Am … schrieb …:",
  "-----Original Message-----", Outlook's header block, Gmail's
  ``gmail_quote``, ``<blockquote>``) and the signature are left out.

Hostile input is bounded: the caller reads at most ``inbound_max_bytes``;
the words kept are at most :data:`TEXT_MAX` characters, the calendar part
at most :data:`CALENDAR_MAX` bytes.
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import email.utils
import hashlib
import re
from email.message import EmailMessage
from html.parser import HTMLParser
from typing import Any

TEXT_MAX = 20_000
"""Characters of a reply's own words kept (an objection is cut to 4,000 later)."""
CALENDAR_MAX = 200_000
"""A calendar part larger than this is not parsed (a REPLY is a few kilobytes)."""
ADDRESS_HEADERS = ("to", "cc", "delivered-to", "x-original-to", "envelope-to")
PARTSTATS = ("ACCEPTED", "DECLINED", "TENTATIVE", "DELEGATED")


@dataclasses.dataclass(frozen=True)
class Attendee:
    email: str
    partstat: str
    name: str = ""
    delegated_from: str = ""
    delegated_to: str = ""


@dataclasses.dataclass(frozen=True)
class ItipReply:
    """METHOD:REPLY of one event (the first VEVENT: a meeting has one)."""

    uid: str
    sequence: int
    attendees: tuple[Attendee, ...]
    comment: str = ""


@dataclasses.dataclass(frozen=True)
class Reply:
    fingerprint: str
    """The Message-ID, else ``sha256:`` of the bytes: what makes a message processed once."""
    sender: str
    subject: str
    tokens: tuple[str, ...]
    itip: ItipReply | None
    text: str
    """The reply's own words, without quoted text and signature."""
    auto_submitted: bool
    """An automatic message (Auto-Submitted, a bounce, an out-of-office)."""
    calendar_problem: str = ""
    """Why a calendar part that was there could not be read ('' if none or read)."""


def read(raw: bytes) -> Reply:
    """The :class:`Reply` in the message *raw*."""
    from governance.services.reply_addresses import tokens_in

    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    message_id = _header(message, "message-id").strip()
    fingerprint = message_id[:300] if message_id else "sha256:" + hashlib.sha256(raw).hexdigest()
    tokens: list[str] = []
    for name in ADDRESS_HEADERS:
        for value in message.get_all(name, []) or []:
            for _, address in email.utils.getaddresses([str(value)]):
                for token in tokens_in(address):
                    if token not in tokens:
                        tokens.append(token)
    itip, problem = _calendar(message)
    auto = _header(message, "auto-submitted").strip().lower() not in ("", "no") or (
        message.get_content_type() == "multipart/report"
    )
    return Reply(
        fingerprint=fingerprint,
        sender=_header(message, "from")[:300],
        subject=" ".join(_header(message, "subject").split())[:300],
        tokens=tuple(tokens),
        itip=itip,
        text=own_words(message),
        auto_submitted=auto,
        calendar_problem=problem,
    )


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a header the parser cannot decode says nothing
        return ""
    return str(value) if value is not None else ""


# --- the calendar part ---


def _calendar(message: EmailMessage) -> tuple[ItipReply | None, str]:
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        filename = (part.get_filename() or "").lower()
        if kind not in ("text/calendar", "application/ics") and not filename.endswith(".ics"):
            continue
        data = part.get_payload(decode=True) or b""
        if not isinstance(data, bytes) or len(data) > CALENDAR_MAX:
            return None, "calendar part too large"
        charset = part.get_content_charset() or "utf-8"
        try:
            text = data.decode(charset, errors="replace")
        except LookupError:
            text = data.decode("utf-8", errors="replace")
        return parse_itip(text)
    return None, ""


def parse_itip(text: str) -> tuple[ItipReply | None, str]:
    """The REPLY in the iCalendar *text*; (None, why) when it is none or cannot be read."""
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as exc:  # icalendar raises ValueError and more on broken input
        return None, f"calendar unreadable: {str(exc)[:200]}"
    method = str(calendar.get("method", "")).upper()
    if method != "REPLY":
        return None, f"calendar method {method or '-'} is no REPLY"
    events = [c for c in calendar.walk("VEVENT")]
    if not events:
        return None, "calendar REPLY without an event"
    event = events[0]
    attendees = event.get("attendee", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    read_attendees = tuple(_attendee(a) for a in attendees)
    comment = event.get("comment", "")
    if isinstance(comment, list):
        comment = " ".join(str(c) for c in comment)
    try:
        sequence = int(event.get("sequence", 0))
    except (TypeError, ValueError):
        sequence = 0
    return (
        ItipReply(
            uid=str(event.get("uid", ""))[:300],
            sequence=sequence,
            attendees=read_attendees,
            comment=" ".join(str(comment).split())[:2000],
        ),
        "",
    )


def _attendee(value: Any) -> Attendee:
    params = getattr(value, "params", {})
    return Attendee(
        email=mailto(str(value)),
        partstat=str(params.get("PARTSTAT", "NEEDS-ACTION")).upper(),
        name=str(params.get("CN", ""))[:200],
        delegated_from=mailto(_first(params.get("DELEGATED-FROM", ""))),
        delegated_to=mailto(_first(params.get("DELEGATED-TO", ""))),
    )


def _first(value: Any) -> str:
    if isinstance(value, list | tuple):
        return str(value[0]) if value else ""
    return str(value or "")


def mailto(value: str) -> str:
    """The address of a calendar user (``mailto:A@B`` in any case, maybe quoted), lower-case."""
    value = value.strip().strip('"')
    if value.lower().startswith("mailto:"):
        value = value[7:]
    return value.strip().lower()


# --- the reply's own words ---

_QUOTE_STARTS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^-{2,}\s*(original message|ursprüngliche nachricht|weitergeleitete nachricht)",
        r"^_{10,}\s*$",  # Outlook's line above its header block
        r"^(am|on)\s.{0,200}(schrieb|wrote)\b.{0,200}:\s*$",
        r"^(von|from):\s.+",  # Outlook's header block without a line above it
        r"^le\s.{0,200}a écrit\s*:\s*$",
        # the closing (and the signature under it): not part of what the reply says
        r"^(mit )?(freundlichen|besten|vielen|herzlichen|liebe[n]?|viele|beste) gr(ü|ue)(ß|ss)(e|en)\b.{0,40}$",
        r"^(mfg|vg|lg|bg)\b.{0,40}$",
        r"^(best|kind|warm) regards\b.{0,40}$",
        r"^(regards|cheers|thanks|danke)[,.!]?$",
    )
]


def own_words(message: EmailMessage) -> str:
    """The reply's new text: quoted text and signature left out, at most TEXT_MAX characters."""
    text = ""
    try:
        plain = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        if plain is not None:
            text = _content(plain)
        elif html is not None:
            text = html_to_text(_content(html))
    except Exception:  # an undecodable body: nothing of it is taken as the reply's words
        text = ""
    return strip_quoted(text)[:TEXT_MAX]


def _content(part: Any) -> str:
    try:
        return str(part.get_content())
    except (LookupError, UnicodeError):  # an unknown or wrong charset: read as Latin-1
        data = part.get_payload(decode=True) or b""
        return data.decode("latin-1") if isinstance(data, bytes) else str(data)


def strip_quoted(text: str) -> str:
    kept: list[str] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(lines):
        bare = line.strip()
        if bare == "--" or line == "-- ":
            break  # the signature
        if any(p.match(bare) for p in _QUOTE_STARTS):
            # "Von:" only counts as the start of a quoted header block when the next
            # lines are more of it (Gesendet/Sent/An/To)
            if bare.lower().startswith(("von:", "from:")) and not _header_block(lines[index:]):
                kept.append(line)
                continue
            break
        if bare.startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def _header_block(lines: list[str]) -> bool:
    following = " ".join(line.strip().lower() for line in lines[1:4])
    return any(w in following for w in ("gesendet:", "sent:", "an:", "to:", "datum:", "date:"))


class _HtmlText(HTMLParser):
    """Text of an HTML mail; quoted parts (blockquote, Gmail's and Outlook's) left out."""

    SKIP_TAGS = frozenset({"blockquote", "style", "script", "head", "title"})
    BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        quoted = tag in self.SKIP_TAGS or any(
            marker in (values.get("class") or "") + " " + (values.get("id") or "")
            for marker in (
                "gmail_quote",
                "divRplyFwdMsg",
                "moz-cite-prefix",
                "OutlookMessageHeader",
            )
        )
        if values.get("id") == "divRplyFwdMsg" or "moz-cite-prefix" in (values.get("class") or ""):
            self.done = True  # everything after the reply header is the quoted message
        if tag in self.BREAKS:
            self.parts.append("\n")
        if tag in ("br", "hr", "img", "meta", "link", "input"):
            return  # void elements: nothing to close
        self.stack.append((tag, quoted))
        if quoted:
            self.skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, quoted = self.stack.pop()
            if quoted:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth and not self.done:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _HtmlText()
    try:
        parser.feed(html[: TEXT_MAX * 20])
        parser.close()
    except Exception:  # broken markup: what was read so far
        pass
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
