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
    audit_key_file = "/etc/gremium/audit.key"  # the audit chain's HMAC keys (default: audit.key
                                            # next to the SQLite file, else in the working folder)

    [retention]                             # how long records about a person are kept: see
    signatures_years = 10                   # governance/retention.py

    [mail]                                  # delivery of e-mail: see governance/mail/settings.py
    delivery = "maildir"                    # maildir | smtp

    [web]                                   # gremium web: see governance/web_settings.py
    base_url = "https://gremium.example.org"

    [cli]                                   # the command line
    committee = "KG"                        # the committee of commands without --committee
                                            # (GREMIUM_COMMITTEE over it; --committee wins)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

from governance import config_tables
from governance.domain.attachments import MB, AttachmentLimits

DEFAULT_DATABASE = "sqlite:///gremium.db"

_PASSWORD = re.compile(r"(?P<user>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):[^@\s]*@")


def masked(text: str) -> str:
    """*text* with the password of any URL in it replaced by ***: for messages and logs."""
    return _PASSWORD.sub(r"\g<user>:***@", text)


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
    "group_access": "GREMIUM_GROUP_ACCESS",
    # attachments of agenda items (stored in the database)
    "attachment_max_mb": "GREMIUM_ATTACHMENT_MAX_MB",
    "meeting_attachments_max_mb": "GREMIUM_MEETING_ATTACHMENTS_MAX_MB",
    "mail_attachments_max_mb": "GREMIUM_MAIL_ATTACHMENTS_MAX_MB",
    "audit_key_file": "GREMIUM_AUDIT_KEY_FILE",
}
TABLES = ("mail", "retention", "web", "cli")
"""The tables of the file ([mail], ...): settings of one part of Gremium each."""
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
    group_access: bool = False
    """Files and folders Gremium creates (the database, mail, documents, archive) are
    readable by their owner only (0600/0700); with this, by the group too (0640/0750)."""
    attachment_max_mb: int = 20
    """The largest file one agenda item may carry."""
    meeting_attachments_max_mb: int = 100
    """All files of one meeting's agenda together."""
    mail_attachments_max_mb: int = 10
    """Files attached to one invitation mail; larger ones are named, not attached."""
    source: str = "(defaults)"
    mail: dict[str, Any] = dataclasses.field(default_factory=dict)
    """The [mail] table, checked by governance.mail.settings when mail is sent."""
    audit_key_file: str | None = None
    """The file of the audit chain's HMAC keys (see :meth:`audit_key_path`)."""
    retention: dict[str, Any] = dataclasses.field(default_factory=dict)
    """The [retention] table, checked by governance.retention."""
    web: dict[str, Any] = dataclasses.field(default_factory=dict)
    """The [web] table, checked by governance.web_settings when the settings are loaded."""
    committee: str | None = None
    """The committee of a command that names none (``[cli] committee``, ``GREMIUM_COMMITTEE``):
    with several committees in one installation, the one its users mostly work in."""
    committee_from: str = ""
    """Where :attr:`committee` was set (for the error when there is no such committee)."""

    def audit_key_path(self) -> Path:
        """The key file: the setting, else ``audit.key`` next to the SQLite file, else in
        the working folder. Never inside the database: a key stored with the chain
        would protect nothing against someone who can write to it."""
        if self.audit_key_file:
            return Path(self.audit_key_file)
        return (self._sqlite_folder() or Path(".").absolute()) / "audit.key"

    def archive_folder(self) -> Path | None:
        """Where copies of archived documents go: the setting, else ``archive/`` next
        to the SQLite file, else none. The archived documents themselves are in the
        database; a folder relative to the working folder of whichever process
        archives would scatter the copies over machines, so there is no such default."""
        if self.archive:
            return Path(self.archive).absolute()
        folder = self._sqlite_folder()
        return folder / "archive" if folder is not None else None

    def _sqlite_folder(self) -> Path | None:
        """The folder of the SQLite file (None for a server database or one in memory)."""
        prefix = "sqlite:///"
        if self.database.startswith(prefix) and self.database[len(prefix) :] not in (
            "",
            ":memory:",
        ):
            return Path(self.database[len(prefix) :]).absolute().parent
        return None

    def attachment_limits(self) -> AttachmentLimits:
        return AttachmentLimits(
            max_file_bytes=self.attachment_max_mb * MB,
            max_meeting_bytes=self.meeting_attachments_max_mb * MB,
            max_mail_bytes=self.mail_attachments_max_mb * MB,
        )

    def umask(self, current: int) -> int:
        """The process umask for creating files: *current*, never more open than
        owner-only (or owner and group with :attr:`group_access`)."""
        return current | (0o027 if self.group_access else 0o077)

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
            _refuse(str(p), "not_found")
        except (UnicodeDecodeError, IsADirectoryError, PermissionError):
            _refuse(str(p), "unreadable")
        except tomllib.TOMLDecodeError as exc:
            _refuse(str(p), "toml", detail=str(exc))
        source = str(p)
        unknown = set(data) - set(ENV) - set(TABLES)
        if unknown:
            _refuse(
                str(p),
                "unknown_keys",
                keys=", ".join(sorted(unknown)),
                allowed=", ".join([*ENV, *(f"[{table}]" for table in TABLES)]),
            )
    for key, value in data.items():
        # A value of the wrong type (database = 42) is refused here, not met as a crash later.
        expected = _TYPES.get(key)
        if expected is not None and not isinstance(value, expected):
            _refuse(source, "type", key=key, value=repr(value), expected=_type_name(key))
    for key, var in ENV.items():
        if environ.get(var):
            data[key] = environ[var]
    if isinstance(data.get("simulated_start"), str):
        try:
            data["simulated_start"] = dt.datetime.fromisoformat(data["simulated_start"])
        except ValueError:
            _refuse(source, "datetime", key="simulated_start", value=data["simulated_start"])
    for flag in ("attach_documents", "group_access"):
        if isinstance(data.get(flag), str):
            text = data[flag].strip().lower()
            if text not in ("true", "false", "1", "0", "yes", "no"):
                _refuse(source, "boolean", key=flag, value=data[flag])
            data[flag] = text in ("true", "1", "yes")
    if isinstance(data.get("timer_lease_seconds"), str):
        try:
            data["timer_lease_seconds"] = int(data["timer_lease_seconds"])
        except ValueError:
            _refuse(source, "integer", key="timer_lease_seconds", value=data["timer_lease_seconds"])
    for key in _SIZE_KEYS:
        if isinstance(data.get(key), str):
            try:
                data[key] = int(data[key])
            except ValueError:
                _refuse(source, "integer", key=key, value=data[key])
    mail = data.pop("mail", None) or {}
    if not isinstance(mail, dict):
        _refuse(source, "mail_table")
    retention = data.pop("retention", None) or {}
    if not isinstance(retention, dict):
        _refuse(source, "retention_table")
    web = data.pop("web", None) or {}
    if not isinstance(web, dict):
        _refuse(source, "web_table")
    committee, committee_from = _cli_table(source, data.pop("cli", None), environ)
    return _checked(
        Settings(
            source=source,
            mail=mail,
            retention=retention,
            web=web,
            committee=committee,
            committee_from=committee_from,
            **data,
        )
    )


