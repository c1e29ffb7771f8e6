"""``gremium withdrawal``: a member organisation leaves the committee (Austritt).

Notice is given on a day; the membership ends after the notice period of the
rules of procedure (or on a later requested day), when the timer fires.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

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
from governance.services import directory, withdrawal


def _label(state: CliState, name: str) -> str:
    return state.app.engine.definitions["membership"].label(name, state.lang)


@click.group("withdrawal")
def withdrawal_group() -> None:
    """Austritt von Mitgliedern mit der Kündigungsfrist der Geschäftsordnung."""


@withdrawal_group.command("notice")
@committee_option
@click.option("--org", "org_ref", required=True, help="austretende Organisation (Kurzname)")
@click.option(
    "--date",
    "day",
    default=None,
    help="Tag der Erklärung (JJJJ-MM-TT, Standard: heute); früher nur nachträglich erfasst "
    "durch Vorsitz oder Geschäftsstelle",
)
@click.option(
    "--effective",
    default=None,
    help="ausgeschieden ab (Standard und frühestens: Tag der Erklärung + Kündigungsfrist)",
)
@json_option
@pass_state
def notice_cmd(
    state: CliState,
    committee_ref: str | None,
    org_ref: str,
    day: str | None,
    effective: str | None,
    as_json: bool,
) -> None:
    """Den Austritt einer Organisation erklären (eigene Vertretung) oder erfassen (Vorsitz,
    Geschäftsstelle)."""
    with state.uow() as uow:
        membership = withdrawal.give_notice(
            uow, committee_ref, org_ref, given_on=day, effective_on=effective
        )
        data = withdrawal.describe(membership)
    if as_json:
        print_json(data)
        return
    assert data["ends_on"] is not None
    message = t(
        state,
        "withdrawal.cli.noticed",
        organisation=data["organisation"],
        given_on=_given_on(state, data),
        last_day=(data["ends_on"] - dt.timedelta(days=1)).isoformat(),
        ends_on=data["ends_on"].isoformat(),
    )
    click.echo(message)


def _given_on(state: CliState, row: dict[str, Any]) -> str | None:
    """The day of the notice, marked when it was recorded later than given."""
    if row["notice_given_on"] is None:
        return None
    given_on = row["notice_given_on"].isoformat()
    if row["notice_recorded_on"] is None:
        return given_on
    recorded_on = row["notice_recorded_on"].isoformat()
    return t(state, "withdrawal.cli.recorded_later", given_on=given_on, recorded_on=recorded_on)


@withdrawal_group.command("revoke")
@committee_option
@click.option("--org", "org_ref", required=True, help="Organisation (Kurzname)")
@pass_state
def revoke_cmd(state: CliState, committee_ref: str | None, org_ref: str) -> None:
    """Eine Austrittserklärung zurücknehmen, solange die Frist läuft."""
    with state.uow() as uow:
        membership = withdrawal.revoke_notice(uow, committee_ref, org_ref)
        short = membership.organisation.short_name
    click.echo(t(state, "withdrawal.cli.revoked", organisation=short))


@withdrawal_group.command("list")
@committee_option
@json_option
@pass_state
def list_cmd(state: CliState, committee_ref: str | None, as_json: bool) -> None:
    """Erklärte und vollzogene Austritte."""
    with state.read() as session:
        committee = directory.committee_by_ref(session, committee_ref)
        rows = [withdrawal.describe(m) for m in withdrawal.withdrawals(session, committee)]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "withdrawal.cli.none"))
        return
    for row in rows:
        row["state_label"] = _label(state, row["state"])
        row["notice_given_on"] = _given_on(state, row)
    headings = t(state, "withdrawal.cli.heading").split("|")
    keys = ["organisation", "state_label", "notice_given_on", "ends_on"]
    print_table(rows, list(zip(keys, headings, strict=True)))


COMMANDS = [withdrawal_group]
