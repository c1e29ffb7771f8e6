"""Action links from mails: ``/l/<token>`` (no sign-in).

GET shows what the link will do and a confirmation form; it changes nothing
(mail scanners open links). POST does it through the purpose's one
application-layer function (:mod:`governance.services.action_links`), as the
link's person "via link", and shows the result or the refusal with the same
message as the web and the CLI. An unknown token, a used, expired or revoked
link get a page saying so and whom to ask; an unknown token learns nothing
beyond "invalid or expired".
"""

from __future__ import annotations

import collections
import datetime as dt
import threading
import time
from collections.abc import Sequence
from typing import Any

from flask import Blueprint, abort, g, request, url_for
from werkzeug.wrappers import Response

from governance.errors import GremiumError, NotPermitted, Text
from governance.services import action_links
from governance.templating import format_datetime_long
from governance.unit_of_work import Actor
from governance.web.context import core
from governance.web.front import (
    committee_or_404,
    reading,
    reading_as,
    redirect_to,
    render,
    status_of,
    uow,
)
from governance.web.rendering import t

bp = Blueprint("links", __name__)

MISSES_PER_CLIENT = 30
"""Unknown tokens one client (IP address) may try within :data:`MISS_WINDOW` (per worker
process): a token is 32 random bytes, so this only keeps a prober from loading the site."""
MISS_WINDOW = 15 * 60.0
_CLIENTS_KEPT = 10_000
_misses: dict[str, collections.deque[float]] = {}
_misses_lock = threading.Lock()


