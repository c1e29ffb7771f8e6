"""What a calendar feed shows: the entries of a subscription's meetings, rendered.

The meetings come from reads/calendar_feed.py; each gives its meeting entry
and (unless it is a repeat meeting) its proposal deadline, and its circulated
minutes give their objection period. The addresses and who may have which
feed are in services/calendar_feeds.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from governance.clock import BERLIN
from governance.documents.calendar_feed import FeedEntry, render_feed
from governance.i18n import translate
from governance.mail.addressing import domain_of
from governance.mail.meetings import meeting_uid
from governance.reads import calendar_feed as reads
from governance.services.calendar_feeds import (
    EPOCH,
    FALLBACK_BASE_URL,
    WINDOW_AHEAD,
    WINDOW_PAST,
    FeedKind,
    Subscription,
)


@dataclasses.dataclass(frozen=True)
class Rendered:
    body: bytes
    etag: str
    """A strong ETag: the SHA-256 of the body, quoted."""
    last_modified: dt.datetime
    entries: int


def render(conn: Connection, sub: Subscription, now: dt.datetime, base_url: str | None) -> Rendered:
    """The feed of *sub* as it stands at *now*."""
    since, until = now - WINDOW_PAST, now + WINDOW_AHEAD
    if sub.kind == FeedKind.PERSON:
        periods = reads.invited_periods(conn, sub.person.id)
        rows = [
            row
            for row in reads.meetings(conn, periods.keys(), since, until)
            if _invited(periods[row["committee_id"]], row["starts_at"])
        ]
        committees = set(periods)
    else:
        rows = reads.meetings(conn, sub.committee_ids, since, until)
        committees = set(sub.committee_ids)
    lang = sub.person.language
    minutes = reads.minutes_of(conn, [row["id"] for row in rows])
    meeting_changes = reads.last_changes(conn, "meetings", [r["id"] for r in rows], committees)
    minutes_changes = reads.last_changes(conn, "minutes", [n["id"] for n in minutes], committees)
    several = sub.kind != FeedKind.COMMITTEE
    base = (base_url or FALLBACK_BASE_URL).rstrip("/")
    by_id = {row["id"]: row for row in rows}
    entries: list[FeedEntry] = []
    for row in rows:
        stamp = meeting_changes.get(row["id"], row["created_at"] or EPOCH)
        entries += meeting_entries(
            row,
            stamp,
            lang,
            prefix=several,
            url=f"{base}/meetings/{row['id']}",
            invited=sub.kind == FeedKind.PERSON,
        )
    for item in minutes:
        row = by_id[item["meeting_id"]]
        stamp = minutes_changes.get(item["id"], item["circulated_at"] or EPOCH)
        entries.append(objection_period_entry(item, row, stamp, lang, prefix=several))
    body = render_feed(
        translate(f"calendar.name.{sub.kind.value}", lang, label=sub.label),
        entries,
        description=translate(
            "calendar.window", lang, days_past=WINDOW_PAST.days, days_ahead=WINDOW_AHEAD.days
        ),
    )
    stamps = [e.stamp for e in entries]
    return Rendered(
        body=body,
        etag=f'"{hashlib.sha256(body).hexdigest()[:40]}"',
        last_modified=max(stamps, default=EPOCH),
        entries=len(entries),
    )


def _invited(periods: Iterable[tuple[dt.date, dt.date | None]], starts_at: dt.datetime) -> bool:
    day = starts_at.astimezone(BERLIN).date()
    return any(start <= day and (end is None or day < end) for start, end in periods)


def meeting_entries(
    row: dict[str, Any],
    stamp: dt.datetime,
    lang: str,
    *,
    prefix: bool,
    url: str,
    invited: bool,
) -> list[FeedEntry]:
    """The meeting of *row* and, unless it is a repeat meeting (it keeps the agenda of the one
    it repeats), its proposal deadline; both CANCELLED when the meeting is."""
    domain = domain_of(row["sender_email"])
    cancelled = row["state"] == "cancelled"
    title = f"{row['committee_short']}: {row['title']}" if prefix else row["title"]
    shown = translate("calendar.cancelled", lang, title=title) if cancelled else title
    location = row["location"]
    # Hybrid meetings (another change adds a video link that only invited persons may
    # see): put the link into `location`/`description` here ONLY when `invited` is True,
    # i.e. for the personal feed of someone invited to this meeting. Committee and area
    # feeds call this with invited=False and must never carry it.
    del invited
    entries = [
        FeedEntry(
            uid=meeting_uid(row["id"], domain),
            sequence=int(row["sequence"]),
            summary=shown,
            start=row["starts_at"],
            end=row["ends_at"],
            stamp=stamp,
            cancelled=cancelled,
            location=location,
            description=translate("calendar.meeting.description", lang, committee=row["committee"]),
            url=url,
            category="meeting",
        )
    ]
    if row["repeat_of_id"] is None:
        entries.append(
            FeedEntry(
                uid=f"proposal-deadline-{row['id']}@{domain}",
                # the deadline moves only with the meeting (set_schedule), so it shares its counter
                sequence=int(row["sequence"]),
                summary=translate("calendar.proposal_deadline", lang, title=shown),
                start=row["proposal_deadline_at"],
                end=None,
                stamp=stamp,
                cancelled=cancelled,
                description=translate(
                    "calendar.proposal_deadline.description", lang, committee=row["committee"]
                ),
                url=url,
                category="proposal_deadline",
            )
        )
    return entries


def objection_sequence(revision: int, state: str) -> int:
    """SEQUENCE of a minutes' objection period: it changes with each circulation (new days)
    and when an objection or a vote sends the draft back (the period ends, CANCELLED), so
    revision r counts 2r-2 while circulated or later and 2r-1 once back in drafting."""
    return 2 * (revision - 1) + (1 if state == "drafting" else 0)


def objection_period_entry(
    minutes: dict[str, Any], meeting: dict[str, Any], stamp: dt.datetime, lang: str, *, prefix: bool
) -> FeedEntry:
    """The objection period of the current revision of *minutes*: all-day, from the day of
    circulation to the last day (the period ends at 23:59 Berlin time on it)."""
    first = minutes["circulated_at"].astimezone(BERLIN).date()
    last = minutes["objection_deadline_at"].astimezone(BERLIN).date()
    title = f"{meeting['committee_short']}: {meeting['title']}" if prefix else meeting["title"]
    return FeedEntry(
        uid=f"objection-period-{minutes['id']}@{domain_of(meeting['sender_email'])}",
        sequence=objection_sequence(int(minutes["revision"]), minutes["state"]),
        summary=translate("calendar.objection_period", lang, title=title),
        start=first,
        end=last + dt.timedelta(days=1),
        stamp=stamp,
        cancelled=minutes["state"] == "drafting",
        description=translate(
            "calendar.objection_period.description", lang, revision=minutes["revision"]
        ),
        category="objection_period",
    )
