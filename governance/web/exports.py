"""The committee's lists as CSV downloads: decisions register, attendance, action
items, members (``/committees/<cid>/<list>.csv``, optionally ``?year=2026``).

Who may see the list's page may download it: the committee is found with
``committee_or_404`` as on those pages. The bytes are those of ``--format csv``
(governance.services.csv_export), in the reader's language.
"""

from __future__ import annotations

from flask import Blueprint, abort, g, request
from werkzeug.wrappers import Response

from governance.errors import InvalidInput
from governance.services import csv_export
from governance.web.front import committee_or_404, reading
from governance.web.responses import file_response

bp = Blueprint("exports", __name__)

YEARLY = ("decisions", "attendance")
"""The lists a year may be asked of (the others are the whole list)."""


def year_asked(lists: str) -> int | None:
    """``?year=`` as typed: four digits for a list that has years, nothing otherwise."""
    value = request.args.get("year", "").strip()
    if not value:
        return None
    if lists not in YEARLY:
        raise InvalidInput("report.cli.csv_whole_list", option="year")
    if not (value.isdigit() and len(value) == 4):
        raise InvalidInput("decision.error.year", value=value[:20])
    return int(value)


@bp.get("/committees/<int:cid>/<lists>.csv")
def download(cid: int, lists: str) -> Response:
    if lists not in csv_export.LISTS:
        abort(404)
    year = year_asked(lists)
    with reading() as work:
        committee = committee_or_404(work, cid)
        document = csv_export.export(
            work.session.connection(), lists, committee.id, g.lang, year=year
        )
    return file_response(document.data, csv_export.MEDIA_TYPE, document.filename)
