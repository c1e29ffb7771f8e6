"""Queueing messages into the persistent outbox (inside the caller's transaction).

A message is identified by its notification, recipient and revision: the
same key never queues twice, so a retried action cannot mail anyone twice.
Rendering and delivery (SMTP, Maildir) are the dispatcher's business.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from governance.models import OutboxMessage, Person
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
) -> OutboxMessage | None:
    """Queue *notification* for *recipient*; return None if this exact message is queued already."""
    entity_type = entity.__tablename__ if entity is not None else None
    entity_id = entity.id if entity is not None else None
    key = f"{notification}:{entity_type}:{entity_id}:{recipient.email}:{revision}"
    uow.session.flush()
    exists = uow.session.execute(
        select(OutboxMessage.id).where(OutboxMessage.dedup_key == key)
    ).first()
    if exists:
        return None
    message = OutboxMessage(
        committee_id=committee_id,
        notification=notification,
        person_id=recipient.id,
        recipient=recipient.email,
        language=recipient.language,
        entity_type=entity_type,
        entity_id=entity_id,
        context=context,
        dedup_key=key,
        status="queued",
        created_at=uow.now,
        next_attempt_at=uow.now,
        attempts=0,
    )
    uow.session.add(message)
    return message
