"""Operating an installation: the audit trail, pending timers and the (simulated) clock."""

from __future__ import annotations

import contextlib
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from governance import audit_witness
from governance.cli.common import (
    CliState,
    committee_filter_option,
    json_option,
    pass_state,
    print_json,
    print_table,
    state_label,
    t,
)
from governance.cli.output import berlin
from governance.clock import BERLIN
from governance.errors import ConfigurationError, InvalidInput
from governance.lazy_import import lazy_module
from governance.reasons import say

if TYPE_CHECKING:
    from governance import audit
    from governance.services import validation
else:  # loaded by the commands that use them: the listings read through Core
    audit = lazy_module("governance.audit")
    validation = lazy_module("governance.services.validation")

# --- audit trail ---


@click.group("audit")
def audit_group() -> None:
    """Prüfpfad (Audit-Trail): anzeigen und prüfen."""


def _entity_filter(value: str) -> tuple[str, int]:
    kind, sep, ident = value.partition(":")
    if not sep or not kind or not ident.strip().isdigit():
        raise InvalidInput("cli.audit.entity_format", value=value)
    return kind.strip(), int(ident)


@audit_group.command("log")
@committee_filter_option
@click.option("--entity", metavar="TYP:ID", help="nur diese Einheit, z. B. memberships:3")
@click.option("--limit", default=50, show_default=True, metavar="N", help="die letzten N Einträge")
@json_option
@pass_state
def audit_log(
    state: CliState, committee_ref: str | None, entity: str | None, limit: int, as_json: bool
) -> None:
    """Die letzten Einträge des Prüfpfads (älteste zuerst)."""
    if limit < 1:
        raise InvalidInput("cli.limit", value=limit)
    from governance.reads.audit_log import last_records
    from governance.reads.committees import committee_id_by_ref

    entity_filter = _entity_filter(entity) if entity else None
    with state.reading() as conn:
        committee_id = None if committee_ref is None else committee_id_by_ref(conn, committee_ref)
        rows = last_records(conn, limit, committee_id, entity_filter)
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
    from governance.audit_verify import verify_reading

    witnesses = [w for path in witness_paths for w in audit_witness.collect(path)]
    with state.reading() as conn:
        result = verify_reading(conn, state.db.audit_keys, witnesses=witnesses)
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


# --- timers and the clock ---


@click.group("timers")
def timers_group() -> None:
    """Zeitgeber (Fristen, Erinnerungen)."""


@timers_group.command("list")
@committee_filter_option
@click.option("--failed", is_flag=True, help="nur gescheiterte Zeitgeber, mit dem Fehler")
@click.option(
    "--skipped", is_flag=True, help="nur übersprungene Zeitgeber, mit dem Grund (neueste zuerst)"
)
@json_option
@pass_state
def timers_list(
    state: CliState, committee_ref: str | None, failed: bool, skipped: bool, as_json: bool
) -> None:
    """Anstehende Zeitgeber, nach Fälligkeit (Zeit in Europe/Berlin)."""
    if failed and skipped:
        raise InvalidInput("cli.timers.failed_or_skipped")
    from governance.reads.committees import committee_id_by_ref
    from governance.reads.timers import timers

    status = "failed" if failed else "skipped" if skipped else "pending"
    with state.reading() as conn:
        committee_id = None if committee_ref is None else committee_id_by_ref(conn, committee_ref)
        found = timers(conn, status, committee_id)
    if skipped:
        _skipped_timers(state, found, as_json)
        return
    rows = [
        {
            "id": tm["id"],
            "due_at": tm["due_at"].astimezone(BERLIN),
            "workflow": tm["workflow"],
            "entity_type": tm["entity_type"],
            "entity_id": tm["entity_id"],
            "name": tm["name"],
            "trigger": tm["trigger"],
            "state": tm["state"],
            "committee_id": tm["committee_id"],
            **({"attempts": tm["attempts"], "last_error": tm["last_error"]} if failed else {}),
        }
        for tm in found
    ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "cli.timers.none_failed" if failed else "cli.timers.none"))
        return
    table = [
        {
            **r,
            "due": berlin(r["due_at"]),
            "entity": f"{r['entity_type']}:{r['entity_id']}",
            # what the timer will do, as the workflow names it for people
            "trigger": state_label(state, r["workflow"], r["trigger"]),
            **({"last_error": _detail(state, r["last_error"])} if r.get("last_error") else {}),
        }
        for r in rows
    ]
    columns = [
        ("due", t(state, "cli.col.due")),
        ("workflow", t(state, "cli.col.workflow")),
        ("entity", t(state, "cli.col.entity")),
        ("trigger", t(state, "cli.col.trigger")),
    ]
    if failed:
        columns = [("id", "#"), *columns, ("last_error", t(state, "cli.col.error"))]
    print_table(table, columns)


def _skipped_timers(state: CliState, found: list[dict[str, Any]], as_json: bool) -> None:
    """(meetings) Timers that did nothing because their purpose had lapsed, with the reason."""
    rows = [
        {
            "id": tm["id"],
            "due_at": tm["due_at"].astimezone(BERLIN),
            "fired_at": tm["fired_at"].astimezone(BERLIN) if tm["fired_at"] else None,
            "workflow": tm["workflow"],
            "entity_type": tm["entity_type"],
            "entity_id": tm["entity_id"],
            "name": tm["name"],
            "trigger": tm["trigger"],
            "committee_id": tm["committee_id"],
            "skip_reason": say(tm["skip_reason"], state.lang),
        }
        for tm in found
    ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "cli.timers.none_skipped"))
        return
    table = [
        {
            **r,
            "due": berlin(r["due_at"]),
            "entity": f"{r['entity_type']}:{r['entity_id']}",
            "skip_reason": _detail(state, r["skip_reason"]) if r["skip_reason"] else None,
        }
        for r in rows
    ]
    print_table(
        table,
        [
            ("id", "#"),
            ("due", t(state, "cli.col.due")),
            ("entity", t(state, "cli.col.entity")),
            ("name", t(state, "cli.col.timer")),
            ("skip_reason", t(state, "cli.col.skip_reason")),
        ],
    )


