"""User-facing text in German (default) and English.

Messages are looked up by key in small per-area catalogues (one module per
area, each a dict ``key -> {"de": ..., "en": ...}``) so that every sentence a
user can see is found by its words, and a test checks both languages carry
the same placeholders.
"""

from __future__ import annotations

from typing import Any

from governance.i18n import (
    accession,
    agreement,
    audit,
    cli,
    core,
    documents,
    mail,
    meeting,
    membership,
    minutes,
    personal_data,  # issue 12: person export / erase
)

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"

CATALOGUE: dict[str, dict[str, str]] = {}
for _area in (
    core,
    cli,
    audit,
    agreement,
    accession,
    membership,
    meeting,
    documents,
    mail,
    minutes,
    personal_data,
):
    _overlap = CATALOGUE.keys() & _area.MESSAGES.keys()
    if _overlap:
        raise RuntimeError(f"message keys defined twice: {sorted(_overlap)}")
    CATALOGUE.update(_area.MESSAGES)


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **params: Any) -> str:
    """Return the message *key* in *lang* with *params* filled in."""
    entry = CATALOGUE.get(key)
    if entry is None:
        raise KeyError(f"no message {key!r} in the catalogue")
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params)


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        from governance.errors import InvalidInput

        raise InvalidInput("error.language", value=lang, allowed=", ".join(LANGUAGES))
    return lang
