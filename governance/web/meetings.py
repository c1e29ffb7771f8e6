"""The meeting pages before the session: a committee's meetings and series, and a
meeting with its deadlines, timers and agenda (issue 13, engineer "agenda").

``/committees/<cid>/meetings`` lists the meetings (upcoming first, then past),
plans a single meeting and adds a series; ``/meetings/<mid>`` shows one
meeting and takes the chair's decisions on its agenda and its date. Each
POST parses the form and calls one function of the application layer
(services/meetings.py, agenda.py, meeting_series.py) with what was typed
and the meeting's version the page showed; a refusal re-renders the page as
it is now, the message next to the form that was sent and what was typed
kept. Someone without a role in the meeting's committee gets 404.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, g, request, url_for
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response

from governance.clock import BERLIN
from governance.domain.attachments import human_size
from governance.domain.rules import Majority
from governance.errors import GremiumError, InvalidInput
from governance.models import AgendaItem, Committee, Meeting, MeetingSeries
from governance.services import (
    agenda,
    agenda_attachments,
    agenda_order,
    confidential_items,
    meeting_series,
    meeting_views,
    rsvp,
)
from governance.services import meetings as meeting_service
from governance.unit_of_work import UnitOfWork
from governance.web.context import core
from governance.web.front import committee_or_404, redirect_to, refused, render, t, uow

bp = Blueprint("meetings", __name__)

LIST_PAGE = "web/meetings/list.html"
MEETING_PAGE = "web/meetings/meeting.html"


# --- the committee's meetings ---


@bp.get("/committees/<int:cid>/meetings")
def committee_meetings(cid: int) -> Response:
    with uow() as work:
        return render(LIST_PAGE, **_list_context(work, committee_or_404(work, cid)))


@bp.post("/committees/<int:cid>/meetings")
def plan(cid: int) -> Response:
    form = request.form
    try:
        with uow() as work:
            meeting = meeting_service.plan(
                work,
                committee_or_404(work, cid),
                title=form.get("title", ""),
                starts_at=form.get("start", ""),
                duration_minutes=form.get("duration", ""),
                location=form.get("location", ""),
                on_holiday=form.get("on_holiday") == "1",
            )
            mid = meeting.id
    except GremiumError as exc:
        with uow() as work:
            context = _list_context(work, committee_or_404(work, cid))
            return refused(exc, LIST_PAGE, **(context | {"failed": "plan"}))
    return redirect_to("meetings.show", mid=mid, done=t("web.meetings.done.planned"))


@bp.post("/committees/<int:cid>/series")
def add_series(cid: int) -> Response:
    form = request.form
    try:
        with uow() as work:
            meeting_series.add_series(
                work,
                committee_or_404(work, cid),
                title=form.get("series_title", ""),
                rrule=form.get("series_rrule", ""),
                first_start=form.get("series_start", ""),
                duration_minutes=form.get("series_duration", ""),
                location=form.get("series_location", ""),
                horizon_months=form.get("series_horizon", ""),
            )
    except GremiumError as exc:
        with uow() as work:
            context = _list_context(work, committee_or_404(work, cid))
            return refused(exc, LIST_PAGE, **(context | {"failed": "series"}))
    return redirect_to(
        "meetings.committee_meetings", cid=cid, done=t("web.meetings.done.series_added")
    )


@bp.post("/committees/<int:cid>/series/<int:sid>")
def change_series(cid: int, sid: int) -> Response:
    """Change a series: only the fields whose value differs from what the form showed
    are sent (a first date left as it was is not "moved into the past")."""
    form = request.form
    field = f"series_{sid}_"

    def changed(name: str) -> str | None:
        typed = form.get(field + name, "")
        return None if typed == form.get(field + name + "_was") else typed

    def action(work: UnitOfWork, series: MeetingSeries) -> None:
        meeting_series.change_series(
            work,
            series,
            title=changed("title"),
            rrule=changed("rrule"),
            first_start=changed("start"),
            duration_minutes=changed("duration"),
            location=changed("location"),
            horizon_months=changed("horizon"),
        )

    return _on_series(cid, sid, action, "web.year.series.changed")


@bp.post("/committees/<int:cid>/series/<int:sid>/end")
def end_series(cid: int, sid: int) -> Response:
    return _on_series(cid, sid, meeting_series.end_series, "web.year.series.ended")


def _on_series(
    cid: int, sid: int, action: Callable[[UnitOfWork, MeetingSeries], Any], done: str
) -> Response:
    """Run *action* on the committee's series *sid*; a refusal shows the list page as it
    is now with the message next to that series' forms and what was typed."""
    try:
        with uow() as work:
            action(work, _series_or_404(work, committee_or_404(work, cid), sid))
    except GremiumError as exc:
        with uow() as work:
            context = _list_context(work, committee_or_404(work, cid))
            return refused(exc, LIST_PAGE, **(context | {"failed": f"series_{sid}"}))
    return redirect_to("meetings.committee_meetings", cid=cid, done=t(done))


