"""The language of a request: the signed-in person's, else the browser's (de/en), else German."""

from __future__ import annotations

from flask import Request

from governance.i18n import DEFAULT_LANGUAGE, LANGUAGES


def request_language(request: Request, person_language: str | None) -> str:
    """*person_language* when set (people choose theirs), else Accept-Language, else German."""
    if person_language in LANGUAGES:
        return person_language
    best = request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)
    return best or DEFAULT_LANGUAGE
