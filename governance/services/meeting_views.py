"""A meeting as users see it (``gremium meeting show``): JSON-ready, stable keys."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from governance.domain.permissions import CommitteeRole, may
from governance.models import (
    ActionItem,
    Committee,
    Decision,
    Meeting,
    MeetingSeries,
    Membership,
    Organisation,
    Vote,
)
from governance.reads.meetings import SUMMARY
from governance.services import agenda
from governance.services.access import roles_of
from governance.services.agenda_attachments import current_versions
from governance.services.agenda_attachments import describe as describe_attachment
from governance.services.attendance import quorum_at, voting_memberships
from governance.services.meeting_notices import open_action_items
from governance.services.meetings import meetings as meetings_of_committee
from governance.services.rsvp import describe_expected
from governance.services.votes import describe_vote, votes_of

if TYPE_CHECKING:
    # Passed in by the caller that needs pending timers and allowed triggers.
    from governance.unit_of_work import UnitOfWork
    from governance.workflow.engine import WorkflowEngine


def summary(meeting: Meeting) -> dict[str, Any]:
    """The summary of a meeting in hand, with the keys of the listing
    (:func:`governance.reads.meetings.meetings`)."""
    return {key: getattr(meeting, name) for key, name in SUMMARY}


def describe(session: Session, meeting: Meeting, engine: WorkflowEngine) -> dict[str, Any]:
    # The committee's organisations and their people in two queries, held for
    # the whole view: attendance, ballots, proposers and owners then find them
    # in the session instead of loading them one by one.
    kept = list(  # noqa: F841 (alive until the view is built)
        session.execute(
            select(Organisation)
            .join(Membership, Membership.organisation_id == Organisation.id)
            .where(Membership.committee_id == meeting.committee_id)
            .options(selectinload(Organisation.people))
        )
        .unique()
        .scalars()
    )
    votes, decisions = votes_of(session, meeting)
    actions = list(
        session.execute(
            select(ActionItem).where(ActionItem.meeting_id == meeting.id).order_by(ActionItem.id)
        ).scalars()
    )
    check = quorum_at(session, meeting, meeting.opened_at) if meeting.opened_at else None
    items = agenda.items(session, meeting)
    files = current_versions(session, [i.id for i in items])
    data = summary(meeting)
    data.update(
        {
            "committee": meeting.committee.short_name,
            "series": _series(meeting.series),
            "deadlines": {
                "call_for_proposals": meeting.call_for_proposals_at,
                "proposal_deadline": meeting.proposal_deadline_at,
                "invitation": meeting.invitation_at,
                "reminder": meeting.reminder_at,
                "minutes_due": meeting.minutes_due_at,
            },
            "agenda_final": meeting.agenda_final,
            "agenda_revision": meeting.agenda_revision,
            "sequence": meeting.sequence,
            "reason": meeting.reason,
            "convened_at": meeting.convened_at,
            "opened_at": meeting.opened_at,
            "closed_at": meeting.closed_at,
            "recorded_later": None
            if meeting.recorded_later_at is None
            else {"at": meeting.recorded_later_at, "by": meeting.recorded_later_by},
            "quorum_at_opening": None
            if check is None
            else {
                "quorate": meeting.quorate_at_opening,
                "present": check.present,
                "voting_members": check.voting_members,
                "needed": check.needed,
                "repeat_meeting": check.repeat_meeting,
            },
            "voting_members": [
                m.organisation.short_name for m in voting_memberships(session, meeting)
            ],
            "agenda": [_item(i, votes.get(i.id), decisions.get(i.id), files) for i in items],
            "attendance": [
                {
                    "organisation": a.organisation.short_name if a.organisation else None,
                    "guest": a.guest_name or None,
                    "person": a.person.name if a.person else None,
                    "role": a.role,
                    "voting": a.voting,
                    "status": a.status,
                    "arrived_at": a.arrived_at,
                    "departed_at": a.departed_at,
                }
                for a in meeting.attendance
            ],
            # issue 14.3: the answers to the invitation and the quorum they let expect
            "expected_attendance": describe_expected(session, meeting),
            "action_items": [
                {
                    "id": a.id,
                    "what": a.what,
                    "who": a.owner_label,
                    "due_on": a.due_on,
                    "state": a.state,
                    "agenda_item_id": a.agenda_item_id,
                }
                for a in actions
            ],
            "open_action_items": [
                {"id": a.id, "what": a.what, "who": a.owner_label, "due_on": a.due_on}
                for a in open_action_items(session, meeting.committee)
            ],
            "timers": [
                {"name": t.name, "due_at": t.due_at, "trigger": t.trigger}
                for t in engine.pending_timers(session, meeting)
            ],
            "allowed_triggers": engine.allowed_triggers(meeting),
        }
    )
    return data


def _series(series: MeetingSeries | None) -> dict[str, Any] | None:
    if series is None:
        return None
    return {"id": series.id, "title": series.title, "rrule": series.rrule, "state": series.state}


def _item(
    item: Any,
    vote: Vote | None,
    decision: Decision | None,
    attachments: dict[int, list[Any]],
) -> dict[str, Any]:
    return {
        "id": item.id,
        "top": item.position,
        "title": item.title,
        "description": item.description,
        "kind": item.kind,
        "majority": item.majority,
        "standing": item.standing,
        "status": item.status,
        "outcome": item.outcome,
        "urgent": item.urgent,
        "proposer": item.proposer.email if item.proposer else None,
        "proposer_organisation": item.proposer_organisation.short_name
        if item.proposer_organisation
        else None,
        "attachments": [describe_attachment(a) for a in attachments.get(item.id, [])],
        "reason": item.reason,
        "notes": item.notes,
        "accession_application_id": item.accession_application_id,
        "carried_over_from": item.carried_over_from_id,
        "carried_over_to": item.carried_over_to_id,
        "vote": None if vote is None else describe_vote(vote),
        "decision": None
        if decision is None
        else {"reference": decision.reference, "text": decision.text, "carried": decision.carried},
    }


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
