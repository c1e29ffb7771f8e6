"""Signing in and out: ``/sign-in``, ``/sign-in/<token>``, ``/sign-out``.

The rules are :mod:`governance.services.sign_in`'s; these views parse the
form, set or clear the cookie and render. Opening a link (GET) shows a
button and changes nothing: mail scanners open links too.
"""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, request, session
from werkzeug.wrappers import Response

from governance.errors import GremiumError, NotFound, NotPermitted, TooManyRequests
from governance.mail.immediate import send_soon
from governance.models import Person
from governance.services import sign_in
from governance.unit_of_work import Actor
from governance.web import sessions
from governance.web.context import base_url, core, lifetime
from governance.web.front import reading_as, redirect_to, render, status_of
from governance.web.rendering import t

bp = Blueprint("auth", __name__)

FORM = "web/auth/sign_in.html"


def _page(status: int = 200, **context: object) -> Response:
    """The sign-in form (and, on the simulated clock, the people to sign in as)."""
    people = None
    try:
        with reading_as(Actor.system()) as work:
            people = [
                {"id": p.id, "name": p.name, "function_title": p.function_title}
                for p in sign_in.people_to_sign_in_as(work)
            ]
    except NotPermitted:
        people = None  # a real clock: no list, ever
    context.setdefault("next", sign_in.local_path(request.values.get("next")))
    return render(
        FORM,
        status,
        people=people,
        minutes=sign_in.LINK_MINUTES,
        per_address=sign_in.LIMIT_PER_ADDRESS,
        per_client=sign_in.LIMIT_PER_CLIENT,
        window=sign_in.LIMIT_WINDOW_MINUTES,
        **context,
    )


def sign_in_form() -> Response:
    if g.person is not None:
        return redirect(sign_in.local_path(request.args.get("next")), 303)
    return _page()


def sign_in_request() -> Response:
    email = request.form.get("email", "")
    next_path = sign_in.local_path(request.form.get("next"))
    app = core()
    try:
        with app.unit_of_work(Actor.system()) as work:
            queued = sign_in.request_link(
                work,
                email=email,
                client=request.remote_addr or "-",
                base_url=base_url(),
                next_path=next_path,
            )
    except TooManyRequests as exc:
        return _page(429, errors={"form": exc.message(g.lang)}, form={"email": email})
    except GremiumError as exc:
        return _page(
            status_of(exc),
            errors={"form": exc.message(g.lang), "email": exc.message(g.lang)},
            form={"email": email},
        )
    if queued is not None:
        send_soon(app, [queued])
    return _page(sent=t("web.sign_in.sent", email=email.strip(), minutes=sign_in.LINK_MINUTES))


# Flask needs one endpoint per rule name; GET and POST of /sign-in share "auth.sign_in".
bp.add_url_rule("/sign-in", "sign_in", sign_in_form, methods=["GET"])
bp.add_url_rule("/sign-in", "sign_in_post", sign_in_request, methods=["POST"])


@bp.route("/sign-in/<token>", methods=["GET", "POST"])
def link(token: str) -> Response:
    app = core()
    try:
        if request.method == "GET":
            with app.unit_of_work(Actor.system()) as work:
                person = sign_in.check_link(work, token)
                name = person.name
            return render("web/auth/link.html", token=token, name=name)
        with app.unit_of_work(Actor.system()) as work:
            opened = sign_in.redeem_link(work, token, lifetime())
    except (NotFound, NotPermitted) as exc:
        status = 404 if isinstance(exc, NotFound) else 410
        return _page(status, errors={"form": exc.message(g.lang)}, next="/")
    return _signed_in(opened)


@bp.post("/sign-in/as")
def sign_in_as() -> Response:
    with core().unit_of_work(Actor.system()) as work:
        opened = sign_in.sign_in_as(work, request.form.get("person", ""), lifetime())
    return _signed_in(opened, sign_in.local_path(request.form.get("next")))


def _signed_in(opened: sign_in.OpenedSession, next_path: str | None = None) -> Response:
    session.clear()  # the anonymous form token ends with the anonymous visit
    previous = request.cookies.get(sessions.COOKIE)
    if previous:  # signing in again (as someone else, say) ends the session before
        with core().unit_of_work(Actor.system()) as work:
            sign_in.close_session(work, previous)
    with core().db.session() as db_session:
        person = db_session.get(Person, opened.person_id)
        name = person.name if person is not None else ""
    response = redirect(sign_in.local_path(next_path or opened.next_path), 303)
    sessions.set_cookie(response, opened)
    flash(t("web.sign_in.welcome", name=name), "done")
    return response


@bp.post("/sign-out")
def sign_out() -> Response:
    token = request.cookies.get(sessions.COOKIE)
    if token:
        with core().unit_of_work(Actor.system()) as work:
            sign_in.close_session(work, token)
    session.clear()
    g.person = None
    response = redirect_to("auth.sign_in", done=t("web.sign_out.done"))
    sessions.clear_cookie(response)
    return response
