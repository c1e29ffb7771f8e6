"""Sending a message at once, right after the transaction that queued it committed.

For what a person waits for in front of the screen (a sign-in link): the
message was queued like every other (the outbox is the record), and is
delivered now through the configured transport instead of at the next
pass of ``gremium run``. If that fails, it stays queued and the runner
delivers it later; the person is told nothing different either way.
"""

from __future__ import annotations

import logging
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
