"""The outbox on the command line: list, retry, send; and ``gremium run``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from governance.cli.common import CliState, json_option, pass_state, print_json, print_table, t
from governance.cli.output import berlin
from governance.clock import BERLIN
from governance.errors import InvalidInput
from governance.lazy_import import lazy_module
from governance.reasons import say

if TYPE_CHECKING:
    from governance import outbox
    from governance.mail.dispatch import DispatchReport
    from governance.services import validation
else:  # loaded by the commands that send or change: `outbox list` reads through Core
    outbox = lazy_module("governance.outbox")
    validation = lazy_module("governance.services.validation")


@click.group("outbox")
def outbox_group() -> None:
    """Ausgehende E-Mails: anzeigen, versenden, erneut versuchen."""


@outbox_group.command("list")
@click.option("--failed", is_flag=True, help="nur gescheiterte Nachrichten")
@click.option(
    "--skipped", is_flag=True, help="nur übersprungene Nachrichten (Zweck entfallen), mit Grund"
)
@click.option("--limit", default=100, show_default=True, metavar="N", help="die neuesten N")
@json_option
@pass_state
def outbox_list(state: CliState, failed: bool, skipped: bool, limit: int, as_json: bool) -> None:
    """Nachrichten der Warteschlange mit Status (neueste zuletzt)."""
    if limit < 1:
        raise InvalidInput("cli.limit", value=limit)
    if failed and skipped:
        raise InvalidInput("cli.outbox.failed_or_skipped")
    from governance.reads.outbox import newest

    status = "failed" if failed else "skipped" if skipped else None
    with state.reading() as conn:
        rows = newest(conn, limit, status)
    for row in rows:
        row["skip_reason"] = say(row["skip_reason"], state.lang)  # in the reader's language
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "cli.outbox.empty"))
        return
    # A skipped message shows why in the error column: its purpose no longer held.
    table = [
        {
            **r,
            "at": berlin(r["sent_at"] or r["next_attempt_at"]),
            "status": t(state, f"outbox.status.{r['status']}"),
            "last_error": _detail(state, r["skip_reason"] or r["last_error"]),
        }
        for r in rows
    ]
    print_table(
        table,
        [
            ("id", t(state, "cli.col.id")),
            ("status", t(state, "cli.col.status")),
            ("at", t(state, "cli.col.at")),
            ("recipient", t(state, "cli.col.recipient")),
            ("subject", t(state, "cli.col.subject")),
            ("attempts", t(state, "cli.col.attempts")),
            ("last_error", t(state, "cli.col.error")),
        ],
    )


@outbox_group.command("retry")
@click.argument("message_id", type=int, required=False)
@click.option("--failed", "all_failed", is_flag=True, help="alle gescheiterten Nachrichten")
@click.option(
    "--since", metavar="DATUM", help="mit --failed: nur seit JJJJ-MM-TT [HH:MM] eingereihte"
)
@pass_state
def outbox_retry(
    state: CliState, message_id: int | None, all_failed: bool, since: str | None
) -> None:
    """Eine gescheiterte oder zurückgestellte Nachricht (oder mit --failed alle
    gescheiterten) jetzt erneut versenden lassen (Vorsitz oder Geschäftsstelle des Gremiums)."""
    if (message_id is None) == (not all_failed) or (since is not None and not all_failed):
        raise InvalidInput("cli.outbox.retry_args")
    if all_failed:
        moment = validation.datetime(since) if since is not None else None
        if moment is not None and moment.tzinfo is None:
            moment = moment.replace(tzinfo=BERLIN)
        with state.uow() as uow:
            retried = outbox.retry_failed(uow, since=moment)
        click.echo(t(state, "cli.outbox.retried_many", count=len(retried)))
        return
    assert message_id is not None
    with state.uow() as uow:
        recipient = outbox.retry(uow, message_id).recipient
    click.echo(t(state, "cli.outbox.retry", id=message_id, recipient=recipient))


def echo_report(state: CliState, report: DispatchReport) -> None:
    if report.unavailable:
        click.echo(t(state, "cli.outbox.unavailable", reason=report.unavailable), err=True)
    click.echo(
        t(
            state,
            "cli.outbox.sent",
            sent=len(report.sent),
            deferred=len(report.deferred),
            failed=len(report.failed),
        )
    )
    if report.skipped:  # (meetings) their purpose had lapsed: say so, and where to look
        click.echo(t(state, "cli.outbox.skipped", skipped=len(report.skipped)))


@outbox_group.command("send")
@json_option
@pass_state
def outbox_send(state: CliState, as_json: bool) -> None:
    """Alle fälligen Nachrichten jetzt versenden (ein Durchgang)."""
    from governance.mail.dispatch import dispatch
    from governance.mail.settings import mail_settings
    from governance.mail.transports import make_transport

    settings = mail_settings(state.settings)
    report = dispatch(state.writer(), make_transport(settings), settings)
    if as_json:
        print_json(
            {
                "sent": report.sent,
                "deferred": report.deferred,
                "failed": report.failed,
                "skipped": report.skipped,
                "unavailable": report.unavailable,
            }
        )
        return
    echo_report(state, report)


COMMANDS = [outbox_group]


def _detail(state: CliState, detail: str | None) -> str | None:
    """Why a message was not sent, in the reader's language where it is a catalogue key."""
    from governance.i18n import CATALOGUE

    return t(state, detail) if detail and detail in CATALOGUE else detail
