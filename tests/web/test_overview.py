"""My overview (``/``): my committees with my roles, the next meetings, and what waits
for me with the deadlines; a number of statements that does not grow with the
number of committees."""

from __future__ import annotations

import datetime as dt

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.models import Person
from governance.services import agenda, agreements, directory, meetings
from governance.unit_of_work import Actor
from tests.statements import counting
from tests.web.support import World, without_page_cache

SYSTEM = Actor.system()


def plan_meeting(gremium: App, committee_id: int, title: str = "Sitzung im März") -> int:
    with gremium.unit_of_work(SYSTEM) as uow:
        committee = directory.committee_by_ref(uow.session, committee_id)
        start = dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN)
        return meetings.plan(uow, committee, title=title, starts_at=start, location="Rathaus").id


def propose(gremium: App, meeting_id: int, person_id: int, title: str) -> None:
    with gremium.unit_of_work(_email(gremium, person_id)) as uow:
        agenda.propose(uow, meetings.meeting_by_id(uow.session, meeting_id), title=title)


def open_agreement(gremium: App, committee_id: int) -> None:
    with gremium.unit_of_work(SYSTEM) as uow:
        committee = directory.committee_by_ref(uow.session, committee_id)
        version = agreements.create_agreement(
            uow, committee, title="Kooperationsvereinbarung", text="§ 1 Zweck."
        )
        agreements.open_for_signature(uow, version)


def _email(gremium: App, person_id: int) -> str:
    with gremium.db.session() as session:
        person = session.get(Person, person_id)
        assert person is not None
        return person.email


def test_the_chair_sees_the_committee_the_meeting_and_the_proposals_to_decide(
    client, signed_in, world: World, gremium: App
) -> None:
    meeting_id = plan_meeting(gremium, world.committee_id)
    propose(gremium, meeting_id, world.partners[0], "Stadtteilfest im Juni")
    signed_in(client, world.chair)

    html = client.get("/").get_data(as_text=True)

    assert "Meine Übersicht" in html
    assert "Testgremium" in html and "Vorsitz" in html and "BA TK" in html
    assert "Anderes Gremium" not in html
    assert f'href="/meetings/{meeting_id}"' in html and "Sitzung im März" in html
    assert "1 Vorschlag zur Tagesordnung entscheiden: Sitzung im März" in html
    assert "Frist:" in html  # the invitation, by which the agenda is decided


def test_a_partner_sees_the_signature_its_organisation_owes_and_no_proposals(
    client, signed_in, world: World, gremium: App
) -> None:
    open_agreement(gremium, world.committee_id)
    meeting_id = plan_meeting(gremium, world.committee_id)
    propose(gremium, meeting_id, world.partners[1], "Haushalt")
    signed_in(client, world.partners[0])

    html = client.get("/").get_data(as_text=True)

    assert "Unterschrift für Rabenhaus: Kooperationsvereinbarung (1/1)" in html
    assert f'href="/committees/{world.committee_id}/agreement"' in html
    assert "Vorschlag" not in html
    assert "Vertretung" in html


def test_the_overview_is_english_for_a_person_who_reads_english(
    client, signed_in, world: World, gremium: App
) -> None:
    with gremium.unit_of_work(SYSTEM) as uow:
        person = uow.session.get(Person, world.secretary)
        assert person is not None
        person.language = "en"
    signed_in(client, world.secretary)

    html = client.get("/").get_data(as_text=True)

    assert 'lang="en"' in html
    assert "My overview" in html and "secretariat" in html
    assert "Nothing waits for you at the moment." in html


def add_committees(gremium: App, world: World, first: int, count: int) -> None:
    """*count* more committees chaired by the world's chair, each with a meeting and
    a partner's proposal, and an agreement open for the chair's signature."""
    for i in range(first, first + count):
        with gremium.unit_of_work(SYSTEM) as uow:
            chair = uow.session.get(Person, world.chair)
            assert chair is not None
            committee = directory.add_committee(
                uow, name=f"Gremium {i}", short_name=f"G{i}", sender_email=f"g{i}@example.org"
            )
            office = directory.organisation_by_ref(uow.session, world.chair_org)
            club = directory.add_organisation(
                uow, name=f"Verein {i}", short_name=f"V{i}", kind="association"
            )
            partner = directory.add_person(
                uow, name=f"Partner {i}", email=f"p{i}@example.org", organisation=club
            )
            directory.create_membership(
                uow,
                committee,
                directory.MembershipSpec(
                    organisation=office, role="chair", representatives=(chair,)
                ),
            )
            directory.create_membership(
                uow,
                committee,
                directory.MembershipSpec(organisation=club, representatives=(partner,)),
            )
            cid, pid = committee.id, partner.id
        open_agreement(gremium, cid)
        propose(gremium, plan_meeting(gremium, cid, f"Sitzung {i}"), pid, "Vorschlag")


def test_the_overview_page_runs_as_many_statements_for_five_committees_as_for_one(
    client, signed_in, world: World, gremium: App
) -> None:
    add_committees(gremium, world, 1, 1)
    signed_in(without_page_cache(client), world.chair)
    client.get("/")  # warm: templates compiled, the session's first statements done
    with counting(gremium) as one:
        html_one = client.get("/").get_data(as_text=True)

    add_committees(gremium, world, 2, 4)
    with counting(gremium) as five:
        html_five = client.get("/").get_data(as_text=True)

    assert html_one.count("Unterschrift für BA TK") == 1
    assert html_five.count("Unterschrift für BA TK") == 5
    assert html_five.count("zur Tagesordnung entscheiden") == 5
    assert len(five) == len(one), "\n".join(five)
