"""The minutes of a meeting (``/meetings/<mid>/minutes``): notes per agenda item,
a PDF preview, circulating, objections, resolving them, approval, the archive.

Every change is one call of :mod:`governance.services.minutes`; a refusal is
its message next to the form, with what was typed kept (the notes of every
item, not only the one that was wrong).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, g, request

from governance.domain.permissions import may
from governance.errors import GremiumError, NotFound
from governance.models import Meeting
from governance.services import access, directory, minutes, minutes_views
from governance.services.meetings import meeting_by_id
from governance.unit_of_work import UnitOfWork
from governance.web.front import committee_or_404, redirect_to, refused, render, t, uow
from governance.web.responses import file_response

bp = Blueprint("minutes", __name__)

PAGE = "web/minutes/page.html"
NOTE_FIELD = "top-"
"""The notes of agenda item 3 come as form field ``top-3``."""


def meeting_or_404(work: UnitOfWork, mid: int) -> Meeting:
    """The meeting *mid* if the signed-in person has a role in its committee, else 404."""
    try:
        meeting = meeting_by_id(work.session, mid)
    except NotFound:
        abort(404)
    committee_or_404(work, meeting.committee_id)
    return meeting


def _context(work: UnitOfWork, mid: int) -> dict[str, Any]:
    meeting = meeting_or_404(work, mid)
    person = work.person()
    assert person is not None
    roles = access.roles_of(work.session, person, meeting.committee, work.today)
    shown = minutes_views.describe(work.session, meeting)
    return {
        "meeting": meeting,
        "committee": meeting.committee,
        "minutes": shown,
        "open_objections": [o for o in shown.get("objections", []) if not o["resolved"]],
        # Which forms to offer; the service checks again whatever is sent.
        "may_write": may("minutes.write", roles),
        "may_object": may("minutes.object", roles),
        "may_approve": may("minutes.approve", roles),
        "may_record_objection": may("minutes.record_objection", roles),
        "member_organisations": [
            (m.organisation.short_name, m.organisation.name)
            for m in directory.current_memberships(work.session, meeting.committee, work.today)
        ],
        "held": meeting.state in minutes.HELD,
    }


def _page_refused(exc: GremiumError, mid: int, field: str | None = None) -> Response:
    with uow() as work:
        context = _context(work, mid)
    return refused(exc, PAGE, field=field, **context)


@bp.get("/meetings/<int:mid>/minutes")
def page(mid: int) -> Response:
    with uow() as work:
        context = _context(work, mid)
    return render(PAGE, **context)


@bp.post("/meetings/<int:mid>/minutes/notes")
def notes(mid: int) -> Response:
    typed: dict[int, str] = {}
    for name, value in request.form.items():
        number = name.removeprefix(NOTE_FIELD)
        if name.startswith(NOTE_FIELD) and number.isdigit():
            typed[int(number)] = value
    try:
        with uow() as work:
            meeting = meeting_or_404(work, mid)
            minutes.record_notes(work, meeting.id, typed)
    except GremiumError as exc:
        return _page_refused(exc, mid)
    return redirect_to("minutes.page", mid=mid, done=t("records.minutes.noted"))


@bp.get("/meetings/<int:mid>/minutes/preview.pdf")
def preview(mid: int) -> Response:
    with uow() as work:
        meeting = meeting_or_404(work, mid)
        draft = minutes_views.preview(work.session, meeting.id, g.lang, "pdf")
    return file_response(draft.data, draft.media_type, draft.filename, inline=True)


@bp.post("/meetings/<int:mid>/minutes/circulate")
def circulate(mid: int) -> Response:
    try:
        with uow() as work:
            meeting = meeting_or_404(work, mid)
            minutes.circulate(work, meeting.id)
    except GremiumError as exc:
        return _page_refused(exc, mid)
    return redirect_to("minutes.page", mid=mid, done=t("records.minutes.circulated"))


@bp.post("/meetings/<int:mid>/minutes/objections")
def object_to(mid: int) -> Response:
    # Two forms post here: a member's own objection, and one the secretariat records.
    organisation = request.form.get("organisation") or None
    field = "objection" if organisation is None else "recorded_objection"
    try:
        with uow() as work:
            meeting = meeting_or_404(work, mid)
            minutes.object_to(
                work, meeting.id, text=request.form.get(field, ""), organisation=organisation
            )
    except GremiumError as exc:
        return _page_refused(exc, mid, field=field)
    return redirect_to("minutes.page", mid=mid, done=t("records.minutes.objected"))


@bp.post("/meetings/<int:mid>/minutes/objections/<int:oid>/resolve")
def resolve(mid: int, oid: int) -> Response:
    field = f"resolution-{oid}"
    try:
        with uow() as work:
            meeting = meeting_or_404(work, mid)
            minutes.resolve(work, meeting.id, objection_id=oid, note=request.form.get(field, ""))
    except GremiumError as exc:
        return _page_refused(exc, mid, field=field)
    return redirect_to("minutes.page", mid=mid, done=t("records.minutes.resolved"))


@bp.post("/meetings/<int:mid>/minutes/approve")
def approve(mid: int) -> Response:
    try:
        with uow() as work:
            meeting = meeting_or_404(work, mid)
            minutes.approve(work, meeting.id)
    except GremiumError as exc:
        return _page_refused(exc, mid)
    return redirect_to("minutes.page", mid=mid, done=t("records.minutes.approved"))


@bp.get("/meetings/<int:mid>/minutes/archive.pdf")
def archive(mid: int) -> Response:
    with uow() as work:
        meeting = meeting_or_404(work, mid)
        document, data = minutes_views.archived_document(work.session, meeting.id)
        name = document.name
    return file_response(data, "application/pdf", name)
