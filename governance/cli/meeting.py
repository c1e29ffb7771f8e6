"""``gremium meeting``: series, single meetings and what happens in a meeting.

Each command calls one service function inside one unit of work; checks of
who may do what, validation and the audit record live in the services.
"""

from __future__ import annotations

from typing import Any

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
from governance.cli.meeting_text import quorum_line, schedule_note, show_text
from governance.cli.output import berlin
from governance.errors import InvalidInput
from governance.services import attendance, directory, meeting_series, meeting_views, votes
from governance.services import meetings as meeting_service
from governance.services.agenda import item_by_ref


def _label(state: CliState, workflow: str, name: str) -> str:
    return state.app.engine.definitions[workflow].label(name, state.lang)


def _changed(state: CliState, meeting: Any) -> str:
    return t(
        state,
        "meeting.cli.changed",
        id=meeting.id,
        title=meeting.title,
        starts_at=berlin(meeting.starts_at),
        status=_label(state, "meeting", meeting.state),
    )


def _act(state: CliState, ref: str, action: Any, **kwargs: Any) -> None:
    with state.uow() as uow:
        meeting = meeting_service.meeting_by_id(uow.session, ref)
        action(uow, meeting, **kwargs)
        message = _changed(state, meeting)
    click.echo(message)


@click.group("meeting")
def meeting_group() -> None:
    """Sitzungen: Sitzungsreihen, Planung, Einladung, Anwesenheit, Abstimmungen."""


# --- series ---


@meeting_group.group("series")
def series_group() -> None:
    """Sitzungsreihen (RRULE nach RFC 5545, Ortszeit Berlin)."""


@series_group.command("add")
@committee_option
@click.option("--title", required=True, help="Titel der Sitzungen")
@click.option(
    "--rrule",
    required=True,
    help="z. B. FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE (quartalsweise, 2. Mittwoch)",
)
@click.option(
    "--start", "first_start", required=True, help="erster Termin, Ortszeit: JJJJ-MM-TT HH:MM"
)
@click.option("--duration", default="120", show_default=True, help="Dauer in Minuten")
@click.option("--location", required=True, help="Ort")
@click.option(
    "--horizon", default="12", show_default=True, help="so viele Monate im Voraus anlegen"
)
@pass_state
def series_add(
    state: CliState,
    committee_ref: str | None,
    title: str,
    rrule: str,
    first_start: str,
    duration: str,
    location: str,
    horizon: str,
) -> None:
    """Eine Sitzungsreihe anlegen; ihre Termine im Horizont werden Sitzungen."""
    with state.uow() as uow:
        committee = directory.committee_by_ref(uow.session, committee_ref)
        series = meeting_series.add_series(
            uow,
            committee,
            title=title,
            rrule=rrule,
            first_start=first_start,
            duration_minutes=duration,
            location=location,
            horizon_months=horizon,
        )
        planned = [
            m for m in meeting_service.meetings(uow.session, committee) if m.series_id == series.id
        ]
        lines = [t(state, "meeting.cli.series_added", id=series.id, count=len(planned))]
        lines += [_occurrence_line(state, m) for m in planned]
    click.echo("\n".join(lines))


def _occurrence_line(state: CliState, meeting: Any) -> str:
    note = f"  ({_note(state, meeting.schedule_note)})" if meeting.schedule_note else ""
    return f"  #{meeting.id}  {berlin(meeting.starts_at)}  {meeting.location}{note}"


def _note(state: CliState, note: str) -> str:
    return schedule_note(state, note)


@series_group.command("list")
@committee_option
@json_option
@pass_state
def series_list(state: CliState, committee_ref: str | None, as_json: bool) -> None:
    """Alle Sitzungsreihen des Gremiums."""
    with state.read() as session:
        committee = directory.committee_by_ref(session, committee_ref)
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "rrule": s.rrule,
                "first_start": s.first_start,
                "duration_minutes": s.duration_minutes,
                "location": s.location,
                "horizon_months": s.horizon_months,
                "state": s.state,
            }
            for s in meeting_series.all_series(session, committee)
        ]
    if as_json:
        print_json(rows)
        return
    for row in rows:
        row["status"] = _label(state, "meeting_series", row["state"])
    headings = t(state, "meeting.cli.series_heading").split("|")
    keys = ["id", "title", "rrule", "first_start", "location", "status"]
    print_table(rows, list(zip(keys, headings, strict=True)))


