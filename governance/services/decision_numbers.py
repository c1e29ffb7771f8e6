"""The numbers of the decisions register: one sequence per committee and year.

Decisions taken in a meeting (``decisions``) and in writing (``written_procedures``)
share it, so the register reads KG-2026/07 (meeting), KG-2026/08 (written
procedure), KG-2026/09 (meeting) without gaps or doubles. Both tables carry a
unique constraint on (committee, year, seq) of their own; a row lock on the
committee would serialise the two, but the units of work that number a decision
already hold the entity's lock, and two numbering at once fail on commit and
are retried (ConcurrentChange), as before.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance.models import Committee, Decision, WrittenProcedure


def next_seq(session: Session, committee_id: int, year: int) -> int:
    """The next free number of *year* in the committee's register."""
    in_meetings = session.execute(
        select(func.max(Decision.seq)).where(
            Decision.committee_id == committee_id, Decision.year == year
        )
    ).scalar()
    in_writing = session.execute(
        select(func.max(WrittenProcedure.seq)).where(
            WrittenProcedure.committee_id == committee_id, WrittenProcedure.year == year
        )
    ).scalar()
    return max(int(in_meetings or 0), int(in_writing or 0)) + 1


def reference(committee: Committee, year: int, seq: int) -> str:
    return f"{committee.short_name}-{year}/{seq:02d}"
