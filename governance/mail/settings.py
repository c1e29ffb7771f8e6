"""The [mail] table of the configuration, checked when mail is sent.

::

    [mail]
    delivery = "smtp"                   # maildir (default) | smtp
    maildir = "mail"                    # folder of the Maildir (delivery = "maildir")
    sender = "gremium@ba-tk.example.org"   # From when a committee has no sender_email
    reply_to = "geschaeftsstelle@ba-tk.example.org"  # when a committee has no secretariat
    smtp_host = "mail.example.org"
    smtp_port = 587                     # default: 587 starttls, 465 tls, 25 none
    smtp_security = "starttls"          # starttls | tls | none
    smtp_user = "gremium"
    smtp_password_env = "GREMIUM_SMTP_PASSWORD"   # the password is read from this variable
    smtp_ca_file = "/etc/ssl/our-ca.pem"          # optional: trust this CA (self-signed relays)
    batch_size = 20                     # messages claimed and sent over one connection
    lease_seconds = 900                 # a crashed sender's claim expires after this;
                                        # longer than batch_size × smtp_timeout
    retry_base_seconds = 60             # first retry after a 4xx; doubled each attempt …
    retry_max_seconds = 3600            # … up to an hour
    retry_for_hours = 72                # retried for three days after it was queued …
    max_attempts = 200                  # … (or this many attempts): then it fails and
                                        # the chair is told (one notice per day)
    smtputf8 = false                    # true: the relay takes SMTPUTF8, so addresses may
                                        # have non-ASCII before the @ (else they are refused)
    # A relay that cannot be reached is nobody's failure: the messages wait,
    # their attempts do not grow, and every pass tries the relay again.

    # Replies by mail (governance/mail/inbound.py): Gremium reads the
    # secretariat's mailbox over IMAP. Without imap_host nothing is read and
    # outgoing mails keep the secretariat's plain Reply-To.
    imap_host = "imap.example.org"
    imap_port = 993                     # default: 993 tls, 143 starttls or none
    imap_security = "tls"               # tls | starttls | none
    imap_user = "geschaeftsstelle@ba-tk.example.org"
    imap_password_env = "GREMIUM_IMAP_PASSWORD"   # the password is read from this variable …
    imap_password_file = "/etc/gremium/imap.pass" # … or from this file (first line)
    imap_folder = "INBOX"
    imap_ca_file = "/etc/ssl/our-ca.pem"          # optional: trust this CA
    imap_every_seconds = 60             # how often `gremium run` reads the mailbox
    reply_address = "geschaeftsstelle@ba-tk.example.org"  # the mailbox's address: answerable
                                        # mails (invitation, circulated minutes) get the Reply-To
                                        # (and calendar ORGANIZER) geschaeftsstelle+<token>@…;
                                        # the server must deliver plus-addresses to the mailbox.
                                        # Needed with imap_host; alone, replies reach people only

Every key can also be set as GREMIUM_MAIL_<KEY> (e.g. GREMIUM_MAIL_SMTP_HOST).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from typing import Any, NoReturn, Protocol

from governance.config_tables import read_table, refuse

DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
IMAP_PORTS = {"tls": 993, "starttls": 143, "none": 143}


@dataclasses.dataclass(frozen=True)
class MailSettings:
    delivery: str = "maildir"
    maildir: str = "mail"
    sender: str = "gremium@gremium.invalid"
    reply_to: str | None = None
    smtp_host: str = "localhost"
    smtp_port: int | None = None
    smtp_security: str = "starttls"
    smtp_user: str | None = None
    smtp_password_env: str = "GREMIUM_SMTP_PASSWORD"
    smtp_ca_file: str | None = None
    smtp_timeout: float = 30.0
    batch_size: int = 20
    lease_seconds: int = 900
    retry_base_seconds: int = 60
    retry_max_seconds: int = 3600
    retry_for_hours: float = 72.0
    max_attempts: int = 200
    smtputf8: bool = False
    """The relay takes SMTPUTF8: addresses with non-ASCII before the @ may be entered."""
    imap_host: str | None = None
    """The secretariat's mailbox (IMAP) that Gremium reads for replies; None: none is read."""
    imap_port: int | None = None
    imap_security: str = "tls"
    imap_user: str | None = None
    imap_password_env: str = "GREMIUM_IMAP_PASSWORD"
    imap_password_file: str | None = None
    imap_folder: str = "INBOX"
    imap_ca_file: str | None = None
    imap_timeout: float = 30.0
    imap_every_seconds: int = 60
    reply_address: str | None = None
    """The mailbox's own address; answerable mails are answered to its plus-address."""
    inbound_max_bytes: int = 5_000_000
    """A larger message is not read (left in the mailbox, marked for people)."""

    @property
    def retry_for(self) -> dt.timedelta:
        return dt.timedelta(hours=self.retry_for_hours)

    @property
    def port(self) -> int:
        return self.smtp_port or DEFAULT_PORTS[self.smtp_security]

    @property
    def imap_port_or_default(self) -> int:
        return self.imap_port or IMAP_PORTS[self.imap_security]

    @property
    def reads_replies(self) -> bool:
        """Whether Gremium reads the mailbox (imap_host; it needs a reply_address)."""
        return bool(self.imap_host)


