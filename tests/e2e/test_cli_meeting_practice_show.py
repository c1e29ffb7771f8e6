"""`meeting show` tells the chair how a meeting was held and who voted how (issue 16):
the demo's hybrid September meeting, Rabenhaus' conflict of interest in the grant,
VskA's vote transferred to ajb, Kosmosviertel online; text and --json, German and
English; the video link never."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import governance.cli as cli_module
from governance.cli import main


def _show(demo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    cli_module._current_lang = None
    with pytest.raises(SystemExit) as exit_:
        main(["--db", f"sqlite:///{demo / 'gremium.db'}", *args])
    assert (exit_.value.code or 0) == 0
    return capsys.readouterr().out


def test_meeting_show_lists_format_conflicts_transfers_and_online_in_both_languages(
    demo_year: Path, capsys: pytest.CaptureFixture[str]
):
    german = _show(demo_year, capsys, "--lang", "de", "meeting", "show", "3")
    assert "Sitzungsform: hybride Sitzung" in german
    assert "befangen: Rabenhaus (Der Rabenhaus e.V. ist Empfänger der Zuwendung)" in german
    assert "übertragene Stimme von VskA, abgegeben durch ajb" in german
    assert "Stimmrechtsübertragungen:\n  VskA → ajb" in german
    assert "Kosmosviertel (Vorstand Kosmosviertel): anwesend — online" in german
    english = _show(demo_year, capsys, "--lang", "en", "meeting", "show", "3")
    assert "Format: hybrid" in english
    assert "conflict of interest: Rabenhaus" in english
    assert "transferred vote of VskA, cast by ajb" in english
    for text in (german, english):
        assert "https://" not in text  # the video link goes to those invited only

    data = json.loads(_show(demo_year, capsys, "meeting", "show", "3", "--json"))
    assert data["format"] == "hybrid"
    assert data["vote_transfers"] == [{"from": "VskA", "to": "ajb", "via": "link"}]
    grant = next(i for i in data["agenda"] if i["title"].startswith("Zuwendung"))
    assert [c["organisation"] for c in grant["conflicts"]] == ["Rabenhaus"]
    assert grant["vote"]["transferred"] == {"VskA": "ajb"}
    assert "Rabenhaus" not in grant["vote"]["ballots"]
    assert "video_url" not in data and "https://" not in json.dumps(data)


def test_a_meeting_in_person_shows_no_format_line(
    demo_year: Path, capsys: pytest.CaptureFixture[str]
):
    text = _show(demo_year, capsys, "--lang", "de", "meeting", "show", "1")
    assert "Sitzungsform" not in text and "Stimmrechtsübertragungen" not in text
