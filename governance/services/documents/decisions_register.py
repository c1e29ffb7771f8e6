"""The decisions register (Beschlussregister) of a committee for one year.

ID: ``<committee short name>/<year>``, e.g. ``KG/2026`` (the committee may be
given by its number too: ``1/2026``). Every decision of that year in the
order of its register number, with meeting, agenda item, text and vote.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.errors import InvalidInput
from governance.models import Meeting
from governance.reads.decisions import register
from governance.services import directory
from governance.services.documents.parts import committee_part


def load(session: Session, ref: str) -> dict[str, Any]:
    committee_ref, sep, year = ref.strip().rpartition("/")
    if not sep or not committee_ref or not (year.isdigit() and len(year) == 4):
        raise InvalidInput("documents.error.register_ref", value=ref)
    committee = directory.committee_by_ref(session, committee_ref)
    decisions = register(session.connection(), committee.id, int(year))
    meetings = {
        m.id: m
        for m in session.execute(
            select(Meeting).where(
                Meeting.id.in_({d["meeting_id"] for d in decisions if d["meeting_id"]})
            )
        ).scalars()
    }
    # Decisions taken in writing are in the register too (no meeting of their own).
    return {
        "committee": committee_part(committee),
        "year": int(year),
        "decisions": [
            {
                **d,
                "meeting_number": meetings[d["meeting_id"]].number if d["meeting_id"] else None,
                "meeting_starts_at": meetings[d["meeting_id"]].starts_at
                if d["meeting_id"]
                else None,
            }
            for d in decisions
        ],
    }
