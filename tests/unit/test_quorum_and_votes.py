"""Quorum (Beschlussfähigkeit) and vote arithmetic as a table of cases: who is
present at the moment of a vote, deputies, late arrival and early departure,
ties and abstentions. No database."""

from __future__ import annotations

import datetime as dt

import pytest

from governance.clock import BERLIN
from governance.domain.rules import Majority, RulesOfProcedure, VoteCount
from governance.domain.voting import (
    AttendanceStatus,
    Choice,
    Presence,
    check_quorum,
    result,
    tally,
    voting_present_at,
)

RULES = RulesOfProcedure()
OPENING = dt.datetime(2026, 3, 11, 10, 0, tzinfo=BERLIN)
FIRST_VOTE = OPENING + dt.timedelta(minutes=30)
SECOND_VOTE = OPENING + dt.timedelta(minutes=90)
P, R, E, A = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.REPRESENTED,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.ABSENT,
)


def at(minutes: int) -> dt.datetime:
    return OPENING + dt.timedelta(minutes=minutes)


# Eight voting organisations (the chair and seven partners), as in Treptow-Köpenick.
@pytest.mark.parametrize(
    ("case", "presences", "moment", "present", "quorate"),
    [
        ("five of eight present", [Presence(i, True, P) for i in range(5)], FIRST_VOTE, 5, True),
        (
            "exactly half is not enough",
            [Presence(i, True, P) for i in range(4)],
            FIRST_VOTE,
            4,
            False,
        ),
        (
            "a deputy counts for the organisation",
            [*[Presence(i, True, P) for i in range(4)], Presence(4, True, R)],
            FIRST_VOTE,
            5,
            True,
        ),
        (
            "excused and absent do not count",
            [*[Presence(i, True, P) for i in range(4)], Presence(4, True, E), Presence(5, True, A)],
            FIRST_VOTE,
            4,
            False,
        ),
        (
            "advisory members and guests never count",
            [
                *[Presence(i, True, P) for i in range(4)],
                Presence(90, False, P),
                Presence(91, False, P),
            ],
            FIRST_VOTE,
            4,
            False,
        ),
        (
            "one vote per organisation, however many people came",
            [*[Presence(i, True, P) for i in range(4)], Presence(3, True, R)],
            FIRST_VOTE,
            4,
            False,
        ),
        (
            "a late arrival is not yet present at the first vote",
            [*[Presence(i, True, P) for i in range(4)], Presence(4, True, P, arrived_at=at(60))],
            FIRST_VOTE,
            4,
            False,
        ),
        (
            "... and is present at the second",
            [*[Presence(i, True, P) for i in range(4)], Presence(4, True, P, arrived_at=at(60))],
            SECOND_VOTE,
            5,
            True,
        ),
        (
            "an early departure still counts at the first vote",
            [*[Presence(i, True, P) for i in range(4)], Presence(4, True, P, departed_at=at(60))],
            FIRST_VOTE,
            5,
            True,
        ),
        (
            "... and no longer at the second",
            [*[Presence(i, True, P) for i in range(4)], Presence(4, True, P, departed_at=at(60))],
            SECOND_VOTE,
            4,
            False,
        ),
        (
            "someone who leaves exactly at the vote is gone",
            [
                *[Presence(i, True, P) for i in range(4)],
                Presence(4, True, P, departed_at=FIRST_VOTE),
            ],
            FIRST_VOTE,
            4,
            False,
        ),
    ],
)
def test_quorum_from_who_is_present_at_the_moment(case, presences, moment, present, quorate):
    counted = voting_present_at(presences, moment)
    assert len(counted) == present, case
    assert check_quorum(RULES, 8, len(counted)).quorate is quorate, case


def test_a_repeat_meeting_is_quorate_regardless_of_attendance():
    check = check_quorum(RULES, 8, 2, repeat_meeting=True)
    assert check.quorate and check.needed == 5 and check.present == 2


def test_a_committee_without_voting_members_is_never_quorate():
    assert not check_quorum(RULES, 0, 0).quorate


@pytest.mark.parametrize(
    ("case", "choices", "majority", "rules", "carried"),
    [
        ("simple majority", "yyyn", Majority.SIMPLE, RULES, True),
        ("a tie is not a majority", "yynn", Majority.SIMPLE, RULES, False),
        ("a tie with abstentions", "yynnaa", Majority.SIMPLE, RULES, False),
        ("abstentions do not count as votes cast", "ynaaaa", Majority.SIMPLE, RULES, False),
        ("one yes against abstentions carries", "yaaaa", Majority.SIMPLE, RULES, True),
        ("all abstain: nothing is carried", "aaaaa", Majority.SIMPLE, RULES, False),
        (
            "abstentions counted as cast when the rules say so",
            "yyaaa",
            Majority.SIMPLE,
            RulesOfProcedure(abstentions_count_as_cast=True),
            False,
        ),
        ("two thirds exactly", "yyn", Majority.TWO_THIRDS, RULES, True),
        ("just short of two thirds", "yyyynnn", Majority.TWO_THIRDS, RULES, False),
        (
            "two thirds of votes cast, abstentions aside",
            "yyyyyyyna",
            Majority.TWO_THIRDS,
            RULES,
            True,
        ),
        ("unanimity with one abstention", "yyyya", Majority.UNANIMITY, RULES, True),
        ("unanimity broken by one no", "yyyyn", Majority.UNANIMITY, RULES, False),
    ],
)
def test_vote_results_under_each_majority(case, choices, majority, rules, carried):
    letters = {"y": Choice.YES, "n": Choice.NO, "a": Choice.ABSTAIN}
    votes = tally(letters[c] for c in choices)
    assert votes.total == len(choices)
    assert result(rules, majority, votes).carried is carried, case


def test_tally_counts_each_choice():
    assert tally([Choice.YES, Choice.NO, Choice.ABSTAIN, Choice.YES]) == VoteCount(2, 1, 1)
