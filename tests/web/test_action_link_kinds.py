"""The other action links of issue 14.1, each from the mail its recipient reads (real
SMTP on loopback, German and English) to the link's page (GET changes nothing) to
its confirmation (POST) to the effect where users see it; refused after the
period and after use, with the same messages as the web and the CLI.

- call for proposals: propose an agenda item (title, kind, description);
- circulated minutes: agree, or object with a text;
- signature request: the frozen text and its SHA-256; sign electronically (a rule,
  default off) or say the signed paper is on its way;
- accession applicant: the state of the application (read only);
- action item: done.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from governance.audit_verify import verify
from governance.clock import BERLIN
from governance.models import (
    ActionItem,
    AgendaItem,
    AgreementVersion,
    AuditRecord,
    Committee,
    Meeting,
    Person,
    Signature,
)
from governance.services import (
    accession,
    action_links,
    agreements,
    directory,
    minutes_views,
    proposal_links,
)
from governance.services import meetings as meeting_service
from governance.unit_of_work import Actor
from tests.web.links_support import LINK, deliver, page, smtp_settings
from tests.web.records_support import hold_meeting
from tests.web.support import World, post_form

SYSTEM = Actor.system()
AGREEMENT_TEXT = (
    "§ 1 Zweck\n\nDas Gremium arbeitet für den Bezirk.\n\n§ 2 Mitglieder\n\nAlle Partner."
)


@pytest.fixture
def web_settings(tmp_path):
    """Mail goes to the SMTP server :func:`deliver` starts on loopback."""
    return smtp_settings(tmp_path)


def chair_of(world: World) -> Actor:
    return Actor(label=World.EMAILS["chair"], person_id=world.chair)


def link_after(label: str, text: str) -> str:
    """The path of the link the mail names after *label* (``- label: URL``)."""
    match = re.search(re.escape(label) + r": (\S+)", text)
    assert match, f"no link “{label}” in:\n{text}"
    path = LINK.fullmatch(match.group(1))
    assert path, match.group(1)
    return path.group(1)


def in_english(gremium, email: str) -> None:
    with gremium.unit_of_work(SYSTEM) as work:
        person = work.session.scalars(select(Person).where(Person.email == email)).one()
        person.language = "en"


def audited_via_link(gremium, action: str) -> list[tuple[int | None, str | None]]:
    with gremium.db.session() as session:
        records = session.scalars(
            select(AuditRecord).where(AuditRecord.action == action, AuditRecord.outcome == "done")
        ).all()
        assert verify(session).ok
        return [(r.actor_id, (r.details or {}).get("via")) for r in records]


# --- call for proposals ---


def titles(gremium, mid: int) -> list[str]:
    with gremium.db.session() as session:
        return list(
            session.scalars(
                select(AgendaItem.title).where(AgendaItem.meeting_id == mid).order_by(AgendaItem.id)
            )
        )


def test_a_partner_proposes_an_item_from_the_call_for_proposals(
    client, signed_in, gremium, world, web_settings, clock
):
    with gremium.unit_of_work(chair_of(world)) as work:
        meeting = meeting_service.plan(
            work,
            world.committee_id,
            title="Sitzung im März",
            starts_at="2026-03-11 10:00",
            location="Rathaus Köpenick",
        )
        work.session.flush()
        mid = meeting.id
    in_english(gremium, World.EMAILS["partner2"])
    before = titles(gremium, mid)
    with gremium.unit_of_work(SYSTEM) as work:
        work.fire(work.session.get(Meeting, mid), "call_for_proposals")
    mails = deliver(gremium, web_settings)
    german = mails[World.EMAILS["partner1"]][0]
    assert "Ihr persönlicher Link, um ein Thema vorzuschlagen" in german
    english = mails[World.EMAILS["partner2"]][0]
    assert "Your personal link to propose an item" in english
    link = link_after("Thema vorschlagen", german)
    late_link = link_after("Propose an item", english)
    # The secretariat acts for no organisation: its mail has no link, and says how by reply.
    assert "/l/" not in mails[World.EMAILS["secretary"]][0]

    shown = client.get(link)
    assert shown.status_code == 200
    text = page(shown)
    assert "Thema vorschlagen: Sitzung im März am Mittwoch, 11. März 2026, 10:00 Uhr" in text
    assert "Vorschläge nimmt das Gremium bis Mittwoch, 18. Februar 2026" in text
    assert "zur Beschlussfassung" in text and "Titel des Themas" in text
    assert titles(gremium, mid) == before

    # Refused like the CLI: the kind must be one of the three.
    wrong = post_form(client, link, {"title": "Sommerfest", "kind": "party"})
    assert wrong.status_code == 422
    assert "party" in page(wrong) and "Sommerfest" in page(wrong)

    done = post_form(
        client,
        link,
        {"title": "Sommerfest 2026", "kind": "decision", "description": "Ein Fest im Kiez."},
    )
    assert done.status_code == 200, page(done)
    assert "Ihr Vorschlag „Sommerfest 2026“ für „Sitzung im März“ ist eingegangen." in page(done)

    assert titles(gremium, mid) == [*before, "Sommerfest 2026"]
    chair = signed_in(client.application.test_client(), world.chair)
    meeting_page = page(chair.get(f"/meetings/{mid}"))
    assert "Sommerfest 2026" in meeting_page
    assert audited_via_link(gremium, "agenda.propose") == [(world.partners[0], "link")]

    # The same link takes further proposals until the deadline; its page lists them.
    assert "Noch einen Vorschlag einreichen" in page(done)
    shown = page(client.get(link))
    assert "Bisher von Ihnen eingereicht:" in shown
    assert "„Sommerfest 2026“ (vorgeschlagen)" in shown
    assert "noch 9 weitere Einreichungen an" in shown
    again = post_form(client, link, {"title": "Noch eins", "kind": "information"})
    assert again.status_code == 200, page(again)
    assert titles(gremium, mid) == [*before, "Sommerfest 2026", "Noch eins"]
    assert audited_via_link(gremium, "agenda.propose") == [(world.partners[0], "link")] * 2
    # Sizes are bounded, with the limit said; nothing is proposed.
    too_long = post_form(client, link, {"title": "x" * 301, "kind": "information"})
    assert too_long.status_code == 422
    assert "300" in page(too_long)
    assert len(titles(gremium, mid)) == len(before) + 2
    # So is the number: PROPOSALS_PER_LINK in all, then the link says so.
    for n in range(3, proposal_links.PROPOSALS_PER_LINK + 1):
        more = post_form(client, link, {"title": f"Thema {n}", "kind": "information"})
        assert more.status_code == 200, page(more)
    assert "Noch einen Vorschlag einreichen" not in page(more)
    used_up = post_form(client, link, {"title": "Eins zu viel", "kind": "information"})
    assert used_up.status_code == 410
    assert "Über diesen Link wurden bereits 10 Einreichungen gemacht" in page(used_up)
    assert "Eins zu viel" not in titles(gremium, mid)

    # After the proposal deadline the other partner's link is dead.
    clock.advance_to(dt.datetime(2026, 2, 18, 10, 0, tzinfo=BERLIN))
    late = client.get(late_link)
    assert late.status_code == 410 and "abgelaufen" in page(late)


# --- circulated minutes ---


def circulate(gremium, world: World) -> int:
    held = hold_meeting(gremium, world)
    secretary = Actor(label=World.EMAILS["secretary"], person_id=world.secretary)
    from governance.services import minutes

    with gremium.unit_of_work(secretary) as work:
        minutes.record_notes(work, held.meeting_id, {1: "Das Fest wird vorgestellt."})
    with gremium.unit_of_work(secretary) as work:
        minutes.circulate(work, held.meeting_id)
    return held.meeting_id


def shown_minutes(gremium, mid: int) -> dict:
    with gremium.db.session() as session:
        return minutes_views.describe(session, mid)


def test_partners_agree_with_or_object_to_the_circulated_minutes_from_the_mail(
    client, gremium, world, web_settings, clock
):
    in_english(gremium, World.EMAILS["partner2"])
    mid = circulate(gremium, world)
    mails = deliver(gremium, web_settings)
    german = next(m for m in mails[World.EMAILS["partner1"]] if "Protokoll" in m)
    english = next(m for m in mails[World.EMAILS["partner2"]] if "minutes" in m)
    agree, object_ = (
        link_after("Ich stimme dem Protokoll zu", german),
        link_after("Ich erhebe eine Einwendung", german),
    )
    assert "valid until the objection period ends" in english
    agree_en = link_after("I agree with the minutes", english)

    text = page(client.get(agree))
    assert "Sie stimmen dem Protokoll von „Sitzung des Testgremiums“ in der Fassung 1 zu" in text
    client.get(object_)
    assert shown_minutes(gremium, mid)["agreements"] == []

    done = post_form(client, agree_en, {})
    assert done.status_code == 200, page(done)
    assert "Ihre Zustimmung zur Fassung 1" in page(done)  # the page speaks the browser's language
    assert [a["organisation"] for a in shown_minutes(gremium, mid)["agreements"]] == ["KungerKiez"]

    # Objecting needs a text: refused, nothing recorded, the link still works.
    empty = post_form(client, object_, {"text": "  "})
    assert empty.status_code == 422
    assert shown_minutes(gremium, mid)["objections"] == []
    objected = post_form(client, object_, {"text": "TOP 1: Die Bühne fehlt."})
    assert objected.status_code == 200, page(objected)
    shown = shown_minutes(gremium, mid)
    assert [(o["organisation"], o["text"]) for o in shown["objections"]] == [
        ("Rabenhaus", "TOP 1: Die Bühne fehlt.")
    ]
    assert shown["state"] == "drafting"
    assert audited_via_link(gremium, "minutes.agree") == [(world.partners[1], "link")]

    used = post_form(client, object_, {"text": "Noch etwas."})
    assert used.status_code == 410 and "bereits benutzt" in page(used)
    # Rabenhaus' agree link: the minutes went back to drafting, refused as on the CLI.
    drafting = post_form(client, agree, {})
    assert drafting.status_code == 409
    assert "ist nicht versandt (Stand: im Entwurf)" in page(drafting)


def test_minutes_links_die_with_a_new_revision_and_expire_with_the_objection_period(
    client, gremium, world, web_settings, clock
):
    from governance.services import minutes

    mid = circulate(gremium, world)
    mails = deliver(gremium, web_settings)
    first = next(m for m in mails[World.EMAILS["partner2"]] if "Protokoll" in m)
    old_agree = link_after("Ich stimme dem Protokoll zu", first)
    rabenhaus = Actor(label=World.EMAILS["partner1"], person_id=world.partners[0])
    secretary = Actor(label=World.EMAILS["secretary"], person_id=world.secretary)
    with gremium.unit_of_work(rabenhaus) as work:
        minutes.object_to(work, mid, text="TOP 1 fehlt.")
    with gremium.unit_of_work(secretary) as work:
        minutes.circulate(work, mid)
    # Revision 1's link does not agree with revision 2, which its holder was not sent.
    stale = post_form(client, old_agree, {})
    assert stale.status_code == 410
    assert shown_minutes(gremium, mid)["agreements"] == []

    second = next(
        m for m in deliver(gremium, web_settings)[World.EMAILS["partner2"]] if "Protokoll" in m
    )
    assert "in der überarbeiteten Fassung 2" in second
    agree = link_after("Ich stimme dem Protokoll zu", second)
    assert "in der Fassung 2 zu" in page(client.get(agree))
    deadline = shown_minutes(gremium, mid)["objection_deadline_at"]
    clock.advance_to(deadline + dt.timedelta(minutes=1))
    late = post_form(client, agree, {})
    assert late.status_code == 410 and "abgelaufen" in page(late)
    assert shown_minutes(gremium, mid)["agreements"] == []


# --- signature request ---


def open_agreement(gremium, world: World, *, electronic: bool) -> int:
    with gremium.unit_of_work(SYSTEM) as work:
        committee = work.session.get(Committee, world.committee_id)
        assert committee is not None
        committee.rules = committee.rules.updated({"electronic_signature": electronic})
    with gremium.unit_of_work(chair_of(world)) as work:
        version = agreements.create_agreement(
            work, world.committee_id, title="Kooperationsvereinbarung", text=AGREEMENT_TEXT
        )
        work.session.flush()
        vid = version.id
    with gremium.unit_of_work(chair_of(world)) as work:
        agreements.open_for_signature(work, vid)
    return vid


def test_a_partner_signs_electronically_from_the_signature_request_where_the_rules_allow(
    client, signed_in, gremium, world, web_settings, clock
):
    in_english(gremium, World.EMAILS["partner2"])
    vid = open_agreement(gremium, world, electronic=True)
    mails = deliver(gremium, web_settings)
    german = mails[World.EMAILS["partner1"]][0]
    english = mails[World.EMAILS["partner2"]][0]
    sign = link_after("Elektronisch unterschreiben (mit Ihrem Namen)", german)
    assert link_after("Sign electronically (with your name)", english)
    assert link_after("Die unterschriebene Seite ist per Post unterwegs", german)
    with gremium.db.session() as session:
        version = session.get(AgreementVersion, vid)
        assert version is not None and version.text_sha256
        sha = version.text_sha256
    assert sha in german

    text = page(client.get(sign))
    assert "Unterschrift: Kooperationsvereinbarung, Fassung 1/1" in text
    assert f"seine Prüfsumme (SHA-256) ist {sha}" in text
    assert "Das Gremium arbeitet für den Bezirk." in text  # the frozen text itself
    with gremium.db.session() as session:
        assert session.scalars(select(Signature)).all() == []

    # The typed name must be the signer's: refused with the name to type, nothing signed.
    wrong = post_form(client, sign, {"name": "Jemand Anderes"})
    assert wrong.status_code == 422
    assert "Geben Sie „Vorstand Rabenhaus“ ein." in page(wrong)

    done = post_form(client, sign, {"name": "vorstand  rabenhaus"})
    assert done.status_code == 200, page(done)
    assert f"Rabenhaus hat die Fassung 1/1 elektronisch unterschrieben (SHA-256 {sha})." in page(
        done
    )
    with gremium.db.session() as session:
        signature = session.scalars(select(Signature)).one()
        assert (signature.method, signature.text_sha256) == ("electronic", sha)
        assert signature.place == "elektronisch, gezeichnet: vorstand rabenhaus"
        assert signature.recorded_at == clock.now()
        record = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "agreement.sign_electronic")
        ).one()
        assert "vorstand rabenhaus" not in str(record.details)  # people by id only
        assert record.details["text_sha256"] == sha and record.details["via"] == "link"

    chair = signed_in(client.application.test_client(), world.chair)
    assert "elektronisch" in page(chair.get(f"/committees/{world.committee_id}/agreement"))
    used = post_form(client, sign, {"name": "Vorstand Rabenhaus"})
    assert used.status_code == 410 and "bereits benutzt" in page(used)


def test_without_the_rule_the_link_says_the_signed_paper_is_on_its_way(
    client, signed_in, gremium, world, web_settings, clock
):
    vid = open_agreement(gremium, world, electronic=False)
    mails = deliver(gremium, web_settings)
    german = mails[World.EMAILS["partner1"]][0]
    assert "Elektronisch unterschreiben" not in german
    paper = link_after("Die unterschriebene Seite ist per Post unterwegs", german)
    other = link_after(
        "Die unterschriebene Seite ist per Post unterwegs", mails[World.EMAILS["partner2"]][0]
    )
    assert "Die Seite ist unterwegs" in page(client.get(paper))
    done = post_form(client, paper, {})
    assert done.status_code == 200, page(done)
    assert "Vermerkt: Die unterschriebene Seite von Rabenhaus zur Fassung 1/1 ist unterwegs." in (
        page(done)
    )
    with gremium.db.session() as session:
        version = session.get(AgreementVersion, vid)
        assert version is not None
        shown = agreements.show(session, version)
    on_its_way = {p["organisation"]: p["paper_on_its_way"] for p in shown["parties"]}
    assert on_its_way["Rabenhaus"] and not on_its_way["KungerKiez"]
    secretary = signed_in(client.application.test_client(), world.secretary)
    agreement_page = page(secretary.get(f"/committees/{world.committee_id}/agreement"))
    assert "Papier unterwegs (gemeldet am Montag, 12. Januar 2026)" in agreement_page
    assert post_form(client, paper, {}).status_code == 410

    # Expired after VALID_DAYS; the reminders bring fresh links.
    clock.advance_to(dt.datetime(2026, 3, 14, 9, 0, tzinfo=BERLIN))
    assert client.get(other).status_code == 410


# --- accession applicant ---


def test_the_applicant_sees_the_state_of_the_application_and_nothing_changes(
    client, gremium, world, web_settings, clock
):
    with gremium.unit_of_work(SYSTEM) as work:
        application = accession.apply(
            work,
            world.committee_id,
            org_name="Nachbarschaftsverein Adlershof e.V.",
            short_name="Adlershof",
            kind="association",
            applicant_name="Anna Antrag",
            applicant_email="vorstand@adlershof.example.org",
            language="en",
        )
        work.session.flush()
        aid = application.id
    with gremium.unit_of_work(chair_of(world)) as work:
        accession.review(work, aid)
    with gremium.unit_of_work(chair_of(world)) as work:
        accession.schedule(work, aid)
    mails = deliver(gremium, web_settings)
    english = mails["vorstand@adlershof.example.org"][0]
    assert "You can see the state of your application at any time" in english
    link = link_after("State of the application", english)
    first = client.get(link)
    assert first.status_code == 200
    text = page(first)
    assert "Beitrittsantrag von Nachbarschaftsverein Adlershof e.V." in text
    assert "auf der Tagesordnung der nächsten Sitzung; das Gremium stimmt darüber ab." in text
    assert "<form" not in first.get_data(as_text=True).split("<main", 1)[-1]
    # Read only: it works again and again (a link that only shows is never used up).
    assert client.get(link).status_code == 200
    # Undecided, it shows the state for a year (then 30 days after the decision).
    clock.advance_to(dt.datetime(2027, 1, 13, 9, 0, tzinfo=BERLIN))
    late = client.get(link)
    assert late.status_code == 410 and "abgelaufen" in page(late)


# --- action item ---


def test_the_owner_reports_an_action_item_done_from_its_reminder(
    client, signed_in, gremium, world, web_settings, clock
):
    held = hold_meeting(gremium, world)
    with gremium.unit_of_work(SYSTEM) as work:
        action = work.session.get(ActionItem, held.action_id)
        work.fire(action, "remind_due")
    mails = deliver(gremium, web_settings)
    reminder = next(m for m in mails[World.EMAILS["partner1"]] if "Plakate drucken" in m)
    link = link_after("Aufgabe erledigt", reminder)
    assert "Aufgabe: Plakate drucken" in page(client.get(link))
    with gremium.db.session() as session:
        assert session.get(ActionItem, held.action_id).state == "open"
    done = post_form(client, link, {"note": "300 Stück"})
    assert done.status_code == 200, page(done)
    assert "Die Aufgabe „Plakate drucken“ ist als erledigt vermerkt." in page(done)
    chair = signed_in(client.application.test_client(), world.chair)
    actions = page(chair.get(f"/committees/{world.committee_id}/actions"))
    assert "Plakate drucken" in actions and "300 Stück" in actions
    assert post_form(client, link, {}).status_code == 410


def test_an_action_item_link_expires_after_its_period(client, gremium, world, web_settings, clock):
    in_english(gremium, World.EMAILS["partner1"])
    held = hold_meeting(gremium, world)
    with gremium.unit_of_work(SYSTEM) as work:
        work.fire(work.session.get(ActionItem, held.action_id), "remind_due")
    reminder = next(
        m for m in deliver(gremium, web_settings)[World.EMAILS["partner1"]] if "Plakate" in m
    )
    assert "When the task is done, confirm it with your personal link" in reminder
    link = link_after("Task done", reminder)
    # Valid until 60 days after the due date (28 January): 28 March, end of day.
    clock.advance_to(dt.datetime(2026, 3, 28, 23, 0, tzinfo=BERLIN))
    assert client.get(link).status_code == 200
    clock.advance_to(dt.datetime(2026, 3, 30, 9, 0, tzinfo=BERLIN))
    late = post_form(client, link, {})
    assert late.status_code == 410 and "abgelaufen" in page(late)
    with gremium.db.session() as session:
        assert session.get(ActionItem, held.action_id).state == "open"


def test_every_purpose_is_registered_once():
    names = {
        "agenda.propose",
        "minutes.agree",
        "minutes.object",
        "agreement.sign_electronic",
        "agreement.paper_on_its_way",
        "accession.state",
        "action_item.done",
    }
    for name in names:
        assert action_links.purpose_of(name).name == name
    assert directory  # (imported for the fixtures' helpers)


def test_a_partner_agrees_on_the_minutes_page_and_the_secretariat_sees_it(
    client, signed_in, gremium, world
):
    mid = circulate(gremium, world)
    partner = signed_in(client, world.partners[0])
    response = post_form(partner, f"/meetings/{mid}/minutes/agree", {})
    assert response.status_code == 303
    secretary = signed_in(client.application.test_client(), world.secretary)
    text = page(secretary.get(f"/meetings/{mid}/minutes"))
    assert "Rabenhaus (Vorstand Rabenhaus) stimmt der Fassung 1 zu" in text
    assert "Dem Protokoll zustimmen" not in text  # the secretariat acts for no organisation
    twice = post_form(partner, f"/meetings/{mid}/minutes/agree", {})
    assert twice.status_code == 409
    assert "Rabenhaus hat der Fassung 1 dieses Protokolls bereits zugestimmt" in page(twice)
