"""PDF/A for the archive: the bytes, their SHA-256, and filing them in a folder.

Approved minutes (and signed agreements) are archived as PDF/A-3a, tagged
for screen readers and identified as PDF/UA-1 too (see
rendering.PDF_VARIANT). PDF/A-3 rather than -2 so that later issues may
attach the source data (e.g. the minutes as XML) to the same file.
The SHA-256 is of the exact bytes written, so it can be recorded with the
approved document and checked against the archived file at any time.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from governance.documents.files import write_atomically
from governance.documents.rendering import PDF_VARIANT, html_to_pdf
from governance.errors import Conflict

PDFA_VARIANT = PDF_VARIANT


@dataclasses.dataclass(frozen=True)
class PdfDocument:
    data: bytes
    sha256: str
    """Hex SHA-256 of *data*."""


@dataclasses.dataclass(frozen=True)
class ArchivedFile:
    path: Path
    sha256: str


def pdfa(html: str) -> PdfDocument:
    """Render *html* as PDF/A-3a (tagged, PDF/UA-1) and return the bytes with their SHA-256."""
    data = html_to_pdf(html, pdf_variant=PDFA_VARIANT)
    return PdfDocument(data=data, sha256=hashlib.sha256(data).hexdigest())


def archive(document: PdfDocument, folder: Path, name: str) -> ArchivedFile:
    """File *document* as *folder*/*name*; return its path and SHA-256.

    Filing the same bytes again is harmless; an archived file with other
    bytes under the same name is never overwritten (Conflict).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if path.exists():
        existing = hashlib.sha256(path.read_bytes()).hexdigest()
        if existing != document.sha256:
            raise Conflict("documents.error.archived_differs", path=str(path), sha256=existing)
        return ArchivedFile(path=path, sha256=existing)
    write_atomically(path, document.data)
    return ArchivedFile(path=path, sha256=document.sha256)
