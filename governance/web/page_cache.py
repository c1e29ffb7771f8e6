"""Rendered pages kept for a moment: the pages everybody opens again and again.

A page in :data:`PAGES` that a signed-in person asks for with GET is kept
as rendered, under a key of everything it depends on:

- the sign-in session (so the person, and the CSRF token in its forms,
  which belongs to the session: :mod:`governance.web.csrf`),
- the language, the address with its query, the host and path prefix the
  links are built with,
- the data version (:mod:`governance.data_version`), read from the
  database on each request: any committed write advances it, in every
  process on the database, so the next request after a write renders afresh,
- the clock's second: pages compare deadlines with the clock ("overdue",
  "in 3 days"), so a page is never older than the second it is shown in.

Before the cache is asked the session has been checked as always (expired,
signed out, revoked: no page), and a page with a one-time message waiting
("Gespeichert.") is rendered, never taken from or put into the cache. Each
process keeps its own pages, at most ``[web] page_cache_mb`` megabytes, the
least recently used leaving first. A kept page is sent with an ETag; the same
ETag in If-None-Match is answered with 304.
"""

from __future__ import annotations

import collections
import hashlib
import threading

from flask import Flask, g, request, session
from werkzeug.wrappers import Response

from governance import data_version
from governance.web.context import core

PAGES = frozenset({"overview.index", "meetings.show", "records.decisions"})
"""The endpoints whose pages are kept. A page belongs here only if what it shows
comes from the database, the clock, the person, the language and the address alone
(tests/web/test_page_cache.py shows each one fresh after the writes it shows)."""

EXTENSION = "gremium.page_cache"
_KEY = "page_cache_key"
_FLASHES = "_flashes"  # where Flask keeps the messages of the next page


class Pages:
    """Rendered pages by key, at most *limit* bytes, least recently used out first."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._pages: collections.OrderedDict[tuple[object, ...], tuple[str, bytes]] = (
            collections.OrderedDict()
        )
        self._size = 0
        self._lock = threading.Lock()  # gthread workers serve several requests at once

    def get(self, key: tuple[object, ...]) -> tuple[str, bytes] | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[object, ...], etag: str, body: bytes) -> None:
        if len(body) > self.limit:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self._size -= len(old[1])
            self._pages[key] = (etag, body)
            self._size += len(body)
            while self._size > self.limit:
                _, (_, dropped) = self._pages.popitem(last=False)
                self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._pages)

    @property
    def size(self) -> int:
        return self._size


def install(app: Flask, megabytes: int) -> None:
    """Keep pages in *app* (nothing with 0 megabytes); :func:`lookup` runs in its
    before_request hook after the session and CSRF checks."""
    if megabytes <= 0:
        return
    app.extensions[EXTENSION] = Pages(megabytes * 1024 * 1024)
    app.after_request(_keep)


def lookup() -> Response | None:
    """The kept page for this request, or None (then the view renders it and it is kept)."""
    from flask import current_app

    pages: Pages | None = current_app.extensions.get(EXTENSION)
    current = g.get("person")
    if (
        pages is None
        or current is None
        or request.method != "GET"
        or request.endpoint not in PAGES
        or _FLASHES in session
    ):
        return None
    app = core()
    with app.db.read_connection() as conn:
        version = data_version.current(conn)
    if version is None:
        return None
    key = (
        current.session_id,
        current.person_id,
        g.lang,
        request.host,
        request.script_root,
        request.full_path,
        version,
        int(app.clock.now().timestamp()),
    )
    g.setdefault(_KEY, key)
    page = pages.get(key)
    if page is None:
        return None
    etag, body = page
    if etag in request.if_none_match:
        response = Response(status=304)
    else:
        response = Response(body, mimetype="text/html")
    response.set_etag(etag)
    return response


def _keep(response: Response) -> Response:
    key = g.pop(_KEY, None)
    if (
        key is None
        or response.status_code != 200
        or response.mimetype != "text/html"
        or response.direct_passthrough
        or session.modified  # the page took a message or set the form cookie: its own
        or "Set-Cookie" in response.headers
    ):
        return response
    from flask import current_app

    body = response.get_data()
    etag = hashlib.sha256(body).hexdigest()[:32]
    current_app.extensions[EXTENSION].put(key, etag, body)
    response.set_etag(etag)
    return response
