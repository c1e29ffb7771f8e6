"""What WeasyPrint may load while it lays out a document: files of the
document templates folder, nothing else.

Documents are rendered on servers inside an administration's network; a
template (or a future one) pointing at a remote URL must not make the
renderer reach out, and a local file outside the templates must not end up
in a PDF. A refused URL stops the rendering instead of leaving a silent gap.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse


class ResourceRefused(ValueError):
    """A document asked for a resource outside the templates folder."""


class TemplatesOnlyFetcher(URLFetcher):
    """Fetch ``file:`` URLs inside *root*; refuse every other URL."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols=("file",), fail_on_errors=True)
        self.root = root.resolve()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise ResourceRefused(f"not a file inside the templates folder: {url}")
        path = Path(url2pathname(parts.path)).resolve()
        if not path.is_relative_to(self.root):
            raise ResourceRefused(f"outside the templates folder {self.root}: {url}")
        return super().fetch(url, headers)
