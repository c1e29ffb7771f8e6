"""``gremium calendar``: secret calendar subscription addresses (iCalendar feeds).

The address is shown once, when it is made (``url``) or renewed (``renew``);
only its SHA-256 is stored. ``list`` says which feeds the acting person
(``--as``) may have and since when their address holds, never the address.
"""

from __future__ import annotations

from typing import Any

import click

from governance.cli.common import (
    CliState,
    default_committee,
    json_option,
    pass_state,
    print_json,
    print_table,
    t,
)

KINDS = ("committee", "area", "person")


@click.group("calendar")
def calendar_group() -> None:
    """Kalender-Abos: geheime Adressen für Sitzungen und Fristen (iCalendar)."""


@calendar_group.command("list")
@json_option
@pass_state
def list_cmd(state: CliState, as_json: bool) -> None:
    """Die Kalender, die Sie (--as) abonnieren können, und seit wann ihre Adresse gilt."""
    from governance.services import calendar_feeds

    with state.uow() as uow:
        rows: list[dict[str, Any]] = [
            {
                "kind": o.kind,
                "ref": o.scope_id,
                "label": o.label,
                "issued_at": o.issued_at,
            }
            for o in calendar_feeds.offers(uow)
        ]
    if as_json:
        print_json(rows)
        return
    for row in rows:
        row["kind"] = t(state, f"calendar.kind.{row['kind']}")
        row["issued_at"] = row["issued_at"] or t(state, "calendar.none")
    print_table(
        rows,
        [
            ("kind", t(state, "calendar.col.kind")),
            ("ref", t(state, "calendar.col.ref")),
            ("label", t(state, "calendar.col.label")),
            ("issued_at", t(state, "calendar.col.issued")),
        ],
    )


def _issue(state: CliState, kind: str, ref: str | None, *, renew: bool, as_json: bool) -> None:
    from governance.services import calendar_feeds
    from governance.web_settings import web_settings

    base_url = web_settings(state.settings).base_url
    if kind == "committee" and ref is None:  # the installation's default committee, if set
        ref = default_committee(click.get_current_context(), None, None)
    with state.uow() as uow:
        issued = calendar_feeds.issue(uow, kind, ref, renew=renew, base_url=base_url)
    if as_json:
        print_json(
            {
                "kind": issued.kind,
                "ref": issued.scope_id,
                "label": issued.label,
                "url": issued.url,
                "created_at": issued.created_at,
                "renewed": issued.renewed,
            }
        )
        return
    click.echo(t(state, "calendar.issued", label=issued.label))
    click.echo(issued.url)
    if issued.renewed:
        click.echo(t(state, "calendar.renewed"))


_KIND = click.argument("kind", type=click.Choice(KINDS))
_REF = click.argument("ref", required=False, metavar="[GREMIUM|HANDLUNGSRAUM]")


@calendar_group.command("url")
@_KIND
@_REF
@json_option
@pass_state
def url_cmd(state: CliState, kind: str, ref: str | None, as_json: bool) -> None:
    """Eine geheime Abo-Adresse erzeugen: committee GREMIUM, area HANDLUNGSRAUM oder person (die eigenen Sitzungen); sie wird nur jetzt angezeigt.

    Gibt es schon eine, wird abgelehnt: mit ``renew`` gibt es eine neue.
    """
    _issue(state, kind, ref, renew=False, as_json=as_json)


@calendar_group.command("renew")
@_KIND
@_REF
@json_option
@pass_state
def renew_cmd(state: CliState, kind: str, ref: str | None, as_json: bool) -> None:
    """Die Abo-Adresse erneuern: die alte funktioniert ab sofort nicht mehr, die neue wird angezeigt."""
    _issue(state, kind, ref, renew=True, as_json=as_json)


COMMANDS = [calendar_group]
