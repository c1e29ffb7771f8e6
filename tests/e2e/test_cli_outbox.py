"""``gremium outbox …`` and ``gremium run`` end to end, and a dispatcher killed
with SIGKILL in the middle of a fan-out: after a restart every message has
arrived, any duplicate with the same Message-ID."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from governance.examples import treptow_koepenick as tk
from governance.mail.dispatch import MARK_EVERY
from tests.conftest import START, make_app
from tests.e2e.gremium_cli import Gremium, isolate
from tests.mail_support import Mailbox, fan_out, seed, start_server, statuses

CHAIR = tk.CHAIR_EMAIL
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    for var in [v for v in os.environ if v.startswith("GREMIUM_MAIL_")]:
        monkeypatch.delenv(var)
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)
    g.ok("init", "--example", "treptow-koepenick")
    return g


def test_queued_mails_are_listed_sent_to_the_maildir_and_listed_as_sent(gremium, tmp_path):
    gremium.ok("agreement", "open", "1", actor=CHAIR)
    queued = gremium.json("outbox", "list")
    assert len(queued) == 11 and {m["status"] for m in queued} == {"queued"}
    assert queued[0]["subject"] == "Bitte unterzeichnen: Kooperationsvereinbarung KG, Fassung 1"
    table = gremium.ok("outbox", "list")
    assert "Betreff" in table.splitlines()[0]
    assert gremium.ok("outbox", "send") == "11 versandt, 0 zurückgestellt, 0 gescheitert.\n"
    assert len(list((tmp_path / "mail" / "new").iterdir())) == 11
    assert {m["status"] for m in gremium.json("outbox", "list")} == {"sent"}
    assert gremium.ok("outbox", "list", "--failed") == "Keine Nachrichten.\n"
    assert gremium.ok("--lang", "en", "outbox", "send") == "0 sent, 0 deferred, 0 failed.\n"


def test_the_secretariat_requeues_a_failed_message_a_partner_may_not_and_a_sent_one_is_not_resent(
    gremium, tmp_path
):
    gremium.ok("agreement", "open", "1", actor=CHAIR)
    from sqlalchemy import create_engine, text

    engine = create_engine(gremium.url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE outbox SET status = 'failed', last_error = 'x' WHERE id = 1"))
    engine.dispose()
    assert [m["id"] for m in gremium.json("outbox", "list", "--failed")] == [1]
    assert gremium.refused("outbox", "retry", "1", actor="gf@rabenhaus.example.org") == (
        "Fehler: gf@rabenhaus.example.org darf „Nachrichten erneut versenden“ nicht ausführen: "
        "nur Vorsitz / Geschäftsstelle des Gremiums „KG“ darf das."
    )
    assert [m["id"] for m in gremium.json("outbox", "list", "--failed")] == [1]
    assert gremium.ok("outbox", "retry", "1", actor=tk.SECRETARIAT_EMAIL) == (
        "Nachricht 1 an spk@ba-tk.example.org steht wieder zum Versand an.\n"
    )
    retried = gremium.json("audit", "log", "--entity", "outbox:1")
    assert [(r["actor"], r["outcome"], r["from_state"], r["to_state"]) for r in retried] == [
        ("gf@rabenhaus.example.org", "refused", None, None),
        (tk.SECRETARIAT_EMAIL, "done", "failed", "queued"),
    ]
    gremium.ok("outbox", "send")
    assert gremium.refused("outbox", "retry", "1", actor=CHAIR) == (
        "Fehler: Nachricht 1 wurde bereits versandt und wird nicht erneut gesendet."
    )
    assert gremium.refused("outbox", "retry", "999", actor=CHAIR) == (
        "Fehler: Nachricht „999“ gibt es nicht."
    )


def test_after_an_outage_all_failed_messages_are_requeued_with_one_command(gremium, tmp_path):
    gremium.ok("agreement", "open", "1", actor=CHAIR)
    from sqlalchemy import create_engine, text

    engine = create_engine(gremium.url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE outbox SET status = 'failed', last_error = '451' WHERE id <= 9"))
        conn.execute(
            text("UPDATE outbox SET created_at = '2026-01-01 08:00:00.000000' WHERE id <= 4")
        )
    engine.dispose()
    assert gremium.refused("outbox", "retry", actor=CHAIR) == (
        "Fehler: Entweder eine Nachrichtennummer oder --failed angeben (--since nur mit --failed)."
    )
    assert gremium.refused("outbox", "retry", "1", "--failed", actor=CHAIR).startswith("Fehler: ")
    assert gremium.refused(
        "outbox", "retry", "--failed", "--since", "gestern", actor=CHAIR
    ).startswith("Fehler: ")
    assert gremium.refused("outbox", "retry", "--failed", actor="gf@rabenhaus.example.org")
    assert len(gremium.json("outbox", "list", "--failed")) == 9
    assert gremium.ok(
        "outbox", "retry", "--failed", "--since", "2026-01-05", actor=tk.SECRETARIAT_EMAIL
    ) == ("5 gescheiterte Nachricht(en) stehen wieder zum Versand an.\n")
    assert gremium.ok("outbox", "retry", "--failed", actor=CHAIR) == (
        "4 gescheiterte Nachricht(en) stehen wieder zum Versand an.\n"
    )
    assert gremium.json("outbox", "list", "--failed") == []
    assert gremium.ok("outbox", "send") == "11 versandt, 0 zurückgestellt, 0 gescheitert.\n"
    retried = gremium.json("audit", "log", "--entity", "outbox:1")
    assert [(r["actor"], r["from_state"], r["to_state"]) for r in retried] == [
        (CHAIR, "failed", "queued")
    ]


def test_run_once_fires_due_timers_and_sends_what_they_queued(gremium, tmp_path):
    gremium.ok("agreement", "open", "1", actor=CHAIR)
    gremium.ok("outbox", "send")
    gremium.ok("tick", "--until", "2026-01-19 09:00")  # the weekly reminder is due now
    gremium.ok("outbox", "send")
    before = len(list((tmp_path / "mail" / "new").iterdir()))
    gremium.ok("tick", "--until", "2026-01-26 09:00")
    out = gremium.ok("run", "--once")
    assert out.endswith("Nachrichten versandt, 0 zurückgestellt, 0 gescheitert.\n")
    assert len(list((tmp_path / "mail" / "new").iterdir())) > before


def test_run_reports_a_failed_timer_and_the_chair_is_told_by_mail(gremium, tmp_path, monkeypatch):
    from governance import outbox

    gremium.ok("agreement", "open", "1", actor=CHAIR)
    gremium.ok("outbox", "send")
    real_queue = outbox.queue

    def queue(uow: Any, **kwargs: Any) -> Any:
        if kwargs["notification"] == "signature_reminder":
            raise OSError("[Errno 28] No space left on device")
        return real_queue(uow, **kwargs)

    monkeypatch.setattr(outbox, "queue", queue)
    gremium.ok("tick", "--until", "2026-01-19 08:00")
    from sqlalchemy import create_engine, text

    engine = create_engine(gremium.url)
    with engine.begin() as conn:  # the clock moves on without firing: the reminder is due now
        conn.execute(
            text(
                "UPDATE settings SET value = '2026-01-19T09:30:00+00:00' "
                "WHERE key = 'simulated_clock'"
            )
        )
    engine.dispose()
    code, _out, err = gremium("run", "--once")
    assert code == 0, err
    failed = gremium.json("timers", "list", "--failed")
    assert len(failed) == 1
    assert f"Zeitgeber {failed[0]['id']} (" in err and "No space left on device" in err
    notice = [m for m in gremium.json("outbox", "list") if m["notification"] == "delivery_failed"]
    assert [(m["recipient"], m["status"]) for m in notice] == [(CHAIR, "queued")]


def test_an_unknown_mail_setting_is_one_line_and_exit_2(gremium, monkeypatch):
    monkeypatch.setenv("GREMIUM_MAIL_DELIVERY", "pigeon")
    line = gremium.refused("outbox", "send")
    assert "„mail.delivery“ muss eines von maildir, smtp sein, nicht „pigeon“" in line


# --- a dispatcher killed in the middle of a fan-out ---


def _env(tmp_path: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREMIUM_")}
    env.update(
        GREMIUM_CLOCK="simulated",
        GREMIUM_SIMULATED_START=START.strftime("%Y-%m-%d %H:%M"),
        GREMIUM_MAIL_DELIVERY="smtp",
        GREMIUM_MAIL_SMTP_HOST="127.0.0.1",
        GREMIUM_MAIL_SMTP_PORT=str(port),
        GREMIUM_MAIL_SMTP_SECURITY="none",
        GREMIUM_MAIL_BATCH_SIZE="10",
        PYTHONPATH=str(REPO),
    )
    return env


def _gremium(url: str, *args: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "governance", "--db", url, *args],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
@pytest.mark.parametrize("command", [("outbox", "send"), ("run", "--poll", "1")])
def test_a_dispatcher_killed_mid_fan_out_loses_nothing_after_a_restart(
    db_url, clock, tmp_path, command
):
    app = make_app(db_url, clock)
    seed(app)
    addresses = fan_out(app, 50, calendar=True)
    handler = Mailbox(delay=0.05)  # a slow relay: the kill lands in the middle
    controller = start_server(handler)
    env = _env(tmp_path, controller.port)
    try:
        first = _gremium(db_url, *command, env=env, cwd=tmp_path)
        deadline = time.monotonic() + 60
        while len(handler.recipients()) < 15:
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the dispatcher did not get going"
            time.sleep(0.02)  # waiting for the relay to receive, not for a timer
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        assert 15 <= len(handler.recipients()) < 50, "the kill did not land mid fan-out"

        # The dead process's claims expire with their lease (15 minutes): move the clock on.
        later = (START + dt.timedelta(minutes=20)).strftime("%Y-%m-%d %H:%M")
        tick = _gremium(db_url, "tick", "--until", later, env=env, cwd=tmp_path)
        assert tick.wait(timeout=60) == 0, tick.communicate()
        second = _gremium(db_url, "run", "--once", env=env, cwd=tmp_path)
        out, err = second.communicate(timeout=120)
        assert second.returncode == 0, err.decode()
        assert "Nachrichten versandt, 0 zurückgestellt, 0 gescheitert." in out.decode()
    finally:
        controller.stop()
        app.db.dispose()

    ids_by_recipient: dict[str, set[str]] = defaultdict(set)
    for message in handler.messages():
        ids_by_recipient[message["To"].addresses[0].addr_spec].add(message["Message-ID"])
    assert sorted(ids_by_recipient) == sorted(addresses)
    assert all(len(ids) == 1 for ids in ids_by_recipient.values()), (
        "a duplicate had a new Message-ID"
    )
    # At most the messages the relay had accepted but the dead process had not
    # yet marked sent (one group of MARK_EVERY, within one batch of 10) arrive twice.
    assert len(handler.recipients()) - 50 <= min(10, MARK_EVERY)
    assert set(statuses(make_app(db_url, clock)).values()) == {"sent"}


@pytest.mark.slow
def test_sigterm_stops_run_after_the_message_in_hand_and_a_restart_sends_the_rest_once(
    sqlite_url, clock, tmp_path
):
    app = make_app(sqlite_url, clock)
    seed(app)
    addresses = fan_out(app, 30)
    handler = Mailbox(delay=0.05)
    controller = start_server(handler)
    env = _env(tmp_path, controller.port)
    try:
        first = _gremium(sqlite_url, "run", "--poll", "1", env=env, cwd=tmp_path)
        deadline = time.monotonic() + 60
        while len(handler.recipients()) < 5:
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.02)
        first.send_signal(signal.SIGTERM)
        out, _err = first.communicate(timeout=30)
        assert first.returncode == 0
        assert out.decode().strip().endswith("Gremium beendet.")
        received = len(handler.recipients())
        assert received < 30
        assert list(statuses(app).values()).count("sent") == received  # nothing in hand was lost
        # No claim is left behind: a restart sends the rest at once, without waiting for a lease.
        second = _gremium(sqlite_url, "outbox", "send", env=env, cwd=tmp_path)
        assert second.wait(timeout=120) == 0
    finally:
        controller.stop()
    assert sorted(handler.recipients()) == sorted(addresses)  # each exactly once
    app.db.dispose()
