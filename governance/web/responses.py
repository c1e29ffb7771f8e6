"""A file as a response: its media type, and a name to save it under."""

from __future__ import annotations

from urllib.parse import quote

from flask import Response

DOCUMENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "frame-ancestors 'none'; form-action 'none'; base-uri 'none'"
)
"""A document shown in the browser (HTML, as it is printed and archived) brings its
stylesheet inline and runs nothing: styles only, no script, no request anywhere."""


def file_response(data: bytes, media_type: str, filename: str, *, inline: bool = False) -> Response:
    """*data* as a download named *filename* (``inline``: shown in the browser, e.g. a
    PDF preview, an HTML document to read). An HTML document gets the document
    policy instead of the pages' one: its own inline stylesheet applies, nothing runs."""
    response = Response(data, content_type=media_type)
    disposition = "inline" if inline else "attachment"
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "")
    response.headers["Content-Disposition"] = (
        f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    )
    response.headers["Content-Length"] = str(len(data))
    if media_type.startswith("text/html"):
        response.headers["Content-Security-Policy"] = DOCUMENT_POLICY
    return response
