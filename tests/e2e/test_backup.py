"""``gremium backup`` and ``gremium restore``: the demo year round trip, and every refusal.

A restore refuses a damaged, cut-off or foreign file, a database that is not
empty, a backup whose audit key is nowhere, and a database of the other kind:
each with a message saying what is wrong, and each without changing anything.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine, inspect, text
from sqlalchemy.engine import make_url

from governance.audit_keys import Keyring
from governance.backup import archive
from governance.models import Base
from tests import cli_in_process
from tests.conftest import PG_URL, make_app, require_postgres
from tests.pg_client import require_pg_client


def _copy_demo(demo_year: Path, folder: Path) -> Path:
    shutil.copytree(demo_year, folder)
    return folder / "gremium.db"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _everything(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order (documents with their bytes)."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            inspector = inspect(conn)
            found = {}
            for name in inspector.get_table_names():
                order = ", ".join(inspector.get_pk_constraint(name)["constrained_columns"])
                rows = conn.execute(text(f"SELECT * FROM {name} ORDER BY {order or 1}"))
                found[name] = [tuple(r) for r in rows]
            return found
    finally:
        engine.dispose()


@pytest.fixture
def demo(demo_year: Path, tmp_path: Path) -> Path:
    """A copy of the demo year's folder: database, audit key, archive, mail."""
    return _copy_demo(demo_year, tmp_path / "demo")


def test_the_demo_year_round_trips_through_a_backup(demo: Path, tmp_path: Path) -> None:
    source = f"sqlite:///{demo}"
    out = tmp_path / "sicherung.zip"
    said = cli_in_process.ok("--db", source, "backup", "--out", str(out))
    assert said.startswith(f"Sicherung geschrieben: {out} (")
    assert "5 Dokumente (archivierte Protokolle und Anlagen" in said
    assert "Nicht enthalten: die Konfigurationsdatei (mit Passwörtern)" in said
    assert f"die Schlüsseldatei des Prüfpfads {demo.parent / 'audit.key'}" in said
    with zipfile.ZipFile(out) as zipped:
        assert sorted(zipped.namelist()) == ["database.sqlite", "manifest.json"]
        manifest = json.loads(zipped.read("manifest.json"))
    assert manifest["format"] == "gremium-backup" and manifest["database"]["kind"] == "sqlite"
    assert manifest["members"]["database.sqlite"]["sha256"]
    assert len(manifest["documents"]) == 5 and all(d["intact"] for d in manifest["documents"])

    (tmp_path / "neu").mkdir()
    shutil.copy2(demo.parent / "audit.key", tmp_path / "neu" / "audit.key")  # kept apart
    target = f"sqlite:///{tmp_path / 'neu' / 'gremium.db'}"
    said = cli_in_process.ok("--lang", "en", "--db", target, "restore", str(out))
    assert "documents match the backup" in said and "Audit trail intact" in said
    assert "Audit keys: in" in said and "Not in the backup, please set up yourself" in said
    assert _everything(target) == _everything(source)
    verified = cli_in_process.ok("--db", target, "audit", "verify")
    assert verified.startswith("Prüfpfad unversehrt")
    # The restored installation works on: the archived minutes come out of it, checked.
    exported = cli_in_process.ok(
        "--db", target, "minutes", "export", "1", "--out", str(tmp_path / "p1.pdf")
    )
    assert exported and (tmp_path / "p1.pdf").read_bytes().startswith(b"%PDF")


