"""Conflict of interest (Befangenheit): a member organisation does not vote on an item.

A representative or deputy declares it for their own organisation (by the
link in the invitation, or on the web or command line); the secretariat or
the chair record one that came in writing or was said in the meeting. The
organisation then takes no part in the vote on that item: its ballot is
refused with the reason, and the minutes say who did not take part and why.
Whether it still counts for the quorum of that vote is the rule
``conflicted_count_for_quorum`` (by default it does not).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.errors import Conflict, InvalidInput, Text
from governance.models import AgendaItem, ConflictOfInterest, Meeting, Person, Vote
from governance.services import access, action_links, validation
from governance.services.meeting_practice_common import (
    channel,
    may_act_for,
    own_organisation,
    require_open,
    voting_member,
)
from governance.unit_of_work import UnitOfWork

ACTION = "meeting.conflict"
PURPOSE = "meeting.conflict"
MAX_REASON = 1000


def declare(
    uow: UnitOfWork, item: AgendaItem, *, organisation: str, reason: str
) -> ConflictOfInterest:
    """Record that *organisation* has a conflict of interest in *item*, and why."""
    meeting: Meeting = item.meeting
    roles = access.check(
        uow, ACTION, meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    require_open(meeting, ACTION)
    org = voting_member(uow, meeting, organisation, "--organisation")
    may_act_for(uow, meeting, roles, org)
    why = validation.text(reason, "--reason", MAX_REASON)
    if item.status != "accepted" or item.kind != "decision":
        raise InvalidInput("conflict.error.not_a_vote", top=item.position or "-", title=item.title)
    voted = uow.session.execute(select(Vote.id).where(Vote.agenda_item_id == item.id)).first()
    if voted is not None:
        raise Conflict("conflict.error.already_voted", top=item.position, title=item.title)
    existing = uow.session.execute(
        select(ConflictOfInterest).where(
            ConflictOfInterest.agenda_item_id == item.id,
            ConflictOfInterest.organisation_id == org.id,
        )
    ).scalar_one_or_none()
    if existing is not None:
        raise Conflict(
            "conflict.error.already_declared",
            organisation=org.short_name,
            top=item.position,
            reason=existing.reason,
        )
    row = ConflictOfInterest(
        meeting_id=meeting.id,
        agenda_item_id=item.id,
        organisation_id=org.id,
        reason=why,
        declared_by_id=uow.actor.person_id,
        via=channel(uow, roles),
        declared_at=uow.now,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit(
        entity_type="meetings",
        entity_id=meeting.id,
        committee_id=meeting.committee_id,
        action="conflict.declare",
        details={
            "item": item.id,
            "top": item.position,
            "organisation": org.short_name,
            "reason": why,
            "recorded_as": row.via,
        },
    )
    return row


def of_items(session: Session, item_ids: Iterable[int]) -> dict[int, list[ConflictOfInterest]]:
    """The declared conflicts by agenda item."""
    ids = list(item_ids)
    out: dict[int, list[ConflictOfInterest]] = {}
    if not ids:
        return out
    rows = session.execute(
        select(ConflictOfInterest)
        .where(ConflictOfInterest.agenda_item_id.in_(ids))
        .order_by(ConflictOfInterest.id)
    ).scalars()
    for row in rows:
        out.setdefault(row.agenda_item_id, []).append(row)
    return out


def conflicted(session: Session, item: AgendaItem | None) -> dict[int, ConflictOfInterest]:
    """The organisations with a conflict in *item* (none for no item), by organisation id."""
    if item is None:
        return {}
    return {c.organisation_id: c for c in of_items(session, [item.id]).get(item.id, [])}


# --- the link in the invitation: declare a conflict for one's own organisation ---


def _items(session: Session, meeting: Meeting, person: Person) -> list[tuple[str, str | Text]]:
    from governance.services import agenda

    return [
        (str(i.id), f"TOP {i.position}: {i.title}")
        for i in agenda.items(session, meeting)
        if i.status == "accepted" and i.kind == "decision"
    ]


def _describe(session: Session, meeting: Meeting, person: Person) -> dict[str, Any]:
    return {
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "committee": meeting.committee.name,
    }


def _declare(uow: UnitOfWork, meeting: Meeting, form: Mapping[str, str]) -> Text:
    from governance.services import agenda

    ref = str(form.get("item", "")).strip()
    if not ref.isdigit():
        raise InvalidInput("conflict.error.item_missing")
    item = agenda.item_by_ref(uow.session, f"#{ref}", meeting)
    org = own_organisation(uow, meeting)
    declare(uow, item, organisation=str(org.id), reason=form.get("reason", ""))
    return Text("link.conflict.done", organisation=org.short_name, item=item.title)


action_links.register(
    action_links.Purpose(
        name=PURPOSE,
        entity=Meeting,
        title_key="link.conflict.title",
        confirm_key="link.conflict.confirm",
        button_key="link.conflict.button",
        describe=_describe,
        perform=_declare,
        expiry=lambda meeting: meeting.ends_at,
        fields=(
            action_links.Field("item", "link.conflict.field.item", choices=_items),
            action_links.Field("reason", "link.conflict.field.reason", max_length=MAX_REASON),
        ),
    )
)


def conflict_link(uow: UnitOfWork, meeting: Meeting, person: Person) -> str:
    """The invitation's link to declare a conflict (a marker the dispatcher fills)."""
    return action_links.issue(
        uow,
        person=person,
        purpose=PURPOSE,
        entity=meeting,
        expires_at=meeting.ends_at,
        committee_id=meeting.committee_id,
    )
