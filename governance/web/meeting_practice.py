"""Meeting practice (``/meetings/<mid>/practice``, issue 16): how the meeting is held and
its video link, conflicts of interest, vote transfers, who takes part online.

The chair and the secretariat record here what came in writing or was said in
the meeting; members declare for their own organisation by the links in the
invitation (or here). Each POST calls one service function; a refusal
re-renders the page with the message next to its form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, g, request
from werkzeug.wrappers import Response

from governance.domain.permissions import may
from governance.errors import GremiumError
from governance.services import (
    access,
    conflicts_of_interest,
    meeting_format,
    meeting_practice_views,
    meeting_session,
    vote_transfer,
)
from governance.unit_of_work import UnitOfWork
from governance.web.front import reading, redirect_to, refused, render, t, uow
from governance.web.in_session import meeting_or_404

bp = Blueprint("meeting_practice", __name__)

TEMPLATE = "web/meeting_practice/page.html"
ENDPOINT = "meeting_practice.page"
ACTIONS = ("meeting.format", "meeting.conflict", "meeting.vote_transfer", "meeting.attendance")


def _context(mid: int) -> dict[str, Any]:
    with reading() as work:
        meeting = meeting_or_404(work, mid)
        person = work.person()
        assert person is not None
        roles = access.roles_of(work.session, person, meeting.committee, work.today)
        return {
            "practice": meeting_practice_views.practice_view(work.session, meeting, work.now),
            # the forms appear for those the permission table allows; the services check again
            "can": {a for a in ACTIONS if may(a, roles)},
            "state_label": work.engine.definitions["meeting"].label(meeting.state, g.lang),
        }


@bp.get("/meetings/<int:mid>/practice")
def page(mid: int) -> Response:
    return render(TEMPLATE, **_context(mid), failed="")


def _act(mid: int, failed: str, action: Callable[[UnitOfWork, Any], str]) -> Response:
    try:
        with uow() as work:
            meeting = meeting_or_404(work, mid)
            done = action(work, meeting)
    except GremiumError as exc:
        return refused(exc, TEMPLATE, **_context(mid), failed=failed)
    return redirect_to(ENDPOINT, done=done, mid=mid, _anchor=failed)


@bp.post("/meetings/<int:mid>/practice/format")
def set_format(mid: int) -> Response:
    form = request.form

    def action(work: UnitOfWork, meeting: Any) -> str:
        meeting_format.set_format(
            work, meeting, format=form.get("format", ""), video_url=form.get("video_url", "")
        )
        return t("web.practice.format_saved", format=t(f"format.{meeting.format}"))

    return _act(mid, "format", action)


@bp.post("/meetings/<int:mid>/practice/conflicts")
def conflict(mid: int) -> Response:
    form = request.form

    def action(work: UnitOfWork, meeting: Any) -> str:
        item = meeting_session.item_of_meeting(work, meeting, form.get("top", "").strip() or "-")
        row = conflicts_of_interest.declare(
            work, item, organisation=form.get("organisation", ""), reason=form.get("reason", "")
        )
        return t(
            "practice.cli.conflict",
            organisation=row.organisation.short_name,
            top=item.position,
            title=item.title,
            reason=row.reason,
        )

    return _act(mid, "conflicts", action)


@bp.post("/meetings/<int:mid>/practice/conflicts/withdraw")
def withdraw_conflict(mid: int) -> Response:
    form = request.form

    def action(work: UnitOfWork, meeting: Any) -> str:
        item = meeting_session.item_of_meeting(work, meeting, form.get("top", "").strip() or "-")
        row = conflicts_of_interest.withdraw(work, item, organisation=form.get("organisation", ""))
        return t(
            "practice.cli.conflict_withdrawn",
            organisation=row.organisation.short_name,
            top=item.position,
            title=item.title,
        )

    return _act(mid, "conflicts", action)


@bp.post("/meetings/<int:mid>/practice/transfers/withdraw")
def withdraw_transfer(mid: int) -> Response:
    form = request.form

    def action(work: UnitOfWork, meeting: Any) -> str:
        row = vote_transfer.withdraw(work, meeting, from_organisation=form.get("from", ""))
        return t(
            "practice.cli.transfer_withdrawn",
            organisation=row.from_organisation.short_name,
            to=row.to_organisation.short_name,
            meeting=meeting.id,
        )

    return _act(mid, "transfers", action)


@bp.post("/meetings/<int:mid>/practice/transfers")
def transfer(mid: int) -> Response:
    form = request.form

    def action(work: UnitOfWork, meeting: Any) -> str:
        row = vote_transfer.transfer(
            work,
            meeting,
            from_organisation=form.get("from", ""),
            to_organisation=form.get("to", ""),
        )
        return t(
            "practice.cli.transfer",
            organisation=row.from_organisation.short_name,
            to=row.to_organisation.short_name,
            meeting=meeting.id,
        )

    return _act(mid, "transfers", action)


@bp.post("/meetings/<int:mid>/practice/online")
def online(mid: int) -> Response:
    form = request.form

    def action(work: UnitOfWork, meeting: Any) -> str:
        on = form.get("online", "") == "1"
        row = meeting_format.attend_online(
            work, meeting, organisation=form.get("organisation", ""), online=on
        )
        check = meeting_session.quorum_now(work, meeting)
        assert row.organisation is not None
        return t(
            "practice.cli.online" if on else "practice.cli.not_online",
            organisation=row.organisation.short_name,
            present=check.present,
            members=check.voting_members,
            needed=check.needed,
        )

    return _act(mid, "online", action)
