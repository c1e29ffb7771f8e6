"""Recurrence rules a committee may use, and their expansion with a bound by construction.

A meeting series is an RFC 5545 RRULE parsed by python-dateutil. dateutil
expands anything the RFC allows, which includes rules no committee means and
no machine can afford: ``FREQ=SECONDLY`` (a meeting every second),
``INTERVAL=0`` (never advances), ``COUNT=0`` or ``BYMONTH=2;BYMONTHDAY=30``
(no meeting at all; dateutil then searches every period up to the year 9999
before it gives up). So a rule is checked part by part before it is ever
expanded, and every expansion here is bounded three ways:

- by the window asked for (a horizon of at most a few years);
- by a count (at most ``limit`` occurrences are taken from the iterator);
- by iterations: dateutil's search for the next occurrence only stops at a
  candidate or at the year 9999, so the rule is evaluated 400·k years later,
  as close to 9999 as the window allows. The Gregorian calendar repeats
  exactly every 400 years (146,097 days = 20,871 weeks = 4,800 months), so
  the shifted rule produces the same days, weekdays, week numbers and leap
  days; what is left to search after the window is under 400 years however
  empty the rule is (about 150,000 daily steps at worst).

Pure: no I/O, naive local (Europe/Berlin wall-clock) times throughout.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from dateutil.rrule import rrule, rrulestr

from governance.clock import BERLIN

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
"""Allowed: at most one meeting a day, at the time of day of the first meeting."""
REFUSED_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND", "BYEASTER", "DTSTART")
"""The time of day comes from the series' start; BYEASTER is not RFC 5545."""
KNOWN_PARTS = (
    "FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYSETPOS", "BYMONTH", "BYMONTHDAY",
    "BYYEARDAY", "BYWEEKNO", "BYDAY", "BYWEEKDAY",
)  # fmt: skip
_RANGES = {"BYMONTH": 12, "BYMONTHDAY": 31, "BYYEARDAY": 366, "BYWEEKNO": 53}
"""Allowed values: 1 to the maximum; all but BYMONTH may count from the end (-1 is the last)."""
MAX_INTERVAL = 52
MAX_COUNT = 1000
MAX_PER_YEAR = 53
"""A series meets at most weekly on average: 53 meetings in any first twelve months."""
_CYCLE_YEARS = 400
_LAST_YEAR = dt.MAXYEAR - 1  # room for the UNTIL of a rule that ends on 31 December


class RecurrenceError(ValueError):
    """A rule a committee may not use; ``code`` and ``params`` name the problem for the catalogue."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(f"{code}: {params}")


@dataclasses.dataclass(frozen=True)
class Rule:
    """A checked rule: its normalised text (no ``RRULE:`` prefix) and the parsed rule."""

    text: str
    parsed: rrule


def parse(text: str, first: dt.datetime) -> Rule:
    """Parse *text* starting at *first* (naive local) and check its parts; nothing is expanded."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:].strip()
    if not body or any(ch in body for ch in "\r\n") or ":" in body:
        raise RecurrenceError("syntax")
    parts: dict[str, str] = {}
    for item in body.split(";"):
        name, sep, value = item.partition("=")
        name = name.strip().upper()
        if not sep or not name or name in parts:
            raise RecurrenceError("syntax")
        parts[name] = value.strip()
    for name in parts:
        if name in REFUSED_PARTS:
            raise RecurrenceError("part", part=name)
        if name not in KNOWN_PARTS:
            raise RecurrenceError("syntax")
    freq = parts.get("FREQ", "").upper()
    if freq not in FREQUENCIES:
        raise RecurrenceError("freq", freq=freq or "—", allowed=", ".join(FREQUENCIES))
    interval = _number(parts.get("INTERVAL", "1"))
    if interval is None or not 1 <= interval <= MAX_INTERVAL:
        raise RecurrenceError("interval", interval_value=parts.get("INTERVAL"), max=MAX_INTERVAL)
    if "COUNT" in parts:
        count = _number(parts["COUNT"])
        if count is None or not 1 <= count <= MAX_COUNT:
            raise RecurrenceError("count", count_value=parts["COUNT"], max=MAX_COUNT)
    if "COUNT" in parts and "UNTIL" in parts:
        raise RecurrenceError("count_and_until")
    if parts.get("UNTIL", "").upper().endswith("Z"):
        parts["UNTIL"] = _local_until(parts["UNTIL"])
        body = ";".join(f"{name}={value}" for name, value in parts.items())
    for name, high in _RANGES.items():
        for value in parts[name].split(",") if name in parts else ():
            text = value.strip().removeprefix("+")
            signed = name != "BYMONTH" and text.startswith("-")
            number = _number(text[1:] if signed else text)
            if number is None or not 1 <= number <= high:
                low = 1 if name == "BYMONTH" else -high
                raise RecurrenceError("range", part=name, part_value=value, low=low, high=high)
    try:
        parsed = rrulestr(body, dtstart=first.replace(second=0, microsecond=0))
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        raise RecurrenceError("syntax", problem=str(exc)) from None
    if not isinstance(parsed, rrule):
        raise RecurrenceError("syntax")
    return Rule(text=body, parsed=parsed)


