"""``gremium init``, ``db``, ``workflow``, ``audit``, ``timers``, ``tick`` and ``clock``
end to end on a SQLite file, run through ``main`` as from a shell."""

from __future__ import annotations

import importlib.util
import json
import os
import runpy
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from governance.examples import treptow_koepenick as tk
from tests.e2e.gremium_cli import Gremium, init_once, isolate

CHAIR = tk.CHAIR_EMAIL


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    return Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)


@pytest.fixture
def example(gremium: Gremium) -> Gremium:
    return init_once(gremium, "--example", "treptow-koepenick")


# --- init and the schema ---


def test_init_with_the_example_creates_the_committee_and_says_what_to_do_next(gremium):
    out = gremium.ok("init", "--example", "treptow-koepenick")
    assert "eingerichtet" in out
    assert "(KG) angelegt" in out
    assert "Rabenhaus e.V. (Mitglied)" in out
    assert "9 Organisationen und 12 Personen angelegt." in out
    assert "Kooperationsvereinbarung zur partnerschaftlichen Weiterentwicklung" in out
    assert "Entwurf" in out
    assert "Nächste Schritte" in out and "gremium audit verify" in out
    assert [c["short_name"] for c in gremium.json("committee", "list")] == ["KG"]


def test_a_second_init_with_the_example_changes_nothing_and_says_the_committee_exists(example):
    before = example.snapshot()
    code, out, err = example("init", "--example", "treptow-koepenick")
    assert code == 2
    assert "auf dem neuesten Stand" in out
    assert (
        err.strip().splitlines() == [err.strip()]
        and "Beispielgremium „KG“" in err
        and "gibt es schon" in err
    )
    assert example.snapshot() == before


def test_init_twice_without_example_is_safe(gremium):
    assert "eingerichtet" in gremium.ok("init")
    assert "auf dem neuesten Stand" in gremium.ok("init")
    assert gremium.ok("db", "upgrade").startswith("Datenbank")
    status = gremium.json("db", "current")
    assert status["up_to_date"] is True and status["current"] == status["head"]
    assert "auf dem neuesten Stand" in gremium.ok("db", "current")


def test_init_with_an_admin_email_creates_the_first_administrator_who_may_create_a_committee(
    gremium,
):
    out = gremium.ok("init", "--admin-email", "admin@bezirk.example.org", "--admin-name", "Admin")
    assert "admin@bezirk.example.org" in out
    [admin] = gremium.json("person", "list")
    assert admin["is_admin"] is True and admin["email"] == "admin@bezirk.example.org"
    gremium.ok(
        "committee",
        "add",
        "Kooperationsgremium Kosmosviertel",
        "--short",
        "KK",
        "--sender",
        "kk@bezirk.example.org",
        actor="admin@bezirk.example.org",
    )
    assert gremium.json("committee", "show", "KK")["name"] == "Kooperationsgremium Kosmosviertel"


def test_init_with_a_bad_admin_email_refuses_before_creating_anything(gremium, tmp_path):
    line = gremium.refused("init", "--admin-email", "kein-at-zeichen", "--admin-name", "A")
    assert "keine E-Mail-Adresse" in line
    assert not (tmp_path / "gremium.db").exists()


@pytest.mark.parametrize(
    "url",
    ["postgresql://nobody@127.0.0.1:1/x", "sqlite:////nonexistent/dir/x.db", "nosuchdb://x"],
)
def test_a_database_url_that_cannot_be_opened_is_one_clear_line_and_exit_2(gremium, url):
    code, out, err = gremium("init", db=url)
    assert code == 2, (out, err)
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "lässt sich nicht öffnen" in err


def test_a_database_that_is_not_set_up_is_reported_with_what_to_run(gremium):
    path = Path(gremium.url.removeprefix("sqlite:///"))
    line = gremium.refused("member", "list")  # no file there: none is created
    assert "gibt es keine Datenbank" in line and "init" in line
    assert not path.exists()
    path.touch()  # an empty SQLite database, without the schema
    line = gremium.refused("member", "list")
    assert "nicht eingerichtet" in line and "gremium init" in line


# --- workflows ---


