"""A catch-up after eleven months of downtime gives the same result with one
runner as with four (PostgreSQL, real ``gremium run`` processes).

Two schemas get the same data: the example committee with a monthly meeting
series and its agreement open for signature (weekly reminders), set up
eleven months ago. Then one runner catches up on one schema and four on the
other. The audit trail must be the same per entity, in the same order (ids,
claim owners and timestamps aside), and so must the set of messages: timers
of one committee fire in due order whichever runner holds them
(``timers.claim_batch``).
"""

from __future__ import annotations

import datetime as dt
import signal
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from governance import audit
from governance.clock import BERLIN, SimulatedClock
from governance.examples import treptow_koepenick as tk
from governance.models import AuditRecord, OutboxMessage, Timer
from governance.services import agreements, directory, meeting_series
from tests.conftest import PG_URL, SYSTEM, make_app, require_postgres
from tests.scale_support import gremium, runner_env

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DOWNTIME = dt.timedelta(days=335)


def _schema_url() -> tuple[str, str]:
    base = require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    sep = "&" if "?" in base else "?"
    return schema, f"{base}{sep}options=-csearch_path%3D{schema}"


def _drop(schema: str) -> None:
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def _set_up(url: str, start: dt.datetime) -> None:
    """The committee as it was left eleven months ago (the same on every call)."""
    app = make_app(url, SimulatedClock(start))
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    first = (start + dt.timedelta(days=40)).astimezone(BERLIN).date()
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        meeting_series.add_series(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            title="Sitzung des Kooperationsgremiums",
            rrule="FREQ=WEEKLY;BYDAY=WE",
            first_start=f"{first.isoformat()} 10:00",
            location="Rathaus Köpenick",
        )
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        agreements.open_for_signature(uow, agreements.version_by_ref(uow.session, "1/1"))
    app.db.dispose()


def _caught_up(url: str) -> bool:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    now = dt.datetime.now(dt.UTC)
    with engine.connect() as conn:
        due = conn.scalar(
            select(func.count())
            .select_from(Timer)
            .where(Timer.status == "pending", Timer.due_at <= now)
        )
        queued = conn.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.status == "queued", OutboxMessage.next_attempt_at <= now)
        )
    engine.dispose()
    return due == 0 and queued == 0


def _catch_up(url: str, runners: int, tmp_path: Path) -> float:
    env = runner_env(0)
    env["GREMIUM_MAIL_DELIVERY"] = "maildir"
    env["GREMIUM_ATTACH_DOCUMENTS"] = "false"  # PDFs would only make it slower
    env["GREMIUM_MAIL_MAILDIR"] = str(tmp_path / f"mail-{runners}")
    started = time.monotonic()
    procs = [gremium(url, "run", "--poll", "0.5", env=env, cwd=tmp_path) for _ in range(runners)]
    try:
        deadline = time.monotonic() + 300
        time.sleep(2)
        while not _caught_up(url):
            for p in procs:
                assert p.poll() is None, p.communicate()
            assert time.monotonic() < deadline, "the catch-up did not end"
            time.sleep(0.5)  # polling the database for what is still due
        time.sleep(1.5)  # a pass in hand ends (its mail included)
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            _out, err = p.communicate(timeout=120)
            assert p.returncode == 0 and "Fehler" not in err.decode(), err.decode()
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    return time.monotonic() - started


def _result(url: str) -> dict[str, Any]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    trail: dict[tuple[str, Any], list[tuple[Any, ...]]] = defaultdict(list)
    with engine.connect() as conn:
        for r in conn.execute(
            select(
                AuditRecord.entity_type,
                AuditRecord.entity_id,
                AuditRecord.action,
                AuditRecord.from_state,
                AuditRecord.to_state,
                AuditRecord.outcome,
            ).order_by(AuditRecord.seq)
        ):
            trail[(r.entity_type, r.entity_id)].append(
                (r.action, r.from_state, r.to_state, r.outcome)
            )
        messages = Counter(
            tuple(r)
            for r in conn.execute(
                select(
                    OutboxMessage.notification,
                    OutboxMessage.recipient,
                    OutboxMessage.entity_type,
                    OutboxMessage.entity_id,
                    OutboxMessage.subject,
                    OutboxMessage.status,
                )
            )
        )
        timers = Counter(
            tuple(r)
            for r in conn.execute(
                select(Timer.name, Timer.entity_type, Timer.entity_id, Timer.status)
            )
        )
    engine.dispose()
    return {"audit": dict(trail), "messages": messages, "timers": timers}


def test_a_catch_up_after_eleven_months_is_the_same_with_one_runner_and_with_four(tmp_path):
    start = (dt.datetime.now(dt.UTC) - DOWNTIME).replace(microsecond=0)
    schemas = [_schema_url(), _schema_url()]
    try:
        (_, single), (_, four) = schemas
        _set_up(single, start)
        _set_up(four, start)
        wall_one = _catch_up(single, 1, tmp_path)
        wall_four = _catch_up(four, 4, tmp_path)
        one, many = _result(single), _result(four)
        fired = one["timers"]
        print(
            f"\ncatch-up: {sum(fired.values())} timers "
            f"({sum(n for k, n in fired.items() if k[3] == 'fired')} fired, "
            f"{sum(n for k, n in fired.items() if k[3] == 'cancelled')} cancelled), "
            f"{sum(one['messages'].values())} messages; wall 1 runner {wall_one:.1f} s, "
            f"4 runners {wall_four:.1f} s"
        )
        assert sum(n for k, n in fired.items() if k[3] == "fired") >= 40  # a real catch-up
        assert many["timers"] == one["timers"]
        assert many["messages"] == one["messages"]
        assert many["audit"] == one["audit"]  # the order per entity included
        for _, url in schemas:
            app = make_app(url, SimulatedClock(start))
            with app.db.session() as session:
                assert audit.verify(session).ok
            app.db.dispose()
    finally:
        for schema, _ in schemas:
            _drop(schema)
