"""Reading the secretariat's notes file: Markdown headings or YAML, one text per TOP."""

from __future__ import annotations

import pytest

from governance.domain.minutes_notes import note_text, parse_notes
from governance.errors import InvalidInput


def test_markdown_headings_start_the_notes_of_each_top_and_a_title_heading_is_ignored():
    markdown = (
        "# Protokollnotizen\n\n## TOP 1\nErster Absatz.\n\n## TOP 2: Stadtteilfest\nZweiter.\n"
    )
    assert parse_notes(markdown, "notizen.md") == {1: "Erster Absatz.", 2: "Zweiter."}


def test_yaml_maps_top_numbers_to_text():
    assert parse_notes("1: Erster\nTOP 2: Zweiter\n", "notizen.yaml") == {1: "Erster", 2: "Zweiter"}


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        ("Text ohne Überschrift", "n.md", "bei „Text ohne Überschrift“"),
        ("## TOP 1\na\n## TOP 1\nb\n", "n.md", "TOP 1 kommt in der Datei zweimal vor."),
        ("- eine Liste\n", "n.yml", "erwartet wird Markdown"),
        ("drei: Text\n", "n.yaml", "erwartet wird Markdown"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_with_the_line(text, name, message):
    with pytest.raises(InvalidInput) as refused:
        parse_notes(text, name)
    assert message in refused.value.message("de")


def test_notes_keep_their_paragraphs_but_not_stray_blanks():
    assert note_text("  Erster   Satz.\r\n\r\n\r\n\r\nZweiter  ", 3) == "Erster Satz.\n\nZweiter"
    with pytest.raises(InvalidInput):
        note_text("Steuerzeichen \x07", 3)
