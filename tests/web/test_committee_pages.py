"""The committee's pages: members and roles, the rules of procedure (the chair edits
them), the agreement with its signatures and documents, accessions and
withdrawals; another committee's people find none of them."""

from __future__ import annotations

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from governance.bootstrap import App
from governance.errors import GremiumError
from governance.models import (
    AccessionApplication,
    AgreementVersion,
    AuditRecord,
    Committee,
    Membership,
    Person,
    Signature,
)
from governance.services import accession, agreements, directory, rules_of_procedure
from governance.unit_of_work import Actor
from tests.web.support import World, post_form

SYSTEM = Actor.system()
CHAIR_EMAIL = World.EMAILS["chair"]
PARTNER_EMAIL = World.EMAILS["partner1"]


def open_agreement(gremium: App, committee_id: int) -> tuple[int, str]:
    with gremium.unit_of_work(SYSTEM) as uow:
        committee = directory.committee_by_ref(uow.session, committee_id)
        version = agreements.create_agreement(
            uow, committee, title="Kooperationsvereinbarung", text="§ 1 Zweck.\n\n§ 2 Dauer."
        )
        agreements.open_for_signature(uow, version)
        assert version.text_sha256
        return version.id, version.text_sha256


def apply_for_accession(gremium: App, committee_id: int) -> int:
    with gremium.unit_of_work(SYSTEM) as uow:
        committee = directory.committee_by_ref(uow.session, committee_id)
        return accession.apply(
            uow,
            committee,
            org_name="Stadtteilarbeit Kosmosviertel e. V.",
            short_name="Kosmosviertel",
            kind="association",
            applicant_name="Vorstand Kosmosviertel",
            applicant_email="vorstand@kosmosviertel.example.org",
            motivation="Nachbarschaftsarbeit",
        ).id


def rules_of(gremium: App, committee_id: int) -> dict[str, object]:
    with gremium.db.session() as session:
        committee = session.get(Committee, committee_id)
        assert committee is not None
        return committee.rules.to_dict()


def cli_refusal(gremium: App, actor: str, settings: dict[str, str]) -> str:
    """The message the command line shows for the same change (same service function)."""
    with pytest.raises(GremiumError) as refused, gremium.unit_of_work(actor) as uow:
        rules_of_procedure.change_rules(uow, "TG", settings)
    return refused.value.message("de")


def html_of(response) -> str:  # type: ignore[no-untyped-def]
    return str(response.get_data(as_text=True))


def text_in(html: str, text: str) -> bool:
    """*text* as the page shows it (escaped as HTML)."""
    return str(escape(text)) in html


# --- members and roles ---


def test_the_committee_page_lists_chair_secretariat_and_members_with_their_people(
    client, signed_in, world: World
) -> None:
    signed_in(client, world.partners[0])

    html = html_of(client.get(f"/committees/{world.committee_id}"))

    assert "Testgremium" in html
    assert "Bezirksamt Treptow-Köpenick, OE SPK" in html and "Clara Vorsitz" in html
    assert "Sven Sekretariat" in html
    assert "Rabenhaus e. V." in html and "Vorstand Rabenhaus" in html
    assert "KungerKiez e. V." in html and "vorstand@kungerkiez.example.org" in html
    assert "Meine Rolle</" not in html and "Meine Rolle: Vertretung" in html
    assert '<th scope="col">' in html and "<caption>" in html


def test_the_committee_page_is_english_for_a_person_who_reads_english(
    client, signed_in, world: World, gremium: App
) -> None:
    with gremium.unit_of_work(SYSTEM) as uow:
        person = uow.session.get(Person, world.chair)
        assert person is not None
        person.language = "en"
    signed_in(client, world.chair)

    html = html_of(client.get(f"/committees/{world.committee_id}"))

    assert "Chair and secretariat" in html and "My role: chair" in html


# --- another committee's people ---

PAGES = ["", "/rules", "/agreement", "/accessions", "/withdrawals"]


@pytest.mark.parametrize("page", PAGES)
def test_a_person_of_another_committee_gets_404_for_every_page(
    client, signed_in, world: World, page: str
) -> None:
    signed_in(client, world.outsider)

    assert client.get(f"/committees/{world.committee_id}{page}").status_code == 404
    # and the same for a committee that does not exist: nothing is revealed
    assert client.get(f"/committees/999{page}").status_code == 404


