"""What the agenda gets without anyone proposing it: standing items, items carried
over from earlier meetings, and the decision on an accession application.

Every meeting has the standing items "approval of the previous minutes" (when
there was an earlier meeting) and "report on open action items". Items not
handled, deferred or left undecided move to the next meeting; when none is
planned yet they wait and are attached to the next one planned.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.models import AccessionApplication, AgendaItem, Committee, Meeting
from governance.services import meetings as meeting_service
from governance.services.agenda import (
    ENTITY,
    STANDING_TITLES,
    ItemKind,
    Standing,
    agenda_changed,
    audit_item,
    items,
    new_item,
    next_meeting_taking_proposals,
    renumber,
)
from governance.unit_of_work import UnitOfWork


def add_standing_items(uow: UnitOfWork, meeting: Meeting, *, only: Standing | None = None) -> None:
    rules = meeting.committee.rules
    wanted = [Standing.ACTION_ITEMS]
    if meeting_service.previous_meeting(uow.session, meeting) is not None:
        wanted.insert(0, Standing.PREVIOUS_MINUTES)
    if only is not None:
        wanted = [s for s in wanted if s is only]
    for standing in wanted:
        # Minutes approved tacitly need no vote; otherwise their approval is decided here.
        needs_vote = standing is Standing.PREVIOUS_MINUTES and not rules.tacit_approval
        new_item(
            uow,
            meeting,
            title=STANDING_TITLES[standing],
            description="",
            kind=ItemKind.DECISION.value if needs_vote else ItemKind.INFORMATION.value,
            majority=rules.decision_majority.value if needs_vote else None,
            standing=standing.value,
        )


def refresh_previous_minutes(uow: UnitOfWork, meeting: Meeting | None) -> None:
    """Keep the standing item "approval of the previous minutes" true to the calendar.

    A meeting planned before another one gives it minutes to approve; a
    cancelled meeting leaves the next one without, if it was the only earlier one.
    """
    if meeting is None or meeting.state not in ("planned", "convened"):
        return
    has_previous = meeting_service.previous_meeting(uow.session, meeting) is not None
    current = [
        i
        for i in items(uow.session, meeting)
        if i.standing == Standing.PREVIOUS_MINUTES.value and i.status == "accepted"
    ]
    if not has_previous:
        for item in current:
            if getattr(item, "minutes_id", None) is None and item.outcome is None:
                uow.session.delete(item)
                renumber(uow.session, meeting)
                agenda_changed(uow, meeting, "removed", item.title)
    elif not current:
        add_standing_items(uow, meeting, only=Standing.PREVIOUS_MINUTES)
        added = next(
            i for i in items(uow.session, meeting) if i.standing == Standing.PREVIOUS_MINUTES.value
        )
        added.position = 0  # the approval of the minutes opens the agenda
        renumber(uow.session, meeting)
        agenda_changed(uow, meeting, "added", added.title)


def carry_over(uow: UnitOfWork, item: AgendaItem) -> AgendaItem | None:
    """Put *item* on the next meeting's agenda; None when no meeting is planned yet
    (it is attached when one is, see :func:`attach_pending`)."""
    target = meeting_service.next_meeting(
        uow.session, item.meeting.committee, item.meeting.starts_at
    )
    if target is None or target.id == item.meeting_id:
        return None
    copy = new_item(
        uow,
        target,
        title=item.title,
        description=item.description,
        kind=item.kind,
        majority=item.majority,
        status="accepted" if item.status in ("accepted", "moved") else item.status,
        proposer_id=item.proposer_id,
        proposer_organisation_id=item.proposer_organisation_id,
        accession_application_id=item.accession_application_id,
        agreement_version_id=item.agreement_version_id,
        carried_over_from_id=item.id,
    )
    item.carried_over_to_id = copy.id
    # The continued item keeps its files and links (the same stored files, no copies).
    from governance.services.agenda_attachments import carry_over as carry_attachments

    carry_attachments(uow.session, item, copy)
    uow.audit(
        entity_type=ENTITY,
        entity_id=copy.id,
        committee_id=target.committee_id,
        action="agenda.carry_over",
        to_state=copy.status,
        details={"from_item": item.id, "from_meeting": item.meeting_id, "to_meeting": target.id},
    )
    if copy.status == "accepted":
        agenda_changed(uow, target, "added", copy.title)
    return copy


def pending_carry_overs(session: Session, committee: Committee) -> list[AgendaItem]:
    """Items deferred (or moved) with no meeting to go to yet."""
    return list(
        session.execute(
            select(AgendaItem)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                Meeting.committee_id == committee.id,
                AgendaItem.carried_over_to_id.is_(None),
                AgendaItem.standing.is_(None),
                (AgendaItem.status == "moved") | (AgendaItem.outcome == "deferred"),
            )
            .order_by(AgendaItem.id)
        ).scalars()
    )


def attach_pending(uow: UnitOfWork, committee: Committee) -> None:
    """Give deferred items and scheduled accession applications a place on the next meeting."""
    for item in pending_carry_overs(uow.session, committee):
        carry_over(uow, item)
    waiting = uow.session.execute(
        select(AccessionApplication).where(
            AccessionApplication.committee_id == committee.id,
            AccessionApplication.state == "on_agenda",
        )
    ).scalars()
    for application in waiting:
        has_item = uow.session.execute(
            select(AgendaItem.id).where(
                AgendaItem.accession_application_id == application.id,
                AgendaItem.status == "accepted",
                AgendaItem.outcome.is_(None),
            )
        ).first()
        if not has_item:
            add_accession_item(uow, application)
    from governance.services.amendments import attach_waiting_amendments

    attach_waiting_amendments(uow, committee)
    from governance.services.written_procedure import attach_waiting as attach_written

    attach_written(uow, committee)


def add_accession_item(uow: UnitOfWork, application: AccessionApplication) -> AgendaItem | None:
    """Put the decision on *application* on the next meeting that still takes proposals."""
    meeting = next_meeting_taking_proposals(uow, application.committee)
    if meeting is None:
        return None
    item = new_item(
        uow,
        meeting,
        title=f"Beitritt: {application.organisation.name}",
        description=application.motivation,
        kind=ItemKind.DECISION.value,
        majority=application.committee.rules.accession_majority.value,
        accession_application_id=application.id,
    )
    audit_item(uow, item, "agenda.accession_item", to_state="accepted", application=application.id)
    return item
