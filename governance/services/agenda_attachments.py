"""Attachments of agenda items (Anlagen, Vorlagen): files kept in the database, and links.

A file is stored with its SHA-256 where every process of the installation
finds it (see stored_documents). Attaching under a title the item already
has adds a new version; the older versions stay and can still be exported.
The invitation and the minutes list the current version of each attachment;
the invitation mail carries the files while they fit (the mail limit).

Who may attach: the chair and the secretariat to any item; a member's
people to the items their organisation proposed. Until the meeting is
closed: the minutes record what the meeting had before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance.domain import attachments as rules
from governance.domain.permissions import CommitteeRole, may
from governance.errors import Conflict, InvalidInput, NotFound, Text
from governance.models import AgendaAttachment, AgendaItem, Meeting, StoredDocument
from governance.services import access, stored_documents
from governance.unit_of_work import UnitOfWork

ENTITY = AgendaAttachment.__tablename__
OPEN_MEETING_STATES = ("planned", "convened", "in_session")
ITEM_STATUSES = ("proposed", "accepted")
_ANYONE = frozenset({CommitteeRole.CHAIR, CommitteeRole.SECRETARIAT, CommitteeRole.ADMIN})


def attach_file(
    uow: UnitOfWork,
    item: AgendaItem,
    *,
    name: str,
    data: bytes,
    title: str | None = None,
    announce: bool = True,
) -> AgendaAttachment:
    """Keep *data* as a file of *item*; a title the item has already makes a new version."""
    _take_turns(uow, item)
    _may_attach(uow, item)
    file_name = rules.safe_name(name)
    label = _title(title or file_name)
    limits = uow.attachment_limits
    rules.check_file_size(file_name, len(data), limits)
    current = _current(uow.session, item, label)
    if (
        current is not None
        and current.document is not None
        and current.document.sha256 == stored_documents.sha256_of(data)
        and current.document.name == file_name
    ):
        return current  # the same file again: nothing new to keep
    rules.check_meeting_total(
        file_name, len(data), meeting_bytes(uow.session, item.meeting_id), item.meeting_id, limits
    )
    attachment = _new_version(uow, item, "file", label, current)
    attachment.document = stored_documents.store(
        uow,
        kind=stored_documents.AGENDA_FILE,
        entity_type=ENTITY,
        entity_id=attachment.id,
        name=file_name,
        media_type=rules.media_type(file_name),
        data=data,
    )
    uow.session.flush()
    _audit_and_announce(uow, item, attachment, announce)
    return attachment


def attach_link(
    uow: UnitOfWork, item: AgendaItem, *, url: str, title: str | None = None, announce: bool = True
) -> AgendaAttachment:
    """Link an http(s) address to *item*; a title the item has already makes a new version."""
    _take_turns(uow, item)
    _may_attach(uow, item)
    address = rules.check_url(url)
    label = _title(title or address)
    current = _current(uow.session, item, label)
    if current is not None and current.kind == "link" and current.url == address:
        return current
    attachment = _new_version(uow, item, "link", label, current)
    attachment.url = address
    uow.session.flush()
    _audit_and_announce(uow, item, attachment, announce)
    return attachment


def attach(
    uow: UnitOfWork,
    item: AgendaItem | str | int,
    *,
    file: tuple[str, bytes] | None = None,
    url: str | None = None,
    title: str | None = None,
) -> AgendaAttachment:
    """``agenda attach``: a file (name, bytes) *or* a link for the item *item* (as referenced)."""
    if (file is None) == (url is None):
        raise InvalidInput("attachments.error.need_file_or_url")
    # Imported here: the agenda module builds on this one.
    from governance.services.agenda import item_by_ref

    found = item_by_ref(uow.session, item)
    if file is not None:
        name, data = file
        return attach_file(uow, found, name=name, data=data, title=title)
    assert url is not None
    return attach_link(uow, found, url=url, title=title)


def attach_many(
    uow: UnitOfWork, item: AgendaItem, files: Sequence[tuple[str, bytes]], urls: Sequence[str]
) -> None:
    """The attachments given with a proposal (announced with the new item, not one by one)."""
    for name, data in files:
        attach_file(uow, item, name=name, data=data, announce=False)
    for url in urls:
        attach_link(uow, item, url=url, announce=False)


# --- reading ---


def attachable_items(uow: UnitOfWork, meeting: Meeting) -> list[AgendaItem]:
    """The items of *meeting* the acting person may attach to now (for the page's form):
    every proposed or accepted item for the chair and the secretariat, a member's
    own organisation's; none once the meeting is over. :func:`attach` checks again."""
    person = uow.person()
    if person is None or meeting.state not in OPEN_MEETING_STATES:
        return []
    roles = access.roles_of(uow.session, person, meeting.committee, uow.today)
    if not may("agenda.attach", roles):
        return []
    rows = list(
        uow.session.execute(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id, AgendaItem.status.in_(ITEM_STATUSES))
            .order_by(AgendaItem.position.is_(None), AgendaItem.position, AgendaItem.id)
        ).scalars()
    )
    if roles & _ANYONE:
        return rows
    own = {o.id for o in access.organisations_of(uow.session, person, meeting.committee, uow.today)}
    return [row for row in rows if row.proposer_organisation_id in own]


