"""A meeting in session as its page shows it: the attendance sheet, the quorum
now, the agenda with votes, results and action items, and what the person
looking may do. Plain data (dicts and lists), read in one session.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from governance.clock import BERLIN
from governance.domain.permissions import may
from governance.models import (
    Capacity,
    Meeting,
    MeetingReply,
    Membership,
    MembershipPerson,
    Person,
    Role,
)
from governance.reads import action_items as action_item_reads
from governance.services import access, agenda
from governance.services.attendance import present_voting_organisations, quorum_at
from governance.services.meeting_session import local_time
from governance.services.rsvp import replies_by_organisation
from governance.services.votes import describe_vote, votes_of

ACTIONS = (
    "meeting.open",
    "meeting.attendance",
    "meeting.vote",
    "meeting.minute",
    "meeting.close",
    "meeting.record_later",
)
"""The permissions the page asks about, to show a form or only what is recorded."""


def permitted(session: Session, person: Person, meeting: Meeting, on: dt.date) -> set[str]:
    """Which of the session's actions *person* may take (the services check again)."""
    roles = access.roles_of(session, person, meeting.committee, on)
    return {a for a in ACTIONS if may(a, roles)}


def _expected(reply: MeetingReply | None, membership: Membership) -> dict[str, str]:
    """What the answer to the invitation lets the sheet start from (editable): who said
    they come (present, or represented by a deputy), or excused; "tentative" leaves the
    row open (it says so)."""
    if reply is None:
        return {"expected_status": "", "expected_person_email": "", "answer": ""}
    if reply.answer == "excused":
        return {"expected_status": "excused", "expected_person_email": "", "answer": "excused"}
    if reply.answer == "tentative":  # "maybe": nothing to presume, the secretariat sees
        return {"expected_status": "", "expected_person_email": "", "answer": "tentative"}
    who = reply.deputy if reply.answer == "deputy" and reply.deputy is not None else reply.person
    capacity = next(
        (mp.capacity for mp in membership.people if mp.person_id == who.id), Capacity.DEPUTY
    )
    status = "present" if capacity == Capacity.REPRESENTATIVE else "represented"
    return {"expected_status": status, "expected_person_email": who.email, "answer": reply.answer}


def session_view(session: Session, meeting: Meeting, now: dt.datetime) -> dict[str, Any]:
    day = meeting.starts_at.astimezone(BERLIN).date()
    memberships = [
        m
        for m in session.execute(
            select(Membership)
            .where(Membership.committee_id == meeting.committee_id)
            .order_by(Membership.id)
            .options(
                selectinload(Membership.organisation),
                selectinload(Membership.people).selectinload(MembershipPerson.person),
            )
        ).scalars()
        if m.is_current(day)
    ]
    recorded = {a.organisation_id: a for a in meeting.attendance if a.organisation_id}
    replies = replies_by_organisation(session, meeting)  # the sheet starts from the answers
    present_now = present_voting_organisations(session, meeting, now)
    organisations = []
    for m in memberships:
        row = recorded.get(m.organisation_id)
        organisations.append(
            {
                "short_name": m.organisation.short_name,
                "name": m.organisation.name,
                "role": m.role,
                "voting": m.voting and m.role in (Role.CHAIR, Role.MEMBER),
                "people": [
                    {
                        "name": mp.person.name,
                        "email": mp.person.email,
                        "capacity": mp.capacity,
                    }
                    for mp in sorted(
                        m.people, key=lambda mp: (mp.capacity != Capacity.REPRESENTATIVE, mp.id)
                    )
                ],
                "status": row.status if row else "",
                "person": row.person.name if row and row.person else None,
                "person_email": row.person.email if row and row.person else "",
                "arrived": local_time(row.arrived_at) if row and row.arrived_at else "",
                "departed": local_time(row.departed_at) if row and row.departed_at else "",
                "present_now": m.organisation_id in present_now,
                **_expected(replies.get(m.organisation_id), m),
            }
        )
    check = quorum_at(session, meeting, now)
    votes, decisions = votes_of(session, meeting)
    # The committee's action items in one read (by due date), the same rows as the
    # action items page: this meeting's (by number) and the open ones of earlier meetings.
    session.flush()
    every = action_item_reads.action_items(session.connection(), meeting.committee_id)
    actions = sorted((a for a in every if a["meeting_id"] == meeting.id), key=lambda a: a["id"])
    items = []
    for item in agenda.items(session, meeting):
        if item.status != "accepted":
            continue
        vote = votes.get(item.id)
        decision = decisions.get(item.id)
        items.append(
            {
                "id": item.id,
                "top": item.position,
                "title": item.title,
                "description": item.description,
                "kind": item.kind,
                "majority": item.majority,
                "outcome": item.outcome,
                "notes": item.notes,
                "standing": item.standing,
                "votable": item.kind == "decision" and item.outcome is None and vote is None,
                "vote": None if vote is None else describe_vote(vote),
                "decision": None
                if decision is None
                else {"reference": decision.reference, "text": decision.text},
                "action_items": [a for a in actions if a["agenda_item_id"] == item.id],
            }
        )
    return {
        "id": meeting.id,
        "committee_id": meeting.committee_id,
        "title": meeting.title,
        "number": meeting.number,
        "state": meeting.state,
        "version": meeting.version,
        "starts_at": meeting.starts_at,
        "location": meeting.location,
        "opened_at": meeting.opened_at,
        "closed_at": meeting.closed_at,
        "recorded_later": meeting.recorded_later_at is not None,
        "quorate_at_opening": meeting.quorate_at_opening,
        "quorum": {
            "quorate": check.quorate,
            "present": check.present,
            "voting_members": check.voting_members,
            "needed": check.needed,
            "repeat_meeting": check.repeat_meeting,
        },
        "organisations": organisations,
        "voters": [o for o in organisations if o["voting"] and o["present_now"]],
        "guests": [a.guest_name for a in meeting.attendance if a.organisation_id is None],
        "agenda": items,
        # Reported under the standing item "open action items" (of earlier meetings).
        "open_action_items": [
            a for a in every if a["state"] == "open" and a["meeting_id"] != meeting.id
        ],
    }
