"""On the system clock the runner fires a claimed batch of timers in one
transaction, each in a savepoint of its own: what one timer's failure undoes
is exactly that timer's firing, and the audit trail and the outbox say so."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance import audit, outbox
from governance.bootstrap import App
from governance.examples import treptow_koepenick as tk
from governance.models import ActionItem, AuditRecord, OutboxMessage, Timer
from governance.services import timers
from governance.transient import is_transient
from tests.conftest import make_app, migrate
from tests.scale_support import seed_due_action_items

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


class FixedClock:
    """A clock that is not simulated (so timers fire in batches) and stands still."""

    def now(self) -> dt.datetime:
        return NOW


@pytest.fixture
def due(db_url) -> Any:
    app = make_app(db_url, FixedClock())  # type: ignore[arg-type]
    ids = seed_due_action_items(app, 5, due_at=NOW - dt.timedelta(hours=1))
    yield app, ids
    app.db.dispose()


def _item_of(app: App, timer_id: int) -> int:
    with app.db.session() as s:
        return s.get_one(Timer, timer_id).entity_id


def _state(app: App) -> tuple[dict[int, str], int, list[int]]:
    with app.db.session() as s:
        statuses = dict(s.execute(select(Timer.id, Timer.status)).all())
        mails = s.execute(select(func.count()).select_from(OutboxMessage)).scalar_one()
        audited = list(
            s.execute(
                select(AuditRecord.entity_id)
                .where(AuditRecord.action == "remind_due")
                .order_by(AuditRecord.seq)
            ).scalars()
        )
        verified = audit.verify(s)
    assert verified.ok, verified.problems
    return statuses, mails, audited


def test_a_failing_effect_undoes_only_its_own_timer(due, monkeypatch):
    app, ids = due
    broken = _item_of(app, ids[2])
    real_queue = outbox.queue

    def queue(uow: Any, **kwargs: Any) -> Any:
        if kwargs["entity"].id == broken:
            raise OSError("mail template folder unreadable")
        return real_queue(uow, **kwargs)

    monkeypatch.setattr(outbox, "queue", queue)
    fired = timers.fire_due(app, NOW)

    assert [f.outcome for f in fired] == ["fired", "fired", "failed", "fired", "fired"]
    assert fired[2].detail == "OSError: mail template folder unreadable"
    statuses, mails, audited = _state(app)
    assert [statuses[i] for i in ids] == ["fired", "fired", "failed", "fired", "fired"]
    assert mails == 5  # four reminders and the chair's failure notice
    with app.db.session() as s:
        notice = s.execute(
            select(OutboxMessage).where(OutboxMessage.notification == "delivery_failed")
        ).scalar_one()
        assert notice.recipient == tk.CHAIR_EMAIL
        assert f"Geplanter Arbeitsschritt Nr. {ids[2]} ist gescheitert" in (notice.body_text or "")
        assert "mail template folder unreadable" in (notice.body_text or "")
    assert audited == [_item_of(app, i) for i in ids if i != ids[2]]
    with app.db.session() as s:
        failed = s.get_one(Timer, ids[2])
        assert (failed.attempts, failed.lease_owner) == (1, None)
        assert failed.last_error == "OSError: mail template folder unreadable"
        assert s.get_one(ActionItem, broken).state == "open"


def test_a_batch_that_cannot_commit_is_fired_again_timer_by_timer(due, monkeypatch):
    app, ids = due
    real_hash = audit.record_hash
    calls = {"n": 0}

    def hash_once_broken(prev: str, record: AuditRecord, key: bytes | None = None) -> str:
        calls["n"] += 1
        if calls["n"] == 1:  # the batch's commit: the connection "drops"
            raise ConnectionError("server closed the connection unexpectedly")
        return real_hash(prev, record, key)

    monkeypatch.setattr(audit, "record_hash", hash_once_broken)
    fired = timers.fire_due(app, NOW)

    assert [f.outcome for f in fired] == ["fired"] * 5
    statuses, mails, audited = _state(app)
    assert [statuses[i] for i in ids] == ["fired"] * 5
    assert mails == 5
    assert audited == [_item_of(app, i) for i in ids]


def test_timers_not_reached_before_a_stop_are_given_back(due):
    app, ids = due
    asked = {"n": 0}

    def stop_after_two() -> bool:
        asked["n"] += 1
        return asked["n"] > 3  # fire_due asks once, then once per timer

    fired = timers.fire_due(app, NOW, stop=stop_after_two)

    assert [f.timer_id for f in fired] == ids[:2]
    with app.db.session() as s:
        rest = s.execute(select(Timer).where(Timer.id.in_(ids[2:]))).scalars().all()
    assert {(t.status, t.lease_owner) for t in rest} == {("pending", None)}
    assert [f.timer_id for f in timers.fire_due(app, NOW)] == ids[2:]


class TickingClock:
    """A system-like clock that moves a second each time it is read."""

    def __init__(self) -> None:
        self.moment = NOW

    def now(self) -> dt.datetime:
        self.moment += dt.timedelta(seconds=1)
        return self.moment


def test_each_timer_of_a_batch_fires_at_its_own_moment(db_url):
    app = make_app(db_url, TickingClock())  # type: ignore[arg-type]
    ids = seed_due_action_items(app, 3, due_at=NOW - dt.timedelta(hours=1))
    timers.fire_due(app, NOW + dt.timedelta(hours=1))
    with app.db.session() as s:
        fired_at = [s.get_one(Timer, i).fired_at for i in ids]
        audited = list(
            s.execute(
                select(AuditRecord.at)
                .where(AuditRecord.action == "remind_due")
                .order_by(AuditRecord.seq)
            ).scalars()
        )
    app.db.dispose()
    assert len(set(fired_at)) == 3 and fired_at == sorted(fired_at)
    assert [a.astimezone(dt.UTC) for a in audited] == [f.astimezone(dt.UTC) for f in fired_at]


def test_a_conflict_in_an_effect_is_retried_later_and_never_fails_the_timer(due, monkeypatch):
    """A concurrency conflict (optimistic locking) or a passing database error is not
    the timer's fault: the timer stays pending, is held back for a growing delay
    and fires at a later pass; no failure notice goes out."""
    from sqlalchemy.orm.exc import StaleDataError

    app, ids = due
    broken = _item_of(app, ids[1])
    real_queue = outbox.queue
    conflicts = {"n": 0}

    def queue(uow: Any, **kwargs: Any) -> Any:
        if kwargs["entity"].id == broken and conflicts["n"] < 2:
            conflicts["n"] += 1
            raise StaleDataError(
                "UPDATE statement on table 'action_items' expected to update 1 row(s)"
            )
        return real_queue(uow, **kwargs)

    monkeypatch.setattr(outbox, "queue", queue)
    clock = app.clock
    first = timers.fire_due(app, NOW)
    assert [f.outcome for f in first] == ["fired", "retrying", "fired", "fired", "fired"]
    with app.db.session() as s:
        waiting = s.get_one(Timer, ids[1])
        assert waiting.status == "pending" and waiting.lease_owner == timers.RETRY_OWNER
        assert waiting.lease_until == NOW + timers.retry_delay(1)
    assert timers.fire_due(app, NOW) == []  # held back until the delay is over

    later = NOW + dt.timedelta(seconds=6)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert [f.outcome for f in timers.fire_due(app, later)] == ["retrying"]  # 2nd conflict
    final = NOW + dt.timedelta(minutes=1)
    monkeypatch.setattr(clock, "now", lambda: final)
    assert [f.outcome for f in timers.fire_due(app, final)] == ["fired"]
    statuses, mails, _ = _state(app)
    assert [statuses[i] for i in ids] == ["fired"] * 5
    assert mails == 5  # the five reminders, no failure notice


def test_transient_errors_are_told_apart_from_errors_of_the_effect():
    from sqlalchemy.exc import IntegrityError, OperationalError
    from sqlalchemy.orm.exc import StaleDataError

    from governance.errors import ConcurrentChange

    assert is_transient(StaleDataError("x"))
    assert is_transient(ConcurrentChange("error.concurrent_change", kind="", ref=""))
    assert is_transient(OperationalError("SELECT 1", {}, Exception("server closed the connection")))
    assert not is_transient(IntegrityError("INSERT", {}, Exception("unique")))
    assert not is_transient(OSError("No space left on device"))
    assert not is_transient(KeyError("effect bug"))


def test_claims_keep_due_order_within_a_committee_and_an_entity():
    """Which due timers a runner may claim while others hold some (pure decision)."""
    from types import SimpleNamespace as Row

    t0 = NOW
    later = NOW + dt.timedelta(hours=1)
    held = NOW + dt.timedelta(minutes=5)

    def row(id_: int, committee: int | None, entity: int, due: dt.datetime, lease=None) -> Row:
        return Row(
            id=id_,
            committee_id=committee,
            entity_type="meetings",
            entity_id=entity,
            due_at=due,
            lease_until=lease,
        )

    rows = [
        row(1, 1, 10, t0, lease=held),  # committee 1's first timer, held by another runner
        row(2, 1, 11, t0),  # same committee, same moment, other entity: may go in parallel
        row(3, 1, 12, later),  # same committee, later: waits for timer 1
        row(4, 2, 20, t0),
        row(5, 2, 20, later),  # same entity, later: claimed with it, in order
        row(6, None, 30, t0, lease=held),  # no committee: ordered by entity
        row(7, None, 30, later),
        row(8, None, 31, later),
        row(9, 1, 10, later),  # entity 10 is held: waits
    ]
    assert timers.in_due_order(rows, NOW, 20) == [2, 4, 5, 8]
    assert timers.in_due_order(rows, NOW, 2) == [2, 4]
    # The held timer's lease ran out (its runner died): everything is free again, in order.
    assert timers.in_due_order(rows, held + dt.timedelta(seconds=1), 20) == [
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
    ]


def _untouched(app: App, ids: list[int]) -> set[tuple[str, str | None, int]]:
    with app.db.session() as s:
        rows = s.execute(select(Timer).where(Timer.id.in_(ids))).scalars().all()
        return {(t.status, t.lease_owner, t.attempts) for t in rows}


def _failure_notices(app: App) -> int:
    with app.db.session() as s:
        return s.execute(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.notification == "delivery_failed")
        ).scalar_one()


def test_a_full_disk_fails_no_timer_and_gives_the_batch_back_at_once(due, monkeypatch):
    """A full disk (or a read-only database) is no error of the effect: the timers
    stay pending, unclaimed, with no attempt counted and no failure notice; the
    fault is raised for the runner to report, and the next pass fires them all."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    app, ids = due
    full = _item_of(app, ids[2])
    real_queue = outbox.queue

    def queue(uow: Any, **kwargs: Any) -> Any:
        if kwargs["entity"].id == full:
            raise OperationalError(
                "INSERT", {}, sqlite3.OperationalError("database or disk is full")
            )
        return real_queue(uow, **kwargs)

    monkeypatch.setattr(outbox, "queue", queue)
    with pytest.raises(OperationalError):
        timers.fire_due(app, NOW)
    assert _untouched(app, ids) == {("pending", None, 0)}
    assert _failure_notices(app) == 0

    monkeypatch.setattr(outbox, "queue", real_queue)  # space freed
    assert [f.outcome for f in timers.fire_due(app, NOW)] == ["fired"] * 5
    statuses, mails, _ = _state(app)
    assert [statuses[i] for i in ids] == ["fired"] * 5 and mails == 5