def _local_until(value: str) -> str:
    """UNTIL in UTC (``…Z``, as calendars write it) as the Berlin wall-clock time the series runs on."""
    try:
        moment = dt.datetime.strptime(value.upper(), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
        return moment.astimezone(BERLIN).strftime("%Y%m%dT%H%M%S")
    except (ValueError, OverflowError):
        raise RecurrenceError("syntax") from None


def _number(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() and len(value) <= 6 else None


def between(rule: Rule, lo: dt.datetime, hi: dt.datetime, *, limit: int) -> list[dt.datetime]:
    """The occurrences from *lo* to *hi* (both included, naive local), at most *limit* of them."""
    if hi < lo:
        return []
    out = []
    for local in _iterate(rule, lo, hi):
        out.append(local)
        if len(out) >= limit:
            break
    return out


def check_plans(
    rule: Rule, first: dt.datetime, horizon_end: dt.datetime, *, since: dt.datetime | None = None
) -> list[dt.datetime]:
    """Refuse a rule that plans no meeting from *since* (default: *first*) to *horizon_end*,
    or more than weekly on average (counted over the twelve months from *first*).

    Returns those occurrences (at most a year's cap per year of horizon).
    """
    year_end = _add_years(first, 1)
    first_year = between(rule, first, year_end - dt.timedelta(seconds=1), limit=MAX_PER_YEAR + 1)
    if len(first_year) > MAX_PER_YEAR:
        raise RecurrenceError("too_many", max=MAX_PER_YEAR)
    lo = first if since is None else max(first, since)
    years = max(1, horizon_end.year - lo.year + 1)
    planned = between(rule, lo, horizon_end, limit=MAX_PER_YEAR * years)
    if not planned:
        raise RecurrenceError("empty", until=horizon_end.strftime("%Y-%m-%d"))
    return planned


def _moment(parsed: rrule, attribute: str) -> dt.datetime | None:
    """The start or UNTIL of a parsed rule: dateutil keeps them only as private attributes."""
    value = getattr(parsed, attribute)
    assert value is None or isinstance(value, dt.datetime)
    return value


def _iterate(rule: Rule, lo: dt.datetime, hi: dt.datetime) -> Iterator[dt.datetime]:
    years = _CYCLE_YEARS * ((_LAST_YEAR - hi.year) // _CYCLE_YEARS)
    parsed = rule.parsed
    start = _moment(parsed, "_dtstart")
    assert start is not None
    until = _moment(parsed, "_until")
    if start > (hi if until is None else min(until, hi)):
        return
    # An UNTIL beyond the window changes nothing inside it, and might not shift.
    shifted = parsed.replace(
        dtstart=_add_years(start, years),
        until=None if until is None else _add_years(min(until, hi), years),
    )
    for local in shifted.xafter(_add_years(lo, years), inc=True):
        back = _add_years(local, -years)
        if back > hi:
            return
        yield back


def _add_years(moment: dt.datetime, years: int) -> dt.datetime:
    # Exact: a multiple of 400 years keeps 29 February; one year (the density check) may not.
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)
