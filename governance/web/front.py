"""What every view uses: the unit of work of the signed-in person, pages, refusals.

A view parses the request, calls one function of the application layer
inside :func:`uow`, and renders (:func:`render`) or redirects
(:func:`redirect_to`). A refusal of the application layer is shown next to
the form with what was typed (:func:`refused`); one a view does not catch
becomes an error page (:mod:`governance.web.errors`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    g,
    get_flashed_messages,
    make_response,
    redirect,
    request,
)
from flask import url_for as flask_url_for
from werkzeug.wrappers import Response

from governance.errors import ConcurrentChange, Conflict, GremiumError
from governance.models import Committee
from governance.services import access
from governance.unit_of_work import Actor, UnitOfWork
from governance.web.context import core
from governance.web.rendering import t, web_environment

__all__ = [
    "committee_or_404",
    "reading",
    "reading_as",
    "redirect_to",
    "refused",
    "render",
    "status_of",
    "t",
    "uow",
]


@contextlib.contextmanager
def uow() -> Iterator[UnitOfWork]:
    """A unit of work acting as the signed-in person: commits on success; a GremiumError propagates."""
    current = g.get("person")
    if current is None:
        abort(401)
    actor = Actor(label=current.email, person_id=current.person_id)
    with core().unit_of_work(actor) as work:
        work.lang = g.lang
        yield work


@contextlib.contextmanager
def reading() -> Iterator[UnitOfWork]:
    """A unit of work that only reads, as the signed-in person: for pages that show.

    Nothing is committed (a change made in it is discarded). On SQLite its
    transaction does not take the write lock, so pages are read while others
    write; on PostgreSQL it is the same as :func:`uow`.
    """
    current = g.get("person")
    if current is None:
        abort(401)
    with reading_as(Actor(label=current.email, person_id=current.person_id)) as work:
        yield work


@contextlib.contextmanager
def reading_as(actor: Actor) -> Iterator[UnitOfWork]:
    """:func:`reading` as *actor* (the sign-in pages read as the system: nobody is signed in)."""
    app = core()
    with app.db.read_session() as session:
        work = UnitOfWork(
            session,
            app.clock,
            actor,
            app.engine,
            g.get("lang", "de"),
            app.settings.archive_folder(),
            app.settings.attach_documents,
            app.settings.attachment_limits(),
        )
        try:
            yield work
        finally:
            session.rollback()


def render(template: str, status: int = 200, **context: Any) -> Response:
    """The page *template* (under templates/) in the request's language."""
    current = g.get("person")
    values: dict[str, Any] = {
        "navigation": _navigation() if current is not None else [],
        "person": current,
        "now": core().clock.now(),
        "errors": {},
        "form": {},
        "messages": get_flashed_messages(with_categories=True),
        **context,
    }
    html = web_environment(g.lang).get_template(template).render(**values)
    response = make_response(html, status)
    response.mimetype = "text/html"
    return response


NAVIGATIONS = "gremium.navigation"
"""The key of the built navigations in the Flask app's extensions."""


def _navigation() -> list[dict[str, Any]]:
    """The main navigation's entries (``NAVIGATION`` in app.py) whose pages exist."""
    here = request.endpoint
    return [
        {"url": url, "label": label, "current": endpoint == here}
        for endpoint, url, label in _entries(g.lang, request.script_root)
    ]


def _entries(lang: str, script_root: str) -> list[tuple[str, str, str]]:
    """The navigation's (endpoint, address, label) in *lang*: built once per application,
    language and script root, since every page shows it (the views never change)."""
    from governance.web.app import NAVIGATION

    built: dict[tuple[str, str], list[tuple[str, str, str]]]
    built = current_app.extensions.setdefault(NAVIGATIONS, {})
    entries = built.get((lang, script_root))
    if entries is None:
        entries = [
            (endpoint, flask_url_for(endpoint), t(key))
            for endpoint, key in NAVIGATION
            if endpoint in current_app.view_functions
        ]
        built[(lang, script_root)] = entries
    return entries


def status_of(exc: GremiumError) -> int:
    """The HTTP status a form's refusal is sent with: 409 for a conflict, else 422."""
    return 409 if isinstance(exc, (Conflict, ConcurrentChange)) else 422


def refused(
    exc: GremiumError, template: str, *, field: str | None = None, **context: Any
) -> Response:
    """The form's page again with the refusal's message and what was typed.

    The message is ``errors["form"]`` (shown at the top of the page, and by
    ``m.form_errors(errors)`` next to a form); with *field* also
    ``errors[field]`` (shown by ``m.field`` under that control).
    """
    message = exc.message(g.lang)
    errors = {"form": message}
    if field is not None:
        errors[field] = message
    context.setdefault("form", request.form.to_dict())
    return render(template, status_of(exc), errors=errors, **context)


def committee_or_404(work: UnitOfWork, cid: int | str) -> Committee:
    """The committee *cid* if the signed-in person has a role there, else 404.

    Another committee's pages answer exactly as a committee that does not
    exist: nobody learns which committees there are.
    """
    try:
        committee = work.session.get(Committee, int(cid))
    except (TypeError, ValueError):
        committee = None
    person = work.person()
    if committee is None or person is None:
        abort(404)
    # The administrator holds a role in every committee (roles_of always gives them
    # ADMIN): their four statements asking for the others are not needed to know that.
    if not person.is_admin and not access.roles_of(work.session, person, committee, work.today):
        abort(404)
    return committee


def redirect_to(endpoint: str, *, done: str | None = None, **values: Any) -> Response:
    """Post/Redirect/Get: to *endpoint* (url_for), with a one-line message on the next page.

    *done*: the message, already in the request's language (``t(...)``); by
    default "Gespeichert." / "Saved.".
    """
    flash(done or t("web.done"), "done")
    return redirect(flask_url_for(endpoint, **values), 303)
