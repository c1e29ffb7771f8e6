"""``gremium procedure``: the written procedure (Umlaufverfahren), a decision between meetings."""

from __future__ import annotations

from typing import Any

import click

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
from governance.clock import BERLIN
from governance.services import directory
from governance.services import written_procedure as wp

CHOICES = ("yes", "no", "abstain")


@click.group("procedure")
def procedure_group() -> None:
    """Umlaufverfahren: Beschlüsse zwischen den Sitzungen, schriftlich."""


def _text(state: CliState, text: str | None, file: str | None) -> str:
    if (text is None) == (file is None):
        raise click.UsageError(t(state, "written.cli.text_or_file"))
    if file is not None:
        # Bounded: a text far over the limit is refused by the service without reading it all.
        with open(file, encoding="utf-8", errors="replace") as handle:
            return handle.read(wp.MAX_TEXT * 4 + 1)
    assert text is not None
    return text


@procedure_group.command("start")
@committee_option
@click.option("--title", required=True, help="Titel des Antrags (eine Zeile)")
@click.option("--text", "text", default=None, help="Antragstext (oder --file)")
@click.option(
    "--file",
    "file",
    default=None,
    type=click.Path(exists=True, dir_okay=False),
    help="Antragstext aus einer Datei (UTF-8)",
)
@click.option(
    "--kind",
    default="decision",
    show_default=True,
    help="Art: decision (Beschluss), statement (Stellungnahme), appointment (Benennung)",
)
@click.option(
    "--majority",
    default=None,
    help="simple, two_thirds oder unanimity (Standard: Mehrheit der Geschäftsordnung)",
)
@click.option("--days", default=None, help="Frist in Tagen (Standard: written_procedure_days, 7)")
@json_option
@pass_state
def start_cmd(
    state: CliState,
    committee_ref: str | None,
    title: str,
    text: str | None,
    file: str | None,
    kind: str,
    majority: str | None,
    days: str | None,
    as_json: bool,
) -> None:
    """Einen Antrag allen stimmberechtigten Mitgliedern im Umlaufverfahren vorlegen (Vorsitz)."""
    body = _text(state, text, file)
    with state.uow() as uow:
        committee = directory.committee_by_ref(uow.session, committee_ref)
        procedure = wp.start(
            uow, committee, title=title, text=body, kind=kind, majority=majority, days=days
        )
        data = wp.describe(procedure)
    if as_json:
        print_json(data)
        return
    click.echo(
        t(
            state,
            "written.cli.started",
            number=data["id"],
            members=data["voting_members"],
            deadline=_moment(data["deadline_at"]),
        )
    )


@procedure_group.command("vote")
@click.argument("number")
@committee_option
@click.option("--choice", required=True, type=click.Choice(CHOICES), help="yes, no oder abstain")
@click.option(
    "--org",
    "org_ref",
    default=None,
    help="für diese Organisation (nötig, wer mehrere vertritt); mit --paper: deren Stimme auf Papier",
)
@click.option(
    "--paper",
    is_flag=True,
    help="eine auf Papier eingegangene Stimme erfassen (Vorsitz, Geschäftsstelle)",
)
@json_option
@pass_state
def vote_cmd(
    state: CliState,
    number: str,
    committee_ref: str | None,
    choice: str,
    org_ref: str | None,
    paper: bool,
    as_json: bool,
) -> None:
    """Im Umlaufverfahren abstimmen (einmal je Mitglied) oder eine Papierstimme erfassen."""
    if paper and not org_ref:
        raise click.UsageError(t(state, "written.cli.paper_needs_org"))
    with state.uow() as uow:
        committee = directory.committee_by_ref(uow.session, committee_ref)
        procedure = wp.procedure_by_ref(uow.session, number, committee)
        if paper:
            assert org_ref is not None
            ballot = wp.record_paper_vote(uow, procedure, organisation=org_ref, choice=choice)
        else:
            ballot = wp.vote(uow, procedure, choice=choice, organisation=org_ref)
        organisation = ballot.organisation.short_name
        data = wp.describe(procedure)
    if as_json:
        print_json(data)
        return
    click.echo(
        t(
            state,
            "written.cli.voted_paper" if paper else "written.cli.voted",
            organisation=organisation,
            choice=t(state, f"written.choice.{choice}"),
            number=data["id"],
            voted=data["voted"],
            members=data["voting_members"],
        )
    )
    _ended(state, data)


