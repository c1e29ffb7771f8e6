"""Calendar subscriptions on SQLite and on PostgreSQL: an address made, resolved and
rendered through the services (the feed's reads are Core statements of their own)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import icalendar
import pytest

from governance.bootstrap import App, build_app
from governance.clock import BERLIN
from governance.config import Settings
from governance.examples import treptow_koepenick as tk
from governance.services import calendar_content, calendar_feeds
from governance.services import meetings as ms
from tests.conftest import SYSTEM, migrate


@pytest.fixture
def kg(db_url, clock) -> Iterator[App]:
    app = build_app(Settings(database=db_url), clock=clock, check_schema=False)
    migrate(app.db)
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    yield app
    app.db.dispose()


def test_a_personal_feed_is_made_renewed_and_rendered(kg: App):
    member = "gf@rabenhaus.example.org"
    with kg.unit_of_work(tk.CHAIR_EMAIL) as uow:
        meeting = ms.plan(
            uow,
            "KG",
            title="Sitzung nach der Zeitumstellung",
            starts_at=dt.datetime(2026, 10, 28, 18, 0, tzinfo=BERLIN),
            location="Rathaus",
        )
        mid = meeting.id
    with kg.unit_of_work(member) as uow:
        first = calendar_feeds.issue(uow, "person")
    with kg.unit_of_work(member) as uow:
        second = calendar_feeds.issue(uow, "person", renew=True)
    old, new = (i.url.rsplit("/", 1)[1].removesuffix(".ics") for i in (first, second))
    with kg.db.session() as session:
        today = dt.date(2026, 1, 12)
        assert calendar_feeds.subscription(session, old, today) is None
        sub = calendar_feeds.subscription(session, new, today)
        assert sub is not None
        rendered = calendar_content.render(session.connection(), sub, kg.clock.now(), None)
    events = {str(e["uid"]): e for e in icalendar.Calendar.from_ical(rendered.body).walk("VEVENT")}
    entry = events[f"meeting-{mid}@ba-tk.example.org"]
    assert entry.decoded("dtstart").utcoffset() == dt.timedelta(hours=1)  # CET after 25 October
    assert rendered.entries == len(events)
