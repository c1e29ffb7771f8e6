"""``gremium report``: the annual report (Jahresbericht) of a committee or of an
action area, and the attendance over a year's meetings (text, JSON, CSV).

Both only read: nothing changes and nothing is audited. The report's language is
the global option --lang (``gremium --lang en report annual …``).
"""

from __future__ import annotations

from pathlib import Path

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
from governance.cli.csv_output import format_option, wanted, write_csv
from governance.errors import InvalidInput

DOCUMENT_FORMATS = ("pdf", "html")


@click.group("report")
def report_group() -> None:
    """Berichte: Jahresbericht eines Gremiums oder Handlungsfelds, Anwesenheit."""


def _year(value: str | None) -> int | None:
    if value is None:
        return None
    if not (value.isdigit() and len(value) == 4):
        raise InvalidInput("decision.error.year", value=value)
    return int(value)


@report_group.command("annual")
@committee_option
@click.option("--area", "area_ref", default=None, help="Handlungsfeld (Kurzname oder Nummer).")
@click.option("--year", required=True, help="Berichtsjahr (JJJJ).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(DOCUMENT_FORMATS),
    default="pdf",
    show_default=True,
    help="pdf (PDF/A-3a, barrierefrei getaggt) oder html.",
)
@click.option(
    "--out",
    "out",
    metavar="PFAD",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Zieldatei (Standard: annual_report-GREMIUM-JAHR.FORMAT im aktuellen Ordner).",
)
@json_option
@pass_state
def annual_cmd(
    state: CliState,
    committee_ref: str | None,
    area_ref: str | None,
    year: str,
    fmt: str,
    out: Path | None,
    as_json: bool,
) -> None:
    """Den Jahresbericht eines Gremiums oder Handlungsfelds als PDF/A oder HTML schreiben.

    Sitzungen (gehalten, nicht beschlussfähig), Beschlüsse nach Art und Mehrheit,
    Anwesenheit je Mitgliedsorganisation mit Diagramm, Aufgaben, Beitritte und
    Austritte, Fassungen der Vereinbarung. Ein Handlungsfeld (--area) berichtet
    über alle seine Gremien.
    """
    from governance.reads.committees import DefaultCommittee

    if isinstance(committee_ref, DefaultCommittee) and area_ref is not None:
        committee_ref = None  # the installation's default does not compete with --area
    if committee_ref is not None and area_ref is not None:
        raise InvalidInput("report.cli.committee_or_area")
    number = _year(year)
    # WeasyPrint takes over half a second to import: only this command pays for it.
    from governance.documents.files import write_atomically
    from governance.services.documents.output import render_document

    with state.read() as session:
        if area_ref is not None:
            from governance.services.documents.annual_report import AREA_KIND, area_document

            kind, ref = AREA_KIND, f"{area_ref.strip()}/{number}"
            document = area_document(session, ref, state.lang, fmt)
        else:
            from governance.services import directory

            committee = directory.committee_by_ref(session, committee_ref)
            kind, ref = "annual_report", f"{committee.short_name}/{number}"
            document = render_document(session, kind, ref, state.lang, fmt)
    path = write_atomically(out or Path(document.filename), document.data)
    if as_json:
        print_json(
            {
                "kind": kind,
                "ref": ref,
                "year": number,
                "lang": state.lang,
                "format": fmt,
                "path": str(path),
                "bytes": len(document.data),
                "sha256": document.sha256,
            }
        )
        return
    what = t(state, "report.cli.annual", ref=ref)
    click.echo(
        t(
            state,
            "report.cli.written",
            what=what,
            path=str(path),
            format=document.label,
            sha256=document.sha256,
        )
    )


@report_group.command("attendance")
@committee_option
@click.option("--year", default=None, help="nur dieses Jahr")
@json_option
@format_option
@pass_state
def attendance_cmd(
    state: CliState,
    committee_ref: str | None,
    year: str | None,
    as_json: bool,
    fmt: str,
    out: Path | None,
) -> None:
    """Anwesenheit in den gehaltenen Sitzungen: je Sitzung jede Organisation und jeder Gast."""
    number = _year(year)
    fmt = wanted(fmt, as_json)
    from governance.reads.committees import committee_id_by_ref

    if fmt == "csv":
        from governance.services.csv_export import export

        with state.reading() as conn:
            cid = committee_id_by_ref(conn, committee_ref)
            document = export(conn, "attendance", cid, state.lang, year=number)
        write_csv(state, document, out)
        return
    from governance.reads.attendance import attendance_register

    with state.reading() as conn:
        rows = attendance_register(conn, committee_id_by_ref(conn, committee_ref), number)
    if fmt == "json":
        print_json(rows)
        return
    if not rows:
        click.echo(t(state, "report.cli.attendance_none"))
        return
    shown = [
        {
            **r,
            "who": r["person"] or r["guest_name"] or "",
            "organisation": r["organisation"] or "—",
            "status": t(state, f"csv.status.{r['status']}"),
        }
        for r in rows
    ]
    headings = t(state, "report.cli.attendance_heading").split("|")
    keys = ["meeting_number", "day", "organisation", "who", "status"]
    print_table(shown, list(zip(keys, headings, strict=True)))


COMMANDS = [report_group]