def test_workflow_list_names_every_shipped_workflow(gremium):
    names = {w["name"] for w in gremium.json("workflow", "list")}
    assert {"agreement", "accession", "membership"} <= names
    assert "agreement" in gremium.ok("workflow", "list")


def test_workflow_show_mermaid_prints_a_state_diagram_without_graphviz(gremium):
    assert importlib.util.find_spec("graphviz") is None  # nothing to fall back on
    out = gremium.ok("workflow", "show", "agreement", "--format", "mermaid")
    lines = [line.strip() for line in out.splitlines()]
    assert "stateDiagram-v2" in lines
    assert 'state "Entwurf" as draft' in lines
    # The first agreement is opened without a vote; an amendment is decided first.
    assert "draft --> open_for_signature: open [no_version_in_force]" in lines
    assert "on_agenda --> adopted: decide [amendment_vote_carried]" in lines
    assert "[*] --> draft" in lines
    assert "terminated --> [*]" in lines
    assert any(
        line.startswith("open_for_signature --> in_force: enter_into_force [")
        and "all_parties_signed" in line
        for line in lines
    )


def test_workflow_show_as_text_lists_states_transitions_guards_effects_and_timers(gremium):
    out = gremium.ok("workflow", "show", "agreement")
    assert "Zustände:" in out and "open_for_signature" in out
    assert "Bedingungen: all_parties_signed" in out
    assert "Wirkungen: freeze_text" in out
    assert "signature_reminder" in out
    data = gremium.json("workflow", "show", "agreement", "--format", "json")
    assert data["initial"] == "draft"
    assert {t["trigger"] for t in data["transitions"]} >= {"open", "enter_into_force"}


def test_workflow_show_of_an_unknown_workflow_names_the_known_ones(gremium):
    line = gremium.refused("workflow", "show", "kaffeepause")
    assert "„kaffeepause“ gibt es nicht" in line and "agreement" in line


# --- the audit trail ---


def test_audit_log_lists_records_oldest_first_and_filters_by_entity(example):
    records = example.json("audit", "log")
    # init keys the chain first (audit.seal), then creates the example committee.
    assert [r["action"] for r in records[:2]] == ["audit.seal", "committee.add"]
    assert set(records[0]) >= {"seq", "at", "actor", "entity_type", "entity_id", "action"}
    assert records[0]["at"].startswith("2026-01-12T08:00:00")
    assert [r["seq"] for r in records] == sorted(r["seq"] for r in records)
    only = example.json("audit", "log", "--entity", "memberships:2")
    assert [(r["entity_type"], r["entity_id"]) for r in only] == [("memberships", 2)]
    assert len(example.json("audit", "log", "--limit", "3")) == 3
    assert "committee.add" in example.ok("audit", "log", "--committee", "KG")
    assert "TYP:NUMMER" in example.refused("audit", "log", "--entity", "memberships")


def test_audit_verify_says_intact_for_an_untouched_trail(example):
    out = example.ok("audit", "verify")
    assert out.startswith("Prüfpfad unversehrt")


def _tamper(url: str, sql: str) -> None:
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    with conn:
        conn.execute(sql)
    conn.close()


def test_audit_verify_detects_an_edited_record_and_names_it(example):
    _tamper(example.url, "UPDATE audit_records SET actor = 'mallory' WHERE seq = 5")
    code, out, _ = example("audit", "verify")
    assert code == 1
    assert "Prüfpfad beschädigt" in out
    assert "Eintrag Nr. 5 " in out and "verändert" in out


def test_audit_verify_detects_a_deleted_record_and_names_it(example):
    _tamper(example.url, "DELETE FROM audit_records WHERE seq = 7")
    code, out, _ = example("--lang", "en", "audit", "verify")
    assert code == 1
    assert "Record no. 7 is missing" in out


# --- timers, tick and the clock ---


