"""Delivering the outbox: claim a batch, send it over one connection, record each outcome.

The batch's messages are written to bytes first (:class:`MessageWriter`: an
attachment shared by the batch, such as the agenda PDF, is encoded once).
A message is marked sent only after the server accepted it, but not in a
transaction of its own: accepted messages wait and are marked together, in
one short transaction, once :data:`MARK_EVERY` of them wait or
:data:`MARK_SECONDS` have passed since the last marks (so a slow relay gets
a mark per message), before any failure or deferral is recorded, and when
the batch ends however it ends (a stop, an exception). If the process dies
before that (SIGKILL, power loss), its claim expires and the accepted but
unmarked messages — at most ``MARK_EVERY``, all from the batch in hand — are
sent again, with the same Message-ID, so the recipient's client shows one
message. (With a mark per message, only the one message in hand could be
sent twice, but that commit per message took about 40 % of the sending
time in ``python -m bench --only fanout``.)
A server refusing one recipient (5xx) fails that message only and adds it to
the chair's notice of the day (:mod:`failure_notices`); a 4xx defers it with
a capped exponential backoff for ``retry_for_hours``; a server that cannot
be reached changes nothing (the messages are no worse for it: no attempt is
counted, the next pass tries again); a refused login stops the pass with a
clear error and leaves everything queued, untried. A runner that stood still
longer than its lease sends nothing another runner has taken over
(:class:`_Lease`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable, Collection

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from governance import claims
from governance.bootstrap import App
from governance.mail import addressing, failure_notices, purpose
from governance.mail.catalogue import NEVER_REPORTED
from governance.mail.message import Calendar, Draft, EncodedAttachment, Mailbox, MessageWriter
from governance.mail.rendering import render_notification
from governance.mail.settings import MailSettings
from governance.mail.transports import Rejected, Transport, Unavailable
from governance.models import Committee, OutboxMessage, Person
from governance.models.core import table_of
from governance.transient import is_transient
from governance.unit_of_work import Actor

_log = logging.getLogger(__name__)

MARK_EVERY = 10
"""At most this many accepted messages wait for their sent mark: what a crash may resend."""
MARK_SECONDS = 1.0
"""Waiting marks are written once this long has passed since the last ones."""


@dataclasses.dataclass
class DispatchReport:
    sent: list[int] = dataclasses.field(default_factory=list)
    deferred: list[int] = dataclasses.field(default_factory=list)
    failed: list[int] = dataclasses.field(default_factory=list)
    skipped: list[int] = dataclasses.field(default_factory=list)
    """Not sent: their purpose had lapsed (governance/mail/purpose.py)."""
    unavailable: str | None = None
    """Why the server could not be reached, if it could not."""


def draft_of(row: OutboxMessage, settings: MailSettings, session: Session) -> Draft:
    """The message as queued; rows queued before rendering at queue time are rendered now."""
    env = row.envelope or {}
    subject, text, html = row.subject, row.body_text, row.body_html
    if subject is None or text is None or html is None or not env:
        committee = session.get(Committee, row.committee_id) if row.committee_id else None
        person = session.get(Person, row.person_id) if row.person_id else None
        if person is None:
            raise ValueError("a message queued before 0003 whose recipient no longer exists")
        contact = addressing.secretariat_contact(session, committee)
        env = addressing.envelope(committee, person, contact)
        layout = addressing.layout_context(committee, person, env)
        rendered = render_notification(
            row.notification, {**row.context, "mail": layout}, row.language
        )
        subject, text, html = rendered.subject, rendered.text, rendered.html
    reply_to = env.get("reply_to_email") or settings.reply_to
    return Draft(
        subject=subject,
        text=text,
        html=html,
        sender=Mailbox(env.get("from_name") or "Gremium", env.get("from_email") or settings.sender),
        recipient=Mailbox(env.get("to_name") or "", row.recipient),
        reply_to=Mailbox(env.get("reply_to_name") or "", reply_to) if reply_to else None,
        message_id=row.message_id or f"<outbox-{row.id}@gremium.invalid>",
        thread_id=row.thread_id,
        date=row.created_at,
        calendar=Calendar(row.calendar.encode("utf-8"), row.calendar_method or "REQUEST")
        if row.calendar
        else None,
        attachments=[
            EncodedAttachment(a["filename"], a["content_type"], a["data"])
            for a in row.attachments or []
        ],
    )


def _with_links(draft: Draft, row: OutboxMessage, session: Session, app: App) -> Draft:
    """*draft* with its action links' markers replaced by fresh tokens' addresses.

    The token exists only in the message as written now: the outbox keeps the
    marker, the database the token's SHA-256 (governance/services/action_links.py).
    A message written again (a retry) gets tokens of its own.
    """
    from governance.services import action_links
    from governance.web_settings import web_settings

    if action_links.MARKER_PATTERN.search(draft.text) is None:
        return draft
    text, html = action_links.fill(
        session,
        row.person_id,
        [draft.text, draft.html],
        web_settings(app.settings).base_url,
        app.clock.now(),
    )
    return dataclasses.replace(draft, text=text, html=html)


def backoff(settings: MailSettings, attempts: int) -> dt.timedelta:
    """1, 2, 4, 8 … times the base delay, at most the maximum."""
    seconds = settings.retry_base_seconds * 2 ** max(attempts - 1, 0)
    return dt.timedelta(seconds=min(seconds, settings.retry_max_seconds))


def dispatch(
    app: App,
    transport: Transport,
    settings: MailSettings,
    *,
    owner: str | None = None,
    stop: Callable[[], bool] = lambda: False,
    only: Collection[int] | None = None,
) -> DispatchReport:
    """Send every queued message that is due; *stop* is asked before each message.

    *only*: just these messages (a sign-in link sent at once, not at the next pass).
    """
    owner = owner or claims.worker_name()
    report = DispatchReport()
    opened = False
    try:
        while not stop():
            now = app.clock.now()
            batch = claims.claim(
                app.db,
                OutboxMessage,
                where=[
                    OutboxMessage.status == "queued",
                    OutboxMessage.next_attempt_at <= now,
                    *([OutboxMessage.id.in_(list(only))] if only is not None else []),
                ],
                order_by=[OutboxMessage.next_attempt_at, OutboxMessage.id],
                limit=settings.batch_size,
                owner=owner,
                now=now,
                lease=dt.timedelta(seconds=settings.lease_seconds),
            )
            if not batch:
                break
            try:
                batch = purpose.without_lapsed(app, batch, report.skipped, owner)
            except Exception as exc:
                # Not the messages' fault: they stay queued, untried, free at once.
                _give_back(app, batch, owner)
                if not is_transient(exc):
                    raise  # e.g. the disk is full: the runner reports it in one line
                _log.warning("checking the purpose of %d messages failed; next pass", len(batch))
                break  # a passing database error: the next pass checks them again
            if not batch:
                continue  # none of them is of use any more: each is recorded as skipped
            if not opened:
                try:
                    transport.open()
                except Unavailable as exc:
                    # The relay cannot be reached: no fault of these messages, so
                    # nothing about them changes (no attempt counted, no backoff);
                    # the next pass tries the relay again.
                    report.unavailable = str(exc)
                    claims.release(app.db, OutboxMessage, batch, owner)
                    break
                except BaseException:
                    claims.release(app.db, OutboxMessage, batch, owner)
                    raise
                opened = True
            try:
                if not _send_batch(app, transport, settings, batch, owner, report, stop):
                    break
            except BaseException:
                # What is not marked yet stays queued and is free at once (an accepted
                # message whose mark could not be written is sent again, same Message-ID).
                _give_back(app, batch, owner)
                raise
    finally:
        if opened:
            transport.close()
    return report


def _send_batch(
    app: App,
    transport: Transport,
    settings: MailSettings,
    batch: list[int],
    owner: str,
    report: DispatchReport,
    stop: Callable[[], bool],
) -> bool:
    """Send *batch*; False when the pass must end (server gone, or asked to stop)."""
    # The whole batch is read and built in one session (not one query per
    # message). On SQLite even this read holds the write lock (BEGIN
    # IMMEDIATE): failures are recorded after it.
    built: dict[int, tuple[bytes, str, str] | str] = {}
    writer = MessageWriter()
    with app.db.session() as session:
        rows = session.execute(select(OutboxMessage).where(OutboxMessage.id.in_(batch))).scalars()
        for row in rows:
            try:
                draft = _with_links(draft_of(row, settings, session), row, session, app)
                sender, recipient = draft.sender.email, row.recipient
                # Addresses beyond ASCII travel with SMTPUTF8 and raw UTF-8 headers.
                utf8 = not (sender.isascii() and recipient.isascii())
                built[row.id] = (writer.write(draft, utf8=utf8), sender, recipient)
            except Exception as exc:  # one broken message must not block the others
                built[row.id] = f"the message cannot be built: {exc}"
            if not _has_address(row):
                built[row.id] = "the recipient has no e-mail address"
        session.commit()  # the digests of the action links' tokens just written
    marks = _SentMarks(app, report)
    lease = _Lease(app, settings, batch, owner, report)
    try:
        for index, message_id in enumerate(batch):
            if stop():
                marks.flush()
                claims.release(app.db, OutboxMessage, batch[index:], owner)
                return False
            if not lease.holds(message_id, marks):
                continue  # taken over by another runner while this one stood still
            ready = built.get(message_id)
            if ready is None:  # deleted from the outbox meanwhile: nothing to send
                continue
            if isinstance(ready, str):
                marks.flush()
                _fail(app, message_id, ready, report)
                continue
            message, sender, recipient = ready
            try:
                transport.send(message, sender, recipient)
            except Rejected as exc:
                marks.flush()
                if exc.permanent:
                    _fail(app, message_id, f"the server refused the message: {exc}", report)
                else:
                    _defer(app, message_id, settings, f"temporarily refused: {exc}", report)
                continue
            except Unavailable as exc:
                # The connection broke while this message was in hand: it counts
                # as an attempt (it may be what breaks it); the rest is untouched.
                marks.flush()
                report.unavailable = str(exc)
                _defer(app, message_id, settings, f"server unavailable: {exc}", report)
                claims.release(app.db, OutboxMessage, batch[index + 1 :], owner)
                return False
            marks.accepted(message_id)  # only now: the server has taken it
    finally:
        marks.flush()
    return True


def _give_back(app: App, batch: list[int], owner: str) -> None:
    """Release *owner*'s claims on *batch*; if even that fails, the lease ends them."""
    with contextlib.suppress(Exception):
        claims.release(app.db, OutboxMessage, batch, owner)


