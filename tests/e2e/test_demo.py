"""`make demo` runs the seed scenario: the agreement signed at a ceremony and in
force, a new partner accepted by vote and joined, the audit trail intact."""

from __future__ import annotations

import pytest

from governance.cli import main


def demo(out) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["demo", "--out", str(out)])
    assert exit_.value.code == 0


def test_the_demo_runs_the_seed_scenario(tmp_path, capsys):
    out = tmp_path / "demo-output"
    demo(out)
    printed = capsys.readouterr().out
    assert (out / "gremium.db").is_file()
    assert "9 Unterschriften; Vereinbarung in Kraft" in printed
    assert "Zeitgeber: an die Unterzeichnung erinnern" in printed
    assert "angenommen" in printed and "Kosmosviertel (Mitglied, ab 01.04.2026)" in printed
    assert "unversehrt" in printed
    assert "signature_request" in printed


def test_the_demo_can_run_twice_into_the_same_folder(tmp_path, capsys):
    out = tmp_path / "demo-output"
    demo(out)
    demo(out)
    assert capsys.readouterr().out.count("Vereinbarung in Kraft") == 2
