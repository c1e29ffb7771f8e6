"""The minutes page (/meetings/<mid>/minutes) over a real SQLite file: the secretariat
writes and circulates, a partner objects, the chair resolves and approves, and the
archived PDF/A downloaded from the page has the SHA-256 the page shows."""

from __future__ import annotations

import hashlib
import io
import re
from html import unescape

import pytest
from pypdf import PdfReader

from governance.models import Committee
from governance.services import directory
from governance.unit_of_work import Actor
from tests.web.records_support import Held, berlin, hold_meeting
from tests.web.support import post_form

NOTES_TOP_1 = "Der Bericht wird **zur Kenntnis** genommen.\n\n- Plakate\n- Bühne"


@pytest.fixture
def held(gremium, world) -> Held:
    return hold_meeting(gremium, world)


def page(client, mid: int, **kwargs) -> str:
    response = client.get(f"/meetings/{mid}/minutes", **kwargs)
    assert response.status_code == 200
    return unescape(response.get_data(as_text=True))


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def tops(html: str) -> list[str]:
    return re.findall(r'name="(top-\d+)"', html)


def write_notes(client, mid: int, html: str, first: str) -> object:
    """Send the notes form as the page shows it: TOP 1 with *first*, the others empty."""
    fields = {name: "" for name in tops(html)}
    fields[tops(html)[0]] = first
    return post_form(client, f"/meetings/{mid}/minutes/notes", fields)


def test_the_secretariat_runs_the_minutes_from_notes_to_the_archived_pdfa_in_the_browser(
    client, signed_in, world, gremium, held
):
    mid = held.meeting_id
    signed_in(client, world.secretary)
    html = page(client, mid)
    assert "noch nicht begonnen" in html and tops(html), "a textarea per agenda item"
    response = write_notes(client, mid, html, NOTES_TOP_1)
    assert response.status_code == 303
    html = page(client, mid)
    assert "Die Notizen sind gespeichert." in html and "zur Kenntnis" in html
    assert post_form(client, f"/meetings/{mid}/minutes/circulate").status_code == 303
    html = page(client, mid)
    assert "versandt (Einwendungsfrist)" in html and "Fassung 1" in html

    # A partner objects on the page; the minutes go back to drafting.
    partner = signed_in(client.application.test_client(), world.partners[0])
    response = post_form(
        partner, f"/meetings/{mid}/minutes/objections", {"objection": "TOP 1: Bühne fehlt."}
    )
    assert response.status_code == 303
    html = page(partner, mid)
    assert "Rabenhaus" in html and "TOP 1: Bühne fehlt." in html and "im Entwurf" in html

    # The chair resolves it, the secretariat circulates the second revision.
    chair = signed_in(client.application.test_client(), world.chair)
    objection = re.search(r'name="resolution-(\d+)"', page(chair, mid))
    assert objection, "the chair is offered to resolve the open objection"
    response = post_form(
        chair,
        f"/meetings/{mid}/minutes/objections/{objection.group(1)}/resolve",
        {f"resolution-{objection.group(1)}": "In Fassung 2 ergänzt."},
    )
    assert response.status_code == 303
    assert "erledigt: In Fassung 2 ergänzt." in page(chair, mid)
    assert post_form(client, f"/meetings/{mid}/minutes/circulate").status_code == 303
    assert "Fassung 2" in page(client, mid)

    # Approval before the objection period ends is refused with the CLI's reason.
    early = post_form(chair, f"/meetings/{mid}/minutes/approve")
    assert early.status_code in (409, 422)
    assert "die Einwendungsfrist läuft noch" in unescape(early.get_data(as_text=True))

    gremium.clock.advance_to(berlin(2026, 2, 10, 9, 0))
    # Weeks later the chair signs in again (a session ends after a while).
    chair = signed_in(client.application.test_client(), world.chair)
    assert post_form(chair, f"/meetings/{mid}/minutes/approve").status_code == 303
    html = page(chair, mid)
    assert "genehmigt und archiviert" in html
    shown = re.search(r'class="sha256">([0-9a-f]{64})<', html)
    assert shown, "the page shows the archive's SHA-256"
    download = chair.get(f"/meetings/{mid}/minutes/archive.pdf")
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "application/pdf"
    assert "attachment" in download.headers["Content-Disposition"]
    assert ".pdf" in download.headers["Content-Disposition"]
    data = download.get_data()
    assert hashlib.sha256(data).hexdigest() == shown.group(1)
    text = pdf_text(data)
    assert "Der Bericht wird zur Kenntnis genommen." in text
    assert "TOP 1: Bühne fehlt." in text  # the settled objection is on record
    assert PdfReader(io.BytesIO(data)).pdf_header.startswith("%PDF-")


