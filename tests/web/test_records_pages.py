"""The records pages of a committee over a real SQLite file: the decisions register
(filter, search, pages), action items (done, drop), documents (every kind, HTML and
PDF), the audit log with its verification, and the workflow diagrams."""

from __future__ import annotations

import io
import re
import time
from html import unescape

import pytest
from pypdf import PdfReader

from governance.models import Committee
from governance.services import decision_register
from tests.web.records_support import Held, berlin, hold_meeting
from tests.web.support import post_form, without_page_cache

ALL_KINDS = (
    "agreement",
    "accession_declaration",
    "invitation",
    "attendance_list",
    "minutes",
    "decisions_register",
    "annual_report",
)


@pytest.fixture
def held(gremium, world) -> Held:
    return hold_meeting(gremium, world)


def get(client, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return unescape(response.get_data(as_text=True))


def row_texts(html: str) -> list[str]:
    bodies = re.findall(r"<tbody>(.*?)</tbody>", html, re.S)
    rows = [r for body in bodies for r in re.findall(r"<tr>(.*?)</tr>", body, re.S)]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r)).strip() for r in rows]


# --- the decisions register ---


def test_the_register_lists_each_decision_with_number_date_text_vote_and_result(
    client, signed_in, world, held
):
    signed_in(client, world.partners[0])
    rows = row_texts(get(client, f"/committees/{world.committee_id}/decisions"))
    assert rows == [
        "TG-2026/02 21.01.2026 TOP 3: Neue Bänke Der Kiezfonds kauft zwei Bänke. "
        "1 Ja, 2 Nein, 0 Enthaltungen abgelehnt",
        "TG-2026/01 21.01.2026 TOP 2: Stadtteilfest Das Stadtteilfest findet am 20. Juni statt. "
        "3 Ja, 0 Nein, 0 Enthaltungen angenommen",
    ]


def test_the_register_filters_by_year_and_searches_the_text(client, signed_in, world, held):
    signed_in(client, world.chair)
    base = f"/committees/{world.committee_id}/decisions"
    found = row_texts(get(client, f"{base}?year=2026&q=b%C3%A4nke"))
    assert len(found) == 1 and found[0].startswith("TG-2026/02")
    assert "1 Beschluss gefunden." in get(client, f"{base}?year=2026&q=B%C3%84NKE")
    by_title = row_texts(get(client, f"{base}?q=Stadtteilfest"))
    assert [r[:10] for r in by_title] == ["TG-2026/01"]
    html = get(client, f"{base}?year=2025")
    assert "Keine Beschlüsse." in html and "0 Beschlüsse gefunden." in html
    # A search for SQL's wildcards finds them literally, not everything.
    assert "Keine Beschlüsse." in get(client, f"{base}?q=%25")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=20x6", "„20x6“ ist kein Jahr (erwartet: z. B. 2026)."),
        ("year=1800", "Jahr 1800: erlaubt sind 1990 bis 2027."),
        ("q=" + "x" * 101, "Der Suchtext ist 101 Zeichen lang; erlaubt sind höchstens 100."),
        ("page=0", "Seite „0“ gibt es nicht; erlaubt ist eine Zahl von 1 bis 10000."),
    ],
)
def test_a_bad_register_query_is_refused_with_what_is_allowed(
    client, signed_in, world, held, query, message
):
    signed_in(client, world.chair)
    response = client.get(f"/committees/{world.committee_id}/decisions?{query}")
    assert response.status_code == 422
    html = unescape(response.get_data(as_text=True))
    assert message in html
    value = query.split("=", 1)[1]
    if query.startswith("q="):
        assert f'value="{value}"' in html, "what was typed stays in the search field"


def test_a_long_register_comes_in_pages_newest_first(gremium, world, held):
    with gremium.db.session() as session:
        committee = session.get(Committee, world.committee_id)
        first = decision_register.search(session, committee, this_year=2026, per_page=1)
        second = decision_register.search(session, committee, this_year=2026, page="2", per_page=1)
    assert (first.total, first.pages) == (2, 2)
    assert [r["reference"] for r in first.rows] == ["TG-2026/02"]
    assert [r["reference"] for r in second.rows] == ["TG-2026/01"]


# --- action items ---


