"""Rules of procedure (Geschäftsordnung) and their arithmetic.

Plain values and plain functions: deadlines before a meeting, the quorum
(Beschlussfähigkeit) and the majority a decision needs. Every value is
editable per committee; the defaults are those of DESIGN.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from dateutil.relativedelta import relativedelta


class Majority(enum.StrEnum):
    """The majority a decision needs."""

    SIMPLE = "simple"
    """More yes than no votes among the votes cast."""
    TWO_THIRDS = "two_thirds"
    """At least two thirds of the votes cast are yes."""
    UNANIMITY = "unanimity"
    """No vote against (and, where abstentions count as cast, none of those either)."""


class QuorumRule(enum.StrEnum):
    MORE_THAN = "more_than"
    """Quorate when more than the share of voting members is present."""
    AT_LEAST = "at_least"
    """Quorate when at least the share of voting members is present."""


class HolidayPolicy(enum.StrEnum):
    SKIP = "skip"
    NEXT_WORKING_DAY = "next_working_day"


class Publication(enum.StrEnum):
    """What the OParl interface shows of a committee (domain/publication.py), each
    level including the one before. Privacy by default: nothing."""

    NONE = "none"
    """The committee does not appear at all."""
    MEETINGS = "meetings"
    """The committee, its member organisations, its meetings and their public agenda items."""
    PEOPLE = "people"
    """Also the names and roles of the people who represent the member organisations."""
    MINUTES = "minutes"
    """Also the archived minutes (they name who attended) of meetings without closed items."""


@dataclasses.dataclass(frozen=True)
class RulesOfProcedure:
    """The committee's Geschäftsordnung as numbers the engine reads."""

    invitation_lead_days: int = 14
    """Ladungsfrist: invitations go out this many days before the meeting."""
    call_for_proposals_days: int = 35
    """The call for agenda proposals goes out this many days before the meeting."""
    proposal_deadline_days: int = 21
    """Agenda proposals close this many days before the meeting."""
    reminder_days: int = 2
    """A reminder goes out this many days before the meeting."""
    quorum_share: Fraction = Fraction(1, 2)
    """Share of the voting members that must be present ..."""
    quorum_rule: QuorumRule = QuorumRule.MORE_THAN
    """... and whether more than, or at least, that share."""
    decision_majority: Majority = Majority.SIMPLE
    """Majority for ordinary decisions."""
    accession_majority: Majority = Majority.TWO_THIRDS
    """Majority for admitting a new partner."""
    amendment_majority: Majority = Majority.TWO_THIRDS
    """Majority for amending the agreement."""
    abstentions_count_as_cast: bool = False
    """Whether abstentions count as votes cast (by default they do not)."""
    minutes_due_days: int = 14
    """Minutes are sent within this many days after the meeting."""
    objection_period_days: int = 14
    """Einwendungsfrist: members may object to draft minutes this long."""
    tacit_approval: bool = True
    """Minutes without objection are approved when the objection period ends."""
    withdrawal_notice_months: int = 3
    """Kündigungsfrist: a withdrawal takes effect this many months after notice."""
    signature_reminder_days: int = 7
    """Pending parties are reminded to sign at this interval."""
    electronic_signature: bool = False
    """Whether a party may sign with the simple electronic signature (einfache
    elektronische Signatur): from the signature request's link, typing its
    signatory's name under the text's SHA-256. Off by default: the agreement is
    then signed in ink or as a scanned page, and the link only announces the paper."""
    holiday_policy: HolidayPolicy = HolidayPolicy.NEXT_WORKING_DAY
    """What happens to a meeting that falls on a Berlin public holiday."""
    repeat_meeting_weeks: int = 4
    """A meeting that was not quorate is repeated within this many weeks (0: never)."""
    repeat_invitation_lead_days: int = 7
    """Shortened Ladungsfrist of a repeat meeting: invited this many days before it.

    7 by default: half the ordinary lead time, so that a repeat meeting fits
    between two monthly meetings, and still a full working week for members
    to arrange attendance (a repeat meeting is quorate however few come)."""
    forecast_days: int = 5
    """Quorum forecast: this many days before a meeting, if the answers to the invitation
    do not assure the quorum, the chair is warned and members who have not answered are
    reminded (0: no forecast)."""
    repeat_meeting_replaces_next: bool = False
    """True: the next regular meeting within the repeat weeks becomes the repeat meeting.
    False: a repeat meeting of its own is planned before it when the shortened lead
    time allows (otherwise the next regular meeting becomes the repeat meeting)."""

    written_procedure_days: int = 7
    """Umlaufverfahren: members vote on a motion in writing within this many days."""
    written_procedure_reminder_days: int = 2
    """Members who have not voted are reminded this many days before the deadline (0: no reminder)."""
    publication: Publication = Publication.NONE
    """What the OParl interface (/oparl/v1.1/) shows of the committee: none, meetings,
    people or minutes (see Publication). None by default: publishing is decided."""
    written_procedure_meeting_demands: int = 1
    """How many voting members' demands move a motion from the written procedure to a
    meeting (1: any one member may demand it)."""

    # --- meeting practice (issue 16): Befangenheit, Stimmrechtsübertragung, online ---
    conflicted_count_for_quorum: bool = False
    """Befangenheit: whether a member organisation with a declared conflict of interest
    in an item still counts for the quorum of the vote on it (it never votes on it)."""
    vote_transfer: bool = False
    """Stimmrechtsübertragung: whether a member organisation that cannot attend may
    transfer its vote for one meeting to another member organisation (off by default)."""
    transferred_votes_per_organisation: int = 1
    """How many transferred votes one receiving organisation may hold (at least 1)."""
    transferred_votes_count_for_quorum: bool = False
    """Whether a transferred vote counts for the quorum as if its organisation were present."""
    online_counts_for_quorum: bool = True
    """Whether members who take part online count as present (quorum and vote)."""

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.type in ("int",) and (not isinstance(value, int) or value < 0):
                raise ValueError(f"{field.name} must be a whole number of 0 or more, not {value!r}")
        if not (0 < self.quorum_share <= 1):
            raise ValueError(
                f"quorum_share must be a fraction above 0 and at most 1, not {self.quorum_share}"
            )
        if self.proposal_deadline_days < self.invitation_lead_days:
            raise ValueError(
                "proposal_deadline_days must not be shorter than invitation_lead_days: "
                "proposals have to close before the invitation goes out"
            )
        if self.written_procedure_days < 1:
            raise ValueError(
                "written_procedure_days must be at least 1: members need a day to vote"
            )
        if self.written_procedure_meeting_demands < 1:
            raise ValueError(
                "written_procedure_meeting_demands must be at least 1: "
                "the number of members whose demand moves a motion to a meeting"
            )
        if self.transferred_votes_per_organisation < 1:
            raise ValueError(
                "transferred_votes_per_organisation must be at least 1: "
                "switch vote_transfer off to allow none"
            )
        if self.forecast_days > self.invitation_lead_days:
            raise ValueError(
                "forecast_days must not be longer than invitation_lead_days: "
                "the forecast is made from the answers to the invitation"
            )
        if self.repeat_invitation_lead_days > self.invitation_lead_days:
            raise ValueError(
                "repeat_invitation_lead_days must not be longer than invitation_lead_days: "
                "it is the shortened lead time of a repeat meeting"
            )

    # --- (de)serialisation: the database keeps the rules as a JSON object ---

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, Fraction):
                value = f"{value.numerator}/{value.denominator}"
            elif isinstance(value, enum.Enum):
                value = value.value
            out[field.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RulesOfProcedure:
        return cls().updated(data)

    def updated(self, changes: Mapping[str, Any]) -> RulesOfProcedure:
        """Return a copy with *changes* applied; values may be strings as typed on a command line.

        Raises ValueError naming the setting and what is allowed.
        """
        fields = {f.name: f for f in dataclasses.fields(self)}
        parsed: dict[str, Any] = {}
        for name, raw in changes.items():
            if name not in fields:
                raise ValueError(f"unknown setting {name!r}; known settings: {', '.join(fields)}")
            parsed[name] = _parse_value(name, fields[name].type, raw)
        return dataclasses.replace(self, **parsed)

    @classmethod
    def setting_names(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls)]

    # --- deadlines ---

    def offset(self, name: str) -> relativedelta:
        """Return the length of the period called *name* (a setting ending in _days, _weeks or _months)."""
        value = getattr(self, name)
        if name.endswith("_days"):
            return relativedelta(days=value)
        if name.endswith("_weeks"):
            return relativedelta(weeks=value)
        if name.endswith("_months"):
            return relativedelta(months=value)
        raise ValueError(f"{name} is not a period")

    @classmethod
    def period_names(cls) -> list[str]:
        return [n for n in cls.setting_names() if n.endswith(("_days", "_weeks", "_months"))]