def _has_address(row: OutboxMessage | Person) -> bool:
    address = row.recipient if isinstance(row, OutboxMessage) else row.email
    return "@" in (address or "")


_OUTBOX = table_of(OutboxMessage)
_MARK_SENT = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("mark_id"))
    .values(
        status="sent",
        sent_at=bindparam("mark_at", type_=_OUTBOX.c.sent_at.type),
        attempts=_OUTBOX.c.attempts + 1,
        lease_owner=None,
        lease_until=None,
    )
)


class _SentMarks:
    """Messages the server has accepted, waiting to be marked sent together.

    Each keeps the time it was accepted as its sent_at. Whatever else
    happens to the batch (a failure or deferral recorded, a stop, an
    exception), the waiting marks are written first.
    """

    def __init__(self, app: App, report: DispatchReport) -> None:
        self.app = app
        self.report = report
        self.waiting: list[tuple[int, dt.datetime]] = []
        self.done: set[int] = set()
        self.since = time.monotonic()

    def accepted(self, message_id: int) -> None:
        self.waiting.append((message_id, self.app.clock.now()))
        if len(self.waiting) >= MARK_EVERY or time.monotonic() - self.since >= MARK_SECONDS:
            self.flush()

    def flush(self) -> None:
        """One transaction, one UPDATE per message (executemany), no read first."""
        if not self.waiting:
            return
        with self.app.db.session() as session, session.begin():
            session.execute(_MARK_SENT, [{"mark_id": i, "mark_at": at} for i, at in self.waiting])
        self.report.sent.extend(i for i, _ in self.waiting)
        self.done.update(i for i, _ in self.waiting)
        self.waiting = []
        self.since = time.monotonic()


