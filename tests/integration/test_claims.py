"""Claims: several processes share one database without doing the same work twice."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from governance import claims
from governance.bootstrap import App
from governance.examples import treptow_koepenick as tk
from governance.models import Timer
from governance.services import agreements, timers
from tests.mail_support import seed


@pytest.fixture
def kg(any_app: App) -> App:
    seed(any_app)
    with any_app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        agreements.open_for_signature(uow, agreements.version_by_ref(uow.session, "1/1"))
    return any_app


def add_timers(app: App, count: int) -> None:
    with app.db.session() as session, session.begin():
        for i in range(count):
            session.add(
                Timer(
                    workflow="agreement",
                    entity_type="agreement_versions",
                    entity_id=1,
                    name=f"t{i}",
                    trigger="remind",
                    state="open_for_signature",
                    due_at=app.clock.now() - dt.timedelta(minutes=count - i),
                    status="pending",
                    created_at=app.clock.now(),
                    attempts=0,
                )
            )


def test_two_workers_claiming_at_once_never_get_the_same_row(kg):
    add_timers(kg, 40)
    taken: dict[str, list[int]] = {"a": [], "b": []}

    def worker(name: str) -> None:
        while ids := claims.claim(
            kg.db,
            Timer,
            where=[Timer.status == "pending", Timer.name.like("t%")],
            order_by=[Timer.due_at, Timer.id],
            limit=3,
            owner=name,
            now=kg.clock.now(),
            lease=dt.timedelta(minutes=5),
        ):
            taken[name].extend(ids)

    threads = [threading.Thread(target=worker, args=(n,)) for n in taken]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not set(taken["a"]) & set(taken["b"])
    assert len(taken["a"]) + len(taken["b"]) == 40


def test_a_timer_claimed_by_another_runner_fires_only_after_its_lease_ran_out(kg):
    with kg.db.session() as session, session.begin():
        timer = session.query(Timer).filter_by(status="pending").order_by(Timer.due_at).first()
        assert timer is not None
        timer.due_at = kg.clock.now()
        timer.lease_owner = "other-host:4711"
        timer.lease_until = kg.clock.now() + dt.timedelta(minutes=10)
        timer_id = timer.id
    assert [f.timer_id for f in timers.fire_due(kg, kg.clock.now())] == []
    kg.clock.advance(dt.timedelta(minutes=11))
    fired = timers.fire_due(kg, kg.clock.now())
    assert [(f.timer_id, f.outcome) for f in fired] == [(timer_id, "fired")]
    with kg.db.session() as session:
        after = session.get(Timer, timer_id)
        assert after is not None and after.lease_owner is None and after.status == "fired"


def test_after_downtime_a_weekly_reminder_fires_once_and_keeps_its_cadence(kg):
    with kg.db.session() as session:
        reminder = session.query(Timer).filter_by(status="pending", name="signature_reminder").one()
    late = reminder.due_at + dt.timedelta(days=20)
    kg.clock.advance_to(late)  # the runner was down for three weeks
    fired = timers.fire_due(kg, late)
    assert [f.name for f in fired] == ["signature_reminder"]
    with kg.db.session() as session:
        following = (
            session.query(Timer).filter_by(status="pending", name="signature_reminder").one()
        )
    assert following.due_at > late
    assert (following.due_at - reminder.due_at) % dt.timedelta(days=7) == dt.timedelta(0)


def test_a_worker_waiting_for_a_claim_another_holds_gives_up_at_once_when_asked_to_stop(any_app):
    """SIGTERM during the wait for the simulated clock (``gremium run`` on a test installation)."""
    stopping = threading.Event()
    timer = threading.Timer(0.5, stopping.set)
    with claims.exclusively(any_app.db, "simulated-clock", "other:1", busy=RuntimeError):
        timer.start()
        started = time.monotonic()
        with (
            pytest.raises(claims.Stopped),
            claims.exclusively(
                any_app.db, "simulated-clock", "runner:2", busy=RuntimeError, stop=stopping.is_set
            ),
        ):
            pytest.fail("the claim is held by another worker")
        assert time.monotonic() - started < 5  # not the ten minutes it would wait otherwise
    # Freed by its holder, it is taken at once (the stopped waiter left nothing behind).
    with claims.exclusively(any_app.db, "simulated-clock", "runner:3", busy=RuntimeError):
        pass


def test_a_claim_transaction_waiting_for_another_gives_up_when_asked_to_stop(kg):
    """``claims.serialised`` (PostgreSQL advisory lock): tried, not waited for without end."""
    if kg.db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writing transactions itself")
    with kg.db.session() as holder, holder.begin():
        assert claims.serialised(holder, "timers")
        with kg.db.session() as waiter, waiter.begin():
            calls = []
            assert not claims.serialised(waiter, "timers", stop=lambda: calls.append(1) or True)
            assert calls  # it found the lock held and asked whether to stop
    with kg.db.session() as later, later.begin():
        assert claims.serialised(later, "timers", stop=lambda: True)  # free again
