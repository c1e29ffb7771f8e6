"""Several ``gremium run`` processes on one PostgreSQL database.

Four runners share 2,000 due timers whose effects queue one message each,
delivered to one real SMTP server on loopback: every timer fires exactly
once, every message arrives once, nobody deadlocks or crashes, and every
runner does part of the work. (2,000 are 100 claims of 20 timers and 100
batches of 20 mails: the runners contend throughout. How many per second,
at which size, is the benchmark's question: python -m bench --only scale.) Then a runner is SIGKILLed while it holds
claims: its leases run out and the other runner finishes its work.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import socket
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from governance.clock import SystemClock
from governance.mail.dispatch import MARK_EVERY
from governance.models import OutboxMessage, Timer
from tests.conftest import make_app
from tests.mail_support import start_server
from tests.scale_support import (
    CountingMailbox,
    counts,
    gremium,
    runner_env,
    seed_due_action_items,
)

PASS = re.compile(r"(\d+) Zeitgeber ausgelöst, (\d+) Nachrichten versandt")
pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _wait_for(done, procs: list[subprocess.Popen[bytes]], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        for p in procs:
            assert p.poll() is None, (what, p.returncode, p.communicate())
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)  # polling the server's count, not waiting for a timer


def _stop(proc: subprocess.Popen[bytes]) -> tuple[int, str, str]:
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out.decode(), err.decode()


def _fired_and_sent(stdout: str) -> tuple[int, int]:
    passes = [(int(t), int(s)) for t, s in PASS.findall(stdout)]
    return sum(t for t, _ in passes), sum(s for _, s in passes)


def _expected_ids(app) -> list[str]:
    with app.db.session() as session:
        return list(session.execute(select(OutboxMessage.message_id)).scalars())


def test_four_runners_fire_2000_timers_once_and_send_each_message_once(pg_url, tmp_path):
    total = 2_000
    app = make_app(pg_url, SystemClock())  # type: ignore[arg-type]
    seed_due_action_items(app, total, due_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    handler = CountingMailbox()
    controller = start_server(handler)
    env = runner_env(controller.port)
    procs: list[subprocess.Popen[bytes]] = []
    try:
        procs = [gremium(pg_url, "run", "--poll", "1", env=env, cwd=tmp_path) for _ in range(4)]
        _wait_for(lambda: len(handler.received()) >= total, procs, 600, f"{total} messages")
        results = [_stop(p) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        controller.stop()

    for code, out, err in results:
        assert code == 0, err  # no runner crashed, each stopped cleanly on SIGTERM
        assert out.strip().endswith("Gremium beendet."), out[-500:]
        assert "Fehler" not in err and "deadlock" not in err.lower(), err
    shares = [_fired_and_sent(out) for _, out, _ in results]
    assert sum(fired for fired, _ in shares) == total
    assert sum(sent for _, sent in shares) == total
    assert all(fired > 0 for fired, _ in shares), shares  # the load is shared

    assert counts(app) == {
        "timers.fired": total,
        "outbox.sent": total,
        "audit.remind_due": total,
        "committees": 1,
    }
    received = handler.received()
    assert len(received) == len(set(received)) == total  # each message once
    assert sorted(received) == sorted(_expected_ids(app))
    app.db.dispose()


def _leased_to(app, owner: str) -> int:
    with app.db.session() as session:
        timers = session.execute(
            select(func.count()).where(Timer.lease_owner == owner, Timer.status == "pending")
        ).scalar_one()
        mails = session.execute(
            select(func.count()).where(
                OutboxMessage.lease_owner == owner, OutboxMessage.status == "queued"
            )
        ).scalar_one()
    return int(timers) + int(mails)


def test_a_runner_killed_while_holding_claims_is_taken_over_after_its_leases_expire(
    pg_url, tmp_path: Path
):
    total = 300
    app = make_app(pg_url, SystemClock())  # type: ignore[arg-type]
    seed_due_action_items(app, total, due_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    handler = CountingMailbox(delay=0.01)  # a relay that takes its time: claims are held longer
    controller = start_server(handler)
    # Short leases, so the test need not wait ten minutes for the dead runner's claims;
    # the mail lease must still outlast batch_size × smtp_timeout.
    env = runner_env(
        controller.port,
        GREMIUM_TIMER_LEASE_SECONDS="3",
        GREMIUM_MAIL_LEASE_SECONDS="3",
        GREMIUM_MAIL_BATCH_SIZE="2",
        GREMIUM_MAIL_SMTP_TIMEOUT="1",
        GREMIUM_MAIL_RETRY_BASE_SECONDS="1",
    )
    victim = survivor = None
    try:
        victim = gremium(pg_url, "run", "--poll", "0.5", env=env, cwd=tmp_path)
        survivor = gremium(pg_url, "run", "--poll", "0.5", env=env, cwd=tmp_path)
        owner = f"{socket.gethostname()}:{victim.pid}"
        _wait_for(lambda: _leased_to(app, owner) > 0, [victim, survivor], 120, "victim's claims")
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
        orphaned = _leased_to(app, owner)
        assert orphaned > 0, "the kill did not land while the runner held claims"

        def finished() -> bool:
            c = counts(app)
            return c.get("timers.fired") == total and c.get("outbox.sent") == total

        _wait_for(finished, [survivor], 180, "the survivor to take over")
        code, _out, err = _stop(survivor)
    finally:
        for p in (victim, survivor):
            if p is not None and p.poll() is None:
                p.kill()
        controller.stop()

    assert victim.returncode == -signal.SIGKILL
    assert code == 0 and "Fehler" not in err, err
    assert _leased_to(app, owner) == 0  # the dead runner's claims were all taken over
    assert counts(app) == {
        "timers.fired": total,
        "outbox.sent": total,
        "audit.remind_due": total,  # no timer fired twice, none lost
        "committees": 1,
    }
    received = handler.received()
    assert sorted(set(received)) == sorted(_expected_ids(app))  # nothing lost
    resent = Counter(received) - Counter(set(received))
    # At most the victim's accepted but not yet marked messages are sent again
    # (within its batch of 2), with the same Message-ID.
    assert sum(resent.values()) <= min(2, MARK_EVERY), resent
    app.db.dispose()
