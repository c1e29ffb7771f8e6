"""Queueing messages into the persistent outbox (inside the caller's transaction).

A message is identified by its notification, recipient and revision: the
same key never queues twice, so a retried action cannot mail anyone twice.

The message is rendered here, at queue time, in the recipient's language
with strict templates: a missing value raises, the caller's transaction
rolls back and nothing is queued. What is stored is exactly what will be
sent; delivery (SMTP, Maildir) is :mod:`governance.mail.dispatch`'s business.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from governance.errors import InvalidInput, NotFound, NotPermitted, Text
from governance.mail import addressing, purpose
from governance.mail.calendar import CalendarEvent, build_calendar
from governance.mail.message import Attachment
from governance.mail.rendering import render_notification
from governance.models import Committee, OutboxMessage, Person
from governance.services import access, validation
from governance.unit_of_work import UnitOfWork


def queue(
    uow: UnitOfWork,
    *,
    notification: str,
    recipient: Person,
    context: dict[str, Any],
    committee_id: int | None,
    entity: Any | None = None,
    revision: str | int = 1,
    calendar: CalendarEvent | None = None,
    attachments: Sequence[Attachment] = (),
    reply_to: str | None = None,
) -> OutboxMessage | None:
    """Queue *notification* for *recipient*; return None if this exact message is queued already.

    *context* must be JSON-serialisable (dates as ISO strings; keys ending in
    _on/_at/_from/_until become dates again for the templates). *calendar*
    adds a text/calendar part and invite.ics; *attachments* are added as files.
    *reply_to*: replies go to this address (a reply address with a token,
    :mod:`governance.services.reply_addresses`) instead of the secretariat's.
    """
    entity_type = entity.__tablename__ if entity is not None else None
    entity_id = entity.id if entity is not None else None
    key = f"{notification}:{entity_type}:{entity_id}:{recipient.email}:{revision}"
    exists, contact = _queued_already_and_reply_contact(uow, key, committee_id)
    if exists:
        return None
    json.dumps(context)  # fail here, in the transaction, not in the dispatcher
    committee = uow.session.get(Committee, committee_id) if committee_id is not None else None
    envelope = addressing.envelope(committee, recipient, contact)
    if reply_to is not None:
        envelope["reply_to_email"] = reply_to
    layout = addressing.layout_context(committee, recipient, envelope)
    rendered = render_notification(notification, {**context, "mail": layout}, recipient.language)
    domain = addressing.id_domain(committee)
    message = OutboxMessage(
        committee_id=committee_id,
        notification=notification,
        person_id=recipient.id,
        recipient=recipient.email,
        language=recipient.language,
        entity_type=entity_type,
        entity_id=entity_id,
        context=context,
        purpose=purpose.of(notification, entity, context),  # checked again when it is sent
        dedup_key=key,
        status="queued",
        created_at=uow.now,
        next_attempt_at=uow.now,
        attempts=0,
        subject=rendered.subject,
        body_text=rendered.text,
        body_html=rendered.html,
        message_id=addressing.message_id(key, domain),
        thread_id=addressing.thread_id(entity_type, entity_id, domain),
        envelope=envelope,
        calendar=build_calendar(calendar).decode("utf-8") if calendar is not None else None,
        calendar_method=calendar.method if calendar is not None else None,
        attachments=[
            {
                "filename": a.filename,
                "content_type": a.content_type,
                "data": base64.b64encode(a.data).decode("ascii"),
            }
            for a in attachments
        ]
        or None,
    )
    uow.session.add(message)
    return message


def _queued_already_and_reply_contact(
    uow: UnitOfWork, key: str, committee_id: int | None
) -> tuple[bool, addressing.Contact | None]:
    """Whether this exact message is queued already, and who in the secretariat gets
    the replies: two lookups every message needs, in one round trip to the database."""
    # Messages queued and secretariat changes made earlier in this unit of work count.
    uow.session.flush()
    # (Committee ids start at 1: a message of no committee finds no secretary.)
    secretary = addressing.first_secretary(committee_id or 0)
    row = uow.session.execute(
        select(
            select(OutboxMessage.id).where(OutboxMessage.dedup_key == key).scalar_subquery(),
            select(Person.name).where(Person.id == secretary).scalar_subquery(),
            select(Person.email).where(Person.id == secretary).scalar_subquery(),
        )
    ).one()
    contact = addressing.Contact(row[1], row[2]) if row[2] is not None else None
    return row[0] is not None, contact


def retry(uow: UnitOfWork, message_id: int) -> OutboxMessage:
    """Queue a failed or deferred message again, to be sent at the next pass.

    The chair or secretariat of the message's committee may do this (an
    administrator for messages of no committee); it is on the audit trail.
    A message that was sent is not sent again: its Message-ID would make the
    recipient's client drop it anyway, and the outbox would no longer tell
    what was delivered.
    """
    message = uow.session.get(OutboxMessage, message_id, with_for_update=True)
    if message is None:
        raise NotFound("error.not_found", kind=Text("kind.message"), ref=message_id, hint="")
    access.check_operation(uow, "mail.retry", message.committee_id, "outbox", message.id)
    if message.status == "sent":
        raise InvalidInput("mail.error.not_retriable", id=message_id)
    _requeue(uow, message)
    return message


def retry_failed(
    uow: UnitOfWork, *, since: str | dt.datetime | None = None, committee_id: int | None = None
) -> list[int]:
    """Queue every failed message again (queued since *since*, as typed in Berlin
    time or a moment, of one committee if given).

    After a long outage of the relay this is one command, not one per message.
    Only messages the acting person may retry are touched (the chair or
    secretariat of their committee; an administrator all); each is on the
    audit trail as a single retry would be. Returns their ids.
    """
    stmt = (
        select(OutboxMessage)
        .where(OutboxMessage.status == "failed")
        .order_by(OutboxMessage.id)
        .with_for_update()
    )
    if since is not None:
        stmt = stmt.where(OutboxMessage.created_at >= validation.berlin_moment(since))
    if committee_id is not None:
        stmt = stmt.where(OutboxMessage.committee_id == committee_id)
    allowed: dict[int | None, bool] = {}
    retried: list[int] = []
    for message in uow.session.execute(stmt).scalars():
        if message.committee_id not in allowed:
            try:
                access.check_operation(
                    uow, "mail.retry", message.committee_id, "outbox", message.id
                )
                allowed[message.committee_id] = True
            except NotPermitted:
                allowed[message.committee_id] = False
        if allowed[message.committee_id]:
            _requeue(uow, message)
            retried.append(message.id)
    if not retried and False in allowed.values():
        # Nothing the person may retry, but there was something: say why, as one retry would.
        committee = next(c for c, ok in allowed.items() if not ok)
        access.check_operation(uow, "mail.retry", committee, "outbox", 0)
    return retried


def _requeue(uow: UnitOfWork, message: OutboxMessage) -> None:
    before = message.status
    message.status = "queued"
    message.next_attempt_at = uow.now
    message.attempts = 0
    message.lease_owner = message.lease_until = None
    uow.audit(
        entity_type="outbox",
        entity_id=message.id,
        action="mail.retry",
        committee_id=message.committee_id,
        from_state=before,
        to_state="queued",
        details={"person_id": message.person_id, "last_error": message.last_error or ""},
    )
