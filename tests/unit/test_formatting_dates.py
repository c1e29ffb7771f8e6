"""Dates and times are put together from Babel's names (governance/templating/formatting.py):
what they give must be what Babel's pattern formatter gives, in German and English,
for every day of several decades and every quarter hour around the clock changes."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date
from babel.dates import format_time as babel_format_time

from governance.clock import BERLIN
from governance.templating.formatting import (
    format_date_long,
    format_date_short,
    format_datetime_long,
    format_time,
)

LOCALES = {"de": "de_DE", "en": "en_GB"}
LONG = {"de": "EEEE, d. MMMM y", "en": "EEEE, d MMMM y"}
SHORT = {"de": "dd.MM.yyyy", "en": "dd/MM/yyyy"}


@pytest.mark.parametrize("lang", sorted(LOCALES))
def test_every_day_reads_as_babel_writes_it(lang: str) -> None:
    day = dt.date(1995, 1, 1)
    while day < dt.date(2065, 1, 1):
        assert format_date_long(day, lang) == format_date(day, LONG[lang], locale=LOCALES[lang])
        assert format_date_short(day, lang) == format_date(day, SHORT[lang], locale=LOCALES[lang])
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("lang", sorted(LOCALES))
def test_moments_around_the_clock_changes_read_in_berlin_time_as_babel_writes_them(
    lang: str,
) -> None:
    locale = LOCALES[lang]
    for start in (
        dt.datetime(2026, 3, 28, tzinfo=dt.UTC),
        dt.datetime(2026, 10, 24, tzinfo=dt.UTC),
    ):
        for quarter in range(4 * 24 * 3):
            moment = start + dt.timedelta(minutes=15 * quarter + quarter % 7)
            local = moment.astimezone(BERLIN)
            time = babel_format_time(local, "HH:mm", locale=locale)
            time = f"{time} Uhr" if lang == "de" else time
            assert format_time(moment, lang) == time, moment
            assert format_time(local.time(), lang) == time, moment
            day = format_date(local.date(), LONG[lang], locale=locale)
            assert format_date_long(moment, lang) == day, moment
            assert format_date_short(moment, lang) == format_date(local, SHORT[lang], locale=locale)
            assert format_datetime_long(moment, lang) == f"{day}, {time}"


def test_an_unknown_language_or_a_naive_moment_is_refused() -> None:
    for formatted in (format_date_long, format_date_short, format_time):
        with pytest.raises(ValueError, match="unknown language"):
            formatted(dt.datetime(2026, 3, 11, 9, tzinfo=dt.UTC), "fr")
        with pytest.raises(ValueError, match="naive datetime"):
            formatted(dt.datetime(2026, 3, 11, 9), "de")
