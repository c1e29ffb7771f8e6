"""``python -m bench.profile AREA``: a pyinstrument profile of one benchmarked path.

    python -m bench.profile fire       # timer-fired transitions on PostgreSQL
    python -m bench.profile dispatch   # the dispatcher sending 50 invitations over SMTP
    python -m bench.profile pdf        # the minutes of a 30-item meeting as PDF/A

Prints the profile as text (the slowest call paths first).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Callable

from pyinstrument import Profiler

from bench.common import pg_schema


def fire(count: int = 300) -> Profiler:
    from governance.clock import SystemClock
    from governance.services import timers
    from tests.conftest import make_app
    from tests.scale_support import seed_due_action_items

    with pg_schema() as url:
        app = make_app(url, SystemClock())  # type: ignore[arg-type]
        ids = seed_due_action_items(
            app, count, due_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        )
        timers.fire_one(app, ids[0])
        profiler = Profiler()
        with profiler:
            for timer_id in ids[1:]:
                timers.fire_one(app, timer_id)
        app.db.dispose()
    return profiler


def dispatch() -> Profiler:
    from bench import common, fanout

    profiler = Profiler()
    original = common.best_of

    def profiled(runs: int, fn: Callable[[], object]) -> float:
        if fn.__name__ == "gremium":
            with profiler:
                fn()
        return original(1, fn)

    fanout.best_of = profiled
    fanout.run(1)
    return profiler


def pdf() -> Profiler:
    from bench.documents import minutes_context
    from governance.documents import html_to_pdf, render_html

    with tempfile.TemporaryDirectory() as folder:
        html = render_html("minutes", minutes_context(f"sqlite:///{folder}/p.db"))
    html_to_pdf(html)
    profiler = Profiler()
    with profiler:
        html_to_pdf(html)
    return profiler


AREAS = {"fire": fire, "dispatch": dispatch, "pdf": pdf}

if __name__ == "__main__":
    area = sys.argv[1] if len(sys.argv) > 1 else "fire"
    if area not in AREAS:
        raise SystemExit(f"usage: python -m bench.profile {{{','.join(AREAS)}}}")
    print(AREAS[area]().output_text(unicode=False, color=False))
