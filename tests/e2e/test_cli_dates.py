"""Dates and schedules a user types, end to end through ``gremium``: recurrence rules a
committee may use, meeting starts (a time, not a holiday by mistake, not in the past),
withdrawal notices that cannot change the past, and the other dates nearby. Each
refusal is one line (German and English), exit 2, and changes nothing; each command
changed here is run in its text form and with ``--json``.

The example committee on the simulated clock (2026-01-12 09:00 Berlin); nothing here
can hang: hostile rules are refused by their parts or by a bounded expansion."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from governance.examples import treptow_koepenick as tk
from tests.e2e.gremium_cli import Gremium, isolate

CHAIR = tk.CHAIR_EMAIL
SECRETARIAT = tk.SECRETARIAT_EMAIL
PARTNER = "gf@rabenhaus.example.org"
SERIES = ["meeting", "series", "add", "--title", "KG", "--start", "2026-03-11 10:00",
          "--location", "Rathaus"]  # fmt: skip


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example committee, set up once and copied into each test."""
    folder = tmp_path_factory.mktemp("dates-seed")
    mp = pytest.MonkeyPatch()
    try:
        isolate(folder, mp)
        mp.setenv("GREMIUM_CLOCK", "simulated")
        from governance.cli import main

        with pytest.raises(SystemExit) as done:
            main(
                [
                    "--db",
                    f"sqlite:///{folder / 'seed.db'}",
                    "init",
                    "--example",
                    "treptow-koepenick",
                ]
            )
        assert done.value.code in (0, None)
    finally:
        mp.undo()
    return folder / "seed.db"


@pytest.fixture
def g(seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    target = tmp_path / "gremium.db"
    target.write_bytes(seeded.read_bytes())
    # A database goes with its audit chain's key (audit.key beside the SQLite file).
    shutil.copy2(seeded.parent / "audit.key", tmp_path / "audit.key")
    return Gremium(f"sqlite:///{target}", capsys)


def refused_both(g: Gremium, argv: list[str], actor: str, de: str, en: str) -> None:
    """Refused in German and in English with the expected words; nothing changed."""
    before = g.snapshot()
    line = g.refused(*argv, actor=actor)
    assert line.startswith("Fehler: ") and de in line, line
    line = g.refused("--lang", "en", *argv, actor=actor)
    assert en in line, line
    # A refusal of permission or state is audited; input errors leave no trace at all.
    assert g.snapshot() == before


def run_json(g: Gremium, argv: list[str], actor: str) -> Any:
    return json.loads(g.ok(*argv, "--json", actor=actor))


# --- 4. recurrence rules ---


HOSTILE_RULES = [
    ("FREQ=SECONDLY", "FREQ=SECONDLY ist nicht erlaubt; erlaubt sind DAILY, WEEKLY, MONTHLY, YEARLY",
     "FREQ=SECONDLY is not allowed; allowed are DAILY, WEEKLY, MONTHLY, YEARLY"),
    ("FREQ=HOURLY;INTERVAL=0", "FREQ=HOURLY ist nicht erlaubt", "FREQ=HOURLY is not allowed"),
    ("FREQ=MINUTELY;COUNT=5", "FREQ=MINUTELY ist nicht erlaubt", "at most one meeting a day"),
    ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0 ist nicht erlaubt; erlaubt: 1 bis 52",
     "INTERVAL=0 is not allowed; allowed: 1 to 52"),
    ("FREQ=DAILY;COUNT=100000", "COUNT=100000 ist nicht erlaubt; erlaubt: 1 bis 1000 Sitzungen",
     "COUNT=100000 is not allowed; allowed: 1 to 1000 meetings"),
    ("FREQ=DAILY;COUNT=100", "plant mehr als 53 Sitzungen in zwölf Monaten; erlaubt ist höchstens wöchentlich",
     "plans more than 53 meetings in twelve months; at most weekly is allowed"),
    ("FREQ=MONTHLY;BYMONTH=13", "BYMONTH=13 ist nicht erlaubt; erlaubt: 1 bis 12",
     "BYMONTH=13 is not allowed; allowed: 1 to 12"),
    ("FREQ=MONTHLY;COUNT=0", "COUNT=0 ist nicht erlaubt", "COUNT=0 is not allowed"),
    ("FREQ=MONTHLY;COUNT=-1", "COUNT=-1 ist nicht erlaubt", "COUNT=-1 is not allowed"),
    ("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30", "ergibt bis 2027-01-12 (12 Monate voraus) keine einzige Sitzung",
     "gives not a single meeting until 2027-01-12 (12 months ahead)"),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "keine einzige Sitzung", "not a single meeting"),
    ("FREQ=DAILY;BYHOUR=10,14", "BYHOUR ist nicht erlaubt; die Uhrzeit kommt aus --start",
     "BYHOUR is not allowed; the time of day comes from --start"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "de", "en"), HOSTILE_RULES, ids=[r for r, _, _ in HOSTILE_RULES])
