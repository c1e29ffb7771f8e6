"""The annual report (Jahresbericht) of a committee, or of several committees
together (an action area's), for one calendar year.

ID: ``<committee short name>/<year>``, e.g. ``KG/2026`` (or the committee's
number: ``1/2026``). The figures are read through Core
(:mod:`governance.reads.annual_report`); this module adds the charts' geometry
and, over several committees, the totals. :func:`report_context` takes a list of
committee ids, so a report over any group of committees (an action area) is the
same document with a section per committee.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.domain.charts import BarChart, stacked_bars
from governance.errors import InvalidInput, check_language
from governance.reads.annual_report import STATUSES, committee_figures, report_years
from governance.reads.clock import stored_moment
from governance.services import directory
from governance.services.documents.output import RenderedDocument, check_format, rendered

ACTION_PARTS = ("done", "open", "overdue", "dropped")
MAX_COMMITTEES = 50
"""A report over more committees than this is refused: each is a section of the document."""


def parse_ref(ref: str) -> tuple[str, int]:
    """``KG/2026`` -> ("KG", 2026); anything else is refused with the form expected."""
    committee_ref, sep, year = ref.strip().rpartition("/")
    if not sep or not committee_ref or not (year.isdigit() and len(year) == 4):
        raise InvalidInput("report.error.ref", value=ref)
    return committee_ref, int(year)


def report_today(conn: Connection) -> dt.date:
    """The day the report is made on: the simulated clock's where one is stored (the
    demo, ``gremium tick``), else today in Berlin."""
    moment = stored_moment(conn) or dt.datetime.now(dt.UTC)
    return moment.astimezone(BERLIN).date()


def load(session: Session, ref: str) -> dict[str, Any]:
    """The context of the committee's annual report *ref* (``KG/2026``)."""
    committee_ref, year = parse_ref(ref)
    committee = directory.committee_by_ref(session, committee_ref)
    conn = session.connection()
    return report_context(
        conn,
        [committee.id],
        year,
        report_today(conn),
        title={"name": committee.name, "short_name": committee.short_name},
    )


def report_context(
    conn: Connection,
    committee_ids: Sequence[int],
    year: int,
    today: dt.date,
    *,
    title: dict[str, str],
    area: bool = False,
) -> dict[str, Any]:
    """The report over *committee_ids* for *year* as of *today*: a section per committee,
    and their totals. *title* (name, short_name) heads it; *area* marks a report of an
    action area over its committees (the template says so)."""
    if not committee_ids or len(committee_ids) > MAX_COMMITTEES:
        raise InvalidInput("report.error.committees", count=len(committee_ids), most=MAX_COMMITTEES)
    this_year = today.year
    if not 1990 <= year <= this_year:
        raise InvalidInput("report.error.year", value=year, last=this_year)
    sections = [with_charts(committee_figures(conn, cid, year, today)) for cid in committee_ids]
    return {
        "committee": title,
        "area": area,
        "year": year,
        "as_of": sections[0]["as_of"],
        "running": sections[0]["as_of"] < dt.date(year, 12, 31),
        "sections": sections,
        "totals": totals(sections),
    }


def committee_year(conn: Connection, committee_id: int, today: dt.date) -> dict[str, Any] | None:
    """The figures and charts of the committee page's report: of the latest year up to
    *today* with a meeting held or a decision taken; None before there is any."""
    years = [y for y in report_years(conn, committee_id) if y <= today.year]
    if not years:
        return None
    return with_charts(committee_figures(conn, committee_id, years[0], today))


def with_charts(figures: dict[str, Any]) -> dict[str, Any]:
    """*figures* with the geometry of their attendance and action item charts."""
    return {
        **figures,
        "attendance_chart": attendance_chart(figures["attendance"]),
        "action_chart": action_chart(figures["action_items"]),
    }


def attendance_chart(rows: list[dict[str, Any]]) -> BarChart:
    """A bar per member organisation: of the meetings held while it was a member, how
    many it attended, was represented, excused or absent; the figure: took part/all."""
    return stacked_bars(
        [(r["organisation"], r) for r in rows],
        STATUSES,
        figure_keys=("present", "represented"),
    )


def action_chart(counts: dict[str, int]) -> BarChart:
    """One bar per state of the action items: done, open, overdue, dropped."""
    return stacked_bars(
        [(key, {key: counts[key]}) for key in ACTION_PARTS], ACTION_PARTS, figure_keys=()
    )


def totals(sections: list[dict[str, Any]]) -> dict[str, Any]:
    """The sums over the committees of a report (for an action area's)."""
    keys = ("held", "not_quorate", "repeat", "not_held", "cancelled", "planned")
    return {
        "meetings": {k: sum(s["meeting_counts"][k] for s in sections) for k in keys},
        "decisions": sum(s["decisions"]["total"] for s in sections),
        "carried": sum(s["decisions"]["carried"] for s in sections),
        "action_items": {
            k: sum(s["action_items"][k] for s in sections) for k in (*ACTION_PARTS, "total")
        },
        "accessions": sum(len(s["members"]["accessions"]) for s in sections),
        "withdrawals": sum(len(s["members"]["withdrawals"]) for s in sections),
        "members_at_end": sum(s["members"]["at_end"] for s in sections),
    }


def load_area(session: Session, ref: str) -> dict[str, Any]:
    """The context of an action area's annual report *ref* (``AREA/2026``): a section
    per committee of the area (reads.programmes.committee_ids_of_area), with totals."""
    from governance.reads import tables
    from governance.reads.programmes import area_id_by_ref, committee_ids_of_area

    area_ref, year = parse_ref(ref)
    conn = session.connection()
    a = tables.action_areas.c
    area_id = area_id_by_ref(conn, area_ref)
    area = conn.execute(select(a.name, a.short_name).where(a.id == area_id)).one()
    return report_context(
        conn,
        committee_ids_of_area(conn, area_id),
        year,
        report_today(conn),
        title={"name": area.name, "short_name": area.short_name},
        area=True,
    )


AREA_KIND = "area_annual_report"
"""The area's report is rendered by ``report annual --area`` only (not ``documents
render``): its template extends the committee report's, a section per committee."""


def area_document(session: Session, ref: str, lang: str, fmt: str) -> RenderedDocument:
    """The annual report of action area *ref* (``AREA/2026``) as HTML or tagged PDF/A."""
    from governance.documents.rendering import render_html

    check_format(fmt)
    html = render_html(AREA_KIND, load_area(session, ref), check_language(lang))
    return rendered(html, AREA_KIND, ref, fmt)
