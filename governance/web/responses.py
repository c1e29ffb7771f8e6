"""A file as a response: its media type, and a name to save it under."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import quote

from flask import Response

DOCUMENT_POLICY = (
    "default-src 'none'; style-src {styles}; img-src data:; font-src data:; "
    "frame-ancestors 'none'; form-action 'none'; base-uri 'none'"
)
"""A document shown in the browser (HTML, as it is printed and archived) brings its
stylesheet inline and runs nothing: its own stylesheets by their hash, no script,
no request anywhere."""
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def document_policy(html: str) -> str:
    """The policy for *html*: exactly its inline stylesheets (by SHA-256), nothing else."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(m.encode()).digest()).decode() + "'"
        for m in _STYLE.findall(html)
    ]
    return DOCUMENT_POLICY.format(styles=" ".join(hashes) or "'none'")


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
        response.headers["Content-Security-Policy"] = document_policy(data.decode("utf-8"))
    return response
