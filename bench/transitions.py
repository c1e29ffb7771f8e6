"""Transitions: persisted transitions per second, each in one transaction with its
audit record, timer and outbox row, versus SQLAlchemy Core inserting and updating
the same rows in one transaction each; on a SQLite file and on PostgreSQL.

The transition is an action item's due-date reminder fired by its timer
(``remind_due``: the timer row is marked fired, the item's version bumped,
one audit record appended to the hash chain, one message rendered and queued).

Both sides run in alternating rounds (ours, baseline, ours, …) and each side's
figure is its fastest round: a burst of other load on a shared machine then
slows one round of each, not all of one side.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import tempfile
from collections.abc import Iterator

from sqlalchemy import insert, select, update

from bench.common import Result, pg_problem, pg_schema, timed
from governance.bootstrap import App
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
        # The baseline inserts copies of our rows: fire the first round's worth
        # now, the rest alternate with the baseline below.
        size = (count - 1) // ROUNDS
        rounds = [ours_ids[1 + r * size : 1 + (r + 1) * size] for r in range(ROUNDS)]
        ours_s = [timed(functools.partial(fire_all, app, rounds[0]))]
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

        def baseline(chunk: list[int], round_no: int) -> None:
            # Copies of the first round's rows, made unique per round, in a range
            # of positions of their own; the head is written with the values it
            # has, so that our next round continues the real chain.
            with engine.connect() as conn:
                head = conn.execute(select(AuditHead.seq, AuditHead.hash)).one()
            for n, timer_id in enumerate(chunk):
                audit_row = {**audits[n], "seq": 10**12 + round_no * size + n}
                mail = {**mails[n], "dedup_key": f"{mails[n]['dedup_key']}:baseline{round_no}"}
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
                        .values(seq=head.seq, hash=head.hash)
                    )
                    conn.execute(insert(OutboxMessage).values(**mail))

        base_rounds = [base_ids[1 + r * size : 1 + (r + 1) * size] for r in range(ROUNDS)]
        base_s = []
        for r in range(ROUNDS):
            base_s.append(timed(functools.partial(baseline, base_rounds[r], r)))
            if r + 1 < ROUNDS:
                ours_s.append(timed(functools.partial(fire_all, app, rounds[r + 1])))
        app.db.dispose()
    ours, base = size / min(ours_s), size / min(base_s)
    return Result(
        "transitions",
        f"timer-fired transitions with audit, timer and outbox rows, {kind} "
        f"({ROUNDS} alternating rounds of {size} transactions, fastest round)",
        ours,
        "tx/s",
        base,
        "SQLAlchemy Core, the same rows, one transaction each",
        "≥ 0.5",
        ours >= 0.5 * base,
    )


ROUNDS = 5


def fire_all(app: App, ids: list[int]) -> None:
    for timer_id in ids:
        timers.fire_one(app, timer_id)


def run(count: int = 500) -> list[Result]:
    results = [measure("sqlite", count)]
    problem = pg_problem()
    if problem:
        results.append(Result("transitions", f"PostgreSQL skipped: {problem}", 0, "tx/s", met=None))
    else:
        results.append(measure("postgresql", count))
    return results
