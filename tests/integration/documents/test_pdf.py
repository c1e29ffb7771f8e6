"""What a reader finds in the PDF, and what an archive can rely on: PDF/A
identification, a SHA-256 of the exact bytes, no resource from outside."""

from __future__ import annotations

import hashlib
import io
import re
import time

import pytest
from pypdf import PdfReader

from governance.documents import PDFA_VARIANT, archive, html_to_pdf, pdfa
from governance.documents.fetcher import ResourceRefused
from governance.errors import Conflict
from governance.services.documents.kinds import load_html
from tests.golden.regenerate import golden_path


def text_of(data: bytes) -> list[str]:
    """The text of each page, with line breaks folded into spaces."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def xmp(data: bytes) -> str:
    metadata = PdfReader(io.BytesIO(data)).trailer["/Root"]["/Metadata"].get_object()
    return metadata.get_data().decode("utf-8")


@pytest.fixture(scope="module")
def agreement_pdf() -> bytes:
    return html_to_pdf(golden_path("agreement", "de").read_text(encoding="utf-8"))


def test_the_agreement_pdf_shows_every_signatory_date_and_the_hash(agreement_pdf, example):
    pages = text_of(agreement_pdf)
    text = " ".join(pages)
    assert "§ 1 Ziel" in text
    assert example.text_sha256 in text
    for signatory in (
        "Leitung OE SPK",
        "Geschäftsführung Rabenhaus",
        "Vorstand Offensiv'91",
        "Referat Stadtteilzentren SenASGIVA",
    ):
        assert signatory in text
    assert text.count("06.02.2026") >= 10


def test_every_page_counts_pages_and_later_pages_name_the_committee(agreement_pdf):
    pages = text_of(agreement_pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in page
        assert "Kooperationsvereinbarung, Fassung 1/1" in page
        assert "Kooperationsgremium Nachbarschafts-, Stadtteil- und Selbsthilfearbeit" in page


def test_the_english_pdf_counts_pages_in_english(example, session):
    data = html_to_pdf(
        load_html(session, "accession_declaration", str(example.application_id), "en")
    )
    (page,) = text_of(data)
    assert "Page 1 of 1" in page
    assert "Vorstand Kosmosviertel" in page
    assert "18/03/2026" in page
    assert example.text_sha256 in page


def test_the_archive_pdf_is_pdfa_3a_and_its_sha256_is_of_the_exact_bytes(example, session):
    document = pdfa(load_html(session, "accession_declaration", str(example.application_id)))
    assert PDFA_VARIANT == "pdf/a-3a"
    metadata = xmp(document.data)
    assert 'pdfaid:part="3"' in metadata
    assert 'pdfaid:conformance="A"' in metadata
    assert 'pdfuaid:part="1"' in metadata
    assert document.sha256 == hashlib.sha256(document.data).hexdigest()
    assert document.data.startswith(b"%PDF-1.7")


def test_rendering_an_hour_later_gives_the_same_bytes(example, session, monkeypatch):
    html = load_html(session, "accession_declaration", str(example.application_id))
    first = pdfa(html)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 3600)  # the font subsetter reads the time
    assert pdfa(html) == first


def test_archive_writes_the_file_and_returns_its_path_and_hash(tmp_path, example, session):
    document = pdfa(load_html(session, "accession_declaration", str(example.application_id)))
    filed = archive(document, tmp_path / "archiv" / "2026", "beitritt-1.pdf")
    assert filed.path == tmp_path / "archiv" / "2026" / "beitritt-1.pdf"
    assert hashlib.sha256(filed.path.read_bytes()).hexdigest() == filed.sha256 == document.sha256
    assert archive(document, tmp_path / "archiv" / "2026", "beitritt-1.pdf") == filed
    assert [p.name for p in filed.path.parent.iterdir()] == ["beitritt-1.pdf"]


def test_archive_never_overwrites_a_different_file(tmp_path, example, session):
    (tmp_path / "beitritt-1.pdf").write_bytes(b"%PDF- another document")
    document = pdfa(load_html(session, "accession_declaration", str(example.application_id)))
    with pytest.raises(Conflict) as refused:
        archive(document, tmp_path, "beitritt-1.pdf")
    assert "werden nicht überschrieben" in refused.value.message("de")
    assert (tmp_path / "beitritt-1.pdf").read_bytes() == b"%PDF- another document"


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/logo.png", "https://example.org/style.css", "file:///etc/hostname"],
)
def test_a_document_may_not_load_anything_from_outside_the_templates(url):
    html = f'<html><body><img src="{url}"><p>Text</p></body></html>'
    with pytest.raises(ResourceRefused):
        html_to_pdf(html)
