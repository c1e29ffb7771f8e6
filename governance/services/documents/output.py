"""A document as a front hands it out: the bytes in the format asked for, their
SHA-256, the media type and a file name to save it under.

The command line writes it to a file, the web serves it; both call
:func:`render_document`, so a document's name and format are decided once.
Rendering only reads: nothing in the database changes and nothing is audited.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from typing import TYPE_CHECKING

from governance.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FORMATS = ("html", "pdf")
MEDIA_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}
PDF_LABEL = "PDF/A-3a, PDF/UA-1"
"""How fronts name the PDFs they hand out (see documents.rendering.PDF_VARIANT)."""


@dataclasses.dataclass(frozen=True)
class RenderedDocument:
    data: bytes
    sha256: str
    """Hex SHA-256 of *data*."""
    fmt: str
    filename: str
    """``minutes-12.pdf``: kind, reference, format; safe in a path and a header."""

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.fmt]

    @property
    def label(self) -> str:
        return PDF_LABEL if self.fmt == "pdf" else "HTML"


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InvalidInput("error.choice", what="--format", value=fmt, allowed=", ".join(FORMATS))
    return fmt


def render_document(
    session: Session, kind: str, ref: str, lang: str, fmt: str = "pdf"
) -> RenderedDocument:
    """The document *kind* for *ref* in *lang* as HTML or tagged PDF/A."""
    # Imported here: WeasyPrint takes over half a second, the loaders pull in the
    # services; a front that only names PDF_LABEL pays for neither.
    from governance.services.documents.kinds import kind_by_name, load_html

    kind_by_name(kind)  # an unknown kind is refused before anything is read
    check_format(fmt)
    return rendered(load_html(session, kind, ref, lang), kind, ref, fmt)


def rendered(html: str, kind: str, ref: str, fmt: str) -> RenderedDocument:
    """*html* of document *kind* *ref* as handed out: the HTML itself or its tagged PDF/A."""
    from governance.documents.archival import pdfa

    check_format(fmt)
    if fmt == "pdf":
        document = pdfa(html)
        data, sha256 = document.data, document.sha256
    else:
        data = html.encode("utf-8")
        sha256 = hashlib.sha256(data).hexdigest()
    return RenderedDocument(data, sha256, fmt, default_name(kind, ref, fmt))


def default_name(kind: str, ref: str, fmt: str) -> str:
    return f"{kind}-{re.sub(r'[^0-9A-Za-z]+', '-', ref).strip('-')}.{fmt}"
