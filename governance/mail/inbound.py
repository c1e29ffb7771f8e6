"""Reading the secretariat's mailbox over IMAP (imap-tools): one pass.

Why IMAP rather than an inbound SMTP/LMTP port of Gremium's own: the
secretariat's mailbox exists already, at its provider or the district's
mail server, with its spam filter, virus scanner, backups and the people
who read it; reading it needs one account and no DNS, MX, firewall or TLS
certificate for a public port, and nothing is lost while Gremium is down
(the mail waits in the mailbox). What Gremium does not understand stays
where people look anyway. A port of its own would make Gremium a mail
server exposed to the internet, and a message it rejected or lost while it
was stopped would be nobody's.

A pass: log in, select the folder, list the messages that carry neither of
Gremium's keywords, and for each (oldest first):

1. a message larger than ``inbound_max_bytes`` is not read: it is marked for
   people (``\\Flagged`` and :data:`FOR_PEOPLE`);
2. otherwise :func:`governance.services.inbound.process` records it and does
   what it says in one transaction (the record's Message-ID is unique);
3. only then the message is marked: :data:`DONE` (and ``\\Seen``) when
   understood, ``\\Flagged`` and :data:`FOR_PEOPLE` when not.

Nothing is ever deleted or moved. A runner that dies between 2 and 3 finds
the message again at the next pass, unmarked; its record is there, so
nothing is done twice and the message is only marked. A runner that dies
before 2 committed left no trace: the message is processed at the next pass.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import ssl
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from governance.mail.settings import MailSettings, imap_password

if TYPE_CHECKING:
    from imap_tools import BaseMailBox

    from governance.bootstrap import App
    from governance.services.inbound import Outcome

_log = logging.getLogger(__name__)

DONE = "Gremium-erledigt"
"""IMAP keyword of a message Gremium understood and acted on (shown as a tag by clients)."""
FOR_PEOPLE = "Gremium-bitte-lesen"
"""IMAP keyword of a message Gremium did not understand: for people to read."""
BATCH = 50
"""Messages fetched per pass at most: a pass ends in bounded time; the next takes the rest."""


class MailboxUnavailable(Exception):
    """The IMAP server could not be reached, or refused the login (said in one line)."""


@dataclasses.dataclass
class FetchReport:
    read: int = 0
    rsvp: int = 0
    objections: int = 0
    not_understood: int = 0
    already: int = 0
    """Found processed already (a runner died before marking them): only marked now."""
    too_large: int = 0
    outcomes: list[tuple[int, Outcome | None]] = dataclasses.field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        self.read += 1
        if outcome.already:
            self.already += 1
        elif outcome.outcome == "rsvp":
            self.rsvp += 1
        elif outcome.outcome == "objection_pending":
            self.objections += 1
        else:
            self.not_understood += 1


def _ssl_context(settings: MailSettings) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=settings.imap_ca_file or None)
    return context


@contextlib.contextmanager
def connect(settings: MailSettings) -> Iterator[BaseMailBox]:
    """The mailbox, logged in, its folder selected; logged out afterwards."""
    from imap_tools import MailBox, MailBoxStartTls, MailBoxUnencrypted

    host, port = settings.imap_host or "", settings.imap_port_or_default
    box: BaseMailBox
    try:
        if settings.imap_security == "tls":
            box = MailBox(
                host, port, timeout=settings.imap_timeout, ssl_context=_ssl_context(settings)
            )
        elif settings.imap_security == "starttls":
            box = MailBoxStartTls(
                host, port, timeout=settings.imap_timeout, ssl_context=_ssl_context(settings)
            )
        else:
            box = MailBoxUnencrypted(host, port, timeout=settings.imap_timeout)
    except (OSError, ssl.SSLError) as exc:
        raise MailboxUnavailable(f"{host}:{port}: {exc}") from None
    except Exception as exc:  # imap-tools' own errors (STARTTLS refused, a greeting not IMAP)
        raise MailboxUnavailable(f"{host}:{port}: {type(exc).__name__}: {exc}") from None
    try:
        try:
            box.login(settings.imap_user or "", imap_password(settings), settings.imap_folder)
        except Exception as exc:  # never the password: imap-tools says the server's answer
            raise MailboxUnavailable(
                f"{settings.imap_user}@{host}: login or folder {settings.imap_folder!r} refused: "
                f"{type(exc).__name__}"
            ) from None
        yield box
    finally:
        with contextlib.suppress(Exception):  # already gone: nothing to tidy
            box.logout()


def fetch(
    app: App,
    settings: MailSettings,
    *,
    stop: Callable[[], bool] = lambda: False,
    limit: int = BATCH,
    after_record: Callable[[int], None] | None = None,
) -> FetchReport:
    """One pass over the mailbox (see the module's docstring).

    *after_record* is called with each message's UID after its record is
    committed and before it is marked (the tests stop the process there).
    """
    from imap_tools import AND, NOT

    from governance.services import inbound

    report = FetchReport()
    try:
        with connect(settings) as box:
            status = box.folder.status(settings.imap_folder, ["UIDVALIDITY"])
            uidvalidity = int(status.get("UIDVALIDITY", 0)) or None
            criteria = AND(NOT(keyword=DONE), NOT(keyword=FOR_PEOPLE))
            uids = box.uids(criteria)[:limit]
            if not uids:
                return report
            sizes = {
                m.uid: m.size_rfc822
                for m in box.fetch(uid_list=uids, headers_only=True, mark_seen=False, bulk=True)
            }
            for uid in uids:
                if stop():
                    break
                if sizes.get(uid, 0) > settings.inbound_max_bytes:
                    _mark(box, uid, understood=False)
                    report.too_large += 1
                    report.outcomes.append((int(uid), None))
                    continue
                messages = list(box.fetch(uid_list=[uid], mark_seen=False))
                if not messages:
                    continue  # deleted by someone meanwhile
                raw = messages[0].obj.as_bytes()
                outcome = inbound.process(
                    app,
                    raw,
                    folder=settings.imap_folder,
                    uid=int(uid),
                    uidvalidity=uidvalidity,
                )
                if after_record is not None:
                    after_record(int(uid))
                _mark(box, uid, understood=outcome.understood)
                report.count(outcome)
                report.outcomes.append((int(uid), outcome))
    except (TimeoutError, OSError, ssl.SSLError) as exc:
        raise MailboxUnavailable(f"{settings.imap_host}: {exc}") from None
    return report


def _mark(box: BaseMailBox, uid: str, *, understood: bool) -> None:
    if understood:
        box.flag([uid], [DONE, "\\Seen"], True)
    else:
        box.flag([uid], [FOR_PEOPLE, "\\Flagged"], True)
