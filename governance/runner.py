"""``gremium run``: the long-running service that fires timers and sends mail.

APScheduler (3.x) only decides *when* to wake: every few seconds and at
the next due timer. Its job store is the in-memory one on purpose —
APScheduler 3 must not share a persistent job store between processes, and
the truth about what is due is our own tables (timers, outbox), claimed
row by row, so several runners can serve one PostgreSQL database.

Each wake is one pass: fire every due timer (in due order; after downtime
each missed one fires once), then dispatch the outbox. SIGTERM and SIGINT
stop the service after the timer or message in hand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import event

from governance import claims
from governance.bootstrap import App
from governance.clock import BERLIN, SimulatedClock
from governance.mail.dispatch import DispatchReport, dispatch
from governance.mail.inbound import FetchReport, MailboxUnavailable, fetch
from governance.mail.settings import MailSettings
from governance.mail.transports import Transport, make_transport
from governance.services import timers

LOCK_TIMEOUT_MS = 5000
"""How long the runner's statements wait for a row lock (PostgreSQL ``lock_timeout``).

A wait that would last longer ends with a passing error (the timer is retried,
the pass ends and the next one tries again), so no wait can keep a runner from
seeing SIGTERM for longer than this."""

TIMERS_PER_ROUND = 200
"""Timers fired before the runner sends what they queued (see :meth:`Runner.run_once`)."""


@dataclasses.dataclass
class PassReport:
    fired: list[timers.Fired]
    mail: DispatchReport
    inbound: FetchReport | None = None
    """The pass over the secretariat's mailbox, when one was due ([mail] imap_every_seconds)."""
    inbound_unavailable: str | None = None


