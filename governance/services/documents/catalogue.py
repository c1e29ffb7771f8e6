"""Which documents a committee has: every kind ``documents render`` knows, each
with the reference it is rendered for.

The web lists them on the committee's documents page and serves only what is
listed here, so a reference of another committee is never rendered for it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from governance.errors import NotFound, Text
from governance.models import AccessionApplication, Committee, Decision, Meeting
from governance.reads.annual_report import report_years
from governance.services import agreement_views
from governance.services.minutes import HELD

DECLARABLE = ("accepted", "joined")
"""An accession declaration exists once the committee has accepted the application
(documents.accession_declaration.PRINTABLE_STATES)."""


@dataclasses.dataclass(frozen=True)
class Entry:
    kind: str
    ref: str
    """What ``gremium documents render KIND REF`` takes."""
    number: int | str | None = None
    """What the reader knows it by: the version, the meeting's number, the year."""
    on: dt.datetime | dt.date | None = None
    subject: str = ""
    """The organisation of an accession declaration, the state of a version."""


def entries(session: Session, committee: Committee) -> list[Entry]:
    """Every document of *committee*, grouped by kind (agreement, accession
    declarations, meetings newest first, decisions registers and annual reports newest first)."""
    found = [
        Entry("agreement", str(v.id), v.number, v.opened_at, v.state)
        for v in agreement_views.versions_of(session, committee)
    ]
    applications = session.execute(
        select(AccessionApplication)
        .where(
            AccessionApplication.committee_id == committee.id,
            AccessionApplication.state.in_(DECLARABLE),
        )
        .order_by(AccessionApplication.id)
        .options(selectinload(AccessionApplication.organisation))
    ).scalars()
    found += [
        Entry("accession_declaration", str(a.id), a.id, a.submitted_on, a.organisation.short_name)
        for a in applications
    ]
    meetings = session.execute(
        select(Meeting)
        .where(Meeting.committee_id == committee.id, Meeting.state != "cancelled")
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    ).scalars()
    for meeting in meetings:
        number = meeting.number if meeting.number is not None else meeting.id
        found.append(Entry("invitation", str(meeting.id), number, meeting.starts_at))
        found.append(Entry("attendance_list", str(meeting.id), number, meeting.starts_at))
        if meeting.state in HELD:
            found.append(Entry("minutes", str(meeting.id), number, meeting.starts_at))
    years = session.execute(
        select(Decision.year)
        .where(Decision.committee_id == committee.id)
        .distinct()
        .order_by(Decision.year.desc())
    ).scalars()
    found += [Entry("decisions_register", f"{committee.short_name}/{year}", year) for year in years]
    found += [
        Entry("annual_report", f"{committee.short_name}/{year}", year)
        for year in report_years(session.connection(), committee.id)
    ]
    return found


def entry(session: Session, committee: Committee, kind: str, ref: str) -> Entry:
    """The document *kind* *ref* if it is one of *committee*'s, else NotFound."""
    for candidate in entries(session, committee):
        if candidate.kind == kind and candidate.ref == ref:
            return candidate
    raise NotFound("error.not_found", kind=Text("kind.document"), ref=f"{kind} {ref}", hint="")
