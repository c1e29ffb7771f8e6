"""Timers and queued messages check their purpose when they run: after downtime
nothing is sent for a meeting that is over, nor a reminder to sign an agreement
that is in force; what is skipped is recorded with its reason. A meeting never
opened gets its end; a repeat meeting comes before the next regular one with
deadlines that can still be met; the invitation settles the agenda.

Downtime is simulated by moving the clock on without firing anything (the
process was down), then catching up as the runner does when it is back."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import mailbox
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from governance.bootstrap import App
from governance.errors import Conflict, NotPermitted, TransitionRefused
from governance.examples import treptow_koepenick as tk
from governance.mail.dispatch import dispatch
from governance.mail.settings import MailSettings
from governance.mail.transports import MaildirTransport
from governance.models import AgendaItem, AuditRecord, OutboxMessage, Timer
from governance.reasons import say
from governance.services import agenda, directory, timers, votes
from governance.services import meetings as ms
from tests.conftest import SYSTEM
from tests.integration import test_agreement_signing as signing
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


@pytest.fixture
def kg(any_app: App) -> App:
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


def deliver(app: App, folder: Path) -> list[email.message.EmailMessage]:
    settings = MailSettings(maildir=str(folder))
    dispatch(app, MaildirTransport(settings.maildir), settings)
    if not folder.exists():
        return []
    box = mailbox.Maildir(str(folder), create=False)
    return [
        email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        for key in box.iterkeys()
    ]


def down_until(app: App, *until: int) -> list[timers.Fired]:
    """The process was down until *until*; back up, it fires what it missed."""
    app.clock.advance_to(berlin(*until))
    return timers.fire_due(app, berlin(*until))


def timer_rows(app: App, **where: Any) -> list[Timer]:
    """The meetings' timers matching *where*."""
    with app.db.session() as s:
        stmt = select(Timer).where(Timer.entity_type == "meetings").order_by(Timer.due_at, Timer.id)
        for key, value in where.items():
            stmt = stmt.where(getattr(Timer, key) == value)
        return list(s.execute(stmt).scalars())


def audit(app: App, action: str) -> list[AuditRecord]:
    with app.db.session() as s:
        return list(
            s.execute(
                select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id)
            ).scalars()
        )


