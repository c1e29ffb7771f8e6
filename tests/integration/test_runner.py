"""``gremium run``'s wake-ups: a pass fires due timers then sends mail; on the
system clock the scheduler also wakes at the next due timer."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from governance.bootstrap import App
from governance.examples import treptow_koepenick as tk
from governance.mail.settings import MailSettings
from governance.models import Timer
from governance.runner import Runner
from governance.services import agreements
from tests.conftest import migrate
from tests.mail_support import seed


class FixedClock:
    """A clock that is not simulated (so the runner schedules real wake-ups) but stands still."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def now(self) -> dt.datetime:
        return self.moment


def opened(app: App) -> App:
    seed(app)
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        agreements.open_for_signature(uow, agreements.version_by_ref(uow.session, "1/1"))
    return app


def test_one_pass_fires_the_due_reminder_and_sends_it_with_the_rest(app, tmp_path):
    opened(app)
    runner = Runner(app, MailSettings(maildir=str(tmp_path / "mail")))
    first = runner.run_once()
    assert first.fired == [] and len(first.mail.sent) == 11
    with app.db.session() as session:
        due = session.query(Timer).filter_by(status="pending").order_by(Timer.due_at).first().due_at
    app.clock.advance_to(due)
    second = runner.run_once()
    assert [f.name for f in second.fired] == ["signature_reminder"]
    assert len(second.mail.sent) == len(list((tmp_path / "mail" / "new").iterdir())) - 11 > 0


def test_on_the_system_clock_the_runner_also_wakes_at_the_next_due_timer(app, tmp_path):
    opened(app)
    with app.db.session() as session:
        due = session.query(Timer).filter_by(status="pending").order_by(Timer.due_at).first().due_at
    app.clock = FixedClock(app.clock.now())
    runner = Runner(app, MailSettings(maildir=str(tmp_path / "mail")))
    scheduler = BackgroundScheduler()
    runner._schedule_next_timer(scheduler, lambda: None)
    job = scheduler.get_job("next-timer")
    assert job is not None and job.trigger.run_date == due


def _due_items(app: App, count: int) -> None:
    from tests.scale_support import seed_due_action_items

    seed_due_action_items(app, count, due_at=app.clock.now() - dt.timedelta(hours=1))


def test_a_pass_fires_in_rounds_and_sends_each_rounds_mail_before_the_next(
    app, tmp_path, monkeypatch
):
    import governance.runner as runner_module

    monkeypatch.setattr(runner_module, "TIMERS_PER_ROUND", 2)
    _due_items(app, 5)
    report = Runner(app, MailSettings(maildir=str(tmp_path / "mail"))).run_once()
    assert len(report.fired) == 5 and {f.outcome for f in report.fired} == {"fired"}
    assert len(report.mail.sent) == 5 == len(list((tmp_path / "mail" / "new").iterdir()))


def test_with_the_relay_down_every_due_timer_still_fires_in_one_pass(app, monkeypatch):
    import governance.runner as runner_module
    from tests.mail_support import free_port, smtp_settings

    monkeypatch.setattr(runner_module, "TIMERS_PER_ROUND", 2)
    _due_items(app, 5)
    report = Runner(app, smtp_settings(free_port(), smtp_timeout=1.0)).run_once()
    assert len(report.fired) == 5
    assert report.mail.unavailable and report.mail.sent == []


