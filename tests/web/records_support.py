"""A meeting of the test committee held through the services: what the records
pages (minutes, register, action items, documents, audit) show."""

from __future__ import annotations

import dataclasses
import datetime as dt

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.services import action_items, agenda, attendance, votes
from governance.services import meetings as ms
from tests.web.support import World


@dataclasses.dataclass(frozen=True)
class Held:
    meeting_id: int
    decisions: tuple[str, ...]
    """The register's numbers, in the order decided."""
    action_id: int


def berlin(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=BERLIN)  # type: ignore[misc]


def hold_meeting(app: App, world: World, day: tuple[int, int, int] = (2026, 1, 21)) -> Held:
    """Plan, convene, open and close a meeting of TG on *day*: two decisions
    (one carried, one rejected) and an action item for Rabenhaus due a week later."""
    chair, secretary = World.EMAILS["chair"], World.EMAILS["secretary"]
    with app.unit_of_work(chair) as uow:
        from governance.models import Committee

        committee = uow.session.get(Committee, world.committee_id)
        assert committee is not None
        meeting = ms.plan(
            uow,
            committee,
            title="Sitzung des Testgremiums",
            starts_at=berlin(*day, 10, 0),
            location="Rathaus, Raum 1",
        )
        mid = meeting.id
    with app.unit_of_work(chair) as uow:
        ms.convene(uow, ms.meeting_by_id(uow.session, mid))
    app.clock.advance_to(berlin(*day, 9, 50))  # type: ignore[attr-defined]
    with app.unit_of_work(secretary) as uow:
        meeting = ms.meeting_by_id(uow.session, mid)
        for org in ("BA TK", "Rabenhaus", "KungerKiez"):
            attendance.record(uow, meeting, organisation_ref=org, status="present")
    app.clock.advance_to(berlin(*day, 10, 0))  # type: ignore[attr-defined]
    with app.unit_of_work(chair) as uow:
        ms.open_meeting(uow, ms.meeting_by_id(uow.session, mid))
    decided = []
    for title, text, totals in (
        ("Stadtteilfest", "Das Stadtteilfest findet am 20. Juni statt.", (3, 0, 0)),
        ("Neue Bänke", "Der Kiezfonds kauft zwei Bänke.", (1, 2, 0)),
    ):
        with app.unit_of_work(chair) as uow:
            item = agenda.propose(
                uow, ms.meeting_by_id(uow.session, mid), title=title, kind="decision", urgent=True
            )
            decision = votes.record_vote(uow, item, text=text, totals=totals)
            decided.append(decision.reference)
            item_id = item.id
    with app.unit_of_work(secretary) as uow:
        action = action_items.add(
            uow,
            agenda.item_by_ref(uow.session, item_id),
            what="Plakate drucken",
            who="Rabenhaus",
            due_on=dt.date(*day) + dt.timedelta(days=7),
        )
        action_id = action.id
    app.clock.advance_to(berlin(*day, 12, 0))  # type: ignore[attr-defined]
    with app.unit_of_work(chair) as uow:
        ms.close(uow, ms.meeting_by_id(uow.session, mid))
    return Held(mid, tuple(decided), action_id)
