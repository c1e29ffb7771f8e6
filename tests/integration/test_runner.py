"""``gremium run``'s wake-ups: a pass fires due timers then sends mail; on the
system clock the scheduler also wakes at the next due timer."""

from __future__ import annotations

import datetime as dt
from typing import Any

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
