"""What a party finds in its mailbox when asked to sign: the request and the
reminder carry the text of the version as PDF (the agreement document) and say
its SHA-256 — delivered to a Maildir and read back with the e-mail parser and pypdf."""

from __future__ import annotations

import email
import email.policy
import io
import mailbox
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from governance.examples import treptow_koepenick as tk
from governance.mail.dispatch import dispatch
from governance.mail.settings import MailSettings
from governance.mail.transports import MaildirTransport
from governance.services import agreements
from tests.conftest import SYSTEM, make_app

CHAIR = tk.CHAIR_EMAIL
RABENHAUS = "gf@rabenhaus.example.org"


def committee(sqlite_url, clock, attach: bool):
    app = make_app(sqlite_url, clock, attach_documents=attach)
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    with app.unit_of_work(CHAIR) as uow:
        agreements.open_for_signature(uow, agreements.version_by_ref(uow.session, "1/1"))
    with app.unit_of_work(CHAIR) as uow:
        agreements.remind(uow, agreements.version_by_ref(uow.session, "1/1"))
    return app


def delivered_to_rabenhaus(app, folder: Path) -> dict[str, email.message.EmailMessage]:
    settings = MailSettings(maildir=str(folder))
    dispatch(app, MaildirTransport(settings.maildir), settings)
    box = mailbox.Maildir(str(folder), create=False)
    messages = [
        email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        for key in box.iterkeys()
    ]
    mine = [m for m in messages if m["To"].addresses[0].addr_spec == RABENHAUS]
    return {str(m["Subject"]).split(":")[0]: m for m in mine}


def printed_lines(markdown: str) -> list[str]:
    """The lines of an agreement text as a reader sees them: the text is Markdown, so
    block markers such as the "#" of a heading are not printed, the words are."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [line for t in tokens if t.type == "inline" for line in t.content.splitlines()]


def flat(text: str) -> str:
    """Text without white space and the hyphens of hyphenation, as words run in a PDF."""
    return "".join(text.split()).replace("\u2010", "").replace("\u00ad", "")


@pytest.mark.parametrize("subject", ["Bitte unterzeichnen", "Erinnerung"])
def test_the_signature_request_and_reminder_carry_the_text_as_pdf(
    sqlite_url, clock, tmp_path, subject
) -> None:
    app = committee(sqlite_url, clock, attach=True)
    with app.db.session() as s:
        digest = agreements.version_by_ref(s, "1/1").text_sha256
    message = delivered_to_rabenhaus(app, tmp_path / "mail")[subject]
    body = message.get_body(("plain",)).get_content()
    assert (
        "Der Text dieser Fassung ist als PDF beigefügt (Kooperationsvereinbarung-Fassung-1-1.pdf)"
        in body
    )
    assert f"Seine Prüfsumme (SHA-256) ist {digest}." in body
    [pdf] = [p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert pdf.get_filename() == "Kooperationsvereinbarung-Fassung-1-1.pdf"
    pages = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.get_content())).pages)
    assert digest in flat(pages)
    # The whole text, line by line (running heads and page numbers come between pages).
    lines = printed_lines(tk.AGREEMENT_TEXT)
    assert "Präambel" in lines and "§ 1 Ziel" in lines
    for line in lines:
        assert flat(line) in flat(pages), line
    app.db.dispose()


def test_without_documents_in_mails_the_request_says_where_the_text_is(
    sqlite_url, clock, tmp_path
) -> None:
    app = committee(sqlite_url, clock, attach=False)
    message = delivered_to_rabenhaus(app, tmp_path / "mail")["Bitte unterzeichnen"]
    assert not [p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"]
    body = message.get_body(("plain",)).get_content()
    # Said in words a partner can act on (no command line): the secretariat sends the text.
    assert "sendet Ihnen die Geschäftsstelle auf Anfrage" in body
    assert "gremium agreement" not in body
    assert "Prüfsumme (SHA-256)" in body
    app.db.dispose()
