"""``gremium agreement ...`` end to end: a fresh SQLite file set up with
``gremium init --example treptow-koepenick``, commands run through ``main``
exactly as from a shell, on the simulated clock (2026-01-12 09:00 Berlin)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from governance.examples import treptow_koepenick as tk
from governance.models import AgreementVersion, OutboxMessage, Signature
from tests.e2e.gremium_cli import Gremium as SharedGremium
from tests.e2e.gremium_cli import init_once, isolate

CHAIR = tk.CHAIR_EMAIL
SECRETARY = tk.SECRETARIAT_EMAIL
REPS = {o.short_name: tk.email(o, o.representative[2]) for o in tk.ORGANISATIONS}


class Gremium(SharedGremium):
    """The shared in-process runner, plus what a refused agreement command must leave unchanged."""

    def state(self) -> tuple[Any, ...]:
        """What a refused command must leave unchanged."""
        engine = create_engine(self.url)
        with engine.connect() as conn:
            counted = tuple(
                conn.scalar(select(func.count()).select_from(m))
                for m in (Signature, OutboxMessage, AgreementVersion)
            )
        engine.dispose()
        return (*counted, json.dumps(self.json("agreement", "list")))


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)
    return init_once(g, "--example", "treptow-koepenick")


@pytest.fixture
def opened(gremium: Gremium) -> str:
    """Open version 1/1 for signature; return its SHA-256."""
    gremium.ok("agreement", "open", "1", actor=CHAIR)
    return str(gremium.json("agreement", "text", "1/1")["text_sha256"])


def sign_args(party: str, digest: str, **change: str) -> list[str]:
    values = {
        "--org": party,
        "--signatory": REPS[party],
        "--date": "2026-01-12",
        "--place": "Berlin-Köpenick",
        "--method": "scanned",
        "--hash": digest,
    }
    values.update({f"--{k}": v for k, v in change.items()})
    return ["agreement", "sign", "1/1", *(x for kv in values.items() for x in kv)]


def test_a_partner_checks_the_frozen_text_and_signs_it(gremium: Gremium, opened: str) -> None:
    text = gremium.ok("agreement", "text", "1")
    assert f"SHA-256: {opened}" in text and "§ 4 Beitritt und Austritt" in text
    assert opened == hashlib.sha256(tk.AGREEMENT_TEXT.encode()).hexdigest()

    out = gremium.ok(*sign_args("Rabenhaus", opened), actor=REPS["Rabenhaus"])
    assert "Rabenhaus hat Fassung 1/1 unterschrieben" in out

    data = gremium.json("agreement", "show", "1/1")
    assert data["state"] == "open_for_signature"
    assert data["signed"] == 1 and "Rabenhaus" not in data["pending"]
    assert data["signatures"] == [
        {
            "ceremony_id": None,
            "method": "scanned",
            "organisation": "Rabenhaus",
            "place": "Berlin-Köpenick",
            "recorded_at": "2026-01-12T08:00:00+00:00",
            "recorded_by": REPS["Rabenhaus"],
            "recorded_later": False,
            "signatory": REPS["Rabenhaus"],
            "signatory_name": "Geschäftsführung Rabenhaus",
            "signed_on": "2026-01-12",
            "text_sha256": opened,
        }
    ]


def test_a_signing_ceremony_puts_the_agreement_in_force(gremium: Gremium, opened: str) -> None:
    signs = [x for org, email in REPS.items() for x in ("--sign", f"{org}={email}")]
    out = gremium.ok(
        "agreement",
        "ceremony",
        "1/1",
        "--date",
        "2026-01-12",
        "--place",
        "Rathaus Köpenick",
        *signs,
        actor=SECRETARY,
    )
    assert "9 Unterschriften" in out and "in Kraft" in out

    rows = gremium.json("agreement", "list")
    assert [(r["ref"], r["state"], r["in_force_from"]) for r in rows] == [
        ("1/1", "in_force", "2026-01-12")
    ]
    assert set(rows[0]) == {
        "id",
        "ref",
        "agreement_id",
        "number",
        "title",
        "state",
        "text_sha256",
        "effective_from",
        "in_force_from",
        "ended_on",
        "opened_at",
        "decision",
        "parties",
        "signed",
        "pending",
    }


def test_an_amendment_and_a_termination_from_the_command_line(
    gremium: Gremium, opened: str, tmp_path: Path
) -> None:
    signs = [x for org, email in REPS.items() for x in ("--sign", f"{org}={email}")]
    gremium.ok(
        "agreement",
        "ceremony",
        "1",
        "--date",
        "2026-01-12",
        "--place",
        "Rathaus",
        *signs,
        actor=SECRETARY,
    )
    new_text = tmp_path / "fassung2.txt"
    new_text.write_text(tk.AGREEMENT_TEXT + "\n§ 5 Evaluation\n", encoding="utf-8")
    assert "1/2" in gremium.ok("agreement", "amend", "1", "--text-file", str(new_text), actor=CHAIR)
    assert [r["state"] for r in gremium.json("agreement", "list")] == ["in_force", "draft"]

    gremium.ok(
        "agreement",
        "terminate",
        "1/1",
        "--date",
        "2026-01-12",
        "--reason",
        "Auflösung",
        actor=CHAIR,
    )
    assert [r["state"] for r in gremium.json("agreement", "list")] == ["terminated", "terminated"]


BAD_SIGNATURES = [
    ({"org": "Nirgendwo"}, "Organisation „Nirgendwo“ gibt es nicht"),
    ({"signatory": "niemand@rabenhaus.example.org"}, "Person „niemand@rabenhaus.example.org“"),
    ({"signatory": "gf-at-rabenhaus"}, "keine E-Mail-Adresse"),
    ({"date": "12.01.2026"}, "„12.01.2026“ ist kein Datum"),
    ({"method": "fax"}, "erlaubt: ink, scanned, electronic"),
    ({"hash": hashlib.sha256(b"eine andere Fassung").hexdigest()}, "andere Fassung"),
    ({"org": "ajb", "signatory": REPS["ajb"]}, "nur für die eigene Organisation"),
]


@pytest.mark.parametrize(("change", "words"), BAD_SIGNATURES)
def test_a_bad_signature_exits_2_with_one_clear_line_and_changes_nothing(
    gremium: Gremium, opened: str, change: dict[str, str], words: str
) -> None:
    before = gremium.state()
    code, out, err = gremium(*sign_args("Rabenhaus", opened, **change), actor=REPS["Rabenhaus"])
    assert code == 2
    assert err.startswith("Fehler: ") and words in err
    assert err.count("\n") == 1 and out == ""
    assert gremium.state() == before


def test_a_second_signature_by_the_same_party_exits_2(gremium: Gremium, opened: str) -> None:
    gremium.ok(*sign_args("Rabenhaus", opened), actor=REPS["Rabenhaus"])
    before = gremium.state()
    code, _, err = gremium(
        *sign_args("Rabenhaus", opened, signatory="nachbarschaft@rabenhaus.example.org"),
        actor=SECRETARY,
    )
    assert code == 2 and err.count("\n") == 1
    assert "Rabenhaus hat diese Fassung bereits unterschrieben" in err
    assert gremium.state() == before


@pytest.mark.parametrize(
    ("args", "actor", "words"),
    [
        (["agreement", "show", "99"], None, "Fassung der Vereinbarung „99“ gibt es nicht"),
        (["agreement", "text", "eins"], None, "„eins“ bezeichnet keine Fassung"),
        (["agreement", "open", "1", "--effective-from", "morgen"], CHAIR, "kein Datum"),
        (["agreement", "open", "1"], SECRETARY, "nur Vorsitz"),
        (
            [
                "agreement",
                "sign",
                "1",
                "--org",
                "Rabenhaus",
                "--signatory",
                REPS["Rabenhaus"],
                "--date",
                "2026-01-12",
                "--place",
                "Berlin",
                "--method",
                "ink",
                "--hash",
                "0" * 64,
            ],
            SECRETARY,
            "im Zustand „Entwurf“ nicht möglich",
        ),
        (
            [
                "agreement",
                "ceremony",
                "1",
                "--date",
                "2026-01-12",
                "--place",
                "Rathaus",
                "--sign",
                "Rabenhaus",
            ],
            SECRETARY,
            "ORGANISATION=E-MAIL",
        ),
        (
            ["agreement", "terminate", "1", "--date", "2026-13-01", "--reason", "x"],
            CHAIR,
            "kein Datum",
        ),
    ],
)
def test_other_bad_input_exits_2_with_one_clear_line_and_changes_nothing(
    gremium: Gremium, args: list[str], actor: str | None, words: str
) -> None:
    before = gremium.state()
    code, out, err = gremium(*args, actor=actor)
    assert code == 2
    assert err.startswith("Fehler: ") and words in err
    assert err.count("\n") == 1 and out == ""
    assert gremium.state() == before


def test_messages_are_english_with_lang_en(gremium: Gremium, opened: str) -> None:
    code, _, err = gremium(
        "--lang", "en", *sign_args("Rabenhaus", opened, date="soon"), actor=REPS["Rabenhaus"]
    )
    assert code == 2 and err.startswith("Error: ") and "“soon” is not a date" in err


# --- signing dates: between the opening and today; recorded later by the secretariat ---


def test_a_signature_is_dated_between_the_opening_and_today(gremium: Gremium, opened: str) -> None:
    gremium.ok("tick", "--until", "2026-01-20 09:00")
    before = gremium.state()
    cases = [
        # a partner signing for itself signs today
        (REPS["Rabenhaus"], "2026-01-15", "mit dem heutigen Datum (2026-01-20), nicht 2026-01-15",
         "with today's date (2026-01-20), not 2026-01-15"),
        # nobody signed before the version was opened
        (SECRETARY, "2026-01-11", "vor der Öffnung der Fassung 1/1 zur Unterzeichnung am 2026-01-12",
         "before version 1/1 was opened for signature on 2026-01-12"),
        (SECRETARY, "2026-01-21", "liegt in der Zukunft (heute ist 2026-01-20)",
         "is in the future (today is 2026-01-20)"),
    ]  # fmt: skip
    for actor, day, german, english in cases:
        line = gremium.refused(*sign_args("Rabenhaus", opened, date=day), actor=actor)
        assert german in line, line
        code, _, err = gremium("--lang", "en", *sign_args("Rabenhaus", opened, date=day),
                               actor=actor)  # fmt: skip
        assert code == 2 and english in err, err
    line = gremium.refused("agreement", "ceremony", "1/1", "--date", "2026-01-09", "--place", "R",
                           "--sign", f"ajb={REPS['ajb']}", actor=SECRETARY)  # fmt: skip
    assert "vor der Öffnung" in line
    assert gremium.state() == before


def test_the_secretariat_records_a_paper_signature_later_and_the_record_says_so(
    gremium: Gremium, opened: str
) -> None:
    gremium.ok("tick", "--until", "2026-01-20 09:00")
    out = gremium.ok(
        *sign_args("Rabenhaus", opened, date="2026-01-14", method="ink"), actor=SECRETARY
    )
    assert f"Vermerkt: nachträglich erfasst am 2026-01-20 von {SECRETARY}." in out
    gremium.ok(*sign_args("ajb", opened, date="2026-01-20"), actor=REPS["ajb"])
    signatures = {
        s["organisation"]: s for s in gremium.json("agreement", "show", "1/1")["signatures"]
    }
    assert {k: signatures["Rabenhaus"][k] for k in ("signed_on", "recorded_at", "recorded_by",
                                                     "recorded_later")} == {
        "signed_on": "2026-01-14",
        "recorded_at": "2026-01-20T08:00:00+00:00",
        "recorded_by": SECRETARY,
        "recorded_later": True,
    }  # fmt: skip
    assert (signatures["ajb"]["recorded_later"], signatures["ajb"]["recorded_by"]) == (
        False,
        REPS["ajb"],
    )
    german = gremium.ok("agreement", "show", "1/1")
    assert f"nachträglich erfasst am 2026-01-20 09:00 von {SECRETARY}" in german
    assert "zur Unterzeichnung geöffnet: 2026-01-12 09:00" in german
    assert german.count("nachträglich") == 1
    english = gremium.ok("--lang", "en", "agreement", "show", "1/1")
    assert f"recorded later on 2026-01-20 09:00 by {SECRETARY}" in english
    assert "Party" in english and "Opened for signature: 2026-01-12 09:00" in english


# --- amendments: decided by the committee before they are opened for signature ---

SERIES = (
    "meeting", "series", "add", "--title", "Kooperationsgremium",
    "--rrule", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE", "--start", "2026-03-11 10:00",
    "--location", "Rathaus Köpenick",
)  # fmt: skip


@pytest.fixture
def amended(gremium: Gremium, opened: str, tmp_path: Path) -> Gremium:
    """Version 1/1 in force, amendment 1/2 drafted from a file."""
    signs = [x for org, email in REPS.items() for x in ("--sign", f"{org}={email}")]
    gremium.ok("agreement", "ceremony", "1/1", "--date", "2026-01-12", "--place", "Rathaus",
               *signs, actor=SECRETARY)  # fmt: skip
    new_text = tmp_path / "fassung2.md"
    new_text.write_text(tk.AGREEMENT_TEXT + "\n§ 5 Evaluation\nJährlich.\n", encoding="utf-8")
    out = gremium.ok("agreement", "amend", "1/1", "--file", str(new_text), actor=CHAIR)
    assert "Das Gremium entscheidet über die Änderung: „gremium agreement schedule 1/2“" in out
    return gremium


def test_an_amendment_is_voted_on_before_it_is_opened_for_signature(amended: Gremium) -> None:
    g = amended
    line = g.refused("agreement", "open", "1/2", actor=CHAIR)
    assert "Fassung 1/2 ändert die geltende Fassung 1/1" in line
    assert "mit Zweidrittelmehrheit beschließen" in line and "agreement schedule 1/2" in line
    code, _, err = g("--lang", "en", "agreement", "open", "1/2", actor=CHAIR)
    assert code == 2 and "the committee must adopt it first by two-thirds majority" in err

    g.ok(*SERIES, actor=CHAIR)
    out = g.ok("agreement", "schedule", "1/2", actor=CHAIR)
    assert "Fassung 1/2 liegt dem Gremium zur Entscheidung vor (Zweidrittelmehrheit): TOP " in out
    top = {i["title"]: i for i in g.json("meeting", "show", "1")["agenda"]}[
        "Änderung der Kooperationsvereinbarung (Fassung 1/2)"
    ]
    assert (top["kind"], top["majority"]) == ("decision", "two_thirds")
    assert f"TOP {top['top']} der Sitzung „Kooperationsgremium“ am 2026-03-11" in out
    line = g.refused("agreement", "open", "1/2", actor=CHAIR)
    assert "hat das Gremium noch nicht entschieden" in line and f"TOP {top['top']}" in line
    code, _, err = g("--lang", "en", "agreement", "open", "1/2", actor=CHAIR)
    assert code == 2 and "The committee has not decided on version 1/2 yet" in err

    g.ok("tick", "--until", "2026-03-11 10:00")
    for org in ("BA Treptow-Köpenick", "Rabenhaus", "tjfbg", "KungerKiez", "ajb", "VskA"):
        g.ok("meeting", "attend", "1", org, actor=SECRETARY)
    g.ok("meeting", "open", "1", actor=CHAIR)
    g.ok("meeting", "vote", "1", str(top["top"]), "--yes", "5", "--no", "1", "--abstain", "0",
         "--text", "Die Änderung wird beschlossen.", actor=CHAIR)  # fmt: skip
    data = g.json("agreement", "show", "1/2")
    assert data["state"] == "adopted"
    assert data["decision"] == {
        "decision": "KG-2026/01",
        "day": "2026-03-11",
        "adopted": True,
        "yes": 5,
        "no": 1,
        "abstain": 0,
    }
    shown = g.ok("agreement", "show", "1/2")
    assert "vom Gremium beschlossen" in shown
    assert "Beschluss des Gremiums: KG-2026/01 vom 2026-03-11 (ja 5, nein 1, Enthaltung 0)" in shown
    english = g.ok("--lang", "en", "agreement", "show", "1/2")
    assert "Committee decision: KG-2026/01 of 2026-03-11 (yes 5, no 1, abstain 0)" in english
    assert "adopted by the committee" in english
    assert "zur Unterzeichnung offen" in g.ok("agreement", "open", "1/2", actor=CHAIR)


def test_scheduling_in_english_and_as_json(amended: Gremium) -> None:
    g = amended
    code, out, err = g("--lang", "en", "agreement", "schedule", "1/2", actor=CHAIR)
    assert code == 0, err
    assert "Version 1/2 is put to the committee for decision (two-thirds majority)" in out
    assert "it goes on the next meeting as soon as one is planned" in out
    data = g.json("agreement", "show", "1/2")
    assert (data["state"], data["decision"], data["text_sha256"] is not None) == (
        "on_agenda",
        None,
        True,
    )
    # Scheduling twice, or by someone other than the chair, is refused.
    line = g.refused("agreement", "schedule", "1/2", actor=CHAIR)
    assert "im Zustand „auf der Tagesordnung“ nicht möglich" in line
    g.ok(*SERIES, actor=CHAIR)
    titles = [i["title"] for i in g.json("meeting", "show", "1")["agenda"]]
    assert "Änderung der Kooperationsvereinbarung (Fassung 1/2)" in titles


def test_schedule_as_json_names_the_agenda_item(amended: Gremium) -> None:
    amended.ok(*SERIES, actor=CHAIR)
    data = amended.json("--as", CHAIR, "agreement", "schedule", "1/2")
    assert data["state"] == "on_agenda" and data["majority"] == "two_thirds"
    assert data["agenda_item"]["meeting_id"] == 1 and data["agenda_item"]["top"] >= 1
    assert data["agenda_item"]["starts_at"].startswith("2026-03-11T")


def test_amend_as_json_and_the_first_version_cannot_be_scheduled(
    gremium: Gremium, tmp_path: Path
) -> None:
    line = gremium.refused("agreement", "schedule", "1/1", actor=CHAIR)
    assert "die erste Vereinbarung braucht keinen Beschluss" in line
    code, _, err = gremium("--lang", "en", "agreement", "schedule", "1/1", actor=CHAIR)
    assert code == 2 and "the first agreement needs no vote" in err
    line = gremium.refused("agreement", "schedule", "1/1", actor=SECRETARY)
    assert "nur Vorsitz" in line
    # A second draft while one exists: amend is refused, and says why.
    text = tmp_path / "neu.md"
    text.write_text("Neuer Text\n", encoding="utf-8")
    line = gremium.refused("agreement", "amend", "1/1", "--file", str(text), actor=CHAIR)
    assert "Fassung 1/1 ist noch im Zustand „Entwurf“" in line
    code, _, err = gremium("--lang", "en", "agreement", "amend", "1/1", "--file",
                             str(tmp_path / "fehlt.md"), actor=CHAIR)  # fmt: skip
    assert code == 2 and "does not exist" in err


def test_a_version_cannot_end_before_it_began(gremium: Gremium, opened: str) -> None:
    before = gremium.state()
    line = gremium.refused("agreement", "terminate", "1/1", "--date", "2026-01-11",
                           "--reason", "Irrtum", actor=CHAIR)  # fmt: skip
    assert "kann nicht zum 2026-01-11 beendet werden, vor ihrem Beginn am 2026-01-12" in line
    code, _, err = gremium("--lang", "en", "agreement", "terminate", "1/1", "--date",
                           "2026-01-11", "--reason", "x", actor=CHAIR)  # fmt: skip
    assert code == 2 and "cannot end on 2026-01-11, before it began on 2026-01-12" in err
    assert gremium.state() == before


def test_amend_as_json_and_the_list_in_english(
    gremium: Gremium, opened: str, tmp_path: Path
) -> None:
    signs = [x for org, email in REPS.items() for x in ("--sign", f"{org}={email}")]
    gremium.ok("agreement", "ceremony", "1/1", "--date", "2026-01-12", "--place", "Rathaus",
               *signs, actor=SECRETARY)  # fmt: skip
    new_text = tmp_path / "fassung2.md"
    new_text.write_text("Neu\r\n§ 1 Ziel\r\n", encoding="utf-8")
    data = gremium.json("--as", CHAIR, "agreement", "amend", "1/1", "--file", str(new_text))
    assert (data["ref"], data["state"], data["decision"]) == ("1/2", "draft", None)
    assert gremium.json("agreement", "text", "1/2")["text"] == "Neu\n§ 1 Ziel\n"
    listed = gremium.ok("--lang", "en", "agreement", "list")
    assert listed.splitlines()[0].split() == [
        "Id", "Version", "State", "Signatures", "In", "force", "from", "Ended", "on", "SHA-256",
    ]  # fmt: skip
    assert "in force" in listed and "draft" in listed


def test_amend_and_text_in_english(gremium: Gremium, opened: str, tmp_path: Path) -> None:
    signs = [x for org, email in REPS.items() for x in ("--sign", f"{org}={email}")]
    gremium.ok("agreement", "ceremony", "1/1", "--date", "2026-01-12", "--place", "Rathaus",
               *signs, actor=SECRETARY)  # fmt: skip
    new_text = tmp_path / "version2.md"
    new_text.write_text("New wording\n", encoding="utf-8")
    code, out, err = gremium("--lang", "en", "agreement", "amend", "1/1", "--file",
                             str(new_text), actor=CHAIR)  # fmt: skip
    assert code == 0, err
    assert "New version 1/2 drafted; the version in force stays in force." in out
    assert "“gremium agreement schedule 1/2”" in out
    code, out, _ = gremium("--lang", "en", "agreement", "text", "1/2")
    assert code == 0 and out.startswith("Version 1/2\n(draft – not frozen for signature yet)")
    assert gremium.ok("agreement", "text", "1/1").startswith(f"Fassung 1/1\nSHA-256: {opened}")