def test_a_backup_with_the_audit_key_restores_the_key_file_too(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "mit-schluessel.zip"
    made = json.loads(
        cli_in_process.ok(
            "--db", f"sqlite:///{demo}", "backup", "--out", str(out), "--with-audit-key", "--json"
        )
    )
    assert made["audit_key_included"] is True and "audit_key" not in made["not_included"]
    assert made["documents"] == 5 and made["schema_revision"]
    # A key file of another installation is there: never overwritten, nothing restored.
    (tmp_path / "andere").mkdir()
    other_key = Keyring.create(tmp_path / "andere" / "audit.key").path
    other = tmp_path / "andere" / "gremium.db"
    said = _refused(f"sqlite:///{other}", out, "en")
    assert f"The key file {other_key} exists already, without the key" in said
    assert not other.exists() and len(Keyring.load(other_key).keys) == 1  # type: ignore[union-attr]
    (tmp_path / "neu").mkdir()
    target = tmp_path / "neu" / "gremium.db"
    done = json.loads(
        cli_in_process.ok("--db", f"sqlite:///{target}", "restore", str(out), "--json")
    )
    assert done["ok"] and done["key_written"] and done["audit_ok"]
    key = tmp_path / "neu" / "audit.key"
    assert key.read_bytes() == (demo.parent / "audit.key").read_bytes()
    assert key.stat().st_mode & 0o777 == 0o600


@pytest.fixture
def backup_file(demo: Path, tmp_path: Path) -> Path:
    out = tmp_path / "sicherung.zip"
    cli_in_process.ok("--db", f"sqlite:///{demo}", "backup", "--out", str(out))
    return out


def _refused(url: str, file: Path, lang: str = "de") -> str:
    code, out, err = cli_in_process.run("--lang", lang, "--db", url, "restore", str(file))
    assert code == 2 and not out and "Traceback" not in err, (out, err)
    return err


def _with_member(source: Path, out: Path, name: str, data: bytes) -> None:
    """*source* with member *name* replaced by *data* (the manifest left as it was)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == name else old.read(info))


def test_a_damaged_or_foreign_file_is_refused_and_nothing_is_created(
    backup_file: Path, demo: Path, tmp_path: Path
) -> None:
    target_file = tmp_path / "neu.db"
    target = f"sqlite:///{target_file}"
    shutil.copy2(demo.parent / "audit.key", tmp_path / "audit.key")
    snapshot = zipfile.ZipFile(backup_file).read("database.sqlite")
    changed = bytearray(snapshot)
    changed[len(changed) // 2] ^= 0x01  # one bit
    damaged = tmp_path / "beschaedigt.zip"
    _with_member(backup_file, damaged, "database.sqlite", bytes(changed))
    assert "ist beschädigt: database.sqlite stimmt nicht mit dem Manifest" in _refused(
        target, damaged
    )
    cut = tmp_path / "abgeschnitten.zip"
    cut.write_bytes(backup_file.read_bytes()[: backup_file.stat().st_size // 2])
    assert "is not a Gremium backup" in _refused(target, cut, "en")
    foreign = tmp_path / "fremd.zip"
    with zipfile.ZipFile(foreign, "w") as zipped:
        zipped.writestr("readme.txt", "hallo")
    assert "ist keine Sicherung von Gremium" in _refused(target, foreign)
    text_file = tmp_path / "notizen.txt"
    text_file.write_text("keine Sicherung", encoding="utf-8")
    assert "ist keine Sicherung von Gremium" in _refused(target, text_file)
    extra = tmp_path / "zusatz.zip"
    shutil.copy2(backup_file, extra)
    with zipfile.ZipFile(extra, "a") as zipped:
        zipped.writestr("audit.key", "untergeschoben")
    assert "audit.key does not match the manifest" in _refused(target, extra, "en")
    newer = tmp_path / "neuer.zip"
    manifest = json.loads(zipfile.ZipFile(backup_file).read("manifest.json"))
    _with_member(
        backup_file, newer, "manifest.json", json.dumps({**manifest, "version": 9}).encode()
    )
    assert "hat das Format 9; dieses Gremium liest Format 1" in _refused(target, newer)
    future = tmp_path / "zukunft.zip"
    later = {**manifest, "schema_revision": "0099_from_the_future"}
    _with_member(backup_file, future, "manifest.json", json.dumps(later).encode())
    assert "Schemastand 0099_from_the_future, den dieses Gremium nicht kennt" in _refused(
        target, future
    )
    assert not target_file.exists()


def test_a_database_that_is_not_empty_is_refused_and_left_as_it_was(
    backup_file: Path, demo: Path
) -> None:
    before = _digest(demo)
    said = _refused(f"sqlite:///{demo}", backup_file)
    assert said.startswith("Fehler: Die Zieldatenbank") and re.search(
        r"ist nicht leer \(\d+ Tabellen\)", said
    )
    assert "Nichts wurde geändert." in said
    assert _digest(demo) == before


def test_without_the_audit_key_a_restore_is_refused_and_creates_nothing(
    backup_file: Path, tmp_path: Path
) -> None:
    target_file = tmp_path / "ohne-schluessel" / "gremium.db"
    target_file.parent.mkdir()
    said = _refused(f"sqlite:///{target_file}", backup_file, "en")
    assert "which is neither in the key file" in said and "--with-audit-key" in said
    assert not target_file.exists() and not (target_file.parent / "audit.key").exists()


def test_a_backup_overwrites_no_file(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "da.zip"
    out.write_bytes(b"schon da")
    code, _out, err = cli_in_process.run("--db", f"sqlite:///{demo}", "backup", "--out", str(out))
    assert code == 2 and "gibt es schon; eine Sicherung überschreibt nichts" in err
    assert out.read_bytes() == b"schon da"


# --- PostgreSQL ---


def _demo_into_postgres(sqlite_file: Path, pg_url: str) -> None:
    """The demo's rows copied into a PostgreSQL schema at head (the demo runs on SQLite)."""
    make_app(pg_url, None).db.dispose()  # type: ignore[arg-type]
    source = create_engine(f"sqlite:///{sqlite_file}")
    target = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with source.connect() as read, target.begin() as write:
        write.execute(text("SET session_replication_role = replica"))  # no FK order needed
        for table in Base.metadata.sorted_tables:
            write.execute(table.delete())
            rows = [dict(r._mapping) for r in read.execute(table.select())]
            if rows:
                write.execute(table.insert(), rows)
        reflected = MetaData()
        reflected.reflect(write)
        for table in reflected.sorted_tables:
            if "id" in table.c:
                write.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                        f" coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                    )
                )
    source.dispose()
    target.dispose()


