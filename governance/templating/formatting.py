"""Dates and numbers the way German (and English) readers expect them.

Babel supplies the month and weekday names; the forms follow DIN 5008:
"11.03.2026" (numeric), "Mittwoch, 11. März 2026" (long), "10:00 Uhr".
Every moment is shown in Europe/Berlin local time. Counted words take the
plural form of the language's CLDR rule ("1 Enthaltung", "2 Enthaltungen").

The forms are fixed, so they are put together here from Babel's names rather than
by Babel's pattern formatter: that parsed the locale on every call and cost a
page with twenty dates more CPU than its SQL (tests/unit/test_formatting_dates.py
checks every day of several decades against Babel).

The counts live in :mod:`governance.counts` (imported without Jinja2).
"""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale

from governance.clock import BERLIN
from governance.counts import _locale, format_count, format_number, plural_form

__all__ = [
    "format_count",
    "format_date_long",
    "format_date_short",
    "format_datetime_long",
    "format_number",
    "format_time",
    "plural_form",
]


def _local(value: dt.datetime | dt.date) -> dt.datetime | dt.date:
    return _berlin(value) if isinstance(value, dt.datetime) else value


def _berlin(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: only aware moments are shown")
    return value.astimezone(BERLIN)


@functools.cache
def _names(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The weekdays (Monday first) and months (January first) of *lang*, as Babel
    writes them for the patterns EEEE and MMMM (wide, format context)."""
    locale = Locale.parse(_locale(lang))
    days, months = locale.days["format"]["wide"], locale.months["format"]["wide"]
    return tuple(days[i] for i in range(7)), tuple(months[i] for i in range(1, 13))


def format_date_short(value: dt.date | dt.datetime, lang: str = "de") -> str:
    """11.03.2026 (DIN 5008 numeric form) / 11/03/2026 (Babel: dd.MM.yyyy / dd/MM/yyyy)."""
    day = _local(value)
    separator = "." if lang == "de" else "/"
    _locale(lang)  # an unknown language is refused, as Babel's formatter did
    return f"{day.day:02d}{separator}{day.month:02d}{separator}{day.year:04d}"


def format_date_long(value: dt.date | dt.datetime, lang: str = "de") -> str:
    """Mittwoch, 11. März 2026 / Wednesday, 11 March 2026 (EEEE, d. MMMM y / EEEE, d MMMM y)."""
    day = _local(value)
    days, months = _names(lang)
    dot = "." if lang == "de" else ""
    return f"{days[day.weekday()]}, {day.day}{dot} {months[day.month - 1]} {day.year}"


def format_time(value: dt.datetime | dt.time, lang: str = "de") -> str:
    """10:00 Uhr / 10:00 (HH:mm)."""
    moment = _berlin(value) if isinstance(value, dt.datetime) else value
    _locale(lang)
    text = f"{moment.hour:02d}:{moment.minute:02d}"
    return f"{text} Uhr" if lang == "de" else text


def format_datetime_long(value: dt.datetime, lang: str = "de") -> str:
    """Mittwoch, 11. März 2026, 10:00 Uhr / Wednesday, 11 March 2026, 10:00."""
    return f"{format_date_long(value, lang)}, {format_time(value, lang)}"
