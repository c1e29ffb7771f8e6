"""Tables on the command line in the reader's language: not only the headings but
every cell Gremium writes itself (yes/no, reasons recorded as catalogue keys)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click
import pytest

from governance.cli.common import CliState, print_table
from governance.config import Settings
from tests.e2e.gremium_cli import Gremium, isolate


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)
    g.ok("init", "--example", "treptow-koepenick")
    return g


@pytest.mark.parametrize(("lang", "yes", "no"), [("en", "yes", "no"), ("de", "ja", "nein")])
def test_a_yes_or_no_cell_is_written_in_the_language_of_the_command(capsys, lang, yes, no):
    """Every table goes through print_table: a bool a command leaves in a row is still
    written in the reader's language (it was "ja/nein" whatever --lang said)."""
    state = CliState(settings=Settings(database="sqlite://", language=lang), actor=None)
    with click.Context(click.Command("list"), obj=state):
        print_table(
            [{"org": "Rabenhaus", "voting": True, "flags": [False, True]}],
            [("org", "org"), ("voting", "voting"), ("flags", "flags")],
        )
    out = capsys.readouterr().out
    assert out.splitlines()[1].split() == ["Rabenhaus", yes, f"{no},", yes]


def test_member_and_person_tables_in_english_say_yes_and_no(gremium):
    members = gremium.ok("--lang", "en", "member", "list")
    rows = members.splitlines()
    assert " vote " in rows[0]
    assert all(re.search(r"\s(yes|no)\s", row) for row in rows[1:]), members
    people = gremium.ok("--lang", "en", "person", "list")
    assert re.search(r"\s(yes|no)\s*$", people.splitlines()[1]), people
    for out in (members, people):
        assert not re.search(r"\b(ja|nein)\b", out), out
