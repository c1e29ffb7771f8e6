"""The unit of work: one database transaction for one user action.

A state change, its audit record, the timers it sets or moves and the
messages it queues are all written through ``uow.session`` and committed
together at the end of the ``with`` block, or not at all.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from sqlalchemy import event
from sqlalchemy.orm import Session

from governance import audit, change_times
from governance.clock import Clock, today_in_berlin
from governance.domain.attachments import AttachmentLimits

if TYPE_CHECKING:
    from governance.errors import GremiumError
    from governance.models import Person
    from governance.workflow.engine import TransitionContext as _TransitionContext
    from governance.workflow.engine import WorkflowEngine


@dataclasses.dataclass(frozen=True)
class Actor:
    """Who acts: a person, or the system when a timer fires."""

    label: str
    person_id: int | None = None
    via: str | None = None
    """How the person acts when not signed in, e.g. "link" (an action link in a mail):
    the audit trail records it with each of their records."""

    @classmethod
    def system(cls) -> Actor:
        return cls(label=audit.SYSTEM)

    @classmethod
    def of(cls, person: Person) -> Actor:
        return cls(label=person.email, person_id=person.id)

    @property
    def is_system(self) -> bool:
        return self.person_id is None


class UnitOfWork:
    def __init__(
        self,
        session: Session,
        clock: Clock,
        actor: Actor,
        engine: WorkflowEngine,
        lang: str = "de",
        archive_dir: Path | None = None,
        attach_documents: bool = True,
        attachment_limits: AttachmentLimits | None = None,
    ) -> None:
        self.session = session
        self.attachment_limits = attachment_limits or AttachmentLimits()
        """How large agenda items' files may be (settings ``*_max_mb``)."""
        self.archive_dir = archive_dir
        """Where a copy of each archived document is filed (the ``archive`` setting;
        None: no copy). The record itself is in the database."""
        self.attach_documents = attach_documents
        """Whether mails carry their documents as PDF (the ``attach_documents`` setting)."""
        self.clock = clock
        self.actor = actor
        self.engine = engine
        self.lang = lang
        self.smtputf8 = False
        self.reply_address: str | None = None
        """The secretariat's mailbox Gremium reads ([mail] reply_address, with imap_host):
        answerable mails are answered to its plus-address (services/reply_addresses.py)."""
        """Whether new e-mail addresses may have non-ASCII before the @ ([mail] smtputf8)."""
        self._now: dt.datetime | None = None
        self._locked: set[tuple[str, Any]] = set()
        change_times.attach(session, lambda: self.now)

    @property
    def now(self) -> dt.datetime:
        """The moment of this action: read once, so all its records carry the same time."""
        if self._now is None:
            self._now = self.clock.now()
        return self._now

    def next_action(self) -> None:
        """A further action in the same transaction (a batch of timers): it reads the clock anew."""
        self._now = None

    @property
    def today(self) -> dt.date:
        return today_in_berlin(_Fixed(self.now))

    def person(self) -> Person | None:
        from governance.models import Person

        if self.actor.person_id is None:
            return None
        return self.session.get(Person, self.actor.person_id)

    def audit(
        self,
        *,
        entity_type: str,
        entity_id: int | None,
        action: str,
        committee_id: int | None = None,
        from_state: str | None = None,
        to_state: str | None = None,
        outcome: str = "done",
        details: dict[str, Any] | None = None,
    ) -> None:
        if self.actor.via is not None:
            details = {**(details or {}), "via": self.actor.via}
        audit.append(
            self.session,
            at=self.now,
            actor=self.actor.label,
            actor_id=self.actor.person_id,
            entity_type=entity_type,
            entity_id=entity_id,
            action=action,
            committee_id=committee_id,
            from_state=from_state,
            to_state=to_state,
            outcome=outcome,
            details=details,
        )

    def audit_refusal(self, exc: GremiumError) -> None:
        """Put a refused attempt on record (after the attempt itself was rolled back)."""
        ctx = exc.audit_context
        self.audit(
            entity_type=ctx.get("entity_type", "-"),
            entity_id=ctx.get("entity_id"),
            action=ctx.get("action", exc.key),
            committee_id=ctx.get("committee_id"),
            from_state=getattr(exc, "current_state", None),
            outcome="refused",
            details={"reason": exc.message("en"), "key": exc.key},
        )

    def lock(self, entity: Any) -> None:
        """Hold *entity*'s row until this transaction ends, and read it anew.

        People act on one thing at the same time: nine parties sign one
        version, the secretariat records attendance while a member proposes
        an item. Each of these is a transition of the same workflow entity,
        and the version counter (optimistic locking) would refuse all but the
        first as "changed by someone else" although they do not conflict.
        Taking the row lock first makes them take turns instead: the second
        waits until the first commits, then reads the entity as it is now
        (state, version, collections), so its guards and its version check
        see the first one's result. SQLite runs one writer at a time anyway.
        """
        if self.session.get_bind().dialect.name != "postgresql":
            return
        key = (entity.__tablename__, entity.id)
        if key in self._locked or entity in self.session.new:
            return
        self._locked.add(key)
        if self.session.is_modified(entity, include_collections=False):
            # Its own columns changed already in this transaction: their UPDATE
            # (checked against the version read) takes the lock; a conflict is
            # reported as before.
            self.session.flush()
            return
        # Rows added to its collections (a signature, an attendance) are written
        # first, so that reading the entity anew keeps them.
        self.session.flush()
        # FOR NO KEY UPDATE: the lock an UPDATE of the row takes anyway. It does
        # not wait for the key-share locks that inserting rows referring to the
        # entity takes (a signature of the version), so two such actions cannot
        # deadlock: they only wait for each other's turn. OF its own table: the entity
        # may have been loaded with a related row joined (a meeting with its committee),
        # and the refresh repeats that outer join, whose nullable side PostgreSQL
        # refuses to lock.
        self.session.refresh(entity, with_for_update={"key_share": True, "of": type(entity)})

    def locked(self, entity: Any) -> None:
        """Note that *entity* was loaded with its row lock already (``with_for_update``)."""
        self._locked.add((entity.__tablename__, entity.id))

    def fire(self, entity: Any, trigger: str, **params: Any) -> None:
        """Fire a workflow trigger on *entity* inside this unit of work."""
        self.engine.fire(self, entity, trigger, **params)


@contextlib.contextmanager
def keeping_loaded(session: Session) -> Iterator[None]:
    """Hold on to every object *session* loads while the block runs.

    The session's identity map holds objects weakly: an unchanged committee
    loaded by one firing is gone when the firing returns, and the next firing
    of a batch loads it again. A batch of timers is one transaction, so what
    it keeps is bounded by the batch. The listener is on this session only:
    one on every session would slow every load.
    """
    kept: list[object] = []

    def keep(session: Session, instance: object) -> None:
        kept.append(instance)

    event.listen(session, "loaded_as_persistent", keep)
    try:
        yield
    finally:
        event.remove(session, "loaded_as_persistent", keep)
        kept.clear()


class _Fixed:
    def __init__(self, moment: dt.datetime) -> None:
        self._moment = moment

    def now(self) -> dt.datetime:
        return self._moment


TransitionContext: TypeAlias = "_TransitionContext[UnitOfWork]"
"""What Gremium's guards and effects get: a transition inside this application's unit of work."""