def test_a_person_of_another_committee_changes_nothing_with_a_post(
    client, signed_in, world: World, gremium: App
) -> None:
    version_id, digest = open_agreement(gremium, world.committee_id)
    application_id = apply_for_accession(gremium, world.committee_id)
    rules_before = rules_of(gremium, world.committee_id)
    signed_in(client, world.outsider)
    cid = world.committee_id

    answers = [
        post_form(client, f"/committees/{cid}/rules", {"invitation_lead_days": "30"}),
        post_form(
            client,
            f"/committees/{cid}/agreement/{version_id}/signatures",
            {
                "organisation": "Rabenhaus",
                "signatory": PARTNER_EMAIL,
                "signed_on": "2026-01-12",
                "place": "Berlin",
                "method": "ink",
                "text_sha256": digest,
            },
        ),
        post_form(client, f"/committees/{cid}/accessions/{application_id}/review"),
        post_form(client, f"/committees/{cid}/withdrawals", {"organisation": "Rabenhaus"}),
        client.get(f"/committees/{cid}/agreement/{version_id}/document.html"),
    ]

    assert [a.status_code for a in answers] == [404] * len(answers)
    assert rules_of(gremium, cid) == rules_before
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Signature)) == 0
        application = session.get(AccessionApplication, application_id)
        assert application is not None and application.state == "applied"
        assert session.scalar(select(func.count()).where(Membership.state == "leaving")) == 0


def test_a_version_of_another_committee_is_not_found_on_this_committees_page(
    client, signed_in, world: World, gremium: App
) -> None:
    other_version, _ = open_agreement(gremium, world.other_committee_id)
    signed_in(client, world.chair)

    response = client.get(f"/committees/{world.committee_id}/agreement?version={other_version}")

    assert response.status_code == 404


# --- rules of procedure ---


def test_the_chair_changes_the_rules_and_the_change_is_audited_as_the_chair(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.chair)
    page = html_of(client.get(f"/committees/{world.committee_id}/rules"))
    assert '<label for="invitation_lead_days">' in page and 'name="tacit_approval"' in page

    response = post_form(
        client,
        f"/committees/{world.committee_id}/rules",
        {"invitation_lead_days": "21", "tacit_approval": "false", "quorum_share": "2/3"},
        follow_redirects=True,
    )

    assert "Die Geschäftsordnung ist gespeichert." in html_of(response)
    rules = rules_of(gremium, world.committee_id)
    assert (rules["invitation_lead_days"], rules["tacit_approval"], rules["quorum_share"]) == (
        21,
        False,
        "2/3",
    )
    with gremium.db.session() as session:
        record = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "committee.rules")
        ).one()
        assert record.actor == f"person:{world.chair}"


def test_a_bad_value_is_refused_with_the_clis_message_and_what_was_typed_is_kept(
    client, signed_in, world: World, gremium: App
) -> None:
    before = rules_of(gremium, world.committee_id)
    signed_in(client, world.chair)

    response = post_form(
        client,
        f"/committees/{world.committee_id}/rules",
        {"invitation_lead_days": "vierzehn", "reminder_days": "3"},
    )

    html = html_of(response)
    assert response.status_code == 422
    message = cli_refusal(gremium, CHAIR_EMAIL, {"invitation_lead_days": "vierzehn"})
    assert "invitation_lead_days" in message
    assert text_in(html, message)
    assert 'value="vierzehn"' in html and 'value="3"' in html
    assert rules_of(gremium, world.committee_id) == before


def test_a_partner_reads_the_rules_without_a_form_and_a_post_is_refused_as_on_the_cli(
    client, signed_in, world: World, gremium: App
) -> None:
    before = rules_of(gremium, world.committee_id)
    signed_in(client, world.partners[0])

    page = html_of(client.get(f"/committees/{world.committee_id}/rules"))
    assert "Ladungsfrist" in page or "invitation_lead_days" in page
    assert 'action="/committees/' not in page.split("</header>", 1)[1].replace(
        'action="/sign-out"', ""
    )
    assert "Nur der Vorsitz kann die Geschäftsordnung ändern." in page

    response = post_form(
        client, f"/committees/{world.committee_id}/rules", {"invitation_lead_days": "30"}
    )

    assert response.status_code == 422
    message = cli_refusal(gremium, PARTNER_EMAIL, {"invitation_lead_days": "30"})
    assert text_in(html_of(response), message)
    assert rules_of(gremium, world.committee_id) == before


