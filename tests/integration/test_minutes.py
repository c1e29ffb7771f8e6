"""The minutes of a meeting on a real database (SQLite file and PostgreSQL):
notes, circulation, objections and revisions, tacit approval by the timer,
approval by the next meeting's vote or by the chair, the frozen record and
its archived PDF/A."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from governance.bootstrap import App, build_app
from governance.clock import BERLIN
from governance.config import Settings
from governance.errors import Conflict, InvalidInput, NotPermitted, TransitionRefused
from governance.examples import treptow_koepenick as tk
from governance.models import AgendaItem, AuditRecord, Minutes, MinutesObjection
from governance.services import agenda, directory, minutes, minutes_views, votes
from governance.services import meetings as ms
from tests.conftest import SYSTEM, migrate
from tests.integration.test_meetings import (
    CHAIR,
    RABENHAUS,
    SECRETARIAT,
    VOTING,
    act,
    add_series,
    attend,
    berlin,
    meetings,
    messages,
    propose,
    show,
    tick,
)

NOTES = {1: "Keine offenen Aufgaben.", 2: "Das Fest wird vorgestellt.\n\nKungerKiez ist dagegen."}


@pytest.fixture
def kg(db_url, clock, tmp_path) -> Iterator[App]:
    """The example committee, its approved minutes filed under tmp_path/archiv."""
    settings = Settings(database=db_url, archive=str(tmp_path / "archiv"))
    app = build_app(settings, clock=clock, check_schema=False)
    migrate(app.db)
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    yield app
    app.db.dispose()


def no_tacit_approval(app: App) -> None:
    with app.unit_of_work(SYSTEM) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        committee.rules = committee.rules.updated({"tacit_approval": False})


def hold_first_meeting(app: App) -> int:
    """The meeting of 11.03.2026: quorate, one decision (4 yes, 1 no), closed at noon."""
    add_series(app)
    first = meetings(app)[0].id
    tick(app, 2026, 3, 11, 9, 30)
    item = propose(app, CHAIR, first, "Stadtteilfest 2026", kind="decision", urgent=True)
    attend(app, first, VOTING[:5])
    app.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(app, CHAIR, ms.open_meeting, first)
    with app.unit_of_work(CHAIR) as uow:
        votes.record_vote(
            uow,
            agenda.item_by_ref(uow.session, item),
            text="Das Fest findet statt.",
            totals=(4, 1, 0),
        )
    app.clock.advance_to(berlin(2026, 3, 11, 12, 0))
    act(app, CHAIR, ms.close, first)
    return first


def note(app: App, meeting_id: int, notes: dict[int, str] = NOTES, actor: str = SECRETARIAT) -> Any:
    return act(app, actor, minutes.record_notes, meeting_id, notes=notes)


def circulate(app: App, meeting_id: int) -> None:
    act(app, SECRETARIAT, minutes.circulate, meeting_id)


def state(app: App, meeting_id: int) -> dict[str, Any]:
    with app.db.session() as s:
        return minutes_views.describe(s, ms.meeting_by_id(s, meeting_id))


def audit_count(app: App) -> int:
    with app.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(AuditRecord)) or 0)


def pdf_text(path: str) -> str:
    reader = PdfReader(io.BytesIO(Path(path).read_bytes()))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


# --- tacit approval ---


def test_minutes_without_objection_are_approved_tacitly_and_archived_as_pdfa(kg):
    first = hold_first_meeting(kg)
    kg.clock.advance_to(berlin(2026, 3, 12, 9, 0))
    note(kg, first)
    circulate(kg, first)
    circulated = state(kg, first)
    assert circulated["state"] == "circulated" and circulated["revision"] == 1
    assert circulated["objection_deadline_at"].astimezone(BERLIN) == berlin(2026, 3, 26, 23, 59)
    sent = messages(kg, "minutes_circulated")
    assert RABENHAUS in {m.recipient for m in sent}
    assert sent[0].context["minutes"]["objection_deadline_at"].startswith("2026-03-26T22:59")

    tick(kg, 2026, 3, 26, 23, 0)
    assert state(kg, first)["state"] == "circulated"  # the period is still running
    tick(kg, 2026, 3, 27, 0, 5)
    approved = state(kg, first)
    assert approved["state"] == "archived"
    assert approved["approved_by"] == "tacit" and approved["frozen"] is True
    archived = Path(approved["archive_path"])
    assert archived.name == "protokoll-KG-sitzung-1-r1.pdf"
    assert archived.read_bytes().startswith(b"%PDF-")
    assert hashlib.sha256(archived.read_bytes()).hexdigest() == approved["archive_sha256"]
    told = messages(kg, "minutes_approved")
    assert RABENHAUS in {m.recipient for m in told}
    assert told[0].context["minutes"]["archive_sha256"] == approved["archive_sha256"]


def test_minutes_approved_tacitly_before_the_next_meeting_leave_no_approval_to_do_there(kg):
    first = hold_first_meeting(kg)
    second = meetings(kg)[1].id
    standing = [i for i in show(kg, second)["agenda"] if i["standing"] == "previous_minutes"]
    assert [i["outcome"] for i in standing] == [None]  # to approve at the second meeting
    note(kg, first)
    circulate(kg, first)
    # Downtime: the objection period ended on 25.03. but the timer fires weeks later.
    kg.clock.advance_to(berlin(2026, 4, 20, 9, 0))
    tick(kg, 2026, 4, 20, 9, 0)
    approved = state(kg, first)
    assert approved["approved_by"] == "tacit"
    assert approved["approved_at"].astimezone(BERLIN) == berlin(2026, 3, 25, 23, 59)
    [item] = [i for i in show(kg, second)["agenda"] if i["standing"] == "previous_minutes"]
    assert item["outcome"] == "noted" and item["kind"] == "information"
    assert item["title"] == (
        "Protokoll der Sitzung Nr. 1 vom 11.03.2026: stillschweigend genehmigt am 25.03.2026"
    )
    # The meeting does not handle it again: closing leaves it as it is.
    assert item["carried_over_from"] is None


def test_the_archived_pdf_shows_attendance_decision_vote_counts_and_the_approval(kg):
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    tick(kg, 2026, 3, 27, 0, 5)
    text = pdf_text(state(kg, first)["archive_path"])
    assert "Protokoll der 1. Sitzung" in text
    assert "Rabenhaus e.V." in text and "anwesend" in text and "abwesend" in text
    assert "Beschluss KG-2026/01: Das Fest findet statt." in text
    assert "4 Ja, 1 Nein, 0 Enthaltungen – angenommen" in text
    assert "KungerKiez ist dagegen." in text
    assert "stillschweigend nach Ablauf der Einwendungsfrist" in text


# --- objections and revisions ---


def test_an_objection_sends_the_draft_back_and_recirculation_makes_revision_two(kg):
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    kg.clock.advance_to(berlin(2026, 3, 16, 9, 0))
    objection = act(
        kg, RABENHAUS, minutes.object_to, first, text="TOP 2: Rabenhaus hat zugestimmt."
    )
    objected = state(kg, first)
    assert objected["state"] == "drafting"
    assert objected["objections"][0]["organisation"] == "Rabenhaus"
    assert objected["objections"][0]["resolved"] is False
    assert {m.recipient for m in messages(kg, "minutes_objection")} >= {SECRETARIAT, CHAIR}

    note(kg, first, {2: "Das Fest wird vorgestellt. Rabenhaus stimmt zu."})
    act(
        kg,
        CHAIR,
        minutes.resolve,
        first,
        objection_id=objection.id,
        note="In Fassung 2 berichtigt.",
    )
    circulate(kg, first)
    again = state(kg, first)
    assert again["state"] == "circulated" and again["revision"] == 2
    assert again["objection_deadline_at"].astimezone(BERLIN) == berlin(2026, 3, 30, 23, 59)
    assert len(messages(kg, "minutes_circulated")) == 2 * len(
        {m.recipient for m in messages(kg, "minutes_circulated")}
    )
    tick(kg, 2026, 3, 31, 0, 5)
    done = state(kg, first)
    assert done["state"] == "archived" and Path(done["archive_path"]).name.endswith("-r2.pdf")
    archived = " ".join(pdf_text(done["archive_path"]).split())
    assert "Rabenhaus stimmt zu." in archived
    # The approved minutes record the objection: who, when, against which revision, what, how settled.
    assert "Einwendungen" in archived
    assert "(Rabenhaus) am 16.03.2026 gegen Fassung 1: TOP 2: Rabenhaus hat zugestimmt." in archived
    assert "Erledigt am 16.03.2026: In Fassung 2 berichtigt." in archived


def test_an_objection_still_open_puts_the_approval_on_the_next_meeting_until_the_chair_approves(kg):
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    objection = act(kg, RABENHAUS, minutes.object_to, first, text="Das stimmt so nicht.")
    circulate(kg, first)  # revision 2 without a change: the objection stays open
    with pytest.raises(TransitionRefused) as early:
        act(kg, CHAIR, minutes.approve, first)
    message = early.value.message("de")
    assert "die Einwendungsfrist läuft noch" in message and "offene Einwendung" in message

    tick(kg, 2026, 3, 27, 0, 5)
    assert state(kg, first)["state"] == "circulated"
    second = meetings(kg)[1].id
    item = next(i for i in show(kg, second)["agenda"] if i["standing"] == "previous_minutes")
    assert item["kind"] == "decision" and item["majority"] == "simple"
    assert item["title"] == "Genehmigung des Protokolls der Sitzung Nr. 1 vom 11.03.2026"

    act(kg, CHAIR, minutes.resolve, first, objection_id=objection.id, note="Mit Rabenhaus geklärt.")
    act(kg, CHAIR, minutes.approve, first)
    approved = state(kg, first)
    assert approved["state"] == "archived" and approved["approved_by"] == "chair"
    item = next(i for i in show(kg, second)["agenda"] if i["standing"] == "previous_minutes")
    assert item["kind"] == "information" and item["outcome"] == "noted"
    assert item["title"] == "Protokoll der Sitzung Nr. 1 vom 11.03.2026: genehmigt am 27.03.2026"


# --- approval by vote ---


def hold_second_meeting_and_vote(app: App, totals: tuple[int, int, int]) -> Any:
    second = meetings(app)[1].id
    tick(app, 2026, 6, 10, 9, 30)
    attend(app, second, VOTING[:5])
    app.clock.advance_to(berlin(2026, 6, 10, 10, 0))
    act(app, CHAIR, ms.open_meeting, second)
    item = next(i for i in show(app, second)["agenda"] if i["standing"] == "previous_minutes")
    with app.unit_of_work(CHAIR) as uow:
        return votes.record_vote(
            uow,
            agenda.item_by_ref(uow.session, item["id"]),
            text="Das Protokoll der Sitzung vom 11.03.2026 wird genehmigt.",
            totals=totals,
        )


def test_without_tacit_approval_the_next_meetings_vote_approves_the_minutes(kg):
    no_tacit_approval(kg)
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    tick(kg, 2026, 3, 27, 0, 5)
    referred = state(kg, first)
    assert referred["state"] == "circulated" and referred["referred_at"] is not None
    decision = hold_second_meeting_and_vote(kg, (5, 0, 0))
    approved = state(kg, first)
    assert approved["state"] == "archived"
    assert approved["approved_by"] == "vote" and approved["approval_decision"] == decision.reference
    assert "durch Beschluss KG-2026/02" in pdf_text(approved["archive_path"])


def test_minutes_the_committee_does_not_approve_go_back_to_drafting(kg):
    no_tacit_approval(kg)
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    tick(kg, 2026, 3, 27, 0, 5)
    hold_second_meeting_and_vote(kg, (1, 4, 0))
    assert state(kg, first)["state"] == "drafting"
    assert state(kg, first)["frozen"] is False


# --- frozen ---


def test_approved_minutes_are_frozen_and_every_change_is_refused(kg):
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    tick(kg, 2026, 3, 27, 0, 5)
    before = (state(kg, first), audit_count(kg))
    for attempt in (
        lambda: note(kg, first, {1: "nachträglich geändert"}),
        lambda: act(kg, RABENHAUS, minutes.object_to, first, text="zu spät"),
        lambda: circulate(kg, first),
        lambda: act(kg, CHAIR, minutes.approve, first),
    ):
        with pytest.raises(Conflict) as refused:
            attempt()
        assert "genehmigt und damit unveränderlich" in refused.value.message("de")
    after = state(kg, first)
    assert after == before[0]
    assert after["notes"][0]["notes"] == "Keine offenen Aufgaben."


# --- refused input ---


def test_a_note_for_an_unknown_top_is_refused_and_nothing_is_recorded(kg):
    first = hold_first_meeting(kg)
    with pytest.raises(InvalidInput) as refused:
        note(kg, first, {1: "gut", 9: "gibt es nicht"})
    assert refused.value.message("de") == (
        f"Sitzung {first} hat keinen TOP 9; ihre TOPs: 1, 2. Nichts wurde geändert."
    )
    with kg.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Minutes)) == 0
        assert all(i.notes == "" for i in s.execute(select(AgendaItem)).scalars())


def test_an_objection_after_the_deadline_is_refused(kg):
    no_tacit_approval(kg)
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    tick(kg, 2026, 3, 27, 0, 5)
    with pytest.raises(TransitionRefused) as late:
        act(kg, RABENHAUS, minutes.object_to, first, text="Noch etwas.")
    assert "die Einwendungsfrist ist abgelaufen" in late.value.message("de")
    with kg.db.session() as s:
        assert s.scalar(select(func.count()).select_from(MinutesObjection)) == 0


def test_only_a_member_organisation_may_object(kg):
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    with pytest.raises(NotPermitted) as refused:
        act(kg, SECRETARIAT, minutes.object_to, first, text="Einwand")
    assert "Einwendungen gegen das Protokoll erheben" in refused.value.message("de")
    assert state(kg, first)["state"] == "circulated"


def test_minutes_are_circulated_only_after_the_meeting_is_closed(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    tick(kg, 2026, 3, 11, 9, 30)
    attend(kg, first, VOTING[:5])
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(kg, CHAIR, ms.open_meeting, first)
    note(kg, first, {1: "Notiz während der Sitzung"})  # notes may be taken in session
    with pytest.raises(TransitionRefused) as refused:
        circulate(kg, first)
    assert "die Sitzung ist noch nicht geschlossen" in refused.value.message("de")
    assert state(kg, first)["state"] == "drafting"
    assert messages(kg, "minutes_circulated") == []


# --- the minutes deadline ---


def test_the_secretariat_is_reminded_of_minutes_not_circulated_by_the_deadline(kg):
    hold_first_meeting(kg)
    tick(kg, 2026, 3, 25, 12, 5)
    assert [m.recipient for m in messages(kg, "minutes_due")] == [SECRETARIAT]


def test_minutes_circulated_in_time_need_no_reminder(kg):
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    tick(kg, 2026, 3, 25, 12, 5)
    assert messages(kg, "minutes_due") == []