def test_a_hostile_recurrence_rule_is_refused_quickly_with_what_is_allowed(g, rule, de, en):
    refused_both(g, [*SERIES, "--rrule", rule], CHAIR, de, en)
    assert g.json("meeting", "list") == []


def test_a_series_in_the_past_or_with_a_date_without_time_is_refused(g):
    argv = ["meeting", "series", "add", "--title", "KG", "--rrule", "FREQ=MONTHLY",
            "--location", "Rathaus", "--start"]  # fmt: skip
    refused_both(g, [*argv, "2026-01-05 10:00"], CHAIR,
                 "Der Beginn 2026-01-05 10:00 liegt nicht in der Zukunft",
                 "The start 2026-01-05 10:00 is not in the future")  # fmt: skip
    refused_both(g, [*argv, "2026-03-11"], CHAIR,
                 "„2026-03-11“ ist kein Sitzungsbeginn: erwartet werden Datum und Uhrzeit, JJJJ-MM-TT HH:MM",
                 "a date and a time are expected, YYYY-MM-DD HH:MM")  # fmt: skip
    refused_both(g, [*SERIES, "--rrule", "FREQ=MONTHLY", "--horizon", "37"], CHAIR,
                 "Horizont „37“ ist nicht erlaubt; erlaubt: 1 bis 36 Monate",
                 "allowed: 1 to 36 months")  # fmt: skip


def test_a_weekly_series_is_planned_as_text_and_as_json(g):
    out = g.ok(*SERIES, "--rrule", "FREQ=WEEKLY;BYDAY=WE;COUNT=3", actor=CHAIR)
    assert "Sitzungsreihe 1 angelegt; 3 Sitzungen geplant:" in out
    assert "2026-03-25 10:00" in out
    data = run_json(g, [*SERIES, "--rrule", "FREQ=MONTHLY;BYDAY=2WE;COUNT=2"], CHAIR)
    assert data["series"]["id"] == 2 and data["series"]["rrule"] == "FREQ=MONTHLY;BYDAY=2WE;COUNT=2"
    assert [m["starts_at"] for m in data["meetings"]] == [
        "2026-03-11T09:00:00+00:00",
        "2026-04-08T08:00:00+00:00",
    ]


