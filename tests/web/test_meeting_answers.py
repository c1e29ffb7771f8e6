"""A signed-in member answers the invitation on the meeting page itself (issue 14.3):
the same service function as the invitation's links and calendar replies
(``rsvp.answer_invitation``, via "web"), the same refusals, audited as that person."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from governance.clock import BERLIN
from governance.models import AuditRecord, Person
from tests.web.links_support import invite, page, reply_of
from tests.web.support import World, post_form


def test_a_member_answers_on_the_meeting_page(client, signed_in, gremium, world):
    mid = invite(gremium, world)
    signed_in(client, world.partners[1])
    shown = page(client.get(f"/meetings/{mid}"))
    assert "Ihre Rückmeldung" in shown
    assert "Für KungerKiez e. V. liegt noch keine Rückmeldung vor." in shown
    assert "Ich nehme teil" in shown and "Ich bin verhindert" in shown
    assert "vielleicht" not in shown.lower()  # Gremium asks for a decision (see rsvp.py)

    done = post_form(
        client,
        f"/meetings/{mid}/answer",
        {"answer_choice": "excused", "answer_comment": "Urlaub"},
        follow_redirects=True,
    )
    assert done.status_code == 200
    shown = page(done)
    assert "Ihre Rückmeldung ist vermerkt." in shown
    assert "Bisherige Rückmeldung für KungerKiez e. V.: verhindert." in shown
    reply = reply_of(gremium, mid, world.partner_orgs[1])
    assert reply is not None
    assert (reply.answer, reply.via, reply.comment) == ("excused", "web", "Urlaub")
    with gremium.db.session() as session:
        record = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "meeting.rsvp")
        ).one()
        assert record.actor_id == world.partners[1]
        assert (record.details or {})["answer_via"] == "web"


def test_a_wrong_answer_is_refused_next_to_the_form_and_changes_nothing(
    client, signed_in, gremium, world
):
    mid = invite(gremium, world)
    signed_in(client, world.partners[0])
    wrong = post_form(client, f"/meetings/{mid}/answer", {"answer_choice": "vielleicht"})
    assert wrong.status_code == 422
    assert "„vielleicht“ ist keine Rückmeldung" in page(wrong)
    other = post_form(
        client,
        f"/meetings/{mid}/answer",
        {"answer_choice": "deputy", "answer_deputy": World.EMAILS["partner2"]},
    )
    assert other.status_code == 422
    assert "gehört nicht zu Rabenhaus" in page(other)
    assert reply_of(gremium, mid, world.partner_orgs[0]) is None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_form_is_only_for_members_and_only_until_the_meeting_starts(
    client, signed_in, gremium, world, lang
):
    with gremium.db.session() as session, session.begin():
        session.execute(update(Person).values(language=lang))
    mid = invite(gremium, world)
    signed_in(client, world.secretary)  # acts for no member organisation
    heading = "Ihre Rückmeldung" if lang == "de" else "Your answer"
    assert heading not in page(client.get(f"/meetings/{mid}"))
    member = signed_in(client.application.test_client(), world.partners[0])
    assert heading in page(member.get(f"/meetings/{mid}"))
    gremium.clock.advance_to(dt.datetime(2026, 3, 11, 10, 5, tzinfo=BERLIN))
    member = signed_in(client.application.test_client(), world.partners[0])  # a fresh session
    assert heading not in page(member.get(f"/meetings/{mid}"))
    late = post_form(member, f"/meetings/{mid}/answer", {"answer_choice": "attends"})
    assert late.status_code == 409
    said = "nicht mehr möglich" if lang == "de" else "no longer possible"
    assert said in page(late)
    assert reply_of(gremium, mid, world.partner_orgs[0]) is None
