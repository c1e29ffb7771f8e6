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
  "in 3 days"), so a page is rendered afresh for every second it is shown in
  (while one thread does so, the others of the process are sent the page of
  the second or two before: :data:`STALE_SECONDS`; never a page from before a write).

Before the cache is asked the session has been checked as always (expired,
signed out, revoked: no page), and a page with a one-time message waiting
("Gespeichert.") is rendered, never taken from or put into the cache. Each
process keeps its own pages, at most ``[web] page_cache_mb`` megabytes, the
least recently used leaving first. A kept page is sent with an ETag; the same
ETag in If-None-Match is answered with 304.
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import threading

from flask import Flask, g, request, session
from werkzeug.wrappers import Response

from governance.web.context import core

PAGES = frozenset({"overview.index", "meetings.show", "records.decisions"})
"""The endpoints whose pages are kept. A page belongs here only if what it shows
comes from the database, the clock, the person, the language and the address alone
(tests/web/test_page_cache.py shows each one fresh after the writes it shows)."""

EXTENSION = "gremium.page_cache"
_KEY = "page_cache_key"
_VERSION = "page_cache_version"
_FLASHES = "_flashes"  # where Flask keeps the messages of the next page


@dataclasses.dataclass(frozen=True)
class Page:
    second: int
    """The clock's second the page was rendered for."""
    etag: str
    body: bytes


STALE_SECONDS = 2
"""While one thread renders a page afresh for a new second (nothing was written), the
others are sent the page of a second or two before, not made to wait or render it too."""
WAIT_SECONDS = 10.0
"""How long a request waits for another thread rendering the page it needs."""

Key = tuple[object, ...]


class Pages:
    """Rendered pages by key, at most *limit* bytes, least recently used out first;
    a page is rendered by one thread at a time, the others wait for it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._pages: collections.OrderedDict[Key, Page] = collections.OrderedDict()
        self._rendering: dict[Key, threading.Event] = {}
        self._size = 0
        self._lock = threading.Lock()  # gthread workers serve several requests at once

    def take(self, key: Key, second: int) -> tuple[Page | None, bool]:
        """The page to send for *key* at the clock's *second*, or None: then the caller
        renders it, and with True it is the one rendering (it must call :meth:`done`)."""
        while True:
            with self._lock:
                page = self._pages.get(key)
                if page is not None:
                    self._pages.move_to_end(key)
                    if page.second >= second:
                        return page, False
                rendering = self._rendering.get(key)
                if rendering is None:
                    self._rendering[key] = threading.Event()
                    return None, True
                if page is not None and second - page.second <= STALE_SECONDS:
                    return page, False
            if not rendering.wait(WAIT_SECONDS):
                return None, False

    def get(self, key: Key) -> Page | None:
        with self._lock:
            return self._pages.get(key)

    def put(self, key: Key, page: Page) -> None:
        if len(page.body) > self.limit:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            self._pages[key] = page
            self._size += len(page.body)
            while self._size > self.limit:
                _, dropped = self._pages.popitem(last=False)
                self._size -= len(dropped.body)

    def done(self, key: Key) -> None:
        """The rendering of *key* is over (kept or not): the waiting threads look again."""
        with self._lock:
            rendering = self._rendering.pop(key, None)
        if rendering is not None:
            rendering.set()

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
    app.teardown_request(_give_up)


def note_version(version: int | None) -> None:
    """Keep the data version for :func:`lookup` (read with the session, in the same
    statement: :func:`governance.services.sign_in.current_session_and_version`)."""
    setattr(g, _VERSION, version)


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
    version = g.pop(_VERSION, None)
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
    )
    second = int(app.clock.now().timestamp())
    page, rendering = pages.take(key, second)
    if page is None:
        g.setdefault(_KEY, (key, second, rendering))  # rendered by the view, then kept
        return None
    if page.etag in request.if_none_match:
        response = Response(status=304)
    else:
        response = Response(page.body, mimetype="text/html")
    response.set_etag(page.etag)
    return response


def _keep(response: Response) -> Response:
    from flask import current_app

    taken = g.pop(_KEY, None)
    if taken is None:
        return response
    key, second, rendering = taken
    pages: Pages = current_app.extensions[EXTENSION]
    try:
        if (
            response.status_code != 200
            or response.mimetype != "text/html"
            or response.direct_passthrough
            or session.modified  # the page took a message or set the form cookie: its own
            or "Set-Cookie" in response.headers
        ):
            return response
        body = response.get_data()
        etag = hashlib.sha256(body).hexdigest()[:32]
        pages.put(key, Page(second, etag, body))
        response.set_etag(etag)
        return response
    finally:
        if rendering:
            pages.done(key)


def _give_up(_error: BaseException | None) -> None:
    # A view that failed (no after_request): the threads waiting for it must not wait on.
    from flask import current_app

    taken = g.pop(_KEY, None)
    if taken is not None and taken[2]:
        current_app.extensions[EXTENSION].done(taken[0])
