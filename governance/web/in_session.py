"""The meeting in session (``/meetings/<mid>/session``): attendance sheet, quorum,
votes, items noted or deferred, action items, closing.

Each POST parses the form and calls one function of
:mod:`governance.services.meeting_session` (the command line calls the same);
a refusal re-renders the page with the message next to the form it concerns
and what was typed kept. Everyone with a role in the committee sees the page;
the forms appear for those the permission table allows, and the services
check again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, g, jsonify, request
from werkzeug.wrappers import Response

from governance.errors import GremiumError, NotFound
from governance.models import Meeting
from governance.services import meeting_session, session_views
from governance.services import meetings as meeting_service
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

bp = Blueprint("in_session", __name__)

TEMPLATE = "web/in_session/page.html"
ENDPOINT = "in_session.page"


def meeting_or_404(work: UnitOfWork, mid: int) -> Meeting:
    """The meeting if the signed-in person has a role in its committee, else 404."""
    try:
        meeting = meeting_service.meeting_by_id(work.session, mid)
    except NotFound:
        abort(404)
    committee_or_404(work, meeting.committee_id)
    return meeting


def _context(mid: int) -> dict[str, Any]:
    """Everything the page shows, read now (after a refusal: as it stands)."""
    with reading() as work:
        meeting = meeting_or_404(work, mid)
        person = work.person()
        assert person is not None
        return {
            "meeting": session_views.session_view(work.session, meeting, work.now),
            "can": session_views.permitted(work.session, person, meeting, work.today),
            "allowed": set(work.engine.allowed_triggers(meeting)),
            # Triggers whose conditions hold now (the meeting's day, its end): the
            # opening and the sheet appear when they can succeed. A vote form shows
            # in session even without a quorum: its refusal says why.
            "possible": {
                trigger
                for trigger in ("open", "record_afterwards", "record_attendance")
                if work.engine.can_fire(work, meeting, trigger)
            },
            "today": work.today,
            "state_label": work.engine.definitions["meeting"].label(meeting.state, g.lang),
        }


@bp.get("/meetings/<int:mid>/session")
def page(mid: int) -> Response:
    return render(TEMPLATE, **_context(mid), failed="")


@bp.get("/meetings/<int:mid>/session/quorum")
def quorum(mid: int) -> Response:
    """The quorum now, for the page's optional script (static/in_session.js) to refresh
    what others recorded meanwhile; without the script the page is current after each submit."""
    with reading() as work:
        meeting = meeting_or_404(work, mid)
        check = meeting_session.quorum_now(work, meeting)
    return jsonify(
        quorate=check.quorate,
        label=t("web.session.quorate_short" if check.quorate else "web.session.not_quorate_short"),
        text=_quorum_counts(check),
    )


def _quorum_counts(check: Any) -> str:
    """The quorum box's text after its word (beschlussfähig / nicht beschlussfähig): the
    counts, without saying the word again as the full sentence of the CLI does."""
    key = "web.year.quorum.counts" if check.quorate else "web.year.quorum.counts_short"
    return t(key, present=check.present, members=check.voting_members, needed=check.needed)


def _act(mid: int, failed: str, action: Callable[[UnitOfWork], str]) -> Response:
    """Run *action* in the signed-in person's unit of work; back to the page with its message."""
    try:
        with uow() as work:
            meeting_or_404(work, mid)
            done = action(work)
    except GremiumError as exc:
        return refused(exc, TEMPLATE, **_context(mid), failed=failed)
    return redirect_to(ENDPOINT, done=done, mid=mid, _anchor=failed or None)


def _quorum_text(check: Any) -> str:
    key = "meeting.cli.quorate" if check.quorate else "meeting.cli.not_quorate"
    return t(key, present=check.present, members=check.voting_members, needed=check.needed)


@bp.post("/meetings/<int:mid>/session/open")
def open_meeting(mid: int) -> Response:
    def action(work: UnitOfWork) -> str:
        _, check = meeting_session.open_session(work, mid)
        return t("web.session.opened", quorum=_quorum_text(check))

    return _act(mid, "opening", action)


