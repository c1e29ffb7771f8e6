"""Time is injected: nothing in Gremium reads the wall clock directly.

Production runs on :class:`SystemClock`; tests and the demo run on a
:class:`SimulatedClock` that only moves when told to, so a simulated year
takes seconds and every run is the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """Return the current moment as an aware UTC datetime."""
        ...


def today_in_berlin(clock: Clock) -> dt.date:
    """Return the calendar date in Berlin: deadlines and dates of signature are local dates."""
    return clock.now().astimezone(BERLIN).date()


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(UTC)


class SimulatedClock:
    """A clock that stands still until :meth:`advance_to` moves it forward."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = _aware(start)

    def now(self) -> dt.datetime:
        return self._now

    def advance_to(self, moment: dt.datetime) -> None:
        moment = _aware(moment)
        if moment < self._now:
            raise ValueError(f"the simulated clock cannot go back from {self._now} to {moment}")
        self._now = moment

    def advance(self, delta: dt.timedelta) -> None:
        self.advance_to(self._now + delta)


def _aware(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BERLIN)
    return moment.astimezone(UTC)
