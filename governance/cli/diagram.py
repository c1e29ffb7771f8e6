"""Drawing and describing a workflow definition: Mermaid, plain text, JSON.

The Mermaid diagram comes from the `transitions` diagrams extension
(GraphMachine with graph_engine="mermaid", which needs no Graphviz), built
from the validated definition rather than from the running engine, so the
drawing shows exactly what the YAML declares, guards included.
"""

from __future__ import annotations

from typing import Any

from transitions import State
from transitions.extensions.diagrams import GraphMachine
from transitions.extensions.diagrams_mermaid import DigraphMock

from governance.i18n import translate
from governance.workflow.definition import TimerSpec, WorkflowDefinition


class _LabelledState(State):
    """A state that carries a display label (the diagram shows it, the engine never sees it)."""

    def __init__(self, *args: Any, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label = label


class _DiagramMachine(GraphMachine):
    state_cls = _LabelledState


def mermaid(definition: WorkflowDefinition, lang: str = "de") -> str:
    """The definition as a Mermaid stateDiagram: states by label, edges by trigger with [guards]."""
    machine = _DiagramMachine(
        model=None,
        states=[{"name": s, "label": definition.label(s, lang)} for s in definition.states],
        initial=definition.initial,
        auto_transitions=False,
        graph_engine="mermaid",
        show_conditions=True,
        title=definition.name,
    )
    for tr in definition.transitions:
        # Guards are passed by name only: the diagram never fires anything.
        machine.add_transition(
            tr.trigger,
            list(tr.sources),
            tr.dest,
            conditions=list(tr.conditions) or None,
            unless=list(tr.unless) or None,
        )
    graph = machine.graph_cls(machine).get_graph(title=definition.name)
    # graph_engine="mermaid" draws with the Mermaid graph, whose result holds the text.
    assert isinstance(graph, DigraphMock)
    source = graph.source
    # transitions writes a bare title into the front matter; Mermaid wants
    # "title: ...". The Graphviz-derived class styling is dropped as noise.
    lines = ["---", f"title: {definition.name}", "---"]
    lines += [
        line
        for line in source.splitlines()[3:]
        if line.strip() and not line.strip().startswith(("classDef ", "Class "))
    ]
    lines += [f"  {final} --> [*]" for final in definition.final_states]
    return "\n".join(lines)


def _timer_text(spec: TimerSpec) -> str:
    at = spec.anchor
    if spec.amount:
        at += f" {'+' if spec.sign > 0 else '-'} {spec.amount}"
    if spec.time_of_day:
        at += f" {spec.time_of_day}"
    return at


def text_lines(definition: WorkflowDefinition, lang: str = "de") -> list[str]:
    """A readable description: states, transitions with guards and effects, timers."""

    def tr(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    label = definition.label
    out = [
        tr(
            "cli.wf.title",
            name=definition.name,
            entity=definition.entity,
            file=definition.source_file,
        )
    ]
    if definition.description:
        out.append(f"  {definition.description.strip()}")
    out.append("")
    out.append(tr("cli.wf.states"))
    for s in definition.states:
        mark = (
            tr("cli.wf.initial")
            if s == definition.initial
            else tr("cli.wf.final")
            if s in definition.final_states
            else ""
        )
        out.append(f"  {s:<24} {label(s, lang)}{f'  ({mark})' if mark else ''}")
    out.append("")
    out.append(tr("cli.wf.transitions"))
    for t in definition.transitions:
        dest = t.dest if t.dest is not None else tr("cli.wf.internal")
        out.append(f"  {t.trigger} ({label(t.trigger, lang)}): {', '.join(t.sources)} → {dest}")
        if t.conditions:
            out.append(f"      {tr('cli.wf.conditions')}: {', '.join(t.conditions)}")
        if t.unless:
            out.append(f"      {tr('cli.wf.unless')}: {', '.join(t.unless)}")
        if t.effects:
            out.append(f"      {tr('cli.wf.effects')}: {', '.join(t.effects)}")
    out.append("")
    out.append(tr("cli.wf.timers"))
    if not definition.timers:
        out.append(f"  {tr('cli.wf.none')}")
    for spec in definition.timers:
        line = tr(
            "cli.wf.timer",
            name=spec.name,
            state=spec.state,
            at=_timer_text(spec),
            trigger=spec.trigger,
        )
        if spec.repeat:
            line += tr("cli.wf.repeat", period=spec.repeat)
        out.append(f"  {line}")
    return out


def as_dict(definition: WorkflowDefinition, lang: str = "de") -> dict[str, Any]:
    return {
        "name": definition.name,
        "entity": definition.entity,
        "file": definition.source_file,
        "description": definition.description,
        "initial": definition.initial,
        "final": list(definition.final_states),
        "states": [{"name": s, "label": definition.label(s, lang)} for s in definition.states],
        "transitions": [
            {
                "trigger": t.trigger,
                "label": definition.label(t.trigger, lang),
                "sources": list(t.sources),
                "dest": t.dest,
                "conditions": list(t.conditions),
                "unless": list(t.unless),
                "effects": list(t.effects),
            }
            for t in definition.transitions
        ],
        "timers": [
            {
                "name": s.name,
                "state": s.state,
                "trigger": s.trigger,
                "at": _timer_text(s),
                "repeat": s.repeat,
            }
            for s in definition.timers
        ],
    }
