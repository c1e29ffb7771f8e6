"""Moving the simulated clock (demo, tests, rehearsals): forward only, never on the system clock."""

from __future__ import annotations

import datetime as dt

from governance.bootstrap import App
from governance.clock import BERLIN, SimulatedClock
from governance.errors import ConfigurationError, InvalidInput
from governance.services import validation


def simulated_clock(app: App) -> SimulatedClock:
    """The installation's simulated clock; on the system clock nobody moves time."""
    if not isinstance(app.clock, SimulatedClock):
        raise ConfigurationError("error.system_clock")
    return app.clock


def advance_to(app: App, until: str | dt.datetime, *, catch_up: bool = False) -> dt.datetime:
    """Check that the clock may move to *until* (as typed, Berlin time) and return
    that moment; the timers due until then are fired by ``timers.fire_due``.

    With *catch_up* the clock moves at once, as after an outage until then: what
    was missed fires late, as a real installation coming back would fire it.
    """
    moment = validation.berlin_moment(until)
    clock = simulated_clock(app)
    if moment < clock.now():
        raise InvalidInput("error.clock_backwards", now=_shown(clock.now()), until=_shown(moment))
    if catch_up:
        clock.advance_to(moment)
    return moment


def _shown(moment: dt.datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")
