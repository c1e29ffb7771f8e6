"""Running an installation: init, schema, workflows, audit trail, timers and the clock."""

from __future__ import annotations

from typing import Any

import click
from sqlalchemy import func, select

from governance.cli import audit, timers, workflow
from governance.cli.common import (
    CliState,
    json_option,
    pass_state,
    print_json,
    t,
)
from governance.database import Database
from governance.errors import GremiumError, InvalidInput, NotFound
from governance.models import Agreement, Committee, Membership, Organisation, Person
from governance.services import directory, validation
from governance.unit_of_work import Actor

EXAMPLES = ("treptow-koepenick",)


# --- init and schema ---


@click.command("init")
@click.option(
    "--example",
    metavar="NAME",
    help="Beispielgremium anlegen: treptow-koepenick",
)
@click.option("--admin-email", metavar="EMAIL", help="erste Administratorin anlegen (E-Mail)")
@click.option("--admin-name", metavar="NAME", help="Name der Administratorin")
@pass_state
def init(
    state: CliState, example: str | None, admin_email: str | None, admin_name: str | None
) -> None:
    """Datenbank einrichten (oder aktualisieren), optional mit Beispielgremium."""
    # Check what was typed before touching the database: a mistake changes nothing.
    if example is not None and example not in EXAMPLES:
        raise InvalidInput(
            "error.choice", what="--example", value=example, allowed=", ".join(EXAMPLES)
        )
    if admin_email is not None:
        from governance.mail.settings import mail_settings

        utf8 = mail_settings(state.settings).smtputf8
        admin_email = validation.email(admin_email, utf8_local=utf8)
        if not admin_name:
            raise InvalidInput("cli.init.admin_name_missing")
        admin_name = validation.text(admin_name, "--admin-name", 200)
    elif admin_name:
        raise InvalidInput("cli.init.admin_email_missing")
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

    if example is None and admin_email is None:
        click.echo(t(state, "cli.init.next_empty"))
        return
    _refuse_existing(state, example, admin_email)
    with state.uow(Actor.system()) as uow:
        committee = None
        if example is not None:
            from governance.examples import treptow_koepenick

            committee = treptow_koepenick.create(uow)
        if admin_email is not None:
            directory.add_person(uow, name=admin_name or "", email=admin_email, is_admin=True)
        summary = _summary(uow.session, committee) if committee is not None else None
    if summary is not None:
        _print_example(state, summary)
    if admin_email is not None:
        click.echo(t(state, "cli.init.admin_created", email=admin_email))
        click.echo(t(state, "cli.init.next_admin", email=admin_email))


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


def _refuse_existing(state: CliState, example: str | None, admin_email: str | None) -> None:
    # Checked up front (not left to the services' Conflict) so that a repeated
    # init is a plain "already there" without an audited refusal.
    from governance.examples import treptow_koepenick

    with state.read() as session:
        if example is not None:
            existing = session.execute(
                select(Committee).where(Committee.short_name == treptow_koepenick.COMMITTEE_SHORT)
            ).scalar_one_or_none()
            if existing is not None:
                raise GremiumError(
                    "cli.init.example_exists", committee=existing.short_name, name=existing.name
                )
        if admin_email is not None:
            try:
                directory.person_by_email(session, admin_email)
            except NotFound:
                pass
            else:
                raise GremiumError("cli.init.person_exists", email=admin_email)


def _summary(session: Any, committee: Committee) -> dict[str, Any]:
    session.flush()
    members = session.execute(
        select(Membership).where(Membership.committee_id == committee.id).order_by(Membership.id)
    ).scalars()
    agreement = session.execute(
        select(Agreement).where(Agreement.committee_id == committee.id)
    ).scalar_one_or_none()
    return {
        "committee": committee.name,
        "short_name": committee.short_name,
        "members": [(m.organisation.name, m.role) for m in members],
        "organisations": session.execute(select(func.count(Organisation.id))).scalar_one(),
        "people": session.execute(select(func.count(Person.id))).scalar_one(),
        "agreement": agreement.title if agreement else None,
        "agreement_state": agreement.versions[-1].state
        if agreement and agreement.versions
        else None,
    }


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
    click.echo(t(state, "cli.init.next_example", chair=tk.CHAIR_EMAIL, short=s["short_name"]))


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


COMMANDS = [init, db_group, *workflow.COMMANDS, *audit.COMMANDS, *timers.COMMANDS]
