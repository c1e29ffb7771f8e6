"""What readers call a workflow's states and triggers ("eingeladen", "einladen"),
read from the ``labels`` of the definitions without building the engine.

A listing that names states needs only these words: parsing the YAML for them
(libyaml where installed) costs a few milliseconds, building the `transitions`
machines and importing the services that register guards and effects costs
more than the whole listing. The full definitions, checked, are
:mod:`governance.workflow.definition`; both pick a label with :func:`label`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

Labels = Mapping[str, Mapping[str, str]]
"""language -> (state or trigger -> label)"""


class UnreadableDefinition(Exception):
    """A definition this quick reader cannot read. The caller loads the definitions
    fully (``bootstrap.load_workflows``), which reports the fault in the user's terms;
    the engine lies above this module, so it is not called from here."""


def label(labels: Labels, name: str, lang: str) -> str:
    """*name* as readers of *lang* call it; German where a language lacks it, else the name."""
    return labels.get(lang, {}).get(name) or labels.get("de", {}).get(name) or name


def workflow_labels(folder: Path) -> dict[str, Labels]:
    """The labels of every workflow defined in *folder*, by workflow name."""
    return {name: labels for name, (labels, _) in _read(folder).items()}


def workflow_states(folder: Path, workflow: str) -> tuple[str, ...]:
    """The states of *workflow* as its definition lists them (what ``--state`` accepts)."""
    return _read(folder)[workflow][1]


def triggers_from(folder: Path, workflow: str, state: str) -> list[str]:
    """The triggers of *workflow* allowed in *state*, in the order the definition
    names them (as :meth:`WorkflowDefinition.triggers_from` gives them)."""
    seen: dict[str, None] = {}
    for trigger, sources in _transitions(folder)[workflow]:
        if state in sources:
            seen.setdefault(trigger, None)
    return list(seen)


@functools.cache
def _read(folder: Path) -> dict[str, tuple[Labels, tuple[str, ...]]]:
    """Labels and states of every workflow defined in *folder*, by workflow name.

    A definition that cannot be read this simply raises UnreadableDefinition."""
    found: dict[str, tuple[Labels, tuple[str, ...]]] = {}
    for path, data in _documents(folder):
        try:
            raw = data["labels"]
            labels = {lang: {str(k): str(v) for k, v in raw[lang].items()} for lang in ("de", "en")}
            found[str(data["name"])] = (labels, tuple(str(s) for s in data["states"]))
        except (TypeError, KeyError, AttributeError) as exc:
            raise UnreadableDefinition(path) from exc
    return found


@functools.cache
def _transitions(folder: Path) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """(trigger, source states) of each transition of every workflow, by workflow
    name; a source "*" stands for every state, as in the full definitions."""
    found: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    for path, data in _documents(folder):
        try:
            states = tuple(str(s) for s in data["states"])
            pairs = []
            for t in data["transitions"]:
                source = t["source"]
                sources = (source,) if isinstance(source, str) else tuple(source)
                if not sources or not all(isinstance(s, str) for s in sources):
                    raise TypeError(source)
                pairs.append((str(t["trigger"]), states if sources == ("*",) else sources))
            found[str(data["name"])] = tuple(pairs)
        except (TypeError, KeyError, AttributeError) as exc:
            raise UnreadableDefinition(path) from exc
    return found


@functools.cache
def _documents(folder: Path) -> tuple[tuple[Path, Any], ...]:
    """The parsed YAML of each definition in *folder*."""
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            found.append((path, yaml.load(path.read_text(encoding="utf-8"), Loader=loader)))
        except yaml.YAMLError as exc:
            raise UnreadableDefinition(path) from exc
    return tuple(found)
