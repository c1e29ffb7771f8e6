"""The directory: organisations, people, committees, their rules, members and secretariat.

Every change goes through governance.services.directory inside one unit of
work (permission checks and the audit record live there); listings read
plain dicts from governance.services.directory_views.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from governance.cli import committee, personal_data
from governance.cli.common import (
    CliState,
    committee_option,
    json_option,
    pass_state,
    print_json,
    print_table,
    state_label,
    t,
)
from governance.cli.output import show_fields, yes_no
from governance.lazy_import import lazy_module

if TYPE_CHECKING:
    from governance.services import directory
    from governance.services import directory_views as views
else:  # loaded by the commands that use them: `org list`, `person list` read through Core
    directory = lazy_module("governance.services.directory")
    views = lazy_module("governance.services.directory_views")

# --- organisations ---


@click.group("org")
def org_group() -> None:
    """Organisationen (Träger, Bezirksamt, Verbände)."""


@org_group.command("add")
@click.argument("name")
@click.option("--short", "short_name", required=True, help="Kurzname")
@click.option(
    "--kind",
    required=True,
    help="public_body | association | non_profit_company | umbrella_association",
)
@pass_state
def org_add(state: CliState, name: str, short_name: str, kind: str) -> None:
    """Eine Organisation anlegen."""
    with state.uow() as uow:
        org = directory.add_organisation(uow, name=name, short_name=short_name, kind=kind)
        ident, short = org.id, org.short_name
    click.echo(t(state, "cli.org.added", short=short, id=ident))


@org_group.command("list")
@json_option
@pass_state
def org_list(state: CliState, as_json: bool) -> None:
    """Alle Organisationen."""
    from governance.reads.directory import organisations

    with state.reading() as conn:
        rows = organisations(conn)
    if as_json:
        print_json(rows)
        return
    table = [{**r, "kind": t(state, f"orgkind.{r['kind']}")} for r in rows]
    print_table(
        table,
        [
            ("id", t(state, "cli.col.id")),
            ("short_name", t(state, "cli.col.short_name")),
            ("kind", t(state, "cli.col.kind")),
            ("name", t(state, "cli.col.name")),
        ],
    )


@org_group.command("show")
@click.argument("ref")
@json_option
@pass_state
def orgshow_fields(state: CliState, ref: str, as_json: bool) -> None:
    """Eine Organisation mit ihren Personen und Mitgliedschaften."""
    with state.read() as session:
        org = directory.organisation_by_ref(session, ref)
        data = {
            **views.organisation_view(org),
            "people": views.list_people(session, org),
            "memberships": views.memberships_of_organisation(session, org),
        }
    if as_json:
        print_json(data)
        return
    show_fields(
        state,
        {**data, "kind": t(state, f"orgkind.{data['kind']}")},
        [
            ("name", "cli.col.name"),
            ("short_name", "cli.col.short_name"),
            ("kind", "cli.col.kind"),
        ],
    )
    click.echo(t(state, "cli.org.people"))
    for p in data["people"]:
        click.echo(f"  {p['name']} <{p['email']}> {p['function_title']}".rstrip())
    click.echo(t(state, "cli.org.memberships"))
    for m in data["memberships"]:
        click.echo(
            f"  {m['committee']}: {t(state, 'role.' + m['role'])}, "
            f"{m['starts_on'].isoformat()} – {m['ends_on'].isoformat() if m['ends_on'] else ''} "
            f"({state_label(state, 'membership', m['state'])})"
        )


# --- people ---


@click.group("person")
def person_group() -> None:
    """Personen (Vertretungen, Stellvertretungen, Geschäftsstelle)."""


@person_group.command("add")
@click.argument("name")
@click.option("--email", required=True, help="E-Mail-Adresse")
@click.option("--function", "function_title", default="", help="Funktionsbezeichnung")
@click.option("--language", default="de", show_default=True, help="de | en")
@click.option("--org", "org_ref", default=None, help="Organisation (Kurzname oder Nummer)")
@pass_state
def person_add(
    state: CliState,
    name: str,
    email: str,
    function_title: str,
    language: str,
    org_ref: str | None,
) -> None:
    """Eine Person anlegen."""
    with state.uow() as uow:
        person = directory.add_person(
            uow,
            name=name,
            email=email,
            function_title=function_title,
            language=language,
            organisation=org_ref,
        )
        address = person.email
    click.echo(t(state, "cli.person.added", email=address))


@person_group.command("list")
@click.option("--org", "org_ref", default=None, help="nur Personen dieser Organisation")
@json_option
@pass_state
def person_list(state: CliState, org_ref: str | None, as_json: bool) -> None:
    """Alle Personen."""
    from governance.reads import tables
    from governance.reads.directory import organisation_id_by_ref, people

    with state.reading() as conn:
        where = []
        if org_ref:
            org_id = organisation_id_by_ref(conn, org_ref)
            where.append(tables.directory_people.c.organisation_id == org_id)
        rows = people(conn, *where)
    if as_json:
        print_json(rows)
        return
    table = [{**r, "admin": yes_no(state, r["is_admin"])} for r in rows]
    print_table(
        table,
        [
            ("email", t(state, "cli.col.email")),
            ("name", t(state, "cli.col.name")),
            ("organisation", t(state, "cli.col.organisation")),
            ("function_title", t(state, "cli.col.function")),
            ("admin", t(state, "cli.col.admin")),
        ],
    )


@person_group.command("show")
@click.argument("email")
@json_option
@pass_state
def personshow_fields(state: CliState, email: str, as_json: bool) -> None:
    """Eine Person mit den Mitgliedschaften, für die sie handelt."""
    with state.read() as session:
        person = directory.person_by_email(session, email)
        data = {
            **views.person_view(person),
            # consent to the address being published through OParl (person email-public)
            "email_public": person.email_public,
            "memberships": views.memberships_of_person(session, person),
        }
    if as_json:
        print_json(data)
        return
    show_fields(
        state,
        data,
        [
            ("name", "cli.col.name"),
            ("email", "cli.col.email"),
            ("function_title", "cli.col.function"),
            ("organisation", "cli.col.organisation"),
            ("is_admin", "cli.col.admin"),
            ("email_public", "consent.col.email_public"),
        ],
    )
    click.echo(t(state, "cli.org.memberships"))
    for m in data["memberships"]:
        click.echo(f"  {m['committee']}: {m['organisation']} ({t(state, 'role.' + m['capacity'])})")


@click.group("secretariat")
def secretariat_group() -> None:
    """Die Geschäftsstelle eines Gremiums."""


@secretariat_group.command("add")
@click.argument("email")
@committee_option
@pass_state
def secretariat_add(state: CliState, email: str, committee_ref: str | None) -> None:
    """Eine Person in die Geschäftsstelle aufnehmen (Vorsitz)."""
    with state.uow() as uow:
        member = directory.add_secretariat(uow, committee_ref, email)
        short, address = member.committee.short_name, member.person.email
    click.echo(t(state, "cli.secretariat.added", email=address, committee=short))


# `person export` and `person erase` (personal data) have a module of their own.
for _command in personal_data.PERSON_COMMANDS:
    person_group.add_command(_command)

COMMANDS = [org_group, person_group, *committee.COMMANDS, secretariat_group]
