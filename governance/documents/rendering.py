"""Rendering a document: HTML through the shared Jinja2 environment, PDF
through WeasyPrint.

The HTML is self-contained (the print stylesheet is inlined), so the same
file can be opened in a browser, attached to a mail or turned into a PDF.
Rendering depends only on the context: no render time, no random ids, so
the same data gives the same bytes (the golden files rely on it).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from typing import Any

from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError

from governance.documents.fetcher import ResourceRefused, TemplatesOnlyFetcher
from governance.documents.templates import documents_dir, template_of
from governance.errors import check_language
from governance.templating import render

# Where HarfBuzz-Subset is missing, WeasyPrint subsets fonts with fontTools,
# which stamps each font subset with the current time unless
# SOURCE_DATE_EPOCH is set (reproducible-builds convention). A fixed stamp
# (2026-01-01 UTC) keeps a document's bytes, and so its SHA-256, stable.
_FONT_TIMESTAMP = "1767225600"
_ENVIRONMENT_LOCK = threading.Lock()


def render_html(kind: str, context: dict[str, Any], lang: str = "de") -> str:
    """The document *kind* for *context* as HTML in *lang*; a missing value raises.

    The context comes from the application layer (governance.services.documents,
    which also looks a document up by reference: ``load_html``)."""
    return render(template_of(kind, check_language(lang)), context, lang)


PDF_VARIANT = "pdf/a-3a"
"""Every PDF Gremium makes, for the archive and for mails alike: PDF/A-3 at
conformance level A (ISO 19005-3: fonts embedded, colour profile, XMP
identification, and a tagged structure with Unicode text), which is
PDF/A-3b plus the accessibility of level A. WeasyPrint (≥ 67) tags it from
the HTML: headings, paragraphs, tables with header cells, lists, the reading
order of the HTML and the document language from ``<html lang>``."""

_PDF_UA_IDENTIFICATION = b'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1" '
"""The PDF/UA-1 identification (ISO 14289-1, 5), added to the first
``rdf:Description`` of the XMP packet, next to the PDF/A one. WeasyPrint
writes one variant's identification; a tagged PDF/A-3a has what its
``pdf/ua-1`` variant gives (structure tree, language, the title shown as
window title), so the document claims both. No validator (veraPDF, PAC)
runs here: the tests check the structure with pypdf."""

_PDF_UA_SCHEMA = (
    b'<rdf:Description rdf:about="" '
    b'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" '
    b'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" '
    b'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
    b'<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
    b"<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
    b"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
    b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    b'<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">'
    b"<pdfaProperty:name>part</pdfaProperty:name>"
    b"<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    b"<pdfaProperty:category>internal</pdfaProperty:category>"
    b"<pdfaProperty:description>Indicates which part of ISO 14289 the file follows"
    b"</pdfaProperty:description>"
    b"</rdf:li></rdf:Seq></pdfaSchema:property>"
    b"</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>"
)
"""PDF/A-2 and -3 allow in XMP only the predefined schemas and those an
extension schema describes; ``pdfuaid`` is not predefined, so it is described."""


def html_to_pdf(html: str, *, pdf_variant: str | None = None) -> bytes:
    """Lay out *html* as a tagged PDF/A-3a that also identifies as PDF/UA-1 (A4, see
    print.css). *pdf_variant* names another WeasyPrint variant (e.g. "pdf/a-3b"), which
    is tagged too but claims only that variant."""
    variant = pdf_variant or PDF_VARIANT
    root = documents_dir()
    fetcher = TemplatesOnlyFetcher(root)
    # A fixed identifier instead of WeasyPrint's per-run one: same HTML, same bytes.
    options: dict[str, Any] = {
        "pdf_variant": variant,
        "pdf_tags": True,
        "pdf_identifier": b"gremium-document",
    }
    try:
        with _fixed_font_timestamp():
            document = HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher).render(
                **options
            )
            finisher = _claim_pdf_ua if variant == PDF_VARIANT else None
            return document.write_pdf(finisher=finisher, **options)
    except FatalURLFetchingError as exc:
        # WeasyPrint raises this BaseException for a fetcher refusal; make it an ordinary error.
        raise ResourceRefused(str(exc.__cause__ or exc)) from None


def _claim_pdf_ua(document: Any, pdf: Any) -> None:
    """WeasyPrint's finisher hook: add the PDF/UA-1 identification to the XMP packet."""
    reference = pdf.catalog["Metadata"]  # b"33 0 R"
    reference = reference.decode() if isinstance(reference, bytes) else str(reference)
    metadata = pdf.objects[int(reference.split()[0])]
    packet = b"".join(
        part if isinstance(part, bytes) else str(part).encode() for part in metadata.stream
    )
    marker = b"<rdf:Description "
    if marker not in packet:
        raise RuntimeError("WeasyPrint wrote no rdf:Description to identify the PDF with")
    packet = packet.replace(marker, marker + _PDF_UA_IDENTIFICATION, 1)
    metadata.stream = [packet.replace(b"</rdf:RDF>", _PDF_UA_SCHEMA + b"</rdf:RDF>", 1)]


@contextlib.contextmanager
def _fixed_font_timestamp() -> Iterator[None]:
    with _ENVIRONMENT_LOCK:
        before = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = before or _FONT_TIMESTAMP
        try:
            yield
        finally:
            if before is None:
                del os.environ["SOURCE_DATE_EPOCH"]
