"""Where the simulated clock of an installation is kept: a row in ``settings``.

Successive commands (``gremium tick``) continue where the last one left
off. The stored moment only moves forward: a process whose clock is behind
(it started before another one moved the clock) never sets it back, it
reads the newer moment instead. A second ``tick`` waits for the first
(:func:`governance.services.timers.fire_due` holds ``claims.exclusively``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import IntegrityError

from governance.database import Database
from governance.reads.clock import SIMULATED_CLOCK_KEY as KEY
from governance.reads.clock import stored_moment


def read(db: Database) -> dt.datetime | None:
    """The stored moment; None before there is one (or before ``gremium init``)."""
    with db.read_connection() as conn:
        return stored_moment(conn)


def store_forward(db: Database, moment: dt.datetime) -> dt.datetime:
    """Store *moment* unless a later one is stored already; return the stored moment."""
    from governance.models import Setting

    for _ in range(3):
        with db.session() as session, session.begin():
            row = session.get(Setting, KEY, with_for_update=True)
            if row is None:
                try:
                    with session.begin_nested():
                        session.add(Setting(key=KEY, value=moment.isoformat()))
                except IntegrityError:  # inserted by another process just now: read it
                    continue
                return moment
            stored = dt.datetime.fromisoformat(row.value)
            if moment > stored:
                row.value = moment.isoformat()
                return moment
            return stored
    raise RuntimeError("the simulated clock's row could not be written")  # pragma: no cover
