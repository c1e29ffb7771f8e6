"""Dates and numbers the way German (and English) readers expect them.

Babel supplies the month and weekday names; the forms follow DIN 5008:
"11.03.2026" (numeric), "Mittwoch, 11. März 2026" (long), "10:00 Uhr".
Every moment is shown in Europe/Berlin local time. Counted words take the
plural form of the language's CLDR rule ("1 Enthaltung", "2 Enthaltungen").

The counts live in :mod:`governance.counts` (imported without Jinja2).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.dates import format_time as babel_format_time

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


def format_date_short(value: dt.date | dt.datetime, lang: str = "de") -> str:
    """11.03.2026 (DIN 5008 numeric form) / 11/03/2026."""
    day = _local(value)
    return format_date(day, "dd.MM.yyyy" if lang == "de" else "dd/MM/yyyy", locale=_locale(lang))


def format_date_long(value: dt.date | dt.datetime, lang: str = "de") -> str:
    """Mittwoch, 11. März 2026 / Wednesday, 11 March 2026."""
    day = _local(value)
    pattern = "EEEE, d. MMMM y" if lang == "de" else "EEEE, d MMMM y"
    return format_date(day, pattern, locale=_locale(lang))


def format_time(value: dt.datetime | dt.time, lang: str = "de") -> str:
    """10:00 Uhr / 10:00."""
    moment = _berlin(value) if isinstance(value, dt.datetime) else value
    text = babel_format_time(moment, "HH:mm", locale=_locale(lang))
    return f"{text} Uhr" if lang == "de" else text


def format_datetime_long(value: dt.datetime, lang: str = "de") -> str:
    """Mittwoch, 11. März 2026, 10:00 Uhr / Wednesday, 11 March 2026, 10:00."""
    return f"{format_date_long(value, lang)}, {format_time(value, lang)}"