_FIELDS = {f.name: f for f in dataclasses.fields(MailSettings)}


class Settings(Protocol):
    """What mail reads of the installation's settings (``governance.config.Settings``):
    named here so that the configuration, which checks [mail] with this module
    when it loads, and mail do not import each other."""

    @property
    def mail(self) -> Mapping[str, Any]: ...

    @property
    def source(self) -> str: ...


def mail_settings(settings: Settings, environ: Mapping[str, str] | None = None) -> MailSettings:
    environ = os.environ if environ is None else environ
    values = read_table(
        settings,
        "mail",
        _FIELDS,
        environ,
        hidden=("smtp_timeout", "imap_timeout", "inbound_max_bytes"),
    )
    result = MailSettings(**values)
    if result.delivery not in ("maildir", "smtp"):
        _refuse(
            settings, "choice", key="mail.delivery", value=result.delivery, allowed="maildir, smtp"
        )
    if result.smtp_security not in DEFAULT_PORTS:
        _refuse(
            settings,
            "choice",
            key="mail.smtp_security",
            value=result.smtp_security,
            allowed="starttls, tls, none",
        )
    if result.batch_size < 1 or result.lease_seconds < 1 or result.max_attempts < 1:
        _refuse(settings, "minimum", key="mail.batch_size, lease_seconds, max_attempts", minimum=1)
    if result.lease_seconds <= result.batch_size * result.smtp_timeout:
        # A slow relay must not outlast the claim: another runner would send the rest again.
        _refuse(
            settings,
            "mail_lease",
            lease=result.lease_seconds,
            batch=result.batch_size,
            timeout=f"{result.smtp_timeout:g}",
        )
    _check_imap(settings, result)
    return result


def _check_imap(settings: Settings, result: MailSettings) -> None:
    """The IMAP keys: checked at start, like the rest (a typo must not wait for the first reply)."""
    if result.imap_security not in IMAP_PORTS:
        _refuse(
            settings,
            "choice",
            key="mail.imap_security",
            value=result.imap_security,
            allowed="tls, starttls, none",
        )
    if result.imap_every_seconds < 1:
        _refuse(settings, "minimum", key="mail.imap_every_seconds", minimum=1)
    if result.imap_port is not None and not 0 < result.imap_port < 65536:
        _refuse(settings, "minimum", key="mail.imap_port", minimum=1)
    if result.imap_host and not result.imap_user:
        _refuse(settings, "imap_needs", key="mail.imap_user")
    if result.imap_host and not result.reply_address:
        _refuse(settings, "imap_needs", key="mail.reply_address")
    if result.reply_address is None:
        return
    address = result.reply_address
    local, _, domain = address.rpartition("@")
    if not local or not domain or "+" in local or not address.isascii() or " " in address:
        # The plus-address is made of it: geschaeftsstelle+<token>@domain.
        _refuse(settings, "reply_address", value=address or "-")


def imap_password(settings: MailSettings, environ: Mapping[str, str] | None = None) -> str:
    """The IMAP password: the file's first line, else the variable (empty: none)."""
    environ = os.environ if environ is None else environ
    if settings.imap_password_file:
        with open(settings.imap_password_file, encoding="utf-8") as handle:
            return handle.readline().rstrip("\r\n")
    return environ.get(settings.imap_password_env, "")


def _refuse(settings: Settings, problem: str, **params: Any) -> NoReturn:
    refuse(settings.source, problem, **params)
