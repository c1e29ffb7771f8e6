"""Everything the command line shows about the demo year, read in German and in
English: no English word of Gremium's own in German output, no German heading
or label in English output, and every command that lists or shows runs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.gremium_cli import Gremium
from tests.reading import ENGLISH_IN_GERMAN, GERMAN_IN_ENGLISH

READ_COMMANDS = [
    ("agreement", "list"),
    ("agreement", "show"),
    ("member", "list"),
    ("committee", "show", "KG"),
    ("committee", "rules", "KG"),
    ("committee", "show", "KV"),
    ("meeting", "list"),
    ("meeting", "list", "--committee", "KV"),
    ("programme", "show", "GI"),
    ("area", "show", "stadtrand-sued"),
    ("area", "overview", "stadtrand-sued"),
    ("meeting", "series", "list"),
    *(("meeting", "show", str(n)) for n in range(1, 7)),
    *(("minutes", "show", str(n)) for n in (1, 2, 6)),
    ("accession", "list"),
    ("accession", "show", "1"),
    ("decisions", "list"),
    ("actions", "list"),
    ("withdrawal", "list"),
    ("timers", "list"),
    ("outbox", "list", "--limit", "40"),
    ("org", "list"),
    ("org", "show", "Rabenhaus"),
    ("person", "show", "spk@ba-tk.example.org"),
]


@pytest.fixture(autouse=True)
def default_committee(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo has two committees (KG, KV): KG is the default, as its gremium.toml says."""
    monkeypatch.setenv("GREMIUM_COMMITTEE", "KG")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, demo_year: Path) -> str:
    """A copy of ``gremium demo --no-documents``'s folder (run once per test run)."""
    out = tmp_path_factory.mktemp("demo") / "out"
    shutil.copytree(demo_year, out)
    return f"sqlite:///{out / 'gremium.db'}"


@pytest.mark.slow
@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_german_output_has_no_english_words_of_its_own(demo_db, capsys, command):
    out = Gremium(demo_db, capsys).ok(*command)
    assert out.strip()
    assert not ENGLISH_IN_GERMAN.findall(out), out


@pytest.mark.slow
@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_english_output_has_no_german_headings_or_labels(demo_db, capsys, command):
    out = Gremium(demo_db, capsys).ok("--lang", "en", *command)
    assert out.strip()
    assert not GERMAN_IN_ENGLISH.findall(out), out
    assert not [line for line in out.splitlines() if line.lstrip().startswith("TOP ")], out


JSON_COMMANDS = [c for c in READ_COMMANDS if c[0] != "committee" or c[1] != "rules"]
MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?P<zone>.*)$")


def _moments(value: object) -> list[str]:
    if isinstance(value, dict):
        return [m for v in value.values() for m in _moments(v)]
    if isinstance(value, list):
        return [m for v in value for m in _moments(v)]
    return [value] if isinstance(value, str) and MOMENT.match(value) else []


@pytest.mark.slow
@pytest.mark.parametrize("command", JSON_COMMANDS, ids=" ".join)
def test_every_json_moment_is_utc(demo_db, capsys, command):
    code, out, err = Gremium(demo_db, capsys)(*command, "--json")
    if code == 2 and "--json" in err:
        pytest.skip("no --json for this command")
    assert code == 0, err
    moments = _moments(json.loads(out))
    assert all(MOMENT.match(m).group("zone") == "+00:00" for m in moments), moments
