"""My overview (``/``): the committees where the signed-in person has a role.

A placeholder of webcore's; engineer "committee" builds the real overview
(next meetings, what waits for me, deadlines) on this blueprint.
"""

from __future__ import annotations

from flask import Blueprint
from werkzeug.wrappers import Response

from governance.services import access
from governance.web.front import reading, render, t

bp = Blueprint("overview", __name__)


@bp.get("/")
def index() -> Response:
    with reading() as work:
        person = work.person()
        assert person is not None
        committees = [
            {
                "id": committee.id,
                "name": committee.name,
                "short_name": committee.short_name,
                "roles": ", ".join(sorted(t(f"role.{role.value}") for role in roles)),
            }
            for committee, roles in access.committees_of(work.session, person, work.today)
        ]
    return render("web/overview/index.html", committees=committees)
