"""How a record of the audit trail is linked to the one before it: its canonical
content and the hash over it. Written by :mod:`governance.audit`, checked by
:mod:`governance.audit_verify`.

Without the models: ``audit verify`` reads the chain through SQLAlchemy Core
(a row has the same attributes as an :class:`~governance.models.AuditRecord`)
and so starts as fast as the other read-only commands (issue 11 point 19).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any

GENESIS = "0" * 64
KEYS = "gremium.audit.keys"
"""Key in ``Session.info`` (set by the database's session factory): the :class:`KeySource`."""


def _canonical(record: Any) -> bytes:
    """*record*: an AuditRecord or a row of ``audit_records`` (the same attributes)."""
    payload: dict[str, Any] = {
        "seq": record.seq,
        "at": record.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor": record.actor,
        "actor_id": record.actor_id,
        "committee_id": record.committee_id,
        "entity_type": record.entity_type,
        "entity_id": record.entity_id,
        "action": record.action,
        "from_state": record.from_state,
        "to_state": record.to_state,
        "outcome": record.outcome,
        "details": record.details,
    }
    # Fields added later enter the hash only when set, so that the records
    # written before them keep their hashes.
    key_id = getattr(record, "key_id", None)
    digests = getattr(record, "digests", None)
    if key_id is not None:
        payload["key_id"] = key_id
    if digests is not None:
        payload["digests"] = digests
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()


def record_hash(prev_hash: str, record: Any, key: bytes | None = None) -> str:
    """The record's link: HMAC-SHA256 with the chain's key, plain SHA-256 for unkeyed records."""
    data = prev_hash.encode() + b"\n" + _canonical(record)
    if key is None:
        return hashlib.sha256(data).hexdigest()
    return hmac.new(key, data, hashlib.sha256).hexdigest()