def test_a_missing_audit_key_fails_no_timer_and_gives_the_batch_back(db_url, tmp_path):
    """Without the audit key nothing can be written: that is the installation's fault,
    said once (in German and English), and every timer fires once the key is back."""
    from governance.bootstrap import build_app
    from governance.config import Settings
    from governance.errors import ConfigurationError
    from governance.services import audit_trail

    settings = Settings(database=db_url, audit_key_file=str(tmp_path / "keys" / "audit.key"))
    app = build_app(settings, clock=FixedClock(), check_schema=False)  # type: ignore[arg-type]
    migrate(app.db)
    audit_trail.ensure_keyed(app)
    ids = seed_due_action_items(app, 3, due_at=NOW - dt.timedelta(hours=1))
    key = app.db.audit_keys.path
    assert key is not None
    key.rename(key.with_suffix(".moved"))
    app.db.audit_keys.forget()
    try:
        with pytest.raises(ConfigurationError) as fault:
            timers.fire_due(app, NOW)
        assert "\n" not in fault.value.message("de") and "\n" not in fault.value.message("en")
        assert _untouched(app, ids) == {("pending", None, 0)}
        key.with_suffix(".moved").rename(key)
        app.db.audit_keys.forget()
        assert [f.outcome for f in timers.fire_due(app, NOW)] == ["fired"] * 3
        assert _failure_notices(app) == 0
    finally:
        app.db.dispose()


