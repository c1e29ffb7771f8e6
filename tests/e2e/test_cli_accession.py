"""``gremium accession ...`` and ``gremium withdrawal ...`` end to end: a fresh
SQLite file set up with ``gremium init --example treptow-koepenick``, commands
run through ``main`` exactly as from a shell, on the simulated clock
(2026-01-12 09:00 Berlin)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from governance.bootstrap import build_app
from governance.clock import BERLIN, SimulatedClock
from governance.config import Settings
from governance.examples import treptow_koepenick as tk
from governance.models import (
    AccessionApplication,
    AccessionDeclaration,
    AuditRecord,
    Capacity,
    OutboxMessage,
    Timer,
)
from governance.services import agreements, directory
from tests.e2e.gremium_cli import TABLES, Gremium, init_once, isolate

CHAIR = tk.CHAIR_EMAIL
PARTNER = "gf@rabenhaus.example.org"
APPLICANT = "vorstand@kosmosviertel.example.org"
APPLY = [
    "accession",
    "apply",
    "--org-name",
    "Stadtteilarbeit Kosmosviertel e.V.",
    "--short-name",
    "Kosmosviertel",
    "--kind",
    "association",
    "--applicant-name",
    "Vorstand Kosmosviertel",
    "--applicant-email",
    APPLICANT,
    "--function",
    "Vorstandsvorsitzende",
    "--motivation",
    "Nachbarschaftsarbeit im Kosmosviertel",
]


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)
    return init_once(g, "--example", "treptow-koepenick")


def snapshot(g: Gremium) -> tuple[Any, ...]:
    """What a refusal must not change: rows, the done part of the audit trail, the applications.

    (A refused permission, state or conflict is itself audited, as a "refused" record.)
    """
    engine = create_engine(g.url)
    with engine.connect() as conn:
        counted = tuple(
            conn.scalar(select(func.count()).select_from(m))
            for m in (*TABLES, AccessionApplication, AccessionDeclaration, OutboxMessage, Timer)
        )
        done = conn.execute(
            select(AuditRecord.seq, AuditRecord.hash).where(AuditRecord.outcome == "done")
        ).all()
    engine.dispose()
    return (
        *counted,
        tuple(done),
        str(g.json("accession", "list")),
        str(g.json("withdrawal", "list")),
    )


def agreement_in_force(g: Gremium) -> str:
    """Bring the example agreement into force at a signing ceremony; return its SHA-256."""
    settings = Settings(database=g.url)
    app = build_app(settings, clock=SimulatedClock(dt.datetime(2026, 1, 12, 9, tzinfo=BERLIN)))
    try:
        with app.unit_of_work(CHAIR) as uow:
            committee = directory.committee_by_ref(uow.session, "KG")
            version = agreements.latest_version(uow.session, committee)
            agreements.open_for_signature(uow, version)
            signatures = [
                (org, m.persons(Capacity.REPRESENTATIVE)[0], "ink")
                for org in version.pending_parties()
                if (m := directory.membership_of(uow.session, committee, org)) is not None
            ]
            agreements.record_ceremony(
                uow, version, held_on="2026-01-12", place="Rathaus Köpenick", signatures=signatures
            )
            assert version.state == "in_force"
            return str(version.text_sha256)
    finally:
        app.db.dispose()


def on_agenda(g: Gremium) -> None:
    g.ok(*APPLY)
    g.ok("accession", "review", "1", actor=CHAIR)
    g.ok("accession", "schedule", "1", actor=CHAIR)


def test_an_organisation_applies_is_accepted_signs_and_joins(gremium: Gremium) -> None:
    out = gremium.ok(*APPLY)
    assert "Beitrittsantrag #1 von Kosmosviertel ist eingegangen (Zustand: beantragt)" in out
    [row] = gremium.json("accession", "list")
    assert (row["id"], row["state"], row["organisation"]) == (1, "applied", "Kosmosviertel")
    assert row["submitted_on"] == "2026-01-12"
    assert row["allowed_triggers"] == ["review", "reject", "withdraw"]

    assert "jetzt in Prüfung" in gremium.ok("accession", "review", "1", actor=CHAIR)
    assert "auf der Tagesordnung" in gremium.ok("accession", "schedule", "1", actor=CHAIR)
    out = gremium.ok(
        "accession", "decide", "1", "--yes", "5", "--no", "1", "--abstain", "2", actor=CHAIR
    )
    assert "5 Ja, 1 Nein, 2 Enthaltungen" in out and "aufgenommen" in out

    digest = agreement_in_force(gremium)
    out = gremium.ok(
        "accession",
        "declare",
        "1",
        "--signatory",
        APPLICANT,
        "--date",
        "2026-01-12",
        "--place",
        "Berlin",
        "--hash",
        digest,
        actor=CHAIR,
    )
    assert "Kosmosviertel ist beigetreten: Mitglied ab 2026-01-13" in out

    data = gremium.json("accession", "show", "1")
    assert data["state"] == "joined"
    assert data["votes"] == {"yes": 5, "no": 1, "abstain": 2}
    assert data["decided_on"] == "2026-01-12"
    assert data["member_from"] == "2026-01-13"
    assert data["declaration"]["text_sha256"] == digest
    assert data["declaration"]["signatory"] == APPLICANT
    assert data["allowed_triggers"] == []
    text = gremium.ok("accession", "show", "1")
    assert "Zustand: beigetreten" in text and "Mitglied ab: 2026-01-13" in text
    english = gremium.ok("--lang", "en", "accession", "show", "1")
    assert "State: joined" in english


def test_a_member_gives_notice_and_leaves_when_the_timer_fires(gremium: Gremium) -> None:
    assert gremium.json("withdrawal", "list") == []
    out = gremium.ok(
        "withdrawal", "notice", "--org", "Rabenhaus", "--date", "2026-01-12", actor=PARTNER
    )
    assert "endet mit Ablauf des 2026-04-11 (ausgeschieden ab 2026-04-12)" in out
    [row] = gremium.json("withdrawal", "list")
    assert (row["organisation"], row["state"], row["ends_on"]) == (
        "Rabenhaus",
        "leaving",
        "2026-04-12",
    )
    gremium.ok("tick", "--until", "2026-04-11 23:59")
    assert gremium.json("withdrawal", "list")[0]["state"] == "leaving"
    gremium.ok("tick", "--until", "2026-04-12 00:00")
    assert gremium.json("withdrawal", "list")[0]["state"] == "left"


BAD_ACCESSION = [
    (
        ["accession", "apply", *APPLY[2:4], "--short-name", "Rabenhaus", *APPLY[6:]],
        None,
        "passen nicht zusammen",
    ),
    (
        [
            "accession",
            "apply",
            "--org-name",
            "Rabenhaus e.V.",
            "--short-name",
            "Rabenhaus",
            "--kind",
            "association",
            "--applicant-name",
            "Neu",
            "--applicant-email",
            "neu@rabenhaus.example.org",
        ],
        None,
        "Rabenhaus ist bereits Mitglied im Gremium „KG“",
    ),
    (
        ["accession", "apply", *APPLY[2:10], "--applicant-email", "kein-at-zeichen"],
        None,
        "ist keine E-Mail-Adresse",
    ),
    (
        ["accession", "decide", "1", "--yes", "8", "--no", "0", "--abstain", "0"],
        CHAIR,
        "nicht möglich",
    ),
    (["accession", "review", "1"], PARTNER, "darf „Beitrittsantrag prüfen“ nicht ausführen"),
    (["accession", "review", "7"], CHAIR, "Beitrittsantrag „7“ gibt es nicht"),
    (
        ["accession", "review", "1"],
        "niemand@example.org",
        "Person „niemand@example.org“ gibt es nicht",
    ),
    (["accession", "list", "--committee", "XY"], None, "Gremium „XY“ gibt es nicht"),
]


@pytest.mark.parametrize(("argv", "actor", "error"), BAD_ACCESSION)
def test_bad_accession_input_exits_2_with_one_line_and_changes_nothing(
    gremium: Gremium, argv: list[str], actor: str | None, error: str
) -> None:
    gremium.ok(*APPLY)
    before = snapshot(gremium)
    line = gremium.refused(*argv, actor=actor)
    assert line.startswith("Fehler: ") and error in line, line
    assert snapshot(gremium) == before


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--yes", "x", "--no", "0", "--abstain", "0"], "Stimmen „yes“: x ist keine Anzahl"),
        (["--yes", "9", "--no", "0", "--abstain", "0"], "9 Stimmen sind mehr als die 8"),
        (["--yes", "8", "--no", "0", "--abstain", "0", "--date", "12.01.2026"], "ist kein Datum"),
    ],
)
def test_a_bad_vote_result_exits_2_and_changes_nothing(
    gremium: Gremium, argv: list[str], error: str
) -> None:
    on_agenda(gremium)
    before = snapshot(gremium)
    line = gremium.refused("accession", "decide", "1", *argv, actor=CHAIR)
    assert error in line, line
    assert snapshot(gremium) == before


def test_a_declaration_on_a_stale_version_exits_2_and_changes_nothing(gremium: Gremium) -> None:
    on_agenda(gremium)
    gremium.ok("accession", "decide", "1", "--yes", "8", "--no", "0", "--abstain", "0", actor=CHAIR)
    agreement_in_force(gremium)
    before = snapshot(gremium)
    stale = hashlib.sha256(b"an earlier wording").hexdigest()
    args = ["--signatory", APPLICANT, "--date", "2026-01-12", "--place", "Berlin"]
    line = gremium.refused("accession", "declare", "1", *args, "--hash", stale, actor=CHAIR)
    assert "muss sich auf die geltende Fassung 1 beziehen" in line
    line = gremium.refused(
        "accession", "declare", "1", *args, "--hash", "0" * 64, "--signatory", PARTNER, actor=CHAIR
    )
    assert "nicht für Kosmosviertel" in line
    line = gremium.refused(
        "accession", "declare", "1", "--signatory", APPLICANT, "--date", "gestern",
        "--place", "Berlin", "--hash", stale, actor=CHAIR,
    )  # fmt: skip
    assert "„gestern“ ist kein Datum" in line
    assert snapshot(gremium) == before
    assert gremium.json("accession", "show", "1")["state"] == "accepted"


@pytest.mark.parametrize(
    ("argv", "actor", "error"),
    [
        (["--org", "Rabenhaus", "--date", "2026-01-12", "--effective", "2026-03-01"], PARTNER,
         "frühestens zum 2026-04-12"),
        (["--org", "Rabenhaus", "--date", "2026-1-32"], PARTNER, "„2026-1-32“ ist kein Datum"),
        (["--org", "Rabenhaus", "--date", "2026-01-12"], "gwa@ajb.example.org", "nicht für Rabenhaus"),
        (["--org", "BA Treptow-Köpenick", "--date", "2026-01-12"], CHAIR, "kann nicht austreten"),
        (["--org", "Nirgendwo", "--date", "2026-01-12"], CHAIR, "Organisation „Nirgendwo“ gibt es nicht"),
    ],
)  # fmt: skip
def test_a_bad_withdrawal_notice_exits_2_and_changes_nothing(
    gremium: Gremium, argv: list[str], actor: str, error: str
) -> None:
    before = snapshot(gremium)
    line = gremium.refused("withdrawal", "notice", *argv, actor=actor)
    assert error in line, line
    assert snapshot(gremium) == before


def test_a_member_revokes_its_notice_while_the_period_runs(tmp_path, monkeypatch, capsys):
    from tests.e2e.gremium_cli import Gremium, init_once, isolate

    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    g = init_once(
        Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys), "--example", "treptow-koepenick"
    )
    g.ok(
        "withdrawal",
        "notice",
        "--org",
        "Rabenhaus",
        "--date",
        "2026-01-12",
        actor="gf@rabenhaus.example.org",
    )
    assert [w["state"] for w in g.json("withdrawal", "list")] == ["leaving"]
    g.ok("withdrawal", "revoke", "--org", "Rabenhaus", actor="gf@rabenhaus.example.org")
    assert g.json("withdrawal", "list") == [] or all(
        w["state"] == "active" for w in g.json("withdrawal", "list")
    )
    g.ok("tick", "--until", "2026-05-01 00:00")
    members = {m["organisation"]: m for m in g.json("member", "list")}
    assert members["Rabenhaus"]["state"] == "active" and members["Rabenhaus"]["ends_on"] is None
