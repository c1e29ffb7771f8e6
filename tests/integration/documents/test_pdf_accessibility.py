"""Every PDF Gremium makes is a tagged PDF/A-3a that identifies as PDF/UA-1:
each document kind in both languages, and the PDFs the mails carry.

veraPDF (and PAC) are not available on this machine (no network to fetch
them); these are structural checks with pypdf: the XMP identification, the
marked-content flag, a structure tree with headings and tables in reading
order, the document language and title, embedded fonts."""

from __future__ import annotations

import base64
import datetime as dt
import email
import email.policy
import mailbox

import pytest
from sqlalchemy import select

from governance.clock import BERLIN
from governance.documents import PDFA_VARIANT, html_to_pdf
from governance.examples import treptow_koepenick as tk
from governance.mail.dispatch import dispatch
from governance.mail.settings import MailSettings
from governance.mail.transports import MaildirTransport
from governance.models import OutboxMessage
from governance.services import agenda, directory, meeting_series, timers
from governance.services import meetings as ms
from governance.services.documents.kinds import load_html
from tests.conftest import SYSTEM, make_app
from tests.golden.regenerate import references
from tests.integration.documents.pdf_structure import assert_accessible_pdfa, structure

KINDS_WITHOUT_TABLES: set[str] = set()


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(
    "kind",
    [
        "agreement",
        "accession_declaration",
        "invitation",
        "minutes",
        "attendance_list",
        "decisions_register",
    ],
)
def test_every_document_kind_is_tagged_pdfa_3a_and_pdfua_1(example, session, kind, lang):
    html = load_html(session, kind, references(example)[kind], lang)
    found = assert_accessible_pdfa(html_to_pdf(html), lang)
    # The reading order follows the HTML: the running header (an artifact) aside,
    # the document's own heading comes before its first table.
    assert found.tags.index("H1") < found.tags.index("Table")


def test_the_minutes_tag_each_item_as_a_second_level_heading(example, session):
    html = load_html(session, "minutes", references(example)["minutes"], "de")
    found = structure(html_to_pdf(html))
    # Attendance, quorum, four TOPs, action items, next meeting.
    assert found.tags.count("H2") >= 8
    assert found.tags.count("Table") >= 3


def test_a_pdfa_3a_has_the_accessibility_level_a_adds_to_3b():
    assert PDFA_VARIANT == "pdf/a-3a"
    html = '<html lang="en"><head><title>T</title></head><body><h1>Heading</h1></body></html>'
    plain = structure(html_to_pdf(html, pdf_variant="pdf/a-3b"))
    assert (plain.pdfa_part, plain.pdfa_conformance, plain.pdfua_part) == ("3", "B", None)
    assert plain.marked and "H1" in plain.tags  # tagged even where only 3b is claimed


@pytest.fixture
def with_mail_pdfs(sqlite_url, clock):
    app = make_app(sqlite_url, clock, attach_documents=True)
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        meeting_series.add_series(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            title="Sitzung des Kooperationsgremiums",
            rrule="FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
            first_start="2026-03-11 10:00",
            location="Rathaus Köpenick, Ratssaal",
        )
        agenda.propose(
            uow, ms.meeting_by_id(uow.session, 1), title="Stadtteilfest", kind="decision"
        )
    yield app
    app.db.dispose()


def test_the_agenda_pdf_of_the_invitation_mail_is_tagged_pdfa_in_the_readers_language(
    with_mail_pdfs, tmp_path
):
    with with_mail_pdfs.unit_of_work(SYSTEM) as uow:
        person = directory.person_by_email(uow.session, "gf@rabenhaus.example.org")
        person.language = "en"
    timers.fire_due(with_mail_pdfs, dt.datetime(2026, 2, 25, 10, 1, tzinfo=BERLIN))
    settings = MailSettings(maildir=str(tmp_path / "mail"))
    dispatch(with_mail_pdfs, MaildirTransport(settings.maildir), settings)
    box = mailbox.Maildir(str(tmp_path / "mail"), create=False)
    pdfs: dict[str, bytes] = {}
    for key in box.iterkeys():
        message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        for part in message.iter_attachments():
            if part.get_content_type() == "application/pdf":
                pdfs[part.get_filename()] = part.get_content()
    assert set(pdfs) == {
        "Einladung-Tagesordnung-2026-03-11.pdf",
        "Invitation-agenda-2026-03-11.pdf",
    }
    assert_accessible_pdfa(pdfs["Einladung-Tagesordnung-2026-03-11.pdf"], "de")
    assert_accessible_pdfa(pdfs["Invitation-agenda-2026-03-11.pdf"], "en")


def test_every_pdf_the_example_mails_carry_is_tagged_pdfa(example, session):
    """The invitation (agenda) and the circulated draft minutes of the example's June
    meeting, as queued in the outbox, in each recipient's language."""
    rows = session.execute(
        select(OutboxMessage).where(
            OutboxMessage.notification.in_(("invitation", "minutes_circulated"))
        )
    ).scalars()
    seen: dict[str, set[str]] = {}
    for row in rows:
        for attachment in row.attachments or []:
            if attachment["content_type"] != "application/pdf":
                continue
            name = attachment["filename"]
            if name in seen.setdefault(row.notification, set()):
                continue
            seen[row.notification].add(name)
            lang = "en" if name.startswith(("Invitation", "Draft")) else "de"
            assert_accessible_pdfa(base64.b64decode(attachment["data"]), lang)
    assert seen["invitation"] and seen["minutes_circulated"]
