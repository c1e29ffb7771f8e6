"""When meetings take place: RRULE series over several years, Berlin public
holidays and the changes of daylight-saving time, without any database."""

from __future__ import annotations

import datetime as dt

import pytest

from governance.clock import BERLIN
from governance.domain.rules import HolidayPolicy
from governance.domain.schedule import (
    ScheduleError,
    holiday_name,
    in_dst_gap,
    is_working_day,
    localise,
    next_working_day,
    occurrences,
    parse_rrule,
)

QUARTERLY = "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE"
FROM = dt.datetime(2026, 1, 1, tzinfo=BERLIN)


def starts(rule: str, first: dt.datetime, years: int = 3, policy=HolidayPolicy.NEXT_WORKING_DAY):
    until = dt.datetime(2026 + years, 1, 1, tzinfo=BERLIN)
    return occurrences(rule, first, after=FROM, until=until, policy=policy)


def test_quarterly_on_the_second_wednesday_stays_at_ten_oclock_local_time_for_three_years():
    found = starts(QUARTERLY, dt.datetime(2026, 1, 14, 10, 0))
    assert len(found) == 12
    for o in found:
        local = o.starts_at.astimezone(BERLIN)
        assert (local.hour, local.minute) == (10, 0)
        assert local.weekday() == 2 and 8 <= local.day <= 14  # the second Wednesday
    # In winter 10:00 is 09:00 UTC, in summer 08:00 UTC: the wall clock is what stays.
    utc_hours = {o.starts_at.month: o.starts_at.astimezone(dt.UTC).hour for o in found[:4]}
    assert utc_hours == {1: 9, 4: 8, 7: 8, 10: 8}


def test_a_weekly_meeting_keeps_its_time_across_the_march_and_october_changes():
    found = starts("FREQ=WEEKLY;BYDAY=TU", dt.datetime(2026, 3, 17, 10, 0), years=1)
    around = [o.starts_at for o in found if o.starts_at.month in (3, 4, 10, 11)]
    assert {(m.astimezone(BERLIN).hour, m.astimezone(BERLIN).minute) for m in around} == {(10, 0)}
    offsets = {m.astimezone(BERLIN).utcoffset() for m in around}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (dt.date(2026, 3, 8), "Frauentag"),
        (dt.date(2026, 10, 3), "Tag der Deutschen Einheit"),
        (dt.date(2027, 3, 8), "Frauentag"),
        (dt.date(2028, 10, 3), "Tag der Deutschen Einheit"),
    ],
)
def test_berlin_public_holidays_include_the_eighth_of_march_and_the_third_of_october(day, name):
    assert holiday_name(day) == name


def test_an_ordinary_wednesday_is_a_working_day_and_a_holiday_moves_to_the_next_one():
    assert is_working_day(dt.date(2026, 3, 11))
    assert next_working_day(dt.date(2026, 10, 2)) == dt.date(2026, 10, 5)  # Fri -> Sat 3.10. -> Mon
    assert next_working_day(dt.date(2026, 4, 2)) == dt.date(
        2026, 4, 7
    )  # Good Friday, Easter Monday


def test_a_meeting_on_the_third_of_october_moves_to_the_next_working_day_with_a_note():
    found = starts("FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=3", dt.datetime(2026, 10, 3, 10, 0))
    assert [o.starts_at.date() for o in found] == [
        dt.date(2026, 10, 5),
        dt.date(2027, 10, 4),
        dt.date(2028, 10, 4),
    ]
    assert all(
        o.note.startswith("holiday:") and "Tag der Deutschen Einheit" in o.note for o in found
    )
    assert all(o.starts_at.astimezone(BERLIN).hour == 10 for o in found)
    # The occurrence keeps its identity (the date the rule gave), so a regeneration recognises it.
    assert found[0].key == dt.datetime(2026, 10, 3, 10, 0, tzinfo=BERLIN)


def test_a_committee_that_skips_holidays_has_no_meeting_on_the_eighth_of_march():
    found = starts(
        "FREQ=MONTHLY;BYMONTHDAY=8",
        dt.datetime(2026, 1, 8, 10, 0),
        years=1,
        policy=HolidayPolicy.SKIP,
    )
    assert dt.date(2026, 3, 8) not in [o.starts_at.date() for o in found]
    assert len(found) == 11


def test_a_time_in_the_daylight_saving_gap_is_refused_for_a_single_meeting():
    assert in_dst_gap(dt.datetime(2026, 3, 29, 2, 30))
    assert not in_dst_gap(dt.datetime(2026, 3, 29, 3, 30))
    with pytest.raises(ScheduleError) as raised:
        localise(dt.datetime(2026, 3, 29, 2, 30))
    assert raised.value.code == "dst_gap"


def test_a_series_occurrence_in_the_gap_is_moved_past_it_with_a_warning_never_silently():
    found = starts("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", dt.datetime(2026, 3, 29, 2, 30), years=2)
    assert [(o.starts_at.astimezone(BERLIN).hour, o.note) for o in found] == [
        (3, "dst_gap"),
        (3, "dst_gap"),
    ]


def test_the_hour_that_happens_twice_in_october_is_the_first_one():
    local = localise(dt.datetime(2026, 10, 25, 2, 30))
    assert local.astimezone(dt.UTC).hour == 0  # 02:30 CEST, not 02:30 CET


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=SOMETIMES",
        "",
        "INTERVAL=3",
        "FREQ=MONTHLY;BYDAY=XX",
        "DTSTART:20260101T100000\nFREQ=DAILY",
    ],
)
def test_a_rule_that_does_not_parse_is_refused(rule):
    with pytest.raises(ScheduleError) as raised:
        parse_rrule(rule, dt.datetime(2026, 1, 14, 10, 0))
    assert raised.value.code == "rrule"


def test_only_occurrences_after_now_and_within_the_horizon_are_returned():
    after = dt.datetime(2026, 5, 1, tzinfo=BERLIN)
    until = dt.datetime(2027, 5, 1, tzinfo=BERLIN)
    found = occurrences(
        QUARTERLY,
        dt.datetime(2026, 1, 14, 10, 0),
        after=after,
        until=until,
        policy=HolidayPolicy.NEXT_WORKING_DAY,
    )
    assert [o.starts_at.date().isoformat() for o in found] == [
        "2026-07-08",
        "2026-10-14",
        "2027-01-13",
        "2027-04-14",
    ]
