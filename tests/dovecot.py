"""A real Dovecot IMAP server on loopback, for the tests of replies by mail.

Started by the tests from a configuration of their own in a temporary folder
(never /etc/dovecot): one user with a password, Maildir storage, IMAP on a
free loopback port without TLS. Debian's ``dovecot-imapd`` provides the
binary (``make test`` installs it where it may); without it the tests skip
saying so, and CI (``GREMIUM_REQUIRE_DOVECOT=1``) fails instead.

Run as root, Dovecot's own unprivileged users (dovenull, dovecot) serve the
logins and the mail; run as anyone else, that user does everything.
"""

from __future__ import annotations

import imaplib
import os
import pwd
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.mail_support import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER = "geschaeftsstelle@ba-tk.example.org"
PASSWORD = "geheim-fuer-tests"


def missing() -> str | None:
    """Why no Dovecot can be started here (None: it can)."""
    if not Path(DOVECOT).exists():
        return (
            "Dovecot is not installed (Debian: apt-get install dovecot-imapd; "
            "make test installs it when run as root)"
        )
    return None


def require_or_skip() -> None:
    why = missing()
    if why is None:
        return
    if os.environ.get("GREMIUM_REQUIRE_DOVECOT") == "1":
        pytest.fail(f"GREMIUM_REQUIRE_DOVECOT=1 but {why}")
    pytest.skip(why)


class Dovecot:
    """One running server; :meth:`stop` ends it (the fixture does)."""

    def __init__(self, folder: Path, *, tls: bool = False) -> None:
        self.folder = folder
        self.port = free_port()
        self.tls_port = free_port() if tls else 0
        ssl_lines = "ssl = no"
        if tls:
            cert, key = _self_signed(folder)
            ssl_lines = f"ssl = yes\nssl_cert = <{cert}\nssl_key = <{key}"
        self.config = folder / "dovecot.conf"
        home = folder / "home"
        for sub in ("run", "state", "home"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            mail_user = pwd.getpwnam("dovecot")
            login_user, internal_user = "dovenull", "dovecot"
            os.chown(home, mail_user.pw_uid, mail_user.pw_gid)
            # The base folder must be reachable by the unprivileged users.
            for path in (folder, folder / "run"):
                path.chmod(0o755)
            uid, gid = mail_user.pw_uid, mail_user.pw_gid
        else:
            me = pwd.getpwuid(os.geteuid())
            login_user = internal_user = me.pw_name
            uid, gid = me.pw_uid, me.pw_gid
        users = folder / "users"
        users.write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n", encoding="utf-8")
        users.chmod(0o644)
        self.config.write_text(
            f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl_lines}
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 0
default_login_user = {login_user}
default_internal_user = {internal_user}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {users}
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={home}/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.tls_port}
  }}
}}
""",
            encoding="utf-8",
        )
        subprocess.run([DOVECOT, "-c", str(self.config)], check=True, timeout=30)
        deadline = time.monotonic() + 10
        while True:
            try:
                with self.client():
                    break
            except OSError:
                if time.monotonic() > deadline:
                    log = (folder / "dovecot.log").read_text(errors="replace")
                    raise RuntimeError(f"Dovecot did not answer on {self.port}:\n{log}") from None
                time.sleep(0.05)

    @property
    def ca_file(self) -> Path:
        """The self-signed certificate (tls=True): the CA a client must trust."""
        return self.folder / "cert.pem"

    def client(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        client.login(USER, PASSWORD)
        return client

    def settings(self) -> dict[str, object]:
        """The [mail] keys that point Gremium at this server."""
        return {
            "imap_host": "127.0.0.1",
            "imap_port": self.port,
            "imap_security": "none",
            "imap_user": USER,
            "imap_password_file": str(self.folder / "password"),
            "reply_address": USER,
        }

    def write_password_file(self) -> None:
        path = self.folder / "password"
        path.write_text(PASSWORD + "\n", encoding="utf-8")
        path.chmod(0o600)

    def deliver(self, raw: bytes, folder: str = "INBOX") -> None:
        """Put *raw* into the mailbox as the mail server would (IMAP APPEND)."""
        client = self.client()
        try:
            status, data = client.append(folder, None, None, raw)
            assert status == "OK", data
        finally:
            client.logout()

    def mailbox(self, folder: str = "INBOX") -> list[tuple[int, set[str], bytes]]:
        """Every message still in *folder*: (UID, flags, bytes), oldest first."""
        client = self.client()
        try:
            client.select(folder, readonly=True)
            status, data = client.uid("SEARCH", None, "ALL")  # type: ignore[arg-type]
            assert status == "OK"
            found = []
            for uid in (data[0] or b"").split():
                status, parts = client.uid("FETCH", uid.decode(), "(FLAGS BODY.PEEK[])")
                assert status == "OK"
                head, body = parts[0]  # type: ignore[misc]
                flags = imaplib.ParseFlags(head)
                found.append((int(uid), {f.decode() for f in flags}, body))
            return found
        finally:
            client.logout()

    def stop(self) -> None:
        pid_file = self.folder / "run" / "master.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().strip())
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                return
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    return
                time.sleep(0.05)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by itself, and its key (cryptography)."""
    import datetime as dt
    import ipaddress

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
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return cert_path, key_path