@pytest.mark.postgres
def test_the_demo_year_round_trips_on_postgresql(
    demo: Path, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_pg_client()
    _demo_into_postgres(demo, pg_url)
    monkeypatch.chdir(demo.parent)  # the key file: audit.key in the working folder
    out = tmp_path / "pg.zip"
    made = json.loads(cli_in_process.ok("--db", pg_url, "backup", "--out", str(out), "--json"))
    assert made["database"]["kind"] == "postgresql" and made["documents"] == 5
    assert made["database"]["schema"] == make_url(pg_url).query["options"].split("=")[1].split()[0]
    name = f"gremium_restore_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    target = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        said = cli_in_process.ok("--lang", "en", "--db", target, "restore", str(out))
        assert "5 documents match the backup" in said and "Audit trail intact" in said
        assert _everything(target) == _everything(pg_url)
        # Restoring again onto it: not empty, refused; a SQLite backup onto it: refused.
        assert "is not empty" in _refused(target, out, "en")
        sqlite_backup = tmp_path / "sqlite.zip"
        cli_in_process.ok("--db", f"sqlite:///{demo}", "backup", "--out", str(sqlite_backup))
        assert "restored onto the same kind only" in _refused(target, sqlite_backup, "en")
        assert "wiederhergestellt wird nur auf dieselbe Art" in _refused(
            f"sqlite:///{tmp_path / 'x.db'}", out
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_without_pg_dump_a_postgresql_backup_says_so(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_postgres()
    make_app(pg_url, None).db.dispose()  # type: ignore[arg-type]
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # a machine without the PostgreSQL client
    out = tmp_path / "pg.zip"
    code, _out, err = cli_in_process.run("--db", pg_url, "backup", "--out", str(out))
    assert code == 2
    assert "pg_dump ist nicht installiert" in err and "apt-get install postgresql-client" in err
    assert not out.exists()
    assert archive.DATABASE_MEMBER["postgresql"] == "database.pgdump"
