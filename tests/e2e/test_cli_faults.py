"""Faults of the installation are one line that says what is wrong and what to
do — never a traceback, never SQL parameters, personal data or a password:
a damaged or missing database file, a wrong configuration value, a full
disk, a missing audit head, a notes file that is not UTF-8. And what Gremium
creates is readable by its owner only (by the group too, where configured)."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from governance.examples import treptow_koepenick as tk
from tests.conftest import gremium_process
from tests.e2e.gremium_cli import Gremium, init_once, isolate
from tests.e2e.test_cli_commands import RECIPES, readme_commands

CHAIR = tk.CHAIR_EMAIL
SEC = tk.SECRETARIAT_EMAIL
# Commands that make their own database (init, db upgrade may create the file;
# the demo writes a folder of its own; restore loads a backup into a new or empty one)
# or need none at all (the workflows).
CREATING = {"init", "db upgrade", "demo", "restore"}
WITHOUT_DATABASE = {"workflow list", "workflow show"}


def _last_step(command: str) -> tuple[str | None, list[str]]:
    actor, args = RECIPES[command][-1]
    # IDs computed from a run's database (callables) are 1 here: the file is unusable anyway.
    return actor, [a if isinstance(a, str) else "1" for a in args]


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)
    # On the system clock, made once per process: nothing here depends on when init ran.
    return init_once(g, "--example", "treptow-koepenick")


def _one_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("command", [c for c in readme_commands() if c not in CREATING])
def test_a_damaged_database_file_is_one_line_for_every_command(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
):
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")  # `tick` reaches the database too
    damaged = tmp_path / "gremium.db"
    damaged.write_bytes(b"this is not a database, it is a letter to the district office\n" * 50)
    before = damaged.read_bytes()
    (tmp_path / "fassung-2.txt").write_text("§ 1 Text\n", encoding="utf-8")
    actor, args = _last_step(command)
    code, out, err = Gremium(f"sqlite:///{damaged}", capsys)(*args, actor=actor)
    if command in WITHOUT_DATABASE:
        assert code == 0, err
    else:
        assert code == 2, (out, err)
        line = _one_line(err)
        assert "keine (lesbare) Gremium-Datenbank" in line and str(damaged) in line
    assert damaged.read_bytes() == before


@pytest.mark.parametrize("command", [c for c in readme_commands() if c not in CREATING])
def test_a_mistyped_database_path_creates_nothing_and_says_how_to_create_one(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
):
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    (tmp_path / "fassung-2.txt").write_text("§ 1 Text\n", encoding="utf-8")
    actor, args = _last_step(command)
    missing = tmp_path / "gremiun.db"
    code, out, err = Gremium(f"sqlite:///{missing}", capsys)("--lang", "en", *args, actor=actor)
    if command not in WITHOUT_DATABASE:
        assert code == 2, (out, err)
        line = _one_line(err)
        assert line == (
            f"Error: There is no database at “{missing}”. Check the path (--db, GREMIUM_DB, "
            f"“database” in the configuration) or create it with "
            f"“gremium --db sqlite:///{missing} init”."
        )
    assert not missing.exists()


def _with_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str) -> None:
    (tmp_path / "gremium.toml").write_text(toml, encoding="utf-8")


@pytest.mark.parametrize(
    ("toml", "de", "en"),
    [
        (
            "database = 42\n",
            "„database“ muss ein Text in Anführungszeichen sein, nicht 42",
            "“database” must be a quoted text, not 42",
        ),
        (
            '[mail]\nsmtp_hots = "mail.example.org"\n',
            "unbekannte Einstellung(en) in [mail]: smtp_hots; erlaubt: delivery, maildir,",
            "unknown setting(s) in [mail]: smtp_hots; allowed: delivery, maildir,",
        ),
        (
            'databse = "sqlite:///x.db"\n',
            "unbekannte Einstellung(en) databse; erlaubt: database, default_actor,",
            "unknown setting(s) databse; allowed: database, default_actor,",
        ),
        (
            'language = "fr"\n',
            "„language“ muss eines von de, en sein, nicht „fr“",
            "“language” must be one of de, en, not “fr”",
        ),
        (
            "[mail]\nbatch_size = 0\n",
            "„mail.batch_size, lease_seconds, max_attempts“ muss mindestens 1 sein",
            "“mail.batch_size, lease_seconds, max_attempts” must be at least 1",
        ),
    ],
)
def test_a_wrong_configuration_is_refused_at_start_in_the_users_language(
    gremium: Gremium, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, de: str, en: str
):
    _with_config(tmp_path, monkeypatch, toml)
    code, _, err = gremium("org", "list", db=None)
    assert code == 2
    assert de in _one_line(err) and err.startswith("Fehler: Konfiguration gremium.toml: ")
    code, _, err = gremium("--lang", "en", "org", "list")
    assert code == 2
    assert en in _one_line(err) and err.startswith("Error: Configuration gremium.toml: ")


def test_notes_that_are_not_utf8_are_refused_in_one_line(gremium: Gremium, tmp_path: Path):
    (tmp_path / "notizen.md").write_bytes("## TOP 1\nGrüße aus Köpenick\n".encode("latin-1"))
    line = gremium.refused("minutes", "note", "1", "--file", "notizen.md", actor=SEC)
    assert line == "Fehler: Die Datei „notizen.md“ ist kein UTF-8-Text. Bitte als UTF-8 speichern."


def test_a_missing_audit_head_refuses_writes_in_one_line(gremium: Gremium):
    engine = create_engine(gremium.url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_head"))
    engine.dispose()
    before = gremium.counts()
    line = gremium.refused("person", "add", "Neue Person", "--email", "neu@example.org",
                           actor=CHAIR)  # fmt: skip
    assert "Der Kopf der Prüfpfad-Kette (Tabelle audit_head) fehlt" in line
    assert gremium.counts() == before


SECRET = "Str3ng-Geheim"


def test_no_password_reaches_a_message_a_log_or_the_audit_trail(
    gremium: Gremium,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
):
    caplog.set_level(logging.DEBUG)
    said: list[str] = []
    # --db: a malformed PostgreSQL URL, an unknown scheme.
    for url in (
        f"postgresql://gremium:{SECRET}@db.example.org:port/gremium",
        f"postgres://gremium:{SECRET}@db.example.org:5432:5432/gremium",
        f"mysql+nosuchdriver://gremium:{SECRET}@db.example.org/gremium",
        f"foo://gremium:{SECRET}@db.example.org/gremium",
    ):
        code, out, err = gremium("org", "list", db=url)
        assert code == 2
        _one_line(err)
        said += [out, err]
    # GREMIUM_DB and the configuration file's database.
    monkeypatch.setenv("GREMIUM_DB", f"postgresql://gremium:{SECRET}@127.0.0.1:1/gremium")
    cli_args = ["org", "list"]
    code, out, err = _run_without_db(gremium, cli_args)
    assert code == 2
    said += [out, err]
    monkeypatch.delenv("GREMIUM_DB")
    (tmp_path / "gremium.toml").write_text(
        f'database = "postgresql://gremium:{SECRET}@127.0.0.1:bad/gremium"\n', encoding="utf-8"
    )
    code, out, err = _run_without_db(gremium, cli_args)
    assert code == 2
    said += [out, err]
    (tmp_path / "gremium.toml").unlink()
    # The SMTP password: a relay where nothing listens, and one that refuses the login.
    monkeypatch.setenv("GREMIUM_SMTP_PASSWORD", SECRET)
    monkeypatch.setenv("GREMIUM_MAIL_DELIVERY", "smtp")
    monkeypatch.setenv("GREMIUM_MAIL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("GREMIUM_MAIL_SMTP_PORT", "9")
    monkeypatch.setenv("GREMIUM_MAIL_SMTP_SECURITY", "none")
    monkeypatch.setenv("GREMIUM_MAIL_SMTP_USER", "gremium")
    gremium.ok("person", "add", "Neue Person", "--email", "neu@example.org", actor=CHAIR)
    code, out, err = gremium("outbox", "send")
    said += [out, err]
    said.append(gremium.ok("outbox", "list", "--json"))
    said.append(gremium.ok("audit", "log", "--json", "--limit", "1000"))
    engine = create_engine(gremium.url)
    with engine.connect() as conn:
        for table in ("audit_records", "outbox", "settings"):
            said += [str(row) for row in conn.execute(text(f"SELECT * FROM {table}"))]
    engine.dispose()
    said += [record.getMessage() for record in caplog.records]
    said += [str(record.exc_info) for record in caplog.records if record.exc_info]
    leaked = [text_ for text_ in said if SECRET in text_]
    assert not leaked, leaked


def _run_without_db(gremium: Gremium, args: list[str]) -> tuple[int, str, str]:
    """Run with the database from the environment or the configuration (no --db)."""
    import governance.cli as cli_module
    from governance.cli import main

    gremium.capsys.readouterr()
    cli_module._current_lang = None
    with pytest.raises(SystemExit) as exit_:
        main(args)
    out, err = gremium.capsys.readouterr()
    return int(exit_.value.code or 0), out, err


def test_sql_parameters_never_appear_in_an_error(gremium: Gremium, tmp_path: Path, capsys: Any):
    # A write the database refuses (read-only file): the message names the problem only.
    database = tmp_path / "gremium.db"
    database.chmod(0o400)
    try:
        if os.access(database, os.W_OK):
            pytest.skip("running as root: a read-only file is still writable")
        code, _out, err = gremium("person", "add", "Maria Geheimnis", "--email",
                                 "maria@example.org", actor=CHAIR)  # fmt: skip
    finally:
        database.chmod(0o600)
    assert code == 2
    assert "Geheimnis" not in err and "maria@" not in err
    _one_line(err)


def _modes(folder: Path) -> dict[str, int]:
    return {
        str(path.relative_to(folder)): stat.S_IMODE(path.stat().st_mode)
        for path in [folder, *folder.rglob("*")]
    }


def test_what_gremium_creates_is_readable_by_its_owner_only(demo_year: Path, tmp_path: Path):
    # The run's demo year is `gremium demo --no-documents --out FOLDER` run in a process of
    # its own with the usual umask (0022) and no GREMIUM_* variables (tests/conftest.py
    # gremium_process): what Gremium created there, the folder itself included.
    created = _modes(demo_year)
    assert any(name.startswith("mail/new/") for name in created)
    assert any(name.startswith("archive/") for name in created)
    too_open = {name: oct(mode) for name, mode in created.items() if mode & 0o077}
    assert not too_open, too_open
    # A document rendered into that folder (into a copy: the demo year is read-only; the
    # copy keeps every file's mode).
    out = tmp_path / "out"
    shutil.copytree(demo_year, out)
    gremium_process(tmp_path, "--db", "sqlite:///out/gremium.db", "documents", "render",
                    "agreement", "1", "--format", "html", "--out", "out/vereinbarung.html")  # fmt: skip
    modes = _modes(out)
    assert "vereinbarung.html" in modes
    too_open = {name: oct(mode) for name, mode in modes.items() if mode & 0o077}
    assert not too_open, too_open


def test_with_group_access_the_group_may_read_too(demo_again: tuple[Path, str]):
    # `gremium --lang en demo --no-documents` in a process of its own (umask 0022) with
    # GREMIUM_GROUP_ACCESS=true, into a copy of the demo year it empties first
    # (tests/conftest.py demo_again; tests/e2e/test_demo.py reads the same run).
    modes = _modes(demo_again[0])
    assert modes["gremium.db"] == 0o640
    assert modes["mail"] & 0o070 == 0o050 or modes["mail"] == 0o700  # mailbox makes it 0700
    assert all(mode & 0o007 == 0 for mode in modes.values())
    assert {mode for name, mode in modes.items() if name.startswith("archive/")} == {0o640}


def _root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.skipif(not _root(), reason="mounting a tiny tmpfs to fill needs root")
def test_a_full_disk_is_one_line_without_personal_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
):
    isolate(tmp_path, monkeypatch)
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)])
    if mounted.returncode != 0:
        pytest.skip("tmpfs could not be mounted here")
    try:
        g = Gremium(f"sqlite:///{disk / 'gremium.db'}", capsys)
        g.ok("init", "--example", "treptow-koepenick")
        filler = disk / "filler"
        handle = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(handle, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(handle)
        code, out, err = g("person", "add", "Maria Geheimnis", "--email",
                           "maria@example.org", actor=CHAIR)  # fmt: skip
        assert code == 2, (out, err)
        line = _one_line(err)
        assert "voll" in line and "nichts wurde gespeichert" in line
        assert "Geheimnis" not in line and "maria@" not in line
        filler.unlink()
        g.ok("person", "add", "Maria Geheimnis", "--email", "maria@example.org", actor=CHAIR)
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
    shutil.rmtree(disk, ignore_errors=True)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["person", "add", "Maria\nMuster", "--email", "maria@example.org"],
            "Fehler: name: bitte eine Zeile Text ohne Zeilenumbruch angeben.",
        ),
        (
            ["person", "add", "Maria\r\nMuster", "--email", "maria@example.org"],
            "Fehler: name: bitte eine Zeile Text ohne Zeilenumbruch angeben.",
        ),
        (
            ["person", "add", "Maria", "--email", "maria@example.org\r\nBcc: alle@example.org"],
            "Fehler: „maria@example.org\\r\\nBcc: alle@example.org“ ist keine E-Mail-Adresse "
            "(erwartet: name@beispiel.de).",
        ),
        (
            ["org", "add", "Verein\nfür Nachbarn", "--short", "VfN", "--kind", "association"],
            "Fehler: name: bitte eine Zeile Text ohne Zeilenumbruch angeben.",
        ),
        (
            ["person", "add", "Jürgen", "--email", "jürgen@example.org"],
            "Fehler: „jürgen@example.org“: vor dem @ stehen Zeichen außerhalb von ASCII; solche "
            "Adressen nimmt nur ein Mailserver mit SMTPUTF8 an. Bitte eine ASCII-Adresse angeben "
            "(oder, wenn der Mailserver SMTPUTF8 kann, smtputf8 = true unter [mail] setzen).",
        ),
    ],
)
def test_line_breaks_and_addresses_the_relay_would_refuse_are_refused_in_one_line(
    gremium: Gremium, args: list[str], expected: str
):
    before = gremium.snapshot()
    assert gremium.refused(*args, actor=CHAIR) == expected
    assert gremium.snapshot() == before


def test_a_non_ascii_local_part_is_taken_where_the_relay_speaks_smtputf8(
    gremium: Gremium, tmp_path: Path
):
    (tmp_path / "gremium.toml").write_text("[mail]\nsmtputf8 = true\n", encoding="utf-8")
    gremium.ok("person", "add", "Jürgen", "--email", "jürgen@example.org", actor=CHAIR)
    assert gremium.json("person", "show", "jürgen@example.org")["email"] == "jürgen@example.org"


def _queued(url: str) -> list[tuple[str, Any, Any]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT status, lease_owner, attempts FROM outbox")).fetchall()
    engine.dispose()
    return [tuple(row) for row in rows]


def test_an_existing_empty_maildir_folder_is_used(gremium: Gremium, tmp_path: Path):
    (tmp_path / "mail").mkdir()  # made by hand, without cur/new/tmp
    gremium.ok("person", "add", "Neue Person", "--email", "neu@example.org", actor=CHAIR)
    gremium.ok("--as", CHAIR, "meeting", "plan", "--title", "Sitzung", "--start",
               "2027-03-03 10:00", "--location", "Rathaus")  # fmt: skip
    gremium.ok("meeting", "convene", "1", actor=CHAIR)
    gremium.ok("outbox", "send")
    assert {status for status, _, _ in _queued(gremium.url)} == {"sent"}
    assert len(list((tmp_path / "mail" / "new").iterdir())) > 0


@pytest.mark.skipif(not _root(), reason="mounting a tiny tmpfs to fill needs root")
def test_a_full_maildir_is_one_line_and_gives_its_claims_back_at_once(
    gremium: Gremium, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    disk = tmp_path / "mail"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)]).returncode:
        pytest.skip("tmpfs could not be mounted here")
    try:
        gremium.ok("--as", CHAIR, "meeting", "plan", "--title", "Sitzung", "--start",
                   "2027-03-03 10:00", "--location", "Rathaus")  # fmt: skip
        gremium.ok("meeting", "convene", "1", actor=CHAIR)
        handle = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(handle, b"\0" * 1024)
        except OSError:
            pass
        finally:
            os.close(handle)
        _, _, err = gremium("outbox", "send")
        assert "Traceback" not in err
        assert "No space left on device" in err or "voll" in err, err
        rows = _queued(gremium.url)
        assert rows and all(owner is None for _, owner, _ in rows), rows  # nothing held
        assert {status for status, _, _ in rows} == {"queued"}
        (disk / "filler").unlink()
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
