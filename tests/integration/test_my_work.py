"""What waits for a person (the overview's read model), on a real database:
committees with roles, the next meetings, the open tasks with deadlines, and
a number of statements that does not grow with the number of committees."""

from __future__ import annotations

import datetime as dt

import pytest

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.domain.permissions import CommitteeRole
from governance.examples import treptow_koepenick as tk
from governance.services import agenda, agreements, directory, meetings, my_work
from tests.conftest import SYSTEM
from tests.statements import counting

CHAIR = tk.CHAIR_EMAIL
SECRETARY = tk.SECRETARIAT_EMAIL
PARTNER = "gf@rabenhaus.example.org"
ME = "lena.vogt@bezirksamt.example.org"


@pytest.fixture
def kg(any_app: App) -> App:
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


def plan_meeting(app: App, committee: str = "KG", title: str = "Sitzung März") -> int:
    with app.unit_of_work(SYSTEM) as uow:
        c = directory.committee_by_ref(uow.session, committee)
        start = dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN)
        return meetings.plan(uow, c, title=title, starts_at=start, location="Rathaus").id


def propose(app: App, meeting_id: int, actor: str = PARTNER, title: str = "Stadtteilfest") -> None:
    with app.unit_of_work(actor) as uow:
        meeting = meetings.meeting_by_id(uow.session, meeting_id)
        agenda.propose(uow, meeting, title=title)


def open_agreement(app: App, committee: str = "KG") -> None:
    with app.unit_of_work(SYSTEM) as uow:
        c = directory.committee_by_ref(uow.session, committee)
        agreements.open_for_signature(uow, agreements.latest_version(uow.session, c))


def overview(app: App, actor: str) -> my_work.Overview:
    with app.unit_of_work(actor) as uow:
        return my_work.waiting_for(uow)


def test_the_chair_sees_the_committee_with_the_chair_role_and_the_next_meeting(kg: App) -> None:
    meeting_id = plan_meeting(kg)

    seen = overview(kg, CHAIR)

    assert [(c.short_name, c.roles) for c in seen.committees] == [("KG", (CommitteeRole.CHAIR,))]
    assert [(m.id, m.title, m.committee) for m in seen.meetings] == [
        (meeting_id, "Sitzung März", "KG")
    ]


def test_a_partner_owes_the_signature_of_its_organisation_until_it_has_signed(kg: App) -> None:
    open_agreement(kg)

    tasks = overview(kg, PARTNER).tasks

    owed = [t for t in tasks if t.kind == "signature"]
    assert [(t.organisation, t.committee) for t in owed] == [("Rabenhaus", "KG")]
    with kg.unit_of_work(PARTNER) as uow:
        version = agreements.version_by_ref(uow.session, "1/1")
        agreements.sign(
            uow,
            version,
            organisation="Rabenhaus",
            signatory=PARTNER,
            signed_on=uow.today,
            place="Berlin",
            method="scanned",
            text_sha256=version.text_sha256 or "",
        )
    assert [t for t in overview(kg, PARTNER).tasks if t.kind == "signature"] == []


def test_the_chair_has_proposals_to_decide_by_the_invitation_and_a_partner_has_not(
    kg: App,
) -> None:
    meeting_id = plan_meeting(kg)
    propose(kg, meeting_id)
    propose(kg, meeting_id, title="Haushalt")

    chair_tasks = [t for t in overview(kg, CHAIR).tasks if t.kind == "proposals"]
    partner_tasks = [t for t in overview(kg, PARTNER).tasks if t.kind == "proposals"]

    assert [(t.meeting_id, t.count) for t in chair_tasks] == [(meeting_id, 2)]
    with kg.unit_of_work(SYSTEM) as uow:
        invitation = meetings.meeting_by_id(uow.session, meeting_id).invitation_at
    assert chair_tasks[0].deadline == invitation
    assert not chair_tasks[0].overdue
    assert partner_tasks == []


