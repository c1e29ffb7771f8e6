"""What the read-only commands print for the demo year, text and ``--json``, German
and English, byte for byte as before they read through SQLAlchemy Core
(issue 11 point 19): tests/golden/cli/shows.json was written by the ORM read
paths these replaced. Only what differs from one demo run to the next is masked:
the archived PDF's SHA-256 and size (the PDF carries a fresh document ID).

After an intended change of an output, edit the entry (and review the diff).
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

import governance.cli as cli_module
from governance.cli import main

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "cli" / "shows.json"
EXPECTED: dict[str, str] = json.loads(GOLDEN.read_text(encoding="utf-8"))


def _masked(text: str) -> str:
    """The archived PDF's digest and size differ between demo runs; nothing else does."""
    text = re.sub(r"protokoll-(\S+)\.pdf, [\d,.]+ kB \(SHA-256 [0-9a-f]{64}\)", r"\1 <pdf>", text)
    text = re.sub(r'("archive_sha256": |"sha256": )"[0-9a-f]{64}"', r'\1"<sha256>"', text)
    return re.sub(r'"size": \d+', '"size": <size>', text)


@pytest.fixture(scope="module")
def demo_folder(demo_year: Path) -> Path:
    """The demo year built once per run (tests/conftest.py); these commands only read it."""
    return demo_year


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_a_read_only_command_prints_what_it_printed_before(
    case: str,
    demo_folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
):
    # The demo has two committees (KG, KV): KG is its default, as its gremium.toml says.
    monkeypatch.setenv("GREMIUM_COMMITTEE", "KG")
    capsys.readouterr()
    cli_module._current_lang = None
    with pytest.raises(SystemExit) as exit_:
        main(["--db", f"sqlite:///{demo_folder / 'gremium.db'}", *shlex.split(case)])
    out, err = capsys.readouterr()
    shown = f"{out}{err}exit {exit_.value.code or 0}\n".replace(str(demo_folder), "{demo}")
    assert _masked(shown) == _masked(EXPECTED[case])