def test_a_series_change_to_a_hostile_rule_changes_nothing_and_a_good_one_is_shown(g):
    g.ok(*SERIES, "--rrule", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE", actor=CHAIR)
    before = g.json("meeting", "list")
    refused_both(g, ["meeting", "series", "change", "1", "--rrule", "FREQ=SECONDLY"], CHAIR,
                 "FREQ=SECONDLY ist nicht erlaubt", "FREQ=SECONDLY is not allowed")  # fmt: skip
    refused_both(g, ["meeting", "series", "change", "1", "--rrule", "FREQ=WEEKLY",
                     "--title", "Neu", "--horizon", "1"], CHAIR,
                 "keine einzige Sitzung", "not a single meeting")  # fmt: skip
    assert g.json("meeting", "list") == before
    assert g.json("meeting", "series", "list")[0]["title"] == "KG"
    out = g.ok("meeting", "series", "change", "1", "--title", "Kooperationsgremium", actor=CHAIR)
    assert "Sitzungsreihe 1" in out
    data = run_json(
        g, ["meeting", "series", "change", "1", "--rrule", "FREQ=MONTHLY;BYDAY=2WE"], CHAIR
    )
    assert (data["rrule"], data["title"]) == ("FREQ=MONTHLY;BYDAY=2WE", "Kooperationsgremium")


# --- 5. single meetings ---


PLAN = ["meeting", "plan", "--title", "Sondersitzung", "--location", "Rathaus"]


def test_a_meeting_start_needs_a_time_and_lies_ahead_but_not_too_far(g):
    refused_both(g, [*PLAN, "--start", "2026-03-11"], CHAIR,
                 "„2026-03-11“ ist kein Sitzungsbeginn", "is not the start of a meeting")  # fmt: skip
    refused_both(g, [*PLAN, "--start", "2026-01-12 08:00"], CHAIR,
                 "liegt nicht in der Zukunft (jetzt: 2026-01-12 09:00)", "is not in the future")  # fmt: skip
    refused_both(g, [*PLAN, "--start", "9999-12-31 10:00"], CHAIR,
                 "liegt zu weit in der Zukunft; erlaubt: bis 2029-01-12",
                 "is too far ahead; allowed: until 2029-01-12")  # fmt: skip


def test_a_single_meeting_on_a_berlin_holiday_needs_the_chairs_confirmation(g):
    refused_both(g, [*PLAN, "--start", "2026-05-01 10:00"], CHAIR,
                 "Der 2026-05-01 ist in Berlin ein Feiertag (Erster Mai); "
                 "bitte einen anderen Tag wählen oder mit --on-holiday bestätigen",
                 "2026-05-01 is a public holiday in Berlin (Erster Mai)")  # fmt: skip
    out = g.ok(*PLAN, "--start", "2026-05-01 10:00", "--on-holiday", actor=CHAIR)
    assert "2026-05-01 10:00" in out
    data = run_json(g, [*PLAN, "--start", "2026-05-04 10:00"], CHAIR)
    assert (data["id"], data["starts_at"], data["state"]) == (
        2,
        "2026-05-04T08:00:00+00:00",
        "planned",
    )


def test_moving_a_meeting_onto_a_holiday_or_to_a_date_without_time_is_refused(g):
    g.ok(*PLAN, "--start", "2026-03-18 10:00", actor=CHAIR)
    move = ["meeting", "move", "1", "--reason", "Raum belegt", "--start"]
    refused_both(g, [*move, "2026-04-03 10:00"], CHAIR,
                 "Der 2026-04-03 ist in Berlin ein Feiertag (Karfreitag)",
                 "2026-04-03 is a public holiday in Berlin (Karfreitag)")  # fmt: skip
    refused_both(g, [*move, "2026-04-02"], CHAIR,
                 "ist kein Sitzungsbeginn", "is not the start of a meeting")  # fmt: skip
    out = g.ok(*move, "2026-04-03 10:00", "--on-holiday", actor=CHAIR)
    assert "2026-04-03 10:00" in out
    data = run_json(g, [*move, "2026-04-07 10:00"], CHAIR)
    assert (data["id"], data["starts_at"]) == (1, "2026-04-07T08:00:00+00:00")


# --- 5. withdrawal notices ---


def test_a_partner_cannot_backdate_its_own_notice(g):
    notice = ["withdrawal", "notice", "--org", "Rabenhaus"]
    g.ok("tick", "--until", "2026-02-21 09:00")
    refused_both(g, [*notice, "--date", "2026-02-01"], PARTNER,
                 "eine eigene Erklärung gilt ab heute (2026-02-21)",
                 "a notice of your own counts from today (2026-02-21)")  # fmt: skip
    data = run_json(g, notice, PARTNER)
    assert (data["notice_given_on"], data["notice_recorded_on"], data["ends_on"]) == (
        "2026-02-21",
        None,
        "2026-05-21",
    )


def test_the_secretariat_records_a_paper_notice_later_and_it_is_marked(g):
    g.ok("tick", "--until", "2026-02-21 09:00")
    notice = ["withdrawal", "notice", "--org", "ajb", "--date"]
    refused_both(g, [*notice, "2026-01-20"], SECRETARIAT,
                 "höchstens 30 Tage zurück", "at most 30 days back")  # fmt: skip
    out = g.ok(*notice, "2026-02-02", actor=SECRETARIAT)
    assert "ajb hat am 2026-02-02 (nachträglich erfasst am 2026-02-21) den Austritt erklärt" in out
    data = run_json(g, ["withdrawal", "notice", "--org", "tjfbg", "--date", "2026-02-10"], CHAIR)
    assert (data["notice_given_on"], data["notice_recorded_on"]) == ("2026-02-10", "2026-02-21")
    listed = {w["organisation"]: w for w in g.json("withdrawal", "list")}
    assert listed["ajb"]["notice_recorded_on"] == "2026-02-21"
    assert "(recorded later, on 2026-02-21)" in g.ok("--lang", "en", "withdrawal", "list")


# --- the other dates nearby ---


def test_an_action_item_due_centuries_ahead_is_refused(g):
    g.ok(*PLAN, "--start", "2026-01-12 10:00", actor=CHAIR)
    g.ok("tick", "--until", "2026-01-12 10:05")
    g.ok("meeting", "attend", "1", "BA Treptow-Köpenick", actor=SECRETARIAT)
    for org in ("Rabenhaus", "tjfbg", "KungerKiez", "ajb"):
        g.ok("meeting", "attend", "1", org, actor=SECRETARIAT)
    refused_both(g, ["meeting", "attend", "1", "VskA", "--arrived", "2026-01-13 10:30"], SECRETARIAT,
                 "„2026-01-13 10:30“ liegt nicht am Sitzungstag (2026-01-12)",
                 "is not on the day of the meeting (2026-01-12)")  # fmt: skip
    g.ok("meeting", "open", "1", actor=CHAIR)
    refused_both(g, ["actions", "add", "1/1", "--what", "x", "--who", "Rabenhaus", "--due", "2206-01-01"],
                 SECRETARIAT, "Die Frist 2206-01-01 liegt zu weit in der Zukunft; erlaubt: bis 2029-01-12",
                 "allowed: until 2029-01-12")  # fmt: skip
    g.ok("meeting", "close", "1", actor=CHAIR)
    refused_both(g, ["member", "add", "--org", "SenASGIVA", "--role", "guest", "--from", "2026-01-12",
                     "--representative", PARTNER], CHAIR,
                 "am 2026-01-12 hat das Gremium schon getagt; eine Mitgliedschaft beginnt frühestens am 2026-01-13",
                 "the committee already met on 2026-01-12")  # fmt: skip


def test_a_series_cannot_be_moved_to_start_in_the_past_and_a_member_not_years_ahead(g):
    g.ok(*SERIES, "--rrule", "FREQ=MONTHLY;BYDAY=2WE", actor=CHAIR)
    before = g.json("meeting", "list")
    refused_both(g, ["meeting", "series", "change", "1", "--start", "2026-01-07 10:00"], CHAIR,
                 "Der Beginn 2026-01-07 10:00 liegt nicht in der Zukunft",
                 "The start 2026-01-07 10:00 is not in the future")  # fmt: skip
    assert g.json("meeting", "list") == before
    g.ok("org", "add", "Kosmos e.V.", "--short", "Kosmos", "--kind", "association", actor=CHAIR)
    refused_both(g, ["member", "add", "--org", "Kosmos", "--from", "2030-01-01",
                     "--representative", PARTNER], CHAIR,
                 "--from 2030-01-01: erlaubt ist ein Beginn bis zum 2027-01-12",
                 "--from 2030-01-01: a start until 2027-01-12 is allowed")  # fmt: skip


def test_an_accession_takes_effect_within_a_year(g):
    from tests.e2e.test_cli_accession import APPLICANT, agreement_in_force, on_agenda

    on_agenda(g)
    g.ok("accession", "decide", "1", "--yes", "8", "--no", "0", "--abstain", "0", actor=CHAIR)
    digest = agreement_in_force(g)
    declare = ["accession", "declare", "1", "--signatory", APPLICANT, "--date", "2026-01-12",
               "--place", "Berlin", "--hash", digest, "--member-from"]  # fmt: skip
    refused_both(g, [*declare, "2099-01-01"], CHAIR,
                 "--member-from 2099-01-01: erlaubt ist ein Beginn bis zum 2027-01-12",
                 "a start until 2027-01-12 is allowed")  # fmt: skip
    assert "Mitglied ab 2026-02-01" in g.ok(*declare, "2026-02-01", actor=CHAIR)
