"""My overview (``/``): my committees with my roles, the next meetings, and what
waits for me with its deadlines.

Everything on the page comes from one read of the application layer,
:func:`governance.services.my_work.waiting_for`, in a fixed number of
statements however many committees the person serves.
"""

from __future__ import annotations

from flask import Blueprint
from werkzeug.wrappers import Response

from governance.services import area_views, my_work
from governance.web.front import reading, render

bp = Blueprint("overview", __name__)


@bp.get("/")
def index() -> Response:
    with reading() as work:
        # Held for the whole view: the session keeps loaded objects only while they are
        # referenced, and both reads below ask for the person (one statement, not two).
        person = work.person()  # noqa: F841
        overview = my_work.waiting_for(work)
        above = area_views.my_areas(work)  # areas coordinated, programmes' offices
        labels = {
            name: work.engine.definitions["meeting"].label(name, work.lang)
            for name in my_work.UPCOMING_STATES
        }
    return render("web/overview/index.html", overview=overview, meeting_states=labels, above=above)