class Runner:
    def __init__(
        self,
        app: App,
        mail: MailSettings,
        *,
        transport: Callable[[], Transport] | None = None,
        owner: str | None = None,
    ) -> None:
        self.app = app
        self.mail = mail
        self.transport = transport or (lambda: make_transport(mail))
        self.owner = owner or claims.worker_name()
        self.stopping = threading.Event()
        self._signalled = False
        """SIGTERM or SIGINT arrived (set by the handler; serve() sets :attr:`stopping`)."""
        self._scheduling = threading.Lock()
        """Held while a pass puts the next timer into the scheduler (see serve())."""
        self._last_error: str | None = None
        self._mailbox_read_at: float | None = None
        """time.monotonic() of the last pass over the mailbox (it is read less often)."""
        _bound_lock_waits(app, mail)

    def run_once(self) -> PassReport:
        """One pass: due timers, then the outbox, in rounds of at most TIMERS_PER_ROUND
        timers until none is due: after downtime the first mails go out while
        later timers still fire, and a runner waiting for the audit chain's
        lock leaves the processor to one that sends."""
        stop = self.stopping.is_set
        lease = dt.timedelta(seconds=self.app.settings.timer_lease_seconds)
        fired: list[timers.Fired] = []
        total = DispatchReport()
        while True:
            batch = timers.fire_due(
                self.app,
                self.app.clock.now(),
                owner=self.owner,
                stop=stop,
                lease=lease,
                limit=TIMERS_PER_ROUND,
            )
            fired += batch
            # With the relay down the timers still fire; the mail waits for the next pass.
            if total.unavailable is None:
                report = dispatch(
                    self.app, self.transport(), self.mail, owner=self.owner, stop=stop
                )
                total.sent += report.sent
                total.deferred += report.deferred
                total.failed += report.failed
                total.skipped += report.skipped
                total.unavailable = report.unavailable
            if len(batch) < TIMERS_PER_ROUND or stop():
                result = PassReport(fired, total)
                self._read_mailbox(result)
                return result

    def _read_mailbox(self, report: PassReport) -> None:
        """Every ``imap_every_seconds``: one pass over the secretariat's mailbox.

        After the timers and the outbox: a confirmation link for an objection
        by mail goes out at the next pass. A mailbox that cannot be reached is
        said in the report and tried again at the next due pass.
        """
        if not self.mail.reads_replies or self.stopping.is_set():
            return
        now = time.monotonic()
        if (
            self._mailbox_read_at is not None
            and now - self._mailbox_read_at < self.mail.imap_every_seconds
        ):
            return
        self._mailbox_read_at = now
        try:
            report.inbound = fetch(self.app, self.mail, stop=self.stopping.is_set)
        except MailboxUnavailable as exc:
            report.inbound_unavailable = str(exc)

    def pass_once(
        self,
        on_pass: Callable[[PassReport], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """One pass of the service; an error is told once, not again at every poll.

        A fault of the installation (the disk full, the audit key gone) fails no
        timer and no message: they wait, unclaimed, and every pass meets the
        same fault until it is mended. The operator is told when it first
        occurs or changes, and again after a pass that went through.
        """
        try:
            report = self.run_once()
        except Exception as exc:  # keep serving: the next pass tries again
            if self.stopping.is_set() or _ended_by_timeout(exc):
                # Stopping, a lock held long by another runner, or this runner's own
                # transaction ended by PostgreSQL after standing still a lease long
                # (see _bound_lock_waits): the next pass (or runner) takes it up;
                # nothing to tell the operator.
                return
            said = f"{type(exc).__name__}: {exc}"
            if said != self._last_error:
                self._last_error = said
                on_error(exc)
            return
        self._last_error = None
        on_pass(report)

    def next_timer_due(self) -> dt.datetime | None:
        pending = timers.pending(self.app)
        return pending[0]["due_at"] if pending else None

    def serve(
        self,
        poll_seconds: float,
        on_pass: Callable[[PassReport], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run passes until SIGTERM/SIGINT (or :attr:`stopping` is set)."""
        scheduler = BackgroundScheduler(
            jobstores={"default": MemoryJobStore()},
            executors={"default": ThreadPoolExecutor(max_workers=1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=BERLIN,
        )

        def wake() -> None:
            if self.stopping.is_set():
                return
            self.pass_once(on_pass, on_error)
            self._schedule_next_timer(scheduler, wake)

        scheduler.add_job(
            wake, "interval", seconds=poll_seconds, id="poll", next_run_time=dt.datetime.now(BERLIN)
        )
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)
        }
        scheduler.start()
        try:
            # Polled, not Event.wait(): the handler runs in this thread between two
            # bytecodes, possibly while Event.wait() holds the event's own lock, and
            # Event.set() there would wait for that lock for ever (a runner that
            # ignores SIGTERM). The handler only sets a flag; this loop passes it on.
            while not (self._signalled or self.stopping.is_set()):
                time.sleep(0.2)
            self.stopping.set()
            # A pass putting its next timer into the scheduler finishes that first:
            # shutdown() holds the scheduler's job store lock while it waits for the
            # pass in hand, and add_job() in that pass would wait for the same lock for
            # ever (a runner that ignores SIGTERM). After this no pass adds a job.
            with self._scheduling:
                pass
        finally:
            # wait=True: the pass in hand ends after its current timer or message.
            scheduler.shutdown(wait=True)
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _on_signal(self, signum: int, frame: Any) -> None:
        self._signalled = True  # no lock taken here: see serve()

    def _schedule_next_timer(
        self, scheduler: BackgroundScheduler, wake: Callable[[], None]
    ) -> None:
        # A simulated clock does not run on its own: only the poll (and tick) move things.
        if isinstance(self.app.clock, SimulatedClock) or self.stopping.is_set():
            return
        due = self.next_timer_due()
        with self._scheduling:  # see serve(): never once it is shutting the scheduler down
            if self.stopping.is_set():
                return
            if due is not None and due > self.app.clock.now():
                scheduler.add_job(
                    wake, "date", run_date=due, id="next-timer", replace_existing=True
                )


def _bound_lock_waits(app: App, mail: MailSettings) -> None:
    """Give every connection of the runner a ``lock_timeout`` and an
    ``idle_in_transaction_session_timeout`` (PostgreSQL; SQLite has its busy timeout).

    The second is the runner's shortest lease: a runner frozen in the middle of a
    transaction (stopped, swapped out, its machine paused) holds the row locks every
    writer takes at commit (the audit chain's head, the data versions), so its leases
    running out would free its claims but not those rows, and no other runner, web
    worker or command could commit. PostgreSQL ends such a transaction when it has
    stood still as long as a lease; its work is rolled back and done again by
    whoever holds the claim then, as after a crash. A runner's own transaction that
    stood still that long would have lost its claims anyway."""
    engine = app.db.engine
    if engine.dialect.name != "postgresql":
        return
    idle_ms = 1000 * min(app.settings.timer_lease_seconds, mail.lease_seconds)

    def on_connect(dbapi_connection: Any, record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
            cursor.execute(f"SET idle_in_transaction_session_timeout = {idle_ms}")
        dbapi_connection.commit()

    if not event.contains(engine, "connect", on_connect):
        event.listen(engine, "connect", on_connect)
    engine.dispose()  # connections opened before now get it too, when opened again


_ENDED_BY_TIMEOUT = frozenset({"55P03", "25P03"})
"""SQLSTATEs of a lock wait cut off by ``lock_timeout`` and of a transaction ended by
``idle_in_transaction_session_timeout``."""


def _ended_by_timeout(exc: BaseException) -> bool:
    """Whether *exc* is a lock wait or a frozen transaction ended by its timeout."""
    current: BaseException | None = exc
    while current is not None:
        if getattr(getattr(current, "orig", None), "sqlstate", None) in _ENDED_BY_TIMEOUT:
            return True
        if getattr(current, "sqlstate", None) in _ENDED_BY_TIMEOUT:
            return True
        current = current.__cause__ or current.__context__
    return False
