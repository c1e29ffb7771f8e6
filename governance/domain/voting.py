"""Who is present at a moment, whether that is a quorum, and how a vote came out.

Plain values and functions over attendance and ballots; the services load the
records and store the outcome. One vote per organisation: a deputy present
for an organisation counts for it; guests and advisory members never count.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Iterable

from governance.domain.rules import Majority, RulesOfProcedure, VoteCount, is_carried, quorum_needed


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"
    """Present in person (the representative)."""
    REPRESENTED = "represented"
    """Represented by a deputy (Stellvertretung): counts for the organisation."""
    EXCUSED = "excused"
    ABSENT = "absent"


class Choice(enum.StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


@dataclasses.dataclass(frozen=True)
class Presence:
    """An organisation's attendance, as far as the quorum is concerned."""

    organisation_id: int
    voting: bool
    status: AttendanceStatus
    arrived_at: dt.datetime | None = None
    """None: present from the opening."""
    departed_at: dt.datetime | None = None
    """None: stays until the end."""

    def is_present_at(self, moment: dt.datetime) -> bool:
        if self.status not in (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED):
            return False
        if self.arrived_at is not None and moment < self.arrived_at:
            return False
        return self.departed_at is None or moment < self.departed_at


def voting_present_at(presences: Iterable[Presence], moment: dt.datetime) -> set[int]:
    """The voting organisations present at *moment* (each counted once)."""
    return {p.organisation_id for p in presences if p.voting and p.is_present_at(moment)}


@dataclasses.dataclass(frozen=True)
class QuorumCheck:
    voting_members: int
    present: int
    needed: int
    quorate: bool
    repeat_meeting: bool = False
    """A repeat meeting is quorate regardless of attendance."""


def check_quorum(
    rules: RulesOfProcedure, voting_members: int, present: int, *, repeat_meeting: bool = False
) -> QuorumCheck:
    needed = quorum_needed(rules, voting_members)
    quorate = repeat_meeting or (voting_members > 0 and present >= needed)
    return QuorumCheck(voting_members, present, needed, quorate, repeat_meeting)


def tally(choices: Iterable[Choice]) -> VoteCount:
    counted = list(choices)
    return VoteCount(
        yes=counted.count(Choice.YES),
        no=counted.count(Choice.NO),
        abstain=counted.count(Choice.ABSTAIN),
    )


@dataclasses.dataclass(frozen=True)
class VoteResult:
    votes: VoteCount
    majority: Majority
    carried: bool


def result(rules: RulesOfProcedure, majority: Majority, votes: VoteCount) -> VoteResult:
    return VoteResult(votes, majority, is_carried(rules, majority, votes))
