"""Every test keeps its audit key in its own folder, on SQLite and on PostgreSQL (where
the application's default would be the working folder, shared by every test of the
run). tests/conftest.py fails any test after which the working folder holds a new or
changed audit.key; these show the harness's two ways in put it in the test's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from governance.clock import SimulatedClock
from governance.services import audit_trail
from tests import cli_in_process
from tests.conftest import make_app


def test_an_app_of_the_harness_keeps_its_key_in_the_tests_folder(
    db_url: str, tmp_path: Path, clock: SimulatedClock, request: pytest.FixtureRequest
) -> None:
    app = make_app(db_url, clock)
    try:
        audit_trail.ensure_keyed(app)
        assert app.settings.audit_key_path() == tmp_path / "audit.key"
    finally:
        app.db.dispose()
    assert (tmp_path / "audit.key").is_file()
    assert not (request.config.invocation_params.dir / "audit.key").exists()


def test_the_command_line_of_the_harness_keeps_its_key_in_the_tests_folder(
    db_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    cli_in_process.ok("--db", db_url, "init", "--example", "treptow-koepenick")
    assert (tmp_path / "audit.key").is_file()
    assert "unversehrt" in cli_in_process.ok("--db", db_url, "audit", "verify")
    assert not (request.config.invocation_params.dir / "audit.key").exists()


def test_a_config_file_that_names_the_key_is_followed(db_url: str, tmp_path: Path) -> None:
    config = tmp_path / "gremium.toml"
    config.write_text(f'audit_key_file = "{tmp_path / "keys" / "eigener.key"}"\n', "utf-8")
    cli_in_process.ok("--db", db_url, "--config", str(config), "init")
    assert (tmp_path / "keys" / "eigener.key").is_file()
    assert not (tmp_path / "audit.key").exists()