# --- the agreement ---


def test_the_secretariat_records_a_signature_given_on_paper(
    client, signed_in, world: World, gremium: App
) -> None:
    version_id, digest = open_agreement(gremium, world.committee_id)
    signed_in(client, world.secretary)
    page = html_of(client.get(f"/committees/{world.committee_id}/agreement"))
    assert "Unterschrift auf Papier erfassen" in page and digest in page

    response = post_form(
        client,
        f"/committees/{world.committee_id}/agreement/{version_id}/signatures",
        {
            "organisation": "Rabenhaus",
            "signatory": PARTNER_EMAIL,
            "signed_on": "2026-01-12",
            "place": "Berlin-Adlershof",
            "method": "ink",
            "text_sha256": digest,
        },
        follow_redirects=True,
    )

    html = html_of(response)
    assert "Die Unterschrift von Rabenhaus (Vorstand Rabenhaus) ist erfasst." in html
    assert "Berlin-Adlershof" in html and "1 von 3" in html
    with gremium.db.session() as session:
        signature = session.scalars(select(Signature)).one()
        assert signature.recorded_by_id == world.secretary


def test_a_signature_for_a_stale_text_is_refused_and_the_form_keeps_what_was_typed(
    client, signed_in, world: World, gremium: App
) -> None:
    version_id, _ = open_agreement(gremium, world.committee_id)
    signed_in(client, world.secretary)

    response = post_form(
        client,
        f"/committees/{world.committee_id}/agreement/{version_id}/signatures",
        {
            "organisation": "Rabenhaus",
            "signatory": PARTNER_EMAIL,
            "signed_on": "2026-01-12",
            "place": "Treptow",
            "method": "ink",
            "text_sha256": "0" * 64,
        },
    )

    html = html_of(response)
    assert response.status_code == 409
    assert 'value="Treptow"' in html and f'value="{PARTNER_EMAIL}"' in html
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Signature)) == 0


def test_a_partner_sees_the_signatures_but_no_form_to_record_one(
    client, signed_in, world: World, gremium: App
) -> None:
    open_agreement(gremium, world.committee_id)
    signed_in(client, world.partners[1])

    html = html_of(client.get(f"/committees/{world.committee_id}/agreement"))

    assert "Unterschrift ausstehend" in html
    assert "Unterschrift auf Papier erfassen" not in html


def test_the_agreement_document_is_there_as_html_and_as_pdf(
    client, signed_in, world: World, gremium: App
) -> None:
    version_id, digest = open_agreement(gremium, world.committee_id)
    signed_in(client, world.partners[0])
    base = f"/committees/{world.committee_id}/agreement/{version_id}/document"

    html = client.get(f"{base}.html")
    pdf = client.get(f"{base}.pdf")

    assert html.status_code == 200 and "§ 1 Zweck." in html.get_data(as_text=True)
    assert digest in html.get_data(as_text=True)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert pdf.data.startswith(b"%PDF")
    assert "attachment" in pdf.headers["Content-Disposition"]
    assert client.get(f"{base}.docx").status_code == 404


# --- accessions ---


def test_the_chair_takes_an_application_up_for_review_and_puts_it_on_the_agenda(
    client, signed_in, world: World, gremium: App
) -> None:
    application_id = apply_for_accession(gremium, world.committee_id)
    signed_in(client, world.chair)
    base = f"/committees/{world.committee_id}/accessions"
    assert "Stadtteilarbeit Kosmosviertel e. V." in html_of(client.get(base))

    reviewed = post_form(client, f"{base}/{application_id}/review", follow_redirects=True)

    assert "Antrag von Kosmosviertel: in Prüfung." in html_of(reviewed)
    with gremium.db.session() as session:
        application = session.get(AccessionApplication, application_id)
        assert application is not None and application.state == "under_review"


