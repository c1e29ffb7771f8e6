"""``gremium meeting conflict|transfer-vote|format|online``: meeting practice (issue 16).

Conflicts of interest (Befangenheit), vote transfers (Stimmrechtsübertragung)
and how a meeting is held (in person, online, hybrid). Each command calls one
service function; the refusals are the services'.
"""

from __future__ import annotations

import click

from governance.cli.common import CliState, json_option, pass_state, print_json, t


@click.command("conflict")
@click.argument("ref", metavar="ID")
@click.argument("top", metavar="TOP")
@click.argument("organisation", metavar="ORG")
@click.option("--reason", default=None, help="Grund der Befangenheit (steht im Protokoll)")
@click.option(
    "--withdraw",
    is_flag=True,
    help="die Erklärung zurückziehen (bis zur Abstimmung über den TOP)",
)
@json_option
@pass_state
def conflict_cmd(
    state: CliState,
    ref: str,
    top: str,
    organisation: str,
    reason: str | None,
    withdraw: bool,
    as_json: bool,
) -> None:
    """Befangenheit einer Mitgliedsorganisation bei einem Beschluss-TOP erfassen: sie stimmt
    darüber nicht ab, das Protokoll nennt den Grund.

    Mit --withdraw wird eine irrtümliche Erklärung zurückgezogen, solange über den TOP
    noch nicht abgestimmt ist; sie bleibt als zurückgezogen im Verlauf."""
    from governance.errors import InvalidInput
    from governance.services import conflicts_of_interest, meeting_session
    from governance.services import meetings as meeting_service

    if withdraw and reason is not None:
        raise InvalidInput("practice.error.reason_with_withdraw")
    if not withdraw and reason is None:
        raise InvalidInput("practice.error.reason_missing")
    with state.uow() as uow:
        meeting = meeting_service.meeting_by_id(uow.session, ref)
        item = meeting_session.item_of_meeting(uow, meeting, top)
        if withdraw:
            row = conflicts_of_interest.withdraw(uow, item, organisation=organisation)
        else:
            row = conflicts_of_interest.declare(
                uow, item, organisation=organisation, reason=reason or ""
            )
        data = {
            "meeting": meeting.id,
            "top": item.position,
            "title": item.title,
            "organisation": row.organisation.short_name,
            "reason": row.reason,
            "recorded_as": row.via,
            "withdrawn": row.withdrawn_at is not None,
        }
    if as_json:
        print_json(data)
    else:
        click.echo(
            t(
                state,
                "practice.cli.conflict_withdrawn" if withdraw else "practice.cli.conflict",
                **{k: data[k] for k in ("organisation", "top", "title", "reason")},
            )
        )


@click.command("transfer-vote")
@click.argument("ref", metavar="ID")
@click.argument("from_organisation", metavar="FROM")
@click.argument("to_organisation", metavar="TO", required=False)
@click.option(
    "--withdraw",
    is_flag=True,
    help="die Übertragung von FROM zurückziehen (bis zur ersten Abstimmung unter ihr)",
)
@json_option
@pass_state
def transfer_vote_cmd(
    state: CliState,
    ref: str,
    from_organisation: str,
    to_organisation: str | None,
    withdraw: bool,
    as_json: bool,
) -> None:
    """Stimmrechtsübertragung erfassen: FROM kann nicht teilnehmen und überträgt seine Stimme
    für diese Sitzung schriftlich an TO (nur wenn die Geschäftsordnung es erlaubt).

    Mit --withdraw (ohne TO) wird die Übertragung von FROM zurückgezogen, solange unter ihr
    noch nicht abgestimmt wurde; sie bleibt als zurückgezogen im Verlauf."""
    from governance.errors import InvalidInput
    from governance.services import meetings as meeting_service
    from governance.services import vote_transfer

    if withdraw and to_organisation is not None:
        raise InvalidInput("practice.error.to_with_withdraw", to=to_organisation[:100])
    if not withdraw and to_organisation is None:
        raise InvalidInput("practice.error.to_missing")
    with state.uow() as uow:
        meeting = meeting_service.meeting_by_id(uow.session, ref)
        if withdraw:
            row = vote_transfer.withdraw(uow, meeting, from_organisation=from_organisation)
        else:
            row = vote_transfer.transfer(
                uow,
                meeting,
                from_organisation=from_organisation,
                to_organisation=to_organisation or "",
            )
        data = {
            "meeting": meeting.id,
            "from": row.from_organisation.short_name,
            "to": row.to_organisation.short_name,
            "recorded_as": row.via,
            "withdrawn": row.withdrawn_at is not None,
        }
    if as_json:
        print_json(data)
    else:
        click.echo(
            t(
                state,
                "practice.cli.transfer_withdrawn" if withdraw else "practice.cli.transfer",
                organisation=data["from"],
                to=data["to"],
                meeting=data["meeting"],
            )
        )


@click.command("format")
@click.argument("ref", metavar="ID")
@click.option(
    "--format",
    "kind",
    required=True,
    type=click.Choice(["in_person", "online", "hybrid"]),
    help="Präsenz, online oder hybrid",
)
@click.option(
    "--video-url",
    default="",
    metavar="URL",
    help="Videolink (https); geht nur an die Eingeladenen, nie in öffentliche Ausgaben",
)
@json_option
@pass_state
def format_cmd(state: CliState, ref: str, kind: str, video_url: str, as_json: bool) -> None:
    """Sitzungsform festlegen: in_person, online oder hybrid mit Videolink (Vorsitz,
    Geschäftsstelle)."""
    from governance.services import meeting_format
    from governance.services import meetings as meeting_service

    with state.uow() as uow:
        meeting = meeting_service.meeting_by_id(uow.session, ref)
        meeting_format.set_format(uow, meeting, format=kind, video_url=video_url)
        # The link itself is not printed: the command's output may end up in a log.
        data = {
            "meeting": meeting.id,
            "format": meeting.format,
            "video_link": bool(meeting.video_url),
        }
    if as_json:
        print_json(data)
    else:
        video = t(state, "practice.cli.with_video") if data["video_link"] else ""
        click.echo(
            t(
                state,
                "practice.cli.format",
                meeting=data["meeting"],
                format=t(state, f"format.{data['format']}"),
                video=video,
            )
        )


@click.command("online")
@click.argument("ref", metavar="ID")
@click.argument("organisation", metavar="ORG")
@click.option("--off", is_flag=True, help="doch vor Ort (Online-Teilnahme zurücknehmen)")
@json_option
@pass_state
def online_cmd(state: CliState, ref: str, organisation: str, off: bool, as_json: bool) -> None:
    """Erfassen, dass eine anwesende Organisation online teilnimmt (hybride oder
    Online-Sitzung)."""
    from governance.services import meeting_format, meeting_session
    from governance.services import meetings as meeting_service

    with state.uow() as uow:
        meeting = meeting_service.meeting_by_id(uow.session, ref)
        row = meeting_format.attend_online(uow, meeting, organisation=organisation, online=not off)
        check = meeting_session.quorum_now(uow, meeting)
        assert row.organisation is not None
        data = {
            "meeting": meeting.id,
            "organisation": row.organisation.short_name,
            "online": row.online,
            "present": check.present,
            "voting_members": check.voting_members,
            "needed": check.needed,
            "quorate": check.quorate,
        }
    if as_json:
        print_json(data)
    else:
        click.echo(
            t(
                state,
                "practice.cli.online" if data["online"] else "practice.cli.not_online",
                organisation=data["organisation"],
                present=data["present"],
                members=data["voting_members"],
                needed=data["needed"],
            )
        )
