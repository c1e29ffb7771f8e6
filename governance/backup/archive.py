"""The backup file: one ZIP archive with ``manifest.json`` and its members.

The manifest says what the file is (format and version, the Gremium version
and schema revision, the kind of database, when it was made), the SHA-256 and
size of every other member, and what the snapshot held (rows per table with a
digest of their content, every stored document's hash, the audit chain's head
and the keys that sealed it). A restore reads the manifest and checks every
member against it before anything is written: a damaged, cut-off or foreign
file is refused as a whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

from governance.errors import GremiumError

FORMAT = "gremium-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = {"sqlite": "database.sqlite", "postgresql": "database.pgdump"}
KEY_MEMBER = "audit.key"
MAX_MANIFEST_BYTES = 64 * 1000 * 1000
"""A manifest lists every document once: even a very large installation stays far below."""
_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write(out: Path, manifest: dict[str, Any], members: dict[str, Path]) -> None:
    """Write *members* (name -> file) and the manifest, which gets their hashes, to *out*.

    Written beside *out* under a temporary name and renamed at the end: a backup
    cut off by a full disk or a crash never stands under the name asked for.
    """
    manifest = {
        **manifest,
        "members": {
            name: {"sha256": file_sha256(path), "size": path.stat().st_size}
            for name, path in members.items()
        },
    }
    partial = out.with_name(f".{out.name}.partial")
    try:
        with zipfile.ZipFile(partial, "x", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
            for name, path in members.items():
                archive.write(path, name)
        partial.replace(out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def read(path: Path, folder: Path) -> dict[str, Any]:
    """The manifest of the backup *path*, its members unpacked into *folder* and checked.

    Refuses (changing nothing) a file that is not a Gremium backup, of a format
    version this Gremium does not know, or whose members differ from the manifest.
    """
    if not path.is_file():
        raise GremiumError("backup.file_missing", path=str(path))
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _manifest(archive, path)
            _unpack(archive, manifest, path, folder)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        raise GremiumError("backup.not_a_backup", path=str(path)) from None
    return manifest


def _manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise GremiumError("backup.not_a_backup", path=str(path)) from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise GremiumError("backup.not_a_backup", path=str(path))
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise GremiumError("backup.damaged", path=str(path), member=MANIFEST) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise GremiumError("backup.not_a_backup", path=str(path))
    if manifest.get("version") != VERSION:
        raise GremiumError(
            "backup.version", path=str(path), version=manifest.get("version"), known=VERSION
        )
    members = manifest.get("members")
    kind = (
        manifest.get("database", {}).get("kind")
        if isinstance(manifest.get("database"), dict)
        else None
    )
    if (
        not isinstance(members, dict)
        or kind not in DATABASE_MEMBER
        or DATABASE_MEMBER[kind] not in members
        or not set(members) <= {DATABASE_MEMBER[kind], KEY_MEMBER}
    ):
        raise GremiumError("backup.damaged", path=str(path), member=MANIFEST)
    return manifest


def _unpack(archive: zipfile.ZipFile, manifest: dict[str, Any], path: Path, folder: Path) -> None:
    listed = set(manifest["members"])
    present = set(archive.namelist()) - {MANIFEST}
    for name in sorted(listed ^ present):
        # a member missing, or one the manifest does not vouch for: not what was written
        raise GremiumError("backup.damaged", path=str(path), member=name)
    for name, expected in manifest["members"].items():
        digest = hashlib.sha256()
        size = 0
        target = folder / name
        try:
            # 0600: a member may be the audit key file
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with archive.open(name) as source, os.fdopen(fd, "wb") as sink:
                while chunk := source.read(_CHUNK):
                    size += len(chunk)
                    if size > int(expected.get("size", -1)):
                        break  # longer than the manifest says: stop reading
                    digest.update(chunk)
                    sink.write(chunk)
        except zipfile.BadZipFile:  # a CRC error in the member
            raise GremiumError("backup.damaged", path=str(path), member=name) from None
        if size != expected.get("size") or digest.hexdigest() != expected.get("sha256"):
            raise GremiumError("backup.damaged", path=str(path), member=name)
