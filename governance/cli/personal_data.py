"""`gremium person export EMAIL` and `gremium person erase EMAIL` (personal data)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from governance.cli.common import CliState, json_option, pass_state, print_json, t
from governance.lazy_import import lazy_module
from governance.retention import Retention

if TYPE_CHECKING:
    from governance.services import erasure, personal_data
else:  # loaded by its commands: `org list` and `person list` (same module) read through Core
    erasure = lazy_module("governance.services.erasure")
    personal_data = lazy_module("governance.services.personal_data")


@click.command("export")
@click.argument("email")
@pass_state
def person_export(state: CliState, email: str) -> None:
    """Alles, was über eine Person gespeichert ist, als JSON (Administration; jede Person für sich)."""
    with state.uow() as uow:
        data = personal_data.export(uow, email)
    print_json(data)


@click.command("erase")
@click.argument("email")
@pass_state
def person_erase(state: CliState, email: str) -> None:
    """Personenbezogene Daten löschen, soweit keine Aufbewahrungspflicht gilt (Administration)."""
    retention = Retention.from_settings(state.settings.retention, state.settings.source)
    with state.uow() as uow:
        done = erasure.erase(uow, email, retention)
    click.echo(
        t(
            state,
            "personal_data.erased",
            id=done.person_id,
            roles=done.roles_ended,
            messages=done.messages_purged,
        )
    )
    if not done.name_kept:
        click.echo(t(state, "personal_data.name_anonymised"))
    else:
        click.echo(t(state, "personal_data.name_kept"))
        for kept in done.kept:
            until = (
                t(state, "personal_data.until", date=kept.until.strftime("%d.%m.%Y"))
                if kept.until is not None
                else t(state, "personal_data.until_open")
            )
            click.echo(t(state, f"personal_data.kept.{kept.kind}", ref=kept.ref, until=until))
    if done.legacy_audit_records:
        click.echo(t(state, "personal_data.audit_legacy", count=done.legacy_audit_records))
    else:
        click.echo(t(state, "personal_data.audit_clean"))


@click.command("email-public")
@click.argument("email")
@click.option(
    "--yes/--no",
    "public",
    default=None,
    help="Einwilligung erteilt (--yes) oder widerrufen (--no) / consent given or withdrawn",
)
@json_option
@pass_state
def person_email_public(state: CliState, email: str, public: bool | None, as_json: bool) -> None:
    """Einwilligung einer Person in die Veröffentlichung ihrer E-Mail-Adresse (OParl) erfassen
    oder widerrufen (Administration; jede Person für sich)."""
    from governance.services import email_consent

    if public is None:
        raise click.UsageError(t(state, "consent.cli.choose"))
    with state.uow() as uow:
        done = email_consent.set_consent(uow, email, public=public)
        data = {"email": done.person.email, "email_public": public, "changed": done.changed}
    if as_json:
        print_json(data)
        return
    which = "yes" if public else "no"
    key = f"consent.cli.{which}" if done.changed else f"consent.cli.already_{which}"
    click.echo(t(state, key, email=data["email"]))


PERSON_COMMANDS = [person_export, person_erase, person_email_public]
"""Added to the `person` group by governance.cli.directory."""
