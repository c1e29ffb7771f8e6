"""Workflow definitions: list them, show one as text, JSON or a Mermaid diagram."""

from __future__ import annotations

import click

from governance.cli.common import CliState, json_option, pass_state, print_json, print_table, t
from governance.cli.diagram import mermaid, text_lines
from governance.errors import InvalidInput, NotFound, Text
from governance.workflow.definition import WorkflowDefinition


def _definitions(state: CliState) -> dict[str, WorkflowDefinition]:
    from pathlib import Path

    from governance.bootstrap import load_workflows

    folder = state.settings.workflows
    return load_workflows(Path(folder) if folder else None)


@click.group("workflow")
def workflow_group() -> None:
    """Workflow-Definitionen (workflows/*.yaml)."""


@workflow_group.command("list")
@json_option
@pass_state
def workflow_list(state: CliState, as_json: bool) -> None:
    """Alle Workflows mit Zuständen, Übergängen und Zeitgebern."""
    rows = [
        {
            "name": d.name,
            "entity": d.entity,
            "file": d.source_file,
            "initial": d.initial,
            "states": list(d.states),
            "final": list(d.final_states),
            "triggers": d.triggers,
            "timers": [tm.name for tm in d.timers],
            "description": d.description,
        }
        for d in sorted(_definitions(state).values(), key=lambda d: d.name)
    ]
    if as_json:
        print_json(rows)
        return
    table = [
        {
            **r,
            "states": len(r["states"]),
            "triggers": len(r["triggers"]),
            "timers": len(r["timers"]),
        }
        for r in rows
    ]
    print_table(
        table,
        [
            ("name", t(state, "cli.col.workflow")),
            ("entity", t(state, "cli.col.entity")),
            ("states", t(state, "cli.col.states")),
            ("triggers", t(state, "cli.col.triggers")),
            ("timers", t(state, "cli.col.timers")),
            ("file", t(state, "cli.col.file")),
        ],
    )


@workflow_group.command("show")
@click.argument("name")
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    help="text | mermaid (Zustandsdiagramm) | json",
)
@json_option
@pass_state
def workflow_show(state: CliState, name: str, fmt: str, as_json: bool) -> None:
    """Einen Workflow zeigen: als Text, als Mermaid-Diagramm oder als JSON."""
    if as_json:
        fmt = "json"
    if fmt not in ("text", "mermaid", "json"):
        raise InvalidInput(
            "error.choice", what="--format", value=fmt, allowed="text, mermaid, json"
        )
    definitions = _definitions(state)
    definition = definitions.get(name)
    if definition is None:
        raise NotFound(
            "error.not_found",
            kind=Text("kind.workflow"),
            ref=name,
            hint=Text("hint.known", names=", ".join(sorted(definitions))),
        )
    if fmt == "mermaid":
        click.echo(mermaid(definition, state.lang))
    elif fmt == "json":
        from governance.cli.diagram import as_dict

        print_json(as_dict(definition, state.lang))
    else:
        for line in text_lines(definition, state.lang):
            click.echo(line)


COMMANDS = [workflow_group]
