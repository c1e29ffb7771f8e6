"""The horizon of a page being rendered: the next moment it would show something else by
the clock alone (nothing written), so that the web's page cache keeps it until then.

What a page shows changes with the clock only where it compares the clock with a
moment: a deadline passed ("überfällig"), a meeting begun or ended, "today" (a
membership, an action item's due day, the day counts). Those moments come from
three places, and each is noted here while a page is rendered (:func:`watching`):

- every moment of a row loaded through the ORM (a meeting's start, end and
  deadlines, which the workflow's guards and the buttons compare with the clock):
  noted by the ``load`` listener below, for each mapped date-time column;
- moments read through Core that a comparison uses: the reads call :func:`note`
  (e.g. a minutes' objection period, a listed meeting's end), also for rows a
  filter on the clock leaves out (they come in when the moment passes);
- the next midnight in Berlin (every date compared with "today"; and in UTC, where
  a read takes the day of a moment in UTC), always.

Moments in the past or the present are no horizon (the clock has passed them
already); the page cache also looks at every ``datetime`` attribute the page's
HTML carries (governance/web/page_cache.py). Outside :func:`watching` nothing is
collected and the listener costs one look-up per loaded row.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import DateTime, TypeDecorator, event
from sqlalchemy.orm import Mapper
from sqlalchemy.types import TypeEngine

from governance.clock import BERLIN


@dataclasses.dataclass
class Horizon:
    """The moments noted while watching; :attr:`until` is the earliest after *now*."""

    now: dt.datetime
    until: dt.datetime

    def note(self, moment: dt.datetime | None) -> None:
        if moment is None:
            return
        if moment.tzinfo is None:  # stored in UTC (governance.column_types)
            moment = moment.replace(tzinfo=dt.UTC)
        if moment < self.now:
            return
        # A moment equal to now counts as well: ``ends_at >= now`` changes just after it.
        boundary = max(moment, self.now + dt.timedelta(microseconds=1))
        if boundary < self.until:
            self.until = boundary


_WATCHING: contextvars.ContextVar[Horizon | None] = contextvars.ContextVar(
    "gremium_horizon", default=None
)


def next_midnight(now: dt.datetime) -> dt.datetime:
    """The next midnight after *now* where "today" changes: in Berlin, or in UTC where a
    read takes the day of a moment in UTC (whichever comes first)."""
    return min(
        dt.datetime.combine(now.astimezone(zone).date() + dt.timedelta(days=1), dt.time(), zone)
        for zone in (BERLIN, dt.UTC)
    )


def start(now: dt.datetime) -> contextvars.Token[Horizon | None]:
    """Begin noting for a page rendered at *now* (the next midnight is the furthest
    horizon); :func:`stop` with the token ends it. :func:`watching` as a block."""
    return _WATCHING.set(Horizon(now, next_midnight(now)))


def current() -> Horizon | None:
    return _WATCHING.get()


def stop(token: contextvars.Token[Horizon | None]) -> None:
    _WATCHING.reset(token)


@contextlib.contextmanager
def watching(now: dt.datetime) -> Iterator[Horizon]:
    token = start(now)
    try:
        horizon = _WATCHING.get()
        assert horizon is not None
        yield horizon
    finally:
        stop(token)


def note(moment: dt.datetime | None) -> None:
    """What is being rendered changes when the clock reaches *moment* (nothing if no page
    is being rendered)."""
    horizon = _WATCHING.get()
    if horizon is not None:
        horizon.note(moment)


_MOMENT_COLUMNS: dict[Mapper[Any], tuple[str, ...]] = {}


def _moment_columns(mapper: Mapper[Any]) -> tuple[str, ...]:
    found = _MOMENT_COLUMNS.get(mapper)
    if found is None:
        found = tuple(
            prop.key
            for prop in mapper.column_attrs
            if any(_is_moment(column.type) for column in prop.columns)
        )
        _MOMENT_COLUMNS[mapper] = found
    return found


def _is_moment(kind: TypeEngine[Any]) -> bool:
    # UTCDateTime (governance.column_types) is a TypeDecorator over DateTime
    return isinstance(kind, DateTime) or (
        isinstance(kind, TypeDecorator) and isinstance(kind.impl_instance, DateTime)
    )


def _on_load(target: Any, _context: Any) -> None:
    horizon = _WATCHING.get()
    if horizon is None:
        return
    state = target._sa_instance_state
    values = state.dict
    for key in _moment_columns(state.mapper):
        value = values.get(key)
        if isinstance(value, dt.datetime):
            horizon.note(value)


def listen(base: type) -> None:
    """Note the moments of every row of *base*'s classes loaded while watching."""
    if not event.contains(base, "load", _on_load):
        event.listen(base, "load", _on_load, propagate=True)