def test_faults_of_the_installation_are_neither_the_effects_error_nor_passing():
    import errno
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from governance.errors import ConfigurationError
    from governance.transient import installation_fault

    full = OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    readonly = OperationalError(
        "UPDATE", {}, sqlite3.OperationalError("attempt to write a readonly database")
    )
    no_key = ConfigurationError("audit.key.missing", key_id="ab", path="/x/audit.key")
    for exc in (full, readonly, no_key, OSError(errno.ENOSPC, "No space left on device")):
        assert installation_fault(exc) is exc and not is_transient(exc)
    locked = OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))
    assert installation_fault(locked) is None and is_transient(locked)
    assert installation_fault(KeyError("effect bug")) is None


def test_a_runner_that_stood_still_fires_nothing_another_runner_took_over(due):
    """Runner a claimed a batch, stood still past its lease, and runner b took one of
    its timers: a, running on, checks its claim first and leaves that timer to b."""
    from sqlalchemy import update

    app, ids = due
    batch = timers.claim_batch(app, NOW, "runner-a", 5)
    assert batch == ids
    with app.db.session() as s, s.begin():
        s.execute(update(Timer).where(Timer.id == ids[1]).values(lease_owner="runner-b"))
    fired = timers.fire_together(app, batch, "runner-a")
    assert [f.timer_id for f in fired] == [ids[0], *ids[2:]]
    assert {f.outcome for f in fired} == {"fired"}
    assert _untouched(app, [ids[1]]) == {("pending", "runner-b", 0)}


