"""Backup and restore of an installation: ``gremium backup`` and ``gremium restore``.

A backup is one consistent snapshot of the database, taken while the runners
work (SQLite's backup interface; ``pg_dump`` on PostgreSQL). The archived
documents (the minutes' PDF/A, the files of agenda items) are in the database,
so they are in the snapshot; the manifest lists each one with its hash. The
file is described in :mod:`governance.backup.archive`.

What a backup does not hold, and says so: the configuration file (it may hold
passwords), the audit chain's key file unless asked for (``--with-audit-key``:
a key kept with the chain protects nothing against whoever holds both, so it
is kept apart by default and the manifest names the keys a restore needs), the
copies of the archived documents in the archive folder (copies of what the
database holds), and mail delivered to Maildir folders.

A restore goes onto an empty database of the same kind (SQLite onto SQLite,
PostgreSQL onto PostgreSQL): it checks the file, the target and the audit keys
first and changes nothing when one of them is wrong; then it loads the
snapshot, compares what it loaded with the manifest and verifies the audit
chain.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from governance import __version__
from governance.audit_keys import Keyring, KeySource
from governance.backup import archive, contents, postgres, sqlite
from governance.config import Settings
from governance.database import MIGRATIONS, Database
from governance.errors import ConfigurationError, GremiumError

NOT_INCLUDED = ("config", "archive_folder", "maildir")
"""Besides the audit key file (unless asked for): see the module's docstring."""


@dataclasses.dataclass(frozen=True)
class Made:
    """A backup written: where, its size and hash, and its manifest."""

    path: Path
    size: int
    sha256: str
    manifest: dict[str, Any]
    key_file: Path
    """The audit key file of the installation (in the backup or not: see the manifest)."""


@dataclasses.dataclass(frozen=True)
class Restored:
    """A backup loaded, and what the checks after loading found."""

    manifest: dict[str, Any]
    target: str
    key_file: Path
    key_written: bool
    """The key file was written from the backup (it was not there)."""
    differences: list[str]
    """Where the loaded database differs from the manifest (empty: it does not)."""
    verify: Any
    """The audit chain's verification (a governance.audit_verify.VerifyResult)."""
    upgrade_needed: bool
    """The backup's schema is older than this Gremium's: ``gremium db upgrade`` next."""

    @property
    def ok(self) -> bool:
        return not self.differences and bool(self.verify.ok)


def kind_of(db: Database) -> str:
    return "sqlite" if db.is_sqlite else db.engine.dialect.name


def make(
    settings: Settings, out: Path, *, with_audit_key: bool = False, now: dt.datetime | None = None
) -> Made:
    """Write a backup of the installation of *settings* to the new file *out*."""
    out = out.absolute()
    if out.exists():
        raise GremiumError("backup.out_exists", path=str(out))
    if not out.parent.is_dir():
        raise GremiumError("backup.target_folder_missing", path=str(out.parent))
    started = now or dt.datetime.now(dt.UTC)  # the snapshot's moment is a little later
    key_file = settings.audit_key_path()
    if with_audit_key and Keyring.load(key_file) is None:
        raise ConfigurationError("backup.key_file_missing", path=str(key_file))
    db = Database(settings.database, key_file)
    try:
        db.require_current_schema()
        kind = kind_of(db)
        with tempfile.TemporaryDirectory(dir=out.parent, prefix=".gremium-backup-") as tmp:
            member = Path(tmp) / archive.DATABASE_MEMBER[kind]
            database: dict[str, Any] = {"kind": kind}
            if kind == "sqlite":
                source = db.sqlite_file()
                if source is None:
                    raise GremiumError("backup.sqlite_in_memory")
                held = sqlite.snapshot(source, member)
            else:
                held, made_by = postgres.snapshot(db.engine, db.url, member)
                database |= made_by
            members = {archive.DATABASE_MEMBER[kind]: member}
            if with_audit_key:
                members[archive.KEY_MEMBER] = key_file
            manifest = {
                "format": archive.FORMAT,
                "version": archive.VERSION,
                "gremium": __version__,
                "schema_revision": db.head_revision(),
                "database": database,
                "created_at": started.isoformat(timespec="seconds"),
                **held,
                "audit_key_included": with_audit_key,
                "not_included": [*NOT_INCLUDED, *([] if with_audit_key else ["audit_key"])],
            }
            archive.write(out, manifest, members)
    finally:
        db.dispose()
    return Made(out, out.stat().st_size, archive.file_sha256(out), manifest, key_file)