def test_the_secretariat_sees_its_role_and_no_tasks_of_the_chair(kg: App) -> None:
    propose(kg, plan_meeting(kg))

    seen = overview(kg, SECRETARY)

    assert [(c.short_name, c.roles) for c in seen.committees] == [
        ("KG", (CommitteeRole.SECRETARIAT,))
    ]
    assert [t.kind for t in seen.tasks] == []


def test_a_person_of_no_committee_has_an_empty_overview(kg: App) -> None:
    with kg.unit_of_work(SYSTEM) as uow:
        directory.add_person(uow, name="Gast", email="gast@example.org")

    seen = overview(kg, "gast@example.org")

    assert (seen.committees, seen.meetings, seen.tasks) == ((), (), ())


# --- the number of statements does not grow with the committees ---


def build_committees(app: App, count: int, first: int = 0) -> None:
    """*count* committees chaired by ME (also in their secretariat), each with an
    agreement open for signature and a planned meeting with a partner's proposal."""
    with app.unit_of_work(SYSTEM) as uow:
        me = (
            directory.person_by_email(uow.session, ME)
            if first
            else directory.add_person(uow, name="Lena Vogt", email=ME)
        )
        for i in range(first, first + count):
            committee = directory.add_committee(
                uow, name=f"Gremium {i}", short_name=f"G{i}", sender_email=f"g{i}@example.org"
            )
            office = directory.add_organisation(
                uow, name=f"Bezirksamt {i}", short_name=f"BA{i}", kind="public_body"
            )
            club = directory.add_organisation(
                uow, name=f"Verein {i}", short_name=f"V{i}", kind="association"
            )
            partner = directory.add_person(
                uow, name=f"Partner {i}", email=f"p{i}@example.org", organisation=club
            )
            directory.create_membership(
                uow,
                committee,
                directory.MembershipSpec(organisation=office, role="chair", representatives=(me,)),
            )
            directory.create_membership(
                uow,
                committee,
                directory.MembershipSpec(organisation=club, representatives=(partner,)),
            )
            directory.add_secretariat(uow, committee, me)
            agreements.create_agreement(uow, committee, title=f"Vereinbarung {i}", text="Text.")
    for i in range(first, first + count):
        open_agreement(app, f"G{i}")
        propose(app, plan_meeting(app, f"G{i}", f"Sitzung {i}"), actor=f"p{i}@example.org")


def statements_for(app: App) -> tuple[int, my_work.Overview]:
    with app.unit_of_work(ME) as uow, counting(app) as statements:
        seen = my_work.waiting_for(uow)
    return len(statements), seen


def test_the_overview_reads_as_many_statements_for_five_committees_as_for_one(
    any_app: App,
) -> None:
    build_committees(any_app, 1)
    for_one, seen = statements_for(any_app)
    assert len(seen.committees) == len(seen.meetings) == 1
    assert sorted(t.kind for t in seen.tasks) == ["proposals", "signature"]

    build_committees(any_app, 4, first=1)
    for_five, seen = statements_for(any_app)

    assert len(seen.committees) == len(seen.meetings) == 5
    assert sorted(t.kind for t in seen.tasks) == sorted(["proposals", "signature"] * 5)
    assert for_five == for_one
    # the person, their memberships and secretariats, then one statement per kind of row
    assert for_one <= 11


# --- after a meeting: minutes, objections, action items ---


