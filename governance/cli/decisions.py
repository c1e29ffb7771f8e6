"""``gremium decisions`` (the register) and ``gremium actions`` (action items)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from governance.cli.common import (
    CliState,
    committee_option,
    json_option,
    pass_state,
    print_json,
    print_table,
    t,
)
from governance.cli.csv_output import format_option, wanted, write_csv
from governance.errors import InvalidInput
from governance.lazy_import import lazy_module

if TYPE_CHECKING:
    from governance.services import action_items, meeting_session
else:  # loaded by the commands that change something: the listings read through Core
    action_items = lazy_module("governance.services.action_items")
    meeting_session = lazy_module("governance.services.meeting_session")


@click.group("decisions")
def decisions_group() -> None:
    """Beschlussregister des Gremiums."""


@decisions_group.command("list")
@committee_option
@click.option("--year", default=None, help="nur dieses Jahr")
@json_option
@format_option
@pass_state
def decisions_list(
    state: CliState,
    committee_ref: str | None,
    year: str | None,
    as_json: bool,
    fmt: str,
    out: Path | None,
) -> None:
    """Alle Beschlüsse mit Nummer (z. B. KG-2026/07), Abstimmung und Ergebnis."""
    if year is not None and not (year.isdigit() and len(year) == 4):
        raise InvalidInput("decision.error.year", value=year)
    fmt = wanted(fmt, as_json)
    from governance.reads.committees import committee_id_by_ref
    from governance.reads.decisions import register

    if fmt == "csv":
        from governance.services.csv_export import export

        with state.reading() as conn:
            cid = committee_id_by_ref(conn, committee_ref)
            document = export(conn, "decisions", cid, state.lang, year=int(year) if year else None)
        write_csv(state, document, out)
        return
    with state.reading() as conn:
        rows = register(conn, committee_id_by_ref(conn, committee_ref), int(year) if year else None)
    if fmt == "json":
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "decision.cli.none"))
        return
    for row in rows:
        v = row["votes"]
        assert isinstance(v, dict)
        row["count"] = f"{v['yes']}:{v['no']}:{v['abstain']}"
        row["result"] = t(state, "vote.carried" if row["carried"] else "vote.rejected")
        row["text"] = " ".join(str(row["text"]).split())  # one line in the table
        if row["written_procedure"] is not None:  # where a meeting's item would be
            where = t(state, "written.register.where", number=row["written_procedure"])
            row["title"] = f"{where}: {row['title']}"
    headings = t(state, "decision.cli.heading").split("|")
    keys = ["reference", "decided_on", "title", "count", "result", "text"]
    print_table(rows, list(zip(keys, headings, strict=True)))


@click.group("actions")
def actions_group() -> None:
    """Aufgaben (Arbeitsaufträge) aus den Sitzungen."""


@actions_group.command("add")
@click.argument("item_ref", metavar="ITEM")
@click.option("--what", required=True, help="was zu tun ist")
@click.option("--who", required=True, help="Organisation (Kurzname) oder E-Mail einer Person")
@click.option("--due", required=True, help="bis wann (JJJJ-MM-TT)")
@pass_state
def actions_add(state: CliState, item_ref: str, what: str, who: str, due: str) -> None:
    """In der Sitzung unter einem TOP (z. B. 5/3) eine Aufgabe festhalten."""
    with state.uow() as uow:
        action = meeting_session.add_action(uow, item_ref, what=what, who=who, due=due)
        message = t(
            state,
            "action.cli.added",
            id=action.id,
            who=action.owner_label,
            due=action.due_on.isoformat(),
        )
    click.echo(message)


@actions_group.command("list")
@committee_option
@click.option("--status", "status", default=None, help="open | done | dropped")
@json_option
@format_option
@pass_state
def actions_list(
    state: CliState,
    committee_ref: str | None,
    status: str | None,
    as_json: bool,
    fmt: str,
    out: Path | None,
) -> None:
    """Alle Aufgaben, nach Fälligkeit."""
    from governance.reads.action_items import action_items as listed
    from governance.reads.committees import committee_id_by_ref

    fmt = wanted(fmt, as_json)
    if fmt == "csv":
        if status is not None:
            raise InvalidInput("report.cli.csv_whole_list", option="--status")
        from governance.services.csv_export import export

        with state.reading() as conn:
            document = export(conn, "actions", committee_id_by_ref(conn, committee_ref), state.lang)
        write_csv(state, document, out)
        return
    with state.reading() as conn:
        rows = listed(conn, committee_id_by_ref(conn, committee_ref), status)
    if fmt == "json":
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "action.cli.none"))
        return
    for row in rows:
        row["status"] = t(state, f"action.state.{row['state']}")
    headings = t(state, "action.cli.heading").split("|")
    print_table(rows, list(zip(["id", "what", "who", "due_on", "status"], headings, strict=True)))


@actions_group.command("done")
@click.argument("ref", metavar="ID")
@click.option("--note", default="", help="Bemerkung")
@pass_state
def actions_done(state: CliState, ref: str, note: str) -> None:
    """Eine Aufgabe als erledigt melden (zuständige Organisation, Vorsitz oder Geschäftsstelle)."""
    with state.uow() as uow:
        action = action_items.action_by_id(uow.session, ref)
        action_items.complete(uow, action, note=note)
        message = t(
            state,
            "action.cli.changed",
            id=action.id,
            status=t(state, f"action.state.{action.state}"),
        )
    click.echo(message)


@actions_group.command("drop")
@click.argument("ref", metavar="ID")
@click.option("--reason", required=True)
@pass_state
def actions_drop(state: CliState, ref: str, reason: str) -> None:
    """Eine Aufgabe entfallen lassen, mit Begründung."""
    with state.uow() as uow:
        action = action_items.action_by_id(uow.session, ref)
        action_items.drop(uow, action, reason=reason)
        message = t(
            state,
            "action.cli.changed",
            id=action.id,
            status=t(state, f"action.state.{action.state}"),
        )
    click.echo(message)


COMMANDS = [decisions_group, actions_group]
