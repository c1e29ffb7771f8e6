"""Documents people print, sign and archive: HTML and PDF (PDF/A for the archive).

- :mod:`~governance.documents.kinds` — the document kinds by name and how each
  builds its context (:mod:`agreement`, :mod:`accession_declaration`);
- :mod:`~governance.documents.rendering` — HTML via the shared Jinja2
  environment (templates/documents/), PDF via WeasyPrint;
- :mod:`~governance.documents.archive` — PDF/A with its SHA-256, and filing it.
"""

from governance.documents.archive import PDFA_VARIANT, ArchivedFile, PdfDocument, archive, pdfa
from governance.documents.kinds import KINDS, DocumentKind, kind_by_name
from governance.documents.rendering import html_to_pdf, load_html, render_html

__all__ = [
    "KINDS",
    "PDFA_VARIANT",
    "ArchivedFile",
    "DocumentKind",
    "PdfDocument",
    "archive",
    "html_to_pdf",
    "kind_by_name",
    "load_html",
    "pdfa",
    "render_html",
]
