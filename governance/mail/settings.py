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

Every key can also be set as GREMIUM_MAIL_<KEY> (e.g. GREMIUM_MAIL_SMTP_HOST).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from typing import Any, NoReturn

from governance.config import Settings, read_table
from governance.errors import ConfigurationError, Text

DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}


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

    @property
    def retry_for(self) -> dt.timedelta:
        return dt.timedelta(hours=self.retry_for_hours)

    @property
    def port(self) -> int:
        return self.smtp_port or DEFAULT_PORTS[self.smtp_security]


_FIELDS = {f.name: f for f in dataclasses.fields(MailSettings)}


def mail_settings(settings: Settings, environ: Mapping[str, str] | None = None) -> MailSettings:
    environ = os.environ if environ is None else environ
    values = read_table(settings, "mail", _FIELDS, environ, hidden=("smtp_timeout",))
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
    return result


def _refuse(settings: Settings, problem: str, **params: Any) -> NoReturn:
    raise ConfigurationError(
        "error.config", file=settings.source, problem=Text(f"config.problem.{problem}", **params)
    )
