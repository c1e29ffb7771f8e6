"""The session cookie: set at sign-in, read on every request, removed at sign-out.

The cookie holds a random value; the database only its SHA-256
(:mod:`governance.services.sign_in`). HttpOnly (no script reads it),
SameSite=Lax (not sent with a form posted from another site), Secure
whenever the request came over HTTPS (behind a proxy: X-Forwarded-Proto,
believed as far as ``[web] trusted_proxies`` says).
"""

from __future__ import annotations

from flask import Flask, g, request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.wrappers import Response

from governance.services import sign_in
from governance.web import page_cache
from governance.web.context import core, lifetime

COOKIE = "gremium_session"


def load_person() -> None:
    """Put the request's signed-in person (or None) on ``g`` (a before_request hook)."""
    app = core()
    token = request.cookies.get(COOKIE)
    current = None
    if token:
        now = app.clock.now()
        current, version = sign_in.current_session_and_version(
            app.db, token, now, lifetime(), page_cache.scope()
        )
        page_cache.note_version(version)
        if current is not None and sign_in.touch_due(current, now):
            with app.db.session() as writing:
                if sign_in.touch(writing, current, now):
                    writing.commit()
    g.person = current
    g.person_id = current.person_id if current is not None else None


def set_cookie(response: Response, opened: sign_in.OpenedSession) -> None:
    response.set_cookie(
        COOKIE,
        opened.token,
        max_age=int(lifetime().absolute.total_seconds()),
        path="/",
        httponly=True,
        samesite="Lax",
        secure=request.is_secure,
    )


def clear_cookie(response: Response) -> None:
    response.delete_cookie(
        COOKIE, path="/", httponly=True, samesite="Lax", secure=request.is_secure
    )


class FormCookie(SecureCookieSessionInterface):
    """Flask's signed cookie (messages after a redirect, the token of the sign-in form),
    Secure like the session cookie: per request, not per installation."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(request.is_secure)


def install(app: Flask) -> None:
    app.session_interface = FormCookie()
    app.config.update(
        SESSION_COOKIE_NAME="gremium_form",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
