"""Cross-site request forgery: every POST, PUT, PATCH and DELETE carries a token.

A signed-in person's token belongs to the session (``web_sessions``);
before signing in, the token lives in the signed form cookie. It is checked
before any view runs; a missing or wrong one is refused with a 400 page and
nothing is changed. SameSite=Lax cookies are the second line.
"""

from __future__ import annotations

import hmac
import secrets

from flask import g, request, session
from werkzeug.exceptions import BadRequest

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FIELD = "csrf_token"
HEADER = "X-CSRF-Token"


class CsrfRefused(BadRequest):
    """A changing request without the right token."""

    description = "web.error.csrf"


def token_for_request() -> str:
    """The token the current client must send back."""
    current = g.get("person")
    if current is not None:
        return str(current.csrf_token)
    token = session.get(FIELD)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session[FIELD] = token
    return token


def check() -> None:
    """Refuse a changing request whose token is missing or wrong (a before_request hook)."""
    if request.method not in UNSAFE:
        return
    sent = request.form.get(FIELD) or request.headers.get(HEADER) or ""
    current = g.get("person")
    expected = current.csrf_token if current is not None else session.get(FIELD)
    if not isinstance(expected, str) or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfRefused()
