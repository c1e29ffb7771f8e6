"""The meeting-practice page (/meetings/<id>/practice, issue 16): the chair sets a hybrid
meeting with its video link, the secretariat records a conflict of interest, a vote
transfer and who takes part online; refusals beside their form; a partner sees no
forms; another committee's person gets a 404."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.models import ConflictOfInterest, Person, VoteTransfer
from governance.services import agenda, attendance, directory, rules_of_procedure
from governance.services import meetings as meeting_service
from governance.unit_of_work import Actor
from tests.web.support import World, post_form

DAY = dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN)
VIDEO = "https://video.example.org/tg-fruehjahr"


def as_person(gremium: App, person_id: int) -> Actor:
    with gremium.db.session() as s:
        person = s.get(Person, person_id)
        assert person is not None
        return Actor(label=person.email, person_id=person.id)


@pytest.fixture
def convened(gremium: App, world: World) -> int:
    chair = as_person(gremium, world.chair)
    with gremium.unit_of_work(chair) as uow:
        committee = directory.committee_by_ref(uow.session, "TG")
        meeting = meeting_service.plan(
            uow,
            committee,
            title="Frühjahrssitzung",
            starts_at="2026-03-11 10:00",
            location="Rathaus, Raum 120",
        )
        agenda.propose(uow, meeting, title="Zuwendung Stadtteilfest", kind="decision")
        meeting_service.convene(uow, meeting)
        return meeting.id


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def page(client, mid: int) -> str:
    response = client.get(f"/meetings/{mid}/practice")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def test_the_chair_makes_the_meeting_hybrid_and_a_bad_link_is_refused_beside_its_form(
    client, signed_in, world, convened, gremium
):
    signed_in(client, world.chair)
    assert "Präsenzsitzung" in text_of(page(client, convened))
    bad = post_form(
        client,
        f"/meetings/{convened}/practice/format",
        {"format": "hybrid", "video_url": "ftp://video.example.org/x"},
    )
    assert bad.status_code == 422
    assert "https-Adresse" in text_of(bad.get_data(as_text=True))
    done = post_form(
        client,
        f"/meetings/{convened}/practice/format",
        {"format": "hybrid", "video_url": VIDEO},
        follow_redirects=True,
    )
    html = done.get_data(as_text=True)
    assert "Sitzungsform: hybride Sitzung." in text_of(html)
    assert f'href="{VIDEO}"' in html
    # The partner sees the link (invited) but no form to change it.
    signed_in(client, world.partners[0])
    partner_page = page(client, convened)
    assert VIDEO in partner_page and "/practice/format" not in partner_page


def test_the_secretariat_records_a_conflict_a_transfer_and_online_attendance(
    client, signed_in, world, convened, gremium
):
    signed_in(client, world.secretary)
    with gremium.db.session() as s:
        rabenhaus = directory.organisation_by_ref(s, world.partner_orgs[0]).short_name
        kungerkiez = directory.organisation_by_ref(s, world.partner_orgs[1]).short_name
        top = str(
            next(
                i.position
                for i in agenda.items(s, meeting_service.meeting_by_id(s, convened))
                if i.title == "Zuwendung Stadtteilfest"
            )
        )
    html = page(client, convened)
    assert "Stimmrechtsübertragung" in text_of(html) and "vote_transfer=true" in text_of(html)
    response = post_form(
        client,
        f"/meetings/{convened}/practice/conflicts",
        {"top": top, "organisation": rabenhaus, "reason": ""},
    )
    assert response.status_code == 422  # no reason given
    response = post_form(
        client,
        f"/meetings/{convened}/practice/conflicts",
        {"top": top, "organisation": rabenhaus, "reason": "Empfängerin der Zuwendung"},
        follow_redirects=True,
    )
    assert "befangen (Empfängerin der Zuwendung)" in text_of(response.get_data(as_text=True))

    with gremium.unit_of_work(as_person(gremium, world.chair)) as uow:
        rules_of_procedure.change_rules(uow, "TG", {"vote_transfer": "true"})
    response = post_form(
        client,
        f"/meetings/{convened}/practice/transfers",
        {"from": kungerkiez, "to": rabenhaus},
        follow_redirects=True,
    )
    assert f"{kungerkiez} hat ihre Stimme an {rabenhaus} übertragen." in text_of(
        response.get_data(as_text=True)
    )
    with gremium.db.session() as s:
        assert s.scalar(select(ConflictOfInterest.via)) == "secretariat"
        assert s.scalar(select(VoteTransfer.via)) == "secretariat"

    # Online attendance: only in a hybrid or online meeting, for those present.
    with gremium.unit_of_work(as_person(gremium, world.chair)) as uow:
        from governance.services import meeting_format

        meeting = meeting_service.meeting_by_id(uow.session, convened)
        meeting_format.set_format(uow, meeting, format="online", video_url=VIDEO)
    gremium.clock.advance_to(DAY - dt.timedelta(minutes=10))
    with gremium.unit_of_work(as_person(gremium, world.secretary)) as uow:
        meeting = meeting_service.meeting_by_id(uow.session, convened)
        attendance.record(uow, meeting, organisation_ref=rabenhaus, status="present")
    signed_in(client, world.secretary)  # a new session on the meeting's day
    response = post_form(
        client,
        f"/meetings/{convened}/practice/online",
        {"organisation": rabenhaus, "online": "1"},
        follow_redirects=True,
    )
    assert f"{rabenhaus} nimmt online teil." in text_of(response.get_data(as_text=True))


def test_another_committees_person_gets_a_404(client, signed_in, world, convened):
    signed_in(client, world.outsider)
    assert client.get(f"/meetings/{convened}/practice").status_code == 404
