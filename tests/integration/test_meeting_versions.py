"""Two people editing one meeting (issue 13 point 5), on a SQLite file and PostgreSQL:
a decision taken on an older picture of the meeting (the version a form carried)
is refused as a concurrent change and changes nothing; the command line, which
names no version, acts on what is recorded now."""

from __future__ import annotations

import datetime as dt

import pytest

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.errors import ConcurrentChange, InvalidInput
from governance.models import AgendaItem, Meeting
from governance.services import agenda, agenda_order
from governance.services import meetings as ms
from tests.integration.test_agreement_signing import kg, rep  # noqa: F401
from tests.integration.test_meetings import CHAIR, SECRETARIAT
from tests.integration.test_parallel_actions import in_parallel


def planned(app: App) -> tuple[int, int]:
    """A planned meeting of the committee: its id and its version."""
    with app.unit_of_work(CHAIR) as uow:
        meeting = ms.plan(uow, "KG", title="Sitzung", starts_at="2026-03-11 10:00", location="R")
    return meeting.id, current_version(app, meeting.id)


def current_version(app: App, mid: int) -> int:
    with app.db.session() as s:
        found = s.get(Meeting, mid)
        assert found is not None
        return found.version


def test_a_decision_on_an_older_agenda_is_refused_and_changes_nothing(kg: App) -> None:  # noqa: F811
    mid, seen = planned(kg)
    with kg.unit_of_work(rep("Rabenhaus")) as uow:
        first = agenda.propose(uow, str(mid), title="Erster Vorschlag").id
    after_first = current_version(kg, mid)
    assert after_first > seen  # a proposal counts as a change of the meeting
    with kg.unit_of_work(rep("tjfbg")) as uow:
        agenda.propose(uow, str(mid), title="Zweiter Vorschlag", version=after_first)
    with pytest.raises(ConcurrentChange) as refused, kg.unit_of_work(CHAIR) as uow:
        agenda.accept(uow, str(first), meeting=str(mid), version=after_first)
    assert "inzwischen von jemand anderem geändert" in refused.value.message("de")
    with kg.db.session() as s:
        item = s.get(AgendaItem, first)
        assert item is not None and item.status == "proposed"
    with kg.unit_of_work(CHAIR) as uow:  # the command line: no version, what is recorded now
        agenda.accept(uow, str(first))
    with pytest.raises(ConcurrentChange), kg.unit_of_work(CHAIR) as uow:
        agenda_order.finalize(uow, str(mid), version=after_first)
    with pytest.raises(InvalidInput), kg.unit_of_work(CHAIR) as uow:
        ms.cancel(uow, str(mid), reason="x", version="drei")


def test_two_chairs_moving_the_same_meeting_at_once_one_wins_the_other_is_told(
    kg: App,  # noqa: F811
) -> None:
    mid, seen = planned(kg)

    def move_to(day: int) -> None:
        with kg.unit_of_work(CHAIR) as uow:
            ms.move(uow, str(mid), starts_at=f"2026-03-{day} 10:00", reason="Raum", version=seen)

    def cancel() -> None:
        with kg.unit_of_work(CHAIR) as uow:
            ms.cancel(uow, str(mid), reason="Krankheit", version=seen)

    errors = in_parallel([lambda: move_to(12), cancel])
    assert len(errors) == 1 and isinstance(errors[0], ConcurrentChange), errors
    with kg.db.session() as s:
        meeting = s.get(Meeting, mid)
        assert meeting is not None
        moved = meeting.starts_at == dt.datetime(2026, 3, 12, 10, 0, tzinfo=BERLIN)
        assert (meeting.state == "cancelled") != moved  # exactly one of them happened


def test_an_item_is_decided_only_through_its_own_meeting(kg: App) -> None:  # noqa: F811
    mid, _ = planned(kg)
    with kg.unit_of_work(CHAIR) as uow:
        other = ms.plan(uow, "KG", title="April", starts_at="2026-04-15 10:00", location="R").id
    with kg.unit_of_work(SECRETARIAT) as uow:
        item = agenda.propose(uow, str(other), title="Für April").id
    with pytest.raises(InvalidInput) as refused, kg.unit_of_work(CHAIR) as uow:
        agenda.reject(uow, str(item), reason="nein", meeting=str(mid))
    assert refused.value.message("en") == f"Item #{item} does not belong to meeting {mid}."
