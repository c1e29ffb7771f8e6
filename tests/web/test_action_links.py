"""Action links from the invitation mail: mail (real SMTP on loopback) → link → page → POST.

The partner is not signed in: the test client opens the link as a mail
client would and confirms with the page's form. The link is bound to its
person, meeting and purpose, expires when the meeting starts, works once,
dies when revoked or when the person leaves the committee; GET changes
nothing, and the token is in no log, no audit record and not in the outbox.
"""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import select

from governance.audit_verify import verify
from governance.clock import BERLIN
from governance.errors import GremiumError
from governance.models import (
    ActionLink,
    ActionLinkToken,
    AuditRecord,
    Capacity,
    Meeting,
    OutboxMessage,
)
from governance.services import action_links, directory, rsvp
from governance.services import meetings as meeting_service
from governance.unit_of_work import Actor
from tests.web.links_support import deliver, invite, links_in, page, reply_of, smtp_settings
from tests.web.support import World, post_form


@pytest.fixture
def web_settings(tmp_path):
    return smtp_settings(tmp_path)


def test_the_partner_answers_from_the_invitation_mail_without_signing_in(
    client, gremium, world, web_settings
):
    mid = invite(gremium, world)
    mails = deliver(gremium, web_settings)
    invitation = mails[World.EMAILS["partner1"]][0]
    assert "Bitte sagen Sie uns mit einem Klick, ob Sie kommen" in invitation
    links = links_in(invitation)

    # Opening the link shows what will happen and changes nothing (mail scanners open links).
    shown = client.get(links["attends"])
    assert shown.status_code == 200
    text = page(shown)
    assert "Rückmeldung: Sitzung im März am Mittwoch, 11. März 2026, 10:00 Uhr" in text
    assert "Vorstand Rabenhaus, bitte bestätigen Sie: Sie nehmen für Rabenhaus e. V." in text
    assert "Ich nehme teil" in text
    client.get(links["attends"])
    assert reply_of(gremium, mid, world.partner_orgs[0]) is None

    done = post_form(client, links["attends"], {})
    assert done.status_code == 200, page(done)
    assert "Ihre Teilnahme an „Sitzung im März“ ist vermerkt." in page(done)
    reply = reply_of(gremium, mid, world.partner_orgs[0])
    assert reply is not None and (reply.answer, reply.via) == ("attends", "link")

    # It works once.
    again = post_form(client, links["attends"], {})
    assert again.status_code == 410
    assert "Dieser Link wurde bereits benutzt" in page(again)
    assert "Sven Sekretariat" in page(again) and World.EMAILS["secretary"] in page(again)

    # The other link of the same mail still changes the answer: "excused".
    changed = post_form(client, links["excused"], {"comment": "Krankheit"})
    assert changed.status_code == 200, page(changed)
    reply = reply_of(gremium, mid, world.partner_orgs[0])
    assert reply is not None and (reply.answer, reply.comment) == ("excused", "Krankheit")

    # Audited as that person, via link; the audit chain still verifies.
    with gremium.db.session() as session:
        records = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "meeting.rsvp")
        ).all()
        assert [(r.actor_id, (r.details or {}).get("via")) for r in records] == [
            (world.partners[0], "link"),
            (world.partners[0], "link"),
        ]
        assert verify(session).ok


def test_the_deputy_link_offers_only_people_of_the_same_organisation(
    client, gremium, world, web_settings
):
    with gremium.unit_of_work(Actor.system()) as work:
        org = directory.organisation_by_ref(work.session, "Rabenhaus")
        nina = directory.add_person(
            work, name="Nina Nachbar", email="nachbar@rabenhaus.example.org", organisation=org
        )
        committee = directory.committee_by_ref(work.session, "TG")
        directory.add_membership_person(work, committee, org, nina, Capacity.DEPUTY)
    mid = invite(gremium, world)
    links = links_in(deliver(gremium, web_settings)[World.EMAILS["partner1"]][0])
    text = page(client.get(links["deputy"]))
    assert "Nina Nachbar" in text
    assert "Vorstand KungerKiez" not in text and "Clara Vorsitz" not in text

    # A person of another organisation typed into the form is refused, as on the CLI.
    refused = post_form(client, links["deputy"], {"deputy": World.EMAILS["partner2"]})
    assert refused.status_code == 422
    assert (
        f"{World.EMAILS['partner2']} gehört nicht zu Rabenhaus und kann sie daher nicht vertreten."
        in page(refused)
    )
    assert reply_of(gremium, mid, world.partner_orgs[0]) is None

    done = post_form(client, links["deputy"], {"deputy": "nachbar@rabenhaus.example.org"})
    assert "Vermerkt: Nina Nachbar vertritt Sie bei „Sitzung im März“." in page(done)
    reply = reply_of(gremium, mid, world.partner_orgs[0])
    assert reply is not None and reply.answer == "deputy"


