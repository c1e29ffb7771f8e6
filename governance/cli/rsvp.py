"""``gremium meeting rsvp`` (answer an invitation) and ``gremium links`` (action links).

The answer goes through :func:`governance.services.rsvp.answer_invitation`,
the function the links in the invitation and calendar replies call too.
"""

from __future__ import annotations

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


@click.command("rsvp")
@click.argument("ref", metavar="ID")
@click.argument("answer", type=click.Choice(["attends", "excused", "deputy", "tentative"]))
@click.option("--deputy", default=None, metavar="EMAIL", help="wer vertritt (bei deputy)")
@click.option("--comment", default=None, help="Bemerkung (höchstens 500 Zeichen)")
@click.option(
    "--for",
    "organisation",
    default=None,
    help="Organisation, für die Vorsitz/Geschäftsstelle eine Rückmeldung erfasst",
)
@json_option
@pass_state
def rsvp_cmd(
    state: CliState,
    ref: str,
    answer: str,
    deputy: str | None,
    comment: str | None,
    organisation: str | None,
    as_json: bool,
) -> None:
    """Auf die Einladung antworten: attends, excused, deputy (mit --deputy) oder tentative
    (vielleicht); mit --for erfasst die Geschäftsstelle eine Antwort."""
    from governance.services import rsvp

    with state.uow() as uow:
        reply = rsvp.answer_invitation(
            uow,
            ref,
            answer,
            deputy=deputy,
            comment=comment,
            via="secretariat" if organisation else "cli",
            organisation=organisation,
        )
        data = {
            "meeting": reply.meeting_id,
            "organisation": reply.organisation.short_name,
            "answer": reply.answer,
            "deputy": reply.deputy.email if reply.deputy else None,
            "comment": reply.comment,
            "via": reply.via,
            "answered_at": reply.answered_at,
        }
    if as_json:
        print_json(data)
        return
    click.echo(
        t(
            state,
            f"rsvp.cli.{data['answer']}",
            organisation=data["organisation"],
            meeting=data["meeting"],
            deputy=reply.deputy.name if reply.deputy else "",
        )
    )


@click.group("links")
def links_group() -> None:
    """Persönliche Links in E-Mails (Aktionslinks): anzeigen und sperren."""


@links_group.command("list")
@committee_option
@click.option("--person", "person_ref", default=None, metavar="EMAIL", help="nur diese Person")
@click.option("--open", "open_only", is_flag=True, help="nur noch gültige Links")
@json_option
@pass_state
def list_cmd(
    state: CliState,
    committee_ref: str | None,
    person_ref: str | None,
    open_only: bool,
    as_json: bool,
) -> None:
    """Die Aktionslinks des Gremiums (nie ihr Token), neueste zuerst (Vorsitz, Geschäftsstelle)."""
    from governance.services import action_links, directory

    with state.uow() as uow:
        committee = directory.committee_by_ref(uow.session, committee_ref)
        rows = [
            {
                "id": r.id,
                "person": r.person,
                "email": r.email,
                "purpose": r.purpose,
                "entity": r.entity,
                "created_at": r.created_at,
                "expires_at": r.expires_at,
                "state": r.state,
            }
            for r in action_links.listing(
                uow, committee, person_ref=person_ref, open_only=open_only
            )
        ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "link.cli.none"))
        return
    for row in rows:
        row["state"] = t(state, f"link.state.{row['state']}")
    headings = t(state, "link.cli.heading").split("|")
    keys = ["id", "person", "purpose", "entity", "expires_at", "state"]
    print_table(rows, list(zip(keys, headings, strict=True)))


@links_group.command("revoke")
@committee_option
@click.option("--id", "link_id", default=None, help="Nummer des Links (aus links list)")
@click.option(
    "--person", "person_ref", default=None, metavar="EMAIL", help="alle offenen Links der Person"
)
@json_option
@pass_state
def revoke_cmd(
    state: CliState,
    committee_ref: str | None,
    link_id: str | None,
    person_ref: str | None,
    as_json: bool,
) -> None:
    """Einen Link (--id) oder alle offenen Links einer Person (--person) sperren."""
    from governance.services import action_links, directory

    with state.uow() as uow:
        committee = directory.committee_by_ref(uow.session, committee_ref)
        revoked = action_links.revoke(uow, committee, link_id=link_id, person_ref=person_ref)
    if as_json:
        print_json({"revoked": revoked})
        return
    click.echo(t(state, "link.cli.revoked", count=len(revoked), ids=", ".join(map(str, revoked))))


COMMANDS = [links_group]
