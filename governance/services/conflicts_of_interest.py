"""Conflict of interest (Befangenheit): a member organisation does not vote on an item.

A representative or deputy declares it for their own organisation (by the
link in the invitation, or on the web or command line); the secretariat or
the chair record one that came in writing or was said in the meeting. The
organisation then takes no part in the vote on that item: its ballot is
refused with the reason, and the minutes say who did not take part and why.
Whether it still counts for the quorum of that vote is the rule
``conflicted_count_for_quorum`` (by default it does not).

A declaration made by mistake is withdrawn (:func:`withdraw`) by the same
people who may declare it, until the vote on the item is taken: after that
the vote was counted without the organisation, and the record must keep
saying why. A withdrawn declaration stays in the table with the moment and
the person (and on the audit trail); it no longer keeps anyone from voting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.errors import Conflict, InvalidInput, NotFound, Text
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
    existing = _in_force(uow.session, item, org.id)
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


def _in_force(
    session: Session, item: AgendaItem, organisation_id: int, *, lock: bool = False
) -> ConflictOfInterest | None:
    stmt = select(ConflictOfInterest).where(
        ConflictOfInterest.agenda_item_id == item.id,
        ConflictOfInterest.organisation_id == organisation_id,
        ConflictOfInterest.withdrawn_at.is_(None),
    )
    if lock:
        stmt = stmt.with_for_update()
    return session.execute(stmt).scalar_one_or_none()


def withdraw(uow: UnitOfWork, item: AgendaItem, *, organisation: str) -> ConflictOfInterest:
    """Withdraw *organisation*'s declared conflict in *item*, until the vote on it is taken.

    The same people as :func:`declare` (the organisation's representative or deputy, the
    chair, the secretariat). The record stays, marked withdrawn, so the trail and the
    table keep saying what was declared and when it was taken back.
    """
    meeting: Meeting = item.meeting
    roles = access.check(
        uow, ACTION, meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    require_open(meeting, ACTION)
    org = voting_member(uow, meeting, organisation, "--organisation")
    may_act_for(uow, meeting, roles, org)
    row = _in_force(uow.session, item, org.id, lock=True)
    if row is None:
        standing = sorted(
            c.organisation.short_name for c in of_items(uow.session, [item.id]).get(item.id, [])
        )
        raise NotFound(
            "conflict.error.none_to_withdraw",
            organisation=org.short_name,
            top=item.position or "-",
            title=item.title,
            declared=", ".join(standing) or "-",
        )
    voted = uow.session.execute(
        select(Vote.taken_at).where(Vote.agenda_item_id == item.id)
    ).scalar_one_or_none()
    if voted is not None:
        raise Conflict(
            "conflict.error.withdraw_voted",
            organisation=org.short_name,
            top=item.position,
            title=item.title,
        ).concerning(
            entity_type="meetings",
            entity_id=meeting.id,
            action=ACTION,
            committee_id=meeting.committee_id,
        )
    row.withdrawn_at = uow.now
    row.withdrawn_by_id = uow.actor.person_id
    uow.session.flush()
    uow.audit(
        entity_type="meetings",
        entity_id=meeting.id,
        committee_id=meeting.committee_id,
        action="conflict.withdraw",
        details={
            "item": item.id,
            "top": item.position,
            "organisation": org.short_name,
            "declared_at": row.declared_at.isoformat(),
            "recorded_as": channel(uow, roles),
        },
    )
    return row


def of_items(
    session: Session, item_ids: Iterable[int], *, withdrawn: bool = False
) -> dict[int, list[ConflictOfInterest]]:
    """The conflicts in force by agenda item (*withdrawn*: also the withdrawn ones)."""
    ids = list(item_ids)
    out: dict[int, list[ConflictOfInterest]] = {}
    if not ids:
        return out
    stmt = select(ConflictOfInterest).where(ConflictOfInterest.agenda_item_id.in_(ids))
    if not withdrawn:
        stmt = stmt.where(ConflictOfInterest.withdrawn_at.is_(None))
    rows = session.execute(stmt.order_by(ConflictOfInterest.id)).scalars()
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


def _withdrawable(
    session: Session, meeting: Meeting, person: Person
) -> list[tuple[str, str | Text]]:
    """The declarations *person* made by link for *meeting*, in force, not voted on yet."""
    rows = session.execute(
        select(ConflictOfInterest)
        .where(
            ConflictOfInterest.meeting_id == meeting.id,
            ConflictOfInterest.declared_by_id == person.id,
            ConflictOfInterest.via == "link",
            ConflictOfInterest.withdrawn_at.is_(None),
        )
        .order_by(ConflictOfInterest.id)
    ).scalars()
    voted = set(
        session.execute(select(Vote.agenda_item_id).where(Vote.meeting_id == meeting.id)).scalars()
    )
    return [
        (
            str(row.id),
            Text(
                "link.withdraw.conflict",
                top=row.item.position,
                title=row.item.title,
                reason=row.reason,
            ),
        )
        for row in rows
        if row.agenda_item_id not in voted
    ]


def _withdraw(uow: UnitOfWork, meeting: Meeting, value: str) -> Text:
    row = uow.session.get(ConflictOfInterest, int(value))
    assert row is not None and row.meeting_id == meeting.id  # one of _withdrawable's
    item = row.item
    withdraw(uow, item, organisation=str(row.organisation_id))
    return Text(
        "practice.cli.conflict_withdrawn",
        organisation=row.organisation.short_name,
        top=item.position,
        title=item.title,
    )


action_links.register(
    action_links.Purpose(
        name=PURPOSE,
        entity=Meeting,
        title_key="link.conflict.title",
        confirm_key="link.conflict.confirm",
        button_key="link.conflict.button",
        describe=_describe,
        perform=_declare,
        withdrawable=_withdrawable,
        withdraw=_withdraw,
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
