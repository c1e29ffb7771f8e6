"""What a reader finds in the HTML documents, and that rendering fails loudly
rather than printing a blank."""

from __future__ import annotations

import copy
from pathlib import Path

import jinja2
import pytest

from governance.documents import render_html
from governance.errors import Conflict, InvalidInput, NotFound
from governance.models import AgreementVersion
from governance.resources import templates_dir
from governance.services import accession
from governance.services.documents.accession_declaration import context as declaration_context
from governance.services.documents.agreement import context as agreement_context
from governance.services.documents.kinds import KINDS, kind_by_name, load_html
from governance.templating import environment
from tests.golden import scenario as example_steps
from tests.golden.regenerate import golden_path, references, render_all

DOCUMENT_TEMPLATES = sorted(p.name for p in (templates_dir() / "documents").glob("*.html"))


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", DOCUMENT_TEMPLATES)
def test_every_document_template_loads_in_both_languages(name, lang):
    environment(lang).get_template(f"documents/{name}")


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_document_kind_has_a_template_per_language_and_renders(example, session, kind, lang):
    html = load_html(session, kind, references(example)[kind], lang)
    assert html.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}">' in html
    assert (
        "Kooperationsgremium Nachbarschafts-, Stadtteil- und Selbsthilfearbeit Treptow-Köpenick"
        in html
    )


def test_rendering_matches_the_reviewed_golden_files_byte_for_byte(example):
    rendered = render_all(example)
    assert len(rendered) == 2 * len(KINDS)
    for path, html in rendered.items():
        assert path.exists(), f"{path} missing: run python -m tests.golden.regenerate"
        assert html == path.read_text(encoding="utf-8"), (
            f"{path.name} differs; if the template changed on purpose, run "
            "python -m tests.golden.regenerate and review the diff"
        )


def test_the_agreement_shows_its_paragraphs_hash_and_every_signature(example):
    html = golden_path("agreement", "de").read_text(encoding="utf-8")
    assert "<h2>§ 1 Ziel</h2>" in html
    assert "<h2>Präambel</h2>" in html
    assert html.count(example.text_sha256) == 2
    assert html.count('<th scope="row">Datum</th><td>06.02.2026</td>') == 9
    assert "Leitung OE SPK, Leitung der Sozialraumorientierten Planungskoordination" in html
    assert "Feierliche Unterzeichnung am 06.02.2026 (Ort: Rathaus Köpenick, Ratssaal)." in html
    assert "Offensiv&#39;91 e.V." in html
    assert 'class="sign-here"' not in html


def test_the_english_agreement_keeps_the_signed_german_text_and_uses_english_labels(example):
    html = golden_path("agreement", "en").read_text(encoding="utf-8")
    assert "<h2>§ 1 Ziel</h2>" in html
    assert '<th scope="row">Signed by</th>' in html
    assert "signed by hand at the signing ceremony" in html


def test_parties_that_have_not_signed_get_empty_signature_lines(tmp_path):
    partial = example_steps.open_agreement(f"sqlite:///{tmp_path / 'partial.db'}")
    try:
        example_steps.sign_at_ceremony(partial, parties=example_steps.tk.ORGANISATIONS[:2])
        with partial.app.db.session() as session:
            html = load_html(session, "agreement", partial.version_ref, "de")
    finally:
        partial.app.db.dispose()
    assert "1 (zur Unterzeichnung offen)" in html
    assert html.count('<div class="sign-line">Ort, Datum</div>') == 7
    assert html.count('<div class="sign-line">Unterschrift</div>') == 7
    assert html.count('<th scope="row">Unterzeichnet von</th>') == 2


def test_the_accession_declaration_names_the_vote_the_version_and_its_hash(example):
    html = golden_path("accession_declaration", "de").read_text(encoding="utf-8")
    assert "<td>Stadtteilarbeit Kosmosviertel e.V.</td>" in html
    assert "11.03.2026: 7 Ja, 0 Nein, 1 Enthaltung" in html
    assert f'<span class="hash">{example.text_sha256}</span>' in html
    assert '<th scope="row">Datum</th><td>18.03.2026</td>' in html
    assert '<th scope="row">Mitglied ab</th><td>01.04.2026</td>' in html


