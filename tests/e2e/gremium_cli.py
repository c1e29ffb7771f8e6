"""Running ``gremium`` in-process for the CLI end-to-end tests: argv in,
exit status, stdout and stderr out, exactly as from a shell."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

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


_TEMPLATES: dict[tuple[str, ...], Path] = {}
G = TypeVar("G", bound=Gremium)


def built_once(g: G, name: str, build: Callable[[Gremium], object]) -> G:
    """Make *g*'s new SQLite database as ``build(gremium)`` makes it: the first time in this
    process into a template folder, then (and every later time) as a copy of that folder
    (the database with SQLite's backup, its audit key and whatever else the build left
    beside it or in its working folder, such as the Maildir). Keyed by *name* and the GREMIUM_* environment, so a fixture whose
    environment differs builds its own. For set-ups that many tests start from
    (``init --example`` costs 2 s of CPU, a copy a few milliseconds); *build* must write
    only beside the database or in the working folder (the test's is the database's), and a
    test of the set-up itself runs the commands, not this."""
    target = Path(g.url.removeprefix("sqlite:///"))
    assert g.url.startswith("sqlite:///") and target.name == "gremium.db", g.url
    assert not target.exists(), f"{target} exists: built_once makes a new database"
    key = (name, *sorted(f"{k}={v}" for k, v in os.environ.items() if k.startswith("GREMIUM_")))
    template = _TEMPLATES.get(key)
    if template is None:
        folder = Path(tempfile.mkdtemp(prefix="gremium-built-"))
        atexit.register(shutil.rmtree, folder, True)
        with contextlib.chdir(folder):  # what the build writes to its working folder (mail)
            build(Gremium(f"sqlite:///{folder / 'gremium.db'}", g.capsys))
        template = _TEMPLATES[key] = folder
    for entry in template.iterdir():
        if entry.name == "gremium.db":
            with sqlite3.connect(entry) as source, sqlite3.connect(target) as copy:
                source.backup(copy)
            source.close()
            copy.close()
        elif entry.is_dir():
            shutil.copytree(entry, target.parent / entry.name)
        elif entry.name not in ("gremium.db-wal", "gremium.db-shm"):
            shutil.copy2(entry, target.parent / entry.name)
    return g


def init_once(g: G, *args: str) -> G:
    """``gremium init *args`` on *g*'s new database, run once per process (:func:`built_once`)."""
    return built_once(g, "init " + " ".join(args), lambda t: t.ok("init", *args))
