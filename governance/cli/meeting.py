"""``gremium meeting``: series, single meetings and what happens in a meeting.

Each command calls one service function inside one unit of work; checks of
who may do what, validation and the audit record live in the services.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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
from governance.cli.meeting_text import (
    allowed,
    quorum_line,
    schedule_note,
    show_text,
    workflow_label,
)
from governance.cli.output import berlin
from governance.errors import InvalidInput
from governance.lazy_import import lazy_module

if TYPE_CHECKING:
    from governance.services import meeting_session, meeting_views, votes
    from governance.services import meetings as meeting_service
else:  # loaded by the commands that use them: `meeting list` reads through Core
    meeting_session = lazy_module("governance.services.meeting_session")
    meeting_views = lazy_module("governance.services.meeting_views")
    votes = lazy_module("governance.services.votes")
    meeting_service = lazy_module("governance.services.meetings")


def _changed(state: CliState, meeting: Any) -> str:
    return t(
        state,
        "meeting.cli.changed",
        id=meeting.id,
        title=meeting.title,
        starts_at=berlin(meeting.starts_at),
        status=workflow_label(state, "meeting", meeting.state),
    )


def _act(state: CliState, ref: str, action: Any, **kwargs: Any) -> None:
    with state.uow() as uow:
        meeting = meeting_service.meeting_by_id(uow.session, ref)
        action(uow, meeting, **kwargs)
        message = _changed(state, meeting)
    click.echo(message)


SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    # Subcommands in modules of their own, imported when used so that `meeting show`
    # loads neither (issue 11 point 19): name: (module, attribute, the first sentence of
    # its help, listed by `meeting --help` as click would list it).
    "series": (
        "governance.cli.meeting_series",
        "series_group",
        "Sitzungsreihen (RRULE nach RFC 5545, Ortszeit Berlin).",
    ),
    "rsvp": (
        "governance.cli.rsvp",
        "rsvp_cmd",
        "Auf die Einladung antworten: attends, excused, deputy (mit --deputy) oder tentative "
        "(vielleicht); mit --for erfasst die Geschäftsstelle eine Antwort.",
    ),
    # issue 16, meeting practice (governance/cli/meeting_practice.py):
    "conflict": (
        "governance.cli.meeting_practice",
        "conflict_cmd",
        "Befangenheit einer Mitgliedsorganisation bei einem Beschluss-TOP erfassen: sie stimmt "
        "darüber nicht ab, das Protokoll nennt den Grund.",
    ),
    "transfer-vote": (
        "governance.cli.meeting_practice",
        "transfer_vote_cmd",
        "Stimmrechtsübertragung erfassen: FROM kann nicht teilnehmen und überträgt seine Stimme "
        "für diese Sitzung schriftlich an TO (nur wenn die Geschäftsordnung es erlaubt).",
    ),
    "format": (
        "governance.cli.meeting_practice",
        "format_cmd",
        "Sitzungsform festlegen: in_person, online oder hybrid mit Videolink (Vorsitz, "
        "Geschäftsstelle).",
    ),
    "online": (
        "governance.cli.meeting_practice",
        "online_cmd",
        "Erfassen, dass eine anwesende Organisation online teilnimmt (hybride oder "
        "Online-Sitzung).",
    ),
}


class MeetingGroup(click.Group):
    """``gremium meeting``: the subcommands of :data:`SUBCOMMANDS` load on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *SUBCOMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in SUBCOMMANDS:
            module, attribute, _ = SUBCOMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attribute))
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # As click lists them (its limit), without importing a subcommand not yet loaded.
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows: list[tuple[str, str]] = []
        for name in names:
            loaded = self.commands.get(name)
            if loaded is None:
                # a stand-in with the same help text: the same short help, nothing imported
                stand_in = click.Command(name, help=SUBCOMMANDS[name][2])
                rows.append((name, stand_in.get_short_help_str(limit)))
            else:
                rows.append((name, loaded.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group("meeting", cls=MeetingGroup)
def meeting_group() -> None:
    """Sitzungen: Sitzungsreihen, Planung, Einladung, Anwesenheit, Abstimmungen."""


# --- single meetings ---


_ON_HOLIDAY = click.option(
    "--on-holiday",
    is_flag=True,
    help="bestätigen, dass die Sitzung an einem Berliner Feiertag stattfindet",
)


def _done(state: CliState, meeting: Any, as_json: bool) -> None:
    """What a planned or moved meeting looks like now, as text or JSON (read in the unit of work)."""
    if as_json:
        print_json(meeting_views.summary(meeting))
    else:
        click.echo(_changed(state, meeting))


@meeting_group.command("plan")
@committee_option
@click.option("--title", required=True)
@click.option("--start", required=True, help="Ortszeit Berlin: JJJJ-MM-TT HH:MM")
@click.option("--duration", default="120", show_default=True, help="Dauer in Minuten")
@click.option("--location", required=True)
@_ON_HOLIDAY
@json_option
@pass_state
def plan_cmd(
    state: CliState,
    committee_ref: str | None,
    title: str,
    start: str,
    duration: str,
    location: str,
    on_holiday: bool,
    as_json: bool,
) -> None:
    """Eine einzelne Sitzung außerhalb einer Reihe planen."""
    with state.uow() as uow:
        meeting = meeting_service.plan(
            uow,
            committee_ref,
            title=title,
            starts_at=start,
            duration_minutes=duration,
            location=location,
            on_holiday=on_holiday,
        )
    _done(state, meeting, as_json)


@meeting_group.command("list")
@committee_option
@click.option("--state", "state_filter", default=None, help="nur Sitzungen in diesem Zustand")
@json_option
@pass_state
def list_cmd(
    state: CliState, committee_ref: str | None, state_filter: str | None, as_json: bool
) -> None:
    """Alle Sitzungen des Gremiums, nach Beginn."""
    from governance.cli.common import workflow_states
    from governance.reads.committees import committee_id_by_ref
    from governance.reads.meetings import meetings

    states = workflow_states(state, "meeting")
    if state_filter is not None and state_filter not in states:
        raise InvalidInput(
            "error.choice", what="--state", value=state_filter, allowed=", ".join(states)
        )
    with state.reading() as conn:
        rows = meetings(conn, committee_id_by_ref(conn, committee_ref), state_filter)
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "meeting.cli.none"))
        return
    for row in rows:
        row["status"] = workflow_label(state, "meeting", row["state"])
        row["note"] = schedule_note(state, row["schedule_note"]) if row["schedule_note"] else None
    headings = t(state, "meeting.cli.heading").split("|")
    keys = ["id", "number", "starts_at", "title", "location", "status", "note"]
    print_table(rows, list(zip(keys, headings, strict=True)))