def _series_or_404(work: UnitOfWork, committee: Committee, sid: int) -> MeetingSeries:
    series = work.session.get(MeetingSeries, sid)
    if series is None or series.committee_id != committee.id:
        abort(404)
    return series


def _list_context(work: UnitOfWork, committee: Committee) -> dict[str, Any]:
    upcoming, past = meeting_views.upcoming_and_past(work.session, committee, work.now)
    labels = core().engine.definitions["meeting"]
    series_labels = core().engine.definitions["meeting_series"]
    return {
        "committee": committee,
        "upcoming": upcoming,
        "past": past,
        "state_label": lambda state: labels.label(state, g.lang),
        "series": meeting_series.all_series(work.session, committee),
        "series_state_label": lambda state: series_labels.label(state, g.lang),
        "may_plan": meeting_views.may_plan(work, committee),
        "series_start": lambda series: _local_input(series.first_start),
        "failed": None,
    }


# --- one meeting ---


@bp.get("/meetings/<int:mid>")
def show(mid: int) -> Response:
    with uow() as work:
        # Held for the request: the session's identity map keeps an object only while it
        # is referenced, and every service asks uow.person() (no statement while held).
        viewer = work.person()  # noqa: F841
        return render(MEETING_PAGE, **_meeting_context(work, _meeting_or_404(work, mid)))


def _act(
    mid: int, failed: str, done: str, action: Callable[[UnitOfWork, Meeting], Any]
) -> Response:
    """Run *action* on the meeting; on a refusal show the meeting page as it is now with
    the message next to the form *failed* and what was typed."""
    try:
        with uow() as work:
            action(work, _meeting_or_404(work, mid))
    except GremiumError as exc:
        with uow() as work:
            context = _meeting_context(work, _meeting_or_404(work, mid))
            return refused(exc, MEETING_PAGE, **(context | {"failed": failed}))
    return redirect_to("meetings.show", mid=mid, done=t(done))


def _version() -> str:
    return request.form.get("version", "")


@bp.post("/meetings/<int:mid>/propose")
def propose(mid: int) -> Response:
    form = request.form
    files = [_file(f) for f in request.files.getlist("propose_files") if f.filename]
    links = [line.strip() for line in form.get("propose_links", "").splitlines() if line.strip()]
    return _act(
        mid,
        "propose",
        "web.meetings.done.proposed",
        lambda work, meeting: agenda.propose(
            work,
            meeting,
            title=form.get("propose_title", ""),
            description=form.get("propose_description", ""),
            kind=form.get("propose_kind", "discussion"),
            majority=form.get("propose_majority") or None,
            files=files,
            links=links,
            urgent=form.get("propose_urgent") == "1",
            version=_version(),
        ),
    )


def _file(upload: FileStorage) -> tuple[str, bytes]:
    return upload.filename or "", upload.read()


