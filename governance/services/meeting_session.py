"""A meeting in session, one function per user action, for every front.

The command line (``gremium meeting open/attend/vote/close/record-later``,
``gremium actions add``) and the web page ``/meetings/<id>/session`` call
these with what the user typed: the meeting's id, an item as ``3`` (TOP 3 of
this meeting) or ``5/3`` (meeting 5, TOP 3) or ``#12`` (item 12),
organisations by short name, name or number, counts as text. Every check
beyond parsing lives here or in the domain services these call, so both
fronts refuse with the same message.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from governance.clock import BERLIN
from governance.domain.voting import QuorumCheck
from governance.errors import ConcurrentChange, InvalidInput, Joined, Text
from governance.models import ActionItem, AgendaItem, Attendance, Decision, Meeting
from governance.services import action_items, agenda, attendance, votes
from governance.services import meetings as meeting_service
from governance.unit_of_work import UnitOfWork


def item_of_meeting(uow: UnitOfWork, meeting: Meeting, top: str | int) -> AgendaItem:
    """The item *top* names, which must be on *meeting*'s agenda.

    A bare number is the TOP of this meeting; ``5/3`` or ``#12`` name an item
    directly, and are refused when it belongs to another meeting.
    """
    text = str(top).strip()
    ref = f"{meeting.id}/{text}" if text.isdigit() else text
    return agenda.item_by_ref(uow.session, ref, meeting)


def quorum_now(uow: UnitOfWork, meeting: Meeting) -> QuorumCheck:
    """The quorum of *meeting* at this moment, by the committee's rules."""
    return attendance.quorum_at(uow.session, meeting, uow.now)


def open_session(uow: UnitOfWork, meeting_ref: str | int) -> tuple[Meeting, QuorumCheck]:
    """The chair opens the meeting; the quorum is established from the attendance."""
    meeting = meeting_service.meeting_by_id(uow.session, meeting_ref)
    meeting_service.open_meeting(uow, meeting)
    return meeting, quorum_now(uow, meeting)


def attend(
    uow: UnitOfWork,
    meeting_ref: str | int,
    organisation_ref: str | None,
    *,
    status: str = "present",
    person_email: str | None = None,
    arrived: str | None = None,
    departed: str | None = None,
) -> tuple[Attendance, QuorumCheck]:
    """Record one organisation's attendance; the quorum after it."""
    meeting = meeting_service.meeting_by_id(uow.session, meeting_ref)
    if not organisation_ref or not organisation_ref.strip():
        raise InvalidInput("meeting.error.organisation_or_guest")
    row = attendance.record(
        uow,
        meeting,
        organisation_ref=organisation_ref,
        status=status,
        person_email=person_email or None,
        arrived=arrived or None,
        departed=departed or None,
    )
    return row, quorum_now(uow, meeting)


def attend_all(
    uow: UnitOfWork,
    meeting_ref: str | int,
    sheet: Mapping[str, SheetLine],
) -> QuorumCheck:
    """The whole attendance sheet at once: per organisation its status, who came, times.

    Organisations without a status are skipped, and so are those whose line says
    what is recorded already: a sheet submitted twice records nothing twice.
    """
    meeting = meeting_service.meeting_by_id(uow.session, meeting_ref)
    recorded = {a.organisation.short_name: a for a in meeting.attendance if a.organisation}
    changed: list[Text | str] = [
        Text(
            "meeting.error.attendance_now",
            organisation=ref,
            status=Text(f"attendance.{recorded[ref].status}") if ref in recorded else "—",
        )
        for ref, line in sheet.items()
        if line.shown is not None
        and line.shown != (recorded[ref].status if ref in recorded else "")
        and line.status != (recorded[ref].status if ref in recorded else "")
    ]
    if changed:
        # Someone else recorded these lines since the sheet was shown: nothing is
        # overwritten; the page shows what is recorded now beside what was typed.
        raise ConcurrentChange("meeting.error.attendance_changed", changes=Joined(changed))
    for organisation_ref, line in sheet.items():
        if not line.status:
            continue
        row = recorded.get(organisation_ref)
        if row is not None and _unchanged(row, line):
            continue
        attendance.record(
            uow,
            meeting,
            organisation_ref=organisation_ref,
            status=line.status,
            person_email=line.person or None,
            arrived=line.arrived or _arriving_now(uow, meeting, row, line) or None,
            departed=line.departed or None,
        )
    return quorum_now(uow, meeting)


PRESENT = ("present", "represented")


