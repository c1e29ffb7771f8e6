"""Parsing what users type: e-mail addresses, dates, choices."""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import TypeVar

from governance.clock import BERLIN
from governance.errors import InvalidInput

# Deliberately plain: one @, no spaces or control characters (so nothing can
# be smuggled into a mail header), a dot in the domain.
_EMAIL = re.compile(
    r"^[^@\s<>\"',;:\x00-\x1f\x7f]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)

E = TypeVar("E", bound=enum.Enum)


def email(value: str, *, utf8_local: bool = False) -> str:
    """A plain address; beyond ASCII before the @ only with *utf8_local* (the relay
    takes SMTPUTF8: ``smtputf8 = true`` under [mail]), else the relay would refuse it later."""
    value = value.strip()
    if len(value) > 254 or not _EMAIL.match(value):
        raise InvalidInput("error.email", value=visible(value))
    local, domain = value.rsplit("@", 1)
    if not utf8_local and not local.isascii():
        raise InvalidInput("error.email_utf8", value=value)
    return f"{local}@{domain.lower()}"


def visible(value: str) -> str:
    """*value* on one line: control characters shown as escapes (\\n, \\r, \\x07), so that
    an error quoting what was typed stays one line."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if _is_control(ch) else ch for ch in value
    )


def _is_control(ch: str) -> bool:
    return ord(ch) < 32 or 127 <= ord(ch) < 160 or ch in "\u2028\u2029"


def date(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInput("error.date", value=value) from None


def datetime(value: str | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInput("error.datetime", value=value) from None


def choice(enum_type: type[E], value: str | E, what: str) -> E:
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(str(value).strip())
    except ValueError:
        raise InvalidInput(
            "error.choice",
            what=what,
            value=value,
            allowed=", ".join(str(m.value) for m in enum_type),
        ) from None


def text(value: str, what: str, max_length: int = 500) -> str:
    """One line of text (names, places): runs of blanks become one space; a line
    break is refused (it is a mistake, e.g. a pasted address, not a space), so no
    user text can break a line of a mail header or a listing."""
    if any(ch in str(value) for ch in "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"):
        raise InvalidInput("error.text_line_break", what=what)
    cleaned = " ".join(str(value).split())
    if (
        not cleaned
        or len(cleaned) > max_length
        or any(ord(ch) < 32 or ord(ch) == 127 for ch in cleaned)
    ):
        raise InvalidInput("error.text", what=what, max=max_length)
    return cleaned


def berlin_moment(value: str | dt.datetime) -> dt.datetime:
    """A moment as typed ("2026-03-11 10:00"): Berlin time unless it names its offset."""
    moment = datetime(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=BERLIN)
