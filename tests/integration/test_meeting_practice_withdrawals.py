"""Withdrawing a conflict of interest or a vote transfer (meeting practice, issue 16), on
SQLite and PostgreSQL: by whom, until when, what stays on record."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from governance import audit
from governance.bootstrap import App
from governance.errors import Conflict, InvalidInput, NotFound, NotPermitted
from governance.examples import treptow_koepenick as tk
from governance.models import ActionLink, ConflictOfInterest, OutboxMessage, VoteTransfer
from governance.services import (
    action_links,
    agenda,
    conflicts_of_interest,
    directory,
    vote_transfer,
)
from governance.services import meetings as ms
from governance.unit_of_work import Actor
from tests.conftest import SYSTEM
from tests.integration.test_meeting_practice import (
    VSKA,
    audit_actions,
    declare,
    refused,
    rules,
    vote,
)
from tests.integration.test_meetings import (
    CHAIR,
    RABENHAUS,
    SECRETARIAT,
    VOTING,
    act,
    add_series,
    attend,
    berlin,
    meetings,
    on_item,
    propose,
    run_to_meeting_day,
    tick,
)

TJFBG = "treptow@tjfbg.example.org"
AJB = "gwa@ajb.example.org"


@pytest.fixture
def kg(any_app: App) -> App:
    """The example committee of Treptow-Köpenick, on SQLite and on PostgreSQL."""
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


def withdraw_conflict(app: App, actor: str, item: int, organisation: str) -> ConflictOfInterest:
    return on_item(app, actor, conflicts_of_interest.withdraw, item, organisation=organisation)


def in_force(app: App, item: int) -> list[str]:
    with app.db.session() as s:
        found = conflicts_of_interest.conflicted(s, agenda.item_by_ref(s, item))
        return sorted(c.organisation.short_name for c in found.values())


def test_a_conflict_is_withdrawn_until_the_vote_and_the_record_keeps_it(kg):
    first = run_to_meeting_day(kg)
    grant = propose(kg, CHAIR, first, "Zuwendung an Rabenhaus", kind="decision", urgent=True)
    declare(kg, RABENHAUS, grant, "Rabenhaus", "versehentlich erklärt")
    # Another member's representative may not withdraw it; nor can one withdraw what is
    # not declared.
    with pytest.raises(NotPermitted):
        withdraw_conflict(kg, TJFBG, grant, "Rabenhaus")
    with pytest.raises(NotFound) as none:
        withdraw_conflict(kg, CHAIR, grant, "tjfbg")
    de, en = refused(none.value)
    assert "tjfbg hat bei TOP" in de and "(erklärt haben dort: Rabenhaus)" in de
    assert "(declared there: Rabenhaus)" in en

    withdrawn = withdraw_conflict(kg, RABENHAUS, grant, "Rabenhaus")
    assert withdrawn.withdrawn_at == kg.clock.now()
    assert in_force(kg, grant) == []
    with pytest.raises(NotFound):
        withdraw_conflict(kg, RABENHAUS, grant, "Rabenhaus")  # twice: nothing left
    # Declared again (rightly this time), the chair withdraws it, then once more for good.
    declare(kg, RABENHAUS, grant, "Rabenhaus", "erhält die Zuwendung")
    withdraw_conflict(kg, CHAIR, grant, "Rabenhaus")
    declare(kg, SECRETARIAT, grant, "Rabenhaus", "erhält die Zuwendung")
    assert in_force(kg, grant) == ["Rabenhaus"]
    with kg.db.session() as s:
        rows = list(s.scalars(select(ConflictOfInterest).order_by(ConflictOfInterest.id)))
    assert [(r.reason, r.withdrawn_at is not None) for r in rows] == [
        ("versehentlich erklärt", True),
        ("erhält die Zuwendung", True),
        ("erhält die Zuwendung", False),
    ]
    assert audit_actions(kg).count("conflict.withdraw") == 2

    attend(kg, first, VOTING[:6])
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(kg, CHAIR, ms.open_meeting, first)
    vote(kg, grant, ballots={"tjfbg": "yes", "ajb": "yes", "KungerKiez": "no"})
    with pytest.raises(Conflict) as late:
        withdraw_conflict(kg, CHAIR, grant, "Rabenhaus")
    de, en = refused(late.value)
    assert "bereits abgestimmt" in de and "nur bis zur Abstimmung" in de
    assert "only be withdrawn until the vote" in en
    assert in_force(kg, grant) == ["Rabenhaus"]
    with kg.db.session() as s:
        assert audit.verify(s).ok


def test_a_transfer_is_withdrawn_until_a_vote_is_taken_under_it(kg):
    first = run_to_meeting_day(kg)
    grant = propose(kg, CHAIR, first, "Zuwendung Kiezfest", kind="decision", urgent=True)
    rules(kg, vote_transfer="true")
    transfer = {"from_organisation": "VskA", "to_organisation": "ajb"}
    act(kg, SECRETARIAT, vote_transfer.transfer, first, **transfer)
    with pytest.raises(NotPermitted):  # the receiver is not the one who gave it
        act(kg, AJB, vote_transfer.withdraw, first, from_organisation="VskA")
    row = act(kg, VSKA, vote_transfer.withdraw, first, from_organisation="VskA")
    assert row.withdrawn_at is not None
    with pytest.raises(NotFound) as none:
        act(kg, CHAIR, vote_transfer.withdraw, first, from_organisation="VskA")
    assert "keine Stimme übertragen" in refused(none.value)[0]
    # Given again, to another member this time (the first no longer stands in the way).
    act(
        kg,
        SECRETARIAT,
        vote_transfer.transfer,
        first,
        from_organisation="VskA",
        to_organisation="tjfbg",
    )

    attend(kg, first, VOTING[:6])
    kg.clock.advance_to(berlin(2026, 3, 11, 10, 0))
    act(kg, CHAIR, ms.open_meeting, first)
    # In the meeting, before any vote: still withdrawable (and given once more).
    act(kg, CHAIR, vote_transfer.withdraw, first, from_organisation="VskA")
    act(kg, SECRETARIAT, vote_transfer.transfer, first, **transfer)
    vote(kg, grant, totals=(5, 1, 0))  # a show of hands: no ballot names the transfer
    with pytest.raises(Conflict) as used:
        act(kg, CHAIR, vote_transfer.withdraw, first, from_organisation="VskA")
    de, en = refused(used.value)
    assert "bereits abgestimmt worden (TOP" in de and "endet die Übertragung von selbst" in de
    assert "A vote has already been taken under the transfer" in en
    with kg.db.session() as s:
        rows = list(s.scalars(select(VoteTransfer).order_by(VoteTransfer.id)))
        assert [(r.to_organisation.short_name, r.withdrawn_at is None) for r in rows] == [
            ("ajb", False),
            ("tjfbg", False),
            ("ajb", True),
        ]
        assert [
            r.to_organisation.short_name
            for r in vote_transfer.transfers(s, ms.meeting_by_id(s, first))
        ] == ["ajb"]
        assert audit.verify(s).ok
    assert audit_actions(kg).count("vote_transfer.withdraw") == 2


def test_what_was_declared_by_the_invitations_link_is_withdrawn_there(kg):
    add_series(kg)
    first = meetings(kg)[0].id
    grant = propose(kg, CHAIR, first, "Zuwendung an Rabenhaus", kind="decision")
    rules(kg, vote_transfer="true")
    tick(kg, 2026, 2, 26, 9, 0)
    with kg.db.session() as s:
        by_person = {
            m.recipient: m
            for m in s.scalars(
                select(OutboxMessage).where(OutboxMessage.notification == "invitation")
            )
        }
        tokens = {}
        for who, kind in ((RABENHAUS, "conflict"), (VSKA, "transfer")):
            message = by_person[who]
            [address] = action_links.fill(
                s,
                message.person_id,
                [message.context["practice_links"][kind]],
                None,
                kg.clock.now(),
            )
            tokens[who] = address.rsplit("/l/", 1)[1]
        s.commit()
        ajb = str(directory.organisation_by_ref(s, "ajb").id)
    with kg.unit_of_work(Actor.system()) as uow:
        action_links.act(uow, tokens[RABENHAUS], {"item": str(grant), "reason": "falscher TOP"})
    with kg.unit_of_work(Actor.system()) as uow:
        action_links.act(uow, tokens[VSKA], {"to": ajb})
    # A declaration by the secretariat is not the link's to withdraw.
    declare(kg, SECRETARIAT, grant, "tjfbg", "schriftlich")

    with kg.unit_of_work(Actor.system()) as uow:
        view = action_links.inspect(uow, tokens[RABENHAUS])  # used, but it can withdraw
        assert view.used
        [(value, label)] = view.withdrawable
        assert (
            label.render("de") == "Befangenheit bei TOP 2 „Zuwendung an Rabenhaus“ (falscher TOP)"
        )
    with kg.unit_of_work(Actor.system()) as uow:
        with pytest.raises(InvalidInput) as unknown:
            action_links.withdraw(uow, tokens[RABENHAUS], "999")
        assert "gibt es nicht" in refused(unknown.value)[0]
    with kg.unit_of_work(Actor.system()) as uow:
        done = action_links.withdraw(uow, tokens[RABENHAUS], value)
    assert done.result.render("de").startswith("Zurückgezogen: die Befangenheit von Rabenhaus")
    with kg.unit_of_work(Actor.system()) as uow:
        # The link works again: the right declaration can now be made.
        view = action_links.inspect(uow, tokens[RABENHAUS])
        assert not view.used and not view.withdrawable
    with kg.unit_of_work(Actor.system()) as uow:
        [(value, _)] = action_links.inspect(uow, tokens[VSKA]).withdrawable
        done = action_links.withdraw(uow, tokens[VSKA], value)
    assert done.result.render("en") == (
        f"Withdrawn: the transfer of VskA's vote to ajb for meeting {first}."
    )
    with kg.db.session() as s:
        assert vote_transfer.transfers(s, ms.meeting_by_id(s, first)) == []
        records = list(s.scalars(select(ActionLink.purpose).where(ActionLink.used_at.is_not(None))))
        assert "meeting.conflict" not in records and "meeting.transfer_vote" not in records
        assert audit.verify(s).ok
    assert audit_actions(kg).count("link.withdraw") == 2
    assert in_force(kg, grant) == ["tjfbg"]
