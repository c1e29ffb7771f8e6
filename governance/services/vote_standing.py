"""Who may vote on an item at a moment, and the quorum of that vote.

Brings together attendance (those online count as present where the rules
allow: ``online_counts_for_quorum``), conflicts of interest in the item
(services/conflicts_of_interest.py) and the vote transfers in effect
(services/vote_transfer.py), each with its rule for the quorum.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from governance.domain.voting import QuorumCheck, check_quorum
from governance.models import AgendaItem, ConflictOfInterest, Meeting
from governance.services import conflicts_of_interest, vote_transfer
from governance.services.attendance import present_voting_organisations, voting_memberships


@dataclasses.dataclass(frozen=True)
class Standing:
    check: QuorumCheck
    voters: frozenset[int]
    """Present voting organisations that vote on the item themselves."""
    proxies: dict[int, int]
    """Transferring organisation -> the present organisation that casts its vote."""
    conflicts: dict[int, ConflictOfInterest]
    """Organisations with a conflict of interest in the item (present or not)."""
    conflicted_present: frozenset[int]


def standing(
    session: Session, meeting: Meeting, moment: dt.datetime, item: AgendaItem | None = None
) -> Standing:
    rules = meeting.committee.rules
    members = voting_memberships(session, meeting)
    present = present_voting_organisations(session, meeting, moment)
    conflicts = conflicts_of_interest.conflicted(session, item)
    # A conflicted receiver takes no part in the item, not even for another organisation.
    proxies = {
        giver: receiver
        for giver, receiver in vote_transfer.in_effect(session, meeting, moment, present).items()
        if giver not in conflicts and receiver not in conflicts
    }
    conflicted_present = frozenset(present & conflicts.keys())
    counted = len(present)
    if not rules.conflicted_count_for_quorum:
        counted -= len(conflicted_present)
    if rules.transferred_votes_count_for_quorum:
        counted += len(proxies)
    return Standing(
        check=check_quorum(rules, len(members), counted, repeat_meeting=meeting.is_repeat),
        voters=frozenset(present - conflicts.keys()),
        proxies=proxies,
        conflicts=conflicts,
        conflicted_present=conflicted_present,
    )
