"""The agenda (Tagesordnung): proposals, the chair's decisions on them, order, carry-over.

Members propose items until the proposal deadline; the chair accepts,
rejects (with a reason) or defers them, orders the agenda and marks it
final. Standing items are added to every meeting. After the invitation a
new item needs the chair's consent and is flagged urgent (Dringlichkeit);
every change of the agenda after the invitation raises its revision and
tells everyone invited. Items not handled move to the next meeting.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.domain.permissions import CommitteeRole
from governance.domain.rules import Majority
from governance.errors import Conflict, InvalidInput, NotFound, Text
from governance.models import AgendaItem, Committee, Meeting
from governance.services import access, validation
from governance.services import meetings as meeting_service
from governance.services.meeting_notices import agenda_items, tell_proposer
from governance.services.meetings import MeetingRef, require_version, touch
from governance.unit_of_work import UnitOfWork

ENTITY = AgendaItem.__tablename__


class ItemKind(enum.StrEnum):
    INFORMATION = "information"
    DISCUSSION = "discussion"
    DECISION = "decision"


class Standing(enum.StrEnum):
    PREVIOUS_MINUTES = "previous_minutes"
    ACTION_ITEMS = "action_items"


AFTER_INVITATION = ("convened", "in_session")
"""States in which the agenda has been sent: a change raises its revision."""

STANDING_TITLES = {
    Standing.PREVIOUS_MINUTES: "Genehmigung des Protokolls der letzten Sitzung",
    Standing.ACTION_ITEMS: "Bericht zu offenen Aufgaben",
}


# --- lookups ---


ItemRef = AgendaItem | str | int
"""An item, or its reference as the user gives it (``12``, ``#12``, ``5/3``)."""


def item_by_ref(session: Session, ref: ItemRef, meeting: MeetingRef | None = None) -> AgendaItem:
    """An item by its number (``12``) or by meeting and TOP (``5/3``: meeting 5, TOP 3).

    With *meeting*, the item must belong to it: a form of one meeting's page
    (or a command naming the meeting) never acts on another meeting's item.
    """
    item = _item(session, ref)
    if meeting is not None:
        owner = meeting_service.meeting_by_id(session, meeting)
        if item.meeting_id != owner.id:
            raise InvalidInput("vote.error.other_meeting", item=item.id, meeting=owner.id)
    return item


def _item(session: Session, ref: ItemRef) -> AgendaItem:
    if isinstance(ref, AgendaItem):
        return ref
    text = str(ref).strip().lstrip("#")
    item = None
    meeting_part, sep, top = text.partition("/")
    if sep and meeting_part.isdigit() and top.isdigit():
        item = session.execute(
            select(AgendaItem).where(
                AgendaItem.meeting_id == int(meeting_part),
                AgendaItem.position == int(top),
                AgendaItem.status == "accepted",
            )
        ).scalar_one_or_none()
    elif text.isdigit():
        item = session.get(AgendaItem, int(text))
    if item is None:
        raise NotFound("error.not_found", kind=Text("kind.agenda_item"), ref=text, hint="")
    return item


def items(session: Session, meeting: Meeting) -> list[AgendaItem]:
    """Every item of *meeting*: the agenda in order, then proposals and the rest."""
    rows = session.execute(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.id)
    ).scalars()
    return sorted(rows, key=lambda i: (i.status != "accepted", i.position or 0, i.id))


def takes_proposals(uow: UnitOfWork, meeting: Meeting) -> bool:
    return meeting.state == "planned" and uow.now < meeting.proposal_deadline_at


def next_meeting_taking_proposals(uow: UnitOfWork, committee: Committee) -> Meeting | None:
    for meeting in meeting_service.meetings(uow.session, committee, state="planned"):
        if takes_proposals(uow, meeting):
            return meeting
    return None


# --- proposals ---


