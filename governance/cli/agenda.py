"""``gremium agenda``: proposals, the chair's decisions on them, order and final agenda."""

from __future__ import annotations

from typing import Any

import click

from governance.cli.agenda_files import register as register_attachment_commands
from governance.cli.agenda_files import split_attachments
from governance.cli.common import CliState, json_option, pass_state, print_json, t
from governance.services import agenda, agenda_order


@click.group("agenda")
def agenda_group() -> None:
    """Tagesordnung: TOPs vorschlagen, annehmen, ablehnen, vertagen, ordnen, festlegen."""


def _item_message(state: CliState, item: Any) -> str:
    top = t(state, "agenda.top", number=item.position) if item.position else "—"
    return t(
        state,
        "agenda.cli.item",
        id=item.id,
        top=top,
        title=item.title,
        status=t(state, f"agenda.status.{item.status}"),
        meeting=item.meeting_id,
    )


@agenda_group.command("propose")
@click.argument("meeting_ref", metavar="MEETING")
@click.option("--title", required=True)
@click.option("--description", default="")
@click.option(
    "--kind", default="discussion", show_default=True, help="information | discussion | decision"
)
@click.option("--majority", default=None, help="simple | two_thirds | unanimity (nur bei decision)")
@click.option(
    "--attachment",
    "attachments",
    multiple=True,
    help="Anlage: Datei oder http(s)-Link, mehrfach möglich (später: agenda attach)",
)
@click.option(
    "--urgent", is_flag=True, help="Dringlichkeit: nach Fristende oder Einladung (nur Vorsitz)"
)
@pass_state
def propose_cmd(
    state: CliState,
    meeting_ref: str,
    title: str,
    description: str,
    kind: str,
    majority: str | None,
    attachments: tuple[str, ...],
    urgent: bool,
) -> None:
    """Einen TOP vorschlagen (bis zur Vorschlagsfrist); Vorschläge des Vorsitzes gelten als angenommen."""
    files, links = split_attachments(attachments, state.settings.attachment_limits())
    with state.uow() as uow:
        item = agenda.propose(
            uow,
            meeting_ref,
            title=title,
            description=description,
            kind=kind,
            majority=majority,
            files=files,
            links=links,
            urgent=urgent,
        )
        message = _item_message(state, item)
    click.echo(message)


def _on_item(state: CliState, ref: str, action: Any, **kwargs: Any) -> None:
    with state.uow() as uow:
        item = action(uow, ref, **kwargs)
        message = _item_message(state, item)
    click.echo(message)


@agenda_group.command("accept")
@click.argument("ref", metavar="ITEM")
@pass_state
def accept_cmd(state: CliState, ref: str) -> None:
    """Einen Vorschlag auf die Tagesordnung nehmen (Vorsitz)."""
    _on_item(state, ref, agenda.accept)


@agenda_group.command("reject")
@click.argument("ref", metavar="ITEM")
@click.option("--reason", required=True, help="Begründung")
@pass_state
def reject_cmd(state: CliState, ref: str, reason: str) -> None:
    """Einen Vorschlag ablehnen, mit Begründung (Vorsitz)."""
    _on_item(state, ref, agenda.reject, reason=reason)


@agenda_group.command("defer")
@click.argument("ref", metavar="ITEM")
@click.option("--reason", default="", help="Begründung")
@pass_state
def defer_cmd(state: CliState, ref: str, reason: str) -> None:
    """Einen TOP auf die nächste Sitzung vertagen (Vorsitz)."""
    with state.uow() as uow:
        item = agenda.item_by_ref(uow.session, ref)
        agenda.defer(uow, item, reason=reason)
        message = _item_message(state, item)
    click.echo(message)


@agenda_group.command("order")
@click.argument("meeting_ref", metavar="MEETING")
@click.argument("item_ids", nargs=-1, required=True, metavar="ITEM...")
@pass_state
def order_cmd(state: CliState, meeting_ref: str, item_ids: tuple[str, ...]) -> None:
    """Reihenfolge der Tagesordnung festlegen: alle angenommenen TOPs (Nummern), TOP 1 zuerst."""
    with state.uow() as uow:
        meeting = agenda_order.order(uow, meeting_ref, item_ids)
        message = t(
            state, "agenda.cli.ordered", meeting=meeting.id, revision=meeting.agenda_revision
        )
    click.echo(message)


@agenda_group.command("finalize")
@click.argument("meeting_ref", metavar="MEETING")
@pass_state
def finalize_cmd(state: CliState, meeting_ref: str) -> None:
    """Die Tagesordnung festlegen (Vorsitz); offene Vorschläge müssen entschieden sein."""
    with state.uow() as uow:
        meeting = agenda_order.finalize(uow, meeting_ref)
        message = t(state, "agenda.cli.final", meeting=meeting.id)
    click.echo(message)


@agenda_group.command("mark")
@click.argument("ref", metavar="ITEM")
@click.argument("outcome", metavar="noted|deferred")
@click.option("--notes", default="", help="Notizen zum TOP")
@pass_state
def mark_cmd(state: CliState, ref: str, outcome: str, notes: str) -> None:
    """In der Sitzung: einen TOP als zur Kenntnis genommen oder vertagt markieren."""
    _on_item(state, ref, agenda.mark, outcome=outcome, notes=notes)


register_attachment_commands(agenda_group)

COMMANDS = [agenda_group]


def _publication(
    state: CliState, meeting_ref: str, top: str, confidential: bool, as_json: bool
) -> None:
    from governance.services import confidential_items

    with state.uow() as uow:
        done = confidential_items.mark(uow, meeting_ref, top, confidential=confidential)
        item = done.item
        data = {
            "meeting": done.meeting.id,
            "item": item.id,
            "top": item.position,
            "title": item.title,
            "confidential": item.confidential,
            "changed": done.changed,
        }
    if as_json:
        print_json(data)
        return
    top_label = t(state, "agenda.top", number=item.position) if item.position else f"#{item.id}"
    which = "confidential" if confidential else "public"
    key = f"publication.cli.{which}" if done.changed else f"publication.cli.already_{which}"
    click.echo(t(state, key, top=top_label, title=data["title"], meeting=data["meeting"]))


@agenda_group.command("confidential")
@click.argument("meeting_ref", metavar="MEETING")
@click.argument("top", metavar="TOP")
@json_option
@pass_state
def confidential_cmd(state: CliState, meeting_ref: str, top: str, as_json: bool) -> None:
    """Einen TOP als nichtöffentlich markieren: die OParl-Schnittstelle zeigt ihn nicht
    (Vorsitz, Geschäftsstelle)."""
    _publication(state, meeting_ref, top, True, as_json)


@agenda_group.command("public")
@click.argument("meeting_ref", metavar="MEETING")
@click.argument("top", metavar="TOP")
@json_option
@pass_state
def public_cmd(state: CliState, meeting_ref: str, top: str, as_json: bool) -> None:
    """Einen nichtöffentlichen TOP wieder öffentlich machen (Vorsitz, Geschäftsstelle)."""
    _publication(state, meeting_ref, top, False, as_json)
