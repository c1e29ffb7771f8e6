"""Small counts are written without Babel (the read-only commands start faster):
what they give must be what Babel's CLDR data gives, in German and English."""

from __future__ import annotations

import pytest
from babel import Locale
from babel.numbers import format_decimal

from governance.counts import format_count, format_number, plural_form

LOCALES = {"de": "de_DE", "en": "en_GB"}


@pytest.mark.parametrize("lang", sorted(LOCALES))
def test_counts_below_a_thousand_read_as_babel_writes_them(lang: str):
    locale = Locale.parse(LOCALES[lang])
    for n in range(0, 1000):
        assert plural_form(n, lang) == locale.plural_form(n), n
        assert format_number(n, lang) == format_decimal(n, locale=LOCALES[lang]), n


def test_larger_and_other_numbers_still_go_through_babel():
    assert format_number(1234, "de") == "1.234"
    assert format_number(1234, "en") == "1,234"
    assert format_number(2.5, "de") == "2,5"
    assert format_count(1, "Enthaltung", "Enthaltungen", "de") == "1 Enthaltung"
    assert format_count(1000, "Enthaltung", "Enthaltungen", "de") == "1.000 Enthaltungen"
    assert format_count(1, "abstention", "abstentions", "en") == "1 abstention"