def test_a_missing_audit_key_is_told_once_and_the_due_timer_fires_once_it_is_back(
    sqlite_url, clock, tmp_path
):
    """`gremium run` meets the same fault at every poll: one line for the operator,
    the timer stays pending and free, and it fires at the first pass after the fix."""
    from governance.bootstrap import build_app
    from governance.config import Settings
    from governance.errors import ConfigurationError
    from governance.services import audit_trail

    settings = Settings(database=sqlite_url, audit_key_file=str(tmp_path / "audit.key"))
    app = build_app(settings, clock=clock, check_schema=False)
    migrate(app.db)
    audit_trail.ensure_keyed(app)
    _due_items(app, 1)
    key = app.db.audit_keys.path
    assert key is not None
    key.rename(key.with_suffix(".moved"))
    app.db.audit_keys.forget()
    errors: list[BaseException] = []
    passes: list[Any] = []
    runner = Runner(app, MailSettings(maildir=str(tmp_path / "mail")))
    try:
        for _ in range(3):
            runner.pass_once(passes.append, errors.append)
        assert len(errors) == 1 and isinstance(errors[0], ConfigurationError) and passes == []
        with app.db.session() as session:
            timer = session.query(Timer).filter_by(name="action_item_due").one()
            assert (timer.status, timer.lease_owner, timer.attempts) == ("pending", None, 0)
        key.with_suffix(".moved").rename(key)
        app.db.audit_keys.forget()
        runner.pass_once(passes.append, errors.append)
        assert len(errors) == 1 and [f.outcome for f in passes[0].fired] == ["fired"]
    finally:
        app.db.dispose()


@pytest.mark.postgres
def test_a_runner_frozen_in_a_transaction_keeps_no_writer_waiting_beyond_its_lease(
    pg_url, tmp_path
):
    """A runner stopped between two statements of a transaction (SIGSTOP, a paused
    machine) holds the rows every writer locks at commit (the data version here, the
    audit chain's head alike). PostgreSQL ends that transaction once it has stood still
    as long as the runner's shortest lease, so another writer goes on; the frozen
    runner, let go on, finds its transaction ended and says nothing of it (the next
    pass does the work again)."""
    import dataclasses
    import time

    from sqlalchemy import create_engine, text, update

    from governance import runner as runner_module
    from governance.clock import SystemClock
    from governance.reads.tables import data_version
    from tests.conftest import make_app

    app = make_app(pg_url, SystemClock())  # type: ignore[arg-type]
    app.settings = dataclasses.replace(app.settings, timer_lease_seconds=1)
    Runner(app, MailSettings(maildir=str(tmp_path / "mail"), lease_seconds=60))
    other = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        frozen = app.db.engine.connect()
        frozen.begin()
        frozen.execute(update(data_version).values(version=data_version.c.version + 1))
        time.sleep(2.5)  # frozen longer than the 1 s timer lease
        with other.begin() as conn:
            conn.execute(text("SET LOCAL lock_timeout = '5s'"))
            conn.execute(update(data_version).values(version=data_version.c.version + 1))
        with pytest.raises(Exception) as ended:
            frozen.execute(text("SELECT 1"))
        assert runner_module._ended_by_timeout(ended.value), repr(ended.value)
        frozen.invalidate()
        frozen.close()
    finally:
        other.dispose()
        app.db.dispose()


def _serve_while_stopped_during_scheduling(url: str, maildir: str) -> None:
    """In a process of its own (serve() installs signal handlers: the main thread): SIGTERM
    arrives while a pass asks the database for the next timer, then the pass puts it
    into the scheduler."""
    import os
    import signal
    import time

    from governance.clock import SystemClock
    from tests.conftest import make_app

    app = opened(make_app(url, SystemClock()))  # type: ignore[arg-type]
    runner = Runner(app, MailSettings(maildir=maildir))
    asked = runner.next_timer_due

    def next_timer_due() -> dt.datetime | None:
        due = asked()
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1.0)  # serve() meanwhile stops the scheduler
        return due

    runner.next_timer_due = next_timer_due  # type: ignore[method-assign]
    runner.serve(60, on_pass=lambda report: None, on_error=lambda exc: None)


def test_sigterm_while_a_pass_schedules_the_next_timer_ends_the_runner(tmp_path):
    """SIGTERM during the moment a pass puts the next due timer into the scheduler: the
    runner ends (it used to wait for ever: shutdown() held the scheduler's lock while
    waiting for the pass, and the pass waited for that lock to add the job)."""
    import multiprocessing

    child = multiprocessing.get_context("fork").Process(
        target=_serve_while_stopped_during_scheduling,
        args=(f"sqlite:///{tmp_path / 'g.db'}", str(tmp_path / "mail")),
    )
    child.start()
    child.join(30)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail("the runner did not end within 30 s of SIGTERM")
    assert child.exitcode == 0
