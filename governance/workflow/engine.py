"""Running the workflows: one `transitions` machine per workflow type.

The machine is shared by every entity of that type. To fire a trigger the
engine attaches a thin proxy of the loaded row *with its persisted state*
(``add_model(proxy, initial=row.state)``; without it `transitions` would
reset the row to the initial state), fires, and detaches it again, so the
machine never holds on to rows between calls. Guards and effects receive a
:class:`TransitionContext`; everything they write goes into the caller's
unit of work.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import threading
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from dateutil.relativedelta import relativedelta
from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from transitions import Machine

from governance.clock import BERLIN
from governance.errors import Joined, Text, TransitionRefused
from governance.models import Committee, Timer
from governance.workflow.definition import TimerSpec, WorkflowDefinition
from governance.workflow.registry import Registry
from governance.workflow.unit import WorkUnit

U = TypeVar("U", bound=WorkUnit)


@dataclasses.dataclass
class TransitionContext(Generic[U]):
    """What a guard or an effect gets to see and to use.

    Generic in the unit of work, so the engine needs only :class:`WorkUnit`
    while Gremium's guards and effects see the whole application unit of work
    (``governance.unit_of_work.TransitionContext``).
    """

    uow: U
    entity: Any
    trigger: str
    from_state: str
    params: dict[str, Any]
    definition: WorkflowDefinition

    @property
    def session(self) -> Session:
        return self.uow.session

    @property
    def now(self) -> dt.datetime:
        return self.uow.now

    @property
    def today(self) -> dt.date:
        return self.uow.today

    def fire(self, entity: Any, trigger: str, **params: Any) -> None:
        self.uow.fire(entity, trigger, **params)


class _Proxy:
    """Stands in for a row while it is attached to the shared machine.

    `transitions` adds trigger methods and reads/writes ``state`` on its
    models; the proxy keeps that off the ORM class and forwards ``state``.
    """

    def __init__(self, entity: Any) -> None:
        self._entity = entity

    @property
    def state(self) -> str:
        return str(self._entity.state)

    @state.setter
    def state(self, value: str) -> None:
        if self._entity.state != value:
            self._entity.state = value


class WorkflowEngine:
    def __init__(self, definitions: Mapping[str, WorkflowDefinition], registry: Registry) -> None:
        self.definitions = dict(definitions)
        self.registry = registry
        self.machines: dict[str, Machine] = {}
        # A shared machine is not thread-safe while a model is attached.
        self._locks: dict[str, threading.RLock] = {}
        for name, definition in self.definitions.items():
            self.machines[name] = self._build_machine(definition)
            self._locks[name] = threading.RLock()

    def _build_machine(self, definition: WorkflowDefinition) -> Machine:
        machine = Machine(
            model=None,
            states=list(definition.states),
            initial=definition.initial,
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=False,
            name=definition.name,
        )
        for t in definition.transitions:
            machine.add_transition(
                t.trigger,
                list(t.sources),
                t.dest if t.dest is not None else None,
                conditions=[self._guard_callback(g) for g in t.conditions],
                unless=[self._guard_callback(g) for g in t.unless],
                after=[self._effect_callback(e) for e in t.effects],
            )
        return machine

    def _guard_callback(self, name: str) -> Any:
        fn = self.registry.guards[name]
        return lambda event: bool(fn(event.kwargs["ctx"]))

    def _effect_callback(self, name: str) -> Any:
        fn = self.registry.effects[name]
        return lambda event: fn(event.kwargs["ctx"])

    # --- queries ---

    def definition_for(self, entity: Any) -> WorkflowDefinition:
        return self.definitions[entity.__workflow__]

    def allowed_triggers(self, entity: Any) -> list[str]:
        return self.definition_for(entity).triggers_from(entity.state)

    def can_fire(self, uow: WorkUnit, entity: Any, trigger: str, **params: Any) -> bool:
        """Whether *trigger* is possible now: allowed in the state and some transition's guards hold."""
        definition = self.definition_for(entity)
        ctx = TransitionContext(uow, entity, trigger, entity.state, params, definition)
        return any(
            self._guards_hold(ctx, t) for t in definition.transitions_for(trigger, entity.state)
        )

    def _guards_hold(self, ctx: TransitionContext[Any], t: Any) -> bool:
        g = self.registry.guards
        return all(g[n](ctx) for n in t.conditions) and not any(g[n](ctx) for n in t.unless)

    # --- firing ---

    def fire(self, uow: WorkUnit, entity: Any, trigger: str, **params: Any) -> None:
        # Concurrent triggers on one entity take turns (see UnitOfWork.lock)
        # instead of all but one failing on the version counter.
        uow.lock(entity)
        definition = self.definition_for(entity)
        from_state = str(entity.state)
        candidates = definition.transitions_for(trigger, from_state)
        if not candidates:
            raise _for_audit(self._not_allowed(definition, entity, trigger), entity, trigger)
        ctx = TransitionContext(uow, entity, trigger, from_state, dict(params), definition)
        if not any(self._guards_hold(ctx, t) for t in candidates):
            raise _for_audit(self._guard_failed(definition, ctx, candidates), entity, trigger)

        version_before = entity.version
        machine = self.machines[definition.name]
        proxy = _Proxy(entity)
        with self._locks[definition.name]:
            machine.add_model(proxy, initial=from_state)
            try:
                # `transitions` adds trigger() to each model it is given, at run time.
                done = proxy.trigger(trigger, ctx=ctx)  # type: ignore[attr-defined]
            finally:
                machine.remove_model(proxy)
        if not done:  # a guard changed its mind between the check and the firing
            raise self._guard_failed(definition, ctx, candidates)

        to_state = str(entity.state)
        # Every transition bumps the version once, internal ones too, so that
        # concurrent triggers on the same entity conflict instead of both
        # succeeding. (An effect that flushed has bumped it already.)
        if entity.version == version_before and not uow.session.is_modified(entity):
            flag_modified(entity, "state")
        if to_state != from_state:
            self._cancel_timers(uow, entity, from_state)
            self.arm_timers(uow, entity)
        uow.audit(
            entity_type=entity.__tablename__,
            entity_id=entity.id,
            action=trigger,
            committee_id=_committee_id(entity),
            from_state=from_state,
            to_state=to_state,
            details=_audit_details(params),
        )

    def _not_allowed(
        self, definition: WorkflowDefinition, entity: Any, trigger: str
    ) -> TransitionRefused:
        allowed = definition.triggers_from(entity.state)
        return TransitionRefused(
            "error.transition_not_allowed",
            current_state=entity.state,
            allowed_triggers=allowed,
            trigger=_Label(definition, trigger),
            state=_Label(definition, entity.state),
            allowed=_LabelList(definition, allowed),
        )

    def _guard_failed(
        self, definition: WorkflowDefinition, ctx: TransitionContext[Any], candidates: list[Any]
    ) -> TransitionRefused:
        failed: list[Text | str] = []
        g = self.registry.guards
        for t in candidates:
            failed += [_guard_text(f"guard.{n}", n) for n in t.conditions if not g[n](ctx)]
            failed += [_guard_text(f"guard.not.{n}", n) for n in t.unless if g[n](ctx)]
        return TransitionRefused(
            "error.guard_failed",
            current_state=ctx.from_state,
            allowed_triggers=definition.triggers_from(ctx.from_state),
            trigger=_Label(definition, ctx.trigger),
            conditions=Joined(_dedupe(failed), "; "),
        )

    # --- timers ---

    def arm_timers(self, uow: WorkUnit, entity: Any) -> list[Timer]:
        """Set the timers the definition declares for the entity's current state."""
        armed = []
        for spec in self.definition_for(entity).timers_for(entity.state):
            due = self.due_at(uow, entity, spec)
            if due is not None:
                armed.append(self.set_timer(uow, entity, spec, due))
        return armed

    def set_timer(self, uow: WorkUnit, entity: Any, spec: TimerSpec, due: dt.datetime) -> Timer:
        """Add one pending timer of *spec* for *entity*, due at *due*, to the unit of work."""
        timer = Timer(
            committee_id=_committee_id(entity),
            workflow=self.definition_for(entity).name,
            entity_type=entity.__tablename__,
            entity_id=entity.id,
            name=spec.name,
            trigger=spec.trigger,
            state=spec.state,
            due_at=due,
            status="pending",
            created_at=uow.now,
            attempts=0,
        )
        uow.session.add(timer)
        return timer

    def rearm_timers(self, uow: WorkUnit, entity: Any) -> None:
        """Move the timers of the current state after a date of the entity changed.

        Timers anchored on entering the state keep their due time.
        """
        uow.session.flush()
        for spec in self.definition_for(entity).timers_for(entity.state):
            if spec.anchor == "entered":
                continue
            uow.session.execute(
                update(Timer)
                .where(
                    Timer.entity_type == entity.__tablename__,
                    Timer.entity_id == entity.id,
                    Timer.name == spec.name,
                    Timer.status == "pending",
                )
                .values(status="cancelled")
            )
            due = self.due_at(uow, entity, spec)
            if due is not None:
                self.set_timer(uow, entity, spec, due)

    def _cancel_timers(self, uow: WorkUnit, entity: Any, state: str) -> None:
        uow.session.flush()
        uow.session.execute(
            update(Timer)
            .where(
                Timer.entity_type == entity.__tablename__,
                Timer.entity_id == entity.id,
                Timer.state == state,
                Timer.status == "pending",
            )
            .values(status="cancelled")
        )

    def due_at(
        self, uow: WorkUnit, entity: Any, spec: TimerSpec, after: dt.datetime | None = None
    ) -> dt.datetime | None:
        """The moment a timer of *spec* is due for *entity* (None when its anchor date is not set)."""
        if after is not None:
            base: Any = after
            amount = spec.repeat
            sign = 1
        else:
            base = uow.now if spec.anchor == "entered" else getattr(entity, spec.anchor)
            amount = spec.amount
            sign = spec.sign
        if base is None:
            return None
        delta = self._period(uow, entity, amount) if amount else relativedelta()
        if isinstance(base, dt.datetime):
            local = base.astimezone(BERLIN).replace(tzinfo=None) + sign * delta
        else:
            local = dt.datetime.combine(base + sign * delta, dt.time(0, 0))
        if spec.time_of_day and after is None and spec.anchor != "entered":
            hh, mm = (int(x) for x in spec.time_of_day.split(":"))
            local = local.replace(hour=hh, minute=mm, second=0, microsecond=0)
        return local.replace(tzinfo=BERLIN).astimezone(dt.UTC)

    def _period(self, uow: WorkUnit, entity: Any, amount: str) -> relativedelta:
        if amount[-1] in "dwm" and amount[:-1].isdigit():
            n = int(amount[:-1])
            return {
                "d": relativedelta(days=n),
                "w": relativedelta(weeks=n),
                "m": relativedelta(months=n),
            }[amount[-1]]
        committee = uow.session.get(Committee, _committee_id(entity))
        assert committee is not None
        return committee.rules.offset(amount)

    def pending_timers(self, session: Session, entity: Any) -> list[Timer]:
        """The entity's timers still to fire, by due time."""
        return list(
            session.execute(
                select(Timer)
                .where(
                    Timer.entity_type == entity.__tablename__,
                    Timer.entity_id == entity.id,
                    Timer.status == "pending",
                )
                .order_by(Timer.due_at, Timer.id)
            ).scalars()
        )


