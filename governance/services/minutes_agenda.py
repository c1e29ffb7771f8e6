"""The approval of minutes as an agenda item (Protokollgenehmigung).

Every meeting after the first has the standing item ``previous_minutes``
(see agenda_carry_over.add_standing_items). When minutes cannot be approved tacitly
(the rules say so, or an objection is still open when the period ends),
that item of the next meeting is linked to them and becomes a decision item
under the committee's decision majority; its vote approves them (votes.py).
When minutes are approved otherwise, a linked item that has not been voted
on yet turns back into a report.
"""

from __future__ import annotations

from sqlalchemy import select

from governance.clock import BERLIN
from governance.models import AgendaItem, Meeting, Minutes
from governance.services import agenda
from governance.services import meetings as meeting_service
from governance.unit_of_work import UnitOfWork


def approval_title(minutes: Minutes) -> str:
    meeting = minutes.meeting
    day = meeting.starts_at.astimezone(BERLIN).strftime("%d.%m.%Y")
    number = f"Nr. {meeting.number} " if meeting.number is not None else ""
    return f"Genehmigung des Protokolls der Sitzung {number}vom {day}"


def approved_title(minutes: Minutes) -> str:
    """``Protokoll der Sitzung Nr. 3 vom 11.03.2026: stillschweigend genehmigt am 08.04.2026``."""
    meeting = minutes.meeting
    day = meeting.starts_at.astimezone(BERLIN).strftime("%d.%m.%Y")
    number = f"Nr. {meeting.number} " if meeting.number is not None else ""
    how = "stillschweigend genehmigt" if minutes.approved_by == "tacit" else "genehmigt"
    on = (
        f" am {minutes.approved_at.astimezone(BERLIN).strftime('%d.%m.%Y')}"
        if minutes.approved_at is not None
        else ""
    )
    return f"Protokoll der Sitzung {number}vom {day}: {how}{on}"


def approval_item(uow: UnitOfWork, minutes: Minutes) -> AgendaItem | None:
    """The item, not yet voted on, whose vote would approve *minutes*."""
    return uow.session.execute(
        select(AgendaItem).where(
            AgendaItem.minutes_id == minutes.id,
            AgendaItem.status == "accepted",
            AgendaItem.outcome.is_(None),
        )
    ).scalar_one_or_none()


def add_approval_item(uow: UnitOfWork, minutes: Minutes) -> AgendaItem | None:
    """Link the next meeting's standing item to *minutes* as a decision item
    (or add one); None while no meeting is planned (the chair adds it later)."""
    existing = approval_item(uow, minutes)
    if existing is not None:
        return existing
    committee = minutes.meeting.committee
    target = meeting_service.next_meeting(uow.session, committee, uow.now)
    if target is None:
        return None
    item = _standing_item(uow, target)
    if item is None:
        item = agenda.new_item(
            uow,
            target,
            title=approval_title(minutes),
            description="",
            kind=agenda.ItemKind.DECISION.value,
            majority=committee.rules.decision_majority.value,
            standing=agenda.Standing.PREVIOUS_MINUTES.value,
        )
    item.title = approval_title(minutes)
    item.kind = agenda.ItemKind.DECISION.value
    item.majority = committee.rules.decision_majority.value
    item.minutes_id = minutes.id
    uow.session.flush()
    uow.audit(
        entity_type=agenda.ENTITY,
        entity_id=item.id,
        committee_id=committee.id,
        action="agenda.minutes_item",
        to_state=item.status,
        details={"meeting": target.id, "minutes": minutes.id, "revision": minutes.revision},
    )
    # After the invitation this is a change of the agenda everyone invited hears of.
    agenda.agenda_changed(uow, target, "changed", item.title)
    return item


def settle_approval_item(uow: UnitOfWork, minutes: Minutes) -> None:
    """Minutes approved without the vote: the next meeting need not approve them.

    Its item on them — the linked decision item, else the standing item
    "approval of the previous minutes" — is settled before the meeting: it
    reports the approval and its date and is marked noted, so nobody has to
    handle it in the meeting (and it is no longer listed as still to approve).
    """
    item = approval_item(uow, minutes)
    if item is None:
        following = meeting_service.next_meeting(
            uow.session, minutes.meeting.committee, minutes.meeting.starts_at
        )
        if following is None or following.state not in ("planned", "convened"):
            return
        if meeting_service.previous_meeting(uow.session, following) is not minutes.meeting:
            return  # the standing item there is about other minutes
        item = _standing_item(uow, following)
        if item is None:
            return
    item.kind = agenda.ItemKind.INFORMATION.value
    item.majority = None
    item.minutes_id = minutes.id
    item.title = approved_title(minutes)
    item.outcome = "noted"
    item.notes = item.title
    meeting = uow.session.get(Meeting, item.meeting_id)
    assert meeting is not None
    uow.audit(
        entity_type=agenda.ENTITY,
        entity_id=item.id,
        committee_id=meeting.committee_id,
        action="agenda.minutes_settled",
        details={"meeting": meeting.id, "minutes": minutes.id, "approved_by": minutes.approved_by},
    )
    agenda.agenda_changed(uow, meeting, "changed", item.title)


def _standing_item(uow: UnitOfWork, meeting: Meeting) -> AgendaItem | None:
    return (
        uow.session.execute(
            select(AgendaItem).where(
                AgendaItem.meeting_id == meeting.id,
                AgendaItem.standing == agenda.Standing.PREVIOUS_MINUTES.value,
                AgendaItem.status == "accepted",
                AgendaItem.minutes_id.is_(None),
                AgendaItem.outcome.is_(None),
            )
        )
        .scalars()
        .first()
    )
