"""``gremium run``: the service that fires timers and sends mail."""

from __future__ import annotations

import click

from governance.cli.common import CliState, pass_state, t
from governance.errors import GremiumError, InvalidInput
from governance.mail.settings import mail_settings
from governance.runner import PassReport, Runner


@click.command("run")
@click.option(
    "--poll", default=5.0, show_default=True, metavar="SEKUNDEN", help="Abstand der Durchgänge"
)
@click.option("--once", is_flag=True, help="nur einen Durchgang, dann beenden")
@pass_state
def run(state: CliState, poll: float, once: bool) -> None:
    """Dienst: fällige Zeitgeber auslösen und E-Mails versenden, bis SIGTERM/Strg+C."""
    if poll <= 0:
        raise InvalidInput("cli.run.poll", value=poll)
    settings = mail_settings(state.settings)
    runner = Runner(state.writer(), settings)
    if once:
        report = runner.run_once()
        _echo_pass(state, report)
        return

    def on_error(exc: BaseException) -> None:
        # The service keeps running; the operator gets one line, never SQL or a password.
        from governance.cli import fault
        from governance.config import masked
        from governance.services.validation import visible

        error = exc if isinstance(exc, GremiumError) else fault(exc)
        if error is not None:
            message = error.message(state.lang)
        else:
            message = masked(
                f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            )
        message = visible(message)
        click.echo(f"{'Fehler' if state.lang == 'de' else 'Error'}: {message}", err=True)

    click.echo(t(state, "cli.run.started", delivery=settings.delivery, poll=poll))
    runner.serve(poll, on_pass=lambda r: _echo_pass(state, r, quiet=True), on_error=on_error)
    click.echo(t(state, "cli.run.stopped"))


def _echo_pass(state: CliState, report: PassReport, quiet: bool = False) -> None:
    mail = report.mail
    inbound = report.inbound
    if report.inbound_unavailable:
        click.echo(t(state, "inbound.cli.unavailable", reason=report.inbound_unavailable), err=True)
    if inbound is not None and (inbound.read or inbound.too_large):
        click.echo(
            t(
                state,
                "inbound.cli.pass",
                read=inbound.read,
                rsvp=inbound.rsvp,
                objections=inbound.objections,
                not_understood=inbound.not_understood,
                too_large=inbound.too_large,
            )
        )
    if quiet and not (report.fired or mail.sent or mail.deferred or mail.failed):
        return
    if mail.unavailable:
        click.echo(t(state, "cli.outbox.unavailable", reason=mail.unavailable), err=True)
    for f in report.fired:
        if f.outcome == "failed":  # also in the log; the chair is told by mail
            click.echo(
                t(
                    state,
                    "cli.run.timer_failed",
                    id=f.timer_id,
                    name=f.name,
                    trigger=f.trigger,
                    entity=f"{f.entity_type}:{f.entity_id}",
                    error=f.detail,
                ),
                err=True,
            )
    click.echo(
        t(
            state,
            "cli.run.pass",
            timers=len(report.fired),
            sent=len(mail.sent),
            deferred=len(mail.deferred),
            failed=len(mail.failed),
        )
    )


COMMANDS = [run]