@bp.post("/meetings/<int:mid>/attach")
def attach(mid: int) -> Response:
    """A file or a link for an agenda item (``agenda attach``); a title the item has
    already makes a new version. A body over the size limit never gets here (errors.py)."""
    form = request.form
    upload = request.files.get("attach_file")
    file = _file(upload) if upload is not None and upload.filename else None
    url = form.get("attach_url", "").strip() or None

    def action(work: UnitOfWork, meeting: Meeting) -> None:
        if (file is None) == (url is None):
            raise InvalidInput("web.year.attach.file_or_link")
        item = agenda.item_by_ref(work.session, form.get("attach_item", ""), meeting=meeting.id)
        agenda_attachments.attach(
            work, item, file=file, url=url, title=form.get("attach_title", "").strip() or None
        )

    return _act(mid, "attach", "web.year.attach.done", action)


_DONE = {
    "accept": "web.meetings.done.accepted",
    "reject": "web.meetings.done.rejected",
    "defer": "web.meetings.done.deferred",
}


@bp.post("/meetings/<int:mid>/items/<int:iid>")
def decide(mid: int, iid: int) -> Response:
    """The chair's decision on an item: accept, reject (with a reason) or defer."""
    choice = request.form.get("decision", "")
    if choice not in _DONE:
        abort(400)
    reason = request.form.get(f"reason_{iid}", "")

    def action(work: UnitOfWork, meeting: Meeting) -> None:
        if choice == "accept":
            agenda.accept(work, str(iid), meeting=meeting, version=_version())
        elif choice == "reject":
            agenda.reject(work, str(iid), reason=reason, meeting=meeting, version=_version())
        else:
            agenda.defer(work, str(iid), reason=reason, meeting=meeting, version=_version())

    return _act(mid, f"item_{iid}", _DONE[choice], action)


@bp.post("/meetings/<int:mid>/items/<int:iid>/publication")
def publication(mid: int, iid: int) -> Response:
    """Mark an item of the agenda nichtöffentlich (closed session) or public again."""
    choice = request.form.get("confidential", "")
    if choice not in ("0", "1"):
        abort(400)
    try:
        with uow() as work:
            done = confidential_items.mark(
                work, _meeting_or_404(work, mid), f"#{iid}", confidential=choice == "1"
            )
    except GremiumError as exc:
        with uow() as work:
            context = _meeting_context(work, _meeting_or_404(work, mid))
            return refused(exc, MEETING_PAGE, **(context | {"failed": f"publication_{iid}"}))
    which = "confidential" if choice == "1" else "public"
    message = f"web.meetings.done.{which}" if done.changed else "web.meetings.done.unchanged"
    return redirect_to("meetings.show", mid=mid, done=t(message))


@bp.post("/meetings/<int:mid>/order")
def order(mid: int) -> Response:
    positions = {
        key.removeprefix("position_"): value
        for key, value in request.form.items()
        if key.startswith("position_")
    }
    return _act(
        mid,
        "order",
        "web.meetings.done.ordered",
        lambda work, meeting: agenda_order.order_by_positions(
            work, meeting, positions, version=_version()
        ),
    )


@bp.post("/meetings/<int:mid>/finalize")
def finalize(mid: int) -> Response:
    return _act(
        mid,
        "finalize",
        "web.meetings.done.finalized",
        lambda work, meeting: agenda_order.finalize(work, meeting, version=_version()),
    )


@bp.post("/meetings/<int:mid>/convene")
def convene(mid: int) -> Response:
    return _act(
        mid,
        "convene",
        "web.meetings.done.convened",
        lambda work, meeting: meeting_service.convene(work, meeting, version=_version()),
    )


@bp.post("/meetings/<int:mid>/move")
def move(mid: int) -> Response:
    form = request.form
    return _act(
        mid,
        "move",
        "web.meetings.done.moved",
        lambda work, meeting: meeting_service.move(
            work,
            meeting,
            starts_at=form.get("move_start", ""),
            reason=form.get("move_reason", ""),
            location=form.get("move_location") or None,
            duration_minutes=form.get("move_duration") or None,
            on_holiday=form.get("move_on_holiday") == "1",
            version=_version(),
        ),
    )


