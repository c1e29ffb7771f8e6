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
    archive = "/srv/gremium/archive"        # approved minutes as PDF/A (default: archive/ next to
                                            # the SQLite file, else in the working folder)
    attach_documents = true                 # agenda / draft minutes as PDF in the mails
    timer_lease_seconds = 600               # a crashed runner's claimed timers fire elsewhere after this
    audit_key_file = "/etc/gremium/audit.key"  # the audit chain's HMAC keys (default: audit.key
                                            # next to the SQLite file, else in the working folder)

    [retention]                             # how long records about a person are kept: see
    signatures_years = 10                   # governance/retention.py

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
    "audit_key_file": "GREMIUM_AUDIT_KEY_FILE",
}


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
    """The folder approved minutes are filed in as PDF/A (see :meth:`archive_folder`)."""
    attach_documents: bool = True
    """Attach the agenda to invitations and the draft to circulated minutes as PDF."""
    timer_lease_seconds: int = 600
    """How long a runner's claim on a timer lasts (several runners share one database)."""
    source: str = "(defaults)"
    mail: dict[str, Any] = dataclasses.field(default_factory=dict)
    """The [mail] table, checked by governance.mail.settings when mail is sent."""
    audit_key_file: str | None = None
    """The file of the audit chain's HMAC keys (see :meth:`audit_key_path`)."""
    retention: dict[str, Any] = dataclasses.field(default_factory=dict)
    """The [retention] table, checked by governance.retention."""

    def audit_key_path(self) -> Path:
        """The key file: the setting, else ``audit.key`` next to the SQLite file, else in
        the working folder. Never inside the database: a key stored with the chain
        would protect nothing against someone who can write to it."""
        if self.audit_key_file:
            return Path(self.audit_key_file)
        return self._beside_database("audit.key")

    def archive_folder(self) -> Path:
        """The archive folder: the setting, else ``archive/`` next to the SQLite file,
        else ``archive/`` in the working folder (a server database has no file to sit by)."""
        if self.archive:
            return Path(self.archive)
        return self._beside_database("archive")

    def _beside_database(self, name: str) -> Path:
        prefix = "sqlite:///"
        if self.database.startswith(prefix) and self.database[len(prefix) :] not in (
            "",
            ":memory:",
        ):
            return Path(self.database[len(prefix) :]).parent / name
        return Path(name)

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
        unknown = set(data) - set(ENV) - {"mail", "retention"}
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
    mail = data.pop("mail", None) or {}
    if not isinstance(mail, dict):
        raise ConfigurationError(
            "error.config", file=source, problem="mail must be a table ([mail])"
        )
    retention = data.pop("retention", None) or {}
    if not isinstance(retention, dict):
        raise ConfigurationError(
            "error.config", file=source, problem="retention must be a table ([retention])"
        )
    return _checked(Settings(source=source, mail=mail, retention=retention, **data))


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
    if settings.clock not in ("system", "simulated"):
        raise ConfigurationError(
            "error.config",
            file=settings.source,
            problem=f"clock must be system or simulated, not {settings.clock!r}",
        )
    return settings
