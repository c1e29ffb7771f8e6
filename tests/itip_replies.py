"""Replies as calendar and mail clients write them, for the tests of replies by mail.

Each function returns the bytes of one message as it arrives in the
secretariat's mailbox. They follow what the clients send (RFC 5546 iTIP
REPLY): Outlook (multipart/alternative with a base64 ``text/calendar;
method=REPLY``, Windows time zone names in the VTIMEZONE, the comment in the
body and a COMMENT;LANGUAGE, ISO-8859-1 text), Thunderbird (quoted-printable,
COMMENT, the long lines folded), Apple Calendar (an ``.ics`` attachment with
X-APPLE properties, no comment) and Google Calendar (a long generated body,
``text/calendar`` in the alternative and ``invite.ics`` as ``application/ics``).
"""

from __future__ import annotations

import base64
import quopri
import textwrap


def _fold(ical: str) -> str:
    """RFC 5545 folding: lines longer than 75 octets continue after CRLF + space."""
    out = []
    for line in ical.strip("\n").split("\n"):
        raw = line.encode("utf-8")
        while len(raw) > 75:
            cut = 75
            while (raw[cut] & 0xC0) == 0x80:  # never inside a UTF-8 sequence
                cut -= 1
            out.append(raw[:cut].decode("utf-8"))
            raw = b" " + raw[cut:]
        out.append(raw.decode("utf-8"))
    return "\r\n".join(out) + "\r\n"


def attendee_line(
    email: str,
    partstat: str,
    name: str = "",
    delegated_to: str = "",
    delegated_from: str = "",
) -> str:
    params = [f"PARTSTAT={partstat}"]
    if name:
        params.insert(0, f'CN="{name}"')
    if delegated_to:
        params.append(f'DELEGATED-TO="mailto:{delegated_to}"')
    if delegated_from:
        params.append(f'DELEGATED-FROM="mailto:{delegated_from}"')
    return f"ATTENDEE;{';'.join(params)}:mailto:{email}"


def _calendar(
    prodid: str,
    uid: str,
    organizer: str,
    attendees: list[str],
    *,
    comment: str = "",
    timezone: str = "Europe/Berlin",
    extra: str = "",
    sequence: int = 0,
) -> str:
    zone = textwrap.dedent(
        f"""\
        BEGIN:VTIMEZONE
        TZID:{timezone}
        BEGIN:STANDARD
        DTSTART:16010101T030000
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:16010101T020000
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
        END:DAYLIGHT
        END:VTIMEZONE"""
    )
    lines = [
        "BEGIN:VCALENDAR",
        "METHOD:REPLY",
        f"PRODID:{prodid}",
        "VERSION:2.0",
        zone,
        "BEGIN:VEVENT",
        f"ORGANIZER;CN=Clara Vorsitz:mailto:{organizer}",
        *attendees,
        f"UID:{uid}",
        f"SEQUENCE:{sequence}",
        "DTSTAMP:20260225T101500Z",
        f"DTSTART;TZID={timezone}:20260311T100000",
        f"DTEND;TZID={timezone}:20260311T120000",
        "SUMMARY:Sitzung im März",
        *([f"COMMENT;LANGUAGE=de-DE:{comment}"] if comment else []),
        *([extra] if extra else []),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return _fold("\n".join(lines))


def _headers(sender: str, to: str, subject: str, message_id: str, extra: str = "") -> str:
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\n"
        f"Date: Wed, 25 Feb 2026 11:15:00 +0100\r\nMessage-ID: {message_id}\r\n"
        f"MIME-Version: 1.0\r\n{extra}"
    )


