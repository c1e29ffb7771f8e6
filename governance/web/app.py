"""The web application's factory: ``create_app(settings)`` wires Gremium into Flask.

The order of the checks on each request (before any view runs):
the clock catches up (simulated clock only), the session cookie names the
person (:mod:`sessions`), the language is chosen (:mod:`language`), a
changing request's CSRF token is checked (:mod:`csrf`), and every page but
signing in, static files and ``/healthz`` requires a signed-in person.
"""

from __future__ import annotations

import importlib

from flask import Flask, g, redirect, request, url_for
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response

from governance.bootstrap import build_app
from governance.clock import Clock
from governance.config import Settings
from governance.domain.attachments import MB
from governance.services.agreement_text import MAX_FILE_BYTES
from governance.web import csrf, errors, page_cache, security, sessions
from governance.web.context import EXTENSION, WEB_SETTINGS, core
from governance.web.language import request_language
from governance.web.secret import secret_key
from governance.web_settings import web_settings

FEATURES: list[str] = [
    # one line per feature module (governance/web/<feature>.py with `bp`)
    "governance.web.auth",  # /sign-in, /sign-in/<token>, /sign-out (webcore)
    "governance.web.overview",  # / my overview (engineer committee)
    "governance.web.committees",  # /committees/<cid>[/rules|/agreement|/accessions] (committee)
    "governance.web.meetings",  # a committee's meetings, a meeting and its agenda (engineer agenda)
    "governance.web.meeting_answers",  # /meetings/<mid>/answer: a member answers the invitation
    "governance.web.in_session",  # /meetings/<mid>/session (engineer session)
    "governance.web.minutes",  # /meetings/<mid>/minutes (records)
    "governance.web.links",  # /l/<token>: action links from mails (no sign-in) (links)
    "governance.web.records",  # decisions, actions, documents, audit, /workflows (records)
    "governance.web.written_procedure",  # /committees/<cid>/procedures: Umlaufverfahren (written)
    "governance.web.calendar",  # /calendar: subscription addresses; /calendar/<token>.ics (feeds)
    "governance.web.exports",  # /committees/<cid>/<list>.csv: CSV downloads (report)
    "governance.web.programmes",  # /areas/<aid>, /programmes/<pid>: above the committees (areas)
    "governance.web.oparl",  # /oparl/v1.1/: the OParl 1.1 read interface, open (issue 15.5)
    "governance.web.meeting_practice",  # /meetings/<mid>/practice: conflicts, transfers, hybrid
    "governance.web.own_data",  # /me: one's own details, consent to publishing one's address
]

NAVIGATION: list[tuple[str, str]] = [
    # the main navigation of every page: (endpoint, message key), one line per entry;
    # an entry whose endpoint is not registered (yet) is left out
    ("overview.index", "web.nav.overview"),
    ("records.workflows", "records.nav.workflows"),
    ("calendar.index", "web.nav.calendar"),
    ("own_data.index", "web.nav.me"),
]

PUBLIC = frozenset(
    {
        "auth.sign_in",
        "auth.sign_in_post",
        "auth.link",
        "auth.sign_in_as",
        "static",
        "healthz",
        "favicon",
    }
    # action links from mails: the token is the credential
    | {"links.show", "links.confirm", "links.withdraw"}
    | {"calendar.feed"}  # calendar feeds: the secret address is the credential (read-only)
)
"""Endpoints open without signing in."""
BARE = frozenset({"static", "healthz", "favicon"})
"""Endpoints that need no session, language or database at all."""


def create_app(settings: Settings, *, clock: Clock | None = None) -> Flask:
    """The web application over the installation *settings* (*clock*: for tests)."""
    gremium = build_app(settings, clock=clock)
    web = web_settings(settings)
    app = Flask(__name__, static_folder="static", template_folder=None)
    app.extensions[EXTENSION] = gremium
    app.extensions[WEB_SETTINGS] = web
    app.config.update(
        SECRET_KEY=secret_key(gremium.db),
        # an agenda item's file plus the form around it
        MAX_CONTENT_LENGTH=settings.attachment_max_mb * MB + MB,
        # a form field (an agreement's text typed in) up to the longest text there may be
        MAX_FORM_MEMORY_SIZE=MAX_FILE_BYTES + 64 * 1024,
    )
    sessions.install(app)
    if web.trusted_proxies:
        n = web.trusted_proxies
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n, x_prefix=n
        )
    app.before_request(_before)
    security.install(app)
    errors.install(app)
    page_cache.install(app, web.page_cache_mb)

    @app.get("/healthz")
    def healthz() -> Response:
        # The framework's floor for the benchmark: no session, no database.
        return Response("ok", mimetype="text/plain")

    @app.get("/favicon.ico")
    def favicon() -> Response:
        # Browsers ask for it on every site, also for documents that name no icon.
        return app.send_static_file("favicon.svg")

    for module in FEATURES:
        app.register_blueprint(importlib.import_module(module).bp)
    return app


def _before() -> Response | None:
    if request.blueprint == "oparl":
        # Open to every system, without session, language or CSRF: the reads decide
        # what is public; only the simulated clock of tests and the demo is kept.
        g.lang = "de"
        g.person = None
        reload_clock = getattr(core().clock, "reload", None)
        if reload_clock is not None:
            reload_clock()
        return None
    if request.endpoint in BARE:
        g.lang = "de"
        g.person = None
        return None
    reload = getattr(core().clock, "reload", None)
    if reload is not None:  # the simulated clock: another process may have moved it
        reload()
    sessions.load_person()
    g.lang = request_language(request, g.person.language if g.person else None)
    csrf.check()
    if g.person is None and request.endpoint not in PUBLIC:
        target = request.full_path if request.query_string else request.path
        return redirect(url_for("auth.sign_in", next=target), 303)
    return page_cache.lookup()
