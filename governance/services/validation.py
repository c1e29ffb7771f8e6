"""Parsing what users type: e-mail addresses, dates, choices."""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import TypeVar

from governance.errors import InvalidInput

# Deliberately plain: one @, no spaces or control characters (so nothing can
# be smuggled into a mail header), a dot in the domain.
_EMAIL = re.compile(
    r"^[^@\s<>\"',;:\x00-\x1f\x7f]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)

E = TypeVar("E", bound=enum.Enum)


def email(value: str) -> str:
    value = value.strip()
    if len(value) > 254 or not _EMAIL.match(value):
        raise InvalidInput("error.email", value=value)
    local, domain = value.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


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
    """One line of text (names, places): line breaks and runs of blanks become one
    space, so no user text can break a line of a mail header or a listing."""
    cleaned = " ".join(str(value).split())
    if (
        not cleaned
        or len(cleaned) > max_length
        or any(ord(ch) < 32 or ord(ch) == 127 for ch in cleaned)
    ):
        raise InvalidInput("error.text", what=what, max=max_length)
    return cleaned
