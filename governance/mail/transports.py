"""Where messages go: a Maildir folder (default; for trials and archives) or an SMTP relay.

A transport is opened once per batch, sends message after message over the
same connection, and sorts every failure into one of three kinds:

- :class:`Rejected` — the server refused this one message (5xx: permanent,
  4xx: try again later); the others are still sent;
- :class:`Unavailable` — no connection (refused, timed out, dropped): the
  whole batch waits for the next attempt;
- :class:`~governance.errors.MailServerRefused` — the relay refused our
  login (or TLS): a configuration problem, reported clearly; nothing is
  marked as tried.
"""

from __future__ import annotations

import mailbox
import os
import smtplib
import ssl
from pathlib import Path
from typing import Protocol

from governance.errors import MailServerRefused
from governance.mail.settings import MailSettings


class Rejected(Exception):
    def __init__(self, code: int, reason: str) -> None:
        self.code = code
        self.reason = reason
        super().__init__(f"{code} {reason}")

    @property
    def permanent(self) -> bool:
        return 500 <= self.code < 600


class Unavailable(Exception):
    """The server cannot be reached now."""


class Transport(Protocol):
    def open(self) -> None: ...

    def send(self, message: bytes, sender: str, recipient: str) -> None:
        """Deliver *message* (the whole message, CRLF line ends) or raise Rejected/Unavailable."""
        ...

    def close(self) -> None: ...


class MaildirTransport:
    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._box: mailbox.Maildir | None = None

    def open(self) -> None:
        try:
            self._box = mailbox.Maildir(self.folder, create=True)
            # An existing folder (made by hand, or emptied) lacks the Maildir's
            # subfolders; mailbox creates them only for a new folder.
            for sub in ("tmp", "new", "cur"):
                (self.folder / sub).mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise Unavailable(f"Maildir {self.folder}: {exc.strerror or exc}") from exc

    def send(self, message: bytes, sender: str, recipient: str) -> None:
        assert self._box is not None, "open() first"
        try:
            self._box.add(message)
        except OSError as exc:
            # A full disk (or a folder gone) stops the batch: the rest is deferred
            # and its claims given back at once, not after the lease.
            raise Unavailable(f"Maildir {self.folder}: {exc.strerror or exc}") from exc

    def close(self) -> None:
        self._box = None


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


class SmtpTransport:
    def __init__(self, settings: MailSettings, password: str | None = None) -> None:
        self.settings = settings
        self.password = (
            password if password is not None else os.environ.get(settings.smtp_password_env)
        )
        self._smtp: smtplib.SMTP | None = None

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.settings.smtp_ca_file)

    def _where(self) -> str:
        return f"{self.settings.smtp_host}:{self.settings.port}"

    def open(self) -> None:
        s = self.settings
        try:
            if s.smtp_security == "tls":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.smtp_host, s.port, timeout=s.smtp_timeout, context=self._context()
                )
            else:
                smtp = smtplib.SMTP(s.smtp_host, s.port, timeout=s.smtp_timeout)
            self._smtp = smtp
            smtp.ehlo()
            if s.smtp_security == "starttls":
                smtp.starttls(context=self._context())
                smtp.ehlo()
            if s.smtp_user:
                smtp.login(s.smtp_user, self.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            self.close()
            raise MailServerRefused(
                "mail.error.auth",
                server=self._where(),
                user=s.smtp_user,
                reply=f"{exc.smtp_code} {_text(exc.smtp_error)}",
            ) from None
        except (smtplib.SMTPNotSupportedError, ssl.SSLError) as exc:
            self.close()
            raise MailServerRefused(
                "mail.error.tls_or_auth", server=self._where(), reply=str(exc)
            ) from None
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise Unavailable(f"{self._where()}: {exc}") from exc

    def send(self, message: bytes, sender: str, recipient: str) -> None:
        assert self._smtp is not None, "open() first"
        options: list[str] = []
        try:
            if not (sender.isascii() and recipient.isascii()):
                # As smtplib.send_message does: such addresses need SMTPUTF8
                # (and the message was written with UTF-8 headers for it).
                if not self._smtp.has_extn("smtputf8"):
                    raise smtplib.SMTPNotSupportedError(
                        "an address needs SMTPUTF8, which the server does not offer"
                    )
                options = ["SMTPUTF8", "BODY=8BITMIME"]
            self._smtp.sendmail(sender, [recipient], message, mail_options=options)
        except smtplib.SMTPRecipientsRefused as exc:
            code, reason = exc.recipients.get(recipient, (550, b"recipient refused"))
            raise Rejected(code, _text(reason)) from None
        except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as exc:
            raise Rejected(exc.smtp_code, _text(exc.smtp_error)) from None
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code == 421:  # the server is closing the connection
                raise Unavailable(f"{self._where()}: {exc}") from exc
            raise Rejected(exc.smtp_code, _text(exc.smtp_error)) from None
        except (OSError, smtplib.SMTPException) as exc:
            raise Unavailable(f"{self._where()}: {exc}") from exc

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None


def make_transport(settings: MailSettings) -> Transport:
    if settings.delivery == "smtp":
        return SmtpTransport(settings)
    return MaildirTransport(settings.maildir)
