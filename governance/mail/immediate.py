"""Sending a message at once, right after the transaction that queued it committed.

For what a person waits for in front of the screen (a sign-in link): the
message was queued like every other (the outbox is the record), and is
delivered now through the configured transport (in a thread of its own:
:func:`send_soon`) instead of at the next pass of ``gremium run``. If that fails, it stays queued and the runner
delivers it later; the person is told nothing different either way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection

from governance.bootstrap import App
from governance.mail.dispatch import DispatchReport, dispatch
from governance.mail.settings import mail_settings
from governance.mail.transports import make_transport

_log = logging.getLogger(__name__)


def send_now(app: App, message_ids: Collection[int]) -> DispatchReport | None:
    """Deliver *message_ids* now; None when that failed (the runner will)."""
    if not message_ids:
        return DispatchReport()
    try:
        settings = mail_settings(app.settings)
        return dispatch(app, make_transport(settings), settings, only=message_ids)
    except Exception:
        _log.exception("immediate delivery of %s failed; gremium run delivers later", message_ids)
        return None


def send_soon(app: App, message_ids: Collection[int]) -> threading.Thread:
    """:func:`send_now` in a thread of its own, so that the answer to the request
    does not wait for the relay: an answer that took a relay's round trip longer
    for a known address than for an unknown one would tell which is which."""
    thread = threading.Thread(
        target=send_now, args=(app, list(message_ids)), name="gremium-send-now", daemon=True
    )
    thread.start()
    return thread