@series_group.command("change")
@click.argument("ref", metavar="ID")
@click.option("--title")
@click.option("--rrule")
@click.option("--start", "first_start", help="neuer erster Termin (JJJJ-MM-TT HH:MM)")
@click.option("--duration")
@click.option("--location")
@click.option("--horizon")
@pass_state
def series_change(state: CliState, ref: str, **changes: Any) -> None:
    """Die Reihe ändern: nur künftige, unveränderte Sitzungen werden neu erzeugt."""
    with state.uow() as uow:
        series = meeting_series.series_by_id(uow.session, ref)
        meeting_series.change_series(
            uow,
            series,
            title=changes["title"],
            rrule=changes["rrule"],
            first_start=changes["first_start"],
            duration_minutes=changes["duration"],
            location=changes["location"],
            horizon_months=changes["horizon"],
        )
        message = t(state, "meeting.cli.series_changed", id=series.id)
    click.echo(message)


@series_group.command("end")
@click.argument("ref", metavar="ID")
@pass_state
def series_end(state: CliState, ref: str) -> None:
    """Die Reihe beenden; künftige, unveränderte Sitzungen werden abgesagt."""
    with state.uow() as uow:
        series = meeting_series.series_by_id(uow.session, ref)
        meeting_series.end_series(uow, series)
        message = t(state, "meeting.cli.series_ended", id=series.id)
    click.echo(message)


# --- single meetings ---


@meeting_group.command("plan")
@committee_option
@click.option("--title", required=True)
@click.option("--start", required=True, help="Ortszeit Berlin: JJJJ-MM-TT HH:MM")
@click.option("--duration", default="120", show_default=True, help="Dauer in Minuten")
@click.option("--location", required=True)
@pass_state
def plan_cmd(
    state: CliState, committee_ref: str | None, title: str, start: str, duration: str, location: str
) -> None:
    """Eine einzelne Sitzung außerhalb einer Reihe planen."""
    with state.uow() as uow:
        committee = directory.committee_by_ref(uow.session, committee_ref)
        meeting = meeting_service.plan(
            uow,
            committee,
            title=title,
            starts_at=start,
            duration_minutes=duration,
            location=location,
        )
        message = _changed(state, meeting)
    click.echo(message)


@meeting_group.command("list")
@committee_option
@click.option("--state", "state_filter", default=None, help="nur Sitzungen in diesem Zustand")
@json_option
@pass_state
def list_cmd(
    state: CliState, committee_ref: str | None, state_filter: str | None, as_json: bool
) -> None:
    """Alle Sitzungen des Gremiums, nach Beginn."""
    states = state.app.engine.definitions["meeting"].states
    if state_filter is not None and state_filter not in states:
        raise InvalidInput(
            "error.choice", what="--state", value=state_filter, allowed=", ".join(states)
        )
    with state.read() as session:
        committee = directory.committee_by_ref(session, committee_ref)
        rows = [
            meeting_views.summary(m)
            for m in meeting_service.meetings(session, committee, state=state_filter)
        ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "meeting.cli.none"))
        return
    for row in rows:
        row["status"] = _label(state, "meeting", row["state"])
        row["note"] = _note(state, row["schedule_note"]) if row["schedule_note"] else None
    headings = t(state, "meeting.cli.heading").split("|")
    keys = ["id", "number", "starts_at", "title", "location", "status", "note"]
    print_table(rows, list(zip(keys, headings, strict=True)))


