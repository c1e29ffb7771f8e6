"""Agreement text and minutes notes are Markdown, printed as their authors meant them."""

from __future__ import annotations

import re

from governance.examples.treptow_koepenick import AGREEMENT_TEXT
from governance.templating.markdown_text import agreement_html, notes_html


def test_a_one_line_paragraph_without_final_punctuation_stays_a_paragraph():
    html = agreement_html("Die Vereinbarung gilt ab dem 1. März 2026\n\nWeiterer Absatz.")
    assert "<h" not in html
    assert "<p>Die Vereinbarung gilt ab dem 1. März 2026</p>" in html


def test_markdown_headings_print_as_headings_below_the_document_title():
    html = agreement_html("# Präambel\n\nText.\n\n## Zweck\n\nMehr.")
    assert "<h2>Präambel</h2>" in html and "<h3>Zweck</h3>" in html
    assert "#" not in html


def test_section_lines_are_headings_and_hard_wrapped_lines_flow_into_one_paragraph():
    html = agreement_html("§ 1 Ziel\nDie Partner:innen\nentwickeln weiter.")
    assert "<h2>§ 1 Ziel</h2>" in html
    assert re.search(r"<p>Die Partner:innen\s+entwickeln weiter.</p>", html)
    assert "<br" not in html


def test_raw_html_is_printed_as_text_and_images_are_not_fetched():
    html = agreement_html(
        '<script>alert(1)</script> <img src="http://x/y.png">\n\n![Logo](http://x/y.png)'
    )
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_notes_keep_the_line_breaks_the_secretariat_typed_and_their_lists():
    html = notes_html("Zeile 1\nZeile 2\n\n- erstens\n- zweitens **wichtig**")
    assert "Zeile 1<br>\nZeile 2" in html
    assert "<li>zweitens <strong>wichtig</strong></li>" in html


def test_the_seed_agreement_has_a_preamble_and_four_sections():
    headings = re.findall(r"<h2>(.*?)</h2>", agreement_html(AGREEMENT_TEXT))
    assert headings[0] == "Präambel"
    assert [h.split()[1] for h in headings[1:5]] == ["1", "2", "3", "4"]