@pytest.mark.postgres
def test_claims_in_one_schema_do_not_wait_for_claims_in_another(pg_url):
    """Two installations in schemas of one PostgreSQL database: a claim in one holds
    the claim lock of that installation only (advisory locks are per database)."""
    from sqlalchemy import create_engine, text

    from governance import claims

    app = make_app(pg_url, FixedClock())  # type: ignore[arg-type]
    seed_due_action_items(app, 1, due_at=NOW - dt.timedelta(hours=1))
    other = create_engine(pg_url.split("?")[0])
    try:
        with other.connect() as conn, conn.begin():
            conn.execute(text("SET LOCAL lock_timeout = '3s'"))
            conn.execute(text("CREATE SCHEMA IF NOT EXISTS t_other_installation"))
            conn.execute(text("SET LOCAL search_path = t_other_installation"))
            with Session(bind=conn) as session:
                claims.serialised(session, "timers")  # held until this transaction ends
            with app.db.session() as s, s.begin():
                s.execute(text("SET LOCAL lock_timeout = '3s'"))
                # Taken at once: asked to stop while it waited, it would say False.
                assert claims.serialised(s, "timers", stop=lambda: True)
            assert len(timers.claim_batch(app, NOW, "runner-a", 5)) == 1
            conn.execute(text("DROP SCHEMA t_other_installation"))
    finally:
        other.dispose()
        app.db.dispose()


def test_the_seeded_agenda_item_has_an_audit_record_of_its_own(db_url, caplog) -> None:
    # bench/web.py logged "protected rows written without an audit record: agenda_items:28":
    # the seed wrote its agenda item (a protected row) with no record about it.
    app = make_app(db_url, FixedClock())  # type: ignore[arg-type]
    try:
        with caplog.at_level("WARNING", logger="governance.audit"):
            seed_due_action_items(app, 2, due_at=NOW - dt.timedelta(hours=1))
        assert "without an audit record" not in caplog.text
        with app.db.session() as s:
            records = s.execute(
                select(AuditRecord.action, AuditRecord.entity_type, AuditRecord.digests).where(
                    AuditRecord.entity_type == "agenda_items"
                )
            ).all()
            verified = audit.verify(s)
        assert [(action, entity) for action, entity, _ in records] == [
            ("scale.seed", "agenda_items")
        ]
        assert len(records[0].digests) == 1
        assert verified.ok, verified.problems
    finally:
        app.db.dispose()
