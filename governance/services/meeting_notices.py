"""Who hears about a meeting, and what the mails about it carry.

Every notice about a meeting is queued in the outbox inside the transaction
of the change that caused it. The context is plain JSON (ISO 8601 moments),
captured when the message is queued, so that a mail sent later says what
was true when it was decided.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance import outbox
from governance.clock import BERLIN
from governance.errors import Text
from governance.mail.addressing import id_domain
from governance.mail.calendar import CalendarEvent, Participant
from governance.mail.meetings import AgendaLine, meeting_event, meeting_uid
from governance.mail.meetings import meeting_context as mail_meeting_context
from governance.mail.message import Attachment
from governance.models import (
    ActionItem,
    AgendaAttachment,
    AgendaItem,
    Capacity,
    Committee,
    Meeting,
    Person,
    Role,
    SecretariatMember,
)
from governance.services import directory, reply_addresses
from governance.unit_of_work import UnitOfWork

INVITED_ROLES = (Role.CHAIR, Role.MEMBER, Role.ADVISORY, Role.GUEST)


def invitees(session: Session, committee: Committee, on: dt.date) -> list[Person]:
    """Everyone invited to the committee's meetings on *on*: every member organisation's
    representatives and deputies, and the secretariat, who keeps the minutes.

    A partner accepted by accession is a member from its date on and so is
    invited from the next meeting on; one that has left is not.
    """
    people: dict[int, Person] = {}
    for membership in directory.current_memberships(session, committee, on):
        if membership.role not in INVITED_ROLES:
            continue
        for capacity in (Capacity.REPRESENTATIVE, Capacity.DEPUTY):
            for person in membership.persons(capacity):
                people.setdefault(person.id, person)
    for person in secretariat_people(session, committee):
        people.setdefault(person.id, person)
    return list(people.values())


def chair_people(session: Session, committee: Committee, on: dt.date) -> list[Person]:
    people: list[Person] = []
    for membership in directory.current_memberships(session, committee, on):
        if membership.role == Role.CHAIR:
            people += membership.persons(Capacity.REPRESENTATIVE)
    return people


def secretariat_people(session: Session, committee: Committee) -> list[Person]:
    return list(
        session.execute(
            select(Person)
            .join(SecretariatMember, SecretariatMember.person_id == Person.id)
            .where(SecretariatMember.committee_id == committee.id)
            .order_by(Person.id)
        ).scalars()
    )


def agenda_items(session: Session, meeting: Meeting) -> list[AgendaItem]:
    """The accepted items of *meeting* in agenda order (TOP 1, 2, ...)."""
    return list(
        session.execute(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id, AgendaItem.status == "accepted")
            .order_by(AgendaItem.position, AgendaItem.id)
        ).scalars()
    )


def open_action_items(session: Session, committee: Committee) -> list[ActionItem]:
    return list(
        session.execute(
            select(ActionItem)
            .where(ActionItem.committee_id == committee.id, ActionItem.state == "open")
            .order_by(ActionItem.due_on, ActionItem.id)
        ).scalars()
    )


def meeting_context(session: Session, meeting: Meeting) -> dict[str, Any]:
    """The ``meeting`` of every mail about *meeting*: when, where, the agenda as it stands,
    each item with its attachments as the invitation document lists them."""
    # Imported here: the attachments module builds on the agenda module, which imports this one.
    from governance.services.agenda_attachments import current_versions

    items = agenda_items(session, meeting)
    files = current_versions(session, [item.id for item in items])
    return mail_meeting_context(
        id=meeting.id,
        title=meeting.title,
        number=meeting.number,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        location=meeting.location,
        agenda=[
            AgendaLine(
                str(item.position),
                item.title,
                item.kind,
                item.urgent,
                tuple(_attachment_line(a) for a in files.get(item.id, [])),
            )
            for item in items
        ],
        agenda_revision=meeting.agenda_revision,
        sequence=meeting.sequence,
        format=meeting.format,
        # Until the meeting ends: the minutes' mails need no way into it (issue 16).
        video_url=meeting.video_url
        if meeting.state in ("planned", "convened", "in_session")
        else "",
    )


def _attachment_line(attachment: AgendaAttachment) -> dict[str, Any]:
    document = attachment.document
    return {
        "kind": attachment.kind,
        "title": attachment.title,
        "version": attachment.version,
        "url": attachment.url or None,
        "name": document.name if document else None,
        "size": document.size if document else None,
        "sha256": document.sha256 if document else None,
    }


def calendar_entry(
    uow: UnitOfWork,
    meeting: Meeting,
    context: dict[str, Any],
    recipients: list[Person],
    *,
    cancel: bool,
) -> CalendarEvent:
    """The iTIP entry: organised by the chair; one UID for the meeting's life.

    It lists every recipient; :func:`notify` sends each recipient a copy that
    names only the organizer and that recipient (RFC 5546: an attendee's
    REQUEST need not show the others, and members' addresses are not shared).
    """
    committee = meeting.committee
    organizers = chair_people(uow.session, committee, uow.today) or secretariat_people(
        uow.session, committee
    )
    organizer = (
        Participant(organizers[0].name, organizers[0].email)
        if organizers
        else Participant(committee.name, committee.sender_email)
    )
    return meeting_event(
        context,
        uid=meeting_uid(meeting.id, id_domain(committee)),
        organizer=organizer,
        attendees=[Participant(p.name, p.email) for p in recipients],
        stamp=uow.now,
        cancel=cancel,
    )


def notify(
    uow: UnitOfWork,
    meeting: Meeting,
    notification: str,
    recipients: list[Person],
    *,
    revision: str | int,
    calendar: str | None = None,
    reason: Text | str | None = None,
    documents: Callable[[str], Sequence[Attachment]] | None = None,
    personal: Callable[[Person], dict[str, Any]] | None = None,
    **extra: Any,
) -> int:
    """Queue *notification* about *meeting* for each of *recipients*; return how many were queued.

    *calendar* is "request" or "cancel" for the mails that carry an iTIP entry;
    *reason* is rendered in each recipient's language; *documents* gives the
    files to attach in a language (rendered once per language, and only when
    the ``attach_documents`` setting is on); *personal* gives what one
    recipient's mail carries of their own (their action links).
    """
    context = meeting_context(uow.session, meeting)
    event = (
        calendar_entry(uow, meeting, context, recipients, cancel=calendar == "cancel")
        if calendar
        else None
    )
    queued = 0
    files: dict[str, Sequence[Attachment]] = {}
    answerable = _answerable(notification, calendar, extra)
    for person in recipients:
        reply_to = (
            reply_addresses.reply_address(uow, person, meeting, *answerable)
            if answerable is not None
            else None
        )
        said = reason.render(person.language) if isinstance(reason, Text) else reason
        if documents is not None and uow.attach_documents and person.language not in files:
            files[person.language] = tuple(documents(person.language))
        message = outbox.queue(
            uow,
            notification=notification,
            recipient=person,
            context={
                "committee": meeting.committee.name,
                "meeting": context,
                **extra,
                **(personal(person) if personal is not None else {}),
                **({"reason": said or None} if notification in WITH_REASON else {}),
            },
            committee_id=meeting.committee_id,
            entity=meeting,
            revision=revision,
            calendar=_for_recipient(event, person, reply_to),
            attachments=files.get(person.language, ()),
            reply_to=reply_to,
        )
        queued += message is not None
    return queued


def _answerable(
    notification: str, calendar: str | None, extra: dict[str, Any]
) -> tuple[str, int] | None:
    """(purpose, revision) of a reply address for mails that can be answered by mail:
    every calendar entry (its ORGANIZER is where calendars send their REPLY, and a
    cancellation must come from the organizer the calendar knows) and circulated minutes."""
    if calendar is not None:
        return ("invitation", 0)
    if notification == "minutes_circulated":
        return ("minutes", int(extra["minutes"]["revision"]))
    return None


def _for_recipient(
    event: CalendarEvent | None, person: Person, reply_to: str | None = None
) -> CalendarEvent | None:
    """*event* as *person* receives it: the organizer and *person* as the only attendee.

    UID and SEQUENCE stay those of the meeting, so each calendar still
    updates or cancels the one entry it has. With *reply_to* the organizer
    keeps its name but has that address: the calendar's REPLY comes back to
    the mailbox Gremium reads, with the token that says whose it is.
    """
    if event is None:
        return None
    organizer = (
        Participant(event.organizer.name, reply_to) if reply_to is not None else event.organizer
    )
    return dataclasses.replace(
        event, organizer=organizer, attendees=(Participant(person.name, person.email),)
    )


def tell_proposer(
    uow: UnitOfWork,
    item: AgendaItem,
    meeting: Meeting,
    decision: str,
    next_meeting: Meeting | None = None,
    *,
    notification: str = "proposal_decided",
) -> None:
    """A partner who proposed an item hears what the chair decided, and why
    (or, with *notification* ``proposal_not_decided``, that nobody decided in time)."""
    proposer = item.proposer
    if proposer is None or proposer.id == uow.actor.person_id:
        return
    notify(
        uow,
        meeting,
        notification,
        [proposer],
        revision=f"p{item.id}-{decision}",
        proposal={
            "title": item.title,
            "decision": decision,
            "reason": item.reason or None,
            "next_meeting_at": next_meeting.starts_at.isoformat() if next_meeting else None,
        },
    )


def pdf_document(
    uow: UnitOfWork, kind: str, ref: int, filenames: dict[str, str]
) -> Callable[[str], Sequence[Attachment]]:
    """The document *kind* of *ref* as a PDF attachment, in the language asked for."""

    def render(lang: str) -> Sequence[Attachment]:
        from governance.documents import html_to_pdf  # WeasyPrint loads on first use
        from governance.services.documents.kinds import load_html

        uow.session.flush()
        pdf = html_to_pdf(load_html(uow.session, kind, str(ref), lang))
        return (Attachment(filenames[lang], "application/pdf", pdf),)

    return render


def agenda_pdf(uow: UnitOfWork, meeting: Meeting) -> Callable[[str], Sequence[Attachment]]:
    """The invitation with the agenda as PDF, and the items' files while they fit in a mail."""
    day = meeting.starts_at.astimezone(BERLIN).date().isoformat()
    invitation = pdf_document(
        uow,
        "invitation",
        meeting.id,
        {"de": f"Einladung-Tagesordnung-{day}.pdf", "en": f"Invitation-agenda-{day}.pdf"},
    )

    def render(lang: str) -> Sequence[Attachment]:
        return (*invitation(lang), *item_files(uow, meeting))

    return render


def item_files(uow: UnitOfWork, meeting: Meeting) -> tuple[Attachment, ...]:
    """The current version of every file of the agenda's items, named after their TOP.

    All of them or none: when together they exceed the mail limit
    (``mail_attachments_max_mb``) the invitation PDF and the mail still list
    each with its size and SHA-256, and the mail says how to get them
    (:func:`item_files_note`).
    """
    from governance.services.agenda_attachments import file_content

    files = _item_file_rows(uow, meeting)
    total = sum(attachment.document.size for _, attachment in files if attachment.document)
    if not files or total > uow.attachment_limits.max_mail_bytes:
        return ()
    out = []
    for item, attachment in files:
        document, data = file_content(uow.session, attachment)
        out.append(Attachment(f"TOP-{item.position}-{document.name}", document.media_type, data))
    return tuple(out)


def item_files_note(uow: UnitOfWork, meeting: Meeting) -> dict[str, Any] | None:
    """What the invitation mail says about the items' files (``item_files`` in its context).

    ``state`` is ``attached`` when they go with the mail, ``too_large`` when
    together they exceed ``mail_attachments_max_mb`` (``size`` and ``limit``
    in bytes), ``on_request`` when this installation sends no documents by
    mail; None when the items have no files.
    """
    files = _item_file_rows(uow, meeting)
    if not files:
        return None
    total = sum(attachment.document.size for _, attachment in files if attachment.document)
    limit = uow.attachment_limits.max_mail_bytes
    if not uow.attach_documents:
        state = "on_request"
    elif total > limit:
        state = "too_large"
    else:
        state = "attached"
    return {"state": state, "count": len(files), "size": total, "limit": limit}


def _item_file_rows(uow: UnitOfWork, meeting: Meeting) -> list[tuple[AgendaItem, AgendaAttachment]]:
    from governance.services.agenda_attachments import current_versions

    items = agenda_items(uow.session, meeting)
    by_item = current_versions(uow.session, [item.id for item in items])
    return [
        (item, attachment)
        for item in items
        for attachment in by_item.get(item.id, [])
        if attachment.document is not None
    ]


WITH_REASON = frozenset({"agenda_updated", "meeting_moved", "meeting_cancelled"})
"""Notifications whose templates show a ``reason`` (null when there is none)."""
