"""Documents people print, sign and archive: HTML and PDF (PDF/A for the archive).

- :mod:`~governance.documents.templates` — where a kind's templates are;
- :mod:`~governance.documents.rendering` — HTML via the shared Jinja2
  environment (templates/documents/), PDF via WeasyPrint;
- :mod:`~governance.documents.archival` — PDF/A with its SHA-256, and filing it.

What each kind of document contains (its context, looked up by reference:
``load_html``, ``KINDS``) is the application layer's, in
:mod:`governance.services.documents`: this package renders, it does not look up.

The names below are loaded on first use: importing WeasyPrint takes over
half a second, which every ``gremium`` command would pay otherwise.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from governance.documents.archival import (
        PDFA_VARIANT,
        ArchivedFile,
        PdfDocument,
        archive,
        pdfa,
    )
    from governance.documents.rendering import html_to_pdf, render_html

_WHERE = {
    "html_to_pdf": "rendering",
    "render_html": "rendering",
    "PDFA_VARIANT": "archival",
    "ArchivedFile": "archival",
    "PdfDocument": "archival",
    "archive": "archival",
    "pdfa": "archival",
}

__all__ = [
    "PDFA_VARIANT",
    "ArchivedFile",
    "PdfDocument",
    "archive",
    "html_to_pdf",
    "pdfa",
    "render_html",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
