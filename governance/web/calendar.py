"""Calendar subscriptions in the browser.

``/calendar`` (signed in): the feeds the person may subscribe to, a button
that makes or renews each address; a new address is shown on the answer
page only (its token is not stored). ``/calendar/<token>.ics`` (public, the
token is the credential): the iCalendar feed, read-only, with ETag and
Last-Modified so calendar programs that poll it get 304 while nothing changed.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, request
from werkzeug.wrappers import Response

from governance.errors import GremiumError
from governance.services import calendar_content, calendar_feeds
from governance.unit_of_work import Actor
from governance.web.context import base_url
from governance.web.front import reading, reading_as, refused, render, t, uow

bp = Blueprint("calendar", __name__)

PAGE = "web/calendar/index.html"


def _context() -> dict[str, Any]:
    with reading() as work:
        offers = calendar_feeds.offers(work)
    return {
        "issued": None,
        "offers": [
            {
                "kind": o.kind,
                "kind_label": t(f"calendar.kind.{o.kind}"),
                "scope_id": o.scope_id,
                "label": o.label,
                "issued_at": o.issued_at,
            }
            for o in offers
        ],
        "window": t(
            "web.calendar.window",
            days_past=calendar_feeds.WINDOW_PAST.days,
            days_ahead=calendar_feeds.WINDOW_AHEAD.days,
        ),
    }


@bp.get("/calendar")
def index() -> Response:
    return render(PAGE, **_context())


@bp.post("/calendar")
def issue() -> Response:
    form = request.form
    try:
        with uow() as work:
            issued = calendar_feeds.issue(
                work,
                form.get("kind", ""),
                form.get("scope_id", ""),
                renew=form.get("renew") == "1",
                base_url=base_url(),
            )
    except GremiumError as exc:
        return refused(exc, PAGE, **_context())
    return render(PAGE, **{**_context(), "issued": issued})


@bp.get("/calendar/<token>.ics")
def feed(token: str) -> Response:
    with reading_as(Actor.system()) as work:
        sub = calendar_feeds.subscription(work.session, token, work.today)
        if sub is None:
            abort(404)
        rendered = calendar_content.render(work.session.connection(), sub, work.now, base_url())
    response = Response(rendered.body, content_type="text/calendar; charset=utf-8")
    response.set_etag(rendered.etag.strip('"'))
    response.last_modified = rendered.last_modified
    # a secret address: no shared cache keeps it, and it is never indexed
    response.headers["Cache-Control"] = "private, max-age=300"
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Content-Disposition"] = 'inline; filename="gremium.ics"'
    return response.make_conditional(request)