def write_default_committee(settings: Settings, committee: str) -> Path | None:
    """Make *committee* the command line's default in the configuration file of
    *settings* (./gremium.toml when there is none yet): a ``[cli]`` table appended,
    the rest of the file (comments, order) as it was. None, and nothing written,
    when the file has a ``[cli]`` table already: the installation chose."""
    import json

    path = Path(settings.source if settings.source != "(defaults)" else "gremium.toml")
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if "cli" in tomllib.loads(text):
        return None
    if text:
        text = text if text.endswith("\n") else f"{text}\n"
        text += "\n"
    table = (
        "[cli]\n"
        # a TOML basic string: JSON's escapes are TOML's
        f"committee = {json.dumps(committee, ensure_ascii=False)}"
        "  # the committee of commands without --committee\n"
    )
    path.write_text(text + table, encoding="utf-8")
    return path


def _cli_table(source: str, table: Any, environ: Mapping[str, str]) -> tuple[str | None, str]:
    """The default committee of the command line and where it was set: the [cli]
    table's ``committee``, with ``GREMIUM_COMMITTEE`` over it."""
    table = table or {}
    if not isinstance(table, dict):
        _refuse(source, "cli_table")
    unknown = set(table) - {"committee"}
    if unknown:
        _refuse(source, "unknown_cli_keys", keys=", ".join(sorted(unknown)), allowed="committee")
    committee, where = table.get("committee"), f"[cli] committee ({source})"
    if environ.get("GREMIUM_COMMITTEE"):
        committee, where = environ["GREMIUM_COMMITTEE"], "GREMIUM_COMMITTEE"
    if committee is None:
        return None, ""
    if not isinstance(committee, str | int) or isinstance(committee, bool):
        from governance.errors import Text

        _refuse(
            source,
            "type",
            key="cli.committee",
            value=repr(committee),
            expected=Text("config.type.text"),
        )
    text = str(committee).strip()
    if not text or len(text) > 40 or any(ch.isspace() for ch in text):
        _refuse(source, "cli_committee", value=str(committee)[:80], where=where)
    return text, where


def _checked(settings: Settings) -> Settings:
    if settings.language not in ("de", "en"):
        _refuse(
            settings.source, "choice", key="language", value=settings.language, allowed="de, en"
        )
    if settings.timer_lease_seconds < 1:
        _refuse(settings.source, "minimum", key="timer_lease_seconds", minimum=1)
    for key in _SIZE_KEYS:
        value = getattr(settings, key)
        if not isinstance(value, int) or isinstance(value, bool):
            _refuse(settings.source, "integer", key=key, value=value)
        if value < 1:
            _refuse(settings.source, "minimum", key=key, minimum=1)
    if settings.clock not in ("system", "simulated"):
        _refuse(
            settings.source,
            "choice",
            key="clock",
            value=settings.clock,
            allowed="system, simulated",
        )
    if settings.mail:
        # The [mail] table is checked at start, with the rest: an unknown key
        # must not wait until the first mail is sent.
        from governance.mail.settings import mail_settings

        mail_settings(settings)
    # [web] likewise (and GREMIUM_WEB_*: a bad value is refused by every command).
    from governance.web_settings import web_settings

    web_settings(settings)
    return settings


_TYPES: dict[str, type | tuple[type, ...]] = {
    "database": str,
    "default_actor": str,
    "language": str,
    "clock": str,
    "simulated_start": (str, dt.datetime),
    "workflows": str,
    "archive": str,
    "attach_documents": bool,
    "timer_lease_seconds": int,
    "group_access": bool,
    "attachment_max_mb": int,
    "meeting_attachments_max_mb": int,
    "mail_attachments_max_mb": int,
    "audit_key_file": str,
    "mail": dict,
    "retention": dict,
    "web": dict,
    "cli": dict,
}
_TYPE_NAMES = {
    key: "boolean"
    if kind is bool
    else "integer"
    if kind is int
    else "table"
    if kind is dict
    else "text"
    for key, kind in _TYPES.items()
}


def _type_name(key: str) -> Any:
    from governance.errors import Text

    return Text(f"config.type.{_TYPE_NAMES[key]}")


def _refuse(source: str, problem: str, **params: Any) -> NoReturn:
    config_tables.refuse(source, problem, **params)