@timers_group.command("retry")
@click.argument("timer_id", type=int)
@pass_state
def timers_retry(state: CliState, timer_id: int) -> None:
    """Einen gescheiterten Zeitgeber erneut auslösen lassen (Vorsitz oder Geschäftsstelle)."""
    from governance.services import timers

    with state.uow() as uow:
        timer = timers.retry(uow, timer_id)
        entity = f"{timer.entity_type}:{timer.entity_id}"
        trigger = timer.trigger
    click.echo(t(state, "cli.timers.retry", id=timer_id, trigger=trigger, entity=entity))


def _simulated_clock(state: CliState) -> Any:
    from governance.clock import SimulatedClock

    if state.settings.clock != "simulated":
        raise ConfigurationError("error.system_clock")
    clock = state.app.clock
    assert isinstance(clock, SimulatedClock)
    return clock


@click.command("tick")
@click.option(
    "--until", "until", required=True, metavar="DATETIME", help="JJJJ-MM-TT [HH:MM], Berliner Zeit"
)
@click.option(
    "--catch-up",
    "catch_up",
    is_flag=True,
    help="wie nach einem Ausfall: erst die Uhr vorstellen, dann alles Versäumte nachholen",
)
@json_option
@pass_state
def tick(state: CliState, until: str, catch_up: bool, as_json: bool) -> None:
    """Simulierte Uhr vorstellen und fällige Zeitgeber der Reihe nach auslösen."""
    moment = validation.datetime(until)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BERLIN)
    clock = _simulated_clock(state)
    if moment < clock.now():
        raise InvalidInput("error.clock_backwards", now=berlin(clock.now()), until=berlin(moment))
    if catch_up:  # the process was down until *moment*: everything missed fires late
        clock.advance_to(moment)
    fired, interrupted = _fire_until(state, moment)
    if as_json:
        print_json(
            {
                "now": clock.now(),
                "fired": [
                    {
                        "timer_id": f.timer_id,
                        "name": f.name,
                        "trigger": f.trigger,
                        "entity_type": f.entity_type,
                        "entity_id": f.entity_id,
                        "due_at": f.due_at,
                        "outcome": f.outcome,
                        "detail": _detail(state, f.detail) if f.detail else None,
                    }
                    for f in fired
                ],
                "interrupted": interrupted,
            }
        )
    else:
        _echo_fired(state, fired)
    if interrupted:
        click.echo(t(state, "cli.tick.interrupted", count=len(fired)), err=True)
        raise SystemExit(130)
    if not as_json:
        click.echo(t(state, "cli.tick.done", count=len(fired), now=berlin(clock.now())))


def _echo_fired(state: CliState, fired: list[Any]) -> None:
    for f in fired:
        detail = f" ({_detail(state, f.detail)})" if f.detail else ""
        click.echo(
            t(
                state,
                f"cli.tick.{f.outcome}",
                due=berlin(f.due_at),
                name=f.name,
                trigger=f.trigger,
                entity=f"{f.entity_type}:{f.entity_id}",
            )
            + detail
        )


def _fire_until(state: CliState, moment: Any) -> tuple[list[Any], bool]:
    """Fire what is due up to *moment*; Ctrl+C or SIGTERM stops after the timer in hand.

    As ``gremium run`` does: what this process claimed but did not fire is given
    back at once, so the next ``tick`` (or a runner) fires it now, not after the
    lease. A second Ctrl+C stops at once; the firing in hand is rolled back and
    its claim given back too.
    """
    from governance import claims
    from governance.models import Timer
    from governance.services.timers import fire_due

    owner = claims.worker_name()
    stopping = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        if stopping.is_set():
            raise KeyboardInterrupt
        stopping.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        fired = fire_due(state.writer(), moment, owner=owner, stop=stopping.is_set)
    except BaseException:
        # Give the claims back; if even that cannot be written (the disk is full),
        # the first fault is the one to report, and the lease ends the claims.
        with contextlib.suppress(Exception):
            claims.release_owned(state.app.db, Timer, owner)
        raise
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return fired, stopping.is_set()


def _detail(state: CliState, detail: str) -> str:
    """Why a timer did not fire, in the user's language (a catalogue key or a recorded
    reason with its parameters, governance/reasons.py), or an error as recorded."""
    return say(detail, state.lang) or detail


@click.group("clock")
def clock_group() -> None:
    """Die Uhr der Installation (System- oder simulierte Uhr)."""


@clock_group.command("show")
@json_option
@pass_state
def clock_show(state: CliState, as_json: bool) -> None:
    """Zeigen, welche Uhr gilt und wie spät es ist (Europe/Berlin)."""
    with state.reading() as conn:
        now = state.clock(conn).now()
    if as_json:
        print_json({"clock": state.settings.clock, "now": now})
        return
    key = "cli.clock.simulated" if state.settings.clock == "simulated" else "cli.clock.system"
    click.echo(t(state, key, now=berlin(now)))


COMMANDS = [audit_group, timers_group, tick, clock_group]
