"""``gremium programme`` and ``gremium area``: programmes (e.g. the
Gemeinschaftsinitiative), their action areas (Handlungsräume), which committee is
in which area, who works above the committees, and the lists across the
committees of an area or a programme."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from governance.cli.common import (
    CliState,
    json_option,
    pass_state,
    print_json,
    print_table,
    state_label,
    t,
)
from governance.lazy_import import lazy_module

if TYPE_CHECKING:
    from governance.services import programmes
else:  # loaded by the commands that change something: the listings read through Core
    programmes = lazy_module("governance.services.programmes")


def _done(state: CliState, as_json: bool, key: str, **values: Any) -> None:
    if as_json:
        print_json(values)
    else:
        click.echo(t(state, key, **values))


since_option = click.option("--from", "since", metavar="DATE", help="vom Tag (JJJJ-MM-TT)")
until_option = click.option("--to", "until", metavar="DATE", help="bis zum Tag (JJJJ-MM-TT)")


# --- programmes ---


@click.group("programme")
def programme_group() -> None:
    """Programme wie die Gemeinschaftsinitiative, mit ihren Handlungsräumen."""


@programme_group.command("add")
@click.argument("name")
@click.option("--short", "short_name", required=True, help="Kurzname, z. B. GI")
@click.option("--description", default="", help="Beschreibung")
@json_option
@pass_state
def programme_add(
    state: CliState, name: str, short_name: str, description: str, as_json: bool
) -> None:
    """Ein Programm anlegen (nur Administration)."""
    with state.uow() as uow:
        p = programmes.add_programme(uow, name=name, short_name=short_name, description=description)
        values = {"id": p.id, "short_name": p.short_name, "name": p.name}
    _done(state, as_json, "programmes.cli.programme_added", **values)


@programme_group.command("list")
@json_option
@pass_state
def programme_list(state: CliState, as_json: bool) -> None:
    """Alle Programme mit der Zahl ihrer Handlungsräume und Gremien."""
    from governance.reads.programmes import list_programmes

    with state.reading() as conn:
        rows = list_programmes(conn)
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "programmes.cli.no_programmes"))
        return
    headings = t(state, "programmes.cli.programme_heading").split("|")
    keys = ["id", "short_name", "name", "areas", "committees"]
    print_table(rows, list(zip(keys, headings, strict=True)))


@programme_group.command("show")
@click.argument("ref")
@json_option
@pass_state
def programme_show(state: CliState, ref: str, as_json: bool) -> None:
    """Ein Programm mit Programmbüro, Handlungsräumen, deren Gremien und Koordination."""
    from governance.reads.programmes import programme_id_by_ref, programme_view

    with state.reading() as conn:
        data = programme_view(conn, programme_id_by_ref(conn, ref))
    if as_json:
        print_json(data)
        return
    click.echo(f"{data['name']} ({data['short_name']})")
    if data["description"]:
        click.echo(data["description"])
    office = ", ".join(f"{p['name']} <{p['email']}>" for p in data["office"]) or "—"
    click.echo(t(state, "programmes.cli.office", people=office))
    click.echo(t(state, "programmes.cli.areas", count=len(data["areas"])))
    _print_areas(state, data["areas"])


def _print_areas(state: CliState, areas: list[dict[str, Any]]) -> None:
    rows = [
        {
            "short_name": a["short_name"],
            "name": a["name"],
            "committees": ", ".join(c["short_name"] for c in a["committees"]) or "—",
            "coordinators": ", ".join(p["email"] for p in a["coordinators"]) or "—",
        }
        for a in areas
    ]
    headings = t(state, "programmes.cli.area_heading").split("|")
    keys = ["short_name", "name", "committees", "coordinators"]
    print_table(rows, list(zip(keys, headings, strict=True)))


@programme_group.command("office")
@click.argument("ref")
@click.argument("email")
@json_option
@pass_state
def programme_office(state: CliState, ref: str, email: str, as_json: bool) -> None:
    """Eine Person ins Programmbüro aufnehmen: sie sieht alle Handlungsräume, nur lesend (nur Administration)."""
    with state.uow() as uow:
        appointment = programmes.appoint_office(uow, ref, email)
        values = {"programme": appointment.programme.short_name, "email": appointment.person.email}
    _done(state, as_json, "programmes.cli.office_appointed", **values)


@programme_group.command("overview")
@click.argument("ref")
@since_option
@until_option
@json_option
@pass_state
def programme_overview(
    state: CliState, ref: str, since: str | None, until: str | None, as_json: bool
) -> None:
    """Über alle Gremien des Programms: nächste Sitzungen, Beschlüsse, offene Aufgaben, nicht beschlussfähige Sitzungen, nicht genehmigte Protokolle."""
    from governance.reads.programmes import committee_ids_of_programme, programme_id_by_ref

    def ids(conn: Any) -> tuple[str, list[int]]:
        found = programme_id_by_ref(conn, ref)
        return _name(conn, "programmes", found), committee_ids_of_programme(conn, found)

    _overview(state, ids, since, until, as_json)


# --- action areas ---


@click.group("area")
def area_group() -> None:
    """Handlungsräume eines Programms und ihre Gremien."""


@area_group.command("add")
@click.argument("programme_ref", metavar="PROGRAMME")
@click.argument("name")
@click.option("--short", "short_name", required=True, help="Kurzname, z. B. stadtrand-sued")
@json_option
@pass_state
def area_add(
    state: CliState, programme_ref: str, name: str, short_name: str, as_json: bool
) -> None:
    """Einem Programm einen Handlungsraum hinzufügen (nur Administration)."""
    with state.uow() as uow:
        area = programmes.add_area(uow, programme_ref, name=name, short_name=short_name)
        values = {"id": area.id, "short_name": area.short_name, "name": area.name}
    _done(state, as_json, "programmes.cli.area_added", **values)


@area_group.command("rename")
@click.argument("area_ref", metavar="AREA")
@click.argument("name")
@click.option(
    "--short", "short_name", default=None, help="neuer Kurzname (Standard: der bisherige)"
)
@json_option
@pass_state
def area_rename(
    state: CliState, area_ref: str, name: str, short_name: str | None, as_json: bool
) -> None:
    """Einen Handlungsraum umbenennen, auch seinen Kurznamen (Programmbüro oder Administration)."""
    with state.uow() as uow:
        area = programmes.area_by_ref(uow.session, area_ref)
        old = {"old_name": area.name, "old_short_name": area.short_name}
        programmes.rename_area(uow, area, name=name, short_name=short_name)
        values = {"id": area.id, "short_name": area.short_name, "name": area.name, **old}
    _done(state, as_json, "programmes.cli.area_renamed", **values)


@area_group.command("add-committee")
@click.argument("area_ref", metavar="AREA")
@click.argument("committee_ref", metavar="COMMITTEE")
@json_option
@pass_state
def area_add_committee(state: CliState, area_ref: str, committee_ref: str, as_json: bool) -> None:
    """Ein Gremium einem Handlungsraum zuordnen; ein Gremium gehört zu höchstens einem (nur Administration)."""
    with state.uow() as uow:
        link = programmes.add_committee(uow, area_ref, committee_ref)
        values = {"area": link.area.short_name, "committee": link.committee.short_name}
    _done(state, as_json, "programmes.cli.committee_added", **values)


@area_group.command("remove-committee")
@click.argument("area_ref", metavar="AREA")
@click.argument("committee_ref", metavar="COMMITTEE")
@json_option
@pass_state
def area_remove_committee(
    state: CliState, area_ref: str, committee_ref: str, as_json: bool
) -> None:
    """Ein Gremium aus einem Handlungsraum nehmen; es steht dann für sich (nur Administration)."""
    with state.uow() as uow:
        area = programmes.area_by_ref(uow.session, area_ref)
        programmes.remove_committee(uow, area, committee_ref)
        values = {"area": area.short_name, "committee": committee_ref}
    _done(state, as_json, "programmes.cli.committee_removed", **values)


@area_group.command("appoint")
@click.argument("area_ref", metavar="AREA")
@click.argument("email")
@json_option
@pass_state
def area_appoint(state: CliState, area_ref: str, email: str, as_json: bool) -> None:
    """Eine Person zur Koordination eines Handlungsraums bestimmen: sie sieht dessen Gremien, nur lesend (nur Administration)."""
    with state.uow() as uow:
        appointment = programmes.appoint_coordinator(uow, area_ref, email)
        values = {"area": appointment.area.short_name, "email": appointment.person.email}
    _done(state, as_json, "programmes.cli.coordinator_appointed", **values)


@area_group.command("dismiss")
@click.argument("area_ref", metavar="AREA")
@click.argument("email")
@json_option
@pass_state
def area_dismiss(state: CliState, area_ref: str, email: str, as_json: bool) -> None:
    """Die Koordination eines Handlungsraums durch eine Person beenden (nur Administration)."""
    with state.uow() as uow:
        area = programmes.area_by_ref(uow.session, area_ref)
        programmes.dismiss_coordinator(uow, area, email)
        values = {"area": area.short_name, "email": email}
    _done(state, as_json, "programmes.cli.coordinator_dismissed", **values)


@area_group.command("show")
@click.argument("ref")
@json_option
@pass_state
def area_show(state: CliState, ref: str, as_json: bool) -> None:
    """Ein Handlungsraum mit Programm, Gremien und Koordination."""
    from governance.reads.programmes import area_id_by_ref, area_view

    with state.reading() as conn:
        data = area_view(conn, area_id_by_ref(conn, ref))
    if as_json:
        print_json(data)
        return
    click.echo(f"{data['name']} ({data['short_name']}) — {data['programme']}")
    _print_areas(state, [data])


@area_group.command("overview")
@click.argument("ref")
@since_option
@until_option
@json_option
@pass_state
def area_overview(
    state: CliState, ref: str, since: str | None, until: str | None, as_json: bool
) -> None:
    """Über alle Gremien des Handlungsraums: nächste Sitzungen, Beschlüsse, offene Aufgaben, nicht beschlussfähige Sitzungen, nicht genehmigte Protokolle."""
    from governance.reads.programmes import area_id_by_ref, committee_ids_of_area

    def ids(conn: Any) -> tuple[str, list[int]]:
        found = area_id_by_ref(conn, ref)
        return _name(conn, "action_areas", found), committee_ids_of_area(conn, found)

    _overview(state, ids, since, until, as_json)


def _name(conn: Any, table_name: str, ident: int) -> str:
    from sqlalchemy import select

    from governance.reads import tables

    table = getattr(tables, table_name)
    return str(conn.execute(select(table.c.name).where(table.c.id == ident)).scalar_one())


def _overview(
    state: CliState, ids: Any, since: str | None, until: str | None, as_json: bool
) -> None:
    """The five lists across the committees *ids(conn)* finds, as text or JSON."""
    from governance.clock import today_in_berlin
    from governance.domain.periods import period
    from governance.reads.area_overview import overview

    with state.reading() as conn:
        clock = state.clock(conn)
        now = clock.now()
        start, end = period(today_in_berlin(clock), since, until)
        name, committee_ids = ids(conn)
        data = overview(conn, committee_ids, now=now, since=start, until=end)
    data["name"] = name
    if as_json:
        print_json(data)
        return
    committees = ", ".join(c["short_name"] for c in data["committees"]) or "—"
    click.echo(t(state, "programmes.cli.overview_of", name=name, committees=committees))
    for section, keys in _SECTIONS:
        rows = data[section]["rows"]
        click.echo("")
        click.echo(
            t(state, f"programmes.section.{section}", count=len(rows), since=start, until=end)
        )
        if not rows:
            click.echo(t(state, "programmes.cli.none"))
            continue
        for row in rows:
            if "carried" in row:
                row["carried"] = t(state, "vote.carried" if row["carried"] else "vote.rejected")
            if "overdue" in row:
                row["overdue"] = t(state, "programmes.overdue") if row["overdue"] else ""
            if "state" in row:
                workflow = "minutes" if section == "minutes_pending" else "meeting"
                row["state"] = state_label(state, workflow, row["state"])
            if "text" in row:
                row["text"] = " ".join(str(row["text"]).split())[:80]
        headings = t(state, f"programmes.cli.heading.{section}").split("|")
        print_table(rows, list(zip(keys, headings, strict=True)))
        if data[section]["truncated"]:
            click.echo(t(state, "programmes.cli.truncated", count=len(rows)))


_SECTIONS = (
    ("upcoming", ["committee", "id", "starts_at", "title", "state", "location"]),
    ("decisions", ["committee", "reference", "decided_on", "carried", "text"]),
    ("action_items", ["committee", "id", "due_on", "overdue", "who", "what"]),
    ("not_quorate", ["committee", "id", "starts_at", "title"]),
    ("minutes_pending", ["committee", "meeting_id", "meeting_starts_at", "state"]),
)

COMMANDS = [programme_group, area_group]
