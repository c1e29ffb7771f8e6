"""Delivering the outbox to a real SMTP server on loopback and to a Maildir."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import mailbox
import os
import random
import threading
from collections import defaultdict

import pytest

from governance import outbox
from governance.bootstrap import App
from governance.errors import MailServerRefused
from governance.examples import treptow_koepenick as tk
from governance.mail.dispatch import MARK_EVERY, dispatch
from governance.mail.examples import EXAMPLES
from governance.mail.message import Attachment
from governance.mail.settings import MailSettings
from governance.mail.transports import MaildirTransport, SmtpTransport, Unavailable
from governance.models import OutboxMessage
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
        # The notice to the chair is queued with the failure and goes out in the same pass.
        assert sorted(handler.recipients()) == [
            "m00@partner.example.org",
            "m02@partner.example.org",
            "m03@partner.example.org",
            tk.CHAIR_EMAIL,
        ]
        assert len(report.failed) == 1 and len(report.sent) == 4
        with kg.db.session() as session:
            failed = session.query(OutboxMessage).filter_by(status="failed").one()
            assert failed.recipient == "m01@partner.example.org"
            assert "550" in (failed.last_error or "")
            notice = session.query(OutboxMessage).filter_by(notification="delivery_failed").one()
            assert notice.recipient == tk.CHAIR_EMAIL
            assert "m01@partner.example.org" in (notice.body_text or "")
            assert notice.subject == "Nicht zustellbar: Einladung: 3. Sitzung 2026 am 11.03.2026"
    finally:
        controller.stop()


def test_a_failed_notice_about_a_failure_is_not_reported_again(kg):
    handler = Mailbox(refuse=(tk.CHAIR_EMAIL, "m00@partner.example.org"))
    controller = start_server(handler)
    try:
        fan_out(kg, 1)
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
    assert sorted(handler.recipients()) == ["m01@partner.example.org", tk.CHAIR_EMAIL]
    assert len(report.failed) == 1
    with kg.db.session() as session:
        failed = session.query(OutboxMessage).filter_by(status="failed").one()
    assert failed.last_error == "the recipient has no e-mail address"


def test_when_the_server_is_down_everything_waits_and_arrives_once_it_is_up(kg):
    port = free_port()
    addresses = fan_out(kg, 3)
    settings = smtp_settings(port, retry_base_seconds=60)
    report = send(kg, settings)
    assert report.unavailable and len(report.deferred) == 3 and not report.sent
    with kg.db.session() as session:
        rows = session.query(OutboxMessage).all()
    assert {r.status for r in rows} == {"queued"}
    assert {r.next_attempt_at for r in rows} == {kg.clock.now() + dt.timedelta(seconds=60)}
    handler = Mailbox()
    controller = start_server(handler, port=port)
    try:
        assert send(kg, settings).sent == []  # not yet due: the backoff is respected
        kg.clock.advance(dt.timedelta(minutes=1))
        assert len(send(kg, settings).sent) == 3
        assert sorted(handler.recipients()) == sorted(addresses)
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
    report = dispatch(kg, _ServerGoesAway(settings.maildir, 4), settings)
    assert len(report.sent) == 4 and len(report.deferred) == 2 and report.unavailable
    with kg.db.session() as session:
        rows = session.query(OutboxMessage).order_by(OutboxMessage.id).all()
    assert [(r.status, r.attempts) for r in rows] == [("sent", 1)] * 4 + [("queued", 1)] * 2
    assert all(r.sent_at == kg.clock.now() and r.lease_owner is None for r in rows[:4])
    assert {r.next_attempt_at for r in rows[4:]} == {kg.clock.now() + dt.timedelta(seconds=60)}
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
