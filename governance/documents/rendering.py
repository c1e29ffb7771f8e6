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
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError

from governance.documents.fetcher import ResourceRefused, TemplatesOnlyFetcher
from governance.documents.kinds import DocumentKind, kind_by_name
from governance.i18n import check_language
from governance.resources import templates_dir
from governance.templating import render

# Where HarfBuzz-Subset is missing, WeasyPrint subsets fonts with fontTools,
# which stamps each font subset with the current time unless
# SOURCE_DATE_EPOCH is set (reproducible-builds convention). A fixed stamp
# (2026-01-01 UTC) keeps a document's bytes, and so its SHA-256, stable.
_FONT_TIMESTAMP = "1767225600"
_ENVIRONMENT_LOCK = threading.Lock()


def documents_dir() -> Path:
    return templates_dir() / "documents"


def render_html(kind: str | DocumentKind, context: dict[str, Any], lang: str = "de") -> str:
    """The document *kind* for *context* as HTML in *lang*; a missing value raises."""
    kind = kind_by_name(kind) if isinstance(kind, str) else kind
    return render(kind.template(check_language(lang)), context, lang)


def load_html(session: Session, kind: str, ref: str, lang: str = "de") -> str:
    """Look up *ref* for document *kind* and render it as HTML."""
    document_kind = kind_by_name(kind)
    check_language(lang)
    return render_html(document_kind, document_kind.load(session, ref), lang)


def html_to_pdf(html: str, *, pdf_variant: str | None = None) -> bytes:
    """Lay out *html* as PDF (A4, see print.css); *pdf_variant* e.g. "pdf/a-3b"."""
    root = documents_dir()
    fetcher = TemplatesOnlyFetcher(root)
    try:
        document = HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher)
        # A fixed identifier instead of WeasyPrint's per-run one: same HTML, same bytes.
        with _fixed_font_timestamp():
            return document.write_pdf(pdf_variant=pdf_variant, pdf_identifier=b"gremium-document")
    except FatalURLFetchingError as exc:
        # WeasyPrint raises this BaseException for a fetcher refusal; make it an ordinary error.
        raise ResourceRefused(str(exc.__cause__ or exc)) from None


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
