"""The audit chain's HMAC keys, kept outside the database.

Whoever can write to the database could otherwise recompute the whole
chain after editing it. With a key only the installation holds (a file,
``audit_key_file``), a rebuilt chain no longer verifies.

The file holds one key per line, ``<key id> <key, base64>``; the key id is
the first 16 hex digits of the key's SHA-256, so a record names the key that
sealed it without revealing it. Rotation adds a line and never removes one:
the records sealed with an older key must keep verifying. The file is
created with mode 0600 and written by replacing it atomically.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import stat
import tempfile
from pathlib import Path

from governance.errors import ConfigurationError

KEY_BYTES = 32


def key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:16]


class Keyring:
    """The keys of one installation, by id; the last one is the newest."""

    def __init__(self, path: Path, keys: dict[str, bytes]) -> None:
        self.path = path
        self.keys = keys

    def get(self, kid: str) -> bytes | None:
        return self.keys.get(kid)

    @property
    def newest(self) -> str:
        return list(self.keys)[-1]

    @classmethod
    def load(cls, path: Path) -> Keyring | None:
        """The keyring in *path*, or None when there is no such file."""
        try:
            text = path.read_text(encoding="ascii")
            mode = path.stat().st_mode
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigurationError(
                "audit.key.unreadable", path=str(path), problem=str(exc)
            ) from None
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            # Like ssh with a private key: a key others can read protects nothing.
            raise ConfigurationError(
                "audit.key.permissions", path=str(path), mode=oct(mode & 0o777)
            )
        keys: dict[str, bytes] = {}
        for number, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                kid, encoded = line.split()
                key = base64.b64decode(encoded, validate=True)
            except ValueError:
                raise ConfigurationError(
                    "audit.key.unreadable", path=str(path), problem=f"line {number}"
                ) from None
            if len(key) < KEY_BYTES or key_id(key) != kid:
                raise ConfigurationError(
                    "audit.key.unreadable", path=str(path), problem=f"line {number}"
                )
            keys[kid] = key
        if not keys:
            raise ConfigurationError("audit.key.unreadable", path=str(path), problem="no key")
        return cls(path, keys)

    @classmethod
    def create(cls, path: Path) -> Keyring:
        """A new key file with one fresh key (refuses to overwrite one)."""
        ring = cls(path, {})
        ring._add_key()
        ring._write(exclusive=True)
        return ring

    def rotate(self) -> str:
        """Add a fresh key to the file and return its id (the older keys stay)."""
        kid = self._add_key()
        self._write(exclusive=False)
        return kid

    def _add_key(self) -> str:
        key = secrets.token_bytes(KEY_BYTES)
        kid = key_id(key)
        self.keys[kid] = key
        return kid

    def _write(self, *, exclusive: bool) -> None:
        lines = ["# Gremium audit chain keys: keep secret, back up, never edit.\n"]
        lines += [f"{kid} {base64.b64encode(key).decode()}\n" for kid, key in self.keys.items()]
        data = "".join(lines).encode("ascii")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if exclusive:
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                raise ConfigurationError("audit.key.exists", path=str(self.path)) from None
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            return
        # mkstemp creates the file 0600; the rename replaces the old file whole.
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".audit-key-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class KeySource:
    """Where a database's sessions find the keyring: read once, on first use."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._ring: Keyring | None = None

    def keyring(self) -> Keyring | None:
        if self.path is None:
            return None
        if self._ring is None:
            self._ring = Keyring.load(self.path)
        return self._ring

    def forget(self) -> None:
        """Read the file again on next use (after a rotation by this process)."""
        self._ring = None
