"""``gremium person export|erase`` end to end: personal data stays out of the audit
chain, a person's data is exported and erased as far as no retention duty holds it,
and ``audit verify`` still passes afterwards."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import icalendar
import pytest
from sqlalchemy import create_engine, select

from governance.examples import treptow_koepenick as tk
from governance.models import AuditRecord, Person
from tests.e2e.gremium_cli import Gremium, built_once, isolate

ADMIN = "admin@ba-tk.example.org"
CHAIR = tk.CHAIR_EMAIL
SECRETARIAT = tk.SECRETARIAT_EMAIL
PARTNER = "gf@rabenhaus.example.org"
PARTNER_NAME = "Geschäftsführung Rabenhaus"
DEPUTY = "nachbarschaft@rabenhaus.example.org"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    """A small run from an empty database: signing, a meeting with a proposal and attendance."""
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)

    def build(t: Gremium) -> None:
        t.ok(
            "init",
            "--example",
            "treptow-koepenick",
            "--admin-email",
            ADMIN,
            "--admin-name",
            "Admin",
        )
        t.ok("agreement", "open", "1", actor=CHAIR)
        digest = t.json("agreement", "text", "1/1")["text_sha256"]
        t.ok(
            "agreement", "sign", "1/1", "--org", "Rabenhaus", "--signatory", PARTNER,
            "--date", "2026-01-12", "--place", "Berlin", "--method", "scanned", "--hash", digest,
            actor=PARTNER,
        )  # fmt: skip
        t.ok(
            "meeting", "series", "add", "--title", "Kooperationsgremium",
            "--rrule", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE", "--start", "2026-03-11 10:00",
            "--location", "Rathaus Köpenick", actor=CHAIR,
        )  # fmt: skip
        t.ok(
            "agenda",
            "propose",
            "1",
            "--title",
            "Stadtteilfest",
            "--kind",
            "decision",
            actor=PARTNER,
        )
        t.ok("tick", "--until", "2026-03-11 10:05")
        t.ok("meeting", "attend", "1", "Rabenhaus", "--person", PARTNER, actor=SECRETARIAT)
        t.ok("meeting", "attend", "1", "--guest", "Erika Mustermann", actor=SECRETARIAT)

    return built_once(g, "a small run", build)


def audit_text(g: Gremium) -> list[str]:
    engine = create_engine(g.url)
    with engine.connect() as conn:
        rows = conn.execute(select(AuditRecord)).all()
    engine.dispose()
    return [json.dumps(row._asdict(), default=str, ensure_ascii=False) for row in rows]


def people(g: Gremium) -> list[tuple[str, str]]:
    engine = create_engine(g.url)
    with engine.connect() as conn:
        rows = [(r.name, r.email) for r in conn.execute(select(Person.name, Person.email))]
    engine.dispose()
    return rows


def test_no_audit_record_holds_a_name_or_an_address(run: Gremium) -> None:
    records = audit_text(run)
    assert len(records) > 30
    for name, email in [*people(run), ("Erika Mustermann", "")]:
        leaks = [r for r in records if (email and email in r) or name in r]
        assert leaks == [], (name, leaks[:1])


def test_export_erase_and_the_chain_still_verifies(run: Gremium) -> None:
    before = json.loads(run.ok("person", "export", PARTNER, actor=ADMIN))
    assert before["person"]["email"] == PARTNER and before["person"]["name"] == PARTNER_NAME
    assert [s["organisation"] for s in before["signatures"]] == ["Rabenhaus"]
    assert {m["capacity"] for m in before["memberships"]} == {"representative"}
    # Not accepted by the invitation deadline, the proposal moved on to the next
    # meeting: the copy names its proposer too, so both rows are the person's data.
    assert [(p["title"], p["status"]) for p in before["proposals"]] == [
        ("Stadtteilfest", "moved"),
        ("Stadtteilfest", "proposed"),
    ]
    assert [a["organisation"] for a in before["attendance"]] == ["Rabenhaus"]
    assert before["messages"] and all(m["recipient"] == PARTNER for m in before["messages"])
    actions = {r["action"] for r in before["audit_records"]}
    assert {"record_signature", "person.add"} <= actions

    out = run.ok("person", "erase", PARTNER, actor=ADMIN)
    assert "Unterschrift unter" in out and "bis 31.12.2036" in out  # the minutes' retention
    assert "Der Name bleibt" in out

    code, verified, _ = run("audit", "verify")
    assert code == 0, verified

    placeholder = f"geloescht-{before['person']['id']}@erased.invalid"
    after = json.loads(run.ok("person", "export", placeholder, actor=ADMIN))
    assert after["person"]["email"].endswith("@erased.invalid")
    assert after["person"]["erased_at"] is not None
    assert after["person"]["name"] == PARTNER_NAME  # held by the signature's retention
    assert after["memberships"] == []
    assert after["signatures"] == before["signatures"]  # the record of the contract stays
    assert all(m["body_text"] == "" and m["subject"] == "" for m in after["messages"])
    assert all(PARTNER not in json.dumps(m) for m in after["messages"])
    assert "person.erase" in {r["action"] for r in after["audit_records"]}
    # Nowhere in the database is the address left.
    dump = "\n".join(sqlite3.connect(run.url.removeprefix("sqlite:///")).iterdump())
    assert PARTNER not in dump
    # Invitations to the others still carry valid calendar entries, each naming only
    # its own recipient (a calendar per recipient); the erased person's kept none.
    with sqlite3.connect(run.url.removeprefix("sqlite:///")) as conn:
        rows = conn.execute("SELECT recipient, calendar FROM outbox").fetchall()
    calendars = {
        recipient: [
            str(event.get("ATTENDEE"))
            for event in icalendar.Calendar.from_ical(calendar).walk("VEVENT")
        ]
        for recipient, calendar in rows
        if calendar
    }
    assert calendars and all(a == [f"mailto:{r}"] for r, a in calendars.items())
    assert placeholder not in calendars
    assert any(r == placeholder for r, _ in rows)
    # The person can no longer act or be found under the old address.
    assert "gibt es nicht" in run.refused("person", "export", PARTNER, actor=ADMIN)


def test_without_a_retention_duty_the_name_goes_too(run: Gremium) -> None:
    out = run.ok("person", "erase", DEPUTY, actor=ADMIN)
    assert "Name wurde anonymisiert" in out
    names = [name for name, _ in people(run)]
    assert "Nachbarschaftsarbeit Rabenhaus" not in names and any(
        n.startswith("Gelöschte Person") for n in names
    )
    assert run("audit", "verify")[0] == 0
    # The chair (an administrator too) may go; the last administrator may not.
    run.ok("person", "erase", CHAIR, actor=ADMIN)
    assert "einzige Administration" in run.refused("person", "erase", ADMIN, actor=ADMIN)


def test_only_the_administrator_erases_and_a_person_exports_their_own(run: Gremium) -> None:
    own = json.loads(run.ok("person", "export", PARTNER, actor=PARTNER))
    assert own["person"]["email"] == PARTNER
    snapshot = people(run)
    line = run.refused("person", "erase", PARTNER, actor=PARTNER)
    assert "Administration" in line
    line = run.refused("person", "export", DEPUTY, actor=PARTNER)
    assert "Administration" in line
    assert people(run) == snapshot
    refused = [r for r in run.json("audit", "log", "--limit", "5") if r["outcome"] == "refused"]
    assert [r["action"] for r in refused] == ["person.erase", "person.export"]
    # `audit log` shows who acted from the directory; the records themselves name an id.
    assert all(r["actor"] == PARTNER for r in refused)
    assert [r for r in audit_text(run) if PARTNER in r] == []
