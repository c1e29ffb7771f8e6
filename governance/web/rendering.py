"""The Jinja2 environment of the pages: the one of mails and documents, plus the web helpers.

An overlay of :func:`governance.templating.environment.environment` (same
loader over templates/, same filters, StrictUndefined, autoescape for
.html): the helpers every page and macro may call (``url_for``,
``csrf_field``) are globals that read the current request, and ``t`` is
bound to the environment's language, so one environment per language serves
every request and thread.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from flask import current_app, g, has_request_context, request
from flask import url_for as flask_url_for
from markupsafe import Markup, escape

from governance.errors import Text
from governance.i18n import translate
from governance.templating.environment import environment


def t(key: str, /, **params: Any) -> str:
    """The message *key* in the request's language."""
    return _translated(g.get("lang", "de"), key, **params)


def _translated(lang: str, key: str, /, **params: Any) -> str:
    """The message *key* in *lang*; a :class:`Text` parameter is written in *lang* too."""
    if params:
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


URLS = "gremium.urls"
"""The key of the remembered addresses in the Flask app's extensions."""
_URLS_KEPT = 20_000
"""At most this many addresses are remembered (then forgotten all at once)."""


def url_for(endpoint: str, /, **values: Any) -> str:
    """Flask's ``url_for``, each address built once per application and script root.

    Building an address costs Flask 20-50 µs (matching the rule, encoding the values);
    a page calls it a dozen to a hundred times, mostly for the same few addresses.
    No ``url_defaults`` hooks are registered, so an address depends only on the
    endpoint, the values and the script root (the host only for ``_external``,
    which like the other ``_`` options and unhashable values is built every time).
    """
    if not has_request_context() or any(name[:1] == "_" for name in values):
        return flask_url_for(endpoint, **values)
    key: tuple[Any, ...] = (
        request.script_root,
        request.blueprint if endpoint[:1] == "." else None,  # ".name": this blueprint's
        endpoint,
        # the type too: True and 1 are equal keys but different addresses
        *((name, type(value), value) for name, value in sorted(values.items())),
    )
    urls: dict[tuple[Any, ...], str] = current_app.extensions.setdefault(URLS, {})
    try:
        return urls[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable value (a list for a repeated parameter)
        return flask_url_for(endpoint, **values)
    url = flask_url_for(endpoint, **values)
    if len(urls) >= _URLS_KEPT:
        urls.clear()
    urls[key] = url
    return url


@functools.cache
def web_environment(lang: str) -> jinja2.Environment:
    base = environment(lang)
    # A cache of its own: templates compiled here carry the web globals.
    env = base.overlay(cache_size=400)
    env.globals = {
        **base.globals,
        # The language bound here, not read from the request's g on each of a page's
        # fifty labels (a context-local lookup costs more than the translation).
        "t": functools.partial(_translated, lang),
        "url_for": url_for,
        "csrf_field": csrf_field,
        "csrf_token": csrf_token,
    }
    return env