def test_an_accepted_but_undeclared_accession_prints_with_lines_to_sign(tmp_path):
    pending = example_steps.open_agreement(f"sqlite:///{tmp_path / 'pending.db'}")
    try:
        example_steps.sign_at_ceremony(pending)
        example_steps.accept_application(pending)
        with pending.app.db.session() as session:
            html = load_html(session, "accession_declaration", str(pending.application_id), "en")
    finally:
        pending.app.db.dispose()
    assert f'<span class="hash">{pending.text_sha256}</span>' in html
    assert '<div class="sign-line">Place, date</div>' in html
    assert "Member from" not in html


def test_an_application_the_committee_has_not_accepted_has_no_declaration(tmp_path):
    pending = example_steps.open_agreement(f"sqlite:///{tmp_path / 'pending.db'}")
    try:
        example_steps.sign_at_ceremony(pending)
        example_steps.accept_application(pending)
        with pending.app.db.session() as session:
            application = accession.application_by_id(session, pending.application_id)
            application.state = "on_agenda"  # as it was before the vote; never committed
            with pytest.raises(Conflict) as refused:
                declaration_context(session, application)
    finally:
        pending.app.db.dispose()
    assert refused.value.message("de") == (
        "Die Beitrittserklärung zu Antrag 1 gibt es erst, wenn das Gremium den Antrag "
        "angenommen hat (der Antrag ist „auf der Tagesordnung“)."
    )


def test_user_text_with_html_is_printed_as_text_not_markup(example, session):
    context = agreement_context(session, session.get(AgreementVersion, int(example.version_ref)))
    context["agreement"]["title"] = "Vereinbarung <b>fett</b>"
    context["agreement"]["text"] = "# Präambel\n\nAbsatz mit <script>alert(1)</script>"
    context["parties"][0]["signature"]["place"] = "<i>Rathaus</i>"
    html = render_html("agreement", context, "de")
    assert "Vereinbarung &lt;b&gt;fett&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;i&gt;Rathaus&lt;/i&gt;" in html
    assert "<b>" not in html and "<script>" not in html and "<i>" not in html


@pytest.mark.parametrize(
    ("kind", "remove"),
    [
        ("agreement", ("agreement", "text_sha256")),
        ("agreement", ("committee", "name")),
        ("accession_declaration", ("decision", "yes")),
        ("accession_declaration", ("organisation", "name")),
    ],
)
def test_a_missing_value_fails_loudly_instead_of_printing_a_blank(example, session, kind, remove):
    context = copy.deepcopy(kind_by_name(kind).load(session, references(example)[kind]))
    del context[remove[0]][remove[1]]
    with pytest.raises(jinja2.UndefinedError):
        render_html(kind, context, "de")


def test_an_unknown_document_kind_is_refused_with_the_kinds_allowed():
    with pytest.raises(InvalidInput) as refused:
        kind_by_name("protokoll")
    assert refused.value.message("de") == (
        "Dokumentart „protokoll“ gibt es nicht; erlaubt: accession_declaration, agreement, "
        "annual_report, attendance_list, decisions_register, invitation, minutes."
    )


def test_an_unknown_id_says_so(session):
    with pytest.raises(NotFound) as refused:
        load_html(session, "accession_declaration", "99")
    assert refused.value.message("de") == "Beitrittsantrag „99“ gibt es nicht."


def test_an_unknown_language_is_refused(example, session):
    with pytest.raises(InvalidInput):
        load_html(session, "agreement", example.version_ref, "fr")


def test_golden_files_exist_for_every_kind_and_nothing_else():
    expected = {golden_path(k, lang).name for k in KINDS for lang in ("de", "en")}
    present = {p.name for p in Path(golden_path("agreement", "de")).parent.glob("*.html")}
    assert present == expected


def test_a_draft_prints_without_hash_and_says_when_the_parties_are_fixed(tmp_path):
    draft = example_steps.draft_agreement(f"sqlite:///{tmp_path / 'draft.db'}")
    try:
        with draft.app.db.session() as session:
            html = load_html(session, "agreement", draft.version_ref, "de")
    finally:
        draft.app.db.dispose()
    assert "<td>1 (Entwurf)</td>" in html
    assert "noch nicht festgelegt: der Entwurf ist nicht zur Unterzeichnung geöffnet" in html
    assert "Die Vertragsparteien werden festgelegt, wenn der Vorsitz die Fassung" in html
    assert "Mit ihrer Unterschrift" not in html
