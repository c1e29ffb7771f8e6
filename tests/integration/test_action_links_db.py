"""Action links through the application layer on SQLite and PostgreSQL: the token from the
delivered mail acts once, as its person via link; a second use is refused and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from governance.models import AuditRecord, MeetingReply
from governance.services import action_links
from governance.unit_of_work import Actor
from tests.web.links_support import deliver, invite, links_in, smtp_settings
from tests.web.support import World, build_world


def test_a_link_acts_once_as_its_person_via_link(any_app, tmp_path):
    world = build_world(any_app)
    mid = invite(any_app, world)
    mails = deliver(any_app, smtp_settings(tmp_path))
    # No [web] base_url here: the links point to gremium web's default address.
    links = links_in(mails[World.EMAILS["partner2"]][0], base="http://127.0.0.1:8000")
    token = links["attends"].removeprefix("/l/")

    with any_app.unit_of_work(Actor.system()) as work:
        done = action_links.act(work, token, {"comment": "gern"})
    assert done.result.render("en") == "Your attendance at “Sitzung im März” is recorded."
    with (
        pytest.raises(action_links.LinkUnusable) as again,
        any_app.unit_of_work(Actor.system()) as work,
    ):
        action_links.act(work, token, {})
    assert again.value.message("de").startswith("Dieser Link wurde bereits benutzt")

    with any_app.db.session() as session:
        [reply] = session.scalars(select(MeetingReply).where(MeetingReply.meeting_id == mid))
        assert (reply.organisation_id, reply.answer, reply.comment) == (
            world.partner_orgs[1],
            "attends",
            "gern",
        )
        refused = session.scalars(
            select(AuditRecord).where(
                AuditRecord.action == "link.use", AuditRecord.outcome == "refused"
            )
        ).one()
        assert refused.actor_id == world.partners[1]
        assert (refused.details or {}).get("via") == "link"
        assert token not in str(refused.details)
