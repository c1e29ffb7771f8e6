"""The demo's calendar subscription: the committee's feed as a calendar program fetches it.

Written to ``calendar/KG.ics`` of the demo's output at the end of the year (the
secretariat's view: every meeting of the year with its proposal deadline and its
minutes' objection periods). Nothing is written to the database: the secret
address itself is made on ``/calendar`` of ``make web`` or with
``gremium calendar url committee``.
"""

from __future__ import annotations

from pathlib import Path

from governance.bootstrap import App
from governance.services import calendar_content, calendar_feeds, directory
from governance.services.meeting_notices import secretariat_people


def write_committee_feed(app: App, folder: Path, committee_ref: str = "KG") -> Path:
    """The feed of *committee_ref* at the app clock's moment, as the first secretary sees it."""
    folder.mkdir(parents=True, exist_ok=True)
    with app.db.session() as session:
        committee = directory.committee_by_ref(session, committee_ref)
        (secretary, *_) = secretariat_people(session, committee)
        sub = calendar_feeds.Subscription(
            calendar_feeds.FeedKind.COMMITTEE,
            secretary,
            committee.id,
            committee.name,
            (committee.id,),
        )
        rendered = calendar_content.render(session.connection(), sub, app.clock.now(), None)
        target = folder / f"{committee.short_name}.ics"
    target.write_bytes(rendered.body)
    return target
