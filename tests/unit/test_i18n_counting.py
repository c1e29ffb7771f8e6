"""Counted messages ("{abstain:Enthaltung|Enthaltungen}") are split once and written
without string.Formatter: every such message of the catalogue, in both languages, must
read exactly as the formatter writes it, for counts that take either form."""

from __future__ import annotations

import string

import pytest

from governance.i18n import CATALOGUE, LANGUAGES, _CountingFormatter, translate

COUNTED = sorted(key for key, entry in CATALOGUE.items() if any("|" in t for t in entry.values()))


def test_there_are_counted_messages_to_check() -> None:
    assert len(COUNTED) > 10


@pytest.mark.parametrize("count", [0, 1, 2, 21, 1234])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_counted_message_reads_as_the_formatter_writes_it(lang: str, count: int) -> None:
    for key in COUNTED:
        text = CATALOGUE[key].get(lang) or CATALOGUE[key]["de"]
        params: dict[str, object] = {}
        for _, name, spec, _ in string.Formatter().parse(text):
            if name:
                params[name] = count if spec and "|" in spec else f"«{name} {count}»"
        assert translate(key, lang, **params) == _CountingFormatter(lang).format(text, **params)


def test_a_missing_parameter_is_still_an_error() -> None:
    key = COUNTED[0]
    with pytest.raises(KeyError):
        translate(key, "de")
