"""A period of days as a user types it (``--from``/``--to``, a page's fields):
checked, bounded, with the calendar year as its default."""

from __future__ import annotations

import datetime as dt

from governance.errors import InvalidInput

MAX_PERIOD_DAYS = 366 * 5
"""The longest period a listing of decisions spans (five years): a bound on what one
request reads."""


def period(today: dt.date, since: str | None, until: str | None) -> tuple[dt.date, dt.date]:
    """The period as typed (``--from``/``--to``, the page's fields; YYYY-MM-DD), by
    default the current calendar year; *since* not after *until*, at most five years."""
    start = _day(since, "--from") if since else dt.date(today.year, 1, 1)
    end = _day(until, "--to") if until else dt.date(start.year, 12, 31)
    if end < start or (end - start).days > MAX_PERIOD_DAYS:
        raise InvalidInput(
            "programmes.error.period", since=start.isoformat(), until=end.isoformat()
        )
    return start, end


def _day(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInput("programmes.error.day", what=what, value=str(value)[:40]) from None
