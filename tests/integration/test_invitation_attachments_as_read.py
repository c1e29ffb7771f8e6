"""The attachments (Vorlagen) of agenda items as a partner reads them in the invitation
mail: sent over a real SMTP server, read back with the standard library's parser, in
German and English, with the files in the mail or, when too large, a word on how to
get them (from the secretariat, not by a command line)."""

from __future__ import annotations

import hashlib
import re
from html import unescape
from typing import Any

import pytest

from governance.bootstrap import App
from governance.examples import treptow_koepenick as tk
from governance.mail.dispatch import dispatch
from governance.mail.transports import SmtpTransport
from governance.services import directory
from tests.conftest import SYSTEM
from tests.integration.test_agenda_attachments import PLAN, attach
from tests.integration.test_meetings import CHAIR, SECRETARIAT, add_series, meetings, propose, tick
from tests.mail_support import Mailbox, smtp_settings, start_server
from tests.reading import COMMANDS, ENGLISH_IN_GERMAN, GERMAN_IN_ENGLISH

READER = "gf@rabenhaus.example.org"
URL = "https://www.berlin.de/ba-treptow-koepenick/stadtteilfest"


@pytest.fixture
def kg(app: App) -> App:
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
        directory.person_by_email(uow.session, READER).language = "en"
    add_series(app)
    return app


def delivered(app: App) -> dict[str, Any]:
    """Every mail as the SMTP server received it, by the address it went to (the last one)."""
    handler = Mailbox()
    controller = start_server(handler)
    try:
        settings = smtp_settings(controller.port)
        dispatch(app, SmtpTransport(settings), settings)
        return {m["To"].addresses[0].addr_spec: m for m in handler.messages()}
    finally:
        controller.stop()


def read(message: Any) -> tuple[str, str]:
    html = message.get_body(("html",)).get_content()
    return message.get_body(("plain",)).get_content(), " ".join(
        unescape(re.sub(r"<[^>]+>", " ", html)).split()
    )


def invitation_with_a_file_and_a_link(app: App, data: bytes, name: str) -> tuple[str, str]:
    item = propose(app, CHAIR, meetings(app)[0].id, "Stadtteilfest 2026", kind="decision")
    attach(app, CHAIR, item, name=name, data=data, title="Kostenplan")
    attach(app, SECRETARIAT, item, name=name, data=data + b"\n", title="Kostenplan")
    attach(app, CHAIR, item, url=URL)
    tick(app, 2026, 2, 25, 10, 1)
    return hashlib.sha256(data + b"\n").hexdigest()[:16], name


def test_the_invitation_mail_lists_each_items_attachments_and_carries_the_files(kg):
    kg.settings = kg.settings.with_overrides(attach_documents=True)
    sha, name = invitation_with_a_file_and_a_link(kg, PLAN, "kostenplan.csv")
    mails = delivered(kg)
    english, german = mails[READER], mails[tk.SECRETARIAT_EMAIL]
    size = len(PLAN) + 1

    text, html = read(english)
    lines = text.splitlines()
    item = next(i for i, line in enumerate(lines) if "Stadtteilfest 2026 (decision)" in line)
    assert lines[item + 1 : item + 3] == [
        f"        Attachment: Kostenplan – file {name}, version 2, {size} B, SHA-256 {sha}",
        f"        Attachment: link {URL}",
    ], text
    assert f"file {name}, version 2, {size} B, SHA-256 {sha}" in html
    assert "The files of the attachments are attached to this e-mail." in text
    assert "The files of the attachments are attached to this e-mail." in html
    files = {p.get_filename(): p.get_content() for p in english.iter_attachments()}
    assert any(f.startswith("TOP-") and f.endswith(name) for f in files)
    assert not GERMAN_IN_ENGLISH.findall(text.replace("Stadtteilfest", "")), text

    text, html = read(german)
    assert f"        Anlage: Kostenplan – Datei {name}, Version 2, {size} B, SHA-256 {sha}" in (
        text.splitlines()
    ), text
    assert f"        Anlage: Link {URL}" in text.splitlines()
    assert f"Link {URL}" in html
    assert "Die Dateien der Anlagen sind dieser E-Mail beigefügt." in text
    assert not ENGLISH_IN_GERMAN.findall(text), text


def test_files_too_large_for_the_mail_are_listed_and_the_reader_is_told_how_to_get_them(kg):
    kg.settings = kg.settings.with_overrides(attach_documents=True, mail_attachments_max_mb=1)
    sha, name = invitation_with_a_file_and_a_link(kg, b"%" * 1_200_000, "plan.pdf")
    mails = delivered(kg)
    english, german = mails[READER], mails[tk.SECRETARIAT_EMAIL]

    text, html = read(english)
    assert f"file {name}, version 2, 1.2 MB, SHA-256 {sha}" in text, text
    said = " ".join(text.split())
    assert (
        "The files of the attachments come to 1.2 MB together, too large for an e-mail "
        "(at most 1.0 MB), so they are not attached. If you need them, please reply to this "
        "e-mail; the secretariat will send them to you another way."
    ) in said, text
    assert "too large for an e-mail" in html
    assert not [p for p in english.iter_attachments() if p.get_filename().startswith("TOP-")]
    for part in (text, html):
        assert not COMMANDS.findall(part.replace(URL, "")), part

    text, _ = read(german)
    assert "zu groß für eine E-Mail (höchstens 1,0 MB)" in " ".join(text.split()), text
    assert "antworten Sie bitte auf diese E-Mail" in " ".join(text.split())
