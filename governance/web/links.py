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

import datetime as dt
from typing import Any

from flask import Blueprint, abort, g, request
from werkzeug.wrappers import Response

from governance.errors import GremiumError, NotPermitted
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

PAGE = "web/links/confirm.html"
DEAD = "web/links/dead.html"


def _dead(exc: action_links.LinkUnusable) -> Response:
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
                "choices": view.choices.get(f.name),
                "max_length": f.max_length,
            }
            for f in kind.fields
        ],
        person_name=view.person_name,
        expires_at=view.expires_at,
        **context,
    )


@bp.get("/l/<token>")
def show(token: str) -> Response:
    try:
        with reading_as(Actor.system()) as work:
            view = action_links.inspect(work, token)
    except action_links.LinkUnusable as exc:
        return _dead(exc)
    return _page(view, token)


@bp.post("/l/<token>")
def confirm(token: str) -> Response:
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
    return render("web/links/done.html", result=result, person_name=done.person_name)


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
