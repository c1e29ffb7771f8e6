"""Who a message is from, where replies go, and its stable identifiers.

Message-IDs are derived from the outbox key (notification, entity,
recipient, revision), so a message resent after a crash carries the same
Message-ID and a mail client shows at most one copy. All messages about
one entity (a meeting, an agreement version) refer to the same thread root,
so they appear as one conversation.
"""

from __future__ import annotations

import hashlib
from typing import Any, NamedTuple

from sqlalchemy import ScalarSelect, select
from sqlalchemy.orm import Session

from governance.models import Committee, Person, SecretariatMember

FALLBACK_DOMAIN = "gremium.invalid"


def _digest(text: str, length: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def id_domain(committee: Committee | None) -> str:
    return domain_of(committee.sender_email if committee is not None else None)


def domain_of(sender_email: str | None) -> str:
    """The domain of a committee's sender address: calendar UIDs and Message-IDs end in it."""
    if sender_email and "@" in sender_email:
        return sender_email.rpartition("@")[2].strip().lower()
    return FALLBACK_DOMAIN


def message_id(key: str, domain: str) -> str:
    return f"<{_digest(key, 32)}@{domain}>"


def thread_id(entity_type: str | None, entity_id: int | None, domain: str) -> str | None:
    if entity_type is None:
        return None
    return (
        f"<thread-{entity_type}-{entity_id}.{_digest(f'{entity_type}:{entity_id}', 12)}@{domain}>"
    )


class Contact(NamedTuple):
    name: str
    email: str


def first_secretary(committee_id: int) -> ScalarSelect[int]:
    """The first person of the secretariat (Geschäftsstelle): replies go there."""
    return (
        select(SecretariatMember.person_id)
        .where(SecretariatMember.committee_id == committee_id)
        .order_by(SecretariatMember.id)
        .limit(1)
        .scalar_subquery()
    )


def secretariat_contact(session: Session, committee: Committee | None) -> Contact | None:
    if committee is None:
        return None
    row = session.execute(
        select(Person.name, Person.email).where(Person.id == first_secretary(committee.id))
    ).first()
    return Contact(row.name, row.email) if row is not None else None


def envelope(
    committee: Committee | None, recipient: Person, contact: Contact | None
) -> dict[str, Any]:
    """Names and addresses fixed at queue time; a missing From/Reply-To is filled
    from the configuration (mail.sender, mail.reply_to) when the message is sent.
    *contact* is the secretariat's (:func:`secretariat_contact`), where replies go."""
    return {
        "from_name": committee.name if committee is not None else "Gremium",
        "from_email": (committee.sender_email or None) if committee is not None else None,
        "reply_to_name": contact.name if contact is not None else None,
        "reply_to_email": contact.email if contact is not None else None,
        "to_name": recipient.name,
    }


def layout_context(
    committee: Committee | None, recipient: Person, env: dict[str, Any]
) -> dict[str, Any]:
    """The ``mail`` part of every template context (used by templates/mail/_base/)."""
    return {
        "committee_name": committee.name if committee is not None else "Gremium",
        "committee_short": committee.short_name if committee is not None else "Gremium",
        "recipient_name": recipient.name,
        "reply_to": env["reply_to_email"] or "",
    }
