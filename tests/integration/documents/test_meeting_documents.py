"""What a member finds in the meeting documents of the example's June meeting:
the invitation with its agenda, the minutes with attendance, quorum, notes,
the decision and its vote, the attendance list to sign and the register."""

from __future__ import annotations

import hashlib

import pytest

from governance.documents import html_to_pdf
from governance.errors import Conflict, InvalidInput
from governance.services import meetings as meeting_service
from governance.services.documents.kinds import load_html
from tests.golden.regenerate import golden_path
from tests.golden.scenario import COST_PLANS
from tests.integration.documents.test_pdf import text_of


def golden(kind: str, lang: str = "de") -> str:
    return golden_path(kind, lang).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def minutes_pdf() -> str:
    return " ".join(text_of(html_to_pdf(golden("minutes"))))


def test_the_invitation_lists_the_agenda_with_kind_majority_and_is_signed_by_the_chair():
    html = golden("invitation")
    assert '<tr><th scope="row">Datum</th><td>Mittwoch, 10. Juni 2026</td></tr>' in html
    assert '<tr><th scope="row">Uhrzeit</th><td>10:00 Uhr bis 12:00 Uhr</td></tr>' in html
    assert "<p>Berlin, 27.05.2026</p>" in html  # dated on the day the invitation went out
    assert '<td>Beschluss<br><span class="note">einfache Mehrheit</span></td>' in html
    assert "Mittwoch, 20. Mai 2026, 10:00 Uhr" in html  # the proposal deadline
    assert "Leitung OE SPK, Leitung der Sozialraumorientierten Planungskoordination" in html
    english = golden("invitation", "en")
    assert '<tr><th scope="row">Date</th><td>Wednesday, 10 June 2026</td></tr>' in english
    assert "simple majority" in english


def test_the_minutes_pdf_shows_attendance_quorum_the_decision_and_its_vote(minutes_pdf):
    text = minutes_pdf
    assert "Protokoll der 1. Sitzung" in text
    assert "Beginn 10:00 Uhr" in text and "Ende 12:00 Uhr" in text
    assert "Nachbarschaftsarbeit Rabenhaus vertreten (Stellvertretung)" in text
    assert "anwesend, ab 10:20 Uhr" in text and "anwesend, bis 11:30 Uhr" in text
    assert "entschuldigt" in text and "abwesend" in text
    assert "Beratende Mitglieder (ohne Stimmrecht)" in text
    assert "Gäste: Jana Beispiel (Quartiersmanagement Kosmosviertel)" in text
    assert "6 von 9 stimmberechtigten Mitgliedern" in text and "beschlussfähig" in text
    assert "Beschluss KG-2026/01:" in text
    assert "5 Ja, 1 Nein, 1 Enthaltung – angenommen (einfache Mehrheit)" in text
    assert "KungerKiez nein" in text
    assert "Raumplanung und Genehmigungen für das Stadtteilfest" in text
    assert "Mittwoch, 9. September 2026, 10:00 Uhr" in text  # the next meeting
    assert "Einwendungen bis 29.06.2026" in text


def test_the_minutes_keep_the_paragraphs_of_the_notes():
    html = golden("minutes")
    assert "<p>KungerKiez hält den Termin für zu früh nach den Sommerferien.</p>" in html
    assert (
        "Rabenhaus bietet den Saal dienstags und donnerstags für Gruppen anderer Träger an.<br>"
        in html
    )
    assert "<h2>Item 2: Stadtteilfest 2026 im Kosmosviertel</h2>" in golden("minutes", "en")


def test_the_attendance_list_has_a_row_to_sign_for_every_organisation_and_for_guests():
    html = golden("attendance_list")
    assert html.count('<td class="signature"></td>') == 10 + 6
    assert (
        'Geschäftsführung Rabenhaus<br><span class="note">Nachbarschaftsarbeit Rabenhaus</span>'
        in html
    )
    assert "beratendes Mitglied, ohne Stimmrecht" in html
    text = " ".join(text_of(html_to_pdf(html)))
    assert "Anwesenheitsliste" in text and "Unterschrift" in text


def test_the_register_lists_each_decision_with_number_date_and_vote():
    html = golden("decisions_register")
    assert '<td class="number">KG-2026/01</td>' in html
    assert "<td>Nr. 1, TOP 2</td>" in html
    assert "5 Ja, 1 Nein, 1 Enthaltung<br>angenommen (einfache Mehrheit)" in html
    assert "5 yes, 1 no, 1 abstention<br>carried (simple majority)" in golden(
        "decisions_register", "en"
    )


def test_a_register_of_a_year_without_decisions_says_so(session):
    html = load_html(session, "decisions_register", "KG/2025")
    assert "Im Jahr 2025 hat das Gremium keine Beschlüsse gefasst." in html


@pytest.mark.parametrize("ref", ["KG", "KG/26", "2026"])
def test_a_register_reference_must_name_committee_and_year(session, ref):
    with pytest.raises(InvalidInput) as refused:
        load_html(session, "decisions_register", ref)
    assert "erwartet wird GREMIUM/JAHR, z. B. KG/2026" in refused.value.message("de")


def test_there_are_no_minutes_of_a_meeting_not_yet_held(example, session):
    planned = next(
        m
        for m in meeting_service.meetings(
            session, meeting_service.meeting_by_id(session, example.meeting_id).committee
        )
        if m.state == "planned"
    )
    with pytest.raises(Conflict) as refused:
        load_html(session, "minutes", str(planned.id))
    assert refused.value.message("de") == (
        f"Sitzung {planned.id} ist geplant: ein Protokoll gibt es erst ab der Eröffnung."
    )


def _invitation_with_extra_items(count: int) -> list[str]:
    """The golden invitation with *count* more agenda rows, as the pages of its PDF."""
    html = golden("invitation")
    rows = "".join(
        f'<tr><td class="number">{n}</td><td>Zusatzpunkt {n}</td><td>Information</td></tr>'
        for n in range(10, 10 + count)
    )
    at = html.index("</tbody>", html.index('class="list agenda"'))
    return text_of(html_to_pdf(html[:at] + rows + html[at:]))


def test_the_closing_and_signature_of_the_invitation_never_stand_alone_on_a_page():
    # Find the first agenda length that no longer fits one page: there the closing
    # used to be pushed alone onto page 2.
    count = next(n for n in range(0, 60, 2) if len(_invitation_with_extra_items(n)) > 1)
    for extra in (count - 1, count, count + 1):
        pages = _invitation_with_extra_items(extra)
        last = pages[-1]
        assert "Mit freundlichen Grüßen" in last and "Leitung OE SPK" in last
        if len(pages) > 1:
            assert "Zusatzpunkt" in last, f"{extra} extra items: the signature stands alone"


def test_the_invitation_and_the_minutes_list_the_current_version_of_each_attachment(minutes_pdf):
    current = hashlib.sha256(COST_PLANS[1]).hexdigest()[:16]
    older = hashlib.sha256(COST_PLANS[0]).hexdigest()[:16]
    for html in (golden("invitation"), golden("minutes")):
        assert (
            f'Kostenplan: Datei kostenplan-stadtteilfest.csv, Version 2, 55 B, SHA-256 <span class="hash">{current}</span>'
            in html
        )
        assert older not in html  # the first version stays stored, not listed
        assert 'Link <span class="url">https://www.berlin.de/ba-treptow-koepenick/</span>' in html
        assert "https://rabenhaus.example.org/raeume" in html
    assert "file kostenplan-stadtteilfest.csv, version 2, 55 B" in golden("invitation", "en")
    assert f"Version 2, 55 B, SHA-256 {current}" in minutes_pdf
