"""The in-session actions as every front calls them (services/meeting_session.py):
with the meeting's id, items as typed, organisations by name and counts as text."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from governance.bootstrap import App
from governance.errors import Conflict, InvalidInput
from governance.examples import treptow_koepenick as tk
from governance.models import AuditRecord, Vote
from governance.services import meeting_session as ms
from tests.conftest import SYSTEM
from tests.integration.test_meetings import (
    CHAIR,
    SECRETARIAT,
    VOTING,
    berlin,
    propose,
    run_to_meeting_day,
)


@pytest.fixture
def kg(any_app: App) -> App:
    """The example committee of Treptow-Köpenick, on SQLite and on PostgreSQL."""
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


def in_session(app, present):
    first = run_to_meeting_day(app)
    decision = propose(app, CHAIR, first, "Stadtteilfest", kind="decision", urgent=True)
    with app.unit_of_work(SECRETARIAT) as uow:
        ms.attend_all(uow, first, {org: ms.SheetLine("present") for org in present})
    app.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    with app.unit_of_work(CHAIR) as uow:
        _, check = ms.open_session(uow, str(first))
    return first, decision, check


def test_the_sheet_records_each_organisation_once_and_the_quorum_follows(kg):
    first, _, check = in_session(kg, VOTING[:5])
    assert (check.present, check.voting_members, check.needed, check.quorate) == (5, 8, 5, True)
    with kg.db.session() as s:
        before = s.scalar(select(func.count()).select_from(AuditRecord))
    with kg.unit_of_work(SECRETARIAT) as uow:
        again = ms.attend_all(uow, first, {org: ms.SheetLine("present") for org in VOTING[:5]})
    with kg.db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditRecord)) == before
    assert again.present == 5
    with kg.unit_of_work(SECRETARIAT) as uow:
        later = ms.attend_all(uow, first, {"KungerKiez": ms.SheetLine("absent")})
    assert later.present == 4 and not later.quorate


def test_a_vote_by_totals_typed_as_text_enters_the_register(kg):
    first, decision, _ = in_session(kg, VOTING[:5])
    with kg.unit_of_work(CHAIR) as uow:
        top = str(
            ms.item_of_meeting(
                uow, ms.meeting_service.meeting_by_id(uow.session, first), f"#{decision}"
            ).position
        )
        made = ms.vote(uow, first, top, text="Das Fest findet statt.", yes="4", no="", abstain="1")
        assert (made.vote.yes, made.vote.no, made.vote.abstain) == (4, 0, 1)
        assert made.reference == "KG-2026/01"


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ({"yes": "vier"}, "„vier“"),
        ({"yes": "6"}, "nur 5 stimmberechtigte"),
        ({}, "entweder"),
    ],
)
def test_counts_that_cannot_be_right_are_refused_and_nothing_is_recorded(kg, counts, message):
    first, decision, _ = in_session(kg, VOTING[:5])
    with pytest.raises((InvalidInput, Conflict)) as refused, kg.unit_of_work(CHAIR) as uow:
        ms.vote(uow, first, f"#{decision}", text="Beschluss", **counts)
    assert message in refused.value.message("de")
    with kg.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Vote)) == 0


def test_an_item_of_another_meeting_is_refused_with_the_command_lines_message(kg):
    first, decision, _ = in_session(kg, VOTING[:5])
    with pytest.raises(InvalidInput) as refused, kg.unit_of_work(CHAIR) as uow:
        ms.vote(uow, first + 1, f"#{decision}", text="Beschluss", yes="5")
    assert refused.value.key == "vote.error.other_meeting"
