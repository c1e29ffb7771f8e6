"""Loading and validating the declarative workflow definitions.

A definition (YAML under workflows/) names its states, transitions, the
guards and effects of each transition by name, and timers expressed
relative to a date of the entity or to entering a state, in terms of the
rules of procedure. Validation runs at start-up: every problem is reported
with the file and the entry it is in.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from governance.domain.rules import RulesOfProcedure
from governance.errors import ConfigurationError
from governance.workflow.labels import label
from governance.workflow.registry import Registry

_OFFSET = re.compile(
    r"^\s*(?P<anchor>[a-z_]+)\s*(?:(?P<sign>[+-])\s*(?P<amount>[a-z_]+|\d+[dwm]))?\s*$"
)
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclasses.dataclass(frozen=True)
class Transition:
    trigger: str
    sources: tuple[str, ...]
    dest: str | None
    """None for an internal transition that keeps the state (e.g. a reminder)."""
    conditions: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class TimerSpec:
    name: str
    state: str
    trigger: str
    anchor: str
    """"entered" (the moment the state was entered) or a date/datetime attribute of the entity."""
    sign: int
    amount: str | None
    """A period setting of the rules of procedure (e.g. invitation_lead_days) or a literal like 7d."""
    time_of_day: str | None
    """For date anchors: the local (Europe/Berlin) time of day the timer fires, HH:MM."""
    repeat: str | None
    """Fire again after this period (a rules setting or literal) while the state lasts."""


@dataclasses.dataclass(frozen=True)
class WorkflowDefinition:
    name: str
    entity: str
    source_file: str
    initial: str
    states: tuple[str, ...]
    final_states: tuple[str, ...]
    transitions: tuple[Transition, ...]
    timers: tuple[TimerSpec, ...]
    labels: Mapping[str, Mapping[str, str]]
    """Labels of states and triggers: labels[lang][name]."""
    description: str = ""

    @property
    def triggers(self) -> list[str]:
        seen: dict[str, None] = {}
        for t in self.transitions:
            seen.setdefault(t.trigger, None)
        return list(seen)

    def triggers_from(self, state: str) -> list[str]:
        seen: dict[str, None] = {}
        for t in self.transitions:
            if state in t.sources:
                seen.setdefault(t.trigger, None)
        return list(seen)

    def transitions_for(self, trigger: str, state: str) -> list[Transition]:
        return [t for t in self.transitions if t.trigger == trigger and state in t.sources]

    def label(self, name: str, lang: str) -> str:
        return label(self.labels, name, lang)

    def timers_for(self, state: str) -> list[TimerSpec]:
        return [t for t in self.timers if t.state == state]


class DefinitionError(ConfigurationError):
    def __init__(self, file: str, entry: str, problem: str) -> None:
        self.file = file
        self.entry = entry
        self.problem = problem
        super().__init__("error.workflow_definition", file=file, entry=entry, problem=problem)


def load_definitions(
    folder: Path,
    registry: Registry,
    entities: Mapping[str, type],
) -> dict[str, WorkflowDefinition]:
    """Load and validate every ``*.yaml`` in *folder*; raise DefinitionError on the first problem."""
    definitions: dict[str, WorkflowDefinition] = {}
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise DefinitionError(str(folder), "-", "no workflow definitions (*.yaml) found")
    for path in files:
        definition = parse_definition(path, registry, entities)
        if definition.name in definitions:
            raise DefinitionError(
                path.name,
                "name",
                f"workflow {definition.name!r} is defined twice "
                f"(also in {definitions[definition.name].source_file})",
            )
        definitions[definition.name] = definition
    return definitions


def parse_definition(
    path: Path, registry: Registry, entities: Mapping[str, type]
) -> WorkflowDefinition:
    import yaml  # parsed once when the engine is built; read-only commands skip it

    file = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DefinitionError(file, "-", f"not valid YAML: {exc}") from None
    return validate(data, file, registry, entities)


def validate(
    data: Any, file: str, registry: Registry, entities: Mapping[str, type]
) -> WorkflowDefinition:
    if not isinstance(data, dict):
        raise DefinitionError(
            file, "-", "a definition is a mapping with name, entity, states, transitions"
        )
    unknown = set(data) - {
        "name",
        "entity",
        "description",
        "initial",
        "states",
        "final",
        "transitions",
        "timers",
        "labels",
    }
    if unknown:
        raise DefinitionError(file, ", ".join(sorted(unknown)), "unknown key(s)")
    name = _required_str(data, "name", file)
    entity = _required_str(data, "entity", file)
    if entity not in entities:
        raise DefinitionError(
            file, "entity", f"unknown entity {entity!r}; known: {', '.join(sorted(entities))}"
        )
    model = entities[entity]

    states = data.get("states")
    if not isinstance(states, list) or not states or not all(isinstance(s, str) for s in states):
        raise DefinitionError(file, "states", "a non-empty list of state names")
    if len(set(states)) != len(states):
        raise DefinitionError(file, "states", "a state is listed twice")
    initial: object = data.get("initial", states[0])
    if not isinstance(initial, str) or initial not in states:
        raise DefinitionError(file, "initial", f"unknown state {initial!r}")
    final = data.get("final", [])
    for s in final:
        if s not in states:
            raise DefinitionError(file, "final", f"unknown state {s!r}")

    transitions = tuple(_transitions(data.get("transitions"), file, states, registry))
    timers = tuple(_timers(data.get("timers") or [], file, states, transitions, model))
    labels = _labels(data.get("labels"), file, states, transitions)

    _check_reachable(file, initial, states, transitions)
    for s in final:
        if any(s in t.sources for t in transitions):
            raise DefinitionError(file, f"final: {s}", "a final state has outgoing transitions")

    return WorkflowDefinition(
        name=name,
        entity=entity,
        source_file=file,
        initial=initial,
        states=tuple(states),
        final_states=tuple(final),
        transitions=transitions,
        timers=timers,
        labels=labels,
        description=str(data.get("description", "")),
    )


def _required_str(data: Mapping[str, Any], key: str, file: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise DefinitionError(file, key, "missing or not a string")
    return value


def _names(value: Any, file: str, entry: str, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise DefinitionError(file, entry, f"{what} must be a name or a list of names")


def _transitions(
    raw: Any, file: str, states: list[str], registry: Registry
) -> Iterable[Transition]:
    if not isinstance(raw, list) or not raw:
        raise DefinitionError(file, "transitions", "a non-empty list of transitions")
    for i, t in enumerate(raw):
        trig = t.get("trigger") if isinstance(t, dict) else None
        entry = f"transitions[{i}]" + (f" (trigger {trig!r})" if trig else "")
        if not isinstance(t, dict) or not isinstance(trig, str):
            raise DefinitionError(file, entry, "each transition needs a trigger name")
        unknown = set(t) - {"trigger", "source", "dest", "conditions", "unless", "effects"}
        if unknown:
            raise DefinitionError(file, entry, f"unknown key(s): {', '.join(sorted(unknown))}")
        sources = _names(t.get("source"), file, entry, "source")
        if sources == ("*",):
            sources = tuple(states)
        if not sources:
            raise DefinitionError(file, entry, "missing source state")
        for s in sources:
            if s not in states:
                raise DefinitionError(file, entry, f"unknown source state {s!r}")
        dest = t.get("dest")
        if dest is not None and dest not in states:
            raise DefinitionError(file, entry, f"unknown destination state {dest!r}")
        conditions = _names(t.get("conditions"), file, entry, "conditions")
        unless = _names(t.get("unless"), file, entry, "unless")
        for g in (*conditions, *unless):
            if g not in registry.guards:
                raise DefinitionError(
                    file,
                    entry,
                    f"unknown guard {g!r}; known guards: {', '.join(sorted(registry.guards))}",
                )
        effects = _names(t.get("effects"), file, entry, "effects")
        for e in effects:
            if e not in registry.effects:
                raise DefinitionError(
                    file,
                    entry,
                    f"unknown effect {e!r}; known effects: {', '.join(sorted(registry.effects))}",
                )
        yield Transition(trig, sources, dest, conditions, unless, effects)


def _period_ok(amount: str) -> bool:
    return bool(re.fullmatch(r"\d+[dwm]", amount)) or amount in RulesOfProcedure.period_names()


def _timers(
    raw: Any, file: str, states: list[str], transitions: tuple[Transition, ...], model: type
) -> Iterable[TimerSpec]:
    if not isinstance(raw, list):
        raise DefinitionError(file, "timers", "a list of timers")
    names: set[str] = set()
    for i, t in enumerate(raw):
        tname = t.get("name") if isinstance(t, dict) else None
        entry = f"timers[{i}]" + (f" ({tname!r})" if tname else "")
        if not isinstance(t, dict) or not isinstance(tname, str):
            raise DefinitionError(file, entry, "each timer needs a name")
        if tname in names:
            raise DefinitionError(file, entry, "timer name used twice")
        names.add(tname)
        unknown = set(t) - {"name", "state", "trigger", "at", "time", "repeat"}
        if unknown:
            raise DefinitionError(file, entry, f"unknown key(s): {', '.join(sorted(unknown))}")
        state = t.get("state")
        if state not in states:
            raise DefinitionError(file, entry, f"unknown state {state!r}")
        trigger = t.get("trigger")
        known_triggers = {tr.trigger for tr in transitions}
        if trigger not in known_triggers:
            raise DefinitionError(
                file,
                entry,
                f"timer names a missing trigger {trigger!r}; triggers: {', '.join(sorted(known_triggers))}",
            )
        if not any(trigger == tr.trigger and state in tr.sources for tr in transitions):
            raise DefinitionError(
                file, entry, f"trigger {trigger!r} is not possible in state {state!r}"
            )
        at = t.get("at")
        m = _OFFSET.match(str(at)) if at is not None else None
        if m is None:
            raise DefinitionError(
                file,
                entry,
                f"'at' must read like 'entered + 7d' or 'starts_at - invitation_lead_days', not {at!r}",
            )
        anchor = m["anchor"]
        if anchor != "entered" and not hasattr(model, anchor):
            raise DefinitionError(
                file,
                entry,
                f"unknown anchor {anchor!r}: not 'entered' and no attribute of the entity",
            )
        amount = m["amount"]
        if amount is not None and not _period_ok(amount):
            raise DefinitionError(
                file,
                entry,
                f"unknown period {amount!r}; use e.g. 7d, 2w, 3m or one of: "
                + ", ".join(RulesOfProcedure.period_names()),
            )
        time_of_day = t.get("time")
        if time_of_day is not None and not _TIME.match(str(time_of_day)):
            raise DefinitionError(file, entry, f"time must be HH:MM, not {time_of_day!r}")
        repeat = t.get("repeat")
        if repeat is not None and not _period_ok(str(repeat)):
            raise DefinitionError(file, entry, f"unknown repeat period {repeat!r}")
        yield TimerSpec(
            name=tname,
            state=state,
            trigger=trigger,
            anchor=anchor,
            sign=-1 if m["sign"] == "-" else 1,
            amount=amount,
            time_of_day=str(time_of_day) if time_of_day is not None else None,
            repeat=str(repeat) if repeat is not None else None,
        )


def _labels(
    raw: Any, file: str, states: list[str], transitions: tuple[Transition, ...]
) -> dict[str, dict[str, str]]:
    if not isinstance(raw, dict):
        raise DefinitionError(
            file, "labels", "labels: {de: {...}, en: {...}} for every state and trigger"
        )
    labels: dict[str, dict[str, str]] = {}
    needed = [*states, *dict.fromkeys(t.trigger for t in transitions)]
    for lang in ("de", "en"):
        table = raw.get(lang)
        if not isinstance(table, dict):
            raise DefinitionError(file, f"labels.{lang}", "missing")
        missing = [n for n in needed if n not in table]
        if missing:
            raise DefinitionError(file, f"labels.{lang}", f"no label for: {', '.join(missing)}")
        labels[lang] = {str(k): str(v) for k, v in table.items()}
    return labels


def _check_reachable(
    file: str, initial: str, states: list[str], transitions: tuple[Transition, ...]
) -> None:
    reached = {initial}
    frontier = [initial]
    while frontier:
        s = frontier.pop()
        for t in transitions:
            if s in t.sources and t.dest is not None and t.dest not in reached:
                reached.add(t.dest)
                frontier.append(t.dest)
    for s in states:
        if s not in reached:
            raise DefinitionError(
                file, f"states: {s}", f"unreachable from the initial state {initial!r}"
            )
