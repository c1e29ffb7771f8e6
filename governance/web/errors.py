"""Error pages in the layout, and refusals of the application layer a view did not catch."""

from __future__ import annotations

import logging

from flask import Flask, g, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.wrappers import Response

from governance.domain.attachments import Size
from governance.errors import (
    ConcurrentChange,
    Conflict,
    GremiumError,
    NotFound,
    NotPermitted,
    TooManyRequests,
)
from governance.web.context import core
from governance.web.csrf import CsrfRefused
from governance.web.front import render
from governance.web.rendering import t

_log = logging.getLogger(__name__)

SHOWN = (400, 401, 403, 404, 405, 409, 413, 422, 429)


def gremium_status(exc: GremiumError) -> int:
    """The status of a refusal no view caught."""
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, NotPermitted):
        return 403
    if isinstance(exc, (Conflict, ConcurrentChange)):
        return 409
    if isinstance(exc, TooManyRequests):
        return 429
    return 422


def error_page(status: int, message: str) -> Response:
    try:
        return render("web/error.html", status, code=status, message=message)
    except Exception:  # the layout itself failed (the database is gone): say it plainly
        _log.exception("the error page could not be rendered")
        return Response(message, status, mimetype="text/plain")


def install(app: Flask) -> None:
    @app.errorhandler(GremiumError)
    def refusal(exc: GremiumError) -> Response:
        return error_page(gremium_status(exc), exc.message(g.get("lang", "de")))

    @app.errorhandler(CsrfRefused)
    def csrf(exc: CsrfRefused) -> Response:
        return error_page(400, t("web.error.csrf"))

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(exc: RequestEntityTooLarge) -> Response:
        # Flask refuses a body over MAX_CONTENT_LENGTH before the CSRF check or any view
        # reads it: nothing was stored; say what was sent and what is allowed.
        limits = core().settings.attachment_limits()
        sent = Size(request.content_length or 0)
        message = t("web.year.error.413", size=sent, limit=Size(limits.max_file_bytes))
        return error_page(413, message)

    @app.errorhandler(HTTPException)
    def http(exc: HTTPException) -> Response:
        status = exc.code or 500
        if status not in SHOWN:
            return exc  # type: ignore[return-value]
        if status == 401:
            status = 403
        return error_page(status, t(f"web.error.{status}"))

    @app.errorhandler(500)
    def internal(exc: Exception) -> Response:
        # A link's path is its secret (sign-in, action links): the rule is logged instead.
        secret = request.view_args is not None and "token" in request.view_args
        where = request.url_rule.rule if secret and request.url_rule else request.path
        _log.error("error on %s %s", request.method, where)
        return error_page(500, t("web.error.500"))