def test_action_items_are_open_then_overdue_and_the_owner_reports_one_done(
    client, signed_in, world, gremium, held
):
    path = f"/committees/{world.committee_id}/actions"
    signed_in(client, world.partners[0])  # Rabenhaus owns the item
    html = get(client, path)
    assert "Offen (1)" in html and "Plakate drucken" in html and "Überfällig (0)" in html
    gremium.clock.advance_to(berlin(2026, 1, 29, 9, 0))
    owner = signed_in(client.application.test_client(), world.partners[0])
    assert "Überfällig (1)" in get(owner, path)
    other = signed_in(client.application.test_client(), world.partners[1])
    assert f"done-{held.action_id}" not in get(other, path), "no form for someone else's item"
    refused = post_form(other, f"{path}/{held.action_id}/done", {f"done-{held.action_id}": "x"})
    assert refused.status_code == 422
    assert "nicht ausführen" in unescape(refused.get_data(as_text=True))
    done = post_form(owner, f"{path}/{held.action_id}/done", {f"done-{held.action_id}": "gedruckt"})
    assert done.status_code == 303
    html = get(owner, path)
    assert "Die Aufgabe ist als erledigt gemeldet." in html
    assert "Erledigt oder entfallen (1)" in html and "erledigt (29.01.2026): gedruckt" in html


def test_dropping_an_action_item_needs_a_reason_and_keeps_the_page(client, signed_in, world, held):
    path = f"/committees/{world.committee_id}/actions"
    signed_in(client, world.secretary)
    response = post_form(client, f"{path}/{held.action_id}/drop", {f"drop-{held.action_id}": " "})
    assert response.status_code == 422
    assert "Plakate drucken" in unescape(response.get_data(as_text=True))
    response = post_form(
        client, f"{path}/{held.action_id}/drop", {f"drop-{held.action_id}": "erledigt sich"}
    )
    assert response.status_code == 303
    assert "entfallen: erledigt sich" in get(client, path)


# --- documents ---


def test_the_documents_page_offers_every_kind_it_has_as_html_and_pdf(
    client, signed_in, world, held
):
    signed_in(client, world.partners[1])
    html = get(client, f"/committees/{world.committee_id}/documents")
    for caption in (
        "Einladungen",
        "Anwesenheitslisten",
        "Protokolle",
        "Beschlussregister",
        "Jahresberichte",
    ):
        assert f"<caption>{caption}</caption>" in html
    links = re.findall(r'href="(/committees/\d+/documents/[a-z_]+\.(?:html|pdf)\?ref=[^"]+)"', html)
    kinds = {re.search(r"documents/([a-z_]+)\.", link).group(1) for link in links}
    assert kinds == {
        "invitation",
        "attendance_list",
        "minutes",
        "decisions_register",
        "annual_report",
    }
    assert kinds <= set(ALL_KINDS)


def test_a_document_downloads_as_html_and_as_a_pdf_with_its_name(client, signed_in, world, held):
    signed_in(client, world.chair)
    base = f"/committees/{world.committee_id}/documents"
    page = client.get(f"{base}/decisions_register.html?ref=TG/2026")
    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert 'filename="decisions_register-TG-2026.html"' in page.headers["Content-Disposition"]
    assert "Der Kiezfonds kauft zwei Bänke." in page.get_data(as_text=True)
    pdf = client.get(f"{base}/invitation.pdf?ref={held.meeting_id}")
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    assert f'filename="invitation-{held.meeting_id}.pdf"' in pdf.headers["Content-Disposition"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.get_data())).pages)
    assert "Sitzung des Testgremiums" in text and "Rathaus, Raum 1" in text


def test_a_document_of_another_committee_or_an_unknown_kind_is_not_found(
    client, signed_in, world, held
):
    signed_in(client, world.chair)
    base = f"/committees/{world.committee_id}/documents"
    assert client.get(f"{base}/decisions_register.pdf?ref=AG/2026").status_code == 404
    assert client.get(f"{base}/invitation.pdf?ref=9999").status_code == 404
    assert client.get(f"{base}/secret.pdf?ref=1").status_code == 404
    assert client.get(f"{base}/invitation.exe?ref={held.meeting_id}").status_code == 404


# --- the audit log ---


def test_the_audit_log_names_people_newest_first_in_berlin_time(client, signed_in, world, held):
    signed_in(client, world.partners[0])
    html = get(client, f"/committees/{world.committee_id}/audit")
    rows = row_texts(html)
    seqs = [int(r.split()[0]) for r in rows]
    assert seqs == sorted(seqs, reverse=True) and len(rows) > 5
    close = next(r for r in rows if " close meetings " in r)
    assert "Clara Vorsitz schließen close" in close and "in Sitzung → geschlossen" in close
    assert "21.01.2026 12:00" in close and close.endswith("erledigt")  # 11:00 UTC, in Berlin
    assert any("Sven Sekretariat action_item.add" in r for r in rows)
    assert any("System committee.add" in r for r in rows)
    assert not any("@" in r for r in rows), "people by name, not by address"


