"""A real SMTP server on loopback (aiosmtpd) and a fan-out of queued mails,
for the mail tests. No smtplib mocks: messages travel over a socket."""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import ipaddress
import socket
import ssl
import threading
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from governance import outbox
from governance.bootstrap import App
from governance.examples import treptow_koepenick as tk
from governance.mail.calendar import CalendarEvent, Participant
from governance.mail.examples import EXAMPLES
from governance.mail.settings import MailSettings
from governance.models import Committee, OutboxMessage, Person
from governance.services import directory
from tests.conftest import SYSTEM


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Mailbox:
    """The aiosmtpd handler: records what it accepts; refuses listed recipients with 550."""

    def __init__(self, refuse: tuple[str, ...] = (), delay: float = 0.0) -> None:
        self.refuse = set(refuse)
        self.delay = delay
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.lock = threading.Lock()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)  # a slow relay, so a test can interrupt a fan-out
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.received.append((list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        with self.lock:
            return [r for rcpts, _ in self.received for r in rcpts]

    def messages(self) -> list[EmailMessage]:
        with self.lock:
            return [m for _, m in self.received]


class Authenticator:
    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user.encode(), password.encode()

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            self.user,
            self.password,
        )
        return AuthResult(success=ok, handled=False)


def start_server(handler: object, port: int | None = None, **kwargs: Any) -> Controller:
    """An SMTP server on loopback; *handler* is any aiosmtpd handler (its handle_* methods)."""
    controller = Controller(handler, hostname="127.0.0.1", port=port or free_port(), **kwargs)
    controller.start()
    return controller


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key (the test's own CA, trusted via smtp_ca_file)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def server_tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def smtp_settings(port: int, **overrides: Any) -> MailSettings:
    values: dict[str, Any] = {
        "delivery": "smtp",
        "smtp_host": "127.0.0.1",
        "smtp_port": port,
        "smtp_security": "none",
        "smtp_timeout": 5.0,
        **overrides,
    }
    return MailSettings(**values)


def seed(app: App) -> None:
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)


def invitation_event(attendees: list[Person], stamp: dt.datetime) -> CalendarEvent:
    return CalendarEvent(
        uid="meeting-3@ba-tk.example.org",
        sequence=0,
        method="REQUEST",
        summary="3. Sitzung 2026",
        start=dt.datetime.fromisoformat(EXAMPLES["invitation"]["meeting"]["starts_at"]),
        end=dt.datetime.fromisoformat(EXAMPLES["invitation"]["meeting"]["ends_at"]),
        location=EXAMPLES["invitation"]["meeting"]["location"],
        organizer=Participant("Geschäftsstelle KG", tk.SECRETARIAT_EMAIL),
        attendees=tuple(Participant(p.name, p.email) for p in attendees),
        stamp=stamp,
    )


def fan_out(app: App, count: int, *, prefix: str = "m", calendar: bool = False) -> list[str]:
    """Queue an invitation to *count* new people of the example committee; return their addresses."""
    addresses = []
    with app.unit_of_work(SYSTEM) as uow:
        committee = uow.session.query(Committee).filter_by(short_name=tk.COMMITTEE_SHORT).one()
        people = [
            directory.add_person(
                uow, name=f"Mitglied {i:02d}", email=f"{prefix}{i:02d}@partner.example.org"
            )
            for i in range(count)
        ]
        event = invitation_event(people, uow.now) if calendar else None
        for person in people:
            outbox.queue(
                uow,
                notification="invitation",
                recipient=person,
                context=EXAMPLES["invitation"],
                committee_id=committee.id,
                entity=committee,
                calendar=event,
            )
            addresses.append(person.email)
    return addresses


def statuses(app: App) -> dict[str, str]:
    with app.db.session() as session:
        return {
            m.recipient: m.status for m in session.query(OutboxMessage).order_by(OutboxMessage.id)
        }
