"""Accession in the browser (issue 13): the secretariat records an application that
came on paper, the chair reviews it, puts it on the agenda and records the decision
with its vote counts (whole numbers, refused otherwise), a withdrawal is recorded;
a partner sees none of these forms and its posts change nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from governance.bootstrap import App
from governance.models import AccessionApplication, AuditRecord, Organisation, Person
from governance.services import accession
from governance.unit_of_work import Actor
from tests.web.support import World, post_form
from tests.web.test_committee_pages import apply_for_accession, html_of, text_in

APPLICATION = {
    "org_name": "Stadtteilzentrum Allende e. V.",
    "short_name": "Allende",
    "kind": "association",
    "applicant_name": "Vorstand Allende",
    "applicant_email": "vorstand@allende.example.org",
    "function_title": "Vorstand",
    "language": "de",
    "motivation": "Jugendarbeit im Allende-Viertel",
}


def base(world: World) -> str:
    return f"/committees/{world.committee_id}/accessions"


def applications(gremium: App) -> list[tuple[str, str]]:
    with gremium.db.session() as session:
        rows = session.execute(select(AccessionApplication).order_by(AccessionApplication.id))
        return [(a.organisation.short_name, a.state) for a in rows.scalars()]


def test_the_secretariat_records_an_application_audited_as_the_secretary(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.secretary)
    assert "Beitrittsantrag erfassen" in html_of(client.get(base(world)))

    response = post_form(client, base(world), APPLICATION, follow_redirects=True)

    html = html_of(response)
    assert text_in(html, "von Allende ist erfasst: beantragt.")
    assert "Stadtteilzentrum Allende e. V." in html and "Jugendarbeit im Allende-Viertel" in html
    assert applications(gremium) == [("Allende", "applied")]
    with gremium.db.session() as session:
        record = session.execute(
            select(AuditRecord).where(AuditRecord.action == "apply")
        ).scalar_one()
        assert record.actor == f"person:{world.secretary}"


def test_an_application_with_a_bad_address_is_refused_keeping_what_was_typed(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.secretary)

    response = post_form(
        client, base(world), {**APPLICATION, "applicant_email": "vorstand-at-allende"}
    )

    html = html_of(response)
    assert response.status_code == 422
    assert 'role="alert"' in html and "vorstand-at-allende" in html
    assert 'value="Stadtteilzentrum Allende e. V."' in html
    assert applications(gremium) == []
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).where(Organisation.short_name == "Allende")) == 0


def test_a_partner_sees_no_application_form_and_its_post_is_refused_with_403(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.partners[0])
    assert "Beitrittsantrag erfassen" not in html_of(client.get(base(world)))

    response = post_form(client, base(world), APPLICATION)

    assert response.status_code == 403
    assert applications(gremium) == []
    with gremium.db.session() as session:
        assert (
            session.scalar(
                select(func.count()).where(Person.email == APPLICATION["applicant_email"])
            )
            == 0
        )


def test_a_post_without_the_csrf_token_is_refused(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.secretary)
    assert client.post(base(world), data=APPLICATION).status_code == 400
    assert applications(gremium) == []


def _on_agenda(gremium: App, world: World) -> int:
    aid = apply_for_accession(gremium, world.committee_id)
    with gremium.unit_of_work(World.EMAILS["chair"]) as uow:
        accession.review(uow, aid)
        accession.schedule(uow, aid)
    return aid


def test_the_chair_records_the_decision_with_its_vote_counts(
    client, signed_in, world: World, gremium: App, clock
) -> None:
    aid = _on_agenda(gremium, world)
    signed_in(client, world.chair)
    assert "Beschluss des Gremiums erfassen" in html_of(client.get(base(world)))

    response = post_form(
        client,
        f"{base(world)}/{aid}/decide",
        {
            f"yes_{aid}": "2",
            f"no_{aid}": "0",
            f"abstain_{aid}": "1",
            f"decided_on_{aid}": clock.now().date().isoformat(),
        },
        follow_redirects=True,
    )

    assert "2 ja, 0 nein, 1 Enthaltung – aufgenommen" in html_of(response)
    assert applications(gremium) == [("Kosmosviertel", "accepted")]


def test_vote_counts_that_are_no_whole_numbers_are_refused_and_change_nothing(
    client, signed_in, world: World, gremium: App
) -> None:
    aid = _on_agenda(gremium, world)
    signed_in(client, world.chair)
    path = f"{base(world)}/{aid}/decide"

    half = post_form(client, path, {f"yes_{aid}": "1.5", f"no_{aid}": "0", f"abstain_{aid}": "0"})
    negative = post_form(
        client, path, {f"yes_{aid}": "2", f"no_{aid}": "-1", f"abstain_{aid}": "0"}
    )
    too_many = post_form(client, path, {f"yes_{aid}": "9", f"no_{aid}": "0", f"abstain_{aid}": "0"})

    assert half.status_code == negative.status_code == too_many.status_code == 422
    assert text_in(html_of(half), "1.5 ist keine Anzahl; erlaubt: eine ganze Zahl ab 0.")
    assert text_in(html_of(negative), "-1 ist keine Anzahl")
    assert "9 Stimmen sind mehr als die 3 stimmberechtigten Mitglieder" in html_of(too_many)
    assert 'value="9"' in html_of(too_many)  # what was typed is kept
    assert applications(gremium) == [("Kosmosviertel", "on_agenda")]


def test_the_secretariat_may_not_decide_but_records_a_withdrawal(
    client, signed_in, world: World, gremium: App
) -> None:
    aid = _on_agenda(gremium, world)
    signed_in(client, world.secretary)
    page = html_of(client.get(base(world)))
    assert f"/{aid}/decide" not in page and f"/{aid}/withdraw" in page

    decided = post_form(
        client,
        f"{base(world)}/{aid}/decide",
        {f"yes_{aid}": "3", f"no_{aid}": "0", f"abstain_{aid}": "0"},
    )
    assert decided.status_code == 403
    assert applications(gremium) == [("Kosmosviertel", "on_agenda")]

    withdrawn = post_form(
        client,
        f"{base(world)}/{aid}/withdraw",
        {f"withdraw_reason_{aid}": "Der Verein hat sich anders entschieden."},
        follow_redirects=True,
    )
    assert "Antrag von Kosmosviertel: zurückgezogen." in html_of(withdrawn)
    assert applications(gremium) == [("Kosmosviertel", "withdrawn")]


def test_a_partner_may_not_withdraw_another_organisations_application(
    client, signed_in, world: World, gremium: App
) -> None:
    aid = apply_for_accession(gremium, world.committee_id)
    signed_in(client, world.partners[0])

    response = post_form(client, f"{base(world)}/{aid}/withdraw")

    assert response.status_code == 403
    assert applications(gremium) == [("Kosmosviertel", "applied")]


def test_the_accession_forms_speak_english(client, signed_in, world: World, gremium: App) -> None:
    aid = _on_agenda(gremium, world)
    with gremium.unit_of_work(Actor.system()) as uow:
        person = uow.session.get(Person, world.chair)
        assert person is not None
        person.language = "en"
    signed_in(client, world.chair)

    page = html_of(client.get(base(world)))
    refusal = post_form(
        client, f"{base(world)}/{aid}/decide", {f"yes_{aid}": "x", f"no_{aid}": "0"}
    )

    assert "Record an application for accession" in page and "Votes in favour" in page
    assert "x is not a count; allowed: a whole number of 0 or more." in html_of(refusal)