@procedure_group.command("demand-meeting")
@click.argument("number")
@committee_option
@click.option(
    "--org", "org_ref", default=None, help="für diese Organisation (wer mehrere vertritt)"
)
@json_option
@pass_state
def demand_cmd(
    state: CliState, number: str, committee_ref: str | None, org_ref: str | None, as_json: bool
) -> None:
    """Verlangen, dass über den Antrag in einer Sitzung beraten wird (stimmberechtigtes Mitglied)."""
    with state.uow() as uow:
        committee = directory.committee_by_ref(uow.session, committee_ref)
        procedure = wp.procedure_by_ref(uow.session, number, committee)
        ballot = wp.demand_meeting(uow, procedure, organisation=org_ref)
        organisation = ballot.organisation.short_name
        data = wp.describe(procedure)
    if as_json:
        print_json(data)
        return
    demanded = sum(1 for b in data["ballots"] if b["demanded_meeting_at"] is not None)
    click.echo(
        t(
            state,
            "written.cli.demanded",
            organisation=organisation,
            number=data["id"],
            demanded=demanded,
            needed=data["meeting_demands_needed"],
        )
    )
    _ended(state, data)


@procedure_group.command("withdraw")
@click.argument("number")
@committee_option
@click.option("--reason", required=True, help="Begründung (geht an alle Mitglieder)")
@json_option
@pass_state
def withdraw_cmd(
    state: CliState, number: str, committee_ref: str | None, reason: str, as_json: bool
) -> None:
    """Einen offenen Antrag im Umlaufverfahren zurückziehen (Vorsitz)."""
    with state.uow() as uow:
        committee = directory.committee_by_ref(uow.session, committee_ref)
        procedure = wp.procedure_by_ref(uow.session, number, committee)
        wp.withdraw(uow, procedure, reason=reason)
        data = wp.describe(procedure)
    if as_json:
        print_json(data)
        return
    click.echo(t(state, "written.cli.withdrawn", number=data["id"]))


@procedure_group.command("show")
@click.argument("number")
@committee_option
@json_option
@pass_state
def show_cmd(state: CliState, number: str, committee_ref: str | None, as_json: bool) -> None:
    """Ein Umlaufverfahren: Antrag, Frist, Stimmen je Mitglied, Ergebnis."""
    with state.read() as session:
        committee = directory.committee_by_ref(session, committee_ref)
        data = wp.describe(wp.procedure_by_ref(session, number, committee))
    if as_json:
        print_json(data)
        return
    click.echo(
        t(
            state,
            "written.cli.show_head",
            number=data["id"],
            title=data["title"],
            state=state_label(state, "written_procedure", data["state"]),
        )
    )
    click.echo(
        t(
            state,
            "written.cli.show_terms",
            kind=t(state, f"written.kind.{data['kind']}"),
            majority=data["majority"],
            started=_moment(data["started_at"]),
            deadline=_moment(data["deadline_at"]),
            voted=data["voted"],
            members=data["voting_members"],
            needed=data["participation_needed"],
        )
    )
    if data["reference"]:
        click.echo(
            t(
                state,
                "written.cli.show_decided",
                reference=data["reference"],
                result=t(
                    state, "written.cli.carried" if data["carried"] else "written.cli.rejected"
                ),
                **data["votes"],
            )
        )
    if data["reason"]:
        click.echo(t(state, "written.cli.show_reason", reason=data["reason"]))
    click.echo("")
    click.echo(data["text"])
    click.echo("")
    rows = [
        {
            "organisation": b["organisation"],
            "choice": t(state, f"written.choice.{b['choice']}") if b["choice"] else None,
            "cast_at": b["cast_at"],
            "via": t(state, f"written.via.{b['via']}") if b["via"] else None,
            "demanded": b["demanded_meeting_at"],
        }
        for b in data["ballots"]
    ]
    headings = t(state, "written.cli.ballot_heading").split("|")
    keys = ["organisation", "choice", "cast_at", "via", "demanded"]
    print_table(rows, list(zip(keys, headings, strict=True)))


@procedure_group.command("list")
@committee_option
@json_option
@pass_state
def list_cmd(state: CliState, committee_ref: str | None, as_json: bool) -> None:
    """Die Umlaufverfahren des Gremiums, neueste zuerst."""
    with state.read() as session:
        committee = directory.committee_by_ref(session, committee_ref)
        rows = [wp.describe(p) for p in wp.procedures(session, committee)]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "written.cli.none"))
        return
    table: list[dict[str, Any]] = [
        {
            "id": r["id"],
            "title": r["title"] if len(r["title"]) <= 50 else r["title"][:49] + "…",
            "state": state_label(state, "written_procedure", r["state"]),
            "deadline_at": r["deadline_at"],
            "voted": f"{r['voted']}/{r['voting_members']}",
            "reference": r["reference"],
        }
        for r in rows
    ]
    headings = t(state, "written.cli.list_heading").split("|")
    keys = ["id", "title", "state", "deadline_at", "voted", "reference"]
    print_table(table, list(zip(keys, headings, strict=True)))


def _moment(value: Any) -> str:
    return str(value.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M"))


def _ended(state: CliState, data: dict[str, Any]) -> None:
    """Say so when this action ended the procedure (the last vote, the last demand)."""
    if data["state"] == "open":
        return
    click.echo(
        t(
            state,
            "written.cli.ended",
            number=data["id"],
            state=state_label(state, "written_procedure", data["state"]),
            reference=data["reference"] or "—",
        )
    )


COMMANDS = [procedure_group]
