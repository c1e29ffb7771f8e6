"""An interrupted ``gremium tick`` (Ctrl+C) gives back what it has not fired,
as ``gremium run`` does: the next tick fires it at once, in due order."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from governance.examples import treptow_koepenick as tk

CHAIR = tk.CHAIR_EMAIL


def _gremium(url: str, *args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "governance", "--db", url, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _ok(url: str, *args: str, env: dict[str, str]) -> str:
    process = _gremium(url, *args, env=env)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return out


def _count(url: str, sql: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar() or 0)
    finally:
        engine.dispose()


def test_an_interrupted_tick_gives_back_its_claims_and_the_next_tick_fires_them(tmp_path: Path):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GREMIUM_")},
        "GREMIUM_CLOCK": "simulated",
        "GREMIUM_SIMULATED_START": "2026-01-12 09:00",
        "GREMIUM_ATTACH_DOCUMENTS": "false",
    }
    url = f"sqlite:///{tmp_path / 'gremium.db'}"
    _ok(url, "init", "--example", "treptow-koepenick", env=env)
    _ok(url, "--as", CHAIR, "meeting", "series", "add", "--title", "Sitzung",
        "--rrule", "FREQ=MONTHLY;BYDAY=2WE", "--start", "2026-02-11 10:00",
        "--location", "Rathaus Köpenick", env=env)  # fmt: skip
    pending = _count(url, "SELECT count(*) FROM timers WHERE status = 'pending'")
    assert pending > 20

    tick = _gremium(url, "tick", "--until", "2027-01-31 00:00", env=env)
    deadline = time.monotonic() + 120
    while _count(url, "SELECT count(*) FROM timers WHERE status = 'fired'") < 3:
        assert tick.poll() is None, "the tick ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    tick.send_signal(signal.SIGINT)
    out, err = tick.communicate(timeout=120)

    assert tick.returncode == 130, (out, err)
    assert "Traceback" not in err
    assert err.strip().startswith("Abgebrochen:"), err
    fired_first = _count(url, "SELECT count(*) FROM timers WHERE status = 'fired'")
    assert fired_first < pending, "the tick was not interrupted in the middle"
    # Nothing is left claimed: no lease to wait for.
    assert _count(url, "SELECT count(*) FROM timers WHERE lease_owner IS NOT NULL") == 0

    # The next tick fires what is left at once, the earliest first.
    earliest = _count(
        url,
        "SELECT id FROM timers WHERE status = 'pending' AND due_at <= '2027-01-31' "
        "ORDER BY due_at, id LIMIT 1",
    )
    again = json.loads(_ok(url, "tick", "--until", "2027-01-31 00:00", "--json", env=env))
    assert again["interrupted"] is False
    assert again["fired"][0]["timer_id"] == earliest
    due = [f["due_at"] for f in again["fired"]]
    assert due == sorted(due)
    assert (
        _count(
            url, "SELECT count(*) FROM timers WHERE status = 'pending' AND due_at <= '2027-01-30'"
        )
        == 0
    )