@meeting_group.command("show")
@click.argument("ref", metavar="ID")
@json_option
@pass_state
def show_cmd(state: CliState, ref: str, as_json: bool) -> None:
    """Eine Sitzung mit Fristen, Tagesordnung, Anwesenheit, Abstimmungen und Zeitgebern."""
    from governance.reads.meeting_view import describe
    from governance.reads.minutes import meeting_number

    with state.reading() as conn:
        data = describe(conn, meeting_number(ref), lambda s: allowed(state, s))
    if as_json:
        print_json(data)
        return
    click.echo(show_text(state, data))


@meeting_group.command("convene")
@click.argument("ref", metavar="ID")
@pass_state
def convene_cmd(state: CliState, ref: str) -> None:
    """Jetzt einladen (sonst lädt der Zeitgeber zur Ladungsfrist ein)."""
    _act(state, ref, meeting_service.convene)


@meeting_group.command("open")
@click.argument("ref", metavar="ID")
@pass_state
def open_cmd(state: CliState, ref: str) -> None:
    """Die Sitzung eröffnen; die Beschlussfähigkeit wird festgestellt."""
    with state.uow() as uow:
        meeting, check = meeting_session.open_session(uow, ref)
        message = (
            _changed(state, meeting)
            + "\n"
            + quorum_line(
                state,
                check.quorate,
                check.present,
                check.voting_members,
                check.needed,
                check.repeat_meeting,
            )
        )
    click.echo(message)


@meeting_group.command("attend")
@click.argument("ref", metavar="ID")
@click.argument("organisation", required=False)
@click.option(
    "--status",
    default="present",
    show_default=True,
    help="present | represented | excused | absent",
)
@click.option(
    "--person",
    default=None,
    metavar="EMAIL",
    help="wer gekommen ist (Vertretung oder Stellvertretung)",
)
@click.option("--arrived", default=None, metavar="HH:MM", help="später gekommen um")
@click.option("--departed", default=None, metavar="HH:MM", help="früher gegangen um")
@click.option("--guest", default=None, help="einen Gast eintragen (Name)")
@click.option("--affiliation", default="", help="Organisation des Gastes")
@pass_state
def attend_cmd(
    state: CliState,
    ref: str,
    organisation: str | None,
    status: str,
    person: str | None,
    arrived: str | None,
    departed: str | None,
    guest: str | None,
    affiliation: str,
) -> None:
    """Anwesenheit einer Organisation (oder eines Gastes) erfassen."""
    with state.uow() as uow:
        if guest is not None:
            meeting_session.add_guest(uow, ref, name=guest, affiliation=affiliation)
            message = t(state, "meeting.cli.guest", name=guest)
        else:
            row, check = meeting_session.attend(
                uow,
                ref,
                organisation,
                status=status,
                person_email=person,
                arrived=arrived,
                departed=departed,
            )
            assert row.organisation is not None, "recorded for an organisation"
            message = t(
                state,
                "meeting.cli.attendance",
                organisation=row.organisation.short_name if row.organisation else organisation,
                status=t(state, f"attendance.{row.status}"),
                present=check.present,
                members=check.voting_members,
                needed=check.needed,
            )
    click.echo(message)


