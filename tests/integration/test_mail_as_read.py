"""Every kind of mail, sent over a real SMTP server in German and English and
read back with the standard library's parser the way its recipient reads it:
one field per line, what to do in plain words (no command lines, no internal
ids), nothing in the other language, replies going to the secretariat."""

from __future__ import annotations

import re
from html import unescape

import pytest

from governance import outbox
from governance.bootstrap import App
from governance.clock import SimulatedClock
from governance.examples import treptow_koepenick as tk
from governance.mail.catalogue import NOTIFICATIONS
from governance.mail.dispatch import dispatch
from governance.mail.examples import EXAMPLES, example
from governance.mail.rendering import render_notification
from governance.mail.transports import SmtpTransport
from governance.services import directory
from tests.conftest import START, SYSTEM, make_app
from tests.mail_support import Mailbox, seed, smtp_settings, start_server
from tests.reading import (
    COMMANDS,
    ENGLISH_IN_GERMAN,
    GERMAN_IN_ENGLISH,
    RUN_TOGETHER,
    fields,
    without,
)

MEETING_FIELDS = {
    "de": ("Sitzung:", "Beginn:", "Ende:", "Ort:"),
    "en": ("Meeting:", "Begins:", "Ends:", "Place:"),
}
EXPECTED_MEETING = {
    "de": [
        "3. Sitzung 2026 (Nr. 3)",
        "Mittwoch, 11. März 2026, 10:00 Uhr",
        "12:30 Uhr",
        "Rathaus Treptow, Raum 201, Neue Krugallee 4, 12435 Berlin",
    ],
    "en": [
        "3. Sitzung 2026 (no. 3)",
        "Wednesday, 11 March 2026, 10:00",
        "12:30",
        "Rathaus Treptow, Raum 201, Neue Krugallee 4, 12435 Berlin",
    ],
}
AGENDA_LINES = {
    "de": [
        "  TOP 1  Begrüßung und Beschluss der Tagesordnung (Beschluss)",
        "  TOP 2  Bericht der Geschäftsstelle (Information)",
        "  TOP 3  Beitritt NBH Am Fluss (Beschluss) – Dringlichkeitsantrag",
    ],
    "en": [
        "  Item 1  Begrüßung und Beschluss der Tagesordnung (decision)",
        "  Item 2  Bericht der Geschäftsstelle (information)",
        "  Item 3  Beitritt NBH Am Fluss (decision) – urgent item",
    ],
}
SHOWS_THE_MEETING = {
    "call_for_proposals",
    "proposals_closed",
    "invitation",
    "agenda_updated",
    "meeting_reminder",
    "meeting_moved",
    "minutes_due",
    "minutes_circulated",
}
REPLY = {"de": "auf diese E-Mail", "en": "to this e-mail"}
"""How a reader acts on the mails that ask something of them."""
ASKS_SOMETHING = {
    "call_for_proposals",
    "minutes_circulated",
    "invitation",
    "signature_request",
    "signature_reminder",
    "accession_received",
    "proposals_closed",
    "action_item_due",
    "withdrawal_confirmed",
    "delivery_failed",
}


@pytest.fixture(scope="module")
def mails(tmp_path_factory) -> dict[tuple[str, str], object]:
    """Every notification in both languages, as the SMTP server received it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('read')}/gremium.db"
    app: App = make_app(url, SimulatedClock(START))
    seed(app)
    handler = Mailbox()
    controller = start_server(handler)
    try:
        with app.unit_of_work(SYSTEM) as uow:
            committee = directory.committee_by_ref(uow.session, tk.COMMITTEE_SHORT)
            for lang in ("de", "en"):
                for number, name in enumerate(NOTIFICATIONS, start=1):
                    person = directory.add_person(
                        uow,
                        name=f"Anna Leser {number}",
                        email=f"{name}.{lang}@partner.example.org",
                        language=lang,
                    )
                    outbox.queue(
                        uow,
                        notification=name,
                        recipient=person,
                        context=EXAMPLES[name],
                        committee_id=committee.id,
                        entity=committee,
                    )
        settings = smtp_settings(controller.port)
        dispatch(app, SmtpTransport(settings), settings)
        received = {}
        for message in handler.messages():
            local = message["To"].addresses[0].addr_spec.split("@")[0]
            name, lang = local.rsplit(".", 1)
            received[(name, lang)] = message
        return received
    finally:
        controller.stop()
        app.db.dispose()


CASES = [(name, lang) for name in NOTIFICATIONS for lang in ("de", "en")]


def plain(message) -> str:
    return message.get_body(("plain",)).get_content()


def visible(html: str) -> str:
    """The words a mail client shows of an HTML part (tags and their attributes dropped)."""
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_every_kind_arrives_in_both_languages(mails):
    assert set(mails) == set(CASES)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_one_field_per_line_and_no_lines_run_together(mails, name, lang):
    text = plain(mails[(name, lang)])
    assert not RUN_TOGETHER.findall(text), text
    lines = text.splitlines()
    assert lines[0].endswith(",") and lines[1] == ""  # the greeting stands alone
    closing = "Mit freundlichen Grüßen" if lang == "de" else "Kind regards"
    assert closing in lines and lines[lines.index(closing) + 1].startswith(
        "Geschäftsstelle" if lang == "de" else "Secretariat"
    )
    if name in SHOWS_THE_MEETING:
        found = fields(text, MEETING_FIELDS[lang])
        assert list(found.values()) == EXPECTED_MEETING[lang], text
        agenda = [line for line in lines if line.startswith(("  TOP", "  Item"))]
        assert agenda == AGENDA_LINES[lang], text


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_what_the_reader_can_do_is_said_in_words_and_replies_reach_the_secretariat(
    mails, name, lang
):
    message = mails[(name, lang)]
    text, html = plain(message), visible(message.get_body(("html",)).get_content())
    for part in (text, html, str(message["Subject"])):
        assert not COMMANDS.findall(without(part, EXAMPLES[name])), part
    assert message["Reply-To"].addresses[0].addr_spec == tk.SECRETARIAT_EMAIL
    if name in ASKS_SOMETHING:
        assert REPLY[lang] in " ".join(text.split()), text


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_nothing_in_the_other_language(mails, name, lang):
    message = mails[(name, lang)]
    html = visible(message.get_body(("html",)).get_content())
    own_words = without(f"{message['Subject']}\n{plain(message)}\n{html}", EXAMPLES[name])
    wrong = (ENGLISH_IN_GERMAN if lang == "de" else GERMAN_IN_ENGLISH).findall(own_words)
    assert not wrong, own_words


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_agenda_not_yet_fixed_is_called_provisional_not_revision_zero(lang):
    context = example("call_for_proposals")
    context["meeting"] = {**context["meeting"], "agenda_revision": 0}
    text = render_notification("call_for_proposals", context, lang).text
    assert ("Tagesordnung (vorläufig):" if lang == "de" else "Agenda (provisional):") in text
    assert "0)" not in text


@pytest.mark.parametrize(
    ("abstentions", "de", "en"),
    [(1, "1 Enthaltung)", "1 abstention)"), (0, "0 Enthaltungen)", "0 abstentions)")],
)
def test_counted_words_take_their_plural_form(abstentions, de, en):
    context = example("accession_accepted")
    context["votes"] = {"yes": 7, "no": 0, "abstain": abstentions}
    assert de in render_notification("accession_accepted", context, "de").text
    assert en in render_notification("accession_accepted", context, "en").text
