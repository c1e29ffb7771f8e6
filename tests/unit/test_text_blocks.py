"""How the plain text of an agreement is printed: headings and paragraphs."""

from __future__ import annotations

from governance.documents.text_blocks import Block, blocks
from governance.examples.treptow_koepenick import AGREEMENT_TEXT


def test_section_lines_become_headings_and_wrapped_lines_flow_into_one_paragraph():
    assert blocks("§ 1 Ziel\nDie Partner:innen\nentwickeln weiter.") == [
        Block("heading", ("§ 1 Ziel",)),
        Block("paragraph", ("Die Partner:innen entwickeln weiter.",)),
    ]


def test_a_short_line_standing_alone_is_a_heading_but_a_sentence_is_not():
    assert blocks("Präambel\n\nEin Satz.") == [
        Block("heading", ("Präambel",)),
        Block("paragraph", ("Ein Satz.",)),
    ]


def test_list_items_keep_their_own_lines():
    assert blocks("Aufgaben:\n1. laden\n2. protokollieren\n   mit Frist") == [
        Block("paragraph", ("Aufgaben:", "1. laden", "2. protokollieren mit Frist")),
    ]


def test_the_seed_agreement_has_a_preamble_and_four_sections():
    headings = [b.lines[0] for b in blocks(AGREEMENT_TEXT) if b.kind == "heading"]
    assert headings == [
        "Präambel",
        "§ 1 Ziel",
        "§ 2 Kooperationsgremium",
        "§ 3 Geschäftsordnung",
        "§ 4 Beitritt und Austritt",
    ]


def test_windows_line_endings_and_extra_blank_lines_change_nothing():
    assert blocks("§ 1 Ziel\r\nText.\r\n\r\n\r\n§ 2 Mehr\r\nText.") == blocks(
        "§ 1 Ziel\nText.\n\n§ 2 Mehr\nText."
    )