def propose(
    uow: UnitOfWork,
    meeting: MeetingRef,
    *,
    title: str,
    description: str = "",
    kind: str = ItemKind.DISCUSSION.value,
    majority: str | None = None,
    files: Sequence[tuple[str, bytes]] = (),
    links: Sequence[str] = (),
    urgent: bool = False,
    version: int | str | None = None,
) -> AgendaItem:
    """Propose an item; the chair's own items go on the agenda directly.

    *files* (name, bytes) and *links* (http(s) addresses) become its
    attachments (see agenda_attachments), checked like ``agenda attach``.

    Members propose until the proposal deadline; after it only the chair may
    add an item (``urgent``), which is flagged urgent once the invitation is out.
    *version*: the meeting's version the proposer saw (see meetings.require_version).
    """
    meeting = meeting_service.meeting_by_id(uow.session, meeting)
    roles = access.check(
        uow, "agenda.propose", meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    require_version(uow, meeting, version)
    meeting_service.require_trigger(uow, meeting, "update_agenda")
    touch(uow, meeting)
    is_chair = bool(roles & {CommitteeRole.CHAIR, CommitteeRole.ADMIN})
    if urgent and not is_chair:
        raise access.refusal(uow, "agenda.decide", meeting.committee, "meetings", meeting.id)
    title = validation.text(title, "--title", 300)
    description = description.strip()
    item_kind = validation.choice(ItemKind, kind, "--kind")
    item_majority = _majority(meeting, item_kind, majority)
    late = not takes_proposals(uow, meeting)
    if late and not (is_chair and urgent):
        raise Conflict(
            "agenda.error.deadline_passed",
            deadline=_local(meeting.proposal_deadline_at),
            meeting=meeting.id,
        ).concerning(
            entity_type="meetings",
            entity_id=meeting.id,
            action="agenda.propose",
            committee_id=meeting.committee_id,
        )
    if meeting.agenda_final and not is_chair:
        raise Conflict("agenda.error.final", meeting=meeting.id).concerning(
            entity_type="meetings",
            entity_id=meeting.id,
            action="agenda.propose",
            committee_id=meeting.committee_id,
        )
    person = uow.person()
    organisations = (
        access.organisations_of(uow.session, person, meeting.committee, uow.today) if person else []
    )
    item = new_item(
        uow,
        meeting,
        title=title,
        description=description,
        kind=item_kind.value,
        majority=item_majority.value if item_majority else None,
        status="accepted" if is_chair else "proposed",
        urgent=bool(urgent and meeting.state in AFTER_INVITATION),
        proposer_id=person.id if person else None,
        proposer_organisation_id=organisations[0].id if organisations else None,
    )
    audit_item(
        uow,
        item,
        "agenda.propose",
        to_state=item.status,
        title=title,
        kind=item.kind,
        urgent=item.urgent,
    )
    if files or links:
        # Imported here: the attachments module announces through this one.
        from governance.services.agenda_attachments import attach_many

        attach_many(uow, item, files, links)
    if item.status == "accepted":
        agenda_changed(uow, meeting, "added", item.title)
    return item


def _majority(meeting: Meeting, kind: ItemKind, majority: str | None) -> Majority | None:
    if kind is not ItemKind.DECISION:
        if majority:
            raise InvalidInput(
                "agenda.error.majority_needs_decision", kind=Text(f"agenda.kind.{kind.value}")
            )
        return None
    if majority:
        return validation.choice(Majority, majority, "--majority")
    return meeting.committee.rules.decision_majority


def accept(
    uow: UnitOfWork,
    item: ItemRef,
    *,
    meeting: MeetingRef | None = None,
    version: int | str | None = None,
) -> AgendaItem:
    """The chair puts a proposal on the agenda (as the last TOP)."""
    item, meeting = _chair_decides(uow, item, meeting, version)
    _require_status(item, "proposed")
    item.status = "accepted"
    item.position = next_position(uow.session, meeting)
    item.urgent = meeting.state in AFTER_INVITATION
    audit_item(uow, item, "agenda.accept", from_state="proposed", to_state="accepted")
    agenda_changed(uow, meeting, "added", item.title)
    tell_proposer(uow, item, meeting, "accepted")
    return item


def reject(
    uow: UnitOfWork,
    item: ItemRef,
    *,
    reason: str,
    meeting: MeetingRef | None = None,
    version: int | str | None = None,
) -> AgendaItem:
    """The chair rejects a proposal (or takes an item off the agenda), with a reason."""
    item, meeting = _chair_decides(uow, item, meeting, version)
    _require_status(item, "proposed", "accepted")
    if item.standing or item.accession_application_id or item.agreement_version_id:
        raise Conflict("agenda.error.fixed_item", item=item.id, title=item.title)
    reason = validation.text(reason, "--reason", 2000)
    before = item.status
    item.status, item.reason, item.position = "rejected", reason, None
    renumber(uow.session, meeting)
    audit_item(uow, item, "agenda.reject", from_state=before, to_state="rejected", reason=reason)
    if before == "accepted":
        agenda_changed(uow, meeting, "removed", item.title)
    tell_proposer(uow, item, meeting, "rejected")
    return item


def defer(
    uow: UnitOfWork,
    item: ItemRef,
    *,
    reason: str = "",
    meeting: MeetingRef | None = None,
    version: int | str | None = None,
) -> AgendaItem | None:
    """Move an item to the next meeting before this one is held; return its new place (if planned yet)."""
    item, meeting = _chair_decides(uow, item, meeting, version)
    _require_status(item, "proposed", "accepted")
    if item.standing:
        raise Conflict("agenda.error.fixed_item", item=item.id, title=item.title)
    before = item.status
    item.reason = " ".join(reason.split())
    # Imported here: the carry-over module builds on this one.
    from governance.services.agenda_carry_over import carry_over

    successor = carry_over(uow, item)
    item.status, item.position = "moved", None
    renumber(uow.session, meeting)
    audit_item(
        uow,
        item,
        "agenda.defer",
        from_state=before,
        to_state="moved",
        to_meeting=successor.meeting_id if successor else None,
    )
    if before == "accepted":
        agenda_changed(uow, meeting, "removed", item.title)
    tell_proposer(uow, item, meeting, "deferred", successor.meeting if successor else None)
    return successor


# --- in the meeting ---


class Outcome(enum.StrEnum):
    NOTED = "noted"
    DEFERRED = "deferred"


def mark(
    uow: UnitOfWork,
    item: ItemRef,
    outcome: str,
    *,
    notes: str = "",
    meeting: MeetingRef | None = None,
) -> AgendaItem:
    """Mark an item handled in the meeting: noted, or deferred to the next meeting.

    Decision items are decided by a vote (see votes.py), not marked.
    """
    item = item_by_ref(uow.session, item, meeting)
    meeting = item.meeting
    access.check(uow, "meeting.minute", meeting.committee, entity_type=ENTITY, entity_id=item.id)
    meeting_service.require_trigger(uow, meeting, "handle_item")
    value = validation.choice(Outcome, outcome, "OUTCOME")
    _require_status(item, "accepted")
    if item.outcome == "decided":
        raise Conflict("agenda.error.already_decided", item=item.position, title=item.title)
    if value is Outcome.NOTED and item.kind == ItemKind.DECISION:
        raise Conflict("agenda.error.decision_needs_vote", item=item.position, title=item.title)
    item.outcome = value.value
    if notes.strip():
        item.notes = notes.strip()
    uow.fire(meeting, "handle_item", item=item.id, top=item.position, outcome=value.value)
    return item


# --- helpers ---


def _chair_decides(
    uow: UnitOfWork, ref: ItemRef, meeting: MeetingRef | None, version: int | str | None
) -> tuple[AgendaItem, Meeting]:
    """The item and its meeting, once the chair may decide on it now; the meeting's
    version counts the decision (see meetings.touch)."""
    item = item_by_ref(uow.session, ref, meeting)
    owner = item.meeting
    access.check(uow, "agenda.decide", owner.committee, entity_type=ENTITY, entity_id=item.id)
    require_version(uow, owner, version)
    meeting_service.require_trigger(uow, owner, "update_agenda")
    touch(uow, owner)
    return item, owner


def _require_status(item: AgendaItem, *allowed: str) -> None:
    if item.status not in allowed:
        raise Conflict(
            "agenda.error.status",
            item=item.id,
            title=item.title,
            status=Text(f"agenda.status.{item.status}"),
            allowed=", ".join(Text(f"agenda.status.{s}").render("de") for s in allowed),
        )


def new_item(
    uow: UnitOfWork,
    meeting: Meeting,
    *,
    title: str,
    description: str,
    kind: str,
    majority: str | None,
    status: str = "accepted",
    urgent: bool = False,
    **origin: int | str | None,
) -> AgendaItem:
    """A new item on *meeting*'s agenda, stored: every way an item comes about (a
    proposal, a standing item, a carried-over item, an accession, an amendment, a motion
    from a written procedure, the approval of minutes) starts here, so an item always
    begins with the same empty notes and decision text, and an accepted one takes the
    next place (a proposed one has none until it is accepted). *origin* names where it
    comes from (``proposer_id``, ``carried_over_from_id``, ``accession_application_id``,
    ``standing``, ...): columns of :class:`AgendaItem`."""
    item = AgendaItem(
        meeting_id=meeting.id,
        title=title,
        description=description,
        kind=kind,
        majority=majority,
        urgent=urgent,
        status=status,
        reason="",
        notes="",
        decision_text="",
        created_at=uow.now,
        **origin,
    )
    if status == "accepted":
        item.position = next_position(uow.session, meeting)
    uow.session.add(item)
    uow.session.flush()
    return item


def next_position(session: Session, meeting: Meeting) -> int:
    session.flush()
    current = session.execute(
        select(func.max(AgendaItem.position)).where(
            AgendaItem.meeting_id == meeting.id, AgendaItem.status == "accepted"
        )
    ).scalar()
    return int(current or 0) + 1


def renumber(session: Session, meeting: Meeting) -> None:
    session.flush()
    for position, item in enumerate(agenda_items(session, meeting), start=1):
        item.position = position


def agenda_changed(uow: UnitOfWork, meeting: Meeting, change: str, title: str) -> None:
    """After the invitation every change raises the agenda's revision and is announced."""
    if meeting.state not in AFTER_INVITATION:
        return
    meeting.agenda_revision += 1
    uow.fire(meeting, "update_agenda", change=change, title=title, revision=meeting.agenda_revision)


def audit_item(
    uow: UnitOfWork,
    item: AgendaItem,
    action: str,
    *,
    from_state: str | None = None,
    to_state: str | None = None,
    **details: object,
) -> None:
    uow.audit(
        entity_type=ENTITY,
        entity_id=item.id,
        committee_id=item.meeting.committee_id if item.meeting else None,
        action=action,
        from_state=from_state,
        to_state=to_state,
        details={"meeting": item.meeting_id, **details},
    )


def _local(moment: dt.datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M")
