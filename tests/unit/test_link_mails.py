"""The mails of the link kinds as their recipients read them: with the links, each
link once in the text and once as an anchor in the HTML, with the words that say
what it does; without links (a recipient who acts for no organisation, e.g. the
secretariat) the mail says how to answer by reply, as before."""

from __future__ import annotations

import re

import pytest

from governance.mail.examples import example
from governance.mail.rendering import render_notification

WORDS = {
    "call_for_proposals": {"de": ["Thema vorschlagen"], "en": ["Propose an item"]},
    "minutes_circulated": {
        "de": ["Ich stimme dem Protokoll zu", "Ich erhebe eine Einwendung"],
        "en": ["I agree with the minutes", "I object"],
    },
    "signature_request": {
        "de": [
            "Elektronisch unterschreiben (mit Ihrem Namen)",
            "Die unterschriebene Seite ist per Post unterwegs",
        ],
        "en": ["Sign electronically (with your name)", "The signed page is on its way by post"],
    },
    "signature_reminder": {
        "de": ["Die unterschriebene Seite ist per Post unterwegs"],
        "en": ["The signed page is on its way by post"],
    },
    "accession_on_agenda": {"de": ["Stand des Antrags"], "en": ["State of the application"]},
    "action_item_due": {"de": ["Aufgabe erledigt"], "en": ["Task done"]},
}
REPLY = {
    "call_for_proposals": {"de": "So schlagen Sie ein Thema vor", "en": "To propose a topic"},
    "minutes_circulated": {"de": "Wenn Sie Einwendungen haben", "en": "If you object"},
    "signature_request": {"de": "Unterschreiben können Sie", "en": "You can sign at"},
}


@pytest.mark.parametrize("name", sorted(WORDS))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_link_is_named_in_the_text_and_an_anchor_in_the_html(name, lang):
    context = example(name)
    rendered = render_notification(name, context, lang)
    links = context["links"]
    assert len(WORDS[name][lang]) == len(links)
    for words, url in zip(WORDS[name][lang], links.values(), strict=True):
        assert f"- {words}: {url}" in rendered.text
        assert f'<a href="{url}">{words}</a>' in rendered.html
    assert re.search(r"nicht weiter|not forward|jederzeit|at any time|erledigt|done", rendered.text)


def test_without_the_rule_the_reminder_offers_no_electronic_signature():
    rendered = render_notification("signature_reminder", example("signature_reminder"), "de")
    assert "Elektronisch unterschreiben" not in rendered.text + rendered.html


@pytest.mark.parametrize("name", sorted(REPLY))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_recipient_without_links_is_told_to_reply(name, lang):
    context = {**example(name), "links": None}
    rendered = render_notification(name, context, lang)
    assert REPLY[name][lang] in rendered.text
    assert "/l/" not in rendered.text + rendered.html