def test_a_link_is_bound_to_its_person_and_dies_when_expired_revoked_or_the_person_left(
    client, gremium, world, web_settings, clock
):
    mid = invite(gremium, world)
    mails = deliver(gremium, web_settings)
    first = links_in(mails[World.EMAILS["partner1"]][0])
    second = links_in(mails[World.EMAILS["partner2"]][0])

    # Bound to the person: KungerKiez's link answers for KungerKiez, never for Rabenhaus.
    assert "Vorstand KungerKiez" in page(client.get(second["attends"]))
    post_form(client, second["attends"], {})
    assert reply_of(gremium, mid, world.partner_orgs[0]) is None
    assert reply_of(gremium, mid, world.partner_orgs[1]) is not None

    # An unknown token tells nothing but "invalid or expired".
    for token in ("x" * 43, "nope", "a" * 500):
        unknown = client.get(f"/l/{token}")
        assert unknown.status_code == 404
        assert "Dieser Link ist ungültig oder abgelaufen." in page(unknown)

    # Revoked by the secretariat (CLI-equivalent service).
    secretary = Actor(label=World.EMAILS["secretary"], person_id=world.secretary)
    with gremium.unit_of_work(secretary) as work:
        committee = directory.committee_by_ref(work.session, "TG")
        revoked = action_links.revoke(work, committee, person_ref=World.EMAILS["partner1"])
    assert len(revoked) == 4  # attends, excused, deputy, and the conflict of interest (issue 16)
    dead = client.get(first["excused"])
    assert dead.status_code == 410
    assert "Dieser Link wurde von der Geschäftsstelle gesperrt." in page(dead)
    assert reply_of(gremium, mid, world.partner_orgs[0]) is None

    # Expired: the meeting has begun.
    clock.advance_to(dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN))
    late = client.get(second["excused"])
    assert late.status_code == 410
    assert (
        "Dieser Link ist abgelaufen (die Frist endete am Mittwoch, 11. März 2026, 10:00 Uhr)."
        in page(late)
    )


def test_a_person_who_left_the_committee_cannot_use_the_link(client, gremium, world, web_settings):
    mid = invite(gremium, world)
    links = links_in(deliver(gremium, web_settings)[World.EMAILS["partner1"]][0])
    with gremium.unit_of_work(Actor.system()) as work:
        membership = work.session.scalars(
            select(directory.Membership).where(
                directory.Membership.organisation_id == world.partner_orgs[0]
            )
        ).one()
        for mp in list(membership.people):
            work.session.delete(mp)
    gone = client.get(links["attends"])
    assert gone.status_code == 410
    assert "Sie gehören dem Gremium nicht mehr an" in page(gone)
    assert reply_of(gremium, mid, world.partner_orgs[0]) is None


def test_the_token_is_stored_only_as_its_sha256_and_appears_in_no_log(
    client, gremium, world, web_settings, caplog
):
    caplog.set_level(logging.DEBUG)
    invite(gremium, world)
    links = links_in(deliver(gremium, web_settings)[World.EMAILS["partner1"]][0])
    token = links["attends"].removeprefix("/l/")
    post_form(client, links["attends"], {})
    post_form(client, links["attends"], {})  # refused: used
    with gremium.db.session() as session:
        outbox = session.scalars(select(OutboxMessage)).all()
        assert all(token not in (m.body_text or "") + (m.body_html or "") for m in outbox)
        assert all(token not in str(m.context) for m in outbox)
        audit = session.scalars(select(AuditRecord)).all()
        assert all(token not in repr(vars(r)) for r in audit)
        digests = session.scalars(select(ActionLinkToken.token_sha256)).all()
        assert action_links.digest(token) in digests
        assert session.scalars(select(ActionLink)).first() is not None
    assert token not in caplog.text