def _parse_value(name: str, type_name: Any, raw: Any) -> Any:
    type_name = str(type_name)
    try:
        if type_name == "int":
            value = int(raw)
            if value < 0:
                raise ValueError
            return value
        if type_name == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in ("true", "yes", "ja", "1", "on"):
                return True
            if text in ("false", "no", "nein", "0", "off"):
                return False
            raise ValueError
        if type_name == "Fraction":
            share = Fraction(str(raw))
            if not (0 < share <= 1):
                raise ValueError
            return share
        enum_type = {
            "Majority": Majority,
            "QuorumRule": QuorumRule,
            "HolidayPolicy": HolidayPolicy,
            "Publication": Publication,
        }[type_name]
        return enum_type(str(raw))
    except (ValueError, KeyError, ZeroDivisionError):
        raise ValueError(
            f"{name}: {raw!r} is not allowed; allowed: {_allowed(type_name)}"
        ) from None


def _allowed(type_name: str) -> str:
    return {
        "int": "a whole number of 0 or more",
        "bool": "true or false",
        "Fraction": "a fraction above 0 and at most 1, such as 1/2",
        "Majority": ", ".join(m.value for m in Majority),
        "QuorumRule": ", ".join(m.value for m in QuorumRule),
        "HolidayPolicy": ", ".join(m.value for m in HolidayPolicy),
        "Publication": ", ".join(m.value for m in Publication),
    }.get(type_name, "?")