def outlook(
    *, sender: str, to: str, uid: str, attendee: str, comment: str = "", message_id: str
) -> bytes:
    """Outlook (Exchange): "Angenommen: …", the comment as the body (ISO-8859-1) and COMMENT."""
    ical = _calendar(
        "Microsoft Exchange Server 2010",
        uid,
        to,
        [attendee],
        comment=comment,
        timezone="W. Europe Standard Time",
        extra="X-MICROSOFT-CDO-REPLYTIME:20260225T101500Z",
    )
    body = (comment or "").encode("iso-8859-1")
    html = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        f"</head><body><p>{comment}</p></body></html>"
    ).encode("iso-8859-1")
    return (
        _headers(
            sender,
            to,
            "Angenommen: Sitzung im =?iso-8859-1?Q?M=E4rz?=",
            message_id,
            'Content-Type: multipart/alternative; boundary="_000_outlook_"\r\n'
            "Thread-Topic: Sitzung im =?iso-8859-1?Q?M=E4rz?=\r\n",
        ).encode("ascii")
        + b"\r\n--_000_outlook_\r\n"
        + b'Content-Type: text/plain; charset="iso-8859-1"\r\n'
        + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quopri.encodestring(body)
        + b"\r\n--_000_outlook_\r\n"
        + b'Content-Type: text/html; charset="iso-8859-1"\r\n'
        + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quopri.encodestring(html)
        + b"\r\n--_000_outlook_\r\n"
        + b'Content-Type: text/calendar; charset="utf-8"; method=REPLY\r\n'
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(ical.encode("utf-8"))
        + b"\r\n--_000_outlook_--\r\n"
    )


def thunderbird(
    *, sender: str, to: str, uid: str, attendees: list[str], comment: str = "", message_id: str
) -> bytes:
    """Thunderbird: a short text, the REPLY quoted-printable, COMMENT when one was typed."""
    ical = _calendar(
        "-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN", uid, to, attendees, comment=comment
    )
    text = "Vorstand Rabenhaus hat auf Ihre Einladung geantwortet.\r\n"
    return (
        _headers(
            sender,
            to,
            "=?UTF-8?Q?Antwort=3A_Sitzung_im_M=C3=A4rz?=",
            message_id,
            'Content-Type: multipart/mixed; boundary="------------tb"\r\n'
            "User-Agent: Mozilla Thunderbird\r\n",
        ).encode("ascii")
        + b"\r\n--------------tb\r\n"
        + b"Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
        + b"Content-Transfer-Encoding: 7bit\r\n\r\n"
        + text.encode("ascii")
        + b"\r\n--------------tb\r\n"
        + b'Content-Type: text/calendar; charset=UTF-8; method=REPLY; name="invite.ics"\r\n'
        + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quopri.encodestring(ical.encode("utf-8"))
        + b"\r\n--------------tb--\r\n"
    )


def apple(*, sender: str, to: str, uid: str, attendee: str, message_id: str) -> bytes:
    """Apple Calendar: the REPLY as an .ics attachment, X-APPLE properties, no comment."""
    ical = _calendar(
        "-//Apple Inc.//macOS 15.1//EN",
        uid,
        to,
        [attendee],
        extra="X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
    )
    return (
        _headers(
            sender,
            to,
            "Einladung: Sitzung im Maerz (angenommen)",
            message_id,
            'Content-Type: multipart/mixed; boundary="Apple-Mail=_A1"\r\n',
        ).encode("ascii")
        + b"\r\n--Apple-Mail=_A1\r\n"
        + b"Content-Type: text/plain; charset=us-ascii\r\n\r\n"
        + b"Vorstand Rabenhaus has accepted your event invitation.\r\n"
        + b"\r\n--Apple-Mail=_A1\r\n"
        + b"Content-Type: text/calendar; method=REPLY; charset=utf-8; name=iCal-20260225.ics\r\n"
        + b"Content-Disposition: attachment; filename=iCal-20260225.ics\r\n"
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(ical.encode("utf-8"))
        + b"\r\n--Apple-Mail=_A1--\r\n"
    )


