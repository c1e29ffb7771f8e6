"""Vote transfer (Stimmrechtsübertragung): a member that cannot attend gives its vote
for one meeting to another member organisation.

Only where the rules of procedure allow it (rule ``vote_transfer``, off by
default), in writing: by the transferring organisation's link in the
invitation, or recorded by the secretariat from a letter or mail. A receiving
organisation holds at most ``transferred_votes_per_organisation`` transferred
votes. The transfer is in effect while the receiving organisation is present
and the transferring one has not arrived: it ends when the transferring
organisation arrives (and stays ended if it leaves again). Whether a
transferred vote counts for the quorum is the rule
``transferred_votes_count_for_quorum``. A ballot cast under a transfer is
marked as such in the vote record and the minutes.

A transfer is withdrawn (:func:`withdraw`) by those who may record it (the
transferring organisation's representative or deputy, the chair, the
secretariat) until the first vote is taken while it stands, also during the
meeting: like a power of attorney it may be revoked until it has been used
(§ 168 BGB), and a member that cannot come after all, or whose receiver has a
conflict, must be able to take it back then. Once a vote was taken under it,
that vote's quorum and ballots rest on it, so it stays. A withdrawn transfer
stays in the table with the moment and the person, and on the audit trail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.domain.voting import AttendanceStatus
from governance.errors import Conflict, InvalidInput, NotFound, Text
from governance.models import Meeting, Person, Vote, VoteTransfer
from governance.services import access, action_links
from governance.services.attendance import voting_memberships
from governance.services.meeting_practice_common import (
    channel,
    may_act_for,
    own_organisation,
    require_open,
    voting_member,
)
from governance.unit_of_work import UnitOfWork

ACTION = "meeting.vote_transfer"
PURPOSE = "meeting.transfer_vote"


def _concerning(error: Conflict, meeting: Meeting) -> Conflict:
    return error.concerning(
        entity_type="meetings",
        entity_id=meeting.id,
        action=ACTION,
        committee_id=meeting.committee_id,
    )


def transfer(
    uow: UnitOfWork, meeting: Meeting, *, from_organisation: str, to_organisation: str
) -> VoteTransfer:
    """Record that *from_organisation* transfers its vote at *meeting* to *to_organisation*."""
    roles = access.check(
        uow, ACTION, meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    rules = meeting.committee.rules
    if not rules.vote_transfer:
        raise _concerning(Conflict("transfer.error.not_allowed"), meeting)
    require_open(meeting, ACTION)
    giver = voting_member(uow, meeting, from_organisation, "--from")
    receiver = voting_member(uow, meeting, to_organisation, "--to")
    may_act_for(uow, meeting, roles, giver)
    if giver.id == receiver.id:
        raise InvalidInput("transfer.error.same", organisation=giver.short_name)
    if _arrived(meeting, giver.id, uow.now):
        raise _concerning(
            Conflict("transfer.error.present", organisation=giver.short_name), meeting
        )
    standing = transfers(uow.session, meeting)
    for row in standing:
        if row.from_organisation_id == giver.id:
            raise _concerning(
                Conflict(
                    "transfer.error.already",
                    organisation=giver.short_name,
                    to=row.to_organisation.short_name,
                ),
                meeting,
            )
        if row.from_organisation_id == receiver.id:
            raise _concerning(
                Conflict(
                    "transfer.error.receiver_gave",
                    organisation=receiver.short_name,
                    to=row.to_organisation.short_name,
                ),
                meeting,
            )
        if row.to_organisation_id == giver.id:
            raise _concerning(
                Conflict(
                    "transfer.error.giver_holds",
                    organisation=giver.short_name,
                    of=row.from_organisation.short_name,
                ),
                meeting,
            )
    held = sum(1 for row in standing if row.to_organisation_id == receiver.id)
    if held >= rules.transferred_votes_per_organisation:
        raise _concerning(
            Conflict(
                "transfer.error.limit",
                organisation=receiver.short_name,
                limit=rules.transferred_votes_per_organisation,
            ),
            meeting,
        )
    row = VoteTransfer(
        meeting_id=meeting.id,
        from_organisation_id=giver.id,
        to_organisation_id=receiver.id,
        recorded_by_id=uow.actor.person_id,
        via=channel(uow, roles),
        recorded_at=uow.now,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit(
        entity_type="meetings",
        entity_id=meeting.id,
        committee_id=meeting.committee_id,
        action="vote_transfer.record",
        details={
            "from": giver.short_name,
            "to": receiver.short_name,
            "recorded_as": row.via,
        },
    )
    return row


def withdraw(uow: UnitOfWork, meeting: Meeting, *, from_organisation: str) -> VoteTransfer:
    """Withdraw the transfer of *from_organisation*'s vote at *meeting*, until a vote has
    been taken under it (see the module's docstring); the record stays, marked withdrawn."""
    roles = access.check(
        uow, ACTION, meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    require_open(meeting, ACTION)
    giver = voting_member(uow, meeting, from_organisation, "--from")
    may_act_for(uow, meeting, roles, giver)
    row = uow.session.execute(
        select(VoteTransfer)
        .where(
            VoteTransfer.meeting_id == meeting.id,
            VoteTransfer.from_organisation_id == giver.id,
            VoteTransfer.withdrawn_at.is_(None),
        )
        .with_for_update()
    ).scalar_one_or_none()
    if row is None:
        standing = ", ".join(
            f"{r.from_organisation.short_name} → {r.to_organisation.short_name}"
            for r in transfers(uow.session, meeting)
        )
        raise NotFound(
            "transfer.error.none_to_withdraw",
            organisation=giver.short_name,
            meeting=meeting.id,
            standing=standing or "-",
        )
    used = used_by(uow.session, meeting, row)
    if used is not None:
        raise _concerning(
            Conflict(
                "transfer.error.withdraw_used",
                organisation=giver.short_name,
                to=row.to_organisation.short_name,
                top=used.item.position or "-",
                title=used.item.title,
            ),
            meeting,
        )
    row.withdrawn_at = uow.now
    row.withdrawn_by_id = uow.actor.person_id
    uow.session.flush()
    uow.audit(
        entity_type="meetings",
        entity_id=meeting.id,
        committee_id=meeting.committee_id,
        action="vote_transfer.withdraw",
        details={
            "from": giver.short_name,
            "to": row.to_organisation.short_name,
            "recorded_at": row.recorded_at.isoformat(),
            "recorded_as": channel(uow, roles),
        },
    )
    return row


def used_by(session: Session, meeting: Meeting, row: VoteTransfer) -> Vote | None:
    """The first vote of *meeting* taken while *row* stood (recorded, its giver not arrived),
    or None. Counted whether or not the receiver cast a ballot for the giver: the quorum of
    that vote may have rested on it all the same."""
    votes = session.execute(
        select(Vote)
        .where(Vote.meeting_id == meeting.id, Vote.taken_at >= row.recorded_at)
        .order_by(Vote.taken_at, Vote.id)
    ).scalars()
    for vote in votes:
        if not ended(meeting, row, vote.taken_at):
            return vote
    return None


def transfers(session: Session, meeting: Meeting, *, withdrawn: bool = False) -> list[VoteTransfer]:
    """The transfers in force for *meeting* (*withdrawn*: also the withdrawn ones), in the
    order they came in."""
    stmt = select(VoteTransfer).where(VoteTransfer.meeting_id == meeting.id)
    if not withdrawn:
        stmt = stmt.where(VoteTransfer.withdrawn_at.is_(None))
    return list(session.execute(stmt.order_by(VoteTransfer.id)).scalars())


def _arrived(meeting: Meeting, organisation_id: int, moment: dt.datetime) -> bool:
    """Whether *organisation_id* has arrived at *meeting* by *moment* (present or represented)."""
    for row in meeting.attendance:
        if row.organisation_id != organisation_id:
            continue
        if row.status not in (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED):
            return False
        return row.arrived_at is None or row.arrived_at <= moment
    return False


def ended(meeting: Meeting, row: VoteTransfer, moment: dt.datetime) -> bool:
    """A transfer ends when the transferring organisation arrives."""
    return _arrived(meeting, row.from_organisation_id, moment)


def in_effect(
    session: Session, meeting: Meeting, moment: dt.datetime, present: set[int]
) -> dict[int, int]:
    """The transfers in effect at *moment*: transferring organisation -> receiving organisation
    (the receiver present, the transferring organisation not arrived). None where the rules
    (no longer) allow transfers."""
    if not meeting.committee.rules.vote_transfer:
        return {}
    voting = {m.organisation_id for m in voting_memberships(session, meeting)}
    return {
        row.from_organisation_id: row.to_organisation_id
        for row in transfers(session, meeting)
        if row.to_organisation_id in present
        and row.from_organisation_id in voting
        and row.from_organisation_id not in present
        and not ended(meeting, row, moment)
    }


# --- the link in the invitation: transfer one's own organisation's vote ---


def _receivers(session: Session, meeting: Meeting, person: Person) -> list[tuple[str, str | Text]]:
    mine = {
        o.id
        for o in access.organisations_of(
            session, person, meeting.committee, meeting.starts_at.astimezone(BERLIN).date()
        )
    }
    return [
        (str(m.organisation_id), m.organisation.name)
        for m in voting_memberships(session, meeting)
        if m.organisation_id not in mine
    ]


def _describe(session: Session, meeting: Meeting, person: Person) -> dict[str, Any]:
    return {
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "committee": meeting.committee.name,
    }


def _transfer(uow: UnitOfWork, meeting: Meeting, form: Mapping[str, str]) -> Text:
    giver = own_organisation(uow, meeting)
    row = transfer(
        uow, meeting, from_organisation=str(giver.id), to_organisation=form.get("to", "")
    )
    return Text(
        "link.transfer.done", organisation=giver.short_name, to=row.to_organisation.short_name
    )


def _withdrawable(
    session: Session, meeting: Meeting, person: Person
) -> list[tuple[str, str | Text]]:
    """The transfer *person* made by link for *meeting*, in force and not used yet."""
    return [
        (str(row.id), Text("link.withdraw.transfer", to=row.to_organisation.short_name))
        for row in transfers(session, meeting)
        if row.recorded_by_id == person.id
        and row.via == "link"
        and used_by(session, meeting, row) is None
    ]


def _withdraw(uow: UnitOfWork, meeting: Meeting, value: str) -> Text:
    row = uow.session.get(VoteTransfer, int(value))
    assert row is not None and row.meeting_id == meeting.id  # one of _withdrawable's
    withdraw(uow, meeting, from_organisation=str(row.from_organisation_id))
    return Text(
        "practice.cli.transfer_withdrawn",
        organisation=row.from_organisation.short_name,
        to=row.to_organisation.short_name,
        meeting=meeting.id,
    )


def _closed(meeting: Meeting) -> Text | None:
    if not meeting.committee.rules.vote_transfer:
        return Text("transfer.error.not_allowed")
    return None


action_links.register(
    action_links.Purpose(
        name=PURPOSE,
        entity=Meeting,
        title_key="link.transfer.title",
        confirm_key="link.transfer.confirm",
        button_key="link.transfer.button",
        describe=_describe,
        perform=_transfer,
        withdrawable=_withdrawable,
        withdraw=_withdraw,
        expiry=lambda meeting: meeting.ends_at,
        closed=_closed,
        fields=(action_links.Field("to", "link.transfer.field.to", choices=_receivers),),
    )
)


def transfer_link(uow: UnitOfWork, meeting: Meeting, person: Person) -> str | None:
    """The invitation's link to transfer one's vote (a marker), where the rules allow it."""
    if not meeting.committee.rules.vote_transfer:
        return None
    return action_links.issue(
        uow,
        person=person,
        purpose=PURPOSE,
        entity=meeting,
        expires_at=meeting.ends_at,
        committee_id=meeting.committee_id,
    )
