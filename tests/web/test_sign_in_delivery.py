"""A sign-in link whose immediate delivery fails waits in the outbox for `gremium run`."""

from __future__ import annotations

import re
import threading

import pytest
from sqlalchemy import select

from governance.mail.dispatch import dispatch
from governance.mail.settings import mail_settings
from governance.mail.transports import make_transport
from governance.models import OutboxMessage
from tests.mail_support import Mailbox, free_port, start_server
from tests.web.conftest import web_settings_for
from tests.web.support import World, post_form

PORT = free_port()


@pytest.fixture
def web_settings(tmp_path):
    """SMTP on a port where nothing listens yet: the relay is down."""
    return web_settings_for(
        tmp_path,
        mail={
            "delivery": "smtp",
            "smtp_host": "127.0.0.1",
            "smtp_port": PORT,
            "smtp_security": "none",
        },
    )


def test_a_link_not_delivered_at_once_is_delivered_by_the_runner(client, gremium, web_settings):
    response = post_form(client, "/sign-in", {"email": World.EMAILS["secretary"]})
    for thread in threading.enumerate():  # the attempt at once (in a thread) is over
        if thread.name == "gremium-send-now":
            thread.join(timeout=30)
    # The same answer as ever: the person learns nothing about the relay.
    assert response.status_code == 200
    assert "ist ein Anmeldelink unterwegs" in response.get_data(as_text=True)
    with gremium.db.session() as session:
        message = session.scalars(select(OutboxMessage)).one()
        assert (message.notification, message.status) == ("sign_in_link", "queued")

    handler = Mailbox()
    controller = start_server(handler, port=PORT)
    try:
        settings = mail_settings(web_settings)
        report = dispatch(gremium, make_transport(settings), settings)  # a pass of gremium run
    finally:
        controller.stop()
    assert len(report.sent) == 1
    text = handler.messages()[0].get_body(("plain",)).get_content()
    path = re.search(r"http://gremium\.test(/sign-in/[A-Za-z0-9_-]+)", text).group(1)  # type: ignore[union-attr]
    assert post_form(client, path).status_code == 303
    assert "Angemeldet als Sven Sekretariat" in client.get("/").get_data(as_text=True)
