"""Agenda items handled in closed session (nichtöffentlich): who marks them, and when.

An item marked confidential never leaves through the OParl interface (nor
the minutes of its meeting: reads/oparl/), and a client that copied it before
learns that it is gone (tombstones, as for a deleted item), whatever the committee's rule
``publication`` says (domain/publication.py). The chair and the secretariat
mark an item, or lift the mark, at any time, also after the minutes are
archived: the mark says what may be published, it is not part of the record.
The archived minutes and their hash stay as they are; lifting the mark later
is how a committee makes public what it decided behind closed doors once the
reason is gone (as councils announce such decisions afterwards).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from governance.models import AgendaAttachment, AgendaItem, Meeting, StoredDocument, Tombstone
from governance.services import access, agenda
from governance.services import meetings as meeting_service
from governance.services.meetings import MeetingRef
from governance.unit_of_work import UnitOfWork

ACTION = "agenda.confidential"


@dataclass(frozen=True)
class Marked:
    """What :func:`mark` did: the item, and whether it changed (a repeat changes nothing)."""

    item: AgendaItem
    meeting: Meeting
    changed: bool


def mark(uow: UnitOfWork, meeting_ref: MeetingRef, top: str | int, *, confidential: bool) -> Marked:
    """Mark item *top* of meeting *meeting_ref* confidential, or public again.

    *top* is the item's TOP on the meeting's agenda (``3``) or its number
    (``#12``, also a proposal not yet on the agenda); an item of another
    meeting is refused. Audited when it changes; marking it as it is already
    changes nothing and records nothing.
    """
    meeting = meeting_service.meeting_by_id(uow.session, meeting_ref)
    text = str(top).strip()
    ref = f"{meeting.id}/{text}" if text.isdigit() else text
    item = agenda.item_by_ref(uow.session, ref, meeting)
    access.check(uow, ACTION, meeting.committee, entity_type=agenda.ENTITY, entity_id=item.id)
    if item.confidential == confidential:
        return Marked(item, meeting, changed=False)
    if confidential and item.status == "accepted":
        _withdraw(uow, item, meeting)
    item.confidential = confidential
    agenda.audit_item(uow, item, ACTION, top=item.position, confidential=confidential)
    return Marked(item, meeting, changed=True)


def _withdraw(uow: UnitOfWork, item: AgendaItem, meeting: Meeting) -> None:
    """Tombstones for what the item published: OParl clients that copied the item, its
    papers and their files learn from ``modified_since`` lists that they are gone
    (reads/oparl/deleted.py). Lifting the mark again needs none removed: the reads skip
    the tombstones of whatever is public again, and the item's new ``modified`` lists it."""
    attachments = uow.session.execute(
        select(AgendaAttachment.id, AgendaAttachment.created_at, AgendaAttachment.document_id)
        .where(AgendaAttachment.agenda_item_id == item.id)
        .order_by(AgendaAttachment.id)
    ).all()
    files = uow.session.execute(
        select(StoredDocument.id, StoredDocument.created_at).where(
            StoredDocument.id.in_({doc for _, _, doc in attachments if doc is not None})
        )
    ).all()
    # OParl keeps ``created`` of a deleted object: each tombstone carries it.
    gone = [("agenda_items", item.id, item.created_at)]
    gone += [("paper", aid, created) for aid, created, _ in attachments]
    gone += [("file", doc, created) for doc, created in sorted(files)]
    uow.session.add_all(
        Tombstone(
            kind=kind,
            object_id=oid,
            committee_id=meeting.committee_id,
            created_at=created,
            deleted_at=uow.now,
        )
        for kind, oid, created in gone
    )
