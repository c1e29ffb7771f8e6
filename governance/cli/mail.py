"""``gremium mail fetch``: read the secretariat's mailbox once (``gremium run`` does it periodically)."""

from __future__ import annotations

import click

from governance.cli.common import CliState, json_option, pass_state, print_json, t
from governance.errors import InvalidInput


@click.group("mail")
def mail_group() -> None:
    """Eingehende E-Mails: Antworten aus dem Postfach der Geschäftsstelle lesen."""


@mail_group.command("fetch")
@json_option
@pass_state
def fetch_cmd(state: CliState, as_json: bool) -> None:
    """Das Postfach der Geschäftsstelle einmal lesen: Kalenderantworten und Einwendungen (ein Durchgang)."""
    from governance.mail.inbound import MailboxUnavailable, fetch
    from governance.mail.settings import mail_settings

    app = state.writer()  # the database first: a mistyped path is the first thing said
    settings = mail_settings(state.settings)
    if not settings.reads_replies:
        raise InvalidInput("inbound.cli.not_configured")
    try:
        report = fetch(app, settings)
    except MailboxUnavailable as exc:
        click.echo(t(state, "inbound.cli.unavailable", reason=str(exc)), err=True)
        raise SystemExit(1) from None
    if as_json:
        print_json(
            {
                "read": report.read,
                "rsvp": report.rsvp,
                "objections": report.objections,
                "not_understood": report.not_understood,
                "already": report.already,
                "too_large": report.too_large,
                "messages": [
                    {
                        "uid": uid,
                        "outcome": o.outcome if o is not None else "not_understood",
                        "reason": o.reason if o is not None else "inbound.reason.too_large",
                        "said": o.say(state.lang)
                        if o is not None
                        else t(state, "inbound.reason.too_large"),
                    }
                    for uid, o in report.outcomes
                ],
            }
        )
        return
    for uid, outcome in report.outcomes:
        said = (
            outcome.say(state.lang) if outcome is not None else t(state, "inbound.reason.too_large")
        )
        click.echo(t(state, "inbound.cli.line", uid=uid, outcome=said))
    click.echo(
        t(
            state,
            "inbound.cli.pass",
            read=report.read,
            rsvp=report.rsvp,
            objections=report.objections,
            not_understood=report.not_understood,
            too_large=report.too_large,
        )
    )


COMMANDS = [mail_group]
