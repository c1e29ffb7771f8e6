"""Dates and numbers the way German (and English) readers expect them.

Babel supplies the month and weekday names; the forms follow DIN 5008:
"11.03.2026" (numeric), "Mittwoch, 11. März 2026" (long), "10:00 Uhr".
Every moment is shown in Europe/Berlin local time. Counted words take the
plural form of the language's CLDR rule ("1 Enthaltung", "2 Enthaltungen").

Babel is imported when a date or a large number is formatted: the counts of
a command's text output (``meeting show``: "5 Ja, 1 Enthaltung") do not need
it, which keeps the read-only commands' start-up under ``alembic --help``
(issue 11 point 19).
"""

from __future__ import annotations

import datetime as dt

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
    from babel.dates import format_date

    day = _local(value)
    return format_date(day, "dd.MM.yyyy" if lang == "de" else "dd/MM/yyyy", locale=_locale(lang))


def format_date_long(value: dt.date | dt.datetime, lang: str = "de") -> str:
    """Mittwoch, 11. März 2026 / Wednesday, 11 March 2026."""
    from babel.dates import format_date

    day = _local(value)
    pattern = "EEEE, d. MMMM y" if lang == "de" else "EEEE, d MMMM y"
    return format_date(day, pattern, locale=_locale(lang))


def format_time(value: dt.datetime | dt.time, lang: str = "de") -> str:
    """10:00 Uhr / 10:00."""
    from babel.dates import format_time as babel_format_time

    moment = _berlin(value) if isinstance(value, dt.datetime) else value
    text = babel_format_time(moment, "HH:mm", locale=_locale(lang))
    return f"{text} Uhr" if lang == "de" else text


def format_datetime_long(value: dt.datetime, lang: str = "de") -> str:
    """Mittwoch, 11. März 2026, 10:00 Uhr / Wednesday, 11 March 2026, 10:00."""
    return f"{format_date_long(value, lang)}, {format_time(value, lang)}"


def format_number(value: int | float, lang: str = "de") -> str:
    """1.234,5 / 1,234.5."""
    if _plain(value, lang):
        return str(value)
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(lang))


def plural_form(count: int, lang: str = "de") -> str:
    """The CLDR plural category of *count* in *lang* ("one", "other", …), from Babel."""
    if _plain(count, lang):
        # German and English integers: "one" for 1, "other" for every other number
        # (tests/unit/test_formatting.py checks this against Babel's rule).
        return "one" if abs(count) == 1 else "other"
    from babel import Locale

    return str(Locale.parse(_locale(lang)).plural_form(abs(count)))


def _plain(value: int | float, lang: str) -> bool:
    """An integer below a thousand, in German or English: written with digits only,
    no grouping, in either language, so Babel need not be loaded for it."""
    return type(value) is int and 0 <= value < 1000 and lang in _LOCALES


def format_count(count: int, one: str, other: str, lang: str = "de") -> str:
    """``1 Enthaltung`` / ``2 Enthaltungen``: the number and the word in the form it needs."""
    word = one if plural_form(count, lang) == "one" else other
    return f"{format_number(count, lang)} {word}"
