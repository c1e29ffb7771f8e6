"""Running a committee's meetings on a real database (SQLite file and
PostgreSQL): the quarterly series, deadlines and their timers, the agenda,
attendance and the quorum, votes and the decisions register, action items,
and the accession decided by the committee's vote."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.errors import Conflict, InvalidInput, NotPermitted, TransitionRefused
from governance.examples import treptow_koepenick as tk
from governance.models import (
    AccessionApplication,
    AgendaItem,
    Decision,
    Meeting,
    OutboxMessage,
    Timer,
    Vote,
)
from governance.reads import decisions
from governance.services import (
    accession,
    action_items,
    agenda,
    agenda_order,
    attendance,
    directory,
    meeting_series,
    meeting_views,
    timers,
    votes,
)
from governance.services import meetings as ms
from tests.conftest import SYSTEM

CHAIR = tk.CHAIR_EMAIL
SECRETARIAT = tk.SECRETARIAT_EMAIL
RABENHAUS = "gf@rabenhaus.example.org"
QUARTERLY = "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE"
VOTING = [
    "BA Treptow-Köpenick",
    "Rabenhaus",
    "Offensiv'91",
    "tjfbg",
    "KungerKiez",
    "ajb",
    "Paritätischer Berlin",
    "VskA",
]


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def kg(any_app: App) -> App:
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


def add_series(app: App, **changes: Any) -> int:
    data = {
        "title": "Sitzung des Kooperationsgremiums",
        "rrule": QUARTERLY,
        "first_start": "2026-03-11 10:00",
        "location": "Rathaus Köpenick, Raum 120",
    }
    data.update(changes)
    with app.unit_of_work(CHAIR) as uow:
        return meeting_series.add_series(
            uow, directory.committee_by_ref(uow.session, "KG"), **data
        ).id


def meetings(app: App) -> list[Meeting]:
    with app.db.session() as s:
        return ms.meetings(s, directory.committee_by_ref(s, "KG"))


def meeting(app: App, meeting_id: int) -> Meeting:
    with app.db.session() as s:
        m = ms.meeting_by_id(s, meeting_id)
        s.expunge(m)
        return m


def show(app: App, meeting_id: int) -> dict[str, Any]:
    with app.db.session() as s:
        return meeting_views.describe(s, ms.meeting_by_id(s, meeting_id), app.engine)


def tick(app: App, *until: int) -> list[timers.Fired]:
    return timers.fire_due(app, berlin(*until))


def act(app: App, actor: str, fn: Any, meeting_id: int, **kwargs: Any) -> Any:
    with app.unit_of_work(actor) as uow:
        return fn(uow, ms.meeting_by_id(uow.session, meeting_id), **kwargs)


def on_item(app: App, actor: str, fn: Any, item_ref: Any, **kwargs: Any) -> Any:
    with app.unit_of_work(actor) as uow:
        return fn(uow, agenda.item_by_ref(uow.session, item_ref), **kwargs)


def messages(app: App, notification: str) -> list[OutboxMessage]:
    with app.db.session() as s:
        return list(
            s.execute(
                select(OutboxMessage)
                .where(OutboxMessage.notification == notification)
                .order_by(OutboxMessage.id)
            ).scalars()
        )


def attend(app: App, meeting_id: int, orgs: list[str], **kwargs: Any) -> None:
    for org in orgs:
        act(
            app,
            SECRETARIAT,
            attendance.record,
            meeting_id,
            organisation_ref=org,
            status=kwargs.get("status", "present"),
            arrived=kwargs.get("arrived"),
            departed=kwargs.get("departed"),
        )


def propose(app: App, actor: str, meeting_id: int, title: str, **kwargs: Any) -> int:
    return act(app, actor, agenda.propose, meeting_id, title=title, **kwargs).id


def counts(app: App) -> tuple[int, ...]:
    with app.db.session() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Meeting, AgendaItem, Vote, Decision, OutboxMessage)
        )


# --- the series ---


def test_a_quarterly_series_plans_a_year_of_meetings_at_ten_oclock_local_time(kg):
    add_series(kg)
    planned = meetings(kg)
    assert [m.starts_at.astimezone(BERLIN).date().isoformat() for m in planned] == [
        "2026-03-11",
        "2026-06-10",
        "2026-09-09",
        "2026-12-09",
    ]
    assert {m.starts_at.astimezone(BERLIN).strftime("%H:%M") for m in planned} == {"10:00"}
    assert {m.state for m in planned} == {"planned"}


def test_deadlines_are_computed_from_the_rules_and_armed_as_timers(kg):
    add_series(kg)
    first = show(kg, meetings(kg)[0].id)
    local = {k: v.astimezone(BERLIN) for k, v in first["deadlines"].items()}
    assert local["call_for_proposals"] == berlin(2026, 2, 4, 10, 0)  # 35 days before
    assert local["proposal_deadline"] == berlin(2026, 2, 18, 10, 0)  # 21 days before
    assert local["invitation"] == berlin(2026, 2, 25, 10, 0)  # 14 days before
    assert local["reminder"] == berlin(2026, 3, 9, 10, 0)  # 2 days before
    assert local["minutes_due"] == berlin(2026, 3, 25, 12, 0)  # 14 days after the end
    assert {t["name"]: t["due_at"] for t in first["timers"]} == {
        "call_for_proposals": first["deadlines"]["call_for_proposals"],
        "proposal_deadline": first["deadlines"]["proposal_deadline"],
        "invitation": first["deadlines"]["invitation"],
        # the day after, the chair hears if the meeting was neither opened nor ended
        "overdue_planned": berlin(2026, 3, 12, 9, 0),
    }


def test_deadlines_before_a_summer_meeting_keep_the_local_time_across_the_change_in_march(kg):
    add_series(kg, first_start="2026-04-08 10:00", rrule="FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE")
    april = show(kg, meetings(kg)[0].id)
    # The call for proposals (35 days before) falls in winter time, the meeting in summer time.
    assert april["deadlines"]["call_for_proposals"].astimezone(BERLIN) == berlin(2026, 3, 4, 10, 0)
    assert april["starts_at"].astimezone(BERLIN) == berlin(2026, 4, 8, 10, 0)


def test_the_invitation_timer_convenes_the_meeting_and_invites_representatives_and_deputies(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    tick(kg, 2026, 2, 25, 10, 0)
    assert meeting(kg, first).state == "convened"
    assert meeting(kg, first).agenda_revision == 1
    invited = {m.recipient for m in messages(kg, "invitation")}
    assert RABENHAUS in invited and "nachbarschaft@rabenhaus.example.org" in invited  # deputy
    assert "stadtteilzentren@senasgiva.example.org" in invited  # advisory members are invited too
    assert SECRETARIAT in invited  # the secretariat, who keeps the minutes, is invited too
    assert len(messages(kg, "call_for_proposals")) == len(invited)


def test_moving_one_meeting_moves_its_deadlines_and_timers_and_leaves_the_others(kg):
    add_series(kg)
    first, second = (m.id for m in meetings(kg)[:2])
    before_second = show(kg, second)
    act(kg, CHAIR, ms.move, first, starts_at="2026-03-18 14:00", reason="Raum belegt")
    moved = show(kg, first)
    assert moved["starts_at"].astimezone(BERLIN) == berlin(2026, 3, 18, 14, 0)
    assert moved["deadlines"]["invitation"].astimezone(BERLIN) == berlin(2026, 3, 4, 14, 0)
    assert {t["name"]: t["due_at"] for t in moved["timers"]}["invitation"] == moved["deadlines"][
        "invitation"
    ]
    assert moved["sequence"] == 1 and moved["reason"] == "Raum belegt"
    assert show(kg, second)["timers"] == before_second["timers"]
    # Nobody had been told of the meeting yet: no notice of the move.
    assert messages(kg, "meeting_moved") == []


def test_moving_a_convened_meeting_tells_everyone_invited(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    tick(kg, 2026, 2, 26, 9, 0)
    act(kg, CHAIR, ms.move, first, starts_at="2026-03-12 10:00", reason="Streik der BVG")
    assert len(messages(kg, "meeting_moved")) == len(messages(kg, "invitation"))
    assert messages(kg, "meeting_moved")[0].context["meeting"]["sequence"] == 1


def test_cancelling_a_meeting_records_the_reason_cancels_its_timers_and_moves_its_items(kg):
    add_series(kg)
    first, second = (m.id for m in meetings(kg)[:2])
    item = propose(kg, CHAIR, first, "Sozialraumkonferenz 2026")
    act(kg, CHAIR, ms.cancel, first, reason="Krankheit der Vorsitzenden")
    cancelled = show(kg, first)
    assert cancelled["state"] == "cancelled" and cancelled["reason"] == "Krankheit der Vorsitzenden"
    assert cancelled["timers"] == []
    assert "Sozialraumkonferenz 2026" in [i["title"] for i in show(kg, second)["agenda"]]
    with kg.db.session() as s:
        assert s.get(AgendaItem, item).status == "moved"


def test_changing_the_series_regenerates_only_future_untouched_meetings(kg):
    series = add_series(kg)
    first, second, third, fourth = (m.id for m in meetings(kg))
    act(kg, CHAIR, ms.move, third, starts_at="2026-09-16 10:00", reason="Sommerpause verlängert")
    with kg.unit_of_work(CHAIR) as uow:
        meeting_series.change_series(
            uow,
            meeting_series.series_by_id(uow.session, series),
            rrule="FREQ=MONTHLY;INTERVAL=3;BYDAY=3WE",
            location="Rathaus Treptow",
        )
    by_id = {m.id: m for m in meetings(kg)}
    assert by_id[third].starts_at.astimezone(BERLIN) == berlin(
        2026, 9, 16, 10, 0
    )  # moved: left alone
    assert by_id[third].location == "Rathaus Köpenick, Raum 120"
    assert by_id[first].starts_at.astimezone(BERLIN) == berlin(
        2026, 3, 18, 10, 0
    )  # third Wednesday
    assert by_id[second].starts_at.astimezone(BERLIN) == berlin(2026, 6, 17, 10, 0)
    assert by_id[fourth].starts_at.astimezone(BERLIN) == berlin(2026, 12, 16, 10, 0)
    assert by_id[first].location == "Rathaus Treptow"
    assert show(kg, first)["deadlines"]["invitation"].astimezone(BERLIN) == berlin(
        2026, 3, 4, 10, 0
    )


def test_the_horizon_is_topped_up_by_a_monthly_timer(kg):
    add_series(kg, horizon_months="6")
    assert len(meetings(kg)) == 2
    tick(kg, 2026, 7, 15, 12, 0)
    assert [m.starts_at.astimezone(BERLIN).date().isoformat() for m in meetings(kg)][
        -1
    ] == "2026-12-09"


def test_ending_the_series_cancels_its_untouched_future_meetings(kg):
    series = add_series(kg)
    with kg.unit_of_work(CHAIR) as uow:
        meeting_series.end_series(uow, meeting_series.series_by_id(uow.session, series))
    assert {m.state for m in meetings(kg)} == {"cancelled"}


def test_a_single_meeting_in_the_past_or_in_the_daylight_saving_gap_is_refused(kg):
    before = counts(kg)
    with pytest.raises(InvalidInput) as past, kg.unit_of_work(CHAIR) as uow:
        ms.plan(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            title="Sondersitzung",
            starts_at="2026-01-05 10:00",
            location="Rathaus",
        )
    assert "nicht in der Zukunft" in past.value.message("de")
    with pytest.raises(InvalidInput) as gap, kg.unit_of_work(CHAIR) as uow:
        ms.plan(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            title="Sondersitzung",
            starts_at="2026-03-29 02:30",
            location="Rathaus",
        )
    assert "gibt es in Berlin nicht" in gap.value.message("de")
    with pytest.raises(InvalidInput), kg.unit_of_work(CHAIR) as uow:
        meeting_series.add_series(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            title="Reihe",
            rrule="FREQ=QUARTERLY",
            first_start="2026-03-11 10:00",
            location="R",
        )
    assert counts(kg) == before


# --- the agenda ---


def test_members_propose_until_the_deadline_and_the_chair_decides(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    proposal = propose(kg, RABENHAUS, first, "Stadtteilfest im Kosmosviertel", kind="decision")
    rejected = propose(kg, RABENHAUS, first, "Werbung für den Verein")
    on_item(kg, CHAIR, agenda.accept, proposal)
    on_item(kg, CHAIR, agenda.reject, rejected, reason="gehört nicht in dieses Gremium")
    tick(kg, 2026, 2, 18, 10, 1)
    with pytest.raises(Conflict) as late:
        propose(kg, RABENHAUS, first, "Nachzügler")
    assert "18.02.2026 10:00" in late.value.message("de") and "--urgent" in late.value.message("de")
    agenda_titles = [i["title"] for i in show(kg, first)["agenda"] if i["status"] == "accepted"]
    assert agenda_titles == ["Bericht zu offenen Aufgaben", "Stadtteilfest im Kosmosviertel"]
    rejected_item = next(i for i in show(kg, first)["agenda"] if i["id"] == rejected)
    assert (
        rejected_item["status"] == "rejected"
        and rejected_item["reason"] == "gehört nicht in dieses Gremium"
    )
    assert next(i for i in show(kg, first)["agenda"] if i["id"] == proposal)["majority"] == "simple"


def test_an_urgent_item_after_the_invitation_is_flagged_and_raises_the_agenda_revision(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    tick(kg, 2026, 2, 26, 9, 0)
    invited = len(messages(kg, "invitation"))
    urgent = propose(kg, CHAIR, first, "Hitzeschutz in den Stadtteilzentren", urgent=True)
    data = show(kg, first)
    item = next(i for i in data["agenda"] if i["id"] == urgent)
    assert item["urgent"] and item["status"] == "accepted"
    assert data["agenda_revision"] == 2
    assert len(messages(kg, "agenda_updated")) == invited
    with pytest.raises(NotPermitted):
        propose(kg, RABENHAUS, first, "Auch dringend", urgent=True)


def test_the_chair_orders_and_finalises_the_agenda_once_no_proposal_is_open(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    a = propose(kg, CHAIR, first, "Haushalt 2027")
    b = propose(kg, CHAIR, first, "Bericht aus dem Handlungsraum Stadtrand Süd")
    open_proposal = propose(kg, RABENHAUS, first, "Offene Frage")
    with pytest.raises(Conflict) as pending:
        act(kg, CHAIR, agenda_order.finalize, first)
    assert "Offene Frage" in pending.value.message("de")
    on_item(kg, CHAIR, agenda.defer, open_proposal, reason="mehr Zeit zur Vorbereitung")
    standing = show(kg, first)["agenda"][0]["id"]
    with pytest.raises(InvalidInput):
        act(kg, CHAIR, agenda_order.order, first, item_ids=[b, a])
    act(kg, CHAIR, agenda_order.order, first, item_ids=[standing, b, a])
    act(kg, CHAIR, agenda_order.finalize, first)
    data = show(kg, first)
    assert data["agenda_final"]
    assert [(i["top"], i["title"]) for i in data["agenda"] if i["status"] == "accepted"] == [
        (1, "Bericht zu offenen Aufgaben"),
        (2, "Bericht aus dem Handlungsraum Stadtrand Süd"),
        (3, "Haushalt 2027"),
    ]
    second = meetings(kg)[1].id
    assert "Offene Frage" in [i["title"] for i in show(kg, second)["agenda"]]


def test_standing_items_approve_the_previous_minutes_and_report_open_action_items(kg):
    add_series(kg)
    first, second = (m.id for m in meetings(kg)[:2])
    assert [i["standing"] for i in show(kg, first)["agenda"]] == ["action_items"]
    assert [i["standing"] for i in show(kg, second)["agenda"]] == [
        "previous_minutes",
        "action_items",
    ]


# --- in session ---


def run_to_meeting_day(app: App) -> int:
    add_series(app)
    first = meetings(app)[0].id
    tick(app, 2026, 3, 11, 9, 30)
    return first


def open_with(app: App, meeting_id: int, present: list[str], **kwargs: Any) -> None:
    attend(app, meeting_id, present, **kwargs)
    app.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(app, CHAIR, ms.open_meeting, meeting_id)


def test_opening_checks_the_quorum_and_a_vote_enters_the_register(kg):
    first = run_to_meeting_day(kg)
    item = propose(kg, CHAIR, first, "Stadtteilfest 2026", kind="decision", urgent=True)
    open_with(kg, first, VOTING[:5])
    data = show(kg, first)
    assert data["number"] == 1
    assert data["quorum_at_opening"] == {
        "quorate": True,
        "present": 5,
        "voting_members": 8,
        "needed": 5,
        "repeat_meeting": False,
    }
    with kg.unit_of_work(CHAIR) as uow:
        decision = votes.record_vote(
            uow,
            agenda.item_by_ref(uow.session, item),
            text="Das Fest findet statt.",
            ballots={
                "Rabenhaus": "yes",
                "tjfbg": "yes",
                "KungerKiez": "no",
                "BA Treptow-Köpenick": "abstain",
            },
        )
        assert decision.reference == "KG-2026/01" and decision.carried
    voted = next(i for i in show(kg, first)["agenda"] if i["id"] == item)
    assert voted["outcome"] == "decided"
    assert voted["vote"]["ballots"] == {
        "Rabenhaus": "yes",
        "tjfbg": "yes",
        "KungerKiez": "no",
        "BA Treptow-Köpenick": "abstain",
    }
    assert (voted["vote"]["yes"], voted["vote"]["no"], voted["vote"]["abstain"]) == (2, 1, 1)


def vote(app: App, item: int, **kwargs: Any) -> Any:
    with app.unit_of_work(CHAIR) as uow:
        return votes.record_vote(
            uow, agenda.item_by_ref(uow.session, item), text="Beschluss", **kwargs
        )


@pytest.mark.parametrize(
    ("ballots", "message"),
    [
        ({"ajb": "yes"}, "ajb ist um 10:00 nicht anwesend"),
        ({"SenASGIVA": "yes"}, "SenASGIVA hat in diesem Gremium kein Stimmrecht"),
        ({"Rabenhaus": "vielleicht"}, "erlaubt: yes, no, abstain"),
    ],
)
def test_a_ballot_that_may_not_be_cast_is_refused_and_nothing_is_recorded(kg, ballots, message):
    first = run_to_meeting_day(kg)
    item = propose(kg, CHAIR, first, "Beschluss", kind="decision", urgent=True)
    open_with(kg, first, [*VOTING[:5], "SenASGIVA"])
    before = counts(kg)
    with pytest.raises((Conflict, InvalidInput)) as refused:
        vote(kg, item, ballots=ballots)
    assert message in refused.value.message("de")
    assert counts(kg) == before


def test_a_vote_is_counted_once_and_only_on_decision_items(kg):
    first = run_to_meeting_day(kg)
    item = propose(kg, CHAIR, first, "Beschluss", kind="decision", urgent=True)
    info = propose(kg, CHAIR, first, "Bericht", kind="information", urgent=True)
    open_with(kg, first, VOTING[:5])
    vote(kg, item, totals=(4, 1, 0))
    before = counts(kg)
    with pytest.raises(Conflict) as twice:
        vote(kg, item, totals=(4, 1, 0))
    assert "bereits abgestimmt" in twice.value.message("de")
    with pytest.raises(Conflict) as information:
        vote(kg, info, totals=(4, 1, 0))
    assert "nicht abgestimmt" in information.value.message("de")
    with pytest.raises(InvalidInput) as too_many:
        vote(
            kg,
            propose(kg, CHAIR, first, "Noch einer", kind="decision", urgent=True),
            totals=(6, 0, 0),
        )
    assert "nur 5 stimmberechtigte" in too_many.value.message("de")
    assert counts(kg)[2:4] == before[2:4]


def test_late_arrival_and_early_departure_change_the_quorum_between_two_votes(kg):
    first = run_to_meeting_day(kg)
    early = propose(kg, CHAIR, first, "Erster Beschluss", kind="decision", urgent=True)
    late = propose(kg, CHAIR, first, "Zweiter Beschluss", kind="decision", urgent=True)
    attend(kg, first, VOTING[:4])
    attend(kg, first, ["ajb"], arrived="10:30", departed="11:15")
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(kg, CHAIR, ms.open_meeting, first)
    assert show(kg, first)["quorum_at_opening"]["quorate"] is False  # ajb not there yet
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 45))
    vote(kg, early, totals=(5, 0, 0))  # ajb arrived: 5 of 8
    kg.clock.advance_to(berlin(2026, 3, 11, 11, 30))
    with pytest.raises(Conflict) as gone:
        vote(kg, late, totals=(4, 0, 0))  # ajb left: 4 of 8
    assert "4 von 8" in gone.value.message("de") and "nötig sind 5" in gone.value.message("de")


def test_a_meeting_that_is_not_quorate_decides_nothing_and_is_repeated(kg):
    first = run_to_meeting_day(kg)
    item = propose(kg, CHAIR, first, "Beschluss über den Haushalt", kind="decision", urgent=True)
    open_with(kg, first, VOTING[:2])
    assert show(kg, first)["quorum_at_opening"]["quorate"] is False
    with pytest.raises(Conflict):
        vote(kg, item, totals=(2, 0, 0))
    act(kg, CHAIR, ms.close, first)
    repeat = next(m for m in meetings(kg) if m.repeat_of_id == first)
    assert repeat.starts_at.astimezone(BERLIN) == berlin(2026, 4, 8, 10, 0)  # four weeks later
    assert repeat.title.startswith("Wiederholungssitzung")
    carried = [
        i for i in show(kg, repeat.id)["agenda"] if i["title"] == "Beschluss über den Haushalt"
    ]
    assert carried and carried[0]["carried_over_from"] == item
    # The repeat meeting is quorate regardless of attendance.
    tick(kg, 2026, 4, 8, 9, 0)
    attend(kg, repeat.id, VOTING[:2])
    kg.clock.advance_to(berlin(2026, 4, 8, 10, 0))
    act(kg, CHAIR, ms.open_meeting, repeat.id)
    decision = vote(kg, carried[0]["id"], totals=(2, 0, 0))
    assert decision.carried and decision.reference == "KG-2026/01"


def test_items_not_handled_are_deferred_to_the_next_meeting_with_the_open_action_items(kg):
    first = run_to_meeting_day(kg)
    open_with(kg, first, VOTING[:5])
    agenda_now = show(kg, first)["agenda"]
    discussion = propose(kg, CHAIR, first, "Austausch Nachbarschaftsarbeit", urgent=True)
    on_item(kg, SECRETARIAT, agenda.mark, agenda_now[0]["id"], outcome="noted")
    with kg.unit_of_work(SECRETARIAT) as uow:
        action = action_items.add(
            uow,
            agenda.item_by_ref(uow.session, agenda_now[0]["id"]),
            what="Raumplanung für das Stadtteilfest",
            who="Rabenhaus",
            due_on="2026-04-30",
        )
        action_id = action.id
    act(kg, CHAIR, ms.close, first)
    second = show(kg, meetings(kg)[1].id)
    titles = {i["title"]: i for i in second["agenda"]}
    assert titles["Austausch Nachbarschaftsarbeit"]["carried_over_from"] == discussion
    assert [a["what"] for a in second["open_action_items"]] == ["Raumplanung für das Stadtteilfest"]
    # On its due date the owner is reminded; done, it leaves the list.
    tick(kg, 2026, 4, 30, 10, 0)
    assert [m.recipient for m in messages(kg, "action_item_due")] == [RABENHAUS]
    with kg.unit_of_work(RABENHAUS) as uow:
        action_items.complete(uow, action_items.action_by_id(uow.session, action_id))
    assert show(kg, meetings(kg)[1].id)["open_action_items"] == []


def test_the_register_numbers_decisions_per_committee_and_year(kg):
    first = run_to_meeting_day(kg)
    items = [
        propose(kg, CHAIR, first, f"Beschluss {n}", kind="decision", urgent=True) for n in (1, 2)
    ]
    open_with(kg, first, VOTING[:5])
    refs = [
        vote(kg, i, totals=(3, 2, 0) if n == 0 else (2, 2, 1)).reference
        for n, i in enumerate(items)
    ]
    assert refs == ["KG-2026/01", "KG-2026/02"]
    with kg.db.session() as s:
        register = decisions.register(s.connection(), directory.committee_by_ref(s, "KG").id)
    assert [(d["reference"], d["carried"], d["votes"]) for d in register] == [
        ("KG-2026/01", True, {"yes": 3, "no": 2, "abstain": 0}),
        ("KG-2026/02", False, {"yes": 2, "no": 2, "abstain": 1}),  # a tie is not carried
    ]


def test_opening_a_cancelled_meeting_and_moving_a_closed_one_are_refused(kg):
    first = run_to_meeting_day(kg)
    second = meetings(kg)[1].id
    act(kg, CHAIR, ms.cancel, second, reason="Sommerferien")
    with pytest.raises(TransitionRefused) as cancelled:
        act(kg, CHAIR, ms.open_meeting, second)
    assert "abgesagt" in cancelled.value.message("de")
    open_with(kg, first, VOTING[:5])
    act(kg, CHAIR, ms.close, first)
    with pytest.raises(TransitionRefused) as closed:
        act(kg, CHAIR, ms.move, first, starts_at="2026-05-01 10:00", reason="zu spät")
    assert "geschlossen" in closed.value.message("de")


def test_a_meeting_cannot_be_opened_before_its_day(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    act(kg, CHAIR, ms.convene, first)
    with pytest.raises(TransitionRefused) as early:
        act(kg, CHAIR, ms.open_meeting, first)
    assert "Sitzungstag" in early.value.message("de")


# --- accession by vote ---


def test_the_committees_vote_on_an_accession_item_decides_the_application(kg):
    add_series(kg)
    with kg.unit_of_work(SYSTEM) as uow:
        application = accession.apply(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            org_name=tk.APPLICANT.name,
            short_name=tk.APPLICANT.short_name,
            kind="association",
            applicant_name="Vorstand Kosmosviertel",
            applicant_email="vorstand@kosmosviertel.example.org",
        )
        application_id = application.id
    with kg.unit_of_work(CHAIR) as uow:
        application = accession.application_by_id(uow.session, application_id)
        accession.review(uow, application)
        accession.schedule(uow, application)
    first = meetings(kg)[0].id
    item = next(
        i for i in show(kg, first)["agenda"] if i["accession_application_id"] == application_id
    )
    assert item["majority"] == "two_thirds" and item["kind"] == "decision"
    tick(kg, 2026, 3, 11, 9, 30)
    open_with(kg, first, VOTING[:6])
    decision = vote(kg, item["id"], totals=(4, 1, 1))
    assert decision.carried
    with kg.db.session() as s:
        accepted = s.get(AccessionApplication, application_id)
        assert accepted.state == "accepted" and (accepted.votes_yes, accepted.votes_no) == (4, 1)


def test_an_accession_scheduled_without_a_meeting_goes_on_the_next_one_planned(kg):
    with kg.unit_of_work(SYSTEM) as uow:
        application_id = accession.apply(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            org_name=tk.APPLICANT.name,
            short_name=tk.APPLICANT.short_name,
            kind="association",
            applicant_name="Vorstand",
            applicant_email="vorstand@kosmosviertel.example.org",
        ).id
    with kg.unit_of_work(CHAIR) as uow:
        application = accession.application_by_id(uow.session, application_id)
        accession.review(uow, application)
        accession.schedule(uow, application)
    add_series(kg)
    first = meetings(kg)[0].id
    assert [i["accession_application_id"] for i in show(kg, first)["agenda"]].count(
        application_id
    ) == 1


def test_timers_of_a_meeting_are_in_the_timer_table_and_fire_in_order(kg):
    add_series(kg)
    fired = tick(kg, 2026, 3, 12, 0, 0)
    first_meeting = [
        f.name for f in fired if f.entity_type == "meetings" and f.entity_id == meetings(kg)[0].id
    ]
    assert first_meeting == [
        "call_for_proposals",
        "proposal_deadline",
        "invitation",
        "quorum_forecast",  # issue 14.3: forecast_days before the meeting
        "reminder",
    ]
    with kg.db.session() as s:
        pending = (
            s.execute(
                select(Timer.name).where(Timer.entity_type == "meetings", Timer.status == "pending")
            )
            .scalars()
            .all()
        )
    assert "invitation" in pending  # the later meetings'


def test_a_partner_hears_what_the_chair_decided_on_their_proposal_and_why(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    accepted = propose(kg, RABENHAUS, first, "Stadtteilfest im Kosmosviertel")
    rejected = propose(kg, RABENHAUS, first, "Werbung für den Verein")
    deferred = propose(kg, RABENHAUS, first, "Verkehrsberuhigung")
    on_item(kg, CHAIR, agenda.accept, accepted)
    on_item(kg, CHAIR, agenda.reject, rejected, reason="gehört nicht in dieses Gremium")
    on_item(kg, CHAIR, agenda.defer, deferred, reason="Stellungnahme abwarten")
    told = messages(kg, "proposal_decided")
    assert [m.recipient for m in told] == [RABENHAUS] * 3
    assert [m.subject for m in told] == [
        "Ihr Vorschlag „Stadtteilfest im Kosmosviertel“: auf der Tagesordnung",
        "Ihr Vorschlag „Werbung für den Verein“: abgelehnt",
        "Ihr Vorschlag „Verkehrsberuhigung“: vertagt",
    ]
    assert "Begründung: gehört nicht in dieses Gremium" in told[1].body_text
    assert "Mittwoch, 10. Juni 2026, 10:00 Uhr" in told[2].body_text
