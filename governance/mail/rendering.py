"""Rendering a notification: subject, plain text and HTML in one language.

Contexts are stored as JSON, so dates travel as ISO strings; keys ending in
``_on``, ``_at``, ``_from`` or ``_until`` (at any depth) are turned back into
dates and datetimes here, so templates can use the date filters of the shared
environment. Rendering is strict: a missing value raises
:class:`jinja2.UndefinedError`, and the transition that queued the message
rolls back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from governance.mail.catalogue import NOTIFICATIONS

DATE_SUFFIXES = ("_on", "_at", "_from", "_until")


@dataclasses.dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def _revive(key: str, value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _revive(k, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_revive(key, v) for v in value]
    if isinstance(value, str) and key.endswith(DATE_SUFFIXES):
        parsed = dt.datetime.fromisoformat(value)
        return parsed if ("T" in value or " " in value) else parsed.date()
    return value


def template_context(context: dict[str, Any]) -> dict[str, Any]:
    """The stored (JSON) context with its dates turned back into dates."""
    return {key: _revive(key, value) for key, value in context.items()}


def one_line(text: str) -> str:
    """Collapse all whitespace (including CR/LF from user data) to single spaces."""
    return " ".join(text.split())


def render_notification(name: str, context: dict[str, Any], lang: str) -> Rendered:
    """Render *name* in *lang*; unknown notifications and missing values raise."""
    if name not in NOTIFICATIONS:
        raise ValueError(
            f"unknown notification {name!r}; known: {', '.join(sorted(NOTIFICATIONS))}"
        )
    # Imported here: Jinja2, Babel and markdown-it are for rendering, not for
    # the read-only commands that import this module for one_line().
    from governance.templating import environment

    env = environment(lang)
    values = template_context(context)

    def part(file: str) -> str:
        return env.get_template(f"mail/{name}/{file.format(lang=lang)}").render(**values)

    return Rendered(
        subject=one_line(part("subject.{lang}.txt")),
        # An optional paragraph that is absent leaves blank lines behind: keep one.
        text=re.sub(r"\n{3,}", "\n\n", part("body.{lang}.txt")).strip() + "\n",
        html=part("body.{lang}.html"),
    )
