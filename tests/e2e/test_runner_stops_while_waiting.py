"""``gremium run`` stops within seconds of SIGTERM even while it waits for a lock
another runner holds (PostgreSQL, a real subprocess): a service manager must not
have to kill it, and a wait must never last without end."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from governance import claims
from governance.clock import SystemClock
from governance.models import AuditHead, Timer
from tests.conftest import make_app
from tests.e2e.test_catch_up import _drop, _schema_url
from tests.scale_support import gremium, runner_env, seed_due_action_items

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _stop(proc: subprocess.Popen[bytes]) -> tuple[float, str]:
    proc.send_signal(signal.SIGTERM)
    sent = time.monotonic()
    try:
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    return time.monotonic() - sent, err.decode()


@pytest.mark.parametrize("held", ["claim lock", "audit head"])
def test_a_runner_waiting_for_a_lock_another_holds_stops_soon_after_sigterm(
    tmp_path: Path, held: str
) -> None:
    schema, url = _schema_url()
    app = make_app(url, SystemClock())  # type: ignore[arg-type]
    [timer_id] = seed_due_action_items(
        app, 1, due_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    )
    app.db.dispose()
    other = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    env = runner_env(0)
    env["GREMIUM_MAIL_DELIVERY"] = "maildir"
    env["GREMIUM_MAIL_MAILDIR"] = str(tmp_path / "mail")
    try:
        with other.connect() as conn, conn.begin():
            # Another runner, stood still in the middle of its transaction.
            if held == "claim lock":
                conn.execute(
                    select(
                        func.pg_advisory_xact_lock(
                            claims._lock_key("timers"), func.hashtext(func.current_schema())
                        )
                    )
                )
            else:
                conn.execute(select(AuditHead.id).where(AuditHead.id == 1).with_for_update())
            proc = gremium(url, "run", "--poll", "0.5", env=env, cwd=tmp_path)
            time.sleep(6)  # started, and waiting for the lock
            assert proc.poll() is None, proc.communicate()
            took, err = _stop(proc)
            assert proc.returncode == 0, err
            assert took < 10, f"stopped {took:.1f} s after SIGTERM"
            assert "Fehler" not in err, err
        # The lock is free again: the timer was not lost, failed or fired twice.
        with other.connect() as conn:
            status = conn.scalar(select(Timer.status).where(Timer.id == timer_id))
        assert status == "pending"
    finally:
        other.dispose()
        _drop(schema)
