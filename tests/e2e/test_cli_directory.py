"""``gremium org|person|committee|member|secretariat`` end to end on the
example committee (``gremium init --example treptow-koepenick``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from governance.examples import treptow_koepenick as tk
from tests.e2e.gremium_cli import TABLES, Gremium, isolate

CHAIR = tk.CHAIR_EMAIL
SECRETARY = tk.SECRETARIAT_EMAIL
RABENHAUS = "gf@rabenhaus.example.org"


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)
    g.ok("init", "--example", "treptow-koepenick")
    return g


def add_kosmos(g: Gremium) -> None:
    g.ok(
        "org",
        "add",
        "Stadtteilarbeit Kosmosviertel e.V.",
        "--short",
        "Kosmos",
        "--kind",
        "association",
        actor=CHAIR,
    )
    g.ok(
        "person",
        "add",
        "Vorstand Kosmos",
        "--email",
        "vorstand@kosmos.example.org",
        "--function",
        "Vorsitzende",
        "--org",
        "Kosmos",
        actor=CHAIR,
    )


# --- listings of the example ---


def test_the_example_lists_its_organisations_people_committee_and_members_as_json(gremium):
    orgs = gremium.json("org", "list")
    assert len(orgs) == 9
    assert set(orgs[0]) == {"id", "name", "short_name", "kind", "created_at"}
    assert {o["name"] for o in orgs} >= {"Rabenhaus e.V.", "ajb gmbH", "Offensiv'91 e.V."}
    assert orgs[0]["created_at"] == "2026-01-12T08:00:00+00:00"

    people = gremium.json("person", "list")
    assert len(people) == 12
    chair = next(p for p in people if p["email"] == CHAIR)
    assert chair["is_admin"] is True and chair["organisation"] == "BA Treptow-Köpenick"

    [committee] = gremium.json("committee", "list")
    assert committee["short_name"] == "KG"

    members = gremium.json("member", "list", "--committee", "KG")
    assert len(members) == 9
    ba = members[0]
    assert ba["role"] == "chair" and ba["voting"] is True
    assert ba["representatives"] == [CHAIR]
    assert ba["deputies"] == ["koordination@ba-tk.example.org"]
    assert ba["starts_on"] == "2026-01-12" and ba["ends_on"] is None
    assert ba["state"] == "active"
    senate = next(m for m in members if m["organisation"] == "SenASGIVA")
    assert senate["role"] == "advisory" and senate["voting"] is False


def test_the_tables_show_role_vote_representatives_deputies_and_dates(gremium):
    out = gremium.ok("member", "list")
    header, *rows = out.splitlines()
    for column in ("Organisation", "Rolle", "Stimmrecht", "Vertretung", "Stellvertretung", "von"):
        assert column in header
    assert any("Vorsitz" in r and CHAIR in r and "2026-01-12" in r for r in rows)
    assert any("beratendes Mitglied" in r and "nein" in r for r in rows)
    english = gremium.ok("--lang", "en", "member", "list")
    assert "advisory member" in english and "deputies" in english


def test_show_commands_give_details_as_text_and_json(gremium):
    committee = gremium.json("committee", "show", "KG")
    assert committee["secretariat"] == [SECRETARY]
    assert committee["rules"]["invitation_lead_days"] == 14
    assert len(committee["members"]) == 9
    assert "Geschäftsordnung:" in gremium.ok("committee", "show")

    org = gremium.json("org", "show", "Rabenhaus")
    assert [p["email"] for p in org["people"]] == [
        RABENHAUS,
        "nachbarschaft@rabenhaus.example.org",
    ]
    assert org["memberships"][0]["committee"] == "KG"
    assert "Rabenhaus e.V." in gremium.ok("org", "show", "rabenhaus")

    person = gremium.json("person", "show", RABENHAUS)
    assert person["organisation"] == "Rabenhaus"
    assert [(m["organisation"], m["capacity"]) for m in person["memberships"]] == [
        ("Rabenhaus", "representative")
    ]
    assert "Vertretung" in gremium.ok("person", "show", RABENHAUS)


# --- changes ---


def test_the_chair_adds_an_organisation_a_person_and_a_member_from_a_date(gremium):
    add_kosmos(gremium)
    out = gremium.ok(
        "member",
        "add",
        "--org",
        "Kosmos",
        "--role",
        "member",
        "--from",
        "2026-03-01",
        "--representative",
        "vorstand@kosmos.example.org",
        actor=CHAIR,
    )
    assert "Kosmos ist ab 2026-03-01 Mitglied" in out
    kosmos = gremium.json("member", "list")[-1]
    assert kosmos["organisation"] == "Kosmos" and kosmos["starts_on"] == "2026-03-01"
    assert kosmos["voting"] is True and kosmos["representatives"] == ["vorstand@kosmos.example.org"]
    # not yet a current member of the committee
    assert "Kosmos" not in {m["organisation"] for m in gremium.json("committee", "show")["members"]}
    actions = [r["action"] for r in gremium.json("audit", "log", "--limit", "3")]
    assert actions == ["organisation.add", "person.add", "membership.add"]


def test_a_guest_without_vote_and_a_new_secretariat_member(gremium):
    add_kosmos(gremium)
    gremium.ok(
        "member",
        "add",
        "--org",
        "Kosmos",
        "--role",
        "guest",
        "--no-voting",
        "--representative",
        "vorstand@kosmos.example.org",
        actor=SECRETARY,
    )
    assert gremium.json("member", "list")[-1]["voting"] is False
    gremium.ok("secretariat", "add", "vorstand@kosmos.example.org", actor=CHAIR)
    assert "vorstand@kosmos.example.org" in gremium.json("committee", "show")["secretariat"]


def test_committee_rules_are_shown_and_changed_by_the_chair(gremium):
    out = gremium.ok("committee", "rules", "KG")
    assert "invitation_lead_days" in out and "Ladungsfrist" in out
    changed = gremium.ok(
        "committee",
        "rules",
        "--set",
        "proposal_deadline_days=28",
        "--set",
        "invitation_lead_days=21",
        "--set",
        "decision_majority=two_thirds",
        actor=CHAIR,
    )
    assert "geändert" in changed
    rules = gremium.json("committee", "rules")
    assert rules["invitation_lead_days"] == 21 and rules["decision_majority"] == "two_thirds"
    [record] = gremium.json("audit", "log", "--limit", "1")
    assert record["action"] == "committee.rules"
    assert record["details"]["changes"]["invitation_lead_days"] == {"from": 14, "to": 21}


def test_an_administrator_adds_a_committee_with_its_own_rules(gremium):
    gremium.ok(
        "committee",
        "add",
        "Handlungsraum Stadtrand Süd",
        "--short",
        "HR-SS",
        "--sender",
        "hr-ss@ba-tk.example.org",
        "--set",
        "withdrawal_notice_months=6",
        actor=CHAIR,
    )
    assert gremium.json("committee", "rules", "HR-SS")["withdrawal_notice_months"] == 6
    assert len(gremium.json("committee", "list")) == 2
    # with two committees the committee has to be named
    assert "--committee" in gremium.refused("member", "list")


# --- bad input: one clear line, exit 2, nothing changed ---


BAD_INPUTS = [
    (
        ["member", "add", "--org", "Nirgendwo", "--representative", RABENHAUS],
        "Organisation „Nirgendwo“ gibt es nicht. Bekannt: ",
    ),
    (
        ["member", "add", "--org", "Kosmos", "--representative", "nobody@example.org"],
        "Person „nobody@example.org“ gibt es nicht",
    ),
    (
        ["member", "list", "--committee", "XY"],
        "Gremium „XY“ gibt es nicht. Bekannt: KG.",
    ),
    (
        ["person", "add", "Jemand", "--email", "jemand-at-example.org"],
        "„jemand-at-example.org“ ist keine E-Mail-Adresse",
    ),
    (
        [
            *("member", "add", "--org", "Kosmos", "--from", "2026-02-30"),
            *("--representative", "vorstand@kosmos.example.org"),
        ],
        "„2026-02-30“ ist kein Datum (erwartet: JJJJ-MM-TT",
    ),
    (
        [
            *("member", "add", "--org", "Kosmos", "--role", "boss"),
            *("--representative", "vorstand@kosmos.example.org"),
        ],
        "role: „boss“ ist nicht erlaubt; erlaubt: chair, member, advisory, guest.",
    ),
    (
        ["org", "add", "X e.V.", "--short", "X", "--kind", "verein"],
        "erlaubt: public_body, association, non_profit_company, umbrella_association",
    ),
    (
        ["committee", "rules", "--set", "ladungsfrist=21"],
        "eine Regel „ladungsfrist“ gibt es nicht; erlaubt: invitation_lead_days, ",
    ),
    (
        ["committee", "rules", "--set", "quorum_share=3/2"],
        "quorum_share: „3/2“ ist nicht erlaubt; erlaubt: ein Bruch über 0 und höchstens 1",
    ),
    (
        ["committee", "rules", "--set", "invitation_lead_days"],
        "erwartet: REGEL=WERT",
    ),
    (
        ["org", "show", "Nirgendwo"],
        "Organisation „Nirgendwo“ gibt es nicht.",
    ),
    (
        ["person", "show", "nobody@example.org"],
        "Person „nobody@example.org“ gibt es nicht",
    ),
]


@pytest.mark.parametrize(
    ("argv", "message"), BAD_INPUTS, ids=lambda v: v if isinstance(v, str) else " ".join(v)[:40]
)
def test_bad_input_is_one_clear_line_exit_2_and_changes_nothing(gremium, argv, message):
    add_kosmos(gremium)
    before = gremium.snapshot()
    line = gremium.refused(*argv, actor=CHAIR)
    assert line.startswith("Fehler: ")
    assert message in line
    assert gremium.snapshot() == before


def test_a_second_membership_of_the_same_organisation_is_refused(gremium):
    before = gremium.counts()[:-1]
    line = gremium.refused(
        "member", "add", "--org", "Rabenhaus", "--representative", RABENHAUS, actor=CHAIR
    )
    assert "Rabenhaus ist bereits Mitglied" in line
    assert gremium.counts()[:-1] == before


def test_a_partner_may_not_edit_the_directory_and_the_refusal_is_audited(gremium):
    before = gremium.counts()[:-1]
    line = gremium.refused(
        "org", "add", "X e.V.", "--short", "X", "--kind", "association", actor=RABENHAUS
    )
    assert "darf „Organisationen und Personen pflegen“ nicht ausführen" in line
    assert gremium.counts()[:-1] == before
    [refusal] = gremium.json("audit", "log", "--limit", "1")
    assert refusal["outcome"] == "refused" and refusal["actor"] == RABENHAUS
    line = gremium.refused("committee", "rules", "--set", "reminder_days=3", actor=RABENHAUS)
    assert "Geschäftsordnung ändern" in line
    assert gremium.json("committee", "rules")["reminder_days"] == 2


def test_changes_need_an_acting_person(gremium):
    line = gremium.refused("org", "add", "X e.V.", "--short", "X", "--kind", "association")
    assert "--as" in line


def test_errors_are_english_with_lang_en(gremium):
    line = gremium.refused(
        "--lang",
        "en",
        "member",
        "add",
        "--org",
        "Nirgendwo",
        "--representative",
        RABENHAUS,
        actor=CHAIR,
    )
    assert line.startswith("Error: There is no organisation “Nirgendwo”. Known: ")
    line = gremium.refused("--lang", "en", "committee", "rules", "--set", "x=1", actor=CHAIR)
    assert "there is no setting “x”; allowed: invitation_lead_days" in line
    line = gremium.refused("--lang", "en", "person", "add", "A", "--email", "a@", actor=CHAIR)
    assert "“a@” is not an e-mail address" in line


def test_the_administrator_adds_a_second_committee_with_its_own_rules(gremium):
    gremium.ok(
        "committee",
        "add",
        "Steuerungsrunde Handlungsraum Stadtrand Süd",
        "--short",
        "HR-SüD",
        "--sender",
        "stadtrand-sued@ba-tk.example.org",
        "--set",
        "invitation_lead_days=10",
        "--set",
        "proposal_deadline_days=17",
        actor=tk.CHAIR_EMAIL,
    )
    shown = gremium.json("committee", "show", "HR-SüD")
    assert shown["rules"]["invitation_lead_days"] == 10
    assert shown["rules"]["proposal_deadline_days"] == 17
    # A partner is no administrator: refused, and nothing is created.
    before = gremium.snapshot()
    line = gremium.refused(
        "committee",
        "add",
        "Zweites Gremium",
        "--short",
        "ZG",
        "--sender",
        "zg@example.org",
        actor="gf@rabenhaus.example.org",
    )
    assert "darf „Gremium anlegen“ nicht ausführen" in line
    table_rows = before[: len(TABLES)]
    assert (
        gremium.counts()[: len(TABLES)] == table_rows
    )  # only the refusal was added, to the audit trail