def _defer(
    app: App, message_id: int, settings: MailSettings, error: str, report: DispatchReport
) -> None:
    with app.db.session() as session, session.begin():
        row = session.get(OutboxMessage, message_id)
        assert row is not None
        row.attempts += 1
        row.last_error = error[:2000]
        row.lease_owner = row.lease_until = None
        attempts = row.attempts
        age = app.clock.now() - row.created_at
        if row.attempts >= settings.max_attempts or age >= settings.retry_for:
            give_up = True
        else:
            give_up = False
            row.next_attempt_at = app.clock.now() + backoff(settings, row.attempts)
    if give_up:
        _fail(app, message_id, f"gave up after {attempts} attempts: {error}", report)
    else:
        report.deferred.append(message_id)


def _fail(app: App, message_id: int, error: str, report: DispatchReport) -> None:
    """Fail the message for good and, in the same transaction, add it to the day's
    failure notice of its committee (:mod:`governance.mail.failure_notices`)."""
    with app.unit_of_work(Actor.system()) as uow:
        row = uow.session.get(OutboxMessage, message_id)
        assert row is not None
        row.status = "failed"
        row.last_error = error[:2000]
        row.lease_owner = row.lease_until = None
        if row.notification not in NEVER_REPORTED:
            person = uow.session.get(Person, row.person_id) if row.person_id else None
            failure_notices.report(
                uow,
                row.committee_id,
                failure_notices.Failure(
                    kind="delivery",
                    ref=row.id,
                    what=row.notification,
                    subject=row.subject or row.notification,
                    recipient=row.recipient or "-",
                    recipient_name=person.name if person is not None else "",
                    error=error,
                ),
            )
    report.failed.append(message_id)


