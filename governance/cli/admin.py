"""Running an installation: init, schema, workflows, audit trail, timers and the clock."""

from __future__ import annotations

from typing import Any

import click

from governance.cli import operations, workflow
from governance.cli.common import (
    CliState,
    json_option,
    pass_state,
    print_json,
    t,
)
from governance.database import Database
from governance.unit_of_work import Actor

# --- init and schema ---


@click.command("init")
@click.option(
    "--example",
    metavar="NAME",
    help="Beispiel anlegen: treptow-koepenick, gemeinschaftsinitiative",
)
@click.option("--admin-email", metavar="EMAIL", help="erste Administratorin anlegen (E-Mail)")
@click.option("--admin-name", metavar="NAME", help="Name der Administratorin")
@pass_state
def init(
    state: CliState, example: str | None, admin_email: str | None, admin_name: str | None
) -> None:
    """Datenbank einrichten (oder aktualisieren), optional mit Beispielgremium."""
    from governance import installation

    setup = installation.checked(
        state.settings, example=example, admin_email=admin_email, admin_name=admin_name
    )
    # The workflow definitions are validated before anything is set up on them.
    from pathlib import Path

    from governance.bootstrap import load_workflows

    load_workflows(Path(state.settings.workflows) if state.settings.workflows else None)

    before, after, url = _upgrade(state)
    key = (
        "cli.db.created"
        if before is None
        else "cli.db.upgraded"
        if before != after
        else "cli.db.current"
    )
    click.echo(t(state, key, url=url, revision=after))
    _key_the_chain(state)

    if setup.empty:
        click.echo(t(state, "cli.init.next_empty"))
        return
    with state.read() as session:
        installation.refuse_existing(session, setup)
    with state.uow(Actor.system()) as uow:
        summary = installation.create(uow, setup)
    if summary is not None:
        _print_example(state, summary)
    if summary is not None and summary.get("programme"):
        _default_committee(state, summary["short_name"])
    if setup.admin_email is not None:
        click.echo(t(state, "cli.init.admin_created", email=setup.admin_email))
        click.echo(t(state, "cli.init.next_admin", email=setup.admin_email))


def _upgrade(state: CliState) -> tuple[str | None, str, str]:
    db = Database(state.settings.database)
    try:
        before = db.current_revision(must_exist=False)  # init and upgrade may create the file
        db.upgrade()
        after = db.current_revision() or "—"
        return before, after, db.display_url()
    finally:
        db.dispose()


def _key_the_chain(state: CliState) -> None:
    # After the schema: the key file, and the seal of a chain not yet keyed.
    from governance.services import audit_trail

    for note in audit_trail.ensure_keyed(state.app):
        click.echo(t(state, note.key, **note.params))


def _state_label(state: CliState, workflow: str, name: str) -> str:
    definition = state.app.engine.definitions.get(workflow)
    return definition.label(name, state.lang) if definition else name


def _print_example(state: CliState, s: dict[str, Any]) -> None:
    from governance.examples import treptow_koepenick as tk

    click.echo(t(state, "cli.init.committee_created", name=s["committee"], short=s["short_name"]))
    for name, role in s["members"]:
        click.echo(f"  - {name} ({t(state, f'role.{role}')})")
    click.echo(t(state, "cli.init.counts", organisations=s["organisations"], people=s["people"]))
    if s["agreement"]:
        click.echo(
            t(
                state,
                "cli.init.agreement",
                title=s["agreement"],
                version_state=_state_label(state, "agreement", s["agreement_state"]),
            )
        )
    if s.get("programme"):
        _print_programme(state, s["programme"])
    click.echo(t(state, "cli.init.next_example", chair=tk.CHAIR_EMAIL, short=s["short_name"]))
    if s.get("programme"):
        click.echo(t(state, "programmes.init.next", short=s["programme"]["short_name"]))


def _default_committee(state: CliState, short: str) -> None:
    """With the programme's example there are two committees: commands without
    --committee need a default, written to the configuration file (unless it has one)."""
    from governance.config import write_default_committee
    from governance.examples.gemeinschaftsinitiative import SECOND_SHORT

    path = write_default_committee(state.settings, short)
    if path is not None:
        message = "programmes.init.default_committee"
        click.echo(t(state, message, committee=short, path=str(path), other=SECOND_SHORT))
    else:
        click.echo(t(state, "programmes.init.default_kept", path=state.settings.source))


def _print_programme(state: CliState, p: dict[str, Any]) -> None:
    """The programme of ``--example gemeinschaftsinitiative``: its areas and committees."""
    click.echo(
        t(
            state,
            "programmes.init.created",
            name=p["name"],
            short=p["short_name"],
            areas=len(p["areas"]),
        )
    )
    for area in p["areas"]:
        committees = ", ".join(c["short_name"] for c in area["committees"]) or "—"
        click.echo(f"  - {area['name']} ({area['short_name']}): {committees}")


@click.group("db")
def db_group() -> None:
    """Datenbankschema (Alembic-Migrationen)."""


@db_group.command("upgrade")
@pass_state
def db_upgrade(state: CliState) -> None:
    """Schema auf den neuesten Stand bringen."""
    before, after, url = _upgrade(state)
    key = (
        "cli.db.created"
        if before is None
        else "cli.db.upgraded"
        if before != after
        else "cli.db.current"
    )
    click.echo(t(state, key, url=url, revision=after))
    _key_the_chain(state)


@db_group.command("current")
@json_option
@pass_state
def db_current(state: CliState, as_json: bool) -> None:
    """Aktuelle und neueste Schemaversion zeigen."""
    db = Database(state.settings.database)
    try:
        current = db.current_revision(must_exist=True)  # a read: a mistyped path creates nothing
        head, url = db.head_revision(), db.display_url()
    finally:
        db.dispose()
    if as_json:
        print_json(
            {"database": url, "current": current, "head": head, "up_to_date": current == head}
        )
        return
    key = "cli.db.status_ok" if current == head else "cli.db.status_behind"
    click.echo(t(state, key, url=url, current=current or "—", head=head))


COMMANDS = [init, db_group, *workflow.COMMANDS, *operations.COMMANDS]
