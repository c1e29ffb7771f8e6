"""The pages above the committees: an action area (``/areas/<aid>``) and a
programme (``/programmes/<pid>``), each with the lists across its committees.

An area's coordinator, the programme's office and the administrator read them
(services/area_views.py checks). As with another committee's pages, a person
who may not read an area gets the page of an area that does not exist; the
refusal is audited all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, request
from werkzeug.wrappers import Response

from governance.errors import InvalidInput, NotFound, NotPermitted
from governance.services import area_views
from governance.unit_of_work import UnitOfWork
from governance.web.front import reading, refused, render, uow

bp = Blueprint("programmes", __name__)

AREA = "web/programmes/area.html"
PROGRAMME = "web/programmes/programme.html"


@bp.get("/areas/<int:aid>")
def area(aid: int) -> Response:
    return _page(AREA, area_views.area_page, aid)


@bp.get("/programmes/<int:pid>")
def programme(pid: int) -> Response:
    return _page(PROGRAMME, area_views.programme_page, pid)


def _page(template: str, read: Callable[..., dict[str, Any]], ident: int) -> Response:
    query = {k: v for k, v in request.args.items() if k in ("from", "to")}
    try:
        with reading() as work:
            try:
                view = read(work, ident, since=query.get("from"), until=query.get("to"))
            except InvalidInput as exc:  # a period typed wrong: the page of this year, and why
                view = read(work, ident)
                return refused(exc, template, form=query, view=view, **_labels(work))
            return render(template, form=query, view=view, **_labels(work))
    except NotPermitted as exc:
        with uow() as work:  # put the refusal on record, then answer as for no such page
            work.audit_refusal(exc)
        abort(404)
    except NotFound:
        abort(404)


def _labels(work: UnitOfWork) -> dict[str, Any]:
    meeting, minutes = work.engine.definitions["meeting"], work.engine.definitions["minutes"]
    return {
        "meeting_states": {s: meeting.label(s, work.lang) for s in meeting.states},
        "minutes_states": {s: minutes.label(s, work.lang) for s in minutes.states},
    }