def test_the_audit_trail_is_verified_on_demand_as_the_cli_reports_it(
    client, signed_in, world, held
):
    signed_in(client, world.chair)
    started = time.perf_counter()
    response = post_form(client, f"/committees/{world.committee_id}/audit/verify")
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    html = unescape(response.get_data(as_text=True))
    assert re.search(r"Prüfpfad unversehrt: \d+ Einträge, \d+ geschützte Datensätze", html)
    assert elapsed < 10


def test_the_audit_log_refuses_a_page_that_is_no_number(client, signed_in, world, held):
    signed_in(client, world.chair)
    response = client.get(f"/committees/{world.committee_id}/audit?page=abc")
    assert response.status_code == 422
    assert "Seite „abc“ gibt es nicht" in unescape(response.get_data(as_text=True))


# --- workflows ---


def test_every_workflow_is_drawn_as_svg_with_a_table_of_its_transitions(
    client, signed_in, world, gremium
):
    signed_in(client, world.partners[0])
    html = get(client, "/workflows")
    for name in gremium.engine.definitions:
        assert f'id="workflow-{name}"' in html
        assert f"<caption>Übergänge des Ablaufs {name}</caption>" in html
    assert html.count("<svg") == len(gremium.engine.definitions)
    assert "im Entwurf" in html and "versenden" in html  # labels, in German
    assert "<script" not in html and "style=" not in html


# --- for everyone of the committee, and no one else ---


@pytest.mark.parametrize("page", ["decisions", "actions", "documents", "audit"])
def test_someone_of_another_committee_gets_404_for_its_records(
    client, signed_in, world, held, page
):
    signed_in(client, world.outsider)
    assert client.get(f"/committees/{world.committee_id}/{page}").status_code == 404
    assert client.get(f"/committees/{world.other_committee_id}/{page}").status_code == 200


def test_the_outsider_cannot_change_an_action_item_of_another_committee(
    client, signed_in, world, held
):
    signed_in(client, world.outsider)
    path = f"/committees/{world.committee_id}/actions/{held.action_id}/drop"
    assert post_form(client, path, {f"drop-{held.action_id}": "weg"}).status_code == 404
    own = f"/committees/{world.other_committee_id}/actions/{held.action_id}/drop"
    assert post_form(client, own, {f"drop-{held.action_id}": "weg"}).status_code == 404


def test_every_control_of_the_records_pages_has_a_label(client, signed_in, world, held):
    signed_in(client, world.secretary)
    for path in (
        f"/committees/{world.committee_id}/decisions",
        f"/committees/{world.committee_id}/actions",
        f"/committees/{world.committee_id}/audit",
        f"/meetings/{held.meeting_id}/minutes",
    ):
        html = get(client, path)
        controls = re.findall(r'<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"', html)
        assert controls or path.endswith("audit")
        for control in controls:
            assert f'for="{control}"' in html, f"{path}: {control} has no label"
        assert "style=" not in html and "<script" not in html
        assert html.count("<caption>") == html.count("<table")


def test_the_example_committees_agreement_is_offered_and_rendered_as_a_tagged_pdf(
    example_client, signed_in
):
    from governance.examples import treptow_koepenick as tk

    client = signed_in(example_client, tk.CHAIR_EMAIL)
    app = client.application.extensions["gremium"]
    with app.db.session() as session:
        from governance.services import directory

        cid = directory.committee_by_ref(session, "KG").id
    html = get(client, f"/committees/{cid}/documents")
    assert "<caption>Kooperationsvereinbarung</caption>" in html
    link = re.search(r'href="(/committees/\d+/documents/agreement\.pdf\?ref=\d+)"', html)
    assert link, "the agreement's version as PDF"
    response = client.get(link.group(1))
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.get_data()))
    assert "/StructTreeRoot" in reader.trailer["/Root"], "a tagged PDF"
    assert "Kooperationsvereinbarung" in " ".join(p.extract_text() for p in reader.pages)


@pytest.mark.parametrize("page", ["decisions", "actions", "documents", "audit"])
def test_a_records_page_reads_with_as_many_statements_for_two_meetings_as_for_one(
    client, signed_in, world, gremium, page
):
    """No statement per decision, action item, meeting or record (no N+1)."""
    from sqlalchemy import event

    path = f"/committees/{world.committee_id}/{page}"
    engine = gremium.db.engine
    without_page_cache(client)
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    def statements() -> int:
        signed_in(client, world.chair)  # the clock moved on: a fresh session
        assert client.get(path).status_code == 200  # the session's first request
        seen.clear()
        event.listen(engine, "before_cursor_execute", count)
        try:
            assert client.get(path).status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(seen)

    hold_meeting(gremium, world)
    one = statements()
    hold_meeting(gremium, world, day=(2026, 2, 18))
    assert statements() == one, seen
