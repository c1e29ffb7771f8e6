"""The written procedure (Umlaufverfahren) through the application layer.

The example committee: eight voting members (the district office chairs),
one advisory member; a decision needs five of the eight to take part (more
than half, the quorum rule). Mails are read as their recipients get them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.errors import GremiumError
from governance.examples import treptow_koepenick as tk
from governance.models import AgendaItem, AuditRecord, OutboxMessage, WrittenProcedure
from governance.services import directory, timers, votes
from governance.services import meetings as ms
from governance.services import written_procedure as wp
from tests.conftest import SYSTEM

CHAIR, SEC = tk.CHAIR_EMAIL, tk.SECRETARIAT_EMAIL
VOTERS = {
    "Rabenhaus": "gf@rabenhaus.example.org",
    "Offensiv'91": "vorstand@offensiv91.example.org",
    "tjfbg": "treptow@tjfbg.example.org",
    "KungerKiez": "kontakt@kungerkiez.example.org",
    "ajb": "gwa@ajb.example.org",
    "Paritätischer Berlin": "bezirk-tk@paritaet-berlin.example.org",
    "VskA": "referat@vska.example.org",
}
ADVISORY = "stadtteilzentren@senasgiva.example.org"


@pytest.fixture
def kg(app: App) -> App:
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return app


def start(app: App, actor: str = CHAIR, **kwargs: Any) -> int:
    data = {"title": "Stellungnahme Kiezfonds", "text": "Das Gremium unterstützt den Kiezfonds."}
    data.update(kwargs)
    with app.unit_of_work(actor) as uow:
        return wp.start(uow, directory.committee_by_ref(uow.session, "KG"), **data).id


def on(app: App, actor: str, fn: Any, number: int, **kwargs: Any) -> Any:
    with app.unit_of_work(actor) as uow:
        return fn(uow, wp.procedure_by_ref(uow.session, number), **kwargs)


def show(app: App, number: int) -> dict[str, Any]:
    with app.db.session() as s:
        return wp.describe(wp.procedure_by_ref(s, number))


def refusal(app: App, actor: str, fn: Any, number: int, **kwargs: Any) -> str:
    with pytest.raises(GremiumError) as caught:
        on(app, actor, fn, number, **kwargs)
    return caught.value.message("de")


def mails(app: App, notification: str) -> list[OutboxMessage]:
    with app.db.session() as s:
        return list(
            s.execute(
                select(OutboxMessage)
                .where(OutboxMessage.notification == notification)
                .order_by(OutboxMessage.id)
            ).scalars()
        )


def test_the_chair_puts_a_motion_to_every_voting_member_with_the_deadline_of_the_rules(kg):
    number = start(kg)
    data = show(kg, number)
    assert data["state"] == "open" and data["voting_members"] == 8
    assert data["participation_needed"] == 5
    # 2026-01-12 09:00 + 7 days, to the end of that day, Berlin time
    assert data["deadline_at"] == dt.datetime(2026, 1, 19, 23, 59, tzinfo=BERLIN)
    motion = mails(kg, "written_motion")
    to = {m.recipient for m in motion}
    assert set(VOTERS.values()) <= to and CHAIR in to
    assert ADVISORY not in to  # an advisory member has no vote
    rabenhaus = next(m for m in motion if m.recipient == VOTERS["Rabenhaus"])
    assert "Das Gremium unterstützt den Kiezfonds." in rabenhaus.body_text
    assert "19. Januar 2026" in rabenhaus.body_text
    assert "mindestens 5 der 8 stimmberechtigten Mitglieder" in rabenhaus.body_text


def test_only_the_chair_starts_and_bad_input_is_refused_saying_what_is_allowed(kg):
    with pytest.raises(GremiumError) as caught:
        start(kg, actor=VOTERS["Rabenhaus"])
    assert "Vorsitz" in caught.value.message("de")
    with pytest.raises(GremiumError) as caught:
        start(kg, days="0")
    assert "von 1 bis 60" in caught.value.message("de")
    with pytest.raises(GremiumError) as caught:
        start(kg, majority="most")
    assert "two_thirds" in caught.value.message("de")
    with kg.db.session() as s:
        assert s.execute(select(WrittenProcedure)).first() is None


def test_a_member_votes_once_and_a_second_vote_is_refused_clearly(kg):
    number = start(kg)
    on(kg, VOTERS["Rabenhaus"], wp.vote, number, choice="yes")
    message = refusal(kg, VOTERS["Rabenhaus"], wp.vote, number, choice="no")
    assert "Rabenhaus hat in diesem Umlaufverfahren schon abgestimmt (Ja" in message
    # the deputy of the same organisation cannot vote again either
    message = refusal(kg, "nachbarschaft@rabenhaus.example.org", wp.vote, number, choice="no")
    assert "schon abgestimmt" in message
    data = show(kg, number)
    assert data["voted"] == 1 and data["votes"] == {"yes": 1, "no": 0, "abstain": 0}


def test_a_member_votes_only_for_its_own_organisation_and_advisory_members_not_at_all(kg):
    number = start(kg)
    message = refusal(kg, VOTERS["Rabenhaus"], wp.vote, number, choice="yes", organisation="ajb")
    assert "Rabenhaus" in message and "ajb" in message
    message = refusal(kg, ADVISORY, wp.vote, number, choice="yes")
    assert "nicht erlaubt" in message or "Vorsitz" in message
    assert refusal(kg, VOTERS["ajb"], wp.vote, number, choice="maybe").count("abstain") == 1
    assert show(kg, number)["voted"] == 0


def test_the_secretariat_records_a_paper_vote_marked_as_such(kg):
    number = start(kg)
    on(kg, SEC, wp.record_paper_vote, number, organisation="ajb", choice="no")
    ballot = next(b for b in show(kg, number)["ballots"] if b["organisation"] == "ajb")
    assert ballot["choice"] == "no" and ballot["on_paper"] and ballot["via"] == "paper"
    message = refusal(kg, VOTERS["ajb"], wp.vote, number, choice="yes")
    assert "schon abgestimmt" in message
    # a partner cannot record paper votes
    message = refusal(
        kg, VOTERS["Rabenhaus"], wp.record_paper_vote, number, organisation="VskA", choice="no"
    )
    assert "Geschäftsstelle" in message


def test_when_all_have_voted_the_result_is_decided_numbered_and_announced(kg):
    with kg.unit_of_work(CHAIR) as uow:
        # a decision taken in a meeting earlier this year: KG-2026/01 (numbering is shared)
        ms.plan(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            title="Sitzung",
            starts_at="2026-03-11 10:00",
            location="Rathaus",
        )
    number = start(kg)
    on(kg, CHAIR, wp.vote, number, choice="yes")
    for i, person in enumerate(VOTERS.values()):
        on(kg, person, wp.vote, number, choice="no" if i == 0 else "yes")
    data = show(kg, number)
    assert data["state"] == "decided" and data["carried"] is True
    assert data["reference"] == "KG-2026/01"
    assert data["votes"] == {"yes": 7, "no": 1, "abstain": 0}
    result = mails(kg, "written_result")
    to = {m.recipient for m in result}
    assert ADVISORY in to and SEC in to and VOTERS["ajb"] in to
    mail = next(m for m in result if m.recipient == ADVISORY)
    assert "Beschluss KG-2026/01" in mail.subject and "angenommen" in mail.subject
    assert "7 Ja, 1 Nein, 0 Enthaltungen" in mail.body_text
    # a second written decision takes the next number
    second = start(kg, title="Benennung AG Jugend", kind="appointment")
    for person in [CHAIR, *VOTERS.values()]:
        on(kg, person, wp.vote, second, choice="abstain" if person == CHAIR else "no")
    assert show(kg, second)["reference"] == "KG-2026/02"
    assert show(kg, second)["carried"] is False


def test_at_the_deadline_without_the_participation_there_is_no_decision(kg):
    number = start(kg)
    for person in list(VOTERS.values())[:4]:  # 4 of 8: not more than half
        on(kg, person, wp.vote, number, choice="yes")
    timers.fire_due(kg, dt.datetime(2026, 1, 20, 0, 30, tzinfo=BERLIN))
    data = show(kg, number)
    assert data["state"] == "failed" and data["reference"] is None
    mail = next(m for m in mails(kg, "written_result") if m.recipient == VOTERS["VskA"])
    assert "kein Beschluss" in mail.subject
    assert "nur 4 von 8" in mail.body_text and "mindestens 5" in mail.body_text
    # after the deadline no vote is taken
    message = refusal(kg, VOTERS["VskA"], wp.vote, number, choice="yes")
    assert "ohne Beschluss" in message or "nicht möglich" in message or "Frist" in message


def test_at_the_deadline_with_the_participation_the_votes_cast_decide(kg):
    number = start(kg, majority="two_thirds")
    for person, choice in zip(
        list(VOTERS.values())[:5], ["yes", "yes", "yes", "no", "abstain"], strict=True
    ):
        on(kg, person, wp.vote, number, choice=choice)
    timers.fire_due(kg, dt.datetime(2026, 1, 20, 0, 30, tzinfo=BERLIN))
    data = show(kg, number)
    # 3 yes of 4 cast (abstentions are not cast): two thirds reached
    assert data["state"] == "decided" and data["carried"] is True
    assert data["reference"] == "KG-2026/01"


def test_a_reminder_goes_before_the_deadline_to_those_who_have_not_voted(kg):
    number = start(kg)
    on(kg, VOTERS["Rabenhaus"], wp.vote, number, choice="yes")
    fired = timers.fire_due(kg, dt.datetime(2026, 1, 18, 9, 0, tzinfo=BERLIN))
    assert [f.name for f in fired] == ["written_reminder"]
    to = {m.recipient for m in mails(kg, "written_reminder")}
    assert VOTERS["ajb"] in to and CHAIR in to
    assert VOTERS["Rabenhaus"] not in to
    mail = next(m for m in mails(kg, "written_reminder") if m.recipient == VOTERS["ajb"])
    assert "noch keine Stimme" in mail.body_text
    assert show(kg, number)["state"] == "open"


def test_a_demand_for_a_meeting_ends_it_and_puts_the_motion_on_the_next_agenda(kg):
    with kg.unit_of_work(CHAIR) as uow:
        meeting = ms.plan(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            title="Sitzung",
            starts_at="2026-03-11 10:00",
            location="Rathaus",
        )
        meeting_id = meeting.id
    number = start(kg)
    on(kg, VOTERS["Rabenhaus"], wp.vote, number, choice="yes")
    on(kg, VOTERS["ajb"], wp.demand_meeting, number)
    data = show(kg, number)
    assert data["state"] == "moved_to_meeting" and data["reference"] is None
    with kg.db.session() as s:
        item = s.get(AgendaItem, data["agenda_item_id"])
        assert item is not None and item.meeting_id == meeting_id
        assert item.title == "Stellungnahme Kiezfonds" and item.kind == "decision"
    mail = next(m for m in mails(kg, "written_result") if m.recipient == VOTERS["VskA"])
    assert "in die Sitzung verwiesen" in mail.subject
    assert "ajb hat verlangt" in mail.body_text and "11. März 2026" in mail.body_text
    message = refusal(kg, VOTERS["VskA"], wp.vote, number, choice="yes")
    assert "in die Sitzung verwiesen" in message


def test_the_rules_may_need_more_than_one_demand(kg):
    with kg.unit_of_work(CHAIR) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        directory.set_rules(uow, committee, {"written_procedure_meeting_demands": "2"})
    number = start(kg)
    on(kg, VOTERS["ajb"], wp.demand_meeting, number)
    assert show(kg, number)["state"] == "open"
    message = refusal(kg, VOTERS["ajb"], wp.demand_meeting, number)
    assert "schon verlangt" in message
    on(kg, VOTERS["VskA"], wp.demand_meeting, number)
    assert show(kg, number)["state"] == "moved_to_meeting"


def test_the_chair_withdraws_an_open_motion_and_everybody_is_told_why(kg):
    number = start(kg)
    message = refusal(kg, VOTERS["ajb"], wp.withdraw, number, reason="x")
    assert "Vorsitz" in message
    on(kg, CHAIR, wp.withdraw, number, reason="Der Bezirk hat den Antrag selbst gestellt.")
    assert show(kg, number)["state"] == "withdrawn"
    mail = next(m for m in mails(kg, "written_result") if m.recipient == VOTERS["ajb"])
    assert "Der Bezirk hat den Antrag selbst gestellt." in mail.body_text
    with kg.db.session() as s:
        actions = [
            r.action
            for r in s.execute(
                select(AuditRecord).where(AuditRecord.entity_type == "written_procedures")
            ).scalars()
        ]
    assert actions[:1] == ["written.start"] and "withdraw" in actions


def test_a_meeting_decision_after_a_written_one_takes_the_next_number(kg):
    number = start(kg)
    for person in [CHAIR, *VOTERS.values()]:
        on(kg, person, wp.vote, number, choice="yes")
    assert show(kg, number)["reference"] == "KG-2026/01"
    with kg.db.session() as s:
        from governance.services import decision_numbers

        assert decision_numbers.next_seq(s, 1, 2026) == 2
    assert votes  # the meeting's vote numbers through the same function (services/votes.py)


def test_mails_in_english_for_a_reader_who_reads_english(kg):
    with kg.unit_of_work(SYSTEM) as uow:
        person = directory.person_by_email(uow.session, VOTERS["ajb"])
        person.language = "en"
    start(kg)
    mail = next(m for m in mails(kg, "written_motion") if m.recipient == VOTERS["ajb"])
    assert mail.subject.startswith("Written procedure no. 1: Stellungnahme Kiezfonds")
    assert "Each member votes once: yes, no or abstain" in mail.body_text


def test_the_register_document_lists_a_written_decision_with_its_number(kg):
    from governance.services.documents import decisions_register

    number = start(kg, title="Benennung AG Jugend", kind="appointment")
    for person in [CHAIR, *VOTERS.values()]:
        on(kg, person, wp.vote, number, choice="yes")
    with kg.db.session() as s:
        document = decisions_register.load(s, "KG/2026")
    (entry,) = document["decisions"]
    assert entry["reference"] == "KG-2026/01" and entry["written_procedure"] == number
    assert entry["votes"] == {"yes": 8, "no": 0, "abstain": 0} and entry["carried"] is True
    from governance.documents.rendering import render_html  # the HTML as printed

    html = render_html("decisions_register", document, "de")
    assert "Umlaufverfahren Nr. 1" in html and "Benennung AG Jugend" in html


def test_after_downtime_past_the_deadline_the_reminder_is_skipped_and_the_result_reached(kg):
    number = start(kg)
    for person in list(VOTERS.values())[:5]:
        on(kg, person, wp.vote, number, choice="yes")
    kg.clock.advance_to(dt.datetime(2026, 1, 25, 9, 0, tzinfo=BERLIN))  # the runner was down
    fired = timers.fire_due(kg, dt.datetime(2026, 1, 25, 9, 0, tzinfo=BERLIN))
    assert [(f.name, f.outcome) for f in fired] == [
        ("written_reminder", "skipped"),
        ("written_deadline", "fired"),
    ]
    assert mails(kg, "written_reminder") == []
    assert show(kg, number)["state"] == "decided"
