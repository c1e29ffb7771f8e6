"""Reading the minutes of a meeting: their state as the fronts show it, the draft
as it would look now, and the archived PDF/A checked against its SHA-256.

Nothing here changes the database; the actions are in :mod:`minutes`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from governance.errors import Conflict, Text
from governance.models import StoredDocument
from governance.reads import minutes as minutes_read
from governance.services import stored_documents
from governance.services.minutes import MeetingRef, meeting_of, minutes_of

if TYPE_CHECKING:
    from governance.services.documents.output import RenderedDocument


def archived_document(session: Session, meeting_ref: MeetingRef) -> tuple[StoredDocument, bytes]:
    """The archived PDF of the meeting's minutes from the database, its bytes checked
    against the SHA-256 recorded when they were approved."""
    meeting = meeting_of(session, meeting_ref)
    minutes = minutes_of(session, meeting)
    if minutes is None or minutes.state != "archived":
        state = minutes.state if minutes else "none"
        raise Conflict(
            "minutes.error.not_archived", meeting=meeting.id, state=Text(f"minutes.state.{state}")
        )
    document = (
        session.get(StoredDocument, minutes.archive_document_id)
        if minutes.archive_document_id is not None
        else None
    )
    if document is None:
        raise Conflict("minutes.error.archive_missing", path=minutes.archive_path or "—")
    data = stored_documents.content(session, document)
    actual = stored_documents.sha256_of(data)
    if actual != minutes.archive_sha256:
        raise Conflict(
            "minutes.error.archive_changed",
            path=document.name,
            recorded=minutes.archive_sha256,
            actual=actual,
        )
    return document, data


def preview(session: Session, meeting_ref: MeetingRef, lang: str, fmt: str) -> RenderedDocument:
    """The minutes of the meeting as they would look now (HTML or PDF/A), whatever
    their state; nothing is recorded or archived."""
    from governance.services.documents.output import render_document

    meeting = meeting_of(session, meeting_ref)
    return render_document(session, "minutes", str(meeting.id), lang, fmt)


def describe(session: Session, meeting_ref: MeetingRef) -> dict[str, Any]:
    """The minutes as ``gremium minutes show`` prints them (stable keys): the read
    path of :mod:`governance.reads.minutes`, in this session's transaction, with
    the replies by mail and the agreements as lists in any case once there are minutes."""
    meeting = meeting_of(session, meeting_ref)
    session.flush()  # Core reads what the session holds, not what it would flush
    data = minutes_read.describe(session.connection(), meeting.id)
    if data["state"] != "none":
        data.setdefault("mail_objections", [])
        data.setdefault("agreements", [])
    return data