@bp.post("/meetings/<int:mid>/cancel")
def cancel(mid: int) -> Response:
    return _act(
        mid,
        "cancel",
        "web.meetings.done.cancelled",
        lambda work, meeting: meeting_service.cancel(
            work, meeting, reason=request.form.get("cancel_reason", ""), version=_version()
        ),
    )


@bp.post("/meetings/<int:mid>/not-held")
def not_held(mid: int) -> Response:
    return _act(
        mid,
        "not_held",
        "web.meetings.done.not_held",
        lambda work, meeting: meeting_service.record_not_held(
            work, meeting, reason=request.form.get("not_held_reason", ""), version=_version()
        ),
    )


def _item_label(item: AgendaItem) -> str:
    if item.status == "accepted" and item.position:
        return f"{t('agenda.top', number=item.position)}: {item.title}"
    return t("web.year.attach.proposal", title=item.title)


def _local_input(moment: dt.datetime) -> str:
    """*moment* as a ``datetime-local`` field shows it: Berlin time, to the minute."""
    return moment.astimezone(BERLIN).strftime("%Y-%m-%dT%H:%M")


def _meeting_or_404(work: UnitOfWork, mid: int) -> Meeting:
    """The meeting *mid* if the signed-in person has a role in its committee, else 404."""
    meeting = work.session.execute(_MEETING_AND_COMMITTEE, {"mid": mid}).scalar_one_or_none()
    if meeting is None:
        abort(404)
    # Loaded with the meeting, the committee is kept by it: the 404 check and every later
    # meeting.committee find it in the session's identity map (no statement).
    committee_or_404(work, meeting.committee_id)
    return meeting


# The meeting and its committee in one statement, built once.
_MEETING_AND_COMMITTEE = (
    select(Meeting).options(joinedload(Meeting.committee)).where(Meeting.id == bindparam("mid"))
)


def _meeting_context(work: UnitOfWork, meeting: Meeting) -> dict[str, Any]:
    engine = core().engine
    definition = engine.definitions["meeting"]
    data = meeting_views.describe(work.session, meeting, engine)
    items = data["agenda"]
    allowed = meeting_views.allowed_actions(work, meeting)
    return {
        "meeting": meeting,
        "committee": meeting.committee,
        "data": data,
        "state": definition.label(meeting.state, g.lang),
        "timers": [
            {"due_at": timer["due_at"], "what": definition.label(timer["trigger"], g.lang)}
            for timer in data["timers"]
        ],
        "accepted": [i for i in items if i["status"] == "accepted"],
        "proposals": [i for i in items if i["status"] == "proposed"],
        "others": [i for i in items if i["status"] not in ("accepted", "proposed")],
        "allowed": allowed,
        "meeting_actions": allowed & {"convene", "move", "cancel", "not_held"},
        "takes_proposals": agenda.takes_proposals(work, meeting),
        "attachable": [
            (str(item.id), _item_label(item))
            for item in agenda_attachments.attachable_items(work, meeting)
        ],
        "attach_limit": human_size(work.attachment_limits.max_file_bytes, g.lang),
        "start_value": _local_input(meeting.starts_at),
        "duration_value": meeting_service.duration_of(meeting),
        "kinds": [(kind.value, t(f"agenda.kind.{kind.value}")) for kind in agenda.ItemKind],
        "majorities": [
            ("", t("web.meetings.majority_default")),
            *((m.value, t(f"majority.{m.value}")) for m in Majority),
        ],
        # The pages of the other features (stable paths, see the brief's URL list).
        "session_path": url_for("meetings.show", mid=meeting.id) + "/session",
        "minutes_path": url_for("meetings.show", mid=meeting.id) + "/minutes",
        "failed": None,
        "expected": data["expected_attendance"] if rsvp.sees_answers(work, meeting) else None,
        "own_answer": rsvp.own_answer(work, meeting),  # the answer form (web/meeting_answers)
    }
