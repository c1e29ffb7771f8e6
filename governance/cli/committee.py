"""Committees, their rules of procedure (Geschäftsordnung) and their members."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from governance.cli.common import (
    CliState,
    committee_option,
    default_committee,
    json_option,
    pass_state,
    print_json,
    print_table,
    state_label,
    t,
)
from governance.cli.csv_output import format_option, wanted, write_csv
from governance.cli.output import show_fields, yes_no
from governance.errors import InvalidInput, Text
from governance.lazy_import import lazy_module

if TYPE_CHECKING:
    from governance.services import directory, members, rules_of_procedure
    from governance.services import directory_views as views
else:  # loaded by the commands that use them: `committee list|show` read through Core
    directory = lazy_module("governance.services.directory")
    members = lazy_module("governance.services.members")
    rules_of_procedure = lazy_module("governance.services.rules_of_procedure")
    views = lazy_module("governance.services.directory_views")

# --- committees and their rules of procedure ---


def _rule_changes(settings: tuple[str, ...]) -> dict[str, str]:
    """Split KEY=VALUE pairs; the service checks the names and values."""
    changes: dict[str, str] = {}
    for item in settings:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InvalidInput("cli.rules.format", value=item)
        changes[name.strip()] = value.strip()
    return rules_of_procedure.parse_changes(changes)


@click.group("committee")
def committee_group() -> None:
    """Gremien und ihre Geschäftsordnung."""


@committee_group.command("add")
@click.argument("name")
@click.option("--short", "short_name", required=True, help="Kurzname, z. B. KG")
@click.option("--sender", "sender_email", required=True, help="Absenderadresse der Einladungen")
@click.option(
    "--set", "settings", multiple=True, metavar="KEY=VALUE", help="Regel der Geschäftsordnung"
)
@pass_state
def committee_add(
    state: CliState, name: str, short_name: str, sender_email: str, settings: tuple[str, ...]
) -> None:
    """Ein Gremium anlegen (nur Administration)."""
    changes = _rule_changes(settings)
    with state.uow() as uow:
        committee = directory.add_committee(
            uow, name=name, short_name=short_name, sender_email=sender_email, rules=changes
        )
        short, ident = committee.short_name, committee.id
    click.echo(t(state, "cli.committee.added", short=short, id=ident))


@committee_group.command("list")
@json_option
@pass_state
def committee_list(state: CliState, as_json: bool) -> None:
    """Alle Gremien."""
    from governance.reads.committees import list_committees

    with state.reading() as conn:
        rows = list_committees(conn)
    if as_json:
        print_json(rows)
        return
    print_table(
        rows,
        [
            ("id", t(state, "cli.col.id")),
            ("short_name", t(state, "cli.col.short_name")),
            ("name", t(state, "cli.col.name")),
        ],
    )


@committee_group.command("show")
@click.argument("ref", required=False, callback=default_committee)
@json_option
@pass_state
def committeeshow_fields(state: CliState, ref: str | None, as_json: bool) -> None:
    """Ein Gremium mit Mitgliedern, Geschäftsstelle und Geschäftsordnung."""
    from governance.clock import today_in_berlin
    from governance.reads.committees import committee_id_by_ref, committee_view

    with state.reading() as conn:
        committee_id = committee_id_by_ref(conn, ref)
        data = committee_view(conn, committee_id, today_in_berlin(state.clock(conn)))
    if as_json:
        print_json(data)
        return
    show_fields(
        state,
        data,
        [
            ("name", "cli.col.name"),
            ("short_name", "cli.col.short_name"),
            ("sender_email", "cli.col.email"),
        ],
    )
    click.echo(t(state, "cli.committee.members"))
    _print_members(state, data["members"])
    click.echo(t(state, "cli.committee.secretariat", people=", ".join(data["secretariat"]) or "—"))
    click.echo(t(state, "cli.committee.rules"))
    _print_rules(state, data["rules"])


def _print_rules(state: CliState, rules: dict[str, Any]) -> None:
    print_table(
        [
            {"key": k, "value": _rule_value(state, v), "meaning": t(state, f"rule.{k}")}
            for k, v in rules.items()
        ],
        [
            ("key", t(state, "cli.col.setting")),
            ("value", t(state, "cli.col.value")),
            ("meaning", t(state, "cli.col.meaning")),
        ],
    )


def _rule_value(state: CliState, value: Any) -> str:
    return yes_no(state, value) if isinstance(value, bool) else str(value)


@committee_group.command("rules")
@click.argument("ref", required=False, callback=default_committee)
@click.option(
    "--set", "settings", multiple=True, metavar="KEY=VALUE", help="Regel ändern (mehrfach möglich)"
)
@json_option
@pass_state
def committee_rules(
    state: CliState, ref: str | None, settings: tuple[str, ...], as_json: bool
) -> None:
    """Geschäftsordnung zeigen oder mit --set ändern."""
    if settings:
        changes = _rule_changes(settings)
        with state.uow() as uow:
            rules = rules_of_procedure.change_rules(uow, ref, changes).to_dict()
            short = directory.committee_by_ref(uow.session, ref).short_name
        if not as_json:
            click.echo(t(state, "cli.rules.changed", committee=short, keys=", ".join(changes)))
    else:
        with state.read() as session:
            committee = directory.committee_by_ref(session, ref)
            rules = committee.rules.to_dict()
    if as_json:
        print_json(rules)
    else:
        _print_rules(state, rules)


# --- members and secretariat ---


@click.group("member")
def member_group() -> None:
    """Mitgliedschaften von Organisationen in einem Gremium."""


@member_group.command("add")
@committee_option
@click.option("--org", "org_ref", required=True, help="Organisation (Kurzname oder Nummer)")
@click.option(
    "--role", default="member", show_default=True, help="chair | member | advisory | guest"
)
@click.option("--voting/--no-voting", default=None, help="Stimmrecht (Standard: nach Rolle)")
@click.option(
    "--from", "starts_on", default=None, metavar="DATE", help="Beginn JJJJ-MM-TT (Standard: heute)"
)
@click.option("--representative", "representatives", multiple=True, required=True, metavar="EMAIL")
@click.option("--deputy", "deputies", multiple=True, metavar="EMAIL")
@pass_state
def member_add(
    state: CliState,
    committee_ref: str | None,
    org_ref: str,
    role: str,
    voting: bool | None,
    starts_on: str | None,
    representatives: tuple[str, ...],
    deputies: tuple[str, ...],
) -> None:
    """Eine Organisation als Mitglied aufnehmen (Vorsitz, Geschäftsstelle)."""
    with state.uow() as uow:
        membership = members.add_member(
            uow,
            committee_ref,
            organisation=org_ref,
            role=role,
            voting=voting,
            starts_on=starts_on,
            representatives=representatives,
            deputies=deputies,
        )
        data = views.membership_view(membership)
    click.echo(
        t(
            state,
            "cli.member.added",
            organisation=data["organisation"],
            committee=data["committee"],
            role=Text(f"role.{data['role']}").render(state.lang),
            starts_on=data["starts_on"].isoformat(),
        )
    )


def _print_members(state: CliState, rows: list[dict[str, Any]]) -> None:
    table = [
        {
            **r,
            "role": t(state, f"role.{r['role']}"),
            "voting": yes_no(state, r["voting"]),
            "starts_on": r["starts_on"].isoformat(),
            "ends_on": r["ends_on"].isoformat() if r["ends_on"] else None,
            "state": state_label(state, "membership", r["state"]),
        }
        for r in rows
    ]
    print_table(
        table,
        [
            ("organisation", t(state, "cli.col.organisation")),
            ("role", t(state, "cli.col.role")),
            ("voting", t(state, "cli.col.voting")),
            ("representatives", t(state, "cli.col.representatives")),
            ("deputies", t(state, "cli.col.deputies")),
            ("starts_on", t(state, "cli.col.from")),
            ("ends_on", t(state, "cli.col.until")),
            ("state", t(state, "cli.col.state")),
        ],
    )


@member_group.command("list")
@committee_option
@json_option
@format_option
@pass_state
def member_list(
    state: CliState, committee_ref: str | None, as_json: bool, fmt: str, out: Path | None
) -> None:
    """Alle Mitgliedschaften des Gremiums, auch beendete."""
    fmt = wanted(fmt, as_json)
    if fmt == "csv":
        from governance.reads.committees import committee_id_by_ref
        from governance.services.csv_export import export

        with state.reading() as conn:
            document = export(conn, "members", committee_id_by_ref(conn, committee_ref), state.lang)
        write_csv(state, document, out)
        return
    with state.read() as session:
        committee = directory.committee_by_ref(session, committee_ref)
        rows = views.list_memberships(session, committee)
    if fmt == "json":
        print_json(rows)
        return
    _print_members(state, rows)


COMMANDS = [committee_group, member_group]
