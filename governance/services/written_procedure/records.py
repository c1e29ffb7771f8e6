"""The written procedure: what a procedure is, finding and describing it, and checking
what was typed for one (kinds, channels, limits, the deadline)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from governance.clock import BERLIN
from governance.domain.rules import quorum_needed
from governance.domain.voting import Choice, tally
from governance.errors import InvalidInput, NotFound, Text
from governance.models import (
    Committee,
    WrittenBallot,
    WrittenProcedure,
)
from governance.services import validation

ENTITY = WrittenProcedure.__tablename__
MAX_TEXT = 8000
"""A motion is a few paragraphs; more is a document to attach to a meeting instead."""
MAX_TITLE = 300
MAX_DAYS = 60
"""A deadline further out is no longer a decision between two meetings."""
MAX_REASON = 2000


class MotionKind(enum.StrEnum):
    """What the committee decides in writing; the kind names the default majority."""

    DECISION = "decision"
    """A decision (Beschluss): the rules' decision_majority."""
    STATEMENT = "statement"
    """A statement of the committee (Stellungnahme), e.g. to the district assembly."""
    APPOINTMENT = "appointment"
    """Naming someone (Benennung), e.g. a delegate to a working group."""


class Via(enum.StrEnum):
    CLI = "cli"
    WEB = "web"
    LINK = "link"
    PAPER = "paper"


# --- finding ---


def procedure_by_ref(
    session: Session, ref: str | int, committee: Committee | None = None
) -> WrittenProcedure:
    """A written procedure by its number as typed (``3`` or ``#3``), within *committee* when given."""
    text = str(ref).strip().lstrip("#")
    found = session.get(WrittenProcedure, int(text)) if text.isdigit() and len(text) < 10 else None
    if found is None or (committee is not None and found.committee_id != committee.id):
        raise NotFound(
            "error.not_found",
            kind=Text("kind.written_procedure"),
            ref=validation.visible(str(ref))[:40],
            hint=Text("written.hint.list"),
        )
    return found


def procedures(session: Session, committee: Committee) -> list[WrittenProcedure]:
    """The committee's written procedures, newest first, with their ballots."""
    return list(
        session.execute(
            select(WrittenProcedure)
            .where(WrittenProcedure.committee_id == committee.id)
            .order_by(WrittenProcedure.id.desc())
            .options(selectinload(WrittenProcedure.ballots).joinedload(WrittenBallot.organisation))
        ).scalars()
    )


def decided_between(
    session: Session, committee_id: int, after: dt.datetime | None, until: dt.datetime
) -> list[WrittenProcedure]:
    """Written procedures that ended between two meetings (for the next meeting's minutes)."""
    where = [
        WrittenProcedure.committee_id == committee_id,
        WrittenProcedure.ended_at.is_not(None),
        WrittenProcedure.ended_at <= until,
        WrittenProcedure.state.in_(("decided", "failed", "moved_to_meeting")),
    ]
    if after is not None:
        where.append(WrittenProcedure.ended_at > after)
    return list(
        session.execute(
            select(WrittenProcedure).where(*where).order_by(WrittenProcedure.ended_at)
        ).scalars()
    )


def describe(procedure: WrittenProcedure) -> dict[str, Any]:
    """A procedure as ``procedure show --json`` and the pages give it."""
    ballots = procedure.ballots
    voted = [b for b in ballots if b.choice is not None]
    counts = tally(Choice(b.choice) for b in voted if b.choice is not None)
    rules = procedure.committee.rules
    return {
        "id": procedure.id,
        "committee": procedure.committee.short_name,
        "title": procedure.title,
        "text": procedure.text,
        "kind": procedure.kind,
        "majority": procedure.majority,
        "state": procedure.state,
        "started_at": procedure.started_at,
        "deadline_at": procedure.deadline_at,
        "ended_at": procedure.ended_at,
        "voting_members": len(ballots),
        "voted": len(voted),
        "participation_needed": quorum_needed(rules, len(ballots)),
        "meeting_demands_needed": demands_needed(procedure),
        "votes": {"yes": counts.yes, "no": counts.no, "abstain": counts.abstain},
        "carried": procedure.carried,
        "reference": procedure.reference,
        "reason": procedure.reason,
        "agenda_item_id": procedure.agenda_item_id,
        "ballots": [
            {
                "organisation": b.organisation.short_name,
                "choice": b.choice,
                "cast_at": b.cast_at,
                "on_paper": b.on_paper,
                "via": b.via or None,
                "demanded_meeting_at": b.demanded_meeting_at,
            }
            for b in ballots
        ],
    }


def demands_needed(procedure: WrittenProcedure) -> int:
    # Never more than there are voting members: otherwise no demand could ever move it.
    return min(procedure.committee.rules.written_procedure_meeting_demands, len(procedure.ballots))


# --- checking what was typed ---


def motion_text(value: str, what: str = "--text") -> str:
    """The motion: paragraphs allowed (unlike a name), no other control characters."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    cleaned = "\n".join(lines).strip()
    while "\n\n\n" in cleaned:
        cleaned = cleaned.replace("\n\n\n", "\n\n")
    if (
        not cleaned
        or len(cleaned) > MAX_TEXT
        or any((ord(ch) < 32 and ch != "\n") or 127 <= ord(ch) < 160 for ch in cleaned)
    ):
        raise InvalidInput("error.text", what=what, max=MAX_TEXT)
    return cleaned


def _days(value: str | int | None, default: int) -> int:
    if value is None or str(value).strip() == "":
        return default
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_DAYS:
        raise InvalidInput("written.error.days", value=text[:20], max=MAX_DAYS)
    return int(text)


def deadline_for(start: dt.datetime, days: int) -> dt.datetime:
    """The end of the *days*-th day after *start*, Berlin time (23:59): a member who
    reads the motion in the evening of the last day still has that evening."""
    local_day = start.astimezone(BERLIN).date() + dt.timedelta(days=days)
    return dt.datetime.combine(local_day, dt.time(23, 59), tzinfo=BERLIN).astimezone(dt.UTC)