def test_a_rejection_without_a_reason_is_refused_next_to_its_form(
    client, signed_in, world: World, gremium: App
) -> None:
    application_id = apply_for_accession(gremium, world.committee_id)
    signed_in(client, world.chair)
    base = f"/committees/{world.committee_id}/accessions"

    response = post_form(
        client, f"{base}/{application_id}/reject", {f"reason_{application_id}": " "}
    )

    assert response.status_code == 422
    assert 'role="alert"' in html_of(response)
    with gremium.db.session() as session:
        application = session.get(AccessionApplication, application_id)
        assert application is not None and application.state == "applied"


def test_a_partner_sees_the_applications_but_no_action_and_a_post_is_refused(
    client, signed_in, world: World, gremium: App
) -> None:
    application_id = apply_for_accession(gremium, world.committee_id)
    signed_in(client, world.partners[0])
    base = f"/committees/{world.committee_id}/accessions"

    html = html_of(client.get(base))
    response = post_form(client, f"{base}/{application_id}/review")

    assert "Kosmosviertel" in html and "/review" not in html
    assert response.status_code == 403
    with gremium.db.session() as session:
        application = session.get(AccessionApplication, application_id)
        assert application is not None and application.state == "applied"


# --- withdrawals ---


def test_the_secretariat_records_a_notice_and_it_is_listed_with_its_end(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.secretary)
    base = f"/committees/{world.committee_id}/withdrawals"
    assert "Niemand hat den Austritt erklärt." in html_of(client.get(base))

    response = post_form(
        client,
        base,
        {"organisation": "KungerKiez", "given_on": "2026-01-12"},
        follow_redirects=True,
    )

    html = html_of(response)
    assert "Der Austritt von KungerKiez ist erfasst; ausgeschieden ab 2026-04-12." in html
    assert "KungerKiez e. V." in html and "Austritt erklärt" in html
    assert "Austritt von KungerKiez zurücknehmen" in html
    with gremium.db.session() as session:
        person = session.get(Person, world.secretary)
        assert person is not None
        assert (
            session.scalar(
                select(func.count()).where(
                    AuditRecord.action == "give_notice", AuditRecord.actor == f"person:{person.id}"
                )
            )
            == 1
        )


def test_a_notice_dated_in_the_future_is_refused_and_changes_nothing(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.secretary)

    response = post_form(
        client,
        f"/committees/{world.committee_id}/withdrawals",
        {"organisation": "KungerKiez", "given_on": "2027-01-01"},
    )

    assert response.status_code == 422
    assert 'value="2027-01-01"' in html_of(response)
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).where(Membership.state == "leaving")) == 0


ENGLISH_TITLES = {
    "": "Chair and secretariat",
    "/rules": "Rules of procedure of TG",
    "/agreement": "Cooperation agreement of TG",
    "/accessions": "Accessions to TG",
    "/withdrawals": "Withdrawals from TG",
}


@pytest.mark.parametrize("page", PAGES)
def test_every_committee_page_is_german_by_default_and_english_for_an_english_reader(
    client, signed_in, world: World, gremium: App, page: str
) -> None:
    signed_in(client, world.secretary)
    german = html_of(client.get(f"/committees/{world.committee_id}{page}"))
    with gremium.unit_of_work(SYSTEM) as uow:
        person = uow.session.get(Person, world.secretary)
        assert person is not None
        person.language = "en"

    english = html_of(client.get(f"/committees/{world.committee_id}{page}"))

    assert 'lang="de"' in german and ENGLISH_TITLES[page] not in german
    assert 'lang="en"' in english and ENGLISH_TITLES[page] in english


def test_a_rules_form_read_before_another_change_is_refused_showing_both(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.chair)
    page = html_of(client.get(f"/committees/{world.committee_id}/rules"))
    seen = page.split('name="version" value="', 1)[1].split('"', 1)[0]
    # meanwhile the rules change (another chair's person, or the command line)
    with gremium.unit_of_work(CHAIR_EMAIL) as uow:
        rules_of_procedure.change_rules(uow, world.committee_id, {"reminder_days": "5"})

    response = post_form(
        client,
        f"/committees/{world.committee_id}/rules",
        {"version": seen, "reminder_days": "2", "invitation_lead_days": "28"},
    )

    html = html_of(response)
    assert response.status_code == 409
    assert "wurde inzwischen von jemand anderem geändert" in html
    assert 'value="28"' in html and "gespeichert ist: 5" in html
    rules = rules_of(gremium, world.committee_id)
    assert (rules["reminder_days"], rules["invitation_lead_days"]) == (5, 14)


