"""The audit trail on the command line: the last records, verification, a new key."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from governance import audit, audit_witness
from governance.cli.common import (
    CliState,
    committee_option,
    json_option,
    pass_state,
    print_json,
    print_table,
    t,
)
from governance.cli.output import berlin
from governance.services import audit_records

# --- audit trail ---


@click.group("audit")
def audit_group() -> None:
    """Prüfpfad (Audit-Trail): anzeigen und prüfen."""


@audit_group.command("log")
@committee_option
@click.option("--entity", metavar="TYP:ID", help="nur diese Einheit, z. B. memberships:3")
@click.option("--limit", default=50, show_default=True, metavar="N", help="die letzten N Einträge")
@json_option
@pass_state
def audit_log(
    state: CliState, committee_ref: str | None, entity: str | None, limit: int, as_json: bool
) -> None:
    """Die letzten Einträge des Prüfpfads (älteste zuerst)."""
    with state.read() as session:
        entries = audit_records.last_records(
            session, committee_ref=committee_ref, entity=entity, limit=limit
        )
    rows = [dataclasses.asdict(e) for e in entries]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "cli.audit.empty"))
        return
    table = [
        {
            **r,
            "at": berlin(r["at"]),
            "entity": f"{r['entity_type']}:{r['entity_id'] if r['entity_id'] is not None else '-'}",
            "states": f"{r['from_state'] or ''} → {r['to_state']}"
            if r["from_state"] or r["to_state"]
            else "",
        }
        for r in rows
    ]
    print_table(
        table,
        [
            ("seq", "#"),
            ("at", t(state, "cli.col.at")),
            ("actor", t(state, "cli.col.actor")),
            ("entity", t(state, "cli.col.entity")),
            ("action", t(state, "cli.col.action")),
            ("states", t(state, "cli.col.states_change")),
            ("outcome", t(state, "cli.col.outcome")),
        ],
    )


@audit_group.command("verify")
@click.option(
    "--witness",
    "witness_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="PFAD",
    help='Zeugen: ein Maildir (z. B. mit den Mails "Protokoll genehmigt") oder eine Datei '
    'mit Zeilen "Nummer Hash"; mehrfach möglich',
)
@pass_state
def audit_verify(state: CliState, witness_paths: tuple[Path, ...]) -> None:
    """Prüfpfad prüfen: Kette, geschützte Datensätze und Zeugen (Exit 1 bei jedem Befund).

    Geschützt sind Beschlüsse, Abstimmungen, Unterschriften, Fassungen der
    Vereinbarung, Protokolle und Mitgliedschaften.
    """
    witnesses = [w for path in witness_paths for w in audit_witness.collect(path)]
    with state.read() as session:
        result = audit.verify(session, witnesses=witnesses)
    if result.ok:
        click.echo(
            t(
                state,
                "audit.verify.ok_full",
                count=result.checked,
                entities=result.entities_checked,
                witnesses=result.witnesses_checked,
            )
        )
        return
    findings = result.describe_all(state.lang)
    click.echo(t(state, "audit.verify.broken", count=result.checked, problems=len(findings)))
    for line in findings:
        click.echo(f"  {line}")
    # SystemExit, not ctx.exit(1): main() runs click in non-standalone mode,
    # where ctx.exit's status would be returned and lost.
    raise SystemExit(1)


@audit_group.command("rotate-key")
@pass_state
def audit_rotate_key(state: CliState) -> None:
    """Neuen Schlüssel für den Prüfpfad erzeugen (Administration); der Wechsel wird eingetragen."""
    from governance.services import audit_trail

    note = audit_trail.rotate_key(state.app, state.actor)
    click.echo(t(state, note.key, **note.params))


COMMANDS = [audit_group]
