"""The decisions register (Beschlussregister) of a committee for one year.

ID: ``<committee short name>/<year>``, e.g. ``KG/2026`` (the committee may be
given by its number too: ``1/2026``). Every decision of that year in the
order of its register number, with meeting, agenda item, text and vote.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from governance.errors import InvalidInput
from governance.services import directory, votes
from governance.services.documents.parts import committee_part


def load(session: Session, ref: str) -> dict[str, Any]:
    committee_ref, sep, year = ref.strip().rpartition("/")
    if not sep or not committee_ref or not (year.isdigit() and len(year) == 4):
        raise InvalidInput("documents.error.register_ref", value=ref)
    committee = directory.committee_by_ref(session, committee_ref)
    decisions = votes.register(session, committee, int(year))
    return {
        "committee": committee_part(committee),
        "year": int(year),
        "decisions": [
            {
                **votes.describe_decision(d),
                "meeting_number": d.item.meeting.number,
                "meeting_starts_at": d.item.meeting.starts_at,
            }
            for d in decisions
        ],
    }
