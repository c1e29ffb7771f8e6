"""When meetings take place: RRULE series, Berlin public holidays, daylight saving.

Plain functions over local (Europe/Berlin) wall-clock times. A series is an
RFC 5545 RRULE (python-dateutil) evaluated on *naive local* times, so that a
10:00 meeting stays at 10:00 in March and in October; only then is each
occurrence made aware. Occurrences on a Berlin public holiday (`holidays`,
Germany, subdivision BE) are skipped or moved to the next working day, as the
committee's rules say. A time that does not exist on a day (the hour skipped
when clocks go forward) is never shifted silently: single meetings are
refused, series occurrences are moved past the gap with a warning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

from governance.clock import BERLIN
from governance.domain import recurrence
from governance.domain.rules import HolidayPolicy


class ScheduleError(ValueError):
    """A schedule that cannot be used; ``code`` names the problem for the message catalogue."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(f"{code}: {params}")


@dataclasses.dataclass(frozen=True)
class Occurrence:
    """One meeting of a series, as the calendar and the rules place it."""

    key: dt.datetime
    """The occurrence as the RRULE produces it (aware): identifies it across regenerations."""
    starts_at: dt.datetime
    """When it actually starts (aware), after moving it off a holiday or out of a DST gap."""
    note: str = ""
    """Why it was moved, e.g. "holiday:2026-10-03:Tag der Deutschen Einheit" or "dst_gap"."""


def berlin_holidays(year: int) -> dict[dt.date, str]:
    return dict(_holidays(year))


@functools.cache
def _holidays(year: int) -> tuple[tuple[dt.date, str], ...]:
    import holidays  # its country tables are large; only scheduling needs them

    table = holidays.country_holidays("DE", subdiv="BE", years=[year], language="de")
    return tuple(sorted(table.items()))


def holiday_name(day: dt.date) -> str | None:
    return berlin_holidays(day.year).get(day)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def next_working_day(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def in_dst_gap(local: dt.datetime) -> bool:
    """Whether the naive local time *local* does not exist in Berlin (clocks went forward)."""
    aware = local.replace(tzinfo=BERLIN)
    return aware.astimezone(dt.UTC).astimezone(BERLIN).replace(tzinfo=None) != local


def localise(local: dt.datetime) -> dt.datetime:
    """Make a naive Berlin wall-clock time aware; refuse one inside a daylight-saving gap."""
    if local.tzinfo is not None:
        local = local.astimezone(BERLIN).replace(tzinfo=None)
    if in_dst_gap(local):
        raise ScheduleError("dst_gap", local=local.strftime("%Y-%m-%d %H:%M"))
    # fold=0: of the hour that happens twice in October, the first (summer time) one.
    return local.replace(tzinfo=BERLIN)


def parse_rrule(rule: str, first: dt.datetime) -> recurrence.Rule:
    """Parse and check an RFC 5545 RRULE (with or without the ``RRULE:`` prefix) from *first* (naive local)."""
    try:
        return recurrence.parse(rule, first)
    except recurrence.RecurrenceError as exc:
        raise ScheduleError("rrule", rule=rule, reason=exc.code, **exc.params) from None


def occurrences(
    rule: str,
    first: dt.datetime,
    *,
    after: dt.datetime,
    until: dt.datetime,
    policy: HolidayPolicy,
) -> list[Occurrence]:
    """The occurrences of *rule* from *first* (naive local) that start after *after* and not after *until* (aware).

    Holidays are handled by *policy*; a moved occurrence keeps its time of day.
    The expansion is bounded (see governance/domain/recurrence.py): a stored
    rule that a committee may no longer use is refused rather than expanded.
    """
    parsed = parse_rrule(rule, first)
    lo = after.astimezone(BERLIN).replace(tzinfo=None) - dt.timedelta(days=7)
    hi = until.astimezone(BERLIN).replace(tzinfo=None)
    years = max(1, hi.year - lo.year + 1)
    out: list[Occurrence] = []
    for local in recurrence.between(parsed, lo, hi, limit=recurrence.MAX_PER_YEAR * years):
        key = _aware_lenient(local)
        starts, note = local, ""
        name = holiday_name(local.date())
        if name is not None:
            if policy is HolidayPolicy.SKIP:
                continue
            starts = dt.datetime.combine(next_working_day(local.date()), local.time())
            note = f"holiday:{local.date().isoformat()}:{name}"
        if in_dst_gap(starts):
            starts += dt.timedelta(hours=1)
            note = note or "dst_gap"
        aware = starts.replace(tzinfo=BERLIN)
        if aware <= after or aware > until:
            continue
        out.append(Occurrence(key=key, starts_at=aware, note=note))
    return out


def _aware_lenient(local: dt.datetime) -> dt.datetime:
    return (local + dt.timedelta(hours=1) if in_dst_gap(local) else local).replace(tzinfo=BERLIN)
