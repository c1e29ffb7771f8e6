"""Delivering the outbox to a real SMTP server on loopback and to a Maildir."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import mailbox
import os
import random
import threading
import time
from collections import defaultdict
from typing import Any

import pytest
from sqlalchemy import select

from governance import claims, outbox
from governance.bootstrap import App
from governance.errors import MailServerRefused
from governance.examples import treptow_koepenick as tk
from governance.mail import failure_notices
from governance.mail.dispatch import MARK_EVERY, dispatch
from governance.mail.examples import EXAMPLES
from governance.mail.message import Attachment
from governance.mail.settings import MailSettings
from governance.mail.transports import MaildirTransport, SmtpTransport, Unavailable
from governance.models import OutboxMessage
from governance.reasons import say
from governance.services import directory
from tests.conftest import SYSTEM
from tests.mail_support import (
    Authenticator,
    Mailbox,
    fan_out,
    free_port,
    seed,
    self_signed,
    server_tls_context,
    smtp_settings,
    start_server,
    statuses,
)


@pytest.fixture
def kg(any_app: App) -> App:
    seed(any_app)
    return any_app


@pytest.fixture
def relay():
    handler = Mailbox()
    controller = start_server(handler)
    yield handler, controller.port
    controller.stop()


def send(app: App, settings: MailSettings, **kwargs):
    return dispatch(
        app, SmtpTransport(settings, password=kwargs.pop("password", None)), settings, **kwargs
    )


def test_every_queued_invitation_arrives_over_plain_smtp_with_its_parts(kg, relay):
    handler, port = relay
    addresses = fan_out(kg, 5, calendar=True)
    report = send(kg, smtp_settings(port, batch_size=2))
    assert sorted(handler.recipients()) == sorted(addresses)
    assert len(report.sent) == 5 and not report.failed and not report.deferred
    message = handler.messages()[0]
    assert message["Subject"] == "Einladung: 3. Sitzung 2026 am 11.03.2026"
    assert message["From"].addresses[0].addr_spec == "kooperationsgremium@ba-tk.example.org"
    assert message["Reply-To"].addresses[0].addr_spec == tk.SECRETARIAT_EMAIL
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/mixed"
    alternative = message.get_payload()[0]
    assert [p.get_content_type() for p in alternative.iter_parts()] == [
        "text/plain",
        "text/html",
        "text/calendar",
    ]
    assert alternative.get_payload()[2].get_param("method") == "REQUEST"
    assert message.get_payload()[1].get_filename() == "invite.ics"
    assert set(statuses(kg).values()) == {"sent"}


def test_all_mails_about_one_entity_form_one_thread_and_ids_are_stable(kg, relay):
    handler, port = relay
    fan_out(kg, 3)
    send(kg, smtp_settings(port))
    messages = handler.messages()
    assert len({m["References"] for m in messages}) == 1
    assert len({m["Message-ID"] for m in messages}) == 3
    with kg.db.session() as session:
        stored = {m.message_id for m in session.query(OutboxMessage)}
    assert stored == {m["Message-ID"] for m in messages}


def test_a_550_for_one_recipient_fails_only_that_message_and_tells_the_chair(kg):
    handler = Mailbox(refuse=("m01@partner.example.org",))
    controller = start_server(handler)
    try:
        fan_out(kg, 4)
        report = send(kg, smtp_settings(controller.port))
        assert sorted(handler.recipients()) == [
            "m00@partner.example.org",
            "m02@partner.example.org",
            "m03@partner.example.org",
        ]
        assert len(report.failed) == 1 and len(report.sent) == 3
        # The notice to the chair collects the day's failures for a few minutes, then goes.
        kg.clock.advance(failure_notices.COLLECT)
        assert len(send(kg, smtp_settings(controller.port)).sent) == 1
        assert handler.recipients()[-1] == tk.CHAIR_EMAIL
        with kg.db.session() as session:
            failed = session.query(OutboxMessage).filter_by(status="failed").one()
            assert failed.recipient == "m01@partner.example.org"
            assert "550" in (failed.last_error or "")
            notice = session.query(OutboxMessage).filter_by(notification="delivery_failed").one()
            assert notice.recipient == tk.CHAIR_EMAIL
            # The chair reads what failed in words: the message's number, never its internal kind.
            assert f"Nachricht Nr. {failed.id} an " in (notice.body_text or "")
            assert "(invitation)" not in (notice.body_text or "")
            assert "m01@partner.example.org" in (notice.body_text or "")
            assert notice.subject == "Störungen vom 12.01.2026: 1 Vorgang"
    finally:
        controller.stop()


def test_failures_of_one_committee_and_day_make_one_notice_and_a_retry_is_reported_again(kg):
    refused = tuple(f"m{n:02d}@partner.example.org" for n in range(5))
    handler = Mailbox(refuse=refused)
    controller = start_server(handler)
    settings = smtp_settings(controller.port)
    try:
        fan_out(kg, 6)
        assert len(send(kg, settings).failed) == 5
        kg.clock.advance(failure_notices.COLLECT)
        send(kg, settings)
        with kg.db.session() as session:
            notices = session.query(OutboxMessage).filter_by(notification="delivery_failed").all()
            assert [(n.status, n.subject) for n in notices] == [
                ("sent", "Störungen vom 12.01.2026: 5 Vorgänge")
            ]
            failed_ids = sorted(
                m.id for m in session.query(OutboxMessage).filter_by(status="failed")
            )
        # All failed messages again at once; they fail again and are reported again,
        # in the next day's notice (today's has left already), sent the next morning.
        with kg.unit_of_work(tk.CHAIR_EMAIL) as uow:
            assert outbox.retry_failed(uow) == failed_ids
        assert len(send(kg, settings).failed) == 5
        kg.clock.advance(dt.timedelta(days=1))
        send(kg, settings)
        with kg.db.session() as session:
            notices = session.query(OutboxMessage).filter_by(notification="delivery_failed").all()
        assert [(n.status, n.subject) for n in notices] == [
            ("sent", "Störungen vom 12.01.2026: 5 Vorgänge"),
            ("sent", "Störungen vom 13.01.2026: 5 Vorgänge"),
        ]
    finally:
        controller.stop()


def test_a_failed_notice_about_a_failure_is_not_reported_again(kg):
    handler = Mailbox(refuse=(tk.CHAIR_EMAIL, "m00@partner.example.org"))
    controller = start_server(handler)
    try:
        fan_out(kg, 1)
        send(kg, smtp_settings(controller.port))
        kg.clock.advance(failure_notices.COLLECT)
        send(kg, smtp_settings(controller.port))
        with kg.db.session() as session:
            notices = session.query(OutboxMessage).filter_by(notification="delivery_failed").all()
        assert [n.status for n in notices] == ["failed"]
    finally:
        controller.stop()


def test_a_recipient_without_an_address_is_reported_and_the_others_still_get_theirs(kg, relay):
    handler, port = relay
    fan_out(kg, 2)
    with kg.db.session() as session, session.begin():
        row = session.query(OutboxMessage).filter_by(recipient="m00@partner.example.org").one()
        row.recipient = ""
    report = send(kg, smtp_settings(port))
    assert handler.recipients() == ["m01@partner.example.org"]
    assert len(report.failed) == 1
    kg.clock.advance(failure_notices.COLLECT)
    send(kg, smtp_settings(port))
    assert sorted(handler.recipients()) == ["m01@partner.example.org", tk.CHAIR_EMAIL]
    with kg.db.session() as session:
        failed = session.query(OutboxMessage).filter_by(status="failed").one()
    assert failed.last_error == "the recipient has no e-mail address"


def test_when_the_server_is_down_everything_waits_untouched_and_arrives_once_it_is_up(kg):
    """A relay that cannot be reached is no failure of the messages: their attempts
    do not grow and no backoff is set, however long it stays down."""
    port = free_port()
    addresses = fan_out(kg, 3)
    settings = smtp_settings(port, retry_base_seconds=60)
    with kg.db.session() as session:
        before = {r.id: r.next_attempt_at for r in session.query(OutboxMessage)}
    for _ in range(5):
        report = send(kg, settings)
        assert report.unavailable and not report.deferred and not report.sent
        kg.clock.advance(dt.timedelta(hours=3))
    with kg.db.session() as session:
        rows = session.query(OutboxMessage).all()
    assert {(r.status, r.attempts, r.lease_owner) for r in rows} == {("queued", 0, None)}
    assert {r.id: r.next_attempt_at for r in rows} == before
    handler = Mailbox()
    controller = start_server(handler, port=port)
    try:
        assert len(send(kg, settings).sent) == 3  # at the first pass after it is back
        assert sorted(handler.recipients()) == sorted(addresses)
    finally:
        controller.stop()
    assert statuses(kg) == dict.fromkeys(addresses, "sent")  # no failure notice at all


class _Busy(Mailbox):
    """A relay that answers every recipient 451 (try again later) while *busy* is set."""

    def __init__(self) -> None:
        super().__init__()
        self.busy = True

    async def handle_RCPT(self, server, session, envelope, address, options):
        if self.busy:
            return "451 4.3.0 mail system busy, try again later"
        return await super().handle_RCPT(server, session, envelope, address, options)


def test_a_relay_answering_451_for_four_days_fails_late_with_one_notice_a_day(kg):
    """Longer than the old schedule (about 8.5 hours): messages are retried for three
    days with the delay capped, then fail, reported in one notice for that day; once
    the relay answers again the notice arrives and ``retry --failed`` sends the rest."""
    handler = _Busy()
    controller = start_server(handler)
    settings = smtp_settings(controller.port)  # the defaults: 60 s doubling, at most 1 h, 72 h
    try:
        addresses = fan_out(kg, 4)
        start = kg.clock.now()
        while kg.clock.now() < start + dt.timedelta(days=4):
            send(kg, settings)
            kg.clock.advance(dt.timedelta(minutes=30))  # the runner's passes, coarsely
        with kg.db.session() as session:
            rows = session.query(OutboxMessage).order_by(OutboxMessage.id).all()
        failed = [r for r in rows if r.notification == "invitation"]
        assert {r.status for r in failed} == {"failed"}
        assert all("451" in (r.last_error or "") for r in failed)
        assert all(50 <= r.attempts <= 100 for r in failed), [r.attempts for r in failed]
        notices = [r for r in rows if r.notification == "delivery_failed"]
        assert [(n.status, n.subject) for n in notices] == [
            ("queued", "Störungen vom 15.01.2026: 4 Vorgänge")
        ]
        handler.busy = False
        kg.clock.advance(dt.timedelta(hours=1))
        assert len(send(kg, settings).sent) == 1  # the notice
        with kg.unit_of_work(tk.SECRETARIAT_EMAIL) as uow:
            assert len(outbox.retry_failed(uow)) == 4
        assert len(send(kg, settings).sent) == 4
        assert sorted(handler.recipients()) == sorted([*addresses, tk.CHAIR_EMAIL])
    finally:
        controller.stop()


def test_starttls_with_login_delivers(kg, tmp_path):
    cert, key = self_signed(tmp_path)
    handler = Mailbox()
    controller = start_server(
        handler,
        tls_context=server_tls_context(cert, key),
        require_starttls=True,
        auth_required=True,
        auth_require_tls=True,
        authenticator=Authenticator("gremium", "geheim"),
    )
    try:
        fan_out(kg, 2)
        settings = smtp_settings(
            controller.port, smtp_security="starttls", smtp_user="gremium", smtp_ca_file=str(cert)
        )
        report = send(kg, settings, password="geheim")
        assert len(report.sent) == 2
        assert len(handler.recipients()) == 2
    finally:
        controller.stop()


def test_a_refused_login_is_a_clear_error_and_every_message_stays_queued_untried(kg, tmp_path):
    cert, key = self_signed(tmp_path)
    handler = Mailbox()
    controller = start_server(
        handler,
        tls_context=server_tls_context(cert, key),
        require_starttls=True,
        auth_required=True,
        authenticator=Authenticator("gremium", "geheim"),
    )
    try:
        fan_out(kg, 2)
        settings = smtp_settings(
            controller.port, smtp_security="starttls", smtp_user="gremium", smtp_ca_file=str(cert)
        )
        with pytest.raises(MailServerRefused) as refused:
            send(kg, settings, password="falsch")
        assert "Anmeldung als „gremium“ abgelehnt" in refused.value.message("de")
        assert "535" in refused.value.message("de")
        with kg.db.session() as session:
            rows = session.query(OutboxMessage).all()
        assert {(r.status, r.attempts, r.lease_owner) for r in rows} == {("queued", 0, None)}
        assert handler.recipients() == []
    finally:
        controller.stop()


def test_maildir_delivery_writes_one_file_per_message(kg, tmp_path):
    fan_out(kg, 3)
    settings = MailSettings(maildir=str(tmp_path / "mail"))
    report = dispatch(kg, MaildirTransport(settings.maildir), settings)
    assert len(report.sent) == 3
    box = mailbox.Maildir(tmp_path / "mail", create=False)
    assert sorted(m["To"] for m in box) == [
        f"Mitglied {i:02d} <m{i:02d}@partner.example.org>" for i in range(3)
    ]


def test_two_dispatchers_at_once_send_every_message_exactly_once(kg, relay):
    handler, port = relay
    addresses = fan_out(kg, 30)
    settings = smtp_settings(port, batch_size=3)
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            send(kg, settings, owner=name)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(f"worker-{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(handler.recipients()) == sorted(addresses)
    assert set(statuses(kg).values()) == {"sent"}


def test_a_person_reading_english_gets_the_english_mail(kg, relay):
    handler, port = relay
    with kg.unit_of_work(SYSTEM) as uow:
        committee = directory.committee_by_ref(uow.session, tk.COMMITTEE_SHORT)
        for lang in ("de", "en"):
            person = directory.add_person(
                uow, name=f"Reader {lang}", email=f"{lang}@partner.example.org", language=lang
            )
            outbox.queue(
                uow,
                notification="invitation",
                recipient=person,
                context=EXAMPLES["invitation"],
                committee_id=committee.id,
                entity=committee,
            )
    send(kg, smtp_settings(port))
    subjects = {m["To"].addresses[0].addr_spec: m["Subject"] for m in handler.messages()}
    assert subjects == {
        "de@partner.example.org": "Einladung: 3. Sitzung 2026 am 11.03.2026",
        "en@partner.example.org": "Invitation: 3. Sitzung 2026 on 11/03/2026",
    }


def test_a_message_queued_before_rendering_at_queue_time_is_rendered_when_sent(kg, relay):
    handler, port = relay
    fan_out(kg, 2)
    with kg.db.session() as session, session.begin():
        for row in session.query(OutboxMessage):  # as migration 0003 leaves older rows
            row.subject = row.body_text = row.body_html = row.envelope = None
        session.query(OutboxMessage).filter_by(
            recipient="m01@partner.example.org"
        ).one().notification = "gone"
    report = send(kg, smtp_settings(port))
    [message] = [m for m in handler.messages() if "m00@" in str(m["To"])]
    assert message["Subject"] == "Einladung: 3. Sitzung 2026 am 11.03.2026"
    assert message["To"].addresses[0].display_name == "Mitglied 00"
    assert len(report.failed) == 1
    with kg.db.session() as session:
        broken = session.query(OutboxMessage).filter_by(status="failed").one()
    assert broken.last_error.startswith("the message cannot be built: unknown notification 'gone'")


def test_implicit_tls_delivers(kg, tmp_path):
    cert, key = self_signed(tmp_path)
    handler = Mailbox()
    controller = start_server(handler, ssl_context=server_tls_context(cert, key))
    try:
        fan_out(kg, 2)
        settings = smtp_settings(controller.port, smtp_security="tls", smtp_ca_file=str(cert))
        assert len(send(kg, settings).sent) == 2
        assert len(handler.recipients()) == 2
    finally:
        controller.stop()


def test_a_certificate_nobody_vouches_for_is_refused_and_mail_stays_queued(kg, tmp_path):
    cert, key = self_signed(tmp_path)
    handler = Mailbox()
    controller = start_server(handler, tls_context=server_tls_context(cert, key))
    try:
        fan_out(kg, 1)
        with pytest.raises(MailServerRefused) as refused:
            send(kg, smtp_settings(controller.port, smtp_security="starttls"))
        assert "mail.smtp_ca_file" in refused.value.message("de")
        assert set(statuses(kg).values()) == {"queued"}
    finally:
        controller.stop()


def test_the_agenda_pdf_every_member_receives_is_byte_identical_to_the_one_queued(kg, relay):
    handler, port = relay
    pdf = b"%PDF-1.7\n" + random.Random(3).randbytes(60_000) + b"\n%%EOF\n"
    with kg.unit_of_work(SYSTEM) as uow:
        committee = directory.committee_by_ref(uow.session, tk.COMMITTEE_SHORT)
        for i in range(3):
            person = directory.add_person(
                uow, name=f"Mitglied {i:02d}", email=f"m{i:02d}@partner.example.org"
            )
            outbox.queue(
                uow,
                notification="invitation",
                recipient=person,
                context=EXAMPLES["invitation"],
                committee_id=committee.id,
                entity=committee,
                attachments=[Attachment("Tagesordnung Köpenick.pdf", "application/pdf", pdf)],
            )
    assert len(send(kg, smtp_settings(port)).sent) == 3
    assert len(handler.messages()) == 3
    for message in handler.messages():
        [part] = [
            p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"
        ]
        assert part.get_filename() == "Tagesordnung Köpenick.pdf"
        assert part.get_content() == pdf


class _ServerGoesAway(MaildirTransport):
    """A Maildir that takes *accepts* messages, then reports the server gone."""

    def __init__(self, folder, accepts: int) -> None:
        super().__init__(folder)
        self.accepts = accepts

    def send(self, message: bytes, sender: str, recipient: str) -> None:
        if self.accepts == 0:
            raise Unavailable("connection dropped")
        super().send(message, sender, recipient)
        self.accepts -= 1


def test_a_server_lost_mid_batch_leaves_the_accepted_sent_and_the_rest_deferred(kg, tmp_path):
    fan_out(kg, 6)
    settings = MailSettings(maildir=str(tmp_path / "mail"), batch_size=6, retry_base_seconds=60)
    created = kg.clock.now()
    report = dispatch(kg, _ServerGoesAway(settings.maildir, 4), settings)
    assert len(report.sent) == 4 and len(report.deferred) == 1 and report.unavailable
    with kg.db.session() as session:
        rows = session.query(OutboxMessage).order_by(OutboxMessage.id).all()
    # The one in hand when the connection broke counts an attempt; the rest is untouched.
    assert [(r.status, r.attempts) for r in rows] == [("sent", 1)] * 4 + [
        ("queued", 1),
        ("queued", 0),
    ]
    assert all(r.sent_at == kg.clock.now() and r.lease_owner is None for r in rows[:4])
    assert rows[4].next_attempt_at == kg.clock.now() + dt.timedelta(seconds=60)
    assert (rows[5].next_attempt_at, rows[5].lease_owner) == (created, None)
    assert len(mailbox.Maildir(tmp_path / "mail", create=False)) == 4


class _DiesAfter(MaildirTransport):
    """A Maildir (the server) that has taken *accepts* messages when the sender dies, hard."""

    def __init__(self, folder, accepts: int) -> None:
        super().__init__(folder)
        self.accepts = accepts

    def send(self, message: bytes, sender: str, recipient: str) -> None:
        super().send(message, sender, recipient)
        self.accepts -= 1
        if self.accepts == 0:
            os._exit(0)  # as SIGKILL: no finally, no marks written


def test_after_a_crash_mid_batch_the_unmarked_messages_are_sent_again_with_the_same_id(
    app, tmp_path
):
    seed(app)
    addresses = fan_out(app, 8)
    settings = MailSettings(maildir=str(tmp_path / "mail"), batch_size=8)
    child = os.fork()
    if child == 0:  # the sender that crashes
        try:
            app.db.engine.dispose(close=False)
            dispatch(app, _DiesAfter(settings.maildir, 5), settings, owner="crashing")
        finally:
            os._exit(1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the sender did not die after the 5th message"
    box = mailbox.Maildir(tmp_path / "mail", create=False)
    accepted = {_to_and_id(box, key)[0] for key in box.iterkeys()}
    assert len(accepted) == 5
    marked = {a for a, s in statuses(app).items() if s == "sent"}
    assert marked < accepted  # never marked before accepted; the last one accepted was not

    app.clock.advance(dt.timedelta(seconds=settings.lease_seconds + 60))  # the claim expires
    report = dispatch(app, MaildirTransport(settings.maildir), settings)
    assert len(report.sent) == 8 - len(marked)
    assert set(statuses(app).values()) == {"sent"}

    ids: dict[str, list[str]] = defaultdict(list)
    for key in box.iterkeys():
        address, message_id = _to_and_id(box, key)
        ids[address].append(message_id)
    assert sorted(ids) == sorted(addresses)  # nothing lost
    for address, received in ids.items():
        assert len(set(received)) == 1  # a resend carries the same Message-ID
        # exactly the accepted but unmarked ones arrive twice
        assert len(received) == (2 if address in accepted - marked else 1)
    assert 1 <= len(accepted - marked) <= MARK_EVERY


def _to_and_id(box: mailbox.Maildir, key: str) -> tuple[str, str]:
    message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
    return message["To"].addresses[0].addr_spec, message["Message-ID"]


class _RawMailbox(Mailbox):
    def __init__(self) -> None:
        super().__init__()
        self.raw: list[bytes] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.raw.append(envelope.content)
        return await super().handle_DATA(server, session, envelope)


def test_an_address_beyond_ascii_travels_with_smtputf8(kg):
    handler = _RawMailbox()
    controller = start_server(handler, enable_SMTPUTF8=True)
    try:
        with kg.unit_of_work(SYSTEM) as uow:
            uow.smtputf8 = True  # as with [mail] smtputf8 = true: the relay takes SMTPUTF8
            committee = directory.committee_by_ref(uow.session, tk.COMMITTEE_SHORT)
            person = directory.add_person(
                uow, name="Jürgen Groß", email="jürgen@partner.example.org"
            )
            outbox.queue(
                uow,
                notification="invitation",
                recipient=person,
                context=EXAMPLES["invitation"],
                committee_id=committee.id,
                entity=committee,
            )
        assert len(send(kg, smtp_settings(controller.port)).sent) == 1
        assert handler.recipients() == ["jürgen@partner.example.org"]
        # UTF-8 headers (RFC 6532), as a client supporting SMTPUTF8 reads them
        [raw] = handler.raw
        message = email.message_from_string(raw.decode("utf-8"), policy=email.policy.default)
        assert message["To"].addresses[0].addr_spec == "jürgen@partner.example.org"
        assert message["To"].addresses[0].display_name == "Jürgen Groß"
    finally:
        controller.stop()


class _StandsStill(MaildirTransport):
    """A Maildir; after the first message the sender stands still (as under SIGSTOP)
    longer than half its lease, while another runner takes the rest of its batch over."""

    def __init__(self, folder, app: App, pause: float) -> None:
        super().__init__(folder)
        self.app, self.pause, self.sent = app, pause, 0

    def send(self, message: bytes, sender: str, recipient: str) -> None:
        super().send(message, sender, recipient)
        self.sent += 1
        if self.sent == 1:
            with self.app.db.session() as session, session.begin():
                session.query(OutboxMessage).filter(OutboxMessage.status == "queued").update(
                    {"lease_owner": "other-runner:1"}
                )
            time.sleep(self.pause)


def test_a_sender_that_stood_still_past_its_lease_sends_nothing_taken_over(kg, tmp_path):
    fan_out(kg, 5)
    settings = MailSettings(
        maildir=str(tmp_path / "mail"), batch_size=5, lease_seconds=2, smtp_timeout=0.1
    )
    report = dispatch(kg, _StandsStill(settings.maildir, kg, pause=1.1), settings, owner="me:1")
    assert len(report.sent) == 1
    assert len(mailbox.Maildir(tmp_path / "mail", create=False)) == 1
    with kg.db.session() as session:
        rest = session.query(OutboxMessage).filter(OutboxMessage.status == "queued").all()
    assert {(r.lease_owner, r.attempts) for r in rest} == {("other-runner:1", 0)} and len(rest) == 4


def test_a_long_batch_renews_its_lease_as_it_goes(kg, tmp_path, monkeypatch):
    fan_out(kg, 3)
    settings = MailSettings(
        maildir=str(tmp_path / "mail"), batch_size=3, lease_seconds=2, smtp_timeout=0.1
    )

    class Slow(MaildirTransport):
        def send(self, message: bytes, sender: str, recipient: str) -> None:
            super().send(message, sender, recipient)
            time.sleep(0.6)  # three of these outlast the lease of 2 s

    renewed: list[Any] = []
    real_renew = claims.renew

    def watch(*args: Any, **kwargs: Any) -> Any:
        renewed.append(real_renew(*args, **kwargs))
        return renewed[-1]

    monkeypatch.setattr(claims, "renew", watch)
    report = dispatch(kg, Slow(settings.maildir), settings, owner="me:1")
    assert len(report.sent) == 3  # nobody took it over: the renewed claim is still ours
    assert renewed and all(held for held in renewed)


def _queued_invitations(app: App) -> list[OutboxMessage]:
    from tests.integration.test_meetings import add_series, tick

    add_series(app)
    tick(app, 2026, 2, 25, 10, 1)  # the first meeting is convened: its invitations are queued
    with app.db.session() as s:
        return list(
            s.execute(select(OutboxMessage).where(OutboxMessage.notification == "invitation"))
            .scalars()
            .all()
        )


def test_a_runner_that_stood_still_checks_its_lease_then_the_purpose_before_sending(
    kg, tmp_path, monkeypatch
):
    """The runner stands still after its first message until the meeting has begun:
    it confirms its claim, then finds the remaining invitations of no use. Each is
    skipped once (one audit record), its claim ends, none is sent late."""
    from types import SimpleNamespace

    from governance.mail import dispatch as dispatch_module
    from governance.models import AuditRecord
    from tests.integration.test_meetings import berlin

    invitations = _queued_invitations(kg)
    assert len(invitations) > 2
    seconds = {"now": 0.0}
    monkeypatch.setattr(dispatch_module, "time", SimpleNamespace(monotonic=lambda: seconds["now"]))

    class StandsStill(MaildirTransport):
        def send(self, message: bytes, sender: str, recipient: str) -> None:
            super().send(message, sender, recipient)
            if seconds["now"] == 0.0:  # SIGSTOP after the first: the meeting begins meanwhile
                kg.clock.advance_to(berlin(2026, 3, 11, 10, 30))
                seconds["now"] = 10_000.0

    settings = MailSettings(maildir=str(tmp_path / "mail"), batch_size=200)
    report = dispatch(kg, StandsStill(settings.maildir), settings)

    with kg.db.session() as s:
        rows = {
            r.id: r
            for r in s.execute(
                select(OutboxMessage).where(OutboxMessage.notification == "invitation")
            )
            .scalars()
            .all()
        }
        skipped_audit = [
            a.entity_id
            for a in s.execute(select(AuditRecord).where(AuditRecord.action == "mail.skipped"))
            .scalars()
            .all()
            if a.details["notification"] == "invitation"
        ]
    sent = [i for i, r in rows.items() if r.status == "sent"]
    skipped = [i for i, r in rows.items() if r.status == "skipped"]
    assert len(sent) <= 1 and len(sent) + len(skipped) == len(rows)
    assert sorted(skipped_audit) == sorted(skipped)  # audited once each
    assert set(skipped) <= set(report.skipped)
    assert {r.lease_owner for r in rows.values()} == {None}
    assert all(
        (say(r.skip_reason, "en") or "").startswith("it was to be delivered before")
        for i, r in rows.items()
        if i in skipped
    )


def test_a_passing_database_error_in_the_purpose_check_leaves_the_messages_queued_and_free(
    kg, tmp_path, monkeypatch
):
    from sqlalchemy.exc import OperationalError

    from governance.mail import purpose

    invitations = _queued_invitations(kg)
    real = purpose.lapsed
    calls = {"n": 0}

    def flaky(session: Any, row: OutboxMessage, now: dt.datetime) -> str | None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("SELECT", {}, Exception("server closed the connection"))
        return real(session, row, now)

    monkeypatch.setattr(purpose, "lapsed", flaky)
    settings = MailSettings(maildir=str(tmp_path / "mail"))
    first = dispatch(kg, MaildirTransport(settings.maildir), settings)
    assert first.sent == first.failed == first.skipped == []
    with kg.db.session() as s:
        rows = s.execute(select(OutboxMessage)).scalars().all()
        assert {(r.status, r.lease_owner, r.attempts) for r in rows} == {("queued", None, 0)}
    second = dispatch(kg, MaildirTransport(settings.maildir), settings)
    assert {i.id for i in invitations} <= set(second.sent)
