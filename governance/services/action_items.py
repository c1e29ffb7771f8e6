"""Action items (Aufgaben): raised in a meeting under an agenda item, tracked to done.

Workflow ``action_item`` (workflows/action_item.yaml): open -> done |
dropped; on the due date a timer reminds the owner. Open items are reported
under the standing item of the next meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from governance import outbox
from governance.clock import BERLIN
from governance.errors import InvalidInput, NotFound, Text
from governance.models import ActionItem, AgendaItem, Capacity, Committee, Meeting, Person
from governance.services import access, directory, validation
from governance.services import meetings as meeting_service
from governance.services.meeting_notices import secretariat_people
from governance.unit_of_work import UnitOfWork
from governance.workflow.registry import effect

if TYPE_CHECKING:
    # Only named in annotations: importing the engine costs transitions and YAML.
    from governance.unit_of_work import TransitionContext

ENTITY = ActionItem.__tablename__
MAX_DUE_YEARS = 3
"""How far ahead an action item may be due (a typo like 2206 would never come back)."""


def action_by_id(session: Session, ref: str | int) -> ActionItem:
    text = str(ref).strip().lstrip("#")
    item = session.get(ActionItem, int(text)) if text.isdigit() else None
    if item is None:
        raise NotFound("error.not_found", kind=Text("kind.action_item"), ref=text, hint="")
    return item


def add(
    uow: UnitOfWork,
    item: AgendaItem,
    *,
    what: str,
    who: str,
    due_on: str | dt.date,
) -> ActionItem:
    """Raise an action item under *item* while its meeting is in session.

    *who* is an organisation (short name, name or number) or a person's e-mail address.
    """
    meeting = item.meeting
    access.check(
        uow, "meeting.minute", meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    meeting_service.require_trigger(uow, meeting, "handle_item")
    text = validation.text(what, "--what", 2000)
    due = validation.date(due_on)
    if due < uow.today:
        raise InvalidInput(
            "action.error.due_past", value=due.isoformat(), today=uow.today.isoformat()
        )
    latest = uow.today + relativedelta(years=MAX_DUE_YEARS)
    if due > latest:
        raise InvalidInput("action.error.due_far", value=due.isoformat(), latest=latest.isoformat())
    person: Person | None = None
    organisation = None
    if "@" in who:
        person = directory.person_by_email(uow.session, who)
    else:
        organisation = directory.organisation_by_ref(uow.session, who)
    action = ActionItem(
        committee_id=meeting.committee_id,
        meeting_id=meeting.id,
        agenda_item_id=item.id,
        what=text,
        owner_organisation_id=organisation.id
        if organisation
        else (person.organisation_id if person else None),
        owner_person_id=person.id if person else None,
        due_on=due,
        note="",
        state="open",
        created_at=uow.now,
    )
    uow.session.add(action)
    uow.session.flush()
    uow.engine.arm_timers(uow, action)
    uow.audit(
        entity_type=ENTITY,
        entity_id=action.id,
        committee_id=meeting.committee_id,
        action="action_item.add",
        to_state="open",
        details={
            "what": text,
            # The owner by id: a person's address stays out of the audit chain.
            "owner_person_id": action.owner_person_id,
            "owner_organisation_id": action.owner_organisation_id,
            "due_on": due.isoformat(),
            "agenda_item": item.id,
        },
    )
    uow.fire(meeting, "handle_item", item=item.id, top=item.position, action_item=action.id)
    return action


def complete(uow: UnitOfWork, action: ActionItem, *, note: str = "") -> None:
    _check(uow, action)
    uow.fire(action, "complete", note=" ".join(note.split()))


def drop(uow: UnitOfWork, action: ActionItem, *, reason: str) -> None:
    _check(uow, action)
    reason = validation.text(reason, "--reason", 2000)
    uow.fire(action, "drop", note=reason)


def _check(uow: UnitOfWork, action: ActionItem) -> None:
    committee = uow.session.get(Committee, action.committee_id)
    assert committee is not None
    person = uow.person()
    # The owner reports its own item done; otherwise the chair or the secretariat.
    if person is not None and (
        person.id == action.owner_person_id
        or (
            action.owner_organisation_id is not None
            and action.owner_organisation_id
            in {o.id for o in access.organisations_of(uow.session, person, committee, uow.today)}
        )
    ):
        return
    access.check(uow, "action_item.update", committee, entity_type=ENTITY, entity_id=action.id)


# --- effects of workflows/action_item.yaml ---


@effect("record_action_done")
def record_action_done(ctx: TransitionContext) -> None:
    ctx.entity.done_on = ctx.today
    ctx.entity.note = ctx.params.get("note", "")


@effect("record_action_dropped")
def record_action_dropped(ctx: TransitionContext) -> None:
    ctx.entity.note = ctx.params.get("note", "")


@effect("notify_action_item_due")
def notify_action_item_due(ctx: TransitionContext) -> None:
    action: ActionItem = ctx.entity
    committee = ctx.session.get(Committee, action.committee_id)
    meeting = ctx.session.get(Meeting, action.meeting_id)
    assert committee is not None and meeting is not None
    recipients = _owners(ctx.session, action, committee, ctx.today) or secretariat_people(
        ctx.session, committee
    )
    from governance.services.action_item_links import action_item_link  # registry imports this

    for person in recipients:
        outbox.queue(
            ctx.uow,
            notification="action_item_due",
            recipient=person,
            context={
                "committee": committee.name,
                "action_item": {
                    "title": action.what,
                    "due_on": action.due_on.isoformat(),
                    "owner": action.owner_label,
                    "meeting_title": meeting.title,
                    "meeting_on": meeting.starts_at.astimezone(BERLIN).date().isoformat(),
                },
                "links": action_item_link(ctx.uow, action, person),
            },
            committee_id=committee.id,
            entity=action,
            revision=action.due_on.isoformat(),
        )


def _owners(
    session: Session, action: ActionItem, committee: Committee, on: dt.date
) -> list[Person]:
    if action.owner_person is not None:
        return [action.owner_person]
    if action.owner_organisation is None:
        return []
    membership = directory.membership_of(session, committee, action.owner_organisation)
    return membership.persons(Capacity.REPRESENTATIVE) if membership else []
