"""Bounds on the days from which something takes effect, so that no entry rewrites what
the committee has already done: a membership that starts before a meeting that was
already held would change that meeting's quorum and votes after the fact."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select

from governance.clock import BERLIN
from governance.errors import InvalidInput
from governance.models import Committee, Meeting
from governance.unit_of_work import UnitOfWork

MAX_AHEAD_MONTHS = 12
"""How far ahead a membership may be entered to start."""


def last_meeting_held(uow: UnitOfWork, committee: Committee) -> dt.date | None:
    """The Berlin day of the committee's latest meeting that has started (opened or closed)."""
    starts_at = uow.session.execute(
        select(func.max(Meeting.starts_at)).where(
            Meeting.committee_id == committee.id,
            Meeting.state.in_(("in_session", "closed")),
        )
    ).scalar()
    return starts_at.astimezone(BERLIN).date() if starts_at is not None else None


def check_membership_start(
    uow: UnitOfWork, committee: Committee, day: dt.date, what: str, *, past: bool = True
) -> None:
    """A membership starts after the last meeting held (when *past*) and within a year ahead."""
    held = last_meeting_held(uow, committee) if past else None
    if held is not None and day <= held:
        raise InvalidInput(
            "error.membership.start_before_meeting",
            what=what,
            value=day.isoformat(),
            held=held.isoformat(),
            earliest=(held + dt.timedelta(days=1)).isoformat(),
        )
    latest = uow.today + relativedelta(months=MAX_AHEAD_MONTHS)
    if day > latest:
        raise InvalidInput(
            "error.membership.start_too_far",
            what=what,
            value=day.isoformat(),
            latest=latest.isoformat(),
        )
