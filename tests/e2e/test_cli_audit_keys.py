"""The audit chain's key end to end: created 0600 by `gremium init`, needed for every
write, rotated by the administrator with a record, never silently replaced; a
database from before keying is sealed by `gremium db upgrade` and keeps verifying;
the heads in the approval mails are witnesses `audit verify --witness` reads."""

from __future__ import annotations

import datetime as dt
import email.message
import mailbox
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from governance import audit
from governance.database import Database
from governance.mail.examples import example
from governance.mail.rendering import render_notification
from governance.models import AuditRecord
from tests.e2e.gremium_cli import Gremium, isolate

ADMIN = "admin@ba-tk.example.org"
CHAIR = "spk@ba-tk.example.org"
PARTNER = "gf@rabenhaus.example.org"


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    return Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)


def keys_in(path: Path) -> list[str]:
    return [line.split()[0] for line in path.read_text().splitlines() if not line.startswith("#")]


def test_init_creates_the_key_readable_by_its_owner_only(gremium, tmp_path):
    out = gremium.ok("init", "--admin-email", ADMIN, "--admin-name", "Admin")
    key_file = tmp_path / "audit.key"
    assert "Schlüssel des Prüfpfads angelegt" in out and "versiegelt" in out
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(keys_in(key_file)) == 1
    again = gremium.ok("init")  # a repeated init keeps the key
    assert "angelegt" not in again and keys_in(key_file) == keys_in(tmp_path / "audit.key")
    assert "unversehrt" in gremium.ok("audit", "verify")


def test_the_administrator_rotates_the_key_and_older_records_still_verify(gremium, tmp_path):
    gremium.ok(
        "init", "--example", "treptow-koepenick", "--admin-email", ADMIN, "--admin-name", "A"
    )
    key_file = tmp_path / "audit.key"
    first = keys_in(key_file)
    line = gremium.refused("audit", "rotate-key", actor=PARTNER)
    assert "Administration" in line and keys_in(key_file) == first
    out = gremium.ok("audit", "rotate-key", actor=ADMIN)
    second = keys_in(key_file)
    assert len(second) == 2 and second[0] == first[0] and second[1] in out
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    gremium.ok("agreement", "open", "1", actor=CHAIR)  # written with the new key
    engine = create_engine(gremium.url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT action, key_id FROM audit_records ORDER BY seq")).all()
    engine.dispose()
    rotation = [i for i, (action, _) in enumerate(rows) if action == "audit.rotate_key"]
    assert rows[rotation[0]][1] == first[0]  # the switch is sealed with the old key
    assert rows[-1][1] == second[1]
    refusal = [r for r in rows if r[0] == "audit.rotate_key"]
    assert len(refusal) == 2  # the refused attempt is on record too
    assert "unversehrt" in gremium.ok("audit", "verify")


def test_a_lost_key_is_not_replaced_and_nothing_is_written_without_it(gremium, tmp_path):
    gremium.ok("init", "--example", "treptow-koepenick")
    (tmp_path / "audit.key").rename(tmp_path / "elsewhere.key")
    line = gremium.refused("agreement", "open", "1", actor=CHAIR)
    assert "Schlüssel" in line and "Sicherung" in line
    line = gremium.refused("init")
    assert "wird nicht angelegt" in line and not (tmp_path / "audit.key").exists()
    code, out, _ = gremium("audit", "verify")
    assert code == 1 and "nicht prüfbar" in out


def test_without_the_key_timers_and_mails_are_refused_before_anything_runs(
    gremium, tmp_path, monkeypatch
):
    """A database moved without its key: `tick` and `outbox send` stop in one line
    instead of marking every due timer failed; reading still works."""
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    gremium.ok("init", "--example", "treptow-koepenick")
    gremium.ok("agreement", "open", "1", actor=CHAIR)  # weekly signature reminders from now on

    def timers() -> list[tuple[str, str]]:
        engine = create_engine(gremium.url)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT name, status FROM timers ORDER BY id")).all()
        engine.dispose()
        return [(name, status) for name, status in rows]

    before = timers()
    (tmp_path / "audit.key").rename(tmp_path / "elsewhere.key")
    for command in (("tick", "--until", "2026-12-31 12:00"), ("outbox", "send")):
        line = gremium.refused(*command)
        assert "Schlüssel" in line and "audit.key" in line and "Sicherung" in line
    assert timers() == before
    assert "Treptow" in gremium.ok("committee", "list")
    (tmp_path / "elsewhere.key").rename(tmp_path / "audit.key")
    assert "ausgelöst" in gremium.ok("tick", "--until", "2026-12-31 12:00")
    assert timers() != before
    assert "unversehrt" in gremium.ok("audit", "verify")


def test_a_key_file_others_can_read_is_refused(gremium, tmp_path):
    gremium.ok("init", "--example", "treptow-koepenick")
    (tmp_path / "audit.key").chmod(0o644)
    line = gremium.refused("agreement", "open", "1", actor=CHAIR)
    assert "chmod 600" in line


def test_a_database_from_before_keying_is_sealed_on_upgrade_and_keeps_verifying(gremium, tmp_path):
    Database(gremium.url).upgrade("0004")
    legacy = legacy_records(gremium.url)
    out = gremium.ok("db", "upgrade")
    assert "versiegelt" in out and "1 geschützte Datensätze" in out
    assert "unversehrt" in gremium.ok("audit", "verify")
    # The sealed older records are protected by the key from now on: rewriting one,
    # even with a correct plain SHA-256, no longer links to the seal.
    engine = create_engine(gremium.url)
    with engine.begin() as conn:
        record = legacy[-1]
        record.details = {"rules": "rewritten"}
        record.hash = audit.record_hash(record.prev_hash, record)
        conn.execute(
            text("UPDATE audit_records SET details = :d, hash = :h WHERE seq = :s"),
            {"d": '{"rules": "rewritten"}', "h": record.hash, "s": record.seq},
        )
    engine.dispose()
    code, out, _ = gremium("audit", "verify")
    assert code == 1 and "Nr. 3" in out


def legacy_records(url: str) -> list[AuditRecord]:
    """What Gremium before 0005 left: a membership and two plain SHA-256 records with an address."""
    at = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC)
    records = []
    prev = audit.GENESIS
    for seq, action in ((1, "committee.add"), (2, "membership.add")):
        record = AuditRecord(
            seq=seq, at=at, actor="spk@ba-tk.example.org", actor_id=None, committee_id=1,
            entity_type="committees", entity_id=1, action=action, from_state=None,
            to_state=None, outcome="done", details={"n": seq}, prev_hash=prev,
            key_id=None, digests=None,
        )  # fmt: skip
        record.hash = audit.record_hash(prev, record)
        prev = record.hash
        records.append(record)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO committees (id, name, short_name, sender_email, rules_data, "
                "created_at, version) VALUES (1, 'KG', 'KG', '', '{}', '2026-01-05 08:00', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO organisations (id, name, short_name, kind, created_at) "
                "VALUES (1, 'Rabenhaus e.V.', 'Rabenhaus', 'association', '2026-01-05 08:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO memberships (id, committee_id, organisation_id, role, voting, "
                "starts_on, state, version) VALUES (1, 1, 1, 'member', 1, '2026-01-05', "
                "'active', 1)"
            )
        )
        for r in records:
            conn.execute(
                text(
                    "INSERT INTO audit_records (seq, at, actor, committee_id, entity_type, "
                    "entity_id, action, outcome, details, prev_hash, hash) VALUES (:seq, "
                    "'2026-01-05 08:00:00.000000', :actor, 1, 'committees', 1, :action, "
                    "'done', :details, :prev, :hash)"
                ),
                {
                    "seq": r.seq,
                    "actor": r.actor,
                    "action": r.action,
                    "details": f'{{"n": {r.seq}}}',
                    "prev": r.prev_hash,
                    "hash": r.hash,
                },
            )
        conn.execute(text("UPDATE audit_head SET seq = 2, hash = :h"), {"h": prev})
    engine.dispose()
    return records


