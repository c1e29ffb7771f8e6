"""A backup taken while two ``gremium run`` processes work, restored elsewhere.

Two runners fire due reminders and send their mails; meanwhile ``gremium
backup`` writes its file. Restored into a new database (a new SQLite file; a
new PostgreSQL database), the backup holds one consistent moment: every record
and document that existed before the backup began, each fired timer with its
audit record and its queued mail (they are written in one transaction), the
audit chain as a prefix of the source's, every document's bytes, nothing added
after the backup; ``gremium audit verify`` passes on the restored database.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from governance.bootstrap import App, build_app
from governance.clock import SystemClock
from governance.config import Settings
from governance.services import stored_documents
from governance.services.audit_trail import ensure_keyed
from tests.conftest import PG_URL, SYSTEM, migrate
from tests.mail_support import start_server
from tests.pg_client import require_pg_client
from tests.scale_support import CountingMailbox, runner_env, seed_due_action_items

pytestmark = pytest.mark.slow

TOTAL = 1500
DOCUMENTS = 12


def _app(url: str, key: Path) -> App:
    app = build_app(
        Settings(database=url, audit_key_file=str(key)), clock=SystemClock(), check_schema=False
    )
    migrate(app.db)
    ensure_keyed(app)  # a keyed chain, as `gremium init` leaves it
    return app


def _store_documents(app: App, first: int, count: int) -> None:
    """Files of the first agenda item, up to ~300 KB (random bytes: they do not compress)."""
    with app.unit_of_work(SYSTEM) as uow:
        item_id = uow.session.execute(text("SELECT min(id) FROM agenda_items")).scalar_one()
        for n in range(first, first + count):
            stored_documents.store(
                uow,
                kind="agenda_file",
                entity_type="agenda_items",
                entity_id=item_id,
                name=f"anlage-{n}.bin",
                media_type="application/octet-stream",
                data=os.urandom(1000 + n * 25_000),
            )


def _gremium(url: str, *args: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "governance", "--db", url, *args],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _ok(url: str, *args: str, env: dict[str, str], cwd: Path) -> str:
    proc = _gremium(url, *args, env=env, cwd=cwd)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, (args, out.decode(), err.decode())
    return out.decode()


def _rows(url: str, statement: str) -> list[tuple[Any, ...]]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(statement))]
    finally:
        engine.dispose()


def _ids(url: str, table: str) -> set[int]:
    return {r[0] for r in _rows(url, f"SELECT id FROM {table}")}


def _fired(url: str) -> int:
    return int(_rows(url, "SELECT count(*) FROM timers WHERE status = 'fired'")[0][0])


def _fan_out_backup_restore(
    source: str, target: str, folder: Path, *, with_key: bool, target_key: Path
) -> None:
    key = folder / "source" / "audit.key"
    key.parent.mkdir()
    app = _app(source, key)
    seed_due_action_items(app, TOTAL, due_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    _store_documents(app, 0, DOCUMENTS)
    handler = CountingMailbox(delay=0.002)  # a relay that takes its time: the work lasts
    controller = start_server(handler)
    env = runner_env(controller.port, GREMIUM_AUDIT_KEY_FILE=str(key))
    backup = folder / "sicherung.zip"
    runners: list[subprocess.Popen[bytes]] = []
    try:
        runners = [_gremium(source, "run", "--poll", "0.5", env=env, cwd=folder) for _ in range(2)]
        deadline = time.monotonic() + 300
        while _fired(source) < 50:
            assert all(p.poll() is None for p in runners), [p.communicate() for p in runners]
            assert time.monotonic() < deadline, "the runners fired nothing"
            time.sleep(0.2)
        before = {t: _ids(source, t) for t in ("timers", "outbox", "audit_records", "action_items")}
        fired_before = {r[0] for r in _rows(source, "SELECT id FROM timers WHERE status = 'fired'")}
        args = [
            "backup",
            "--out",
            str(backup),
            "--json",
            *(["--with-audit-key"] if with_key else []),
        ]
        made = json.loads(_ok(source, *args, env=env, cwd=folder))
        assert all(p.poll() is None for p in runners), "the runners stopped before the backup"
        during = _fired(source)
        _store_documents(app, DOCUMENTS, 3)  # after the backup: not in it
        while _fired(source) < TOTAL:
            assert time.monotonic() < deadline + 300, "the runners did not finish"
            time.sleep(0.5)
        for p in runners:
            p.send_signal(signal.SIGTERM)
            _out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err.decode()
    finally:
        for p in runners:
            if p.poll() is None:
                p.kill()
        controller.stop()
    app.db.dispose()
    assert made["documents"] == DOCUMENTS and made["audit_key_included"] is with_key
    assert made["tables"]["timers"]["rows"] == TOTAL
    assert during >= 50 and made["audit"]["head_seq"] > 0

    restore_env = {**env, "GREMIUM_AUDIT_KEY_FILE": str(target_key)}
    if not with_key:
        # The user keeps the key file apart and puts it in place before restoring.
        target_key.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(key, target_key)
    elsewhere = folder / "elsewhere"
    elsewhere.mkdir()
    done = json.loads(_ok(target, "restore", str(backup), "--json", env=restore_env, cwd=elsewhere))
    assert done["ok"] and done["differences"] == [] and done["audit_ok"], done
    assert done["key_written"] is with_key
    verified = _ok(target, "--lang", "en", "audit", "verify", env=restore_env, cwd=elsewhere)
    assert verified.startswith("Audit trail intact"), verified

    # Every record that was there before the backup began is restored; nothing
    # that came later than the restored state is invented.
    for table, ids in before.items():
        restored = _ids(target, table)
        assert ids <= restored <= _ids(source, table), table
    fired = {r[0] for r in _rows(target, "SELECT id FROM timers WHERE status = 'fired'")}
    assert fired_before <= fired and len(fired) < TOTAL  # the runners went on after it
    # One moment: each fired reminder has its audit record and its mail, no more, no less.
    reminders = _rows(target, "SELECT count(*) FROM audit_records WHERE action = 'remind_due'")
    mails = _rows(target, "SELECT count(*) FROM outbox WHERE notification = 'action_item_due'")
    assert reminders[0][0] == mails[0][0] == len(fired)
    # The restored chain is the source's chain up to the backup: position by position.
    chain = "SELECT seq, hash FROM audit_records ORDER BY seq"
    restored_chain = _rows(target, chain)
    assert restored_chain == _rows(source, chain)[: len(restored_chain)]
    # Every document, byte for byte; the ones stored after the backup are not there.
    documents = "SELECT id, name, sha256, data FROM stored_documents ORDER BY id"
    restored_docs = [(i, n, h, bytes(d)) for i, n, h, d in _rows(target, documents)]
    source_docs = [(i, n, h, bytes(d)) for i, n, h, d in _rows(source, documents)]
    assert restored_docs == source_docs[:DOCUMENTS]
    assert len(source_docs) == DOCUMENTS + 3


def test_a_sqlite_backup_taken_while_runners_work_restores_every_record_and_document(
    tmp_path: Path,
) -> None:
    source = f"sqlite:///{tmp_path / 'gremium.db'}"
    target = f"sqlite:///{tmp_path / 'restored' / 'gremium.db'}"
    (tmp_path / "restored").mkdir()
    _fan_out_backup_restore(
        source, target, tmp_path, with_key=False, target_key=tmp_path / "restored" / "audit.key"
    )


@pytest.mark.postgres
def test_a_postgresql_backup_taken_while_runners_work_restores_into_another_database(
    pg_url: str, tmp_path: Path
) -> None:
    require_pg_client()
    name = f"gremium_restore_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    target = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        _fan_out_backup_restore(
            pg_url, target, tmp_path, with_key=True, target_key=tmp_path / "restored" / "audit.key"
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