def _guard_text(key: str, name: str) -> Text | str:
    # Shipped guards all have labels (a test checks); a guard without one shows its name.
    from governance.i18n import CATALOGUE

    return Text(key) if key in CATALOGUE else name


def _dedupe(items: list[Text | str]) -> list[Text | str]:
    seen: set[str] = set()
    out: list[Text | str] = []
    for item in items:
        key = item.key if isinstance(item, Text) else item
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


class _Label(Text):
    """A state or trigger name, shown by its label in the user's language."""

    def __init__(self, definition: WorkflowDefinition, name: str) -> None:
        self.definition = definition
        self.name = name

    def render(self, lang: str) -> str:
        return self.definition.label(self.name, lang)


class _LabelList(Text):
    def __init__(self, definition: WorkflowDefinition, names: list[str]) -> None:
        self.definition = definition
        self.names = names

    def render(self, lang: str) -> str:
        if not self.names:
            return Text("error.nothing_allowed").render(lang)
        return ", ".join(f"{self.definition.label(n, lang)} ({n})" for n in self.names)


def _for_audit(err: TransitionRefused, entity: Any, trigger: str) -> TransitionRefused:
    return err.concerning(
        entity_type=entity.__tablename__,
        entity_id=entity.id,
        action=trigger,
        committee_id=_committee_id(entity),
    )


def _committee_id(entity: Any) -> int | None:
    return getattr(entity, "committee_id", None)


_DIGESTED = frozenset({"text"})
"""Parameters recorded by their SHA-256 only: a person's own words (an objection)
may name people, and the audit chain holds no personal data; the row they are
stored in holds the text."""


def _audit_details(params: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in params.items():
        if k in _DIGESTED and isinstance(v, str):
            out[f"{k}_sha256"] = hashlib.sha256(v.encode()).hexdigest()
        elif isinstance(v, str | int | float | bool) or v is None:
            out[k] = v
        elif isinstance(v, dt.date | dt.datetime):
            out[k] = v.isoformat()
        elif isinstance(v, list | tuple) and all(isinstance(x, str | int) for x in v):
            out[k] = list(v)
        else:
            out[k] = str(v)
    return out