@dataclasses.dataclass(frozen=True)
class MeetingDeadlines:
    """The dates around one meeting that the rules of procedure set."""

    call_for_proposals: dt.datetime
    proposal_deadline: dt.datetime
    invitation: dt.datetime
    reminder: dt.datetime
    minutes_due: dt.datetime


def meeting_deadlines(
    rules: RulesOfProcedure, starts_at: dt.datetime, ends_at: dt.datetime
) -> MeetingDeadlines:
    """Compute the deadlines of a meeting from its start and end (aware datetimes).

    Calendar arithmetic happens in the meeting's own time zone, so "14 days
    before a 10:00 meeting" is 10:00 local time even across a change of
    daylight-saving time.
    """
    return MeetingDeadlines(
        call_for_proposals=_shift(starts_at, -rules.call_for_proposals_days),
        proposal_deadline=_shift(starts_at, -rules.proposal_deadline_days),
        invitation=_shift(starts_at, -rules.invitation_lead_days),
        reminder=_shift(starts_at, -rules.reminder_days),
        minutes_due=_shift(ends_at, rules.minutes_due_days),
    )


def _shift(moment: dt.datetime, days: int) -> dt.datetime:
    # Wall-clock arithmetic: add days to the local date and keep the local time.
    tz = moment.tzinfo
    return (moment.replace(tzinfo=None) + dt.timedelta(days=days)).replace(tzinfo=tz)


def withdrawal_effective_on(rules: RulesOfProcedure, notice_given_on: dt.date) -> dt.date:
    """Return the first day on which a member that gave notice on *notice_given_on* is no longer one."""
    return notice_given_on + relativedelta(months=rules.withdrawal_notice_months)


# --- quorum and majorities ---


def is_quorate(rules: RulesOfProcedure, voting_members: int, present: int) -> bool:
    """Whether *present* of *voting_members* organisations make the committee quorate."""
    if voting_members <= 0:
        return False
    required = rules.quorum_share * voting_members
    if rules.quorum_rule is QuorumRule.MORE_THAN:
        return present > required
    return present >= required


def quorum_needed(rules: RulesOfProcedure, voting_members: int) -> int:
    """The smallest number of present voting organisations that is quorate."""
    for n in range(voting_members + 1):
        if is_quorate(rules, voting_members, n):
            return n
    return voting_members + 1


@dataclasses.dataclass(frozen=True)
class VoteCount:
    yes: int
    no: int
    abstain: int

    def __post_init__(self) -> None:
        if min(self.yes, self.no, self.abstain) < 0:
            raise ValueError("vote counts cannot be negative")

    @property
    def total(self) -> int:
        return self.yes + self.no + self.abstain


def is_carried(rules: RulesOfProcedure, majority: Majority, votes: VoteCount) -> bool:
    """Whether a motion with *votes* is carried under *majority*.

    Abstentions are not votes cast unless the rules say so. A motion nobody
    voted yes for is never carried.
    """
    cast = votes.yes + votes.no + (votes.abstain if rules.abstentions_count_as_cast else 0)
    if votes.yes == 0 or cast == 0:
        return False
    if majority is Majority.SIMPLE:
        return votes.yes * 2 > cast
    if majority is Majority.TWO_THIRDS:
        return votes.yes * 3 >= cast * 2
    # Unanimity: nobody against; where abstentions are cast, nobody abstaining either.
    return votes.yes == cast