@bp.post("/meetings/<int:mid>/session/attendance")
def attendance(mid: int) -> Response:
    sheet: dict[str, meeting_session.SheetLine] = {}
    for organisation in request.form.getlist("organisation"):
        sheet[organisation] = meeting_session.SheetLine(
            status=request.form.get(f"status:{organisation}", ""),
            person=request.form.get(f"person:{organisation}", ""),
            arrived=request.form.get(f"arrived:{organisation}", ""),
            departed=request.form.get(f"departed:{organisation}", ""),
            shown=request.form.get(f"shown:{organisation}"),
        )

    def action(work: UnitOfWork) -> str:
        check = meeting_session.attend_all(work, mid, sheet)
        return t("web.session.attendance_saved", quorum=_quorum_text(check))

    return _act(mid, "attendance", action)


@bp.post("/meetings/<int:mid>/session/guests")
def guest(mid: int) -> Response:
    name = request.form.get("guest_name", "")
    affiliation = request.form.get("guest_affiliation", "")

    def action(work: UnitOfWork) -> str:
        meeting_session.add_guest(work, mid, name=name, affiliation=affiliation)
        return t("meeting.cli.guest", name=name.strip())

    return _act(mid, "guests", action)


@bp.post("/meetings/<int:mid>/session/items/<int:top>/vote")
def vote(mid: int, top: int) -> Response:
    form = request.form
    by_ballots = form.get("method") == "ballots"
    ballots = {
        organisation: form.get(f"ballot:{organisation}", "")
        for organisation in form.getlist("voter")
        if form.get(f"ballot:{organisation}", "")
    }

    def action(work: UnitOfWork) -> str:
        decision = meeting_session.vote(
            work,
            mid,
            str(top),
            text=form.get("text", ""),
            ballots=ballots if by_ballots else None,
            yes=None if by_ballots else form.get("yes", ""),
            no=None if by_ballots else form.get("no", ""),
            abstain=None if by_ballots else form.get("abstain", ""),
        )
        vote = decision.vote
        return t(
            "meeting.cli.voted",
            reference=decision.reference,
            top=top,
            yes=vote.yes,
            no=vote.no,
            abstain=vote.abstain,
            result=t("vote.carried" if vote.carried else "vote.rejected"),
            majority=t(f"majority.{vote.majority}"),
        )

    return _act(mid, f"item-{top}", action)


@bp.post("/meetings/<int:mid>/session/items/<int:top>/mark")
def mark(mid: int, top: int) -> Response:
    outcome = request.form.get("outcome", "")
    notes = request.form.get("notes", "")

    def action(work: UnitOfWork) -> str:
        item = meeting_session.mark(work, mid, str(top), outcome, notes=notes)
        return t(
            "web.session.marked",
            top=item.position,
            outcome=t(f"web.session.outcome.{item.outcome}"),
        )

    return _act(mid, f"item-{top}", action)


@bp.post("/meetings/<int:mid>/session/items/<int:top>/actions")
def add_action(mid: int, top: int) -> Response:
    form = request.form

    def action(work: UnitOfWork) -> str:
        added = meeting_session.add_action(
            work,
            str(top),
            meeting_ref=mid,
            what=form.get("what", ""),
            who=form.get("who", ""),
            due=form.get("due", ""),
        )
        return t(
            "action.cli.added",
            id=added.id,
            who=added.owner_label,
            due=added.due_on.isoformat(),
        )

    return _act(mid, f"actions-{top}", action)


@bp.post("/meetings/<int:mid>/session/close")
def close(mid: int) -> Response:
    def action(work: UnitOfWork) -> str:
        meeting_session.close_session(work, mid)
        return t("web.session.closed")

    return _act(mid, "closing", action)


@bp.post("/meetings/<int:mid>/session/record-later")
def record_later(mid: int) -> Response:
    def action(work: UnitOfWork) -> str:
        meeting_session.record_later(work, mid)
        return t("web.session.recording_later")

    return _act(mid, "opening", action)
