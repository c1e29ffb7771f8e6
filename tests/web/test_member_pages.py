"""Members and secretariat in the browser (issue 13): the chair or secretariat adds a
member organisation of the directory with its people, the chair takes a person into
the secretariat; refusals stand next to the form, a partner changes nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from governance.bootstrap import App
from governance.models import (
    AccessionApplication,
    AuditRecord,
    Membership,
    OrganisationKind,
    SecretariatMember,
    Signature,
)
from governance.services import directory
from governance.unit_of_work import Actor
from tests.web.support import World, post_form
from tests.web.test_committee_pages import html_of, text_in

NEW_REP = "leitung@allende.example.org"
NEW_SECRETARY = "sabine.sekretariat@ba-tk.example.org"


def _directory(gremium: App) -> None:
    """An organisation with its head, and a colleague of the district office, in the
    directory but in no committee yet."""
    with gremium.unit_of_work(Actor.system()) as uow:
        org = directory.add_organisation(
            uow,
            name="Stadtteilzentrum Allende e. V.",
            short_name="Allende",
            kind=OrganisationKind.ASSOCIATION,
        )
        directory.add_person(uow, name="Leitung Allende", email=NEW_REP, organisation=org)
        office = directory.organisation_by_ref(uow.session, "BA TK")
        directory.add_person(
            uow, name="Sabine Sekretariat", email=NEW_SECRETARY, organisation=office
        )


def memberships(gremium: App, world: World) -> int:
    with gremium.db.session() as session:
        return int(
            session.scalar(
                select(func.count()).where(Membership.committee_id == world.committee_id)
            )
            or 0
        )


def test_the_secretariat_adds_a_member_organisation_with_its_representative(
    client, signed_in, world: World, gremium: App
) -> None:
    _directory(gremium)
    signed_in(client, world.secretary)
    page = html_of(client.get(f"/committees/{world.committee_id}"))
    assert "Organisation als Mitglied aufnehmen" in page
    assert '<option value="Allende">' in page and '<option value="Rabenhaus">' not in page

    response = post_form(
        client,
        f"/committees/{world.committee_id}/members",
        {
            "organisation": "Allende",
            "role": "member",
            "voting": "",
            "starts_on": "",
            "representatives": NEW_REP,
            "deputies": "",
        },
        follow_redirects=True,
    )

    html = html_of(response)
    assert "Allende ist Mitglied von TG als Mitglied ab" in html
    assert "Stadtteilzentrum Allende e. V." in html and NEW_REP in html
    assert memberships(gremium, world) == 4
    with gremium.db.session() as session:
        record = (
            session.execute(
                select(AuditRecord)
                .where(AuditRecord.action.like("membership.%"))
                .order_by(AuditRecord.id.desc())
            )
            .scalars()
            .first()
        )
        assert record is not None and record.actor == f"person:{world.secretary}"


def test_a_member_without_a_representative_or_with_an_unknown_one_is_refused(
    client, signed_in, world: World, gremium: App
) -> None:
    _directory(gremium)
    signed_in(client, world.chair)
    path = f"/committees/{world.committee_id}/members"

    nobody = post_form(client, path, {"organisation": "Allende", "representatives": " "})
    unknown = post_form(
        client, path, {"organisation": "Allende", "representatives": "wer@nirgends.example.org"}
    )
    voting_guest = post_form(
        client,
        path,
        {"organisation": "Allende", "role": "guest", "voting": "yes", "representatives": NEW_REP},
    )

    assert nobody.status_code == 422
    assert "Bitte mindestens eine Vertreter:in angeben" in html_of(nobody)
    assert unknown.status_code in (404, 422)
    assert "wer@nirgends.example.org" in html_of(unknown)  # in the message and the form
    assert voting_guest.status_code == 422 and 'role="alert"' in html_of(voting_guest)
    assert memberships(gremium, world) == 3


def test_a_partner_sees_no_member_or_secretariat_form_and_its_posts_are_refused(
    client, signed_in, world: World, gremium: App
) -> None:
    _directory(gremium)
    signed_in(client, world.partners[0])
    page = html_of(client.get(f"/committees/{world.committee_id}"))
    assert "/members" not in page and "/secretariat" not in page

    member = post_form(
        client,
        f"/committees/{world.committee_id}/members",
        {"organisation": "Allende", "representatives": NEW_REP},
    )
    secretary = post_form(
        client, f"/committees/{world.committee_id}/secretariat", {"email": NEW_SECRETARY}
    )

    assert (member.status_code, secretary.status_code) == (403, 403)
    assert memberships(gremium, world) == 3
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).select_from(SecretariatMember)) == 1


def test_the_chair_takes_a_person_into_the_secretariat_once(
    client, signed_in, world: World, gremium: App
) -> None:
    _directory(gremium)
    signed_in(client, world.chair)
    path = f"/committees/{world.committee_id}/secretariat"

    added = post_form(client, path, {"email": NEW_SECRETARY}, follow_redirects=True)
    again = post_form(client, path, {"email": NEW_SECRETARY})
    unknown = post_form(client, path, {"email": "wer@nirgends.example.org"})

    assert text_in(html_of(added), f"{NEW_SECRETARY} gehört jetzt zur Geschäftsstelle von TG.")
    assert "Sabine Sekretariat" in html_of(added)
    assert again.status_code == 409 and 'role="alert"' in html_of(again)
    assert unknown.status_code in (404, 422)
    assert 'value="wer@nirgends.example.org"' in html_of(unknown)
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).select_from(SecretariatMember)) == 2


def test_the_secretariat_may_not_add_to_the_secretariat_and_sees_no_form(
    client, signed_in, world: World, gremium: App
) -> None:
    _directory(gremium)
    signed_in(client, world.secretary)
    assert "Person in die Geschäftsstelle aufnehmen" not in html_of(
        client.get(f"/committees/{world.committee_id}")
    )

    response = post_form(
        client, f"/committees/{world.committee_id}/secretariat", {"email": NEW_SECRETARY}
    )

    assert response.status_code == 403
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).select_from(SecretariatMember)) == 1


def test_a_post_without_the_csrf_token_adds_nobody(
    client, signed_in, world: World, gremium: App
) -> None:
    _directory(gremium)
    signed_in(client, world.chair)

    answer = client.post(
        f"/committees/{world.committee_id}/members",
        data={"organisation": "Allende", "representatives": NEW_REP},
    )

    assert answer.status_code == 400
    assert memberships(gremium, world) == 3


def test_a_person_of_another_committee_gets_404_for_every_new_form(
    client, signed_in, world: World, gremium: App
) -> None:
    from tests.web.test_committee_pages import apply_for_accession, open_agreement

    _directory(gremium)
    vid, digest = open_agreement(gremium, world.committee_id)
    aid = apply_for_accession(gremium, world.committee_id)
    signed_in(client, world.outsider)
    c = f"/committees/{world.committee_id}"
    posts = {
        f"{c}/agreement": {"title": "KV", "text": "§ 1"},
        f"{c}/agreement/{vid}/amend": {"text": "§ 1 neu"},
        f"{c}/agreement/{vid}/schedule": {},
        f"{c}/agreement/{vid}/open": {},
        f"{c}/agreement/{vid}/ceremony": {
            "held_on": "2026-01-12",
            "ceremony_place": "X",
            "party_1": "Rabenhaus",
            "signatory_1": World.EMAILS["partner1"],
            "text_sha256": digest,
        },
        f"{c}/agreement/{vid}/remind": {},
        f"{c}/agreement/{vid}/terminate": {"ended_on": "2026-01-12", "reason": "x"},
        f"{c}/accessions": {
            "org_name": "X e. V.",
            "short_name": "X",
            "kind": "association",
            "applicant_name": "X",
            "applicant_email": "x@x.example.org",
        },
        f"{c}/accessions/{aid}/decide": {
            f"yes_{aid}": "3",
            f"no_{aid}": "0",
            f"abstain_{aid}": "0",
        },
        f"{c}/accessions/{aid}/withdraw": {},
        f"{c}/members": {"organisation": "Allende", "representatives": NEW_REP},
        f"{c}/secretariat": {"email": NEW_SECRETARY},
    }

    answers = {path: post_form(client, path, data).status_code for path, data in posts.items()}

    assert answers == dict.fromkeys(posts, 404)
    assert memberships(gremium, world) == 3
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).select_from(SecretariatMember)) == 1
        assert session.scalar(select(func.count()).select_from(Signature)) == 0
        application = session.get(AccessionApplication, aid)
        assert application is not None and application.state == "applied"
        assert session.scalar(select(func.count()).select_from(AccessionApplication)) == 1


def test_the_member_forms_speak_english_to_an_english_reader(
    client, signed_in, world: World, gremium: App
) -> None:
    from governance.models import Person

    with gremium.unit_of_work(Actor.system()) as uow:
        person = uow.session.get(Person, world.chair)
        assert person is not None
        person.language = "en"
    signed_in(client, world.chair)

    page = html_of(client.get(f"/committees/{world.committee_id}"))
    refusal = post_form(
        client, f"/committees/{world.committee_id}/members", {"organisation": "Rabenhaus"}
    )

    assert "Add an organisation as a member" in page and "Add a person to the secretariat" in page
    assert "Please give at least one representative (e-mail address)." in html_of(refusal)