def attachment_by_id(session: Session, ref: str | int) -> AgendaAttachment:
    text = str(ref).strip().lstrip("#")
    attachment = session.get(AgendaAttachment, int(text)) if text.isdigit() else None
    if attachment is None:
        raise NotFound("error.not_found", kind=Text("kind.agenda_attachment"), ref=text, hint="")
    return attachment


def listing(
    session: Session, item: AgendaItem | str | int, *, every_version: bool = False
) -> tuple[AgendaItem, list[AgendaAttachment]]:
    """``agenda files``: the item and its attachments (current versions, or *every_version*)."""
    from governance.services.agenda import item_by_ref

    found = item_by_ref(session, item)
    if every_version:
        return found, all_versions(session, found)
    return found, current_versions(session, [found.id]).get(found.id, [])


def all_versions(session: Session, item: AgendaItem) -> list[AgendaAttachment]:
    """Every attachment of *item* with every version, in the order they were first added."""
    rows = list(
        session.execute(
            select(AgendaAttachment)
            .where(AgendaAttachment.agenda_item_id == item.id)
            .order_by(AgendaAttachment.id)
        ).scalars()
    )
    first: dict[str, int] = {}
    for row in rows:
        first.setdefault(row.title, row.id)
    return sorted(rows, key=lambda a: (first[a.title], a.version))


def current_versions(
    session: Session, item_ids: Sequence[int]
) -> dict[int, list[AgendaAttachment]]:
    """The newest version of each attachment, per item (for the invitation and the minutes)."""
    if not item_ids:
        return {}
    rows = session.execute(
        select(AgendaAttachment)
        .where(AgendaAttachment.agenda_item_id.in_(list(item_ids)))
        .order_by(AgendaAttachment.id)
    ).scalars()
    newest: dict[tuple[int, str], AgendaAttachment] = {}
    for row in rows:
        key = (row.agenda_item_id, row.title)
        # A dict keeps the position of a key's first version and takes the newest's row.
        if key not in newest or newest[key].version < row.version:
            newest[key] = row
    out: dict[int, list[AgendaAttachment]] = {}
    for (item_id, _), row in newest.items():
        out.setdefault(item_id, []).append(row)
    return out


def file_content(session: Session, attachment: AgendaAttachment) -> tuple[StoredDocument, bytes]:
    """The stored file of *attachment*, its bytes checked against the SHA-256."""
    if attachment.document is None:
        raise Conflict(
            "attachments.error.not_a_file",
            id=attachment.id,
            kind=Text(f"attachments.kind.{attachment.kind}"),
            url=attachment.url or attachment.title,
        )
    return attachment.document, stored_documents.content(session, attachment.document)


def meeting_bytes(session: Session, meeting_id: int) -> int:
    """The bytes of every file (every version) attached to the items of a meeting."""
    total = session.execute(
        select(func.coalesce(func.sum(StoredDocument.size), 0))
        .join(AgendaAttachment, AgendaAttachment.document_id == StoredDocument.id)
        .join(AgendaItem, AgendaItem.id == AgendaAttachment.agenda_item_id)
        .where(AgendaItem.meeting_id == meeting_id)
    ).scalar_one()
    return int(total)


