"""Every document, as its reader sees it: no English words of Gremium's own in
the German documents, no German labels in the English ones (what people wrote,
such as the agreement's text, stays as written)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from governance.services.documents.kinds import KINDS
from tests.golden.regenerate import golden_path
from tests.reading import ENGLISH_IN_GERMAN, GERMAN_IN_ENGLISH


def visible_words(html: str) -> str:
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.DOTALL)
    html = re.sub(r'<section class="agreement-text">.*?</section>', " ", html, flags=re.DOTALL)
    return unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_german_documents_have_no_english_words_and_english_ones_no_german_labels(kind):
    german = visible_words(golden_path(kind, "de").read_text(encoding="utf-8"))
    english = visible_words(golden_path(kind, "en").read_text(encoding="utf-8"))
    assert not ENGLISH_IN_GERMAN.findall(german), german
    assert not GERMAN_IN_ENGLISH.findall(english), english
