"""Failure notices: one mail per committee and day that lists what went wrong.

A message the relay refused for good, or that could not be delivered within
the retry period, and a timer whose effect failed are reported to the
committee's chair (to the administrators for what belongs to no committee).
Reports are collected: the failures of one committee and day go into one
``delivery_failed`` notice per recipient, which waits :data:`COLLECT` after
its first entry before it is sent, so a burst of failures (a relay refusing
a whole fan-out) makes one mail, not one per message. A failure reported
after the day's notice left goes into the next day's, sent the next morning.
A message retried (``outbox retry``) that fails again is reported again.

The notice itself is never reported when it fails (no loops); it is rendered
anew each time an entry is added, so what is sent lists every entry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select

from governance import outbox
from governance.clock import BERLIN
from governance.mail import addressing
from governance.mail.rendering import render_notification
from governance.models import Committee, OutboxMessage, Person
from governance.unit_of_work import UnitOfWork

NOTIFICATION = "delivery_failed"
COLLECT = dt.timedelta(minutes=10)
"""A notice waits this long after its first entry for more before it is sent."""
MORNING = dt.time(7, 0)
"""When a next day's notice is sent (Berlin time)."""
MAX_ENTRIES = 200
"""Beyond this many entries a notice counts the rest instead of listing them."""


@dataclasses.dataclass(frozen=True)
class Failure:
    kind: str
    """delivery (a message) or timer (a timer's effect)."""
    ref: int
    """The message's or the timer's number (for ``outbox retry`` / ``timers retry``)."""
    what: str
    """The notification or the timer's name."""
    subject: str
    error: str
    recipient: str = ""
    recipient_name: str = ""


def report(uow: UnitOfWork, committee_id: int | None, failure: Failure) -> None:
    """Add *failure* to the day's notice of every chair representative (in *uow*'s transaction)."""
    committee = (
        uow.session.get(Committee, committee_id, with_for_update={"key_share": True})
        if committee_id is not None
        else None
    )
    # The committee row's lock makes concurrent reports of one committee take turns:
    # two runners failing messages at once add to the same notice instead of racing.
    # (FOR NO KEY UPDATE: rows that merely refer to the committee are not waited for.)
    for person in _recipients(uow, committee):
        if "@" in (person.email or ""):
            _add(uow, committee, person, failure)


def _recipients(uow: UnitOfWork, committee: Committee | None) -> list[Person]:
    if committee is not None:
        from governance.services.accession_workflow import chair_representatives

        return chair_representatives(uow.session, committee, uow.today)
    return list(
        uow.session.execute(
            select(Person).where(Person.is_admin.is_(True)).order_by(Person.id)
        ).scalars()
    )


def _add(uow: UnitOfWork, committee: Committee | None, person: Person, failure: Failure) -> None:
    entry = dataclasses.asdict(failure)
    entry["error"] = failure.error[:500]
    day = uow.today
    for attempt in range(2):  # today's notice, or tomorrow's if today's has left
        key = _key(committee, person, day)
        notice = uow.session.execute(
            select(OutboxMessage).where(OutboxMessage.dedup_key == key)
        ).scalar_one_or_none()
        if notice is None:
            context = {"reported_on": day.isoformat(), "failures": [entry], "more": 0}
            queued = outbox.queue(
                uow,
                notification=NOTIFICATION,
                recipient=person,
                context=context,
                committee_id=committee.id if committee is not None else None,
                entity=committee,
                revision=f"day-{day.isoformat()}",
            )
            assert queued is not None
            queued.next_attempt_at = uow.now + COLLECT if attempt == 0 else _morning(day)
            return
        if notice.status == "queued" and notice.lease_owner is None:
            _append(notice, committee, person, entry)
            return
        day = day + dt.timedelta(days=1)


def _append(
    notice: OutboxMessage, committee: Committee | None, person: Person, entry: dict[str, Any]
) -> None:
    context = dict(notice.context)
    failures = list(context.get("failures", []))
    if len(failures) < MAX_ENTRIES:
        failures.append(entry)
    else:
        context["more"] = int(context.get("more", 0)) + 1
    context["failures"] = failures
    rendered = render_notification(
        NOTIFICATION,
        {
            **context,
            "mail": addressing.layout_context(
                committee, person, notice.envelope or {"reply_to_email": None}
            ),
        },
        notice.language,
    )
    notice.context = context
    notice.subject, notice.body_text, notice.body_html = (
        rendered.subject,
        rendered.text,
        rendered.html,
    )


def _key(committee: Committee | None, person: Person, day: dt.date) -> str:
    # The same form as outbox.queue's key (notification:entity:recipient:revision).
    entity = f"committees:{committee.id}" if committee is not None else "None:None"
    return f"{NOTIFICATION}:{entity}:{person.email}:day-{day.isoformat()}"


def _morning(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, MORNING, tzinfo=BERLIN).astimezone(dt.UTC)
