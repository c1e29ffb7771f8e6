"""Two ``gremium tick`` processes on one database at the same time.

The second waits for the first (one process at a time moves the shared
simulated clock), then goes on from where the first left the clock: the
stored clock never moves backwards, nothing crashes, and the weekly
signature reminders of the whole period fire once each — the same as one
tick alone on the same data.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from governance.examples import treptow_koepenick as tk
from governance.models import AuditRecord, OutboxMessage, Setting, Timer
from tests.scale_support import REPO

pytestmark = pytest.mark.slow


def _env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("GREMIUM_")}
    env.update(
        GREMIUM_CLOCK="simulated",
        GREMIUM_SIMULATED_START="2026-01-12 09:00",
        GREMIUM_ATTACH_DOCUMENTS="false",
        PYTHONPATH=str(REPO),
    )
    return env


def _gremium(url: str, *args: str, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "governance", "--db", url, *args],
        env=_env(),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _ok(url: str, *args: str, cwd: Path) -> str:
    proc = _gremium(url, *args, cwd=cwd)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    return out.decode()


def _prepared(url: str, cwd: Path) -> None:
    _ok(url, "init", "--example", "treptow-koepenick", cwd=cwd)
    _ok(url, "--as", tk.CHAIR_EMAIL, "agreement", "open", "1", cwd=cwd)


def _outcome(url: str) -> tuple[str, int, int, int]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        clock = conn.scalar(select(Setting.value).where(Setting.key == "simulated_clock"))
        reminders = conn.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.notification == "signature_reminder")
        )
        fired = conn.scalar(select(func.count()).select_from(Timer).where(Timer.status == "fired"))
        rounds = conn.scalar(
            select(func.count())
            .select_from(AuditRecord)
            .where(AuditRecord.action == "remind_signatories")
        )
    engine.dispose()
    return str(clock), int(reminders or 0), int(fired or 0), int(rounds or 0)


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_a_second_tick_waits_for_the_first_and_the_clock_never_moves_backwards(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        url, reference = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    else:
        url = request.getfixturevalue("pg_url")
        reference = f"sqlite:///{tmp_path / 'b.db'}"
    _prepared(url, tmp_path)
    _prepared(reference, tmp_path)

    far = _gremium(url, "tick", "--until", "2026-04-20 12:00", cwd=tmp_path)
    near = _gremium(url, "tick", "--until", "2026-03-02 12:00", cwd=tmp_path)
    results = [(p.wait(timeout=300), *p.communicate()) for p in (far, near)]
    for code, _out, err in results:
        # The near tick either ran first or found the clock past its moment: never a crash.
        assert code in (0, 2), err.decode()
        assert b"Traceback" not in err, err.decode()
    assert any(code == 0 for code, _, _ in results)

    _ok(reference, "tick", "--until", "2026-04-20 12:00", cwd=tmp_path)
    clock, reminders, fired, rounds = _outcome(url)
    assert clock.startswith("2026-04-20T10:00")  # 12:00 Berlin (summer time), stored in UTC
    assert (reminders, fired, rounds) == _outcome(reference)[1:]
    assert rounds >= 10  # weekly from mid-January to late April
