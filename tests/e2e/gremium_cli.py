"""Running ``gremium`` in-process for the CLI end-to-end tests: argv in,
exit status, stdout and stderr out, exactly as from a shell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

import governance.cli as cli_module
from governance.cli import main
from governance.models import (
    AuditRecord,
    Committee,
    Membership,
    MembershipPerson,
    Organisation,
    Person,
    SecretariatMember,
)

TABLES = (Organisation, Person, Committee, Membership, MembershipPerson, SecretariatMember)


class Gremium:
    def __init__(self, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.url = url
        self.capsys = capsys

    def __call__(
        self, *args: str, actor: str | None = None, db: str | None = None
    ) -> tuple[int, str, str]:
        argv = ["--db", db or self.url, *(["--as", actor] if actor else []), *args]
        self.capsys.readouterr()
        cli_module._current_lang = None  # a previous in-process run must not set the language
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        out, err = self.capsys.readouterr()
        return int(exit_.value.code or 0), out, err

    def ok(self, *args: str, actor: str | None = None) -> str:
        code, out, err = self(*args, actor=actor)
        assert code == 0, err
        return out

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--json"))

    def refused(self, *args: str, actor: str | None = None) -> str:
        """Run a command that must fail: exit 2, one line on stderr; return that line."""
        code, out, err = self(*args, actor=actor)
        assert code == 2, (out, err)
        assert len(err.strip().splitlines()) == 1, err
        return err.strip()

    def counts(self) -> tuple[int, ...]:
        engine = create_engine(self.url)
        with engine.connect() as conn:
            counted = tuple(
                int(conn.scalar(select(func.count()).select_from(m)) or 0)
                for m in (*TABLES, AuditRecord)
            )
        engine.dispose()
        return counted

    def snapshot(self) -> tuple[Any, ...]:
        """What a refused command must leave unchanged: row counts and the audit trail."""
        return (*self.counts(), json.dumps(self.json("audit", "log", "--limit", "100000")))


def isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A clean working folder and environment: no gremium.toml, no GREMIUM_* settings."""
    monkeypatch.chdir(tmp_path)
    for var in (
        "GREMIUM_CONFIG",
        "GREMIUM_DB",
        "GREMIUM_AS",
        "GREMIUM_LANG",
        "GREMIUM_CLOCK",
        "GREMIUM_COMMITTEE",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GREMIUM_SIMULATED_START", "2026-01-12 09:00")
    # PDFs in mails cost half a second each; tests/integration/test_meeting_mail.py reads them.
    monkeypatch.setenv("GREMIUM_ATTACH_DOCUMENTS", "false")