def plain(message: email.message.EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


# --- issue 12.1: a catch-up after months of downtime ---


def test_a_catch_up_after_months_of_downtime_sends_nothing_for_a_past_meeting(kg, tmp_path):
    add_series(kg)  # quarterly from 11.03.2026
    first = meetings(kg)[0].id
    # Down from 12.01. until 01.05.: the first meeting's whole run-up was missed.
    fired = down_until(kg, 2026, 5, 1, 9, 0)
    outcome = {f.name: (f.outcome, f.detail) for f in fired if f.entity_id == first}
    assert outcome["invitation"][0] == "skipped"
    assert "the meeting began at 2026-03-11 10:00" in say(outcome["invitation"][1], "en")
    assert outcome["call_for_proposals"][0] == "skipped"
    assert outcome["proposal_deadline"][0] == "skipped"
    assert outcome["overdue_planned"] == ("fired", "")
    # Nothing invites or reminds anyone of the meeting that is over.
    assert [m for m in messages(kg, "invitation") if m.entity_id == first] == []
    assert [m for m in messages(kg, "meeting_reminder") if m.entity_id == first] == []
    # Each skipped timer says why, on its row and on the audit trail.
    skipped = {
        t.name: say(t.skip_reason, "en") for t in timer_rows(kg, entity_id=first, status="skipped")
    }
    assert skipped["invitation"].startswith("the meeting began at 2026-03-11 10:00")
    assert {a.details["timer"] for a in audit(kg, "timer.skipped")} >= {"invitation"}
    # The chair and the secretariat hear that the meeting needs an end ...
    told = [m for m in messages(kg, "meeting_overdue") if m.entity_id == first]
    assert {m.recipient for m in told} == {CHAIR, SECRETARIAT}
    [mail] = [m for m in deliver(kg, tmp_path / "mail") if m["To"].addresses[0].addr_spec == CHAIR]
    assert str(mail["Subject"]).strip() == (
        "Sitzung ohne Abschluss: Sitzung des Kooperationsgremiums vom 11.03.2026"
    )
    text = plain(mail)
    assert "die Sitzung vom Mittwoch, 11. März 2026 ist vorüber" in text
    assert "Die Einladung ist nicht versandt worden." in text
    assert "der Vorsitz erfasst das mit dem Grund" in text and "gremium meeting" not in text
    # ... and the chair records that it did not take place: the meeting has its end.
    act(kg, CHAIR, ms.record_not_held, first, reason="Ausfall der Technik, keine Einladung")
    assert show(kg, first)["state"] == "not_held"
    # The June meeting runs normally: its call for proposals is still ahead.
    second = meetings(kg)[1]
    assert second.state == "planned"
    assert next(t.name for t in timer_rows(kg, entity_id=second.id, status="pending")) == (
        "call_for_proposals"
    )


def test_invitations_queued_before_an_outage_are_not_delivered_after_the_meeting(kg, tmp_path):
    add_series(kg)
    first = meetings(kg)[0].id
    tick(kg, 2026, 2, 25, 10, 1)  # the invitation is queued; the mail server is down
    queued = [m for m in messages(kg, "invitation") if m.entity_id == first]
    assert queued and {m.status for m in queued} == {"queued"}
    assert queued[0].purpose["states"] == ["convened"]
    kg.clock.advance_to(berlin(2026, 3, 12, 9, 0))  # back after the meeting
    delivered = deliver(kg, tmp_path / "mail")
    assert not [m for m in delivered if str(m["Subject"]).startswith("Einladung")]
    after = [m for m in messages(kg, "invitation") if m.entity_id == first]
    assert {m.status for m in after} == {"skipped"}
    assert say(after[0].skip_reason, "en") == "it was to be delivered before 2026-03-11 10:00"
    assert say(after[0].skip_reason, "de") == (
        "sie hätte vor dem 2026-03-11 10:00 zugestellt werden müssen"
    )
    recorded = [a for a in audit(kg, "mail.skipped") if a.details["notification"] == "invitation"]
    assert len(recorded) == len(after)
    assert recorded[0].details["reason"] == after[0].skip_reason
    # So are the calls for proposals never delivered before the invitation went out.
    assert {m.status for m in messages(kg, "call_for_proposals")} == {"skipped"}


def test_a_notice_still_queued_when_the_meeting_changes_again_is_skipped(kg, tmp_path):
    add_series(kg)
    first = meetings(kg)[0].id
    tick(kg, 2026, 2, 25, 10, 1)
    with kg.unit_of_work(CHAIR) as uow:
        ms.move(uow, ms.meeting_by_id(uow.session, first), starts_at="2026-03-12 14:00", reason="x")
    with kg.unit_of_work(CHAIR) as uow:
        ms.cancel(uow, ms.meeting_by_id(uow.session, first), reason="Krankheit")
    subjects = {str(m["Subject"]).split(":")[0] for m in deliver(kg, tmp_path / "mail")}
    assert subjects == {"Abgesagt"}  # not the invitation, not the moved notice
    reasons = {m.notification: say(m.skip_reason, "en") for m in messages(kg, "meeting_moved")}
    assert reasons == {
        "meeting_moved": "meetings:1 is cancelled now; the message was for planned / convened"
    }


def test_signature_reminders_queued_before_entry_into_force_are_not_delivered(kg, tmp_path):
    signing.open_v(kg)
    signing.ceremony(kg, orgs=[o for o in signing.ORGS if o != "VskA"])
    timers.fire_due(kg, berlin(2026, 1, 19, 10, 0))  # reminder queued; the mail server is down
    [reminder] = messages(kg, "signature_reminder")
    assert reminder.purpose["party"] == "VskA"
    signing.sign(kg, "VskA")
    assert signing.version(kg).state == "in_force"
    delivered = deliver(kg, tmp_path / "mail")
    assert not [m for m in delivered if "Erinnerung" in str(m["Subject"])]
    [reminder] = messages(kg, "signature_reminder")
    assert reminder.status == "skipped"
    assert say(reminder.skip_reason, "en") == (
        "agreement_versions:1 is in_force now; the message was for open_for_signature"
    )
    # What still holds is sent: the notice that the agreement is in force.
    assert any("In Kraft" in str(m["Subject"]) for m in delivered)


def test_a_reminder_to_a_party_that_signed_meanwhile_is_not_delivered(kg, tmp_path):
    signing.open_v(kg)
    signing.ceremony(kg, orgs=[o for o in signing.ORGS if o not in ("VskA", "ajb")])
    timers.fire_due(kg, berlin(2026, 1, 19, 10, 0))
    signing.sign(kg, "VskA")
    deliver(kg, tmp_path / "mail")
    status = {
        m.context["organisation"]: (m.status, say(m.skip_reason, "en"))
        for m in messages(kg, "signature_reminder")
    }
    assert status["ajb"] == ("sent", None)
    assert status["VskA"] == ("skipped", "VskA has signed meanwhile")


# --- issue 11.9: a meeting that never opened gets its end ---


def test_the_day_after_a_convened_meeting_never_opened_the_chair_is_told(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    tick(kg, 2026, 3, 12, 9, 0)
    assert show(kg, first)["state"] == "convened"
    [timer] = [t for t in timer_rows(kg, entity_id=first, name="overdue_convened")]
    assert timer.status == "fired" and timer.due_at == berlin(2026, 3, 12, 9, 0)
    told = [m for m in messages(kg, "meeting_overdue") if m.entity_id == first]
    assert {m.recipient for m in told} == {CHAIR, SECRETARIAT}
    assert "Einladung ist nicht versandt" not in told[0].body_text


def test_a_meeting_is_recorded_as_not_held_only_by_the_chair_and_only_after_it(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    item = propose(kg, CHAIR, first, "Haushalt 2027", kind="decision")
    tick(kg, 2026, 3, 11, 10, 30)
    with pytest.raises(TransitionRefused) as early:
        act(kg, CHAIR, ms.record_not_held, first, reason="niemand kam")
    assert "die Sitzung ist noch nicht vorüber" in early.value.message("de")
    kg.clock.advance_to(berlin(2026, 3, 11, 13, 0))
    with pytest.raises(NotPermitted):
        act(kg, RABENHAUS, ms.record_not_held, first, reason="niemand kam")
    act(kg, CHAIR, ms.record_not_held, first, reason="niemand kam")
    data = show(kg, first)
    assert (data["state"], data["reason"]) == ("not_held", "niemand kam")
    # Its agenda moves on to the next meeting; nobody is mailed about a day that is over.
    second = show(kg, meetings(kg)[1].id)
    carried = [i for i in second["agenda"] if i["carried_over_from"] == item]
    assert carried and carried[0]["status"] == "accepted"
    # The next meeting has no minutes to approve from a meeting not held.
    assert not [i for i in second["agenda"] if i["standing"] == "previous_minutes"]
    assert [t.name for t in timer_rows(kg, entity_id=first, status="pending")] == []


def test_a_paper_session_is_recorded_afterwards_by_the_secretariat_and_marked(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    item = propose(kg, CHAIR, first, "Stadtteilfest 2026", kind="decision")
    tick(kg, 2026, 3, 16, 9, 0)  # held on 11.03. on paper; recorded five days later
    act(kg, SECRETARIAT, ms.record_afterwards, first)
    attend(kg, first, VOTING[:5])
    with kg.unit_of_work(SECRETARIAT) as uow:
        votes.record_vote(
            uow,
            agenda.item_by_ref(uow.session, item),
            text="Das Fest findet statt.",
            totals=(4, 1, 0),
        )
    act(kg, SECRETARIAT, ms.close, first)
    data = show(kg, first)
    assert data["state"] == "closed" and data["number"] == 1
    assert data["opened_at"] == berlin(2026, 3, 11, 10, 0)
    assert data["closed_at"] == berlin(2026, 3, 11, 12, 0)
    assert data["recorded_later"] == {"at": berlin(2026, 3, 16, 9, 0), "by": tk.SECRETARIAT[0]}
    assert data["quorum_at_opening"]["quorate"] is True
    quorum = audit(kg, "quorum")[-1]
    assert quorum.details["recorded_later"] is True
    # The minutes say so.
    from governance.services.documents.kinds import load_html

    with kg.db.session() as s:
        html = load_html(s, "minutes", str(first), "de")
    assert (
        "Die Sitzung wurde auf Papier geführt; Anwesenheit und Abstimmungen hat "
        f"{tk.SECRETARIAT[0]} am Montag, 16. März 2026 nachträglich erfasst." in html
    )
    # A partner may not record a session afterwards.
    second = meetings(kg)[1].id
    kg.clock.advance_to(berlin(2026, 6, 11, 9, 0))
    with pytest.raises(NotPermitted):
        act(kg, RABENHAUS, ms.record_afterwards, second)


# --- issue 11.7: the repeat meeting ---

MONTHLY = "FREQ=MONTHLY;BYDAY=2WE"


def fail_quorum(app: App, first: int) -> int:
    item = propose(app, CHAIR, first, "Beschluss über den Haushalt", kind="decision")
    tick(app, 2026, 3, 11, 9, 30)
    attend(app, first, VOTING[:2])
    app.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(app, CHAIR, ms.open_meeting, first)
    app.clock.advance_to(berlin(2026, 3, 11, 11, 0))
    act(app, CHAIR, ms.close, first)
    return item


def test_a_repeat_meeting_comes_before_the_next_monthly_meeting_and_takes_the_open_items(kg):
    add_series(kg, rrule=MONTHLY)  # 11.03., 08.04., 13.05. ...
    first = meetings(kg)[0].id
    item = fail_quorum(kg, first)
    repeat = next(m for m in meetings(kg) if m.repeat_of_id == first)
    # Invited at the shortened lead time (7 days) from the day after closing: 19.03.
    assert repeat.starts_at == berlin(2026, 3, 19, 10, 0)
    regular = next(m for m in meetings(kg) if m.starts_at == berlin(2026, 4, 8, 10, 0))
    assert repeat.starts_at < regular.starts_at and regular.repeat_of_id is None
    carried = [i for i in show(kg, repeat.id)["agenda"] if i["carried_over_from"] == item]
    assert carried, "the open items go to the repeat meeting"
    assert not [i for i in show(kg, regular.id)["agenda"] if i["carried_over_from"] == item]
    # No deadline of the repeat meeting lies in the past: no call for proposals at all.
    pending = timer_rows(kg, entity_id=repeat.id, status="pending")
    assert [t.name for t in pending] == ["invitation", "overdue_planned"]
    assert min(t.due_at for t in pending) > kg.clock.now()
    assert pending[0].due_at == berlin(2026, 3, 12, 10, 0)
    assert [
        t.name
        for t in timer_rows(kg, entity_id=repeat.id)
        if t.name.startswith(("call_", "proposal_"))
    ] == []


def test_a_quarterly_repeat_meeting_is_four_weeks_later_with_a_shortened_invitation(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    fail_quorum(kg, first)
    repeat = next(m for m in meetings(kg) if m.repeat_of_id == first)
    assert repeat.starts_at == berlin(2026, 4, 8, 10, 0)
    assert repeat.invitation_at == berlin(2026, 4, 1, 10, 0)  # 7 days, the rules' default
    assert min(t.due_at for t in timer_rows(kg, entity_id=repeat.id)) > berlin(2026, 3, 11, 11, 0)


def test_the_rules_can_make_the_next_regular_meeting_the_repeat_meeting(kg):
    with kg.unit_of_work(SYSTEM) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        committee.rules = committee.rules.updated({"repeat_meeting_replaces_next": "true"})
    add_series(kg, rrule=MONTHLY)
    first = meetings(kg)[0].id
    item = fail_quorum(kg, first)
    [repeat] = [m for m in meetings(kg) if m.repeat_of_id == first]
    assert repeat.starts_at == berlin(2026, 4, 8, 10, 0) and repeat.series_id is not None
    assert [i for i in show(kg, repeat.id)["agenda"] if i["carried_over_from"] == item]
    assert [a.details["repeat_of"] for a in audit(kg, "repeat_meeting")] == [first]


def test_the_shortened_lead_time_may_not_exceed_the_ordinary_one(kg):
    with kg.unit_of_work(SYSTEM) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        with pytest.raises(ValueError, match="repeat_invitation_lead_days must not be longer"):
            committee.rules.updated({"repeat_invitation_lead_days": 15})


# --- issue 11.8: the invitation settles the agenda ---


def test_at_the_invitation_deadline_undecided_proposals_are_deferred_and_proposers_told(kg):
    add_series(kg)
    first, second = (m.id for m in meetings(kg)[:2])
    proposal = propose(kg, RABENHAUS, first, "Verkehrsberuhigung im Kungerkiez")
    tick(kg, 2026, 2, 18, 10, 1)
    # At the proposal deadline the chair hears what is still undecided, and what happens.
    [told] = [m for m in messages(kg, "proposals_closed") if m.recipient == CHAIR]
    # Named by title, one a line: mails carry no internal numbers (test_mail_as_read.py).
    assert "\n  Verkehrsberuhigung im Kungerkiez\n" in told.body_text
    assert "Die Einladung geht am Mittwoch, 25. Februar 2026, 10:00 Uhr" in told.body_text
    assert "werden auf die nächste Sitzung vertagt" in told.body_text
    tick(kg, 2026, 2, 25, 10, 1)
    data = show(kg, first)
    assert data["state"] == "convened" and data["agenda_final"] is True
    assert proposal not in [i["id"] for i in data["agenda"] if i["status"] == "accepted"]
    moved = [i for i in show(kg, second)["agenda"] if i["carried_over_from"] == proposal]
    assert [i["status"] for i in moved] == ["proposed"]  # the chair decides there
    [notice] = [m for m in messages(kg, "proposal_not_decided")]
    assert notice.recipient == RABENHAUS
    assert notice.subject == (
        "Ihr Vorschlag „Verkehrsberuhigung im Kungerkiez“: vertagt, nicht rechtzeitig entschieden"
    )
    assert "die Sitzung am Mittwoch, 10. Juni 2026, 10:00 Uhr vertagt" in notice.body_text
    finalised = audit(kg, "agenda.finalize")[-1]
    assert finalised.details["deferred_undecided"] == [proposal]


def test_the_chair_cannot_convene_early_with_a_proposal_undecided(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    proposal = propose(kg, RABENHAUS, first, "Verkehrsberuhigung")
    with pytest.raises(Conflict) as refused:
        act(kg, CHAIR, ms.convene, first)
    assert f"#{proposal} „Verkehrsberuhigung“" in refused.value.message("de")
    assert show(kg, first)["state"] == "planned"
    with kg.unit_of_work(CHAIR) as uow:
        agenda.accept(uow, uow.session.get(AgendaItem, proposal))
    act(kg, CHAIR, ms.convene, first)
    assert show(kg, first)["agenda_final"] is True


def test_every_outbox_row_carries_its_purpose(kg):
    add_series(kg)
    tick(kg, 2026, 2, 25, 10, 1)
    with kg.db.session() as s:
        rows = list(s.execute(select(OutboxMessage)).scalars())
    assert rows and all(r.purpose and r.purpose["kind"] == r.notification for r in rows)
    invitation = next(r for r in rows if r.notification == "invitation")
    assert invitation.purpose == {
        "kind": "invitation",
        "entity": f"meetings:{invitation.entity_id}",
        "states": ["convened"],
        "until": berlin(2026, 3, 11, 10, 0).astimezone(dt.UTC).isoformat(),
        "sequence": 0,
    }


def test_a_reminder_of_the_minutes_is_not_delivered_once_they_are_circulated(kg, tmp_path):
    from tests.integration.test_minutes import circulate, hold_first_meeting, note

    first = hold_first_meeting(kg)
    tick(kg, 2026, 3, 25, 12, 5)  # the reminder is queued; the mail server is down
    note(kg, first)
    circulate(kg, first)
    deliver(kg, tmp_path / "mail")
    [reminder] = messages(kg, "minutes_due")
    assert (reminder.status, say(reminder.skip_reason, "en")) == (
        "skipped",
        "the minutes were circulated meanwhile",
    )


def reads_english(app: App, email_address: str) -> None:
    from governance.models import Person

    with app.unit_of_work(SYSTEM) as uow:
        person = uow.session.execute(
            select(Person).where(Person.email == email_address)
        ).scalar_one()
        person.language = "en"


def test_the_new_notices_read_in_english_for_a_recipient_reading_english(kg, tmp_path):
    reads_english(kg, CHAIR)
    reads_english(kg, RABENHAUS)
    add_series(kg)
    first = meetings(kg)[0].id
    propose(kg, RABENHAUS, first, "Traffic calming in the Kungerkiez")
    delivered = []
    for moment in ((2026, 2, 18, 10, 1), (2026, 2, 25, 10, 1), (2026, 3, 12, 9, 0)):
        tick(kg, *moment)  # invited with the proposal undecided; never opened
        delivered += deliver(kg, tmp_path / f"mail-{moment[1]}")
    mails = {
        str(m["Subject"]).strip(): plain(m)
        for m in delivered
        if m["To"].addresses[0].addr_spec in (CHAIR, RABENHAUS)
    }
    deferred = mails[
        "Your proposal “Traffic calming in the Kungerkiez”: deferred, not decided in time"
    ]
    assert "the chair did not decide on your proposal" in deferred
    assert "deferred to the meeting on Wednesday, 10 June 2026, 10:00" in deferred
    overdue = mails["Meeting without an end: Sitzung des Kooperationsgremiums of 11/03/2026"]
    assert "it was neither opened nor ended in the system" in overdue
    assert "the chair records this with the reason" in overdue
    assert "gremium meeting" not in overdue  # said in words, no command lines
    assert "The invitation was not sent." not in overdue  # it was convened
    closed = next(
        text for subject, text in mails.items() if subject.startswith("Proposal deadline passed")
    )
    assert "Proposals not decided by then are deferred to the next meeting" in closed
