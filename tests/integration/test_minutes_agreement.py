"""Agreeing with circulated minutes (Zustimmung): recorded per organisation and
revision, shown in `minutes show`, refused after the period, twice, or for a
non-member; it changes nothing in the minutes' workflow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from governance.bootstrap import App, build_app
from governance.config import Settings
from governance.errors import Conflict, NotPermitted
from governance.examples import treptow_koepenick as tk
from governance.services import minutes
from tests.conftest import SYSTEM
from tests.integration.test_meetings import CHAIR, RABENHAUS, SECRETARIAT, act, tick
from tests.integration.test_minutes import (
    circulate,
    hold_first_meeting,
    no_tacit_approval,
    note,
    state,
)


@pytest.fixture
def kg(db_url, clock, tmp_path) -> Iterator[App]:
    """The example committee (as in test_minutes), on SQLite and on PostgreSQL."""
    app = build_app(
        Settings(database=db_url, archive=str(tmp_path / "archiv")), clock=clock, check_schema=False
    )
    app.db.upgrade()
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    yield app
    app.db.dispose()


def test_a_member_agrees_and_the_minutes_say_who_agreed_with_which_revision(kg):
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    agreed = act(kg, RABENHAUS, minutes.agree, first)
    assert (agreed.organisation, agreed.revision) == ("Rabenhaus", 1)
    shown = state(kg, first)
    assert shown["state"] == "circulated"
    assert [(a["organisation"], a["revision"]) for a in shown["agreements"]] == [("Rabenhaus", 1)]


def test_agreeing_twice_is_refused_and_names_the_first_agreement(kg):
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    act(kg, RABENHAUS, minutes.agree, first)
    with pytest.raises(Conflict) as twice:
        act(kg, RABENHAUS, minutes.agree, first)
    assert (
        "Rabenhaus hat der Fassung 1 dieses Protokolls bereits zugestimmt"
        in twice.value.message("de")
    )
    assert len(state(kg, first)["agreements"]) == 1


def test_agreeing_after_the_objection_period_is_refused(kg):
    no_tacit_approval(kg)
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    tick(kg, 2026, 3, 27, 0, 5)
    with pytest.raises(Conflict) as late:
        act(kg, RABENHAUS, minutes.agree, first)
    assert "Die Einwendungsfrist für das Protokoll der Sitzung" in late.value.message("de")
    assert "ended on" in late.value.message("en")
    assert state(kg, first)["agreements"] == []


def test_only_a_member_organisation_agrees(kg):
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    with pytest.raises(NotPermitted):
        act(kg, SECRETARIAT, minutes.agree, first)
    assert state(kg, first)["agreements"] == []


def test_agreement_belongs_to_its_revision_a_new_circulation_starts_afresh(kg):
    first = hold_first_meeting(kg)
    note(kg, first)
    circulate(kg, first)
    act(kg, CHAIR, minutes.agree, first)
    act(kg, RABENHAUS, minutes.object_to, first, text="TOP 2 fehlt.")
    with pytest.raises(Conflict) as drafting:
        act(kg, CHAIR, minutes.agree, first)
    assert "nicht versandt" in drafting.value.message("de")
    circulate(kg, first)
    assert state(kg, first)["revision"] == 2
    assert state(kg, first)["agreements"] == []