def _too_many_misses(client: str, *, miss: bool) -> bool:
    """Whether *client* has tried too many unknown tokens lately (*miss*: count one more)."""
    now = time.monotonic()
    with _misses_lock:
        seen = _misses.get(client)
        if seen is None:
            if not miss:
                return False
            if len(_misses) >= _CLIENTS_KEPT:  # bounded: the oldest clients are forgotten
                for key in list(_misses)[: _CLIENTS_KEPT // 10]:
                    del _misses[key]
            seen = _misses[client] = collections.deque(maxlen=MISSES_PER_CLIENT + 1)
        while seen and now - seen[0] > MISS_WINDOW:
            seen.popleft()
        if miss:
            seen.append(now)
        return len(seen) >= MISSES_PER_CLIENT


PAGE = "web/links/confirm.html"
DEAD = "web/links/dead.html"


def _dead(exc: action_links.LinkUnusable) -> Response:
    if exc.key == "link.error.invalid":
        _too_many_misses(request.remote_addr or "-", miss=True)
    contact = exc.contact
    return render(
        DEAD,
        410 if exc.key != "link.error.invalid" else 404,
        problem=exc.message(g.lang),
        contact={"name": contact.name, "email": contact.email} if contact else None,
    )


def _page(view: action_links.LinkView, token: str, status: int = 200, **context: Any) -> Response:
    kind = view.purpose
    values = {
        k: format_datetime_long(v, g.lang) if isinstance(v, dt.datetime) else v
        for k, v in view.values.items()
    }
    return render(
        PAGE,
        status,
        token=token,
        title=t(kind.title_key, **values),
        confirm=t(kind.confirm_key, name=view.person_name, **values),
        button=t(kind.button_key),
        fields=[
            {
                "name": f.name,
                "label": t(f.label_key),
                "required": f.required,
                "choices": _labelled(view.choices.get(f.name)),
                "max_length": f.max_length,
                "one_line": f.one_line,
            }
            for f in kind.fields
        ],
        person_name=view.person_name,
        expires_at=view.expires_at,
        # A purpose may show a text to read before confirming (the agreement's frozen text).
        body=view.values.get("body"),
        changes_state=kind.changes_state,
        uses_left=view.uses_left,
        done_so_far=[text.render(g.lang) for text in view.done_so_far],
        withdrawable=_labelled(view.withdrawable) or [],
        used=view.used,
        **context,
    )


def _labelled(
    choices: Sequence[tuple[str, str | Text]] | None,
) -> list[tuple[str, str]] | None:
    if choices is None:
        return None
    return [(v, label.render(g.lang) if isinstance(label, Text) else label) for v, label in choices]


def _limited() -> Response | None:
    if not _too_many_misses(request.remote_addr or "-", miss=False):
        return None
    return render(
        DEAD,
        429,
        problem=t("link.error.too_many", minutes=int(MISS_WINDOW // 60)),
        contact=None,
    )


@bp.get("/l/<token>")
def show(token: str) -> Response:
    if (limited := _limited()) is not None:
        return limited
    try:
        with reading_as(Actor.system()) as work:
            view = action_links.inspect(work, token)
    except action_links.LinkUnusable as exc:
        return _dead(exc)
    return _page(view, token)


@bp.post("/l/<token>")
def confirm(token: str) -> Response:
    if (limited := _limited()) is not None:
        return limited
    form = {k: v for k, v in request.form.items() if k != "csrf_token"}
    try:
        with core().unit_of_work(Actor.system()) as work:
            work.lang = g.lang
            done = action_links.act(work, token, form)
            result = done.result.render(g.lang)
    except action_links.LinkUnusable as exc:
        return _dead(exc)
    except GremiumError as exc:
        # The purpose's refusal: the page again, with the message and what was typed.
        try:
            with reading_as(Actor.system()) as work:
                view = action_links.inspect(work, token)
        except action_links.LinkUnusable as dead:
            return _dead(dead)
        message = exc.message(g.lang)
        return _page(view, token, status_of(exc), errors={"form": message}, form=form)
    return render(
        "web/links/done.html",
        result=result,
        person_name=done.person_name,
        # A link that works several times (proposals): back to its page for the next one.
        again=url_for("links.show", token=token) if done.uses_left > 0 else None,
    )


@bp.post("/l/<token>/withdraw")
def withdraw(token: str) -> Response:
    """Withdraw a declaration the link made (a conflict of interest, a vote transfer)."""
    if (limited := _limited()) is not None:
        return limited
    try:
        with core().unit_of_work(Actor.system()) as work:
            work.lang = g.lang
            done = action_links.withdraw(work, token, request.form.get("declaration", ""))
            result = done.result.render(g.lang)
    except action_links.LinkUnusable as exc:
        return _dead(exc)
    except GremiumError as exc:
        try:
            with reading_as(Actor.system()) as work:
                view = action_links.inspect(work, token)
        except action_links.LinkUnusable as dead:
            return _dead(dead)
        return _page(view, token, status_of(exc), errors={"withdraw": exc.message(g.lang)})
    return render(
        "web/links/done.html",
        result=result,
        person_name=done.person_name,
        again=url_for("links.show", token=token),
    )


# --- the secretariat: the committee's links, and revoking them (signed in) ---

MANAGE = "web/links/manage.html"


def _manage_page(cid: int, status: int = 200, **context: Any) -> Response:
    with reading() as work:
        committee = committee_or_404(work, cid)
        rows = action_links.listing(work, committee, open_only=True)
        name = committee.name
    return render(MANAGE, status, committee_id=cid, committee_name=name, rows=rows, **context)


@bp.get("/committees/<int:cid>/links")
def manage(cid: int) -> Response:
    try:
        return _manage_page(cid)
    except NotPermitted:
        abort(403)  # a member of the committee who is neither chair nor secretariat


@bp.post("/committees/<int:cid>/links/revoke")
def revoke(cid: int) -> Response:
    link_id = request.form.get("link") or None
    person = (request.form.get("person") or "").strip() or None
    try:
        with uow() as work:
            committee = committee_or_404(work, cid)
            revoked = action_links.revoke(work, committee, link_id=link_id, person_ref=person)
    except GremiumError as exc:
        return _manage_page(
            cid, status_of(exc), errors={"form": exc.message(g.lang)}, form=request.form.to_dict()
        )
    return redirect_to(
        "links.manage",
        cid=cid,
        done=t("link.cli.revoked", count=len(revoked), ids=", ".join(map(str, revoked))),
    )