@meeting_group.command("show")
@click.argument("ref", metavar="ID")
@json_option
@pass_state
def show_cmd(state: CliState, ref: str, as_json: bool) -> None:
    """Eine Sitzung mit Fristen, Tagesordnung, Anwesenheit, Abstimmungen und Zeitgebern."""
    with state.read() as session:
        data = meeting_views.describe(
            session, meeting_service.meeting_by_id(session, ref), state.app.engine
        )
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
        meeting = meeting_service.meeting_by_id(uow.session, ref)
        meeting_service.open_meeting(uow, meeting)
        check = attendance.quorum_at(uow.session, meeting, uow.now)
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
        meeting = meeting_service.meeting_by_id(uow.session, ref)
        if guest is not None:
            attendance.add_guest(uow, meeting, name=guest, affiliation=affiliation)
            message = t(state, "meeting.cli.guest", name=guest)
        else:
            if not organisation:
                raise InvalidInput("meeting.error.organisation_or_guest")
            row = attendance.record(
                uow,
                meeting,
                organisation_ref=organisation,
                status=status,
                person_email=person,
                arrived=arrived,
                departed=departed,
            )
            check = attendance.quorum_at(uow.session, meeting, uow.now)
            message = t(
                state,
                "meeting.cli.attendance",
                organisation=row.organisation.short_name,
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
    totals = None
    if any(v is not None for v in (yes, no, abstain)):
        totals = tuple(
            _count(v or "0", what)
            for v, what in ((yes, "--yes"), (no, "--no"), (abstain, "--abstain"))
        )
    with state.uow() as uow:
        meeting = meeting_service.meeting_by_id(uow.session, ref)
        item = item_by_ref(uow.session, f"{meeting.id}/{top}" if top.isdigit() else top)
        if item.meeting_id != meeting.id:
            raise InvalidInput("vote.error.other_meeting", item=item.id, meeting=meeting.id)
        decision = votes.record_vote(
            uow,
            item,
            text=text,
            ballots=votes.parse_ballots(list(ballots)) if ballots else None,
            totals=totals,
        )  # type: ignore[arg-type]
        vote = decision.vote
        message = t(
            state,
            "meeting.cli.voted",
            reference=decision.reference,
            top=item.position,
            yes=vote.yes,
            no=vote.no,
            abstain=vote.abstain,
            result=t(state, "vote.carried" if vote.carried else "vote.rejected"),
            majority=t(state, f"majority.{vote.majority}"),
        )
    click.echo(message)


def _count(value: str, what: str) -> int:
    text = value.strip()
    if not text.isdigit():
        raise InvalidInput("vote.error.count", what=what, value=value)
    return int(text)


@meeting_group.command("close")
@click.argument("ref", metavar="ID")
@pass_state
def close_cmd(state: CliState, ref: str) -> None:
    """Die Sitzung schließen; nicht behandelte TOPs gehen auf die nächste Sitzung."""
    _act(state, ref, meeting_service.close)


@meeting_group.command("cancel")
@click.argument("ref", metavar="ID")
@click.option("--reason", required=True, help="Grund der Absage")
@pass_state
def cancel_cmd(state: CliState, ref: str, reason: str) -> None:
    """Die Sitzung absagen (vor ihrem Beginn); alle Eingeladenen erfahren es."""
    _act(state, ref, meeting_service.cancel, reason=reason)


@meeting_group.command("move")
@click.argument("ref", metavar="ID")
@click.option("--start", required=True, help="neuer Beginn, Ortszeit: JJJJ-MM-TT HH:MM")
@click.option("--reason", required=True, help="Grund der Verlegung")
@click.option("--location", default=None, help="neuer Ort")
@click.option("--duration", default=None, help="neue Dauer in Minuten")
@pass_state
def move_cmd(
    state: CliState, ref: str, start: str, reason: str, location: str | None, duration: str | None
) -> None:
    """Die Sitzung verlegen (vor ihrem Beginn); Fristen und Zeitgeber wandern mit."""
    _act(
        state,
        ref,
        meeting_service.move,
        starts_at=start,
        reason=reason,
        location=location,
        duration_minutes=duration,
    )


COMMANDS = [meeting_group]
