"""A file as a response: its media type, and a name to save it under."""

from __future__ import annotations

from urllib.parse import quote

from flask import Response


def file_response(data: bytes, media_type: str, filename: str, *, inline: bool = False) -> Response:
    """*data* as a download named *filename* (``inline``: shown in the browser, e.g. a
    PDF preview). Documents are saved rather than shown as pages, so their own
    print stylesheet is not subject to the pages' Content-Security-Policy."""
    response = Response(data, content_type=media_type)
    disposition = "inline" if inline else "attachment"
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "")
    response.headers["Content-Disposition"] = (
        f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    )
    response.headers["Content-Length"] = str(len(data))
    return response