def test_a_refused_note_keeps_everything_the_secretary_typed(client, signed_in, world, held):
    mid = held.meeting_id
    signed_in(client, world.secretary)
    html = page(client, mid)
    fields = {name: f"Notiz zu {name}" for name in tops(html)}
    fields["top-99"] = "Ein TOP, den es nicht mehr gibt"  # a stale form
    response = post_form(client, f"/meetings/{mid}/minutes/notes", fields)
    assert response.status_code == 422
    html = unescape(response.get_data(as_text=True))
    assert f"Sitzung {mid} hat keinen TOP 99" in html and "Nichts wurde geändert." in html
    for name in tops(html):
        assert f"Notiz zu {name}</textarea>" in html, f"{name} kept"
    assert "Notiz zu" not in page(client, mid), "nothing was saved"


def test_the_preview_is_a_pdf_of_the_minutes_as_they_are_now(client, signed_in, world, held):
    mid = held.meeting_id
    signed_in(client, world.secretary)
    write_notes(client, mid, page(client, mid), "Vorschau-Notiz für den Entwurf.")
    response = client.get(f"/meetings/{mid}/minutes/preview.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("inline;")
    text = pdf_text(response.get_data())
    assert "Vorschau-Notiz für den Entwurf." in text
    assert "Das Stadtteilfest findet am 20. Juni statt." in text
    assert "archive.pdf" not in page(client, mid), "a preview archives nothing"


def test_a_partner_may_not_circulate_and_gets_the_command_lines_refusal(
    client, signed_in, world, held
):
    signed_in(client, world.partners[1])
    html = page(client, held.meeting_id)
    assert 'name="top-' not in html and "Protokoll versenden" not in html, "no forms offered"
    response = post_form(client, f"/meetings/{held.meeting_id}/minutes/circulate")
    assert response.status_code == 422
    html = unescape(response.get_data(as_text=True))
    # The sentence `gremium minutes circulate` prints for the same person.
    assert (
        "vorstand@kungerkiez.example.org darf „Protokollnotizen erfassen und das Protokoll "
        "versenden“ nicht ausführen" in html
    )


def test_the_secretariat_records_an_objection_a_partner_sent_by_mail(
    client, signed_in, world, held
):
    mid = held.meeting_id
    signed_in(client, world.secretary)
    write_notes(client, mid, page(client, mid), "Bericht.")
    post_form(client, f"/meetings/{mid}/minutes/circulate")
    assert "Einwendung einer Mitgliedsorganisation erfassen" in page(client, mid)
    response = post_form(
        client,
        f"/meetings/{mid}/minutes/objections",
        {"organisation": "KungerKiez", "recorded_objection": "Per Post: TOP 2 falsch."},
    )
    assert response.status_code == 303
    html = page(client, mid)
    assert "KungerKiez (Sven Sekretariat)" in html and "Per Post: TOP 2 falsch." in html
    refused = post_form(
        client,
        f"/meetings/{mid}/minutes/objections",
        {"organisation": "Anderer", "recorded_objection": "Kein Mitglied"},
    )
    assert refused.status_code in (409, 422)


def test_someone_of_another_committee_gets_404_and_changes_nothing(client, signed_in, world, held):
    signed_in(client, world.outsider)
    mid = held.meeting_id
    assert client.get(f"/meetings/{mid}/minutes").status_code == 404
    assert client.get(f"/meetings/{mid}/minutes/preview.pdf").status_code == 404
    assert post_form(client, f"/meetings/{mid}/minutes/circulate").status_code == 404
    assert post_form(client, f"/meetings/{mid}/minutes/notes", {"top-1": "x"}).status_code == 404
    assert client.get("/meetings/9999/minutes").status_code == 404
    assert "Notiz" not in unescape(
        client.application.test_client().get(f"/meetings/{mid}/minutes").get_data(as_text=True)
    )


def test_the_minutes_page_is_english_for_a_person_who_reads_english(
    client, signed_in, world, gremium, held
):
    with gremium.unit_of_work(Actor.system()) as uow:
        reader = directory.add_person(
            uow, name="Erin English", email="erin@ba-tk.example.org", language="en"
        )
        directory.add_secretariat(uow, uow.session.get(Committee, world.committee_id), reader)
        reader_id = reader.id
    signed_in(client, reader_id)
    html = page(client, held.meeting_id)
    assert 'lang="en"' in html and f"Minutes of meeting {held.meeting_id}" in html
    assert "Save notes" in html and "Notes per agenda item" in html


def test_two_secretaries_writing_the_same_item_the_second_keeps_her_text_and_sees_the_first(
    client, signed_in, world, gremium, held
):
    mid = held.meeting_id
    with gremium.unit_of_work(Actor.system()) as uow:
        second = directory.add_person(uow, name="Sina Zweite", email="sina@ba-tk.example.org")
        directory.add_secretariat(uow, uow.session.get(Committee, world.committee_id), second)
        second_id = second.id
    first = signed_in(client, world.secretary)
    other = signed_in(client.application.test_client(), second_id)
    form_first, form_other = page(first, mid), page(other, mid)  # both open the page

    def sent(html: str, top: str, text: str) -> dict[str, str]:
        fields = dict(re.findall(r'name="(was-\d+)" value="([0-9a-f]+)"', html))
        fields.update({name: "" for name in tops(html)})
        fields[top] = text
        return fields

    one, two = tops(form_first)[0], tops(form_first)[1]
    assert post_form(first, f"/meetings/{mid}/minutes/notes", sent(form_first, one, "Erste."))
    # The second writes TOP 1 too, and TOP 2 that nobody else touched.
    fields = sent(form_other, one, "Zweite Fassung.")
    fields[two] = "Nur von der Zweiten."
    response = post_form(other, f"/meetings/{mid}/minutes/notes", fields)
    assert response.status_code == 409
    html = unescape(response.get_data(as_text=True))
    number = one.removeprefix("top-")
    assert f"Die Notizen zu TOP {number} der Sitzung {mid} hat inzwischen jemand anderes" in html
    assert "Zweite Fassung.</textarea>" in html and "Nur von der Zweiten.</textarea>" in html
    assert f"TOP {number} – inzwischen gespeichert:" in html and "<p>Erste.</p>" in html
    saved = page(first, mid)
    assert "Erste.</textarea>" in saved and "Nur von der Zweiten." not in saved, "nothing saved"
    # Sent again from the page that showed the conflict, her text wins.
    assert post_form(other, f"/meetings/{mid}/minutes/notes", sent(html, one, "Zweite Fassung."))
    assert "Zweite Fassung.</textarea>" in page(first, mid)


def test_an_item_left_as_it_was_shown_does_not_undo_another_persons_notes(
    client, signed_in, world, held
):
    mid = held.meeting_id
    first = signed_in(client, world.secretary)
    stale = page(first, mid)
    one, two = tops(stale)[0], tops(stale)[1]
    fields = dict(re.findall(r'name="(was-\d+)" value="([0-9a-f]+)"', stale))
    post_form(first, f"/meetings/{mid}/minutes/notes", {**fields, one: "Neu zu TOP 1.", two: ""})
    # The stale form sends TOP 1 empty as it was shown, and TOP 2 with text.
    response = post_form(
        first, f"/meetings/{mid}/minutes/notes", {**fields, one: "", two: "Neu zu TOP 2."}
    )
    assert response.status_code == 303
    html = page(first, mid)
    assert "Neu zu TOP 1.</textarea>" in html and "Neu zu TOP 2.</textarea>" in html
