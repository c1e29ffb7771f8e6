"""A committee with a history, built through the CLI: for tests that compare pages with
little and with much on them (statements per page) and for the browser tests.

On the example committee (``gremium init --example treptow-koepenick``, simulated
clock from 2026-01-12): *meetings* single meetings on Wednesdays from
2026-03-11; the first gets *decisions* decision items (the chair's proposals,
accepted at once), is convened, held on its day with six of the eight voting
organisations present (five make the quorum), votes on every item, records an
action item under each and is closed. The other meetings stay planned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from governance.examples import treptow_koepenick as tk

CHAIR = tk.CHAIR_EMAIL
SECRETARIAT = tk.SECRETARIAT_EMAIL
FIRST_DAY = dt.date(2026, 3, 11)
LOCATION = "Rathaus Köpenick, Raum 120"
PRESENT = ("BA Treptow-Köpenick", "Rabenhaus", "Offensiv'91", "tjfbg", "KungerKiez", "ajb")

Gremium = Callable[..., str]
"""``gremium(*args, actor=None) -> output``, failing unless the command exits 0."""


def plan_meetings(gremium: Gremium, count: int) -> None:
    for n in range(count):
        day = FIRST_DAY + dt.timedelta(weeks=n)
        gremium(
            "meeting", "plan", "--title", f"{n + 1}. Sitzung 2026", "--start", f"{day} 10:00",
            "--location", LOCATION, actor=CHAIR,
        )  # fmt: skip


def propose_decisions(gremium: Gremium, meeting: int, count: int) -> None:
    for n in range(count):
        gremium(
            "agenda", "propose", str(meeting), "--title", f"Zuschuss Nr. {n + 1}",
            "--kind", "decision", actor=CHAIR,
        )  # fmt: skip


def to_meeting_day(gremium: Gremium, meeting: int = 1) -> None:
    """Convene meeting 1 and move the simulated clock to five past ten on its day."""
    gremium("meeting", "convene", str(meeting), actor=CHAIR)
    gremium("tick", "--until", f"{FIRST_DAY} 10:05")


def attend(gremium: Gremium, meeting: int = 1) -> None:
    for organisation in PRESENT:
        gremium("meeting", "attend", str(meeting), organisation, actor=SECRETARIAT)


def held(gremium: Gremium, *, meetings: int, decisions: int) -> None:
    """Plan, convene, hold (attendance, votes, action items) and close meeting 1."""
    plan_meetings(gremium, meetings)
    propose_decisions(gremium, 1, decisions)
    to_meeting_day(gremium)
    attend(gremium)
    gremium("meeting", "open", "1", actor=CHAIR)
    due = FIRST_DAY + dt.timedelta(days=30)
    for n in range(decisions):
        top = str(n + 2)  # TOP 1 is the standing item (report on open action items)
        gremium(
            "meeting", "vote", "1", top, "--yes", "5", "--no", "1", "--abstain", "0",
            "--text", f"Der Zuschuss Nr. {n + 1} wird bewilligt.", actor=CHAIR,
        )  # fmt: skip
        gremium(
            "actions", "add", f"1/{top}", "--what", f"Bescheid Nr. {n + 1} versenden",
            "--who", "BA Treptow-Köpenick", "--due", str(due), actor=CHAIR,
        )  # fmt: skip
    gremium("meeting", "close", "1", actor=CHAIR)