def google(*, sender: str, to: str, uid: str, attendee: str, message_id: str) -> bytes:
    """Google Calendar: a long generated text, the REPLY in the alternative and as invite.ics."""
    ical = _calendar(
        "-//Google Inc//Google Calendar 70.9054//EN",
        uid,
        to,
        [attendee],
        timezone="Europe/Berlin",
    )
    generated = (
        "Vorstand Rabenhaus hat diese Einladung abgelehnt.\r\n\r\n"
        "Sitzung im März\r\nMittwoch, 11. März 2026 10:00 - 12:00 (Mitteleuropäische Normalzeit - "
        "Berlin)\r\n\r\nOrganisator\r\nClara Vorsitz\r\n\r\n"
        + "Einladung von Google Kalender: https://calendar.google.com/calendar/\r\n\r\n"
        + "Sie erhalten diese E-Mail, weil Sie Organisator dieses Termins sind. " * 5
    )
    encoded_text = base64.encodebytes(generated.encode("utf-8"))
    encoded_ical = base64.encodebytes(ical.encode("utf-8"))
    return (
        _headers(
            sender,
            to,
            "Abgelehnt: Sitzung im =?UTF-8?Q?M=C3=A4rz?=",
            message_id,
            'Content-Type: multipart/mixed; boundary="000000000000g1"\r\n',
        ).encode("ascii")
        + b"\r\n--000000000000g1\r\n"
        + b'Content-Type: multipart/alternative; boundary="000000000000g2"\r\n\r\n'
        + b"--000000000000g2\r\n"
        + b'Content-Type: text/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + encoded_text
        + b"\r\n--000000000000g2\r\n"
        + b'Content-Type: text/calendar; charset="UTF-8"; method=REPLY\r\n'
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + encoded_ical
        + b"\r\n--000000000000g2--\r\n"
        + b"\r\n--000000000000g1\r\n"
        + b'Content-Type: application/ics; name="invite.ics"\r\n'
        + b'Content-Disposition: attachment; filename="invite.ics"\r\n'
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + encoded_ical
        + b"\r\n--000000000000g1--\r\n"
    )


# --- replies to circulated minutes ---


def quoted_reply(*, sender: str, to: str, text: str, quoted: str, message_id: str) -> bytes:
    """Thunderbird's reply: the new text above "Am … schrieb …:" and the quoted mail."""
    body = (
        f"{text}\r\n\r\nMit freundlichen Grüßen\r\n\r\n"
        "Am 01.04.2026 um 10:00 schrieb Testgremium:\r\n"
        + "".join(f"> {line}\r\n" for line in quoted.splitlines())
    )
    return (
        _headers(
            sender,
            to,
            "Re: Protokollentwurf",
            message_id,
            "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
            "Content-Transfer-Encoding: 8bit\r\n",
        ).encode("ascii")
        + b"\r\n"
        + body.encode("utf-8")
    )


def html_only_reply(*, sender: str, to: str, text: str, quoted: str, message_id: str) -> bytes:
    """Outlook on the web: HTML only, the quoted mail after divRplyFwdMsg."""
    html = (
        "<html><head><style>p{margin:0}</style></head><body>"
        f'<div dir="ltr"><p>{text}</p></div>'
        '<hr style="display:inline-block;width:98%">'
        '<div id="divRplyFwdMsg" dir="ltr"><b>Von:</b> Testgremium<br><b>Gesendet:</b> '
        "Mittwoch, 1. April 2026 10:00<br><b>Betreff:</b> Protokollentwurf</div>"
        f"<div><p>{quoted}</p></div></body></html>"
    )
    return (
        _headers(
            sender,
            to,
            "AW: Protokollentwurf",
            message_id,
            'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n',
        ).encode("ascii")
        + b"\r\n"
        + base64.encodebytes(html.encode("utf-8"))
    )


def latin1_reply(*, sender: str, to: str, text: str, message_id: str) -> bytes:
    """An older client writing ISO-8859-1, 8 bit."""
    return (
        _headers(
            sender,
            to,
            "Re: Protokollentwurf",
            message_id,
            "Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n",
        ).encode("ascii")
        + b"\r\n"
        + text.encode("iso-8859-1")
        + b"\r\n"
    )