def restore(settings: Settings, file: Path) -> Restored:
    """Load the backup *file* into the (empty) database of *settings*."""
    from governance.audit_verify import verify_reading

    key_file = settings.audit_key_path()
    db = Database(settings.database, key_file)
    try:
        with tempfile.TemporaryDirectory(prefix="gremium-restore-") as tmp:
            folder = Path(tmp)
            manifest = archive.read(file, folder)
            revision = str(manifest.get("schema_revision"))
            known = known_revisions()
            if revision not in known:
                raise GremiumError("backup.unknown_revision", revision=revision)
            kind = kind_of(db)
            database = manifest["database"]
            if database["kind"] != kind:
                raise GremiumError("backup.kind_differs", backup=database["kind"], target=kind)
            snapshot = folder / archive.DATABASE_MEMBER[kind]
            # Every check before the first write: a refusal changes nothing.
            target = db.sqlite_file()
            if kind == "sqlite":
                if target is None:
                    raise GremiumError("backup.sqlite_in_memory")
                sqlite.refuse_non_empty(target)
            else:
                pg_restore = postgres.restore_tool(database)
                schema_state = postgres.refuse_non_empty(db.engine, database, db.display_url())
            write_key = _key_plan(manifest, key_file, folder)
            if target is not None:
                sqlite.restore(snapshot, target)
            else:
                postgres.restore(pg_restore, snapshot, db.url, schema_state == "exists", folder)
            if write_key:
                _write_key(folder / archive.KEY_MEMBER, key_file)
        db.engine.dispose()  # a fresh connection sees the loaded tables
        with db.read_connection() as conn, conn.begin():
            found = contents.read(conn)
            result = verify_reading(conn, KeySource(key_file))
    finally:
        db.dispose()
    return Restored(
        manifest=manifest,
        target=db.display_url(),
        key_file=key_file,
        key_written=write_key,
        differences=contents.differences(manifest, found),
        verify=result,
        upgrade_needed=revision != known[-1],
    )


def known_revisions() -> list[str]:
    """The schema revisions this Gremium knows, oldest first (read from the migrations)."""
    links: dict[str, str | None] = {}
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision = re.search(r'^revision\s*=\s*["\']([^"\']+)["\']', source, re.M)
        down = re.search(r'^down_revision\s*=\s*(?:["\']([^"\']+)["\']|None)', source, re.M)
        if revision:
            links[revision.group(1)] = down.group(1) if down else None
    ordered: list[str] = []
    following = {down: rev for rev, down in links.items()}
    current = following.get(None)
    while current is not None and current not in ordered:
        ordered.append(current)
        current = following.get(current)
    return ordered


def _key_plan(manifest: dict[str, Any], key_file: Path, folder: Path) -> bool:
    """Whether the key file is to be written from the backup; refused when the keys the
    restored chain needs would be neither in the key file nor in the backup."""
    needed = set(manifest.get("audit", {}).get("key_ids", []))
    ring = Keyring.load(key_file)
    have = set(ring.keys) if ring is not None else set()
    missing = sorted(needed - have)
    if not missing:
        return False
    if manifest.get("audit_key_included"):
        if ring is not None:
            # Never overwrite a key file: its keys may seal another chain.
            raise ConfigurationError(
                "backup.key_file_differs", path=str(key_file), keys=", ".join(missing)
            )
        carried = Keyring.load(folder / archive.KEY_MEMBER)
        if carried is not None and not set(missing) - set(carried.keys):
            return True
    raise ConfigurationError("backup.key_missing", path=str(key_file), keys=", ".join(missing))


def _write_key(source: Path, key_file: Path) -> None:
    key_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(source.read_bytes())
        f.flush()
        os.fsync(f.fileno())
