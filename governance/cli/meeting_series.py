"""``gremium meeting series``: recurring schedules (RRULE, Europe/Berlin local time)."""

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
from governance.cli.meeting_text import schedule_note, workflow_label
from governance.cli.output import berlin
from governance.services import directory, meeting_series, meeting_views


@click.group("series")
def series_group() -> None:
    """Sitzungsreihen (RRULE nach RFC 5545, Ortszeit Berlin)."""


@series_group.command("add")
@committee_option
@click.option("--title", required=True, help="Titel der Sitzungen")
@click.option(
    "--rrule",
    required=True,
    help="z. B. FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE (quartalsweise, 2. Mittwoch); FREQ=DAILY, "
    "WEEKLY, MONTHLY oder YEARLY, höchstens wöchentlich, Uhrzeit aus --start",
)
@click.option(
    "--start", "first_start", required=True, help="erster Termin, Ortszeit: JJJJ-MM-TT HH:MM"
)
@click.option("--duration", default="120", show_default=True, help="Dauer in Minuten")
@click.option("--location", required=True, help="Ort")
@click.option(
    "--horizon",
    default="12",
    show_default=True,
    help="so viele Monate im Voraus anlegen (1 bis 36)",
)
@json_option
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
    as_json: bool,
) -> None:
    """Eine Sitzungsreihe anlegen; ihre Termine im Horizont werden Sitzungen."""
    with state.uow() as uow:
        series = meeting_series.add_series(
            uow,
            committee_ref,
            title=title,
            rrule=rrule,
            first_start=first_start,
            duration_minutes=duration,
            location=location,
            horizon_months=horizon,
        )
        planned = meeting_series.meetings_of(uow.session, series)
        data = {"series": _row(series), "meetings": [meeting_views.summary(m) for m in planned]}
        lines = [t(state, "meeting.cli.series_added", id=series.id, count=len(planned))]
        lines += [_occurrence_line(state, m) for m in planned]
    if as_json:
        print_json(data)
        return
    click.echo("\n".join(lines))


def _row(series: Any) -> dict[str, Any]:
    return {
        "id": series.id,
        "title": series.title,
        "rrule": series.rrule,
        "first_start": series.first_start,
        "duration_minutes": series.duration_minutes,
        "location": series.location,
        "horizon_months": series.horizon_months,
        "state": series.state,
    }


def _occurrence_line(state: CliState, meeting: Any) -> str:
    note = f"  ({schedule_note(state, meeting.schedule_note)})" if meeting.schedule_note else ""
    return f"  #{meeting.id}  {berlin(meeting.starts_at)}  {meeting.location}{note}"


@series_group.command("list")
@committee_option
@json_option
@pass_state
def series_list(state: CliState, committee_ref: str | None, as_json: bool) -> None:
    """Alle Sitzungsreihen des Gremiums."""
    with state.read() as session:
        committee = directory.committee_by_ref(session, committee_ref)
        rows = [_row(s) for s in meeting_series.all_series(session, committee)]
    if as_json:
        print_json(rows)
        return
    for row in rows:
        row["status"] = workflow_label(state, "meeting_series", row["state"])
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
@click.option("--horizon", help="Monate im Voraus (1 bis 36)")
@json_option
@pass_state
def series_change(state: CliState, ref: str, as_json: bool, **changes: Any) -> None:
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
        data = _row(series)
    if as_json:
        print_json(data)
        return
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
