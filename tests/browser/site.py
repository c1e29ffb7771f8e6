"""A Gremium site for the browser tests: a SQLite file built from nothing, a real SMTP
server on loopback that receives its mail, and ``gremium web`` serving it.

The database is built the way an operator builds one: ``gremium init`` and
further commands through the CLI (or the demo year, which runs the services
on a simulated clock). Commands that an administrator runs beside the web
application (``gremium tick`` moves the simulated clock, ``gremium outbox
send`` is the mail pass ``gremium run`` makes) run as subprocesses against
the same file while the server runs.
"""

from __future__ import annotations

import dataclasses
import re
import time
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from tests import cli_in_process, web_server
from tests.mail_support import Mailbox, start_server


@dataclasses.dataclass
class Site:
    folder: Path
    config: Path
    mailbox: Mailbox
    smtp: Controller
    server: web_server.WebServer | None = None

    @property
    def database(self) -> str:
        return f"sqlite:///{self.folder / 'gremium.db'}"

    @property
    def base_url(self) -> str:
        assert self.server is not None, "the site's server is not running"
        return self.server.base_url

    def url(self, path: str) -> str:
        return self.base_url + path

    # --- the administrator's side: commands beside the server ---

    def gremium(self, *args: str, actor: str | None = None) -> str:
        """Run ``gremium --config <this site's> [--as actor] args``; its output (exit 0 or fail)."""
        return cli_in_process.ok(
            "--config", str(self.config), *(["--as", actor] if actor else []), *args
        )

    def serve(self) -> Site:
        self.server = web_server.start(self.config, workers=1, cwd=self.folder)
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
        self.smtp.stop()

    # --- mail as the person receives it ---

    def _received(self) -> list[tuple[list[str], EmailMessage]]:
        with self.mailbox.lock:
            return list(self.mailbox.received)

    def mails_to(self, address: str) -> list[EmailMessage]:
        return [
            message
            for recipients, message in self._received()
            if address.lower() in (r.lower() for r in recipients)
        ]

    def sign_in_link(self, address: str, *, seen: int, timeout: float = 90.0) -> str:
        """The link of the sign-in mail to *address* that arrived after the first *seen* mails.

        The web application sends it at once over SMTP; should it still be queued
        (the relay was busy), the mail pass (``gremium run``'s dispatcher, here
        ``gremium outbox send``) delivers it, as it would on a server.
        """
        deadline = time.monotonic() + timeout
        sent = False
        while True:
            fresh = self.mails_to(address)[seen:]
            for message in fresh:
                found = _link_in(message, self.base_url)
                if found:
                    return found
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"no sign-in mail to {address} within {timeout:.0f} s "
                    f"({len(self.mails_to(address))} mails to that address in all)"
                )
            if not sent:
                self.gremium("outbox", "send")
                sent = True
                continue
            time.sleep(0.2)


def _text_of(message: EmailMessage) -> str:
    parts: list[str] = []
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts.append(str(part.get_content()))
    return "\n".join(parts)


def _link_in(message: EmailMessage, base_url: str) -> str | None:
    """The sign-in link in *message* (whatever site it names: the test checks that)."""
    found = re.search(r"https?://[^\s\"'<>]+/sign-in/[A-Za-z0-9_\-]+", _text_of(message))
    return found.group(0) if found else None


def new_site(
    folder: Path,
    *,
    simulated_start: str,
    extra: dict[str, Any] | None = None,
    web: dict[str, Any] | None = None,
) -> Site:
    """A folder with a configuration (SQLite file, simulated clock, SMTP on loopback);
    *web* is the [web] table."""
    folder.mkdir(parents=True, exist_ok=True)
    mailbox = Mailbox()
    smtp = start_server(mailbox)
    settings: dict[str, Any] = {
        "database": f"sqlite:///{folder / 'gremium.db'}",
        "language": "de",
        "clock": "simulated",
        "simulated_start": simulated_start,
        # PDFs in mails cost half a second each; no browser test reads them
        "attach_documents": False,
        **(extra or {}),
    }
    config = web_server.write_config(
        folder / "gremium.toml",
        settings,
        mail={
            "delivery": "smtp",
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp.port,
            "smtp_security": "none",
            "smtp_timeout": 5.0,
            "sender": "gremium@ba-tk.example.org",
        },
        web=web,
    )
    return Site(folder, config, mailbox, smtp)