def describe(attachment: AgendaAttachment) -> dict[str, Any]:
    """An attachment as documents, mails and ``agenda files --json`` show it (stable keys)."""
    document = attachment.document
    return {
        "id": attachment.id,
        "item_id": attachment.agenda_item_id,
        "kind": attachment.kind,
        "title": attachment.title,
        "version": attachment.version,
        "url": attachment.url or None,
        "name": document.name if document else None,
        "media_type": document.media_type if document else None,
        "size": document.size if document else None,
        "sha256": document.sha256 if document else None,
        "created_at": attachment.created_at,
        "created_by": attachment.created_by.name if attachment.created_by else None,
    }


def carry_over(session: Session, source: AgendaItem, target: AgendaItem) -> None:
    """An item continued at a later meeting keeps its attachments (the same stored files)."""
    for row in all_versions(session, source):
        session.add(
            AgendaAttachment(
                agenda_item_id=target.id,
                kind=row.kind,
                title=row.title,
                version=row.version,
                url=row.url,
                document_id=row.document_id,
                created_at=row.created_at,
                created_by_id=row.created_by_id,
            )
        )


# --- helpers ---


def _take_turns(uow: UnitOfWork, item: AgendaItem) -> None:
    """Two uploads to one meeting at the same time take turns (PostgreSQL row lock).

    Without it both would read the same newest version and both write the
    next one (the second failing on the unique version), or both raise the
    agenda's revision. The second now waits for the first to commit, then
    reads what the first left: the same file again is no new version, another
    file becomes the version after it. The meeting is locked, not the item,
    as the workflow engine locks it for the agenda change that follows.
    """
    uow.lock(item.meeting)


def _may_attach(uow: UnitOfWork, item: AgendaItem) -> None:
    meeting = item.meeting
    roles = access.check(
        uow, "agenda.attach", meeting.committee, entity_type="agenda_items", entity_id=item.id
    )
    if not roles & _ANYONE:
        person = uow.person()
        own = (
            {
                o.id
                for o in access.organisations_of(uow.session, person, meeting.committee, uow.today)
            }
            if person
            else set()
        )
        if item.proposer_organisation_id is None or item.proposer_organisation_id not in own:
            raise access.refusal(
                uow,
                "agenda.attach",
                meeting.committee,
                "agenda_items",
                item.id,
                reason=Text("attachments.reason.own_items"),
            )
    if meeting.state not in OPEN_MEETING_STATES:
        raise Conflict(
            "attachments.error.meeting_state",
            meeting=meeting.id,
            state=Text(f"attachments.meeting_state.{meeting.state}"),
        )
    if item.status not in ITEM_STATUSES:
        raise Conflict(
            "attachments.error.item_status",
            item=item.id,
            title=item.title,
            status=Text(f"agenda.status.{item.status}"),
        )


def _title(value: str) -> str:
    from governance.services import validation

    return validation.text(value, "--title", 300)


def _current(session: Session, item: AgendaItem, title: str) -> AgendaAttachment | None:
    return session.execute(
        select(AgendaAttachment)
        .where(AgendaAttachment.agenda_item_id == item.id, AgendaAttachment.title == title)
        .order_by(AgendaAttachment.version.desc())
        .limit(1)
    ).scalar_one_or_none()


def _new_version(
    uow: UnitOfWork, item: AgendaItem, kind: str, title: str, current: AgendaAttachment | None
) -> AgendaAttachment:
    attachment = AgendaAttachment(
        agenda_item_id=item.id,
        kind=kind,
        title=title,
        version=current.version + 1 if current is not None else 1,
        url="",
        created_at=uow.now,
        created_by_id=uow.actor.person_id,
    )
    uow.session.add(attachment)
    uow.session.flush()
    return attachment


def _audit_and_announce(
    uow: UnitOfWork, item: AgendaItem, attachment: AgendaAttachment, announce: bool
) -> None:
    document = attachment.document
    uow.audit(
        entity_type="agenda_items",
        entity_id=item.id,
        committee_id=item.meeting.committee_id,
        action="agenda.attach",
        details={
            "meeting": item.meeting_id,
            "attachment": attachment.id,
            "title": attachment.title,
            "version": attachment.version,
            "kind": attachment.kind,
            **({"url": attachment.url} if attachment.url else {}),
            **(
                {"name": document.name, "size": document.size, "sha256": document.sha256}
                if document is not None
                else {}
            ),
        },
    )
    if announce and item.status == "accepted":
        # Imported here: the agenda module imports this one for proposals.
        from governance.services.agenda import agenda_changed

        agenda_changed(uow, item.meeting, "attached", attachment.title)
