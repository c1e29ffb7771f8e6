"""The signed-in person's own details (``/me``), and their consent to their e-mail
address being published through the OParl interface (issue 15.6).

The page shows what the installation holds as the person's name, address,
organisation and function, and one button that gives or withdraws the
consent (services/email_consent.py, audited; it takes effect with the
interface's next answer).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, g, request
from werkzeug.wrappers import Response

from governance.errors import GremiumError
from governance.models import Person
from governance.services import email_consent
from governance.unit_of_work import UnitOfWork
from governance.web.front import reading, redirect_to, refused, render, t, uow

bp = Blueprint("own_data", __name__)

PAGE = "web/own_data/index.html"


def _context(work: UnitOfWork) -> dict[str, Any]:
    person = work.session.get(Person, g.person.person_id)
    if person is None:
        abort(404)
    return {
        "me": {
            "name": person.name,
            "email": person.email,
            "organisation": person.organisation.name if person.organisation else None,
            "function_title": person.function_title,
            "email_public": person.email_public,
        }
    }


@bp.get("/me")
def index() -> Response:
    with reading() as work:
        return render(PAGE, **_context(work))


@bp.post("/me/email-public")
def email_public() -> Response:
    choice = request.form.get("public", "")
    if choice not in ("0", "1"):
        abort(400)
    try:
        with uow() as work:
            person = work.session.get(Person, g.person.person_id)
            if person is None:
                abort(404)
            done = email_consent.set_consent(work, person, public=choice == "1")
    except GremiumError as exc:
        with reading() as work:
            return refused(exc, PAGE, **_context(work))
    message = (
        ("web.me.done.yes" if choice == "1" else "web.me.done.no")
        if done.changed
        else ("web.me.done.unchanged")
    )
    return redirect_to("own_data.index", done=t(message))
