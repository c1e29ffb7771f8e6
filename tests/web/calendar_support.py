"""Helpers for the calendar subscription tests: meetings around the daylight-saving
changes of 2026 (29 March, 25 October), and reading an address off the page."""

from __future__ import annotations

import datetime as dt
import html
import re

from flask.testing import FlaskClient

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.models import Committee
from governance.services import meetings
from governance.unit_of_work import Actor
from tests.web.support import World, post_form

FEED_URL = re.compile(r'id="feed-url"[^>]*value="([^"]+)"')

# Wednesdays at 18:00 Berlin time on both sides of each change (none is a holiday)
BEFORE_MARCH = dt.datetime(2026, 3, 25, 18, 0, tzinfo=BERLIN)
AFTER_MARCH = dt.datetime(2026, 4, 1, 18, 0, tzinfo=BERLIN)
BEFORE_OCTOBER = dt.datetime(2026, 10, 21, 18, 0, tzinfo=BERLIN)
AFTER_OCTOBER = dt.datetime(2026, 10, 28, 18, 0, tzinfo=BERLIN)


def chair(world: World) -> Actor:
    return Actor(label=World.EMAILS["chair"], person_id=world.chair)


def plan(gremium: App, world: World, title: str, start: dt.datetime) -> int:
    with gremium.unit_of_work(chair(world)) as work:
        committee = work.session.get(Committee, world.committee_id)
        return meetings.plan(
            work,
            committee,
            title=title,
            starts_at=start,
            duration_minutes=120,
            location="Rathaus Treptow",
        ).id


def feed_path(client: FlaskClient, kind: str, scope_id: int, *, renew: bool = False) -> str:
    """Make (or renew) an address on /calendar and return its path (``/calendar/<token>.ics``)."""
    data = {"kind": kind, "scope_id": str(scope_id)}
    if renew:
        data["renew"] = "1"
    answer = post_form(client, "/calendar", data)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    found = FEED_URL.search(answer.get_data(as_text=True))
    assert found, "no address on the page"
    url = html.unescape(found.group(1))
    return url[url.index("/calendar/") :]
