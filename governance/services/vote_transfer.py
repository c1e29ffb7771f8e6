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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.domain.voting import AttendanceStatus
from governance.errors import Conflict, InvalidInput, Text
from governance.models import Meeting, Person, VoteTransfer
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


def transfers(session: Session, meeting: Meeting) -> list[VoteTransfer]:
    """Every transfer recorded for *meeting*, in the order they came in."""
    return list(
        session.execute(
            select(VoteTransfer)
            .where(VoteTransfer.meeting_id == meeting.id)
            .order_by(VoteTransfer.id)
        ).scalars()
    )


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
