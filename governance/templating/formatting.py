"""Dates and numbers the way German (and English) readers expect them.

Babel supplies the month and weekday names; the forms follow DIN 5008:
"11.03.2026" (numeric), "Mittwoch, 11. März 2026" (long), "10:00 Uhr".
Every moment is shown in Europe/Berlin local time. Counted words take the
plural form of the language's CLDR rule ("1 Enthaltung", "2 Enthaltungen").
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.dates import format_time as babel_format_time
from babel.numbers import format_decimal

from governance.clock import BERLIN

_LOCALES = {"de": "de_DE", "en": "en_GB"}


def _locale(lang: str) -> str:
    try:
        return _LOCALES[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r}; allowed: {', '.join(_LOCALES)}") from None


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


def format_number(value: int | float, lang: str = "de") -> str:
    """1.234,5 / 1,234.5."""
    return format_decimal(value, locale=_locale(lang))


def plural_form(count: int, lang: str = "de") -> str:
    """The CLDR plural category of *count* in *lang* ("one", "other", …), from Babel."""
    return str(Locale.parse(_locale(lang)).plural_form(abs(count)))


def format_count(count: int, one: str, other: str, lang: str = "de") -> str:
    """``1 Enthaltung`` / ``2 Enthaltungen``: the number and the word in the form it needs."""
    word = one if plural_form(count, lang) == "one" else other
    return f"{format_number(count, lang)} {word}"
