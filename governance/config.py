"""Configuration: a TOML file, overridden by environment variables, overridden
by command-line options.

Looked up in this order: ``--config PATH``, ``$GREMIUM_CONFIG``,
``./gremium.toml``. Every key is optional::

    database = "sqlite:///gremium.db"     # or postgresql://user@host/dbname
    default_actor = "spk@ba-treptow-koepenick.example.org"
    language = "de"                         # de | en
    clock = "system"                        # system | simulated
    simulated_start = "2026-01-05 09:00"    # where a new simulated clock starts
    workflows = "/etc/gremium/workflows"    # own workflow definitions (default: the shipped ones)
    archive = "/srv/gremium/archive"        # a copy of each archived PDF/A for people to browse
                                            # (default: archive/ next to the SQLite file; none
                                            # on PostgreSQL) -- the record is in the database
    attach_documents = true                 # agenda / draft minutes as PDF in the mails
    timer_lease_seconds = 600               # a crashed runner's claimed timers fire elsewhere after this
    attachment_max_mb = 20                  # largest file of an agenda item (MB = 1,000,000 bytes)
    meeting_attachments_max_mb = 100        # all files (every version) of one meeting's items
    mail_attachments_max_mb = 10            # invitations carry the files while they stay below this

    [mail]                                  # delivery of e-mail: see governance/mail/settings.py
    delivery = "maildir"                    # maildir | smtp
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from governance.domain.attachments import MB, AttachmentLimits
from governance.errors import ConfigurationError

DEFAULT_DATABASE = "sqlite:///gremium.db"
ENV = {
    "database": "GREMIUM_DB",
    "default_actor": "GREMIUM_AS",
    "language": "GREMIUM_LANG",
    "clock": "GREMIUM_CLOCK",
    "simulated_start": "GREMIUM_SIMULATED_START",
    "workflows": "GREMIUM_WORKFLOWS",
    "archive": "GREMIUM_ARCHIVE",
    "attach_documents": "GREMIUM_ATTACH_DOCUMENTS",
    "timer_lease_seconds": "GREMIUM_TIMER_LEASE_SECONDS",
    # attachments of agenda items (stored in the database)
    "attachment_max_mb": "GREMIUM_ATTACHMENT_MAX_MB",
    "meeting_attachments_max_mb": "GREMIUM_MEETING_ATTACHMENTS_MAX_MB",
    "mail_attachments_max_mb": "GREMIUM_MAIL_ATTACHMENTS_MAX_MB",
}
_SIZE_KEYS = ("attachment_max_mb", "meeting_attachments_max_mb", "mail_attachments_max_mb")


@dataclasses.dataclass(frozen=True)
class Settings:
    database: str = DEFAULT_DATABASE
    default_actor: str | None = None
    language: str = "de"
    clock: str = "system"
    simulated_start: dt.datetime = dt.datetime(2026, 1, 5, 9, 0)
    workflows: str | None = None
    """A folder of workflow definitions to use instead of the shipped ones."""
    archive: str | None = None
    """A folder where a copy of the archived minutes is filed (see :meth:`archive_folder`)."""
    attach_documents: bool = True
    """Attach the agenda to invitations and the draft to circulated minutes as PDF."""
    timer_lease_seconds: int = 600
    """How long a runner's claim on a timer lasts (several runners share one database)."""
    attachment_max_mb: int = 20
    meeting_attachments_max_mb: int = 100
    mail_attachments_max_mb: int = 10
    source: str = "(defaults)"
    mail: dict[str, Any] = dataclasses.field(default_factory=dict)
    """The [mail] table, checked by governance.mail.settings when mail is sent."""

    def archive_folder(self) -> Path | None:
        """Where copies of archived documents go: the setting, else ``archive/`` next
        to the SQLite file, else none. The archived documents themselves are in the
        database; a folder relative to the working folder of whichever process
        archives would scatter the copies over machines, so there is no such default."""
        if self.archive:
            return Path(self.archive).absolute()
        prefix = "sqlite:///"
        if self.database.startswith(prefix) and self.database[len(prefix) :] not in (
            "",
            ":memory:",
        ):
            return Path(self.database[len(prefix) :]).absolute().parent / "archive"
        return None

    def attachment_limits(self) -> AttachmentLimits:
        return AttachmentLimits(
            max_file_bytes=self.attachment_max_mb * MB,
            max_meeting_bytes=self.meeting_attachments_max_mb * MB,
            max_mail_bytes=self.mail_attachments_max_mb * MB,
        )

    def with_overrides(self, **overrides: Any) -> Settings:
        changes = {k: v for k, v in overrides.items() if v is not None}
        return _checked(dataclasses.replace(self, **changes))


def load_settings(path: str | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    environ = os.environ if environ is None else environ
    file = path or environ.get("GREMIUM_CONFIG")
    data: dict[str, Any] = {}
    source = "(defaults)"
    if file or Path("gremium.toml").is_file():
        p = Path(file or "gremium.toml")
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigurationError(
                "error.config", file=str(p), problem="file not found"
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigurationError("error.config", file=str(p), problem=str(exc)) from None
        source = str(p)
        unknown = set(data) - set(ENV) - {"mail"}
        if unknown:
            raise ConfigurationError(
                "error.config",
                file=str(p),
                problem=f"unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(ENV)}",
            )
    for key, var in ENV.items():
        if environ.get(var):
            data[key] = environ[var]
    if isinstance(data.get("simulated_start"), str):
        try:
            data["simulated_start"] = dt.datetime.fromisoformat(data["simulated_start"])
        except ValueError:
            raise ConfigurationError(
                "error.config", file=source, problem="simulated_start must be YYYY-MM-DD HH:MM"
            ) from None
    if isinstance(data.get("attach_documents"), str):
        text = data["attach_documents"].strip().lower()
        if text not in ("true", "false", "1", "0", "yes", "no"):
            raise ConfigurationError(
                "error.config", file=source, problem="attach_documents must be true or false"
            )
        data["attach_documents"] = text in ("true", "1", "yes")
    if isinstance(data.get("timer_lease_seconds"), str):
        try:
            data["timer_lease_seconds"] = int(data["timer_lease_seconds"])
        except ValueError:
            raise ConfigurationError(
                "error.config", file=source, problem="timer_lease_seconds must be a whole number"
            ) from None
    for key in _SIZE_KEYS:
        if isinstance(data.get(key), str):
            try:
                data[key] = int(data[key])
            except ValueError:
                raise ConfigurationError(
                    "error.config", file=source, problem=f"{key} must be a whole number of MB"
                ) from None
    mail = data.pop("mail", None) or {}
    if not isinstance(mail, dict):
        raise ConfigurationError(
            "error.config", file=source, problem="mail must be a table ([mail])"
        )
    return _checked(Settings(source=source, mail=mail, **data))


def _checked(settings: Settings) -> Settings:
    if settings.language not in ("de", "en"):
        raise ConfigurationError(
            "error.config",
            file=settings.source,
            problem=f"language must be de or en, not {settings.language!r}",
        )
    if settings.timer_lease_seconds < 1:
        raise ConfigurationError(
            "error.config", file=settings.source, problem="timer_lease_seconds must be at least 1"
        )
    for key in _SIZE_KEYS:
        value = getattr(settings, key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigurationError(
                "error.config",
                file=settings.source,
                problem=f"{key} must be a whole number of MB, at least 1 (not {value!r})",
            )
    if settings.clock not in ("system", "simulated"):
        raise ConfigurationError(
            "error.config",
            file=settings.source,
            problem=f"clock must be system or simulated, not {settings.clock!r}",
        )
    return settings
