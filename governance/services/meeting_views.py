"""A meeting as users see it (``gremium meeting show``): JSON-ready, stable keys."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from governance.domain.permissions import CommitteeRole, may
from governance.models import Committee, Meeting
from governance.reads import meeting_view
from governance.reads.meetings import SUMMARY
from governance.services import agenda
from governance.services.access import roles_of
from governance.services.meetings import meetings as meetings_of_committee

if TYPE_CHECKING:
    # Passed in by the caller that needs pending timers and allowed triggers.
    from governance.unit_of_work import UnitOfWork
    from governance.workflow.engine import WorkflowEngine


def summary(meeting: Meeting) -> dict[str, Any]:
    """The summary of a meeting in hand, with the keys of the listing
    (:func:`governance.reads.meetings.meetings`)."""
    return {key: getattr(meeting, name) for key, name in SUMMARY}


def describe(session: Session, meeting: Meeting, engine: WorkflowEngine) -> dict[str, Any]:
    """*meeting* as ``meeting show`` and its page show it: the read path of
    :mod:`governance.reads.meeting_view`, in this session's transaction."""
    session.flush()  # Core reads what the session holds, not what it would flush
    data = meeting_view.describe(
        session.connection(), meeting.id, engine.definition_for(meeting).triggers_from
    )
    data.setdefault("expected_attendance", None)  # the pages ask for it in any case
    return data


# --- what the meeting pages show (issue 13) ---

_MEETING_ACTIONS = {
    # what a person may do on a meeting's page: (permission, workflow trigger)
    "convene": ("meeting.convene", "convene"),
    "move": ("meeting.move", "move"),
    "cancel": ("meeting.cancel", "cancel"),
    "not_held": ("meeting.end", "record_not_held"),
    "decide": ("agenda.decide", "update_agenda"),
    "propose": ("agenda.propose", "update_agenda"),
}


def allowed_actions(uow: UnitOfWork, meeting: Meeting) -> frozenset[str]:
    """What the acting person may do with *meeting* now: their roles and its state.

    The pages show a button only for these; the service functions check the
    same again when the form is sent (the state may have moved meanwhile).
    ``propose`` for a member only while the meeting takes proposals; for the
    chair also later (``urgent``, an urgent item).
    """
    person = uow.person()
    roles = (
        roles_of(uow.session, person, meeting.committee, uow.today) if person is not None else set()
    )
    allowed = {
        name
        for name, (action, trigger) in _MEETING_ACTIONS.items()
        if may(action, roles) and uow.engine.can_fire(uow, meeting, trigger)
    }
    chair = bool(roles & {CommitteeRole.CHAIR, CommitteeRole.ADMIN})
    open_for_proposals = agenda.takes_proposals(uow, meeting)
    if not chair and (not open_for_proposals or meeting.agenda_final):
        allowed.discard("propose")
    if "propose" in allowed and chair and not open_for_proposals:
        allowed.add("urgent")
    if may("meeting.plan", roles):
        allowed.add("plan")
    if may("agenda.confidential", roles):
        allowed.add("confidential")  # in any state: services/confidential_items.py says why
    return frozenset(allowed)


def may_plan(uow: UnitOfWork, committee: Committee) -> bool:
    """Whether the acting person may plan meetings and series of *committee*."""
    person = uow.person()
    if person is None:
        return uow.actor.is_system
    return may("meeting.plan", roles_of(uow.session, person, committee, uow.today))


def upcoming_and_past(
    session: Session, committee: Committee, now: dt.datetime
) -> tuple[list[Meeting], list[Meeting]]:
    """The committee's meetings not yet over (soonest first) and those over (latest first)."""
    every = meetings_of_committee(session, committee)
    upcoming = [m for m in every if m.ends_at > now]
    past = [m for m in every if m.ends_at <= now]
    return upcoming, list(reversed(past))
