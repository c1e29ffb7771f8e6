"""Wiring in one place: settings -> database, clock, workflow engine.

Nothing is built at import time; tests build an :class:`App` on their own
database and clock, the CLI builds one from the configuration.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from governance import clock_store
from governance.clock import Clock, SimulatedClock, SystemClock
from governance.config import Settings
from governance.database import Database
from governance.errors import ConcurrentChange, ConfigurationError, GremiumError, Text
from governance.models import (
    AccessionApplication,
    ActionItem,
    AgreementVersion,
    Base,
    Meeting,
    MeetingSeries,
    Membership,
    Minutes,
    WrittenProcedure,
)
from governance.resources import workflows_dir
from governance.unit_of_work import Actor, UnitOfWork
from governance.workflow.definition import WorkflowDefinition, load_definitions
from governance.workflow.registry import REGISTRY, Registry

if TYPE_CHECKING:
    # Imported where the engine is built (build_app): modules that only name App
    # (the outbox, timers, read-only commands) do not pay for `transitions`.
    from governance.workflow.engine import WorkflowEngine

# Modules that register guards and effects (imported for that side effect).
SERVICE_MODULES = (
    "governance.services.agreements",
    "governance.services.accession",
    "governance.services.withdrawal",
    "governance.services.meeting_workflow",
    "governance.services.meeting_series",
    "governance.services.action_items",
    "governance.services.minutes_workflow",
    "governance.services.written_procedure",
)

# The entity each workflow definition may name.
ENTITIES: dict[str, type[Base]] = {
    "agreement_version": AgreementVersion,
    "accession_application": AccessionApplication,
    "membership": Membership,
    "meeting": Meeting,
    "meeting_series": MeetingSeries,
    "action_item": ActionItem,
    "minutes": Minutes,
    "written_procedure": WrittenProcedure,
}

SIM_CLOCK_KEY = clock_store.KEY


def load_workflows(
    folder: Path | None = None, registry: Registry = REGISTRY
) -> dict[str, WorkflowDefinition]:
    for module in SERVICE_MODULES:
        importlib.import_module(module)
    return load_definitions(folder or workflows_dir(), registry, ENTITIES)


class PersistedSimulatedClock(SimulatedClock):
    """The simulated clock of an installation: kept in the database so that
    successive CLI commands (``gremium tick``) continue where the last one left off.
    The stored moment never moves backwards (:mod:`governance.clock_store`)."""

    def __init__(self, db: Database, start: dt.datetime) -> None:
        self._db = db
        super().__init__(clock_store.read(db) or start)

    def reload(self) -> None:
        """Catch up with the stored moment (another process may have moved the clock)."""
        stored = clock_store.read(self._db)
        if stored is not None and stored > self.now():
            super().advance_to(stored)

    def advance_to(self, moment: dt.datetime) -> None:
        super().advance_to(moment)
        stored = clock_store.store_forward(self._db, self.now())
        if stored > self.now():
            super().advance_to(stored)


class App:
    """The running Gremium: database, clock and workflow engine."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        engine: WorkflowEngine,
        settings: Settings | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.engine = engine
        self.settings = settings or Settings()

    @property
    def lang(self) -> str:
        return self.settings.language

    @functools.cached_property
    def reply_address(self) -> str | None:
        """[mail] reply_address: answerable mails are answered to its plus-addresses.

        Read as the table says it (checked with the rest of [mail] when the
        configuration was loaded), the variable over the file as everywhere."""
        value = os.environ.get("GREMIUM_MAIL_REPLY_ADDRESS") or self.settings.mail.get(
            "reply_address"
        )
        return str(value) if value else None

    @contextlib.contextmanager
    def unit_of_work(self, actor: Actor | str | None = None) -> Iterator[UnitOfWork]:
        """One transaction for one action: commit on success, roll back on any error.

        A refusal that matters for accountability (permission, state,
        conflict) is written to the audit trail in a transaction of its own,
        after the rollback, so that the attempt is on record and nothing else is.
        """
        # Look the actor up in a session of its own: a lookup would otherwise
        # begin the transaction implicitly and session.begin() below would fail.
        with self.db.session() as lookup:
            resolved = self._actor(lookup, actor)
        session = self.db.session()
        uow = UnitOfWork(
            session,
            self.clock,
            resolved,
            self.engine,
            self.lang,
            self.settings.archive_folder(),
            self.settings.attach_documents,
            self.settings.attachment_limits(),
        )
        uow.smtputf8 = _flag(self.settings.mail.get("smtputf8"))
        uow.reply_address = self.reply_address
        try:
            with session.begin():
                yield uow
        except StaleDataError:
            session.close()
            raise ConcurrentChange(
                "error.concurrent_change", kind=Text("kind.workflow"), ref=""
            ) from None
        except GremiumError as exc:
            session.close()
            if exc.audited:
                # uow.actor: a sign-in refusal names the person the link was for
                self._audit_refusal(uow.actor, exc)
            raise
        finally:
            session.close()

    def _actor(self, session: Session, actor: Actor | str | None) -> Actor:
        if isinstance(actor, Actor):
            return actor
        if actor is None:
            actor = self.settings.default_actor
        if actor is None:
            raise GremiumError("error.no_actor")
        from governance.services.directory import person_by_email

        return Actor.of(person_by_email(session, actor))

    def _audit_refusal(self, actor: Actor, exc: GremiumError) -> None:
        with self.db.session() as session, session.begin():
            UnitOfWork(session, self.clock, actor, self.engine, self.lang).audit_refusal(exc)


def _flag(value: object) -> bool:
    # Checked (with the rest of [mail]) when the settings were loaded.
    return value is True or str(value).strip().lower() in ("true", "1", "yes")


def build_app(
    settings: Settings,
    clock: Clock | None = None,
    check_schema: bool = True,
    db: Database | None = None,
) -> App:
    """*db*: a database already opened (and checked) for these settings, to share its engine."""
    if db is None:
        db = Database(settings.database, settings.audit_key_path())
        if check_schema:
            db.require_current_schema()
    if clock is None:
        clock = (
            PersistedSimulatedClock(db, settings.simulated_start)
            if settings.clock == "simulated"
            else SystemClock()
        )
    try:
        folder = Path(settings.workflows) if settings.workflows else None
        from governance.workflow.engine import WorkflowEngine

        engine = WorkflowEngine(load_workflows(folder), REGISTRY)
    except ConfigurationError:
        db.dispose()
        raise
    return App(db, clock, engine, settings)