def put_in_force(gremium: App, world: World) -> str:
    """The agreement of TG, signed by its three parties: in force."""
    version_id, digest = open_agreement(gremium, world.committee_id)
    with gremium.unit_of_work(SYSTEM) as uow:
        for org, email in (
            ("BA TK", CHAIR_EMAIL),
            ("Rabenhaus", PARTNER_EMAIL),
            ("KungerKiez", World.EMAILS["partner2"]),
        ):
            agreements.sign(
                uow,
                version_id,
                organisation=org,
                signatory=email,
                signed_on=uow.today,
                place="Berlin",
                method="ink",
                text_sha256=digest,
            )
        version = uow.session.get(AgreementVersion, version_id)
        assert version is not None and version.state == "in_force"
    return digest


def test_the_chair_puts_an_application_on_the_agenda_and_the_secretariat_records_the_declaration(
    client, signed_in, world: World, gremium: App
) -> None:
    digest = put_in_force(gremium, world)
    application_id = apply_for_accession(gremium, world.committee_id)
    base = f"/committees/{world.committee_id}/accessions"
    signed_in(client, world.chair)
    post_form(client, f"{base}/{application_id}/review")
    scheduled = post_form(client, f"{base}/{application_id}/schedule", follow_redirects=True)
    assert "auf der Tagesordnung" in html_of(scheduled)
    with gremium.unit_of_work(CHAIR_EMAIL) as uow:  # the committee's vote
        accession.decide(uow, application_id, yes="3", no="0", abstain="0")

    signed_in(client, world.secretary)
    page = html_of(client.get(base))
    assert digest in page and f'name="signatory_{application_id}"' in page
    joined = post_form(
        client,
        f"{base}/{application_id}/join",
        {
            f"signatory_{application_id}": "vorstand@kosmosviertel.example.org",
            f"signed_on_{application_id}": "2026-01-12",
            f"place_{application_id}": "Berlin",
            f"method_{application_id}": "ink",
            f"text_sha256_{application_id}": digest,
            f"member_from_{application_id}": "",
        },
        follow_redirects=True,
    )

    assert "Antrag von Kosmosviertel: beigetreten." in html_of(joined)
    members = html_of(client.get(f"/committees/{world.committee_id}"))
    assert "Stadtteilarbeit Kosmosviertel e. V." in members


def test_a_partner_signs_for_its_own_organisation_today_and_only_for_it(
    client, signed_in, world: World, gremium: App
) -> None:
    version_id, digest = open_agreement(gremium, world.committee_id)
    signed_in(client, world.partners[0])
    page = html_of(client.get(f"/committees/{world.committee_id}/agreement"))
    assert "Für meine Organisation unterschreiben" in page
    assert 'value="Rabenhaus"' in page and 'value="KungerKiez"' not in page

    signed = post_form(
        client,
        f"/committees/{world.committee_id}/agreement/{version_id}/signatures",
        {
            "organisation": "Rabenhaus",
            "signatory": PARTNER_EMAIL,
            "signed_on": "2026-01-12",
            "place": "Berlin",
            "method": "electronic",
            "text_sha256": digest,
        },
        follow_redirects=True,
    )
    other = post_form(
        client,
        f"/committees/{world.committee_id}/agreement/{version_id}/signatures",
        {
            "organisation": "KungerKiez",
            "signatory": PARTNER_EMAIL,
            "signed_on": "2026-01-12",
            "place": "Berlin",
            "method": "electronic",
            "text_sha256": digest,
        },
    )

    assert "Die Unterschrift von Rabenhaus (Vorstand Rabenhaus) ist erfasst." in html_of(signed)
    assert other.status_code == 403
    with gremium.db.session() as session:
        assert [s.organisation.short_name for s in session.scalars(select(Signature))] == [
            "Rabenhaus"
        ]


def test_the_secretariat_revokes_a_notice_while_it_runs(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.secretary)
    base = f"/committees/{world.committee_id}/withdrawals"
    post_form(client, base, {"organisation": "KungerKiez", "given_on": "2026-01-12"})

    response = post_form(
        client, f"{base}/revoke", {"organisation": "KungerKiez"}, follow_redirects=True
    )

    assert "Der Austritt von KungerKiez ist zurückgenommen." in html_of(response)
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).where(Membership.state == "leaving")) == 0
