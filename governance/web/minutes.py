"""The minutes of a meeting (``/meetings/<mid>/minutes``): notes per agenda item,
a PDF preview, circulating, objections, resolving them, approval, the archive.

Every change is one call of :mod:`governance.services.minutes`; a refusal is
its message next to the form, with what was typed kept (the notes of every
item, not only the one that was wrong).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, g, request
from werkzeug.wrappers import Response

from governance.domain.minutes_notes import fingerprint
from governance.domain.permissions import may
from governance.errors import GremiumError, NotFound
from governance.models import Meeting
from governance.services import access, directory, minutes, minutes_views
from governance.services.meetings import meeting_by_id
from governance.unit_of_work import UnitOfWork
from governance.web.front import (
    committee_or_404,
    reading,
    redirect_to,
    refused,
    render,
    t,
    uow,
)
from governance.web.responses import file_response

bp = Blueprint("minutes", __name__)

PAGE = "web/minutes/page.html"
NOTE_FIELD = "top-"
"""The notes of agenda item 3 come as form field ``top-3``."""
SHOWN_FIELD = "was-"
"""… with ``was-3``, the fingerprint of its notes as the form showed them."""


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
    for note in shown["notes"]:
        note["fingerprint"] = fingerprint(note["notes"])
    return {
        "meeting": meeting,
        "committee": meeting.committee,
        "minutes": shown,
        "open_objections": [o for o in shown.get("objections", []) if not o["resolved"]],
        # Which forms to offer; the service checks again whatever is sent.
        "may_write": may("minutes.write", roles),
        "may_object": may("minutes.object", roles),
        "may_agree": may("minutes.agree", roles),
        "may_approve": may("minutes.approve", roles),
        "may_record_objection": may("minutes.record_objection", roles),
        "member_organisations": [
            (m.organisation.short_name, m.organisation.name)
            for m in directory.current_memberships(work.session, meeting.committee, work.today)
        ],
        "held": meeting.state in minutes.HELD,
    }


def _page_refused(exc: GremiumError, mid: int, field: str | None = None) -> Response:
    with reading() as work:
        # Rendered inside: the page reads the meeting and committee rows.
        return refused(exc, PAGE, field=field, **_context(work, mid))


@bp.get("/meetings/<int:mid>/minutes")
def page(mid: int) -> Response:
    with reading() as work:
        return render(PAGE, **_context(work, mid))


@bp.post("/meetings/<int:mid>/minutes/notes")
def notes(mid: int) -> Response:
    typed: dict[int, str] = {}
    shown: dict[int, str] = {}
    for name, value in request.form.items():
        for prefix, into in ((NOTE_FIELD, typed), (SHOWN_FIELD, shown)):
            number = name.removeprefix(prefix)
            if name.startswith(prefix) and number.isdigit():
                into[int(number)] = value
    return _act(
        mid,
        "noted",
        lambda work, meeting: minutes.record_notes(work, meeting, typed, shown=shown or None),
    )


@bp.get("/meetings/<int:mid>/minutes/preview.pdf")
def preview(mid: int) -> Response:
    with reading() as work:
        meeting = meeting_or_404(work, mid)
        draft = minutes_views.preview(work.session, meeting.id, g.lang, "pdf")
    return file_response(draft.data, draft.media_type, draft.filename, inline=True)


def _act(
    mid: int, done: str, action: Callable[[UnitOfWork, int], object], field: str | None = None
) -> Response:
    """Run one action of the application layer on the meeting's minutes; back to the
    page with "done", or the page again with the refusal and what was typed."""
    try:
        with uow() as work:
            action(work, meeting_or_404(work, mid).id)
    except GremiumError as exc:
        return _page_refused(exc, mid, field=field)
    return redirect_to("minutes.page", mid=mid, done=t(f"records.minutes.{done}"))


@bp.post("/meetings/<int:mid>/minutes/circulate")
def circulate(mid: int) -> Response:
    return _act(mid, "circulated", minutes.circulate)


@bp.post("/meetings/<int:mid>/minutes/objections")
def object_to(mid: int) -> Response:
    # Two forms post here: a member's own objection, and one the secretariat records.
    organisation = request.form.get("organisation") or None
    field = "objection" if organisation is None else "recorded_objection"
    text = request.form.get(field, "")
    return _act(
        mid,
        "objected",
        lambda work, meeting: minutes.object_to(
            work, meeting, text=text, organisation=organisation
        ),
        field,
    )


@bp.post("/meetings/<int:mid>/minutes/agree")
def agree(mid: int) -> Response:
    return _act(mid, "agreed", minutes.agree)


@bp.post("/meetings/<int:mid>/minutes/objections/<int:oid>/resolve")
def resolve(mid: int, oid: int) -> Response:
    field = f"resolution-{oid}"
    note = request.form.get(field, "")
    return _act(
        mid,
        "resolved",
        lambda work, meeting: minutes.resolve(work, meeting, objection_id=oid, note=note),
        field,
    )


@bp.post("/meetings/<int:mid>/minutes/approve")
def approve(mid: int) -> Response:
    return _act(mid, "approved", minutes.approve)


@bp.get("/meetings/<int:mid>/minutes/archive.pdf")
def archive(mid: int) -> Response:
    with reading() as work:
        meeting = meeting_or_404(work, mid)
        document, data = minutes_views.archived_document(work.session, meeting.id)
        name = document.name
    return file_response(data, "application/pdf", name)