def _arriving_now(
    uow: UnitOfWork, meeting: Meeting, row: Attendance | None, line: SheetLine
) -> str:
    """Who is marked present on the sheet after the opening arrived now (unless a time is typed).

    Otherwise a late arrival would count from the start, and the minutes and the
    quorum at the opening would say they were there. Not for a session recorded
    afterwards: there "now" is not the meeting's time.
    """
    arriving = line.status in PRESENT and (row is None or row.status not in PRESENT)
    if arriving and meeting.state == "in_session" and meeting.recorded_later_at is None:
        return local_time(uow.now)
    return ""


@dataclasses.dataclass(frozen=True)
class SheetLine:
    """One organisation's line of the attendance sheet, as typed."""

    status: str
    person: str = ""
    arrived: str = ""
    departed: str = ""
    shown: str | None = None
    """The status the sheet showed when it was filled in ("" for none); None: not known."""


def _unchanged(row: Attendance, line: SheetLine) -> bool:
    def same_time(typed: str, moment: dt.datetime | None) -> bool:
        return not typed or (moment is not None and local_time(moment) == typed.strip())

    return (
        row.status == line.status
        and (not line.person or (row.person is not None and row.person.email == line.person))
        and same_time(line.arrived, row.arrived_at)
        and same_time(line.departed, row.departed_at)
    )


def local_time(moment: dt.datetime) -> str:
    """A moment as the wall-clock time in Berlin ("10:45"), as the sheet shows it."""
    return moment.astimezone(BERLIN).strftime("%H:%M")


def add_guest(
    uow: UnitOfWork, meeting_ref: str | int, *, name: str, affiliation: str = ""
) -> Attendance:
    """List a guest (never counted for the quorum or the votes)."""
    meeting = meeting_service.meeting_by_id(uow.session, meeting_ref)
    return attendance.add_guest(uow, meeting, name=name, affiliation=affiliation)


def vote(
    uow: UnitOfWork,
    meeting_ref: str | int,
    top: str | int,
    *,
    text: str,
    ballots: Mapping[str, str] | None = None,
    yes: str | int | None = None,
    no: str | int | None = None,
    abstain: str | int | None = None,
) -> Decision:
    """Vote on a decision item of the meeting: ballots per organisation, or totals.

    Totals are given as typed (a count missing beside others given is 0);
    ballots map organisations to yes / no / abstain (an empty mapping is a roll
    call where nobody was marked: refused as "no vote was cast").
    """
    meeting = meeting_service.meeting_by_id(uow.session, meeting_ref)
    item = item_of_meeting(uow, meeting, top)
    totals = None
    given = [(v, what) for v, what in ((yes, "--yes"), (no, "--no"), (abstain, "--abstain"))]
    if any(v is not None and str(v).strip() != "" for v, _ in given):
        totals = (_count(yes, "--yes"), _count(no, "--no"), _count(abstain, "--abstain"))
    return votes.record_vote(uow, item, text=text, ballots=ballots, totals=totals)


def _count(value: str | int | None, what: str) -> int:
    text = "0" if value is None or str(value).strip() == "" else str(value).strip()
    if not text.isdigit():
        raise InvalidInput("vote.error.count", what=what, value=value)
    return int(text)


def mark(
    uow: UnitOfWork, meeting_ref: str | int, top: str | int, outcome: str, *, notes: str = ""
) -> AgendaItem:
    """Mark an item of the meeting as noted or deferred to the next meeting."""
    meeting = meeting_service.meeting_by_id(uow.session, meeting_ref)
    item = item_of_meeting(uow, meeting, top)
    agenda.mark(uow, item, outcome, notes=notes)
    return item


def add_action(
    uow: UnitOfWork,
    item_ref: str | int,
    *,
    what: str,
    who: str,
    due: str | dt.date,
    meeting_ref: str | int | None = None,
) -> ActionItem:
    """Raise an action item under an agenda item while its meeting is in session.

    Without *meeting_ref* the item is named whole (``5/3`` or ``12``); with it,
    as on the meeting's page, a bare number is its TOP and must be of that meeting.
    """
    if meeting_ref is None:
        item = agenda.item_by_ref(uow.session, item_ref)
    else:
        meeting = meeting_service.meeting_by_id(uow.session, meeting_ref)
        item = item_of_meeting(uow, meeting, item_ref)
    return action_items.add(uow, item, what=what, who=who, due_on=due)


def close_session(uow: UnitOfWork, meeting_ref: str | int) -> Meeting:
    """Close the meeting; items not handled move to the next meeting."""
    meeting = meeting_service.meeting_by_id(uow.session, meeting_ref)
    meeting_service.close(uow, meeting)
    return meeting


def record_later(uow: UnitOfWork, meeting_ref: str | int) -> Meeting:
    """Start recording a session held on paper, after its day."""
    meeting = meeting_service.meeting_by_id(uow.session, meeting_ref)
    meeting_service.record_afterwards(uow, meeting)
    return meeting