@meeting_group.command("vote")
@click.argument("ref", metavar="ID")
@click.argument("top", metavar="TOP")
@click.option(
    "--ballot",
    "ballots",
    multiple=True,
    metavar="ORG=yes|no|abstain",
    help="Stimme einer Organisation (namentlich)",
)
@click.option("--yes", "yes", default=None, help="Ja-Stimmen (offene Abstimmung)")
@click.option("--no", "no", default=None, help="Nein-Stimmen")
@click.option("--abstain", "abstain", default=None, help="Enthaltungen")
@click.option("--text", required=True, help="Beschlusstext")
@pass_state
def vote_cmd(
    state: CliState,
    ref: str,
    top: str,
    ballots: tuple[str, ...],
    yes: str | None,
    no: str | None,
    abstain: str | None,
    text: str,
) -> None:
    """Über einen Beschluss-TOP abstimmen: namentlich (--ballot) oder per Handzeichen (--yes/--no/--abstain)."""
    with state.uow() as uow:
        decision = meeting_session.vote(
            uow,
            ref,
            top,
            text=text,
            ballots=votes.parse_ballots(list(ballots)) if ballots else None,
            yes=yes,
            no=no,
            abstain=abstain,
        )
        vote = decision.vote
        message = t(
            state,
            "meeting.cli.voted",
            reference=decision.reference,
            top=decision.item.position,
            yes=vote.yes,
            no=vote.no,
            abstain=vote.abstain,
            result=t(state, "vote.carried" if vote.carried else "vote.rejected"),
            majority=t(state, f"majority.{vote.majority}"),
        )
    click.echo(message)


@meeting_group.command("close")
@click.argument("ref", metavar="ID")
@pass_state
def close_cmd(state: CliState, ref: str) -> None:
    """Die Sitzung schließen; nicht behandelte TOPs gehen auf die nächste Sitzung."""
    with state.uow() as uow:
        message = _changed(state, meeting_session.close_session(uow, ref))
    click.echo(message)


@meeting_group.command("cancel")
@click.argument("ref", metavar="ID")
@click.option("--reason", required=True, help="Grund der Absage")
@pass_state
def cancel_cmd(state: CliState, ref: str, reason: str) -> None:
    """Die Sitzung absagen (vor ihrem Beginn); alle Eingeladenen erfahren es."""
    _act(state, ref, meeting_service.cancel, reason=reason)


# --- (meetings) after its day: a meeting never opened in the system gets its end ---


def _ended(state: CliState, ref: str, action: Any, as_json: bool, **kwargs: Any) -> None:
    with state.uow() as uow:
        meeting = meeting_service.meeting_by_id(uow.session, ref)
        action(uow, meeting, **kwargs)
        data = {
            "id": meeting.id,
            "title": meeting.title,
            "starts_at": meeting.starts_at,
            "state": meeting.state,
            "reason": meeting.reason or None,
            "recorded_later_at": meeting.recorded_later_at,
            "recorded_later_by": meeting.recorded_later_by,
        }
        message = _changed(state, meeting)
    if as_json:
        print_json(data)
    else:
        click.echo(message)


@meeting_group.command("not-held")
@click.argument("ref", metavar="ID")
@click.option("--reason", required=True, help="warum die Sitzung nicht stattfand")
@json_option
@pass_state
def not_held_cmd(state: CliState, ref: str, reason: str, as_json: bool) -> None:
    """Nach dem Sitzungstag erfassen, dass die Sitzung nicht stattfand (Vorsitz);
    ihre Tagesordnung geht auf die nächste Sitzung."""
    _ended(state, ref, meeting_service.record_not_held, as_json, reason=reason)


@meeting_group.command("record-later")
@click.argument("ref", metavar="ID")
@json_option
@pass_state
def record_later_cmd(state: CliState, ref: str, as_json: bool) -> None:
    """Eine auf Papier geführte Sitzung nachträglich erfassen: danach
    Anwesenheit und Abstimmungen erfassen und schließen; alles ist als nachträglich markiert."""
    _ended(state, ref, meeting_service.record_afterwards, as_json)


@meeting_group.command("move")
@click.argument("ref", metavar="ID")
@click.option("--start", required=True, help="neuer Beginn, Ortszeit: JJJJ-MM-TT HH:MM")
@click.option("--reason", required=True, help="Grund der Verlegung")
@click.option("--location", default=None, help="neuer Ort")
@click.option("--duration", default=None, help="neue Dauer in Minuten")
@_ON_HOLIDAY
@json_option
@pass_state
def move_cmd(
    state: CliState,
    ref: str,
    start: str,
    reason: str,
    location: str | None,
    duration: str | None,
    on_holiday: bool,
    as_json: bool,
) -> None:
    """Die Sitzung verlegen (vor ihrem Beginn); Fristen und Zeitgeber wandern mit."""
    with state.uow() as uow:
        meeting = meeting_service.move(
            uow,
            ref,
            starts_at=start,
            reason=reason,
            location=location,
            duration_minutes=duration,
            on_holiday=on_holiday,
        )
    _done(state, meeting, as_json)


COMMANDS = [meeting_group]
