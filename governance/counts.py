"""Counted words in German and English: "1 Enthaltung", "2 Enthaltungen", "1.234".

The plural form follows the language's CLDR rule and the number its grouping,
from Babel. Outside the templating package (which brings Jinja2 along) and
with Babel loaded only for what needs it: the counts of a command's text output
(``meeting show``: "5 Ja, 1 Enthaltung") are below a thousand, written with
digits only, which keeps the read-only commands' start-up under
``alembic --help`` (issue 11 point 19).
"""

from __future__ import annotations

_LOCALES = {"de": "de_DE", "en": "en_GB"}


def _locale(lang: str) -> str:
    try:
        return _LOCALES[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r}; allowed: {', '.join(_LOCALES)}") from None


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
        # (tests/unit/test_formatting_counts.py checks this against Babel's rule).
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