def test_the_heads_in_approval_mails_are_witnesses(gremium, tmp_path):
    gremium.ok("init", "--example", "treptow-koepenick")
    engine = create_engine(gremium.url)
    with engine.connect() as conn:
        seq, digest = conn.execute(text("SELECT seq, hash FROM audit_head")).one()
    engine.dispose()
    # The approval mail as members receive it, rendered from its real templates.
    box = mailbox.Maildir(str(tmp_path / "mail"), create=True)
    for lang in ("de", "en"):
        context = {**example("minutes_approved"), "audit_head": {"seq": seq, "hash": digest}}
        rendered = render_notification("minutes_approved", context, lang)
        message = email.message.EmailMessage()
        message["Subject"] = rendered.subject
        message.set_content(rendered.text)
        message.add_alternative(rendered.html, subtype="html")
        box.add(message)
    out = gremium.ok("audit", "verify", "--witness", str(tmp_path / "mail"))
    assert "2 Zeugen" in out
    gremium.ok("agreement", "open", "1", actor=CHAIR)
    engine = create_engine(gremium.url)
    with engine.begin() as conn:  # the records since cut off, the head moved back
        conn.execute(text("DELETE FROM audit_records WHERE seq > :s"), {"s": seq - 1})
        conn.execute(
            text(
                "UPDATE audit_head SET seq = :s, hash = (SELECT hash FROM audit_records WHERE seq = :s)"
            ),
            {"s": seq - 1},
        )
    engine.dispose()
    code, out, _ = gremium("audit", "verify", "--witness", str(tmp_path / "mail"))
    assert code == 1 and f"Eintrag Nr. {seq}" in out and "abgeschnitten" in out
    bad = tmp_path / "heads.txt"
    bad.write_text("12 not-a-hash\n")
    line = gremium.refused("audit", "verify", "--witness", str(bad))
    assert "Zeile 1" in line