class _Lease:
    """The claim on a batch, checked before each message is sent.

    A runner that stood still (SIGSTOP, a paused VM, a swapped-out process)
    for longer than its lease may find its messages taken over by another
    runner; it must not send them too. Those still held are then checked for
    their purpose again (the meeting may have begun meanwhile). Once half the lease has passed since
    it was last confirmed, the claim is renewed in the database for the
    messages still held by this runner (compare-and-set on the owner), which
    also extends it for a long batch on a slow relay; the ones it no longer
    holds are skipped.
    """

    def __init__(
        self,
        app: App,
        settings: MailSettings,
        batch: list[int],
        owner: str,
        report: DispatchReport,
    ) -> None:
        self.app = app
        self.report = report
        self.owner = owner
        self.length = dt.timedelta(seconds=settings.lease_seconds)
        self.held = set(batch)
        self.pending = list(batch)
        self.confirmed = time.monotonic()

    def holds(self, message_id: int, marks: _SentMarks) -> bool:
        if time.monotonic() - self.confirmed >= self.length.total_seconds() / 2:
            marks.flush()  # what was accepted is marked before the claim is looked at
            rest = [i for i in self.pending if i in self.held and i not in marks.done]
            self.held = set(
                claims.renew(
                    self.app.db,
                    OutboxMessage,
                    rest,
                    self.owner,
                    self.app.clock.now(),
                    self.length,
                    where=[OutboxMessage.status == "queued"],
                )
            )
            # The claim first, then the purpose: time has passed (maybe a long
            # stop), the meeting may have begun; only messages still ours are judged.
            held = [i for i in rest if i in self.held]
            self.held = set(purpose.without_lapsed(self.app, held, self.report.skipped, self.owner))
            self.confirmed = time.monotonic()
        return message_id in self.held


def failed_messages(app: App) -> list[OutboxMessage]:
    with app.db.session() as session:
        return list(
            session.execute(
                select(OutboxMessage)
                .where(OutboxMessage.status == "failed")
                .order_by(OutboxMessage.id)
            ).scalars()
        )
