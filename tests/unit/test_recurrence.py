"""Recurrence rules a committee may use: each hostile rule is refused by its parts or by a
bounded expansion, with the reason and what is allowed; good rules expand exactly as
dateutil expands them. No test here measures time: the expansion is bounded by
construction (see governance/domain/recurrence.py), so none of them can hang."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.rrule import rrulestr

from governance.domain import recurrence
from governance.domain.recurrence import RecurrenceError, between, check_plans, parse

FIRST = dt.datetime(2026, 3, 11, 10, 0)
YEAR_AHEAD = dt.datetime(2027, 3, 11, 10, 0)


def refusal(rule: str, horizon_end: dt.datetime = YEAR_AHEAD) -> RecurrenceError:
    with pytest.raises(RecurrenceError) as raised:
        check_plans(parse(rule, FIRST), FIRST, horizon_end)
    return raised.value


@pytest.mark.parametrize(
    ("rule", "code", "params"),
    [
        ("FREQ=SECONDLY", "freq", {"freq": "SECONDLY"}),
        ("FREQ=MINUTELY;COUNT=5", "freq", {"freq": "MINUTELY"}),
        ("FREQ=HOURLY", "freq", {"freq": "HOURLY"}),
        ("FREQ=HOURLY;INTERVAL=0", "freq", {"freq": "HOURLY"}),
        ("BYDAY=MO", "freq", {"freq": "—"}),
        ("FREQ=DAILY;INTERVAL=0", "interval", {"interval_value": "0"}),
        ("FREQ=WEEKLY;INTERVAL=-2", "interval", {"interval_value": "-2"}),
        ("FREQ=WEEKLY;INTERVAL=53", "interval", {"interval_value": "53", "max": 52}),
        ("FREQ=DAILY;COUNT=100000", "count", {"count_value": "100000", "max": 1000}),
        ("FREQ=MONTHLY;COUNT=0", "count", {"count_value": "0"}),
        ("FREQ=MONTHLY;COUNT=-1", "count", {"count_value": "-1"}),
        ("FREQ=MONTHLY;COUNT=3;UNTIL=20270101T000000", "count_and_until", {}),
        ("FREQ=MONTHLY;BYMONTH=13", "range", {"part": "BYMONTH", "part_value": "13"}),
        ("FREQ=MONTHLY;BYMONTH=-1", "range", {"part": "BYMONTH", "low": 1}),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "range", {"part": "BYMONTHDAY", "low": -31}),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "range", {"part": "BYMONTHDAY"}),
        ("FREQ=YEARLY;BYWEEKNO=54", "range", {"part": "BYWEEKNO"}),
        ("FREQ=YEARLY;BYYEARDAY=367", "range", {"part": "BYYEARDAY"}),
        ("FREQ=DAILY;BYHOUR=10,14", "part", {"part": "BYHOUR"}),
        ("FREQ=DAILY;BYMINUTE=0,30", "part", {"part": "BYMINUTE"}),
        ("FREQ=DAILY;BYSECOND=1", "part", {"part": "BYSECOND"}),
        ("FREQ=YEARLY;BYEASTER=0", "part", {"part": "BYEASTER"}),
        ("FREQ=SOMETIMES", "freq", {"freq": "SOMETIMES"}),
        ("FREQ=MONTHLY;BYDAY=XX", "syntax", {}),
        ("FREQ=MONTHLY;FREQ=DAILY", "syntax", {}),
        ("FREQ=MONTHLY;WHATEVER=1", "syntax", {}),
        ("DTSTART:20260101T100000\nFREQ=DAILY", "syntax", {}),
        ("FREQ=DAILY;DTSTART=20260101T100000", "part", {"part": "DTSTART"}),
        ("", "syntax", {}),
        ("FREQ=MONTHLY;UNTIL=99991231T235959Z", "syntax", {}),
        ("FREQ=MONTHLY;UNTIL=morgen", "syntax", {}),
    ],
)
def test_a_rule_is_refused_by_its_parts_before_anything_is_expanded(rule, code, params):
    with pytest.raises(RecurrenceError) as raised:
        parse(rule, FIRST)
    assert raised.value.code == code
    assert params.items() <= raised.value.params.items()


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",  # dateutil alone searches day by day to 9999
        "FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",  # 2026, 2030, …: never a leap year
        "FREQ=MONTHLY;UNTIL=20260101T000000",  # ends before it starts
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29",  # next 29 February is in 2028
    ],
)
def test_a_rule_without_a_meeting_in_the_horizon_is_refused(rule):
    refused = refusal(rule)
    assert (refused.code, refused.params) == ("empty", {"until": "2027-03-11"})


@pytest.mark.parametrize(
    "rule",
    ["FREQ=DAILY", "FREQ=DAILY;COUNT=100", "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=DAILY;INTERVAL=6"],
)
def test_a_rule_that_meets_more_than_weekly_is_refused(rule):
    refused = refusal(rule)
    assert (refused.code, refused.params) == ("too_many", {"max": 53})


def test_weekly_is_the_most_a_series_may_meet():
    assert len(check_plans(parse("FREQ=WEEKLY", FIRST), FIRST, YEAR_AHEAD)) == 53
    assert len(check_plans(parse("FREQ=DAILY;INTERVAL=7", FIRST), FIRST, YEAR_AHEAD)) == 53


def test_a_leap_day_series_is_accepted_when_the_horizon_reaches_it():
    three_years = dt.datetime(2029, 3, 11, 10, 0)
    found = check_plans(parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", FIRST), FIRST, three_years)
    assert found == [dt.datetime(2028, 2, 29, 10, 0)]


def test_until_in_utc_is_the_berlin_wall_clock_time():
    rule = parse("FREQ=MONTHLY;BYDAY=2WE;UNTIL=20260610T080000Z", FIRST)
    assert rule.text.endswith("UNTIL=20260610T100000")
    assert between(rule, FIRST, YEAR_AHEAD, limit=10)[-1] == dt.datetime(2026, 6, 10, 10, 0)


def test_an_expansion_takes_at_most_its_limit():
    rule = parse("FREQ=WEEKLY", FIRST)
    assert len(between(rule, FIRST, dt.datetime(2029, 1, 1), limit=7)) == 7


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH",
        "FREQ=YEARLY;BYYEARDAY=-1",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU;WKST=SU",
        "FREQ=DAILY;INTERVAL=9;BYDAY=MO,WE",
        "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR",
        "FREQ=MONTHLY;COUNT=7;BYMONTHDAY=31",
    ],
)
def test_the_bounded_expansion_gives_exactly_what_dateutil_gives(rule):
    """The 400-year shift is exact: same days, weekdays, week numbers and leap days."""
    lo, hi = dt.datetime(2027, 1, 1), dt.datetime(2036, 12, 31, 23, 59)
    expected = rrulestr(rule, dtstart=FIRST).between(lo, hi, inc=True)
    assert expected
    assert between(parse(rule, FIRST), lo, hi, limit=10_000) == expected


def test_the_cap_of_a_year_is_the_documented_weekly_maximum():
    assert recurrence.MAX_PER_YEAR == 53
    assert "SECONDLY" not in recurrence.FREQUENCIES and "HOURLY" not in recurrence.FREQUENCIES
