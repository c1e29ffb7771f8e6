"""The Jinja2 environment of the pages: the one of mails and documents, plus the web helpers.

An overlay of :func:`governance.templating.environment.environment` (same
loader over templates/, same filters, StrictUndefined, autoescape for
.html): the helpers every page and macro may call (``t``, ``url_for``,
``csrf_field``) are globals that read the current request, so one
environment per language serves every request and thread.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from flask import g, url_for
from markupsafe import Markup, escape

from governance.errors import Text
from governance.i18n import translate
from governance.templating.environment import environment


def t(key: str, /, **params: Any) -> str:
    """The message *key* in the request's language."""
    lang = g.get("lang", "de")
    params = {k: (v.render(lang) if isinstance(v, Text) else v) for k, v in params.items()}
    return translate(key, lang, **params)


def csrf_token() -> str:
    """The CSRF token of this client (for a script sending a header: X-CSRF-Token)."""
    from governance.web.csrf import token_for_request

    return token_for_request()


def csrf_field() -> Markup:
    """The hidden input every changing form carries (see :mod:`governance.web.csrf`)."""
    value = escape(csrf_token())
    return Markup(f'<input type="hidden" name="csrf_token" value="{value}">')


@functools.cache
def web_environment(lang: str) -> jinja2.Environment:
    base = environment(lang)
    # A cache of its own: templates compiled here carry the web globals.
    env = base.overlay(cache_size=400)
    env.globals = {
        **base.globals,
        "t": t,
        "url_for": url_for,
        "csrf_field": csrf_field,
        "csrf_token": csrf_token,
    }
    return env