def test_answers_are_taken_until_the_meeting_starts_and_refused_after(gremium, world):
    mid = invite(gremium, world)
    partner = Actor(label=World.EMAILS["partner1"], person_id=world.partners[0])
    with gremium.unit_of_work(partner) as work, pytest.raises(GremiumError) as wrong:
        rsvp.answer_invitation(work, mid, "vielleicht", via="calendar")
    assert wrong.value.message("de") == (
        "„vielleicht“ ist keine Rückmeldung (erlaubt: attends, excused, deputy, tentative)."
    )
    with gremium.unit_of_work(partner) as work:
        rsvp.answer_invitation(work, mid, "attends", via="calendar")
    with gremium.db.session() as session:
        meeting = session.get(Meeting, mid)
        assert meeting is not None
        expected = rsvp.describe_expected(session, meeting)
        assert expected is not None
        assert expected["counts"] == {
            "attends": 1,
            "excused": 0,
            "deputy": 0,
            "tentative": 0,
            "none": 2,
        }


def test_a_deputy_link_without_anyone_to_name_says_so_and_refuses(
    client, gremium, world, web_settings
):
    mid = invite(gremium, world)
    links = links_in(deliver(gremium, web_settings)[World.EMAILS["partner1"]][0])
    shown = page(client.get(links["deputy"]))
    assert "Für Ihre Organisation ist im Gremium niemand sonst benannt" in shown
    refused = post_form(client, links["deputy"], {})
    assert refused.status_code == 422
    assert "Bitte füllen Sie „Mich vertritt“ aus." in page(refused)
    assert reply_of(gremium, mid, world.partner_orgs[0]) is None


def test_a_client_trying_many_unknown_tokens_is_slowed_down(client, gremium, world, web_settings):
    from governance.web import links as link_pages

    invite(gremium, world)
    good = links_in(deliver(gremium, web_settings)[World.EMAILS["partner1"]][0])
    link_pages._misses.clear()
    for n in range(link_pages.MISSES_PER_CLIENT):
        assert client.get(f"/l/unknown{n}").status_code == 404
    stopped = client.get("/l/unknown-one-more")
    assert stopped.status_code == 429
    assert "Zu viele ungültige Links von Ihrer Verbindung" in page(stopped)
    # Even a good link waits (the prober learns nothing from it); other clients are served.
    assert client.get(good["attends"]).status_code == 429
    other = client.application.test_client()
    other_page = other.get(good["attends"], environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert other_page.status_code == 200
    link_pages._misses.clear()


def test_opening_a_link_writes_nothing_and_the_page_speaks_the_browsers_language(
    client, gremium, world, web_settings
):
    from sqlalchemy import func

    invite(gremium, world)
    links = links_in(deliver(gremium, web_settings)[World.EMAILS["partner1"]][0])

    def counts() -> tuple[int, int, int]:
        with gremium.db.session() as session:
            return (
                session.scalar(select(func.count(AuditRecord.id))) or 0,
                session.scalar(select(func.count(OutboxMessage.id))) or 0,
                session.scalar(select(func.count(ActionLinkToken.id))) or 0,
            )

    before = counts()
    english = client.get(links["excused"], headers={"Accept-Language": "en"})
    client.get(links["deputy"])
    assert counts() == before
    text = page(english)
    assert "Your answer: Sitzung im März on Wednesday, 11 March 2026, 10:00" in text
    assert "Vorstand Rabenhaus, please confirm: you cannot attend the meeting" in text
    assert "I cannot attend" in text


def test_a_link_to_a_cancelled_meeting_says_so_when_opened(client, gremium, world, web_settings):
    mid = invite(gremium, world)
    links = links_in(deliver(gremium, web_settings)[World.EMAILS["partner1"]][0])
    chair = Actor(label=World.EMAILS["chair"], person_id=world.chair)
    with gremium.unit_of_work(chair) as work:
        meeting_service.cancel(work, mid, reason="Raum nicht verfügbar")
    closed = client.get(links["attends"])
    assert closed.status_code == 410
    assert "Dieser Link gilt nicht mehr. Rückmeldungen zur Sitzung" in page(closed)
    assert "wurde abgesagt" in page(closed)
    assert post_form(client, links["attends"], {}).status_code == 410
    assert reply_of(gremium, mid, world.partner_orgs[0]) is None
