"""Helpers of the action-link tests: a meeting invited now, its mails delivered over
real SMTP on loopback, the links read from a mail as its reader sees them."""

from __future__ import annotations

import html
import re
from pathlib import Path

from sqlalchemy import select

from governance.config import Settings
from governance.mail.dispatch import dispatch
from governance.mail.settings import mail_settings
from governance.mail.transports import make_transport
from governance.models import MeetingReply
from governance.services import meetings as meeting_service
from governance.unit_of_work import Actor
from tests.mail_support import Mailbox, free_port, start_server
from tests.web.conftest import web_settings_for
from tests.web.support import World

PORT = free_port()
LINK = re.compile(r"http://gremium\.test(/l/[A-Za-z0-9_-]+)")


def smtp_settings(tmp_path: Path) -> Settings:
    """The page tests' settings, mail over SMTP to the loopback server :func:`deliver` starts."""
    return web_settings_for(
        tmp_path,
        mail={
            "delivery": "smtp",
            "smtp_host": "127.0.0.1",
            "smtp_port": PORT,
            "smtp_security": "none",
        },
    )


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def invite(gremium, world: World) -> int:
    """The chair plans a meeting on 11 March 2026 and convenes it now."""
    chair = Actor(label=World.EMAILS["chair"], person_id=world.chair)
    with gremium.unit_of_work(chair) as work:
        meeting = meeting_service.plan(
            work,
            world.committee_id,
            title="Sitzung im März",
            starts_at="2026-03-11 10:00",
            location="Rathaus Köpenick",
        )
        work.session.flush()
        mid = meeting.id
    with gremium.unit_of_work(chair) as work:
        meeting_service.convene(work, mid)
    return mid


def deliver(gremium, web_settings) -> dict[str, list[str]]:
    """A pass of `gremium run` against a real SMTP server: each recipient's mails' text."""
    handler = Mailbox()
    controller = start_server(handler, port=PORT)
    try:
        settings = mail_settings(web_settings)
        dispatch(gremium, make_transport(settings), settings)
    finally:
        controller.stop()
    by_recipient: dict[str, list[str]] = {}
    for recipients, message in handler.received:
        text = message.get_body(("plain",)).get_content()
        for rcpt in recipients:
            by_recipient.setdefault(rcpt, []).append(text)
    return by_recipient


def links_in(text: str) -> dict[str, str]:
    """The invitation's three links by their words."""
    found = {}
    for label, key in (
        ("Ich nehme teil", "attends"),
        ("Ich bin verhindert", "excused"),
        ("Mich vertritt", "deputy"),
    ):
        match = re.search(re.escape(label) + r"[^:]*: (\S+)", text)
        assert match, f"no link “{label}” in:\n{text}"
        path = LINK.fullmatch(match.group(1))
        assert path, match.group(1)
        found[key] = path.group(1)
    return found


def reply_of(gremium, mid: int, org: int) -> MeetingReply | None:
    with gremium.db.session() as session:
        return session.scalars(
            select(MeetingReply).where(
                MeetingReply.meeting_id == mid, MeetingReply.organisation_id == org
            )
        ).one_or_none()
