"""Helpers for the meetings service: the JSON context and calendar entry of a meeting.

The meetings engineer builds ``meeting`` for the templates with
:func:`meeting_context` (datetimes become ISO strings, as the outbox stores
JSON) and the calendar entry with :func:`meeting_event`; both go to
:func:`governance.outbox.queue` (``context={"committee": ..., "meeting": ...}``,
``calendar=...``). See templates/mail/README.md for every notification's keys.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from governance.mail.calendar import CalendarEvent, Participant


@dataclasses.dataclass(frozen=True)
class AgendaLine:
    number: str
    title: str
    kind: str
    """decision, information, discussion, election (shown translated) or any other word."""
    urgent: bool = False
    attachments: tuple[dict[str, Any], ...] = ()
    """The item's attachments (current versions): ``kind``, ``title``, ``name``, ``version``,
    ``size``, ``sha256`` for a file, ``url`` for a link; the mail lists them under the item."""


def meeting_context(
    *,
    id: int,
    title: str,
    number: int | None,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    location: str,
    agenda: Sequence[AgendaLine] = (),
    agenda_revision: int = 1,
    sequence: int = 0,
    format: str = "in_person",
    video_url: str = "",
) -> dict[str, Any]:
    """The ``meeting`` value of a meeting notification's context (JSON-serialisable)."""
    for moment in (starts_at, ends_at):
        if moment.tzinfo is None:
            raise ValueError(f"naive datetime {moment!r}: meetings have aware times")
    return {
        "id": id,
        "title": title,
        "number": number,
        "starts_at": starts_at.isoformat(),
        "ends_at": ends_at.isoformat(),
        "location": location,
        "agenda": [
            {**dataclasses.asdict(line), "attachments": [dict(a) for a in line.attachments]}
            for line in agenda
        ],
        "agenda_revision": agenda_revision,
        "sequence": sequence,
        # issue 16: an online or hybrid meeting's format and video link (to those invited
        # only: this context goes into their mails, never into a public output)
        **({"format": format, "video_url": video_url} if format != "in_person" else {}),
    }


def meeting_uid(meeting_id: int, domain: str) -> str:
    """The calendar UID of a meeting: stable, so updates and cancellations replace the entry."""
    return f"meeting-{meeting_id}@{domain}"


def meeting_event(
    meeting: dict[str, Any],
    *,
    uid: str,
    organizer: Participant,
    attendees: Sequence[Participant],
    stamp: dt.datetime,
    cancel: bool = False,
    description: str = "",
) -> CalendarEvent:
    """The calendar entry for a :func:`meeting_context` (REQUEST, or CANCEL with *cancel*)."""
    return CalendarEvent(
        uid=uid,
        sequence=int(meeting["sequence"]),
        method="CANCEL" if cancel else "REQUEST",
        summary=meeting["title"],
        start=dt.datetime.fromisoformat(meeting["starts_at"]),
        end=dt.datetime.fromisoformat(meeting["ends_at"]),
        location=meeting["location"],
        video_url=meeting.get("video_url", ""),
        description=description,
        organizer=organizer,
        attendees=tuple(attendees),
        stamp=stamp,
    )
