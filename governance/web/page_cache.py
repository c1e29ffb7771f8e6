"""Rendered pages kept for a moment: the pages everybody opens again and again.

A page in :data:`PAGES` that a signed-in person asks for with GET is kept
as rendered, under a key of everything it depends on:

- the sign-in session (so the person, and the CSRF token in its forms,
  which belongs to the session: :mod:`governance.web.csrf`),
- the language, the address with its query, the host and path prefix the
  links are built with,
- the data versions (:mod:`governance.data_version`), read from the
  database on each request with the session, in one statement: the version
  of everything and the versions of the committees the page shows
  (:data:`SCOPES`: the meeting's committee, the register's, the person's
  committees on the overview). Any committed write advances the version of
  everything or those of the committees it wrote for, in every process on
  the database (another worker, a ``gremium`` command, the timer runner), so
  the next request after a write renders afresh the pages that show it, and
  a write in one committee keeps the pages of the others.

The clock is not part of the key: a page is kept until its horizon
(:mod:`governance.horizon`), the next moment it would show something else by
the clock alone: the earliest moment after the rendering among the moments of
the rows it loaded, those the reads noted, those its HTML shows
(``<time datetime>``), and the next midnight in Berlin ("today"). From then on
it is rendered afresh (the other threads of the process wait for that
rendering: a page past its horizon is never sent). However far the horizon,
a page is kept at most :data:`MAX_KEEP_SECONDS`: a moment the horizon cannot
see (one a rule computes from the clock and shows in other words) then shows
late by minutes, never by days. The tests walk the clock over every stored
moment against an uncached app, so such a miss is still found there.

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
import datetime as dt
import hashlib
import re
import threading

from flask import Flask, g, request, session
from werkzeug.wrappers import Response

from governance import horizon
from governance.models.base import Base
from governance.web.context import core

PAGES = frozenset({"overview.index", "meetings.show", "records.decisions"})
"""The endpoints whose pages are kept. A page belongs here only if what it shows
comes from the database, the clock, the person, the language and the address alone
(tests/web/test_page_cache.py shows each one fresh after the writes it shows)."""

SCOPES = {"overview.index": "person", "meetings.show": "meeting", "records.decisions": "committee"}
"""What the committee versions in a page's key are, by endpoint (``person``: the signed-in
person's committees; ``meeting``: the meeting's committee, by the address's ``mid``;
``committee``: the address's ``cid``): :data:`governance.services.sign_in.Scope`."""

_SCOPE_ARGUMENT = {"meeting": "mid", "committee": "cid"}

EXTENSION = "gremium.page_cache"
_KEY = "page_cache_key"
_ENDED = "page_cache_ended"
_VERSION = "page_cache_version"
_FLASHES = "_flashes"  # where Flask keeps the messages of the next page


@dataclasses.dataclass(frozen=True)
class Page:
    rendered_at: float
    """The clock's moment (POSIX seconds) the page was rendered at."""
    until: float
    """The page's horizon (:mod:`governance.horizon`): from this moment on it would show
    something else by the clock alone (a deadline passed, a new day): rendered afresh."""
    etag: str
    body: bytes

    def shows(self, moment: float) -> bool:
        """Whether the page is what would be rendered at the clock's *moment* (nothing
        written since: the data version is part of the key)."""
        return self.rendered_at <= moment < self.until


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

    def take(self, key: Key, moment: float) -> tuple[Page | None, bool]:
        """The page to send for *key* at the clock's *moment*, or None: then the caller
        renders it, and with True it is the one rendering (it must call :meth:`done`)."""
        while True:
            with self._lock:
                page = self._pages.get(key)
                if page is not None:
                    self._pages.move_to_end(key)
                    if page.shows(moment):
                        return page, False
                rendering = self._rendering.get(key)
                if rendering is None:
                    self._rendering[key] = threading.Event()
                    return None, True
            # Another thread renders it: a page past its horizon is never sent, so wait.
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
    horizon.listen(Base)
    app.after_request(_keep)
    app.teardown_request(_give_up)


def scope() -> tuple[str, int] | None:
    """The committees this request's page shows, if it is one kept (:data:`SCOPES`): their
    versions are read with the session (:func:`note_version`)."""
    if request.method != "GET" or request.endpoint not in PAGES:
        return None
    kind = SCOPES.get(request.endpoint or "")
    if kind is None:
        return None
    argument = _SCOPE_ARGUMENT.get(kind)
    if argument is None:
        return (kind, 0)
    value = (request.view_args or {}).get(argument)
    return (kind, value) if isinstance(value, int) else None


def note_version(version: tuple[object, ...] | None) -> None:
    """Keep the data versions for :func:`lookup` (read with the session, in the same
    statement: :func:`governance.services.sign_in.current_session_and_version`, asked
    for this request's :func:`scope`)."""
    setattr(g, _VERSION, (scope(), version))


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
    scoped, version = g.pop(_VERSION, (None, None))
    # A write in one committee advances that committee's version alone: a page is kept
    # only under the versions of the committees it shows (never under the one of
    # everything alone).
    if version is None or scoped is None or scoped != scope():
        return None
    key = (
        current.session_id,
        current.person_id,
        g.lang,
        request.host,
        request.script_root,
        request.full_path,
        scoped,
        version,
    )
    now = app.clock.now()
    page, rendering = pages.take(key, now.timestamp())
    if page is None:
        # rendered by the view, then kept until the horizon noted while it renders
        setattr(g, _KEY, (key, now.timestamp(), rendering, horizon.start(now)))
        return None
    if page.etag in request.if_none_match:
        response = Response(status=304)
    else:
        response = Response(page.body, mimetype="text/html")
    response.set_etag(page.etag)
    return response


MAX_KEEP_SECONDS = 300.0
"""The longest a page is kept by the clock alone (see the module's docstring)."""

_SHOWN_MOMENT = re.compile(rb'datetime="(\d{4}-\d\d-\d\dT[^"]+)"')
"""A moment the page shows (``<time datetime>``): where it may change by the clock."""


def _horizon_of(body: bytes) -> float:
    watched = horizon.current()
    assert watched is not None  # started in lookup, ended in _give_up
    for found in _SHOWN_MOMENT.finditer(body):
        try:
            watched.note(dt.datetime.fromisoformat(found.group(1).decode()))
        except ValueError:
            continue
    return watched.until.timestamp()


def _keep(response: Response) -> Response:
    from flask import current_app

    taken = g.pop(_KEY, None)
    if taken is None:
        return response
    key, rendered_at, rendering, _token = taken
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
        until = min(_horizon_of(body), rendered_at + MAX_KEEP_SECONDS)
        pages.put(key, Page(rendered_at, until, etag, body))
        response.set_etag(etag)
        return response
    finally:
        if rendering:
            pages.done(key)
        setattr(g, _ENDED, taken)  # the horizon's watch ends with the request (_give_up)


def _give_up(_error: BaseException | None) -> None:
    # The end of every request: the horizon's watch ends; a view that failed (no
    # after_request) lets the threads waiting for its page look again.
    from flask import current_app

    ended = g.pop(_ENDED, None)
    if ended is not None:  # kept (or not) by _keep, which let the waiting threads go
        horizon.stop(ended[3])
        return
    taken = g.pop(_KEY, None)
    if taken is None:
        return
    horizon.stop(taken[3])
    if taken[2]:
        current_app.extensions[EXTENSION].done(taken[0])