def test_tick_moves_the_simulated_clock_and_fires_due_timers_in_order(example):
    assert "2026-01-12 09:00" in example.ok("clock", "show")
    assert "Keine anstehenden Zeitgeber." in example.ok("timers", "list")
    example.ok("agreement", "open", "1", actor=CHAIR)
    [timer] = example.json("timers", "list", "--committee", "KG")
    assert timer["name"] == "signature_reminder" and timer["trigger"] == "remind_signatories"
    assert timer["due_at"] == "2026-01-19T08:00:00+00:00"  # every --json moment is UTC
    assert "2026-01-19 09:00" in example.ok("timers", "list")

    out = example.ok("tick", "--until", "2026-01-27 12:00")
    fired = [line for line in out.splitlines() if "remind_signatories" in line]
    assert [line[:16] for line in fired] == ["2026-01-19 09:00", "2026-01-26 09:00"]
    assert "2026-01-27 12:00" in out
    assert example.json("clock", "show")["now"] == "2026-01-27T11:00:00+00:00"
    [next_timer] = example.json("timers", "list")
    assert next_timer["due_at"] == "2026-02-02T08:00:00+00:00"
    reminders = example.json("audit", "log", "--entity", "agreement_versions:1")
    assert [r["action"] for r in reminders].count("remind_signatories") == 2


def test_tick_refuses_to_turn_the_clock_back(example):
    example.ok("tick", "--until", "2026-02-01")
    before = example.snapshot()
    line = example.refused("tick", "--until", "2026-01-15 10:00")
    assert "2026-02-01 00:00" in line and "zurückgestellt" in line
    assert example.snapshot() == before
    assert "not a point in time" in example.refused("--lang", "en", "tick", "--until", "morgen")


def test_tick_needs_the_simulated_clock(example, monkeypatch):
    monkeypatch.setenv("GREMIUM_CLOCK", "system")
    assert "simulierte Uhr" in example.refused("tick", "--until", "2027-01-01")
    assert "Systemuhr" in example.ok("clock", "show")


def test_english_errors_with_lang_en(example):
    line = example.refused("--lang", "en", "tick", "--until", "2025-01-01")
    assert line.startswith("Error: The simulated clock is at")


def test_acting_as_an_unknown_person_is_a_clear_error(example):
    before = example.snapshot()
    line = example.refused(
        "org", "add", "X e.V.", "--short", "X", "--kind", "association", actor="nobody@example.org"
    )
    assert "Person „nobody@example.org“ gibt es nicht" in line
    assert example.snapshot() == before


# --- entry points ---


def test_python_m_governance_help_works(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["gremium", "--help"])
    with pytest.raises(SystemExit) as exit_:
        runpy.run_module("governance", run_name="__main__")
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for command in ("init", "db", "workflow", "audit", "timers", "tick", "clock", "org", "member"):
        assert f"  {command} " in out


@pytest.mark.slow
def test_the_gremium_console_script_runs_init_and_lists_members(tmp_path):
    script = Path(sys.executable).with_name("gremium")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREMIUM_")}
    url = f"sqlite:///{tmp_path / 'g.db'}"
    init = subprocess.run(
        [str(script), "--db", url, "init", "--example", "treptow-koepenick"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert init.returncode == 0, init.stderr
    listed = subprocess.run(
        [str(script), "--db", url, "member", "list", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 9
    bad = subprocess.run(
        [str(script), "--db", "sqlite:////nonexistent/dir/x.db", "init"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_a_workflow_definition_with_an_unknown_guard_stops_every_command(
    tmp_path, monkeypatch, capsys
):
    """Definitions are validated at start-up: the error names the file and the entry."""
    import shutil

    from governance.cli import main
    from governance.resources import workflows_dir

    own = tmp_path / "workflows"
    shutil.copytree(workflows_dir(), own)
    text = (own / "agreement.yaml").read_text(encoding="utf-8")
    assert "all_parties_signed" in text
    (own / "agreement.yaml").write_text(
        text.replace("all_parties_signed", "all_partys_signed", 1), encoding="utf-8"
    )
    monkeypatch.setenv("GREMIUM_WORKFLOWS", str(own))
    db = f"sqlite:///{tmp_path / 'g.db'}"
    for argv in (["--db", db, "init"], ["--db", db, "workflow", "list"]):
        capsys.readouterr()
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        err = capsys.readouterr().err.strip()
        assert exit_.value.code == 2
        assert len(err.splitlines()) == 1
        assert (
            "agreement.yaml" in err
            and "unknown guard 'all_partys_signed'" in err
            and "transitions[" in err
        )