def hold_meeting_with_an_action_item(app: App) -> int:
    """The meeting of 11.03.2026, with an action item for Rabenhaus due 30.04.2026, closed."""
    from governance.services import action_items, votes
    from governance.services import meetings as ms
    from tests.integration.test_meetings import act, add_series, attend, berlin, tick
    from tests.integration.test_meetings import meetings as all_meetings
    from tests.integration.test_meetings import propose as propose_item

    add_series(app)
    first = all_meetings(app)[0].id
    tick(app, 2026, 3, 11, 9, 30)
    item = propose_item(app, CHAIR, first, "Stadtteilfest 2026", kind="decision", urgent=True)
    attend(app, first, ["BA Treptow-Köpenick", "Rabenhaus", "Offensiv'91", "tjfbg", "ajb"])
    app.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(app, CHAIR, ms.open_meeting, first)
    with app.unit_of_work(CHAIR) as uow:
        top = agenda.item_by_ref(uow.session, item)
        votes.record_vote(uow, top, text="Das Fest findet statt.", totals=(4, 1, 0))
        action_items.add(uow, top, what="Flyer drucken", who="Rabenhaus", due_on="2026-04-30")
    app.clock.advance_to(berlin(2026, 3, 11, 12, 0))
    act(app, CHAIR, ms.close, first)
    return first


def kinds(app: App, actor: str) -> list[tuple[str, int | None]]:
    return [(t.kind, t.meeting_id) for t in overview(app, actor).tasks]


def test_after_the_meeting_the_secretariat_writes_the_minutes_and_the_partner_has_its_action_item(
    kg: App,
) -> None:
    meeting_id = hold_meeting_with_an_action_item(kg)

    secretary = overview(kg, SECRETARY).tasks
    partner = overview(kg, PARTNER).tasks

    assert [(t.kind, t.meeting_id) for t in secretary] == [("minutes_write", meeting_id)]
    with kg.unit_of_work(SYSTEM) as uow:
        due = meetings.meeting_by_id(uow.session, meeting_id).minutes_due_at
    assert secretary[0].deadline == due
    assert [(t.kind, t.subject, t.deadline, t.organisation) for t in partner] == [
        ("action_item", "Flyer drucken", dt.date(2026, 4, 30), "Rabenhaus")
    ]
    assert partner[0].by_day and not partner[0].overdue
    assert ("minutes_write", meeting_id) not in kinds(kg, CHAIR)

    kg.clock.advance_to(dt.datetime(2026, 5, 2, 9, 0, tzinfo=BERLIN))
    assert overview(kg, PARTNER).tasks[0].overdue


def test_an_objection_waits_for_the_chair_and_sends_the_minutes_back_to_the_secretariat(
    kg: App,
) -> None:
    from governance.services import minutes
    from tests.integration.test_meetings import act

    meeting_id = hold_meeting_with_an_action_item(kg)
    act(kg, SECRETARY, minutes.record_notes, meeting_id, notes={1: "Notiz."})
    act(kg, SECRETARY, minutes.circulate, meeting_id)
    assert ("minutes_write", meeting_id) not in kinds(kg, SECRETARY)

    act(kg, PARTNER, minutes.object_to, meeting_id, text="TOP 1 ist falsch wiedergegeben.")

    chair = [t for t in overview(kg, CHAIR).tasks if t.kind == "objection"]
    assert [(t.meeting_id, t.count) for t in chair] == [(meeting_id, 1)]
    assert ("minutes_write", meeting_id) in kinds(kg, SECRETARY)


def test_the_chair_may_approve_circulated_minutes_once_the_objection_period_is_over(
    kg: App,
) -> None:
    from governance.services import minutes
    from tests.integration.test_meetings import act

    meeting_id = hold_meeting_with_an_action_item(kg)
    act(kg, SECRETARY, minutes.record_notes, meeting_id, notes={1: "Notiz."})
    act(kg, SECRETARY, minutes.circulate, meeting_id)
    assert ("minutes_approve", meeting_id) not in kinds(kg, CHAIR)

    # the period is over; the timer that approves them tacitly has not fired yet
    kg.clock.advance_to(dt.datetime(2026, 4, 30, 9, 0, tzinfo=BERLIN))

    assert ("minutes_approve", meeting_id) in kinds(kg, CHAIR)
    assert ("minutes_approve", meeting_id) not in kinds(kg, PARTNER)
