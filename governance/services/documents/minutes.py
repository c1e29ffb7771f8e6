"""The minutes (Protokoll, Niederschrift) of a meeting.

ID: the meeting's number in Gremium (one meeting, one set of minutes; the
revision is printed on the document). Everything the meeting recorded goes
in: attendance, the quorum, each agenda item with its notes, decision and
vote, the action items, and the next meeting; then the state of the minutes
(draft, circulated, approved) and lines for the chair and the minute-taker.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance.errors import Conflict, Text
from governance.models import ActionItem, Attendance, Decision, Meeting, MinutesObjection, Vote
from governance.services import conflicts_of_interest, vote_transfer
from governance.services import meetings as meeting_service
from governance.services.attendance import quorum_at, voting_memberships
from governance.services.documents.meeting_parts import (
    attachments_part,
    chair_part,
    meeting_part,
    secretariat_part,
)
from governance.services.documents.parts import committee_part
from governance.services.meeting_notices import agenda_items
from governance.services.minutes import minutes_of
from governance.services.votes import votes_of

HELD = ("in_session", "closed")


def load(session: Session, ref: str) -> dict[str, Any]:
    return context(session, meeting_service.meeting_by_id(session, ref))


def context(session: Session, meeting: Meeting) -> dict[str, Any]:
    if meeting.state not in HELD:
        raise Conflict(
            "documents.error.meeting_not_held",
            meeting=meeting.id,
            state=Text(f"documents.meeting_state.{meeting.state}"),
        )
    minutes = minutes_of(session, meeting)
    check = quorum_at(session, meeting, meeting.opened_at) if meeting.opened_at else None
    following = meeting_service.next_meeting(session, meeting.committee, meeting.starts_at)
    return {
        "committee": committee_part(meeting.committee),
        "meeting": meeting_part(meeting),
        "chair": chair_part(session, meeting),
        "minute_taker": secretariat_part(
            session, meeting, minutes.minute_taker if minutes else None
        ),
        "attendance": _attendance(session, meeting),
        "quorum": None
        if check is None
        else {
            "quorate": bool(meeting.quorate_at_opening),
            "present": check.present,
            "voting_members": check.voting_members,
            "needed": check.needed,
            "repeat_meeting": check.repeat_meeting,
        },
        "items": _items(session, meeting),
        # issue 16: the votes transferred for this meeting (who to whom, and whether the
        # transferring organisation came after all)
        "vote_transfers": _transfers(session, meeting),
        "action_items": [_action(a) for a in _actions(session, meeting)],
        "written_procedures": _written_since_last(session, meeting),
        "next_meeting": None
        if following is None
        else {"starts_at": following.starts_at, "location": following.location},
        "minutes": {
            "state": minutes.state if minutes else "drafting",
            "revision": minutes.revision if minutes else 0,
            "circulated_at": minutes.circulated_at if minutes else None,
            "objection_deadline_at": minutes.objection_deadline_at if minutes else None,
            "approved_at": minutes.approved_at if minutes else None,
            "approved_by": minutes.approved_by if minutes else "",
            "approval_decision": minutes.approval_decision if minutes else "",
        },
        "objections": [_objection(o) for o in minutes.objections] if minutes else [],
        # The audit chain's head {seq, hash}: set when the approved minutes are archived.
        "audit_head": None,
    }


def _objection(objection: MinutesObjection) -> dict[str, Any]:
    """An objection as the approved minutes record it: who, when, what, and how it was settled."""
    return {
        "person": objection.person.name,
        "organisation": objection.organisation.short_name,
        "raised_at": objection.raised_at,
        "revision": objection.revision,
        "text": objection.text,
        "resolved": objection.resolved,
        "resolution": objection.resolution,
        "resolved_at": objection.resolved_at,
    }


def _attendance(session: Session, meeting: Meeting) -> dict[str, list[dict[str, Any]]]:
    """Members (every voting organisation, absent if nothing was recorded), advisory, guests."""
    rows = {a.organisation_id: a for a in meeting.attendance if a.organisation_id is not None}
    members = []
    for membership in voting_memberships(session, meeting):
        row = rows.pop(membership.organisation_id, None)
        members.append(_presence(membership.organisation.name, row))
    advisory = [_presence(r.organisation.name, r) for r in rows.values() if r.organisation]
    guests = [{"name": a.guest_name} for a in meeting.attendance if a.organisation_id is None]
    return {"members": members, "advisory": advisory, "guests": guests}


def _presence(organisation: str, row: Attendance | None) -> dict[str, Any]:
    return {
        "organisation": organisation,
        "person": row.person.name if row is not None and row.person else None,
        "status": row.status if row is not None else "absent",
        "arrived_at": row.arrived_at if row is not None else None,
        "departed_at": row.departed_at if row is not None else None,
        "online": bool(row is not None and row.online),
    }


def _items(session: Session, meeting: Meeting) -> list[dict[str, Any]]:
    votes, decisions = votes_of(session, meeting)
    actions = _actions(session, meeting)
    items = agenda_items(session, meeting)
    files = attachments_part(session, [item.id for item in items])
    conflicts = conflicts_of_interest.of_items(session, [item.id for item in items])
    out = []
    for item in items:
        vote: Vote | None = votes.get(item.id)
        decision: Decision | None = decisions.get(item.id)
        out.append(
            {
                "number": item.position,
                "title": item.title,
                "kind": item.kind,
                "majority": item.majority,
                "urgent": item.urgent,
                "outcome": item.outcome,
                "notes": item.notes,
                "decision_text": item.decision_text,
                "attachments": files.get(item.id, []),
                "vote": None
                if vote is None
                else {
                    "yes": vote.yes,
                    "no": vote.no,
                    "abstain": vote.abstain,
                    "carried": vote.carried,
                    "method": vote.method,
                    "majority": vote.majority,
                    "reference": decision.reference if decision else "",
                    "taken_at": vote.taken_at,
                    "ballots": [
                        {
                            "organisation": b.organisation.short_name,
                            "choice": b.choice,
                            # cast under a vote transfer by this organisation (or None)
                            "cast_by": b.cast_by.short_name if b.cast_by else None,
                        }
                        for b in vote.ballots
                    ],
                    "transferred": vote.transferred,
                },
                # who did not take part for a conflict of interest, and why
                "not_voting": [
                    {"organisation": c.organisation.name, "reason": c.reason}
                    for c in conflicts.get(item.id, [])
                ],
                "action_items": [_action(a) for a in actions if a.agenda_item_id == item.id],
            }
        )
    return out


def _transfers(session: Session, meeting: Meeting) -> list[dict[str, Any]]:
    end = meeting.closed_at or meeting.ends_at
    return [
        {
            "from": row.from_organisation.name,
            "to": row.to_organisation.name,
            "via": row.via,
            "ended": vote_transfer.ended(meeting, row, end),
        }
        for row in vote_transfer.transfers(session, meeting)
    ]


def _actions(session: Session, meeting: Meeting) -> list[ActionItem]:
    return list(
        session.execute(
            select(ActionItem).where(ActionItem.meeting_id == meeting.id).order_by(ActionItem.id)
        ).scalars()
    )


def _action(action: ActionItem) -> dict[str, Any]:
    return {
        "what": action.what,
        "who": action.owner_label,
        "due_on": action.due_on,
        "top": action.agenda_item.position,
    }


def _written_since_last(session: Session, meeting: Meeting) -> list[dict[str, Any]]:
    """The written procedures that ended since the committee's previous held meeting
    (the minutes record them: a decision between meetings is made known at the next)."""
    from governance.services import written_procedure

    previous = session.execute(
        select(func.max(Meeting.starts_at)).where(
            Meeting.committee_id == meeting.committee_id,
            Meeting.state.in_(HELD),
            Meeting.starts_at < meeting.starts_at,
        )
    ).scalar()
    return [
        {
            "number": p.id,
            "title": p.title,
            "state": p.state,
            "reference": p.reference,
            "carried": p.carried,
            "ended_at": p.ended_at,
            "yes": p.yes,
            "no": p.no,
            "abstain": p.abstain,
        }
        for p in written_procedure.decided_between(
            session, meeting.committee_id, previous, meeting.starts_at
        )
    ]
