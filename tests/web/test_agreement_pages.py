"""The agreement's life in the browser (issue 13): create (typed or uploaded), open,
ceremony, remind, amend, schedule, terminate; each form refuses with the command
line's message next to it, keeps what was typed, and offers nothing to a partner."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from governance.bootstrap import App
from governance.models import AgreementVersion, AuditRecord, Person, Signature
from governance.services import agreements, directory
from governance.services.agreement_text import MAX_TEXT
from governance.unit_of_work import Actor
from tests.web.support import World, post_form
from tests.web.test_committee_pages import html_of, open_agreement, text_in

TEXT = "§ 1 Zweck\n\nDie Partner arbeiten im Bezirk zusammen.\n\n§ 2 Dauer\n\nUnbefristet."


def versions(gremium: App) -> list[AgreementVersion]:
    with gremium.db.session() as session:
        rows = session.execute(select(AgreementVersion).order_by(AgreementVersion.id)).scalars()
        return list(rows)


def base(world: World) -> str:
    return f"/committees/{world.committee_id}/agreement"


def test_the_chair_creates_the_agreement_from_a_typed_text_audited_as_the_chair(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.chair)
    page = html_of(client.get(base(world)))
    assert "Kooperationsvereinbarung anlegen" in page and 'name="text_file"' in page

    response = post_form(
        client, base(world), {"title": "Kooperationsvereinbarung TG", "text": TEXT}
    )
    assert response.status_code == 303
    shown = html_of(client.get(response.headers["Location"]))

    assert text_in(shown, "Die Vereinbarung ist angelegt: Fassung 1/1 als Entwurf")
    assert "Kooperationsvereinbarung TG" in shown and "Entwurf" in shown
    assert "Zur Unterzeichnung öffnen" in shown  # the next step, for the chair
    (version,) = versions(gremium)
    assert version.state == "draft" and version.text == TEXT
    with gremium.db.session() as session:
        record = session.execute(
            select(AuditRecord).where(AuditRecord.action == "agreement.create")
        ).scalar_one()
        chair = session.get(Person, world.chair)
        assert chair is not None and record.actor == f"person:{chair.id}"


def test_the_text_may_come_as_an_uploaded_utf8_file(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.chair)
    upload = (io.BytesIO(("\ufeff" + TEXT).encode("utf-8")), "vereinbarung.txt")

    response = post_form(
        client,
        base(world),
        {"title": "KV", "text": "", "text_file": upload},
        follow_redirects=True,
    )

    assert response.status_code == 200
    assert text_in(html_of(response), "Fassung 1/1 als Entwurf")
    (version,) = versions(gremium)
    assert version.text == TEXT  # without the byte order mark


def test_a_file_too_long_or_not_utf8_is_refused_and_nothing_is_created(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.chair)
    too_long = (io.BytesIO(b"x" * (MAX_TEXT * 4 + 10)), "lang.txt")
    latin1 = (io.BytesIO("Vertrag über Zusammenarbeit".encode("latin-1")), "alt.txt")

    long_answer = post_form(client, base(world), {"title": "KV lang", "text_file": too_long})
    latin_answer = post_form(client, base(world), {"title": "KV alt", "text_file": latin1})

    assert long_answer.status_code == 422
    assert text_in(html_of(long_answer), "Die Datei „lang.txt“ ist zu lang")
    assert text_in(html_of(long_answer), f"höchstens {MAX_TEXT} Zeichen")
    assert 'value="KV lang"' in html_of(long_answer)  # what was typed is kept
    assert latin_answer.status_code == 422
    assert text_in(html_of(latin_answer), "Die Datei „alt.txt“ ist kein UTF-8-Text")
    assert versions(gremium) == []


def test_a_chosen_file_counts_over_the_text_field_and_no_text_is_refused(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.chair)
    empty = post_form(client, base(world), {"title": "KV leer", "text": "   "})
    assert empty.status_code == 422
    assert text_in(html_of(empty), "Der Text der Vereinbarung darf nicht leer sein")
    assert 'value="KV leer"' in html_of(empty)
    assert versions(gremium) == []

    both = post_form(
        client,
        base(world),
        {"title": "KV", "text": "§ 1 getippt", "text_file": (io.BytesIO(b"hochgeladen"), "a.txt")},
    )

    assert both.status_code == 303
    (version,) = versions(gremium)
    assert version.text == "hochgeladen"


def test_a_partner_sees_no_form_and_a_post_is_refused_with_403_changing_nothing(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.partners[0])
    page = html_of(client.get(base(world)))
    assert f'action="{base(world)}' not in page  # no form of the agreement at all
    assert "Kooperationsvereinbarung anlegen" not in page

    answer = post_form(client, base(world), {"title": "KV", "text": TEXT})

    assert answer.status_code == 403
    assert versions(gremium) == []


def test_a_post_without_the_csrf_token_is_refused_and_creates_nothing(
    client, signed_in, world: World, gremium: App
) -> None:
    signed_in(client, world.chair)

    answer = client.post(base(world), data={"title": "KV", "text": TEXT})

    assert answer.status_code == 400
    assert versions(gremium) == []


def _draft(gremium: App, world: World) -> int:
    with gremium.unit_of_work(Actor.system()) as uow:
        committee = directory.committee_by_ref(uow.session, world.committee_id)
        return agreements.create_agreement(uow, committee, title="KV", text=TEXT).id


def test_the_chair_opens_the_draft_and_the_secretariat_records_a_ceremony(
    client, signed_in, world: World, gremium: App
) -> None:
    vid = _draft(gremium, world)
    signed_in(client, world.chair)
    opened = post_form(
        client, f"{base(world)}/{vid}/open", {"effective_from": ""}, follow_redirects=True
    )
    assert text_in(html_of(opened), "Fassung 1/1 ist zur Unterzeichnung offen; 3 Vertragsparteien")
    (version,) = versions(gremium)
    digest = version.text_sha256
    assert digest and digest in html_of(opened)

    signed_in(client, world.secretary)
    page = html_of(client.get(base(world)))
    assert "Unterzeichnung erfassen (mehrere Unterschriften)" in page
    parties = dict(
        (f"party_{i}", org) for i, org in enumerate(("BA TK", "Rabenhaus", "KungerKiez"), 1)
    )
    emails = {
        "signatory_1": World.EMAILS["chair"],
        "signatory_2": World.EMAILS["partner1"],
        "signatory_3": "",  # KungerKiez did not come
    }
    done = post_form(
        client,
        f"{base(world)}/{vid}/ceremony",
        {
            "held_on": "2026-01-12",
            "ceremony_place": "Rathaus Köpenick",
            "ceremony_method": "ink",
            "text_sha256": digest,
            **parties,
            **emails,
        },
        follow_redirects=True,
    )

    html = html_of(done)
    assert "Unterzeichnung erfasst: 2 Unterschriften zu Fassung 1/1" in html
    assert "Rathaus Köpenick" in html and "Unterschrift ausstehend" in html
    with gremium.db.session() as session:
        signatures = session.execute(select(Signature)).scalars().all()
        assert sorted(s.organisation.short_name for s in signatures) == ["BA TK", "Rabenhaus"]
        secretary = session.get(Person, world.secretary)
        assert secretary is not None
        assert all(s.recorded_by_id == secretary.id for s in signatures)

    reminded = post_form(client, f"{base(world)}/{vid}/remind", follow_redirects=True)
    assert "Erinnerung an 1 Personen der ausstehenden Vertragsparteien vorgemerkt." in html_of(
        reminded
    )


def test_a_ceremony_with_an_unknown_address_records_none_and_keeps_what_was_typed(
    client, signed_in, world: World, gremium: App
) -> None:
    vid, digest = open_agreement(gremium, world.committee_id)
    signed_in(client, world.secretary)

    answer = post_form(
        client,
        f"{base(world)}/{vid}/ceremony",
        {
            "held_on": "2026-01-12",
            "ceremony_place": "Rathaus",
            "ceremony_method": "ink",
            "text_sha256": digest,
            "party_1": "BA TK",
            "signatory_1": World.EMAILS["chair"],
            "party_2": "Rabenhaus",
            "signatory_2": "niemand@example.org",
        },
    )

    assert answer.status_code in (404, 422)
    html = html_of(answer)
    assert "niemand@example.org" in html and 'role="alert"' in html
    assert 'id="ceremony_place" name="ceremony_place" type="text" value="Rathaus"' in html
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Signature)) == 0


def test_a_ceremony_or_a_reminder_by_a_partner_is_refused_with_403(
    client, signed_in, world: World, gremium: App
) -> None:
    vid, digest = open_agreement(gremium, world.committee_id)
    signed_in(client, world.partners[0])
    page = html_of(client.get(base(world)))
    assert "/ceremony" not in page and "/remind" not in page and "/terminate" not in page

    answers = [
        post_form(
            client,
            f"{base(world)}/{vid}/ceremony",
            {
                "held_on": "2026-01-12",
                "ceremony_place": "X",
                "party_1": "Rabenhaus",
                "signatory_1": World.EMAILS["partner1"],
                "text_sha256": digest,
            },
        ),
        post_form(client, f"{base(world)}/{vid}/remind"),
        post_form(
            client, f"{base(world)}/{vid}/terminate", {"ended_on": "2026-01-05", "reason": "weil"}
        ),
    ]

    assert [a.status_code for a in answers] == [403, 403, 403]
    with gremium.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Signature)) == 0
        assert session.get(AgreementVersion, vid).state == "open_for_signature"  # type: ignore[union-attr]


def _in_force(gremium: App, world: World) -> int:
    vid, _ = open_agreement(gremium, world.committee_id)
    with gremium.unit_of_work(World.EMAILS["secretary"]) as uow:
        agreements.record_ceremony(
            uow,
            vid,
            held_on=uow.today,
            place="Rathaus",
            signatures=[
                ("BA TK", World.EMAILS["chair"], "ink"),
                ("Rabenhaus", World.EMAILS["partner1"], "ink"),
                ("KungerKiez", World.EMAILS["partner2"], "ink"),
            ],
        )
    return vid


def test_the_secretariat_drafts_an_amendment_and_the_chair_puts_it_to_the_committee(
    client, signed_in, world: World, gremium: App
) -> None:
    vid = _in_force(gremium, world)
    signed_in(client, world.secretary)
    page = html_of(client.get(base(world)))
    assert "Änderung entwerfen (neue Fassung)" in page
    assert "§ 1 Zweck." in page  # the form starts from the wording in force

    amended = post_form(
        client,
        f"{base(world)}/{vid}/amend",
        {"text": "§ 1 Zweck, neu.\n\n§ 2 Dauer."},
        follow_redirects=True,
    )
    assert "Fassung 1/2 ist als Entwurf angelegt." in html_of(amended)
    new = versions(gremium)[-1]
    assert new.number == 2 and new.state == "draft"

    # the secretariat may not put it to the committee: the chair does
    refused = post_form(client, f"{base(world)}/{new.id}/schedule")
    assert refused.status_code == 403

    signed_in(client, world.chair)
    page = html_of(client.get(f"{base(world)}?version={new.id}"))
    assert "Zur Entscheidung vorlegen" in page
    assert "Zur Unterzeichnung öffnen</button>" not in page  # undecided: not to be opened yet
    scheduled = post_form(client, f"{base(world)}/{new.id}/schedule", follow_redirects=True)
    assert "Fassung 1/2 ist dem Gremium vorgelegt" in html_of(scheduled)
    assert versions(gremium)[-1].state == "on_agenda"


def test_an_amendment_opened_before_the_decision_is_refused_with_the_reason(
    client, signed_in, world: World, gremium: App
) -> None:
    vid = _in_force(gremium, world)
    with gremium.unit_of_work(World.EMAILS["chair"]) as uow:
        new_id = agreements.amend(uow, vid, text="§ 1 neu").id
    signed_in(client, world.chair)

    answer = post_form(client, f"{base(world)}/{new_id}/open", {"effective_from": ""})

    assert answer.status_code == 409
    assert 'role="alert"' in html_of(answer)
    assert versions(gremium)[-1].state == "draft"


def test_the_chair_terminates_a_version_and_a_future_date_is_refused(
    client, signed_in, world: World, gremium: App, clock
) -> None:
    vid = _in_force(gremium, world)
    signed_in(client, world.chair)
    today = clock.now().date()

    future = post_form(
        client,
        f"{base(world)}/{vid}/terminate",
        {"ended_on": "2099-01-01", "reason": "Auflösung"},
    )
    assert future.status_code == 422
    assert "Auflösung</textarea>" in html_of(future)
    assert versions(gremium)[0].state == "in_force"

    done = post_form(
        client,
        f"{base(world)}/{vid}/terminate",
        {"ended_on": today.isoformat(), "reason": "Auflösung"},
        follow_redirects=True,
    )
    assert f"Fassung 1/1 ist beendet zum {today.isoformat()}." in html_of(done)
    assert versions(gremium)[0].state == "terminated"
    # an agreement that has ended may be followed by a new one
    assert "Kooperationsvereinbarung anlegen" in html_of(done)


def test_the_forms_speak_english_to_an_english_reader(
    client, signed_in, world: World, gremium: App
) -> None:
    with gremium.unit_of_work(Actor.system()) as uow:
        person = uow.session.get(Person, world.chair)
        assert person is not None
        person.language = "en"
    signed_in(client, world.chair)

    page = html_of(client.get(base(world)))
    refusal = post_form(client, base(world), {"title": "KV", "text": ""})

    assert "Create the cooperation agreement" in page and "Text of the agreement" in page
    assert "The agreement&#39;s text must not be empty" in html_of(refusal)


def test_an_amendment_uploaded_as_a_file_counts_over_the_wording_in_the_field(
    client, signed_in, world: World, gremium: App
) -> None:
    vid = _in_force(gremium, world)
    signed_in(client, world.secretary)
    page = html_of(client.get(base(world)))
    wording = "§ 1 Zweck.\n\n§ 2 Dauer."
    assert f">{wording}</textarea>" in page  # the field as the browser sends it back

    response = post_form(
        client,
        f"{base(world)}/{vid}/amend",
        {"text": wording, "text_file": (io.BytesIO("§ 1 Zweck, neu gefasst.".encode()), "n.md")},
        follow_redirects=True,
    )

    assert "Fassung 1/2 ist als Entwurf angelegt." in html_of(response)
    assert versions(gremium)[-1].text == "§ 1 Zweck, neu gefasst."


def test_a_file_larger_than_the_installation_takes_is_refused_in_words(
    client, signed_in, world: World, gremium: App, web_app
) -> None:
    signed_in(client, world.chair)
    limit = web_app.config["MAX_CONTENT_LENGTH"]
    huge = (io.BytesIO(b"x" * (limit + 1)), "riesig.txt")

    answer = post_form(client, base(world), {"title": "KV", "text_file": huge})

    assert answer.status_code == 413
    assert "Was gesendet wurde, ist zu groß; nichts wurde gespeichert." in html_of(answer)
    assert versions(gremium) == []
