"""Transitions: persisted transitions per second, each in one transaction with its
audit record, timer and outbox row, versus SQLAlchemy Core inserting and updating
the same rows in one transaction each; on a SQLite file and on PostgreSQL.

The transition is an action item's due-date reminder fired by its timer
(``remind_due``: the timer row is marked fired, the item's version bumped,
one audit record appended to the hash chain, one message rendered and queued).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Iterator

from sqlalchemy import insert, select, update

from bench.common import Result, pg_problem, pg_schema, timed
from governance.clock import SystemClock
from governance.models import ActionItem, AuditHead, AuditRecord, OutboxMessage, Timer
from governance.services import timers
from tests.conftest import make_app
from tests.scale_support import seed_due_action_items


@contextlib.contextmanager
def _database(kind: str) -> Iterator[str]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/transitions.db"
    else:
        with pg_schema() as url:
            yield url


def _rows(model, where) -> list[dict]:  # type: ignore[no-untyped-def]
    return [
        {c.key: getattr(row, c.key) for c in model.__table__.columns if c.key != "id"}
        for row in where
    ]


def measure(kind: str, count: int) -> Result:
    with _database(kind) as url:
        app = make_app(url, SystemClock())  # type: ignore[arg-type]
        ids = seed_due_action_items(
            app, count * 2, due_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        )
        ours_ids, base_ids = ids[:count], ids[count:]
        timers.fire_one(app, ours_ids[0])  # warm: templates, statements
        ours_s = timed(lambda: [timers.fire_one(app, i) for i in ours_ids[1:]])
        with app.db.session() as session:
            audits = _rows(
                AuditRecord,
                session.execute(select(AuditRecord).where(AuditRecord.action == "remind_due"))
                .scalars()
                .all(),
            )
            mails = _rows(OutboxMessage, session.execute(select(OutboxMessage)).scalars().all())
            items = {
                t.id: t.entity_id
                for t in session.execute(select(Timer).where(Timer.id.in_(base_ids))).scalars()
            }
        engine = app.db.engine
        now = dt.datetime.now(dt.UTC)

        def baseline() -> None:
            for n, timer_id in enumerate(base_ids[1:]):
                audit_row = {**audits[n], "seq": 10_000_000 + n}
                mail = {**mails[n], "dedup_key": f"{mails[n]['dedup_key']}:baseline"}
                with engine.begin() as conn:
                    conn.execute(
                        update(Timer)
                        .where(Timer.id == timer_id)
                        .values(status="fired", fired_at=now, attempts=Timer.attempts + 1)
                    )
                    conn.execute(
                        update(ActionItem)
                        .where(ActionItem.id == items[timer_id])
                        .values(version=ActionItem.version + 1)
                    )
                    conn.execute(insert(AuditRecord).values(**audit_row))
                    conn.execute(
                        update(AuditHead)
                        .where(AuditHead.id == 1)
                        .values(seq=audit_row["seq"], hash=audit_row["hash"])
                    )
                    conn.execute(insert(OutboxMessage).values(**mail))

        base_s = timed(baseline)
        app.db.dispose()
    n = count - 1
    return Result(
        "transitions",
        f"timer-fired transitions with audit, timer and outbox rows, {kind} ({n} transactions)",
        n / ours_s,
        "tx/s",
        n / base_s,
        "SQLAlchemy Core, the same rows, one transaction each",
        "≥ 0.5",
        (n / ours_s) >= 0.5 * (n / base_s),
    )


def run(count: int = 500) -> list[Result]:
    results = [measure("sqlite", count)]
    problem = pg_problem()
    if problem:
        results.append(Result("transitions", f"PostgreSQL skipped: {problem}", 0, "tx/s", met=None))
    else:
        results.append(measure("postgresql", count))
    return results
