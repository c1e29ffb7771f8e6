"""The rules of procedure and their arithmetic, without any database."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from governance.clock import BERLIN
from governance.domain.rules import (
    Majority,
    QuorumRule,
    RulesOfProcedure,
    VoteCount,
    is_carried,
    is_quorate,
    meeting_deadlines,
    quorum_needed,
    withdrawal_effective_on,
)

DEFAULTS = RulesOfProcedure()


def test_defaults_are_those_of_the_design_brief():
    assert DEFAULTS.invitation_lead_days == 14
    assert DEFAULTS.proposal_deadline_days == 21
    assert DEFAULTS.reminder_days == 2
    assert DEFAULTS.quorum_share == Fraction(1, 2) and DEFAULTS.quorum_rule is QuorumRule.MORE_THAN
    assert DEFAULTS.decision_majority is Majority.SIMPLE
    assert DEFAULTS.accession_majority is Majority.TWO_THIRDS
    assert DEFAULTS.amendment_majority is Majority.TWO_THIRDS
    assert DEFAULTS.abstentions_count_as_cast is False
    assert DEFAULTS.minutes_due_days == 14
    assert DEFAULTS.objection_period_days == 14 and DEFAULTS.tacit_approval
    assert DEFAULTS.withdrawal_notice_months == 3


@pytest.mark.parametrize(
    ("voting", "present", "quorate"),
    [
        (8, 4, False),  # exactly half is not more than half
        (8, 5, True),
        (9, 4, False),
        (9, 5, True),
        (1, 1, True),
        (0, 0, False),  # a committee without voting members can never decide
    ],
)
def test_quorum_is_more_than_half_of_the_voting_members(voting, present, quorate):
    assert is_quorate(DEFAULTS, voting, present) is quorate


def test_quorum_at_least_half_when_the_rules_say_so():
    rules = DEFAULTS.updated({"quorum_rule": "at_least"})
    assert is_quorate(rules, 8, 4)
    assert quorum_needed(rules, 8) == 4
    assert quorum_needed(DEFAULTS, 8) == 5


@pytest.mark.parametrize(
    ("majority", "yes", "no", "abstain", "carried"),
    [
        (Majority.SIMPLE, 4, 3, 0, True),
        (Majority.SIMPLE, 3, 3, 2, False),  # a tie is not a majority
        (Majority.SIMPLE, 1, 0, 7, True),  # abstentions do not count as votes cast
        (Majority.SIMPLE, 0, 0, 8, False),  # all abstain: nothing is carried
        (Majority.TWO_THIRDS, 6, 3, 0, True),  # exactly two thirds
        (Majority.TWO_THIRDS, 5, 3, 1, False),
        (Majority.TWO_THIRDS, 2, 1, 5, True),
        (Majority.UNANIMITY, 8, 0, 0, True),
        (Majority.UNANIMITY, 7, 0, 1, True),  # an abstention does not break unanimity of votes cast
        (Majority.UNANIMITY, 7, 1, 0, False),
    ],
)
def test_majorities(majority, yes, no, abstain, carried):
    assert is_carried(DEFAULTS, majority, VoteCount(yes, no, abstain)) is carried


def test_abstentions_count_as_cast_when_the_rules_say_so():
    rules = DEFAULTS.updated({"abstentions_count_as_cast": "true"})
    assert not is_carried(rules, Majority.SIMPLE, VoteCount(3, 1, 3))
    assert not is_carried(rules, Majority.UNANIMITY, VoteCount(7, 0, 1))


def test_negative_vote_counts_are_refused():
    with pytest.raises(ValueError):
        VoteCount(-1, 0, 0)


def test_deadlines_keep_the_local_time_across_daylight_saving_changes():
    # 10:00 on Wednesday 8 April 2026 (summer time); 14 days before is in winter time.
    start = dt.datetime(2026, 4, 8, 10, 0, tzinfo=BERLIN)
    end = start + dt.timedelta(hours=2)
    d = meeting_deadlines(DEFAULTS, start, end)
    assert d.invitation == dt.datetime(2026, 3, 25, 10, 0, tzinfo=BERLIN)
    assert d.proposal_deadline == dt.datetime(2026, 3, 18, 10, 0, tzinfo=BERLIN)
    assert d.reminder == dt.datetime(2026, 4, 6, 10, 0, tzinfo=BERLIN)
    assert d.call_for_proposals < d.proposal_deadline < d.invitation < d.reminder < start
    assert d.minutes_due == dt.datetime(2026, 4, 22, 12, 0, tzinfo=BERLIN)
    assert d.invitation.utcoffset() == dt.timedelta(hours=1)  # CET on 25 March
    assert start.utcoffset() == dt.timedelta(hours=2)  # CEST on 8 April


def test_withdrawal_takes_effect_after_the_notice_period():
    assert withdrawal_effective_on(DEFAULTS, dt.date(2026, 11, 30)) == dt.date(2027, 2, 28)
    assert withdrawal_effective_on(DEFAULTS, dt.date(2026, 3, 15)) == dt.date(2026, 6, 15)


def test_rules_round_trip_through_their_stored_form():
    rules = DEFAULTS.updated(
        {"quorum_share": "2/3", "invitation_lead_days": "10", "tacit_approval": "nein"}
    )
    assert RulesOfProcedure.from_dict(rules.to_dict()) == rules
    assert rules.quorum_share == Fraction(2, 3)
    assert rules.tacit_approval is False


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"ladungsfrist": 3}, "unknown setting 'ladungsfrist'"),
        ({"invitation_lead_days": "zwei"}, "a whole number"),
        ({"invitation_lead_days": -1}, "a whole number"),
        ({"decision_majority": "most"}, "simple, two_thirds, unanimity"),
        ({"quorum_share": "3/2"}, "at most 1"),
        ({"invitation_lead_days": 30}, "proposals have to close before the invitation"),
    ],
)
def test_bad_settings_are_refused_with_what_is_allowed(changes, fragment):
    with pytest.raises(ValueError, match=fragment):
        DEFAULTS.updated(changes)
