"""After downtime, on the command line: ``tick --catch-up`` skips what lost its
purpose, ``timers list --skipped`` and ``outbox list --skipped`` say why, and a
meeting that was never opened gets its end (``meeting not-held``, or
``meeting record-later`` for a session held on paper) — in German and English,
as text and as JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from governance.examples import treptow_koepenick as tk
from tests.e2e.gremium_cli import Gremium, built_once, isolate

CHAIR = tk.CHAIR_EMAIL
SECRETARIAT = tk.SECRETARIAT_EMAIL
PARTNER = "gf@rabenhaus.example.org"
SERIES = [
    "meeting", "series", "add", "--title", "Kooperationsgremium",
    "--rrule", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
    "--start", "2026-03-11 10:00", "--location", "Rathaus Köpenick, Raum 120",
]  # fmt: skip


@pytest.fixture
def gremium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Gremium:
    isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("GREMIUM_CLOCK", "simulated")
    for var in [v for v in os.environ if v.startswith("GREMIUM_MAIL_")]:
        monkeypatch.delenv(var)
    g = Gremium(f"sqlite:///{tmp_path / 'gremium.db'}", capsys)

    def build(t: Gremium) -> None:
        t.ok("init", "--example", "treptow-koepenick")
        t.ok(*SERIES, actor=CHAIR)

    return built_once(g, "example with the series", build)


def test_a_catch_up_skips_the_invitation_of_a_past_meeting_and_lists_why(gremium):
    out = gremium.ok("tick", "--until", "2026-05-01 09:00", "--catch-up")
    assert (
        "2026-02-25 10:00  invitation: convene auf meetings:1 übersprungen "
        "(die Sitzung hat am 2026-03-11 10:00 begonnen: zu spät, um dies zu senden)"
    ) in out
    assert "2026-03-12 09:00  overdue_planned: report_overdue auf meetings:1 ausgelöst" in out
    table = gremium.ok("timers", "list", "--skipped")
    assert table.splitlines()[0].split() == [
        "#",
        "fällig",
        "(Berlin)",
        "Einheit",
        "Zeitgeber",
        "Grund",
    ]
    assert "meetings:1" in table and "die Sitzung hat am 2026-03-11 10:00 begonnen" in table
    assert "the meeting" not in table  # the reason in the reader's language
    english = gremium.ok("--lang", "en", "timers", "list", "--skipped")
    assert english.splitlines()[0].split()[-1] == "reason"
    assert "the meeting began at 2026-03-11 10:00" in english
    rows = gremium.json("--lang", "en", "timers", "list", "--skipped")
    skipped = {r["name"]: r["skip_reason"] for r in rows if r["entity_id"] == 1}
    assert set(skipped) == {"call_for_proposals", "proposal_deadline", "invitation"}
    assert skipped["call_for_proposals"].startswith("proposals closed at 2026-02-18 10:00")
    # No invitation of meeting 1 is queued; the chair's notice is.
    queued = gremium.json("outbox", "list")
    assert not [m for m in queued if m["subject"].startswith("Einladung")]
    assert {
        m["recipient"] for m in queued if m["subject"].startswith("Sitzung ohne Abschluss")
    } == {
        CHAIR,
        SECRETARIAT,
    }


def test_failed_and_skipped_together_are_refused_in_one_line(gremium):
    assert gremium.refused("timers", "list", "--failed", "--skipped") == (
        "Fehler: --failed und --skipped schließen einander aus; bitte nur eines angeben."
    )
    line = gremium.refused("--lang", "en", "outbox", "list", "--failed", "--skipped")
    assert line == "Error: --failed and --skipped exclude each other; give only one."
    assert gremium.ok("timers", "list", "--skipped") == "Keine übersprungenen Zeitgeber.\n"
    assert gremium.ok("--lang", "en", "timers", "list", "--skipped") == "No skipped timers.\n"
    assert gremium.json("timers", "list", "--skipped") == []


def test_mails_queued_before_an_outage_are_skipped_with_their_reason(gremium, tmp_path):
    gremium.ok("tick", "--until", "2026-02-25 10:01")  # invitations queued, nothing sent
    # Back after the meeting: the reminder of 09.03. is not sent either.
    caught_up = gremium.json("--lang", "en", "tick", "--until", "2026-03-12 08:00", "--catch-up")
    assert caught_up["now"] == "2026-03-12T07:00:00+00:00"
    [reminder] = [f for f in caught_up["fired"] if f["name"] == "reminder"]
    assert reminder["outcome"] == "skipped"
    assert reminder["detail"] == "the meeting began at 2026-03-11 10:00: too late to send this"
    english = gremium.ok("--lang", "en", "timers", "list", "--skipped")
    assert "reminder" in english and english.splitlines()[0].split()[-1] == "reason"
    # Every queued mail was about meeting 1 before it began: none is sent.
    sent = gremium.ok("outbox", "send").splitlines()
    assert sent[0] == "0 versandt, 0 zurückgestellt, 0 gescheitert."
    assert sent[1].endswith(
        " übersprungen, weil ihr Zweck entfallen ist (Gründe: gremium outbox list --skipped)."
    )
    rows = gremium.json("--lang", "en", "outbox", "list", "--skipped")
    invitations = [r for r in rows if r["subject"].startswith("Einladung")]
    assert invitations and {r["status"] for r in invitations} == {"skipped"}
    assert invitations[0]["skip_reason"] == "it was to be delivered before 2026-03-11 10:00"
    assert invitations[0]["purpose"]["states"] == ["convened"]
    table = gremium.ok("outbox", "list", "--skipped")
    assert "übersprungen" in table and "vor dem 2026-03-11 10:00 zugestellt werden" in table
    assert "delivered before" not in table  # no English reason in German output
    english = gremium.ok("--lang", "en", "outbox", "list", "--skipped")
    assert "it was to be delivered before 2026-03-11 10:00" in english
    assert not (tmp_path / "mail" / "new").exists()  # nothing was delivered


def test_the_chair_records_a_meeting_as_not_held(gremium):
    gremium.ok("tick", "--until", "2026-03-12 09:00")
    before = gremium.refused("meeting", "not-held", "1", "--reason", "Sturm", actor=PARTNER)
    assert "erfassen, dass eine Sitzung nicht stattfand" in before
    out = gremium.ok("meeting", "not-held", "1", "--reason", "Sturm", actor=CHAIR)
    assert out == "Sitzung 1 „Kooperationsgremium“ am 2026-03-11 10:00: nicht stattgefunden.\n"
    data = gremium.json("meeting", "show", "1")
    assert (data["state"], data["reason"]) == ("not_held", "Sturm")
    again = gremium.refused(
        "--lang", "en", "meeting", "not-held", "1", "--reason", "x", actor=CHAIR
    )
    assert "not held" in again and "Error:" in again


def test_not_held_in_english_and_as_json_and_refused_before_the_meeting_is_over(gremium):
    gremium.ok("tick", "--until", "2026-03-11 10:30")
    early = gremium.refused("meeting", "not-held", "1", "--reason", "x", actor=CHAIR)
    assert "die Sitzung ist noch nicht vorüber" in early
    early_en = gremium.refused(
        "--lang", "en", "meeting", "not-held", "1", "--reason", "x", actor=CHAIR
    )
    assert "the meeting is not over yet" in early_en
    gremium.ok("tick", "--until", "2026-03-11 13:00")
    data = json.loads(
        gremium.ok(
            "--lang", "en", "meeting", "not-held", "1", "--reason", "Storm", "--json", actor=CHAIR
        )
    )
    assert data["state"] == "not_held" and data["reason"] == "Storm"
    assert data["recorded_later_at"] is None


def test_the_secretariat_records_a_paper_session_afterwards(gremium):
    gremium.ok("tick", "--until", "2026-03-16 09:00")
    out = gremium.ok("meeting", "record-later", "1", actor=SECRETARIAT)
    assert out == "Sitzung 1 „Kooperationsgremium“ am 2026-03-11 10:00: in Sitzung.\n"
    for org in ("BA Treptow-Köpenick", "Rabenhaus", "Offensiv'91", "tjfbg", "KungerKiez"):
        gremium.ok("meeting", "attend", "1", org, actor=SECRETARIAT)
    gremium.ok("meeting", "close", "1", actor=SECRETARIAT)
    shown = gremium.ok("meeting", "show", "1")
    assert (
        "Nachträglich erfasst am 2026-03-16 09:00 von Geschäftsstelle Kooperationsgremium." in shown
    )
    english = gremium.ok("--lang", "en", "meeting", "show", "1")
    assert (
        "Recorded afterwards on 2026-03-16 09:00 by Geschäftsstelle Kooperationsgremium." in english
    )
    data = gremium.json("meeting", "show", "1")
    assert data["state"] == "closed" and data["recorded_later"]["by"] == tk.SECRETARIAT[0]


def test_record_later_as_json_in_english_and_refused_to_a_partner(gremium):
    gremium.ok("tick", "--until", "2026-03-16 09:00")
    line = gremium.refused("--lang", "en", "meeting", "record-later", "1", actor=PARTNER)
    assert "record a meeting afterwards" in line
    data = json.loads(
        gremium.ok("--lang", "en", "meeting", "record-later", "1", "--json", actor=SECRETARIAT)
    )
    assert data["state"] == "in_session" and data["recorded_later_at"].startswith("2026-03-16")


@pytest.mark.parametrize("as_json", [False, True])
def test_outbox_send_in_english_counts_what_it_skipped(gremium, as_json):
    gremium.ok("tick", "--until", "2026-02-25 10:01")
    gremium.ok("tick", "--until", "2026-03-12 08:00", "--catch-up")
    queued = len(gremium.json("outbox", "list"))
    if as_json:
        report = gremium.json("--lang", "en", "outbox", "send")
        assert report["sent"] == [] and len(report["skipped"]) == queued
        return
    out = gremium.ok("--lang", "en", "outbox", "send")
    assert out == (
        "0 sent, 0 deferred, 0 failed.\n"
        f"{queued} skipped because their purpose had lapsed "
        "(reasons: gremium outbox list --skipped).\n"
    )
