"""Keying the audit chain: the key file on set-up and upgrade, and its rotation.

Upgrade path (databases from before the chain was keyed): their records keep
their plain SHA-256 links. ``gremium init`` and ``gremium db upgrade`` create
the key file if there is none (never when the chain is keyed already: a lost
key is restored from backup, not silently replaced) and append one record,
``audit.seal``, sealed with the key. It links to the last unkeyed record, so
from then on the older records cannot be rewritten without the key either,
and it carries the digests of every protected row the chain holds none of:
the baseline that later changes are compared with. After it, unkeyed
records are refused by ``audit verify``.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from governance import audit
from governance.audit_keys import Keyring
from governance.errors import ConfigurationError, GremiumError, NotPermitted
from governance.unit_of_work import Actor

if TYPE_CHECKING:
    from governance.bootstrap import App


@dataclasses.dataclass(frozen=True)
class Note:
    """Something the set-up did, for the command to say (a catalogue key and its values)."""

    key: str
    params: dict[str, Any]


def ensure_keyed(app: App) -> list[Note]:
    """Create the key file if missing and seal a chain not yet keyed. Idempotent."""
    source = app.db.audit_keys
    assert source.path is not None
    notes: list[Note] = []
    with app.db.session() as session:
        kid = audit.head_key_id(session)
    ring = Keyring.load(source.path)
    if ring is None:
        if kid is not None:
            raise ConfigurationError("audit.key.lost", key_id=kid, path=str(source.path))
        ring = Keyring.create(source.path)
        source.forget()
        notes.append(Note("audit.key.created", {"path": str(source.path)}))
    if kid is None:
        with app.unit_of_work(Actor.system()) as uow:
            rows = audit.baseline(uow.session)
            audit.switch_key(uow.session, ring.newest)
            uow.audit(
                entity_type="audit",
                entity_id=None,
                action="audit.seal",
                details={"key_id": ring.newest, "baseline_rows": len(rows)},
            )
        with app.db.session() as session:
            seq, _ = audit.current_head(session)
        notes.append(
            Note("audit.key.sealed", {"key_id": ring.newest, "seq": seq, "rows": len(rows)})
        )
    return notes


def require_key(app: App) -> None:
    """Refuse up front when the chain is keyed and its key is not there.

    Every write needs the key (see :func:`governance.audit._signing_key`); a
    tick or a mail pass without it would otherwise fail timer after timer and
    mark each one failed, for a problem of the installation, not of the timers.
    """
    with app.db.read_session() as session:
        kid = audit.head_key_id(session)
    if kid is None:
        return  # not keyed yet: `init` / `db upgrade` keys it
    source = app.db.audit_keys
    ring = source.keyring()
    if ring is None or ring.get(kid) is None:
        raise ConfigurationError("audit.key.missing", key_id=kid, path=str(source.path or "-"))


def rotate_key(app: App, actor: Actor | str | None) -> Note:
    """A new key for the records from now on; the switch is itself a record, sealed
    with the old key. Only the installation administrator may do it."""
    source = app.db.audit_keys
    assert source.path is not None
    with app.unit_of_work(actor) as uow:
        person = uow.person()
        if person is None or not person.is_admin:
            raise NotPermitted("audit.admin_only", action="gremium audit rotate-key").concerning(
                entity_type="audit", entity_id=None, action="audit.rotate_key", committee_id=None
            )
        old = audit.head_key_id(uow.session)
        if old is None:
            raise GremiumError("audit.key.not_keyed")
        ring = source.keyring()
        if ring is None or ring.get(old) is None:
            raise ConfigurationError("audit.key.missing", key_id=old, path=str(source.path))
        # The file first: if the commit then fails, an unused key is left over,
        # never a chain sealed with a key the file does not hold.
        new = ring.rotate()
        audit.switch_key(uow.session, new)
        uow.audit(
            entity_type="audit",
            entity_id=None,
            action="audit.rotate_key",
            details={"from": old, "to": new},
        )
    with app.db.session() as session:
        seq, _ = audit.current_head(session)
    return Note("audit.key.rotated", {"key_id": new, "path": str(source.path), "seq": seq})
