"""Small output helpers shared by the command modules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from governance.cli.common import CliState, t
from governance.clock import BERLIN


def berlin(moment: dt.datetime | None) -> str:
    """A moment as Berlin local time, the way users read it."""
    return moment.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M") if moment else "—"


def yes_no(state: CliState, value: bool) -> str:
    return t(state, "cli.yes" if value else "cli.no")


def show_fields(state: CliState, data: dict[str, Any], keys: list[tuple[str, str]]) -> None:
    """Print *keys* of *data* as "label: value" lines; keys are (field, catalogue key) pairs."""
    width = max(len(t(state, label)) for _, label in keys)
    for key, label in keys:
        value = data.get(key)
        if isinstance(value, bool):
            value = yes_no(state, value)
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value) or "—"
        elif value is None or value == "":
            value = "—"
        elif isinstance(value, dt.datetime):
            value = berlin(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        click.echo(f"{t(state, label) + ':':<{width + 1}} {value}")
