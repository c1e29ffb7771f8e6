"""Many due timers at once, for the scale-out tests and the benchmarks.

The trigger is the cheapest one whose effect queues mail: an action item's
due-date reminder (workflows/action_item.yaml, ``remind_due``), which
queues one ``action_item_due`` message to the item's owner. Rows are
bulk-inserted (one executemany per table), not created through the
services: building 10,000 items one unit of work at a time would take
longer than firing them. Of these rows only the agenda item is protected
(governance/audit_digests.py); the seed appends the audit record for it, so
the chain holds its digest under a record saying what wrote it, as a
service's would, and not the anonymous ``entity.write`` with the warning
"protected rows written without an audit record" (seen in bench/web.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from governance import audit
from governance.bootstrap import App
from governance.examples import treptow_koepenick as tk
from governance.models import (
    ActionItem,
    AgendaItem,
    AuditRecord,
    Committee,
    Meeting,
    OutboxMessage,
    Person,
    Timer,
)
from tests.conftest import SYSTEM

REPO = Path(__file__).resolve().parents[1]
CHUNK = 5000
SEED_ACTION = "scale.seed"
"""The audit action of the seeded agenda item (bulk test data, not a service's change)."""


def seed_due_action_items(
    app: App, count: int, *, due_at: dt.datetime, committee_id: int | None = None
) -> list[int]:
    """The example committee (unless *committee_id* names one), one closed meeting and
    *count* open action items whose reminder timers are all due at *due_at*; return
    the new timer ids."""
    if committee_id is None:
        with app.unit_of_work(SYSTEM) as uow:
            committee_id = tk.create(uow).id
    with app.db.session() as session, session.begin():
        owners = list(
            session.execute(
                select(Person.id).where(Person.email.like("%@%")).order_by(Person.id)
            ).scalars()
        )
        start = due_at - dt.timedelta(days=30)
        meeting = Meeting(
            committee_id=committee_id,
            title="1. Sitzung (Last)",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            location="Rathaus Treptow",
            call_for_proposals_at=start - dt.timedelta(days=28),
            proposal_deadline_at=start - dt.timedelta(days=21),
            invitation_at=start - dt.timedelta(days=14),
            reminder_at=start - dt.timedelta(days=2),
            minutes_due_at=start + dt.timedelta(days=14),
            state="closed",
            created_at=start - dt.timedelta(days=60),
        )
        session.add(meeting)
        session.flush()
        item = AgendaItem(
            meeting_id=meeting.id,
            position=1,
            title="Aufgaben",
            kind="information",
            # An information item taken note of, as `gremium meeting mark … noted` leaves it
            # (the status of an item on the agenda is "accepted"; its outcome says how it ended).
            status="accepted",
            outcome="noted",
            created_at=meeting.created_at,
        )
        session.add(item)
        session.flush()
        meeting_id, item_id = meeting.id, item.id
        audit.append(
            session,
            at=meeting.created_at,
            actor=audit.SYSTEM,
            actor_id=None,
            committee_id=committee_id,
            entity_type=AgendaItem.__tablename__,
            entity_id=item_id,
            action=SEED_ACTION,
            details={"meeting_id": meeting_id, "action_items": count},
        )
        rows = [
            {
                "committee_id": committee_id,
                "meeting_id": meeting_id,
                "agenda_item_id": item_id,
                "what": f"Aufgabe {n}",
                "owner_person_id": owners[n % len(owners)],
                "due_on": due_at.date(),
                "note": "",
                "state": "open",
                "created_at": start,
                "version": 1,
            }
            for n in range(count)
        ]
        for i in range(0, count, CHUNK):
            session.execute(insert(ActionItem), rows[i : i + CHUNK])
        ids = list(
            session.execute(
                select(ActionItem.id)
                .where(ActionItem.meeting_id == meeting_id)
                .order_by(ActionItem.id)
            ).scalars()
        )
        timers = [
            {
                "committee_id": committee_id,
                "workflow": "action_item",
                "entity_type": ActionItem.__tablename__,
                "entity_id": action_id,
                "name": "action_item_due",
                "trigger": "remind_due",
                "state": "open",
                "due_at": due_at,
                "status": "pending",
                "created_at": start,
                "attempts": 0,
            }
            for action_id in ids
        ]
        for i in range(0, count, CHUNK):
            session.execute(insert(Timer), timers[i : i + CHUNK])
        return list(
            session.execute(
                select(Timer.id)
                .where(Timer.entity_type == ActionItem.__tablename__, Timer.entity_id.in_(ids))
                .order_by(Timer.id)
            ).scalars()
        )


def counts(app: App) -> dict[str, int]:
    """Timers by status, messages by status and audit records of the reminder."""
    with app.db.session() as session:
        out = {
            f"timers.{status}": n
            for status, n in session.execute(
                select(Timer.status, func.count()).group_by(Timer.status)
            )
        }
        out.update(
            {
                f"outbox.{status}": n
                for status, n in session.execute(
                    select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
                )
            }
        )
        out["audit.remind_due"] = session.execute(
            select(func.count()).where(AuditRecord.action == "remind_due")
        ).scalar_one()
        out["committees"] = session.execute(select(func.count(Committee.id))).scalar_one()
    return out


def runner_env(port: int, **extra: str) -> dict[str, str]:
    """Environment of a ``gremium run`` subprocess on the system clock, sending by SMTP to *port*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREMIUM_")}
    env.update(
        GREMIUM_CLOCK="system",
        GREMIUM_MAIL_DELIVERY="smtp",
        GREMIUM_MAIL_SMTP_HOST="127.0.0.1",
        GREMIUM_MAIL_SMTP_PORT=str(port),
        GREMIUM_MAIL_SMTP_SECURITY="none",
        PYTHONPATH=str(REPO),
        **extra,
    )
    return env


def gremium(url: str, *args: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "governance", "--db", url, *args],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


class CountingMailbox:
    """An aiosmtpd handler that only counts: each accepted message's Message-ID, per arrival.

    Parsing 10,000 messages with the email package would cost the test more
    CPU than the runners it watches; the header is found in the raw bytes.
    """

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.ids: list[str] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        found = _MESSAGE_ID.search(envelope.content)
        with self.lock:
            self.ids.append(found.group(1).decode() if found else "")
        return "250 Message accepted for delivery"

    def received(self) -> list[str]:
        with self.lock:
            return list(self.ids)


_MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>\r\n]+>)", re.IGNORECASE | re.MULTILINE)
