"""Gremium under faults on purpose: runners killed and frozen in the middle of a
fan-out to a real SMTP server on loopback, on PostgreSQL.

* killed (SIGKILL) at random points at least ten times and restarted each
  time: nothing is lost, no timer fires twice, at most MARK_EVERY (10)
  messages are sent again per kill, each with the Message-ID of its first
  copy, and the audit trail verifies;
* frozen (SIGSTOP) for longer than its mail lease while another runner
  takes over, then let go on (SIGCONT): it sends nothing it no longer holds.

Short leases make the test wait seconds, not the production ten minutes.
The figures (lost, duplicates per kill, wall time) are printed (``-s``).
"""

from __future__ import annotations

import datetime as dt
import random
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from governance import audit
from governance.clock import SystemClock
from governance.mail.dispatch import MARK_EVERY
from governance.models import OutboxMessage
from tests.conftest import make_app
from tests.mail_support import start_server
from tests.scale_support import CountingMailbox, counts, gremium, runner_env, seed_due_action_items

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

LEASES = {
    "GREMIUM_TIMER_LEASE_SECONDS": "2",
    "GREMIUM_MAIL_LEASE_SECONDS": "3",
    "GREMIUM_MAIL_BATCH_SIZE": "5",
    "GREMIUM_MAIL_SMTP_TIMEOUT": "0.5",
}


def _expected_ids(app) -> set[str]:
    with app.db.session() as session:
        return set(session.execute(select(OutboxMessage.message_id)).scalars())


def _finished(app, total: int) -> bool:
    c = counts(app)
    return c.get("timers.fired") == total and c.get("outbox.sent") == total


def _wait(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)  # polling what the relay and the database report


def _stop(proc: subprocess.Popen[bytes]) -> str:
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    return err.decode()


def _audit_ok(app) -> None:
    with app.db.session() as session:
        verified = audit.verify(session)
    assert verified.ok, verified.problems


def _duplicates_per_run(received: list[str], boundaries: list[int]) -> list[int]:
    """Messages that arrived more than once, by the run during which their first copy arrived."""
    first: dict[str, int] = {}
    for index, message_id in enumerate(received):
        first.setdefault(message_id, index)
    extra = Counter(received) - Counter(set(received))
    runs = [0] * (len(boundaries) + 1)
    for message_id, n in extra.items():
        run = sum(1 for b in boundaries if first[message_id] >= b)
        runs[run] += n
    return runs


def test_a_runner_killed_at_random_points_loses_nothing_and_resends_at_most_ten_per_kill(
    pg_url, tmp_path: Path
):
    total, kills = 1000, 10
    app = make_app(pg_url, SystemClock())  # type: ignore[arg-type]
    seed_due_action_items(app, total, due_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    handler = CountingMailbox(delay=0.01)
    controller = start_server(handler)
    env = runner_env(controller.port, **LEASES)
    rng = random.Random(20261130)
    boundaries: list[int] = []
    started = time.monotonic()
    proc = None
    try:
        for _ in range(kills):
            proc = gremium(pg_url, "run", "--poll", "0.3", env=env, cwd=tmp_path)
            before = len(handler.received())
            # Kill it at a random point once it is at work (firing or sending).
            _wait(lambda b=before: len(handler.received()) > b, 120, "the runner to send")
            time.sleep(rng.uniform(0.0, 1.0))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            assert proc.returncode == -signal.SIGKILL
            boundaries.append(len(handler.received()))
        assert not _finished(app, total), "the fan-out ended before the tenth kill"
        proc = gremium(pg_url, "run", "--poll", "0.3", env=env, cwd=tmp_path)
        _wait(lambda: _finished(app, total), 300, "the last runner to finish")
        err = _stop(proc)
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
        controller.stop()
    wall = time.monotonic() - started

    assert "Fehler" not in err, err
    received = handler.received()
    expected = _expected_ids(app)
    lost = expected - set(received)
    per_kill = _duplicates_per_run(received, boundaries)
    print(
        f"\nkill test: {kills} kills, {total} messages, lost {len(lost)}, "
        f"duplicates per kill {per_kill[:-1]}, after the last restart {per_kill[-1]}, "
        f"wall {wall:.1f} s"
    )
    assert not lost
    assert set(received) == expected  # every copy carries the Message-ID of a queued message
    assert all(n <= MARK_EVERY for n in per_kill[:-1]), per_kill
    assert per_kill[-1] == 0, per_kill
    assert counts(app) == {
        "timers.fired": total,
        "outbox.sent": total,
        "audit.remind_due": total,  # no timer fired twice
        "committees": 1,
    }
    _audit_ok(app)
    app.db.dispose()


def test_a_runner_frozen_longer_than_its_lease_sends_nothing_it_no_longer_holds(
    pg_url, tmp_path: Path
):
    total = 600
    app = make_app(pg_url, SystemClock())  # type: ignore[arg-type]
    seed_due_action_items(app, total, due_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    handler = CountingMailbox(delay=0.01)
    controller = start_server(handler)
    env = runner_env(controller.port, **LEASES)
    started = time.monotonic()
    frozen = survivor = None
    try:
        frozen = gremium(pg_url, "run", "--poll", "0.3", env=env, cwd=tmp_path)
        _wait(lambda: len(handler.received()) >= 20, 120, "the first runner to send")
        frozen.send_signal(signal.SIGSTOP)
        at_freeze = len(handler.received())
        survivor = gremium(pg_url, "run", "--poll", "0.3", env=env, cwd=tmp_path)
        time.sleep(5)  # longer than the mail lease (3 s): the survivor takes the batch over
        _wait(lambda: len(handler.received()) > at_freeze + 20, 120, "the survivor to send")
        frozen.send_signal(signal.SIGCONT)
        _wait(lambda: _finished(app, total), 300, "both runners to finish")
        errors = [_stop(frozen), _stop(survivor)]
    finally:
        for p in (frozen, survivor):
            if p is not None and p.poll() is None:
                p.send_signal(signal.SIGCONT)
                p.kill()
        controller.stop()
    wall = time.monotonic() - started

    assert all("Fehler" not in e for e in errors), errors
    received = handler.received()
    lost = _expected_ids(app) - set(received)
    duplicates = sum((Counter(received) - Counter(set(received))).values())
    print(
        f"\nfreeze test: {total} messages, lost {len(lost)}, duplicates {duplicates}, "
        f"wall {wall:.1f} s"
    )
    assert not lost
    assert duplicates <= MARK_EVERY
    assert counts(app) == {
        "timers.fired": total,
        "outbox.sent": total,
        "audit.remind_due": total,
        "committees": 1,
    }
    _audit_ok(app)
    app.db.dispose()
