"""What the running web application holds: the Gremium app and the [web] settings."""

from __future__ import annotations

from flask import current_app

from governance.bootstrap import App
from governance.services.sign_in import SessionLifetime
from governance.web_settings import WebSettings

EXTENSION = "gremium"
WEB_SETTINGS = "gremium.web"


def core() -> App:
    """The Gremium app (database, clock, workflow engine) of the current web app."""
    return current_app.extensions[EXTENSION]


def web_settings() -> WebSettings:
    return current_app.extensions[WEB_SETTINGS]


def lifetime() -> SessionLifetime:
    settings = web_settings()
    return SessionLifetime(idle=settings.idle_lifetime, absolute=settings.session_lifetime)


def base_url() -> str:
    """Where links in mails point: the configured address, never the request's Host."""
    return web_settings().base_url or "http://127.0.0.1:8000"
