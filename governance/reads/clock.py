"""The installation's clock as a read-only command sees it: the system clock, or
the simulated clock where the last ``gremium tick`` left it (a row in ``settings``)."""

from __future__ import annotations

import contextlib
import datetime as dt

from sqlalchemy import Connection, select
from sqlalchemy.exc import OperationalError, ProgrammingError

from governance.clock import Clock, SimulatedClock, SystemClock
from governance.reads import tables

SIMULATED_CLOCK_KEY = "simulated_clock"

_STORED = select(tables.settings.c.value).where(tables.settings.c.key == SIMULATED_CLOCK_KEY)
"""Built once: the web application reads it on every request on the simulated clock."""


def stored_moment(conn: Connection) -> dt.datetime | None:
    """The simulated clock's stored moment; None before there is one (or before ``gremium init``)."""
    with contextlib.suppress(OperationalError, ProgrammingError):
        value = conn.execute(_STORED).scalar_one_or_none()
        return dt.datetime.fromisoformat(value) if value else None
    return None


def reading_clock(conn: Connection, simulated: bool, start: dt.datetime) -> Clock:
    """The clock to read with: it shows the time, it never moves or stores it."""
    if not simulated:
        return SystemClock()
    return SimulatedClock(stored_moment(conn) or start)
