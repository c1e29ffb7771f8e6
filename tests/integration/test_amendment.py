"""An amendment of the agreement is decided by the committee's vote before it is
signed (the first agreement needs none), on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from governance.bootstrap import App
from governance.errors import Conflict, NotPermitted, TransitionRefused
from governance.examples import treptow_koepenick as tk
from governance.models import AgendaItem, AgreementVersion, AuditRecord
from governance.services import agreements
from governance.services import meetings as ms
from tests.conftest import SYSTEM
from tests.integration.test_agreement_signing import ORGS, ceremony, open_v, version
from tests.integration.test_meetings import (
    CHAIR,
    SECRETARIAT,
    VOTING,
    act,
    add_series,
    attend,
    berlin,
    meetings,
    open_with,
    show,
    tick,
    vote,
)

AMENDED = (
    tk.AGREEMENT_TEXT + "\n§ 5 Evaluation\nDas Gremium wertet die Zusammenarbeit jährlich aus.\n"
)


@pytest.fixture
def in_force(any_app: App) -> App:
    """The example committee with version 1/1 in force and amendment 1/2 drafted."""
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    open_v(any_app)
    ceremony(any_app)
    with any_app.unit_of_work(CHAIR) as uow:
        agreements.amend(uow, agreements.version_by_ref(uow.session, "1/1"), text=AMENDED)
    return any_app


def schedule(app: App, actor: str = CHAIR) -> None:
    with app.unit_of_work(actor) as uow:
        agreements.schedule(uow, agreements.version_by_ref(uow.session, "1/2"))


def amendment_item(app: App, meeting_id: int) -> dict:
    return next(i for i in show(app, meeting_id)["agenda"] if i["title"].startswith("Änderung"))


def test_the_committees_vote_adopts_the_amendment_and_then_it_is_signed(in_force: App) -> None:
    with pytest.raises(Conflict) as undecided:
        open_v(in_force, "1/2")
    assert "gremium agreement schedule 1/2" in undecided.value.message("de")
    assert "Zweidrittelmehrheit" in undecided.value.message("de")
    assert "two-thirds majority" in undecided.value.message("en")

    add_series(in_force)
    schedule(in_force)
    first = meetings(in_force)[0].id
    item = amendment_item(in_force, first)
    assert (item["kind"], item["majority"]) == ("decision", "two_thirds")
    assert version(in_force, "1/2").state == "on_agenda"
    with pytest.raises(Conflict) as waiting:
        open_v(in_force, "1/2")
    assert f"TOP {item['top']} der Sitzung" in waiting.value.message("de")
    assert "noch nicht entschieden" in waiting.value.message("de")

    tick(in_force, 2026, 3, 11, 9, 30)
    open_with(in_force, first, VOTING[:6])
    decision = vote(in_force, item["id"], totals=(5, 1, 0))
    assert decision.carried
    v2 = version(in_force, "1/2")
    assert (v2.state, v2.decision_reference, v2.votes_yes, v2.votes_no) == (
        "adopted",
        decision.reference,
        5,
        1,
    )
    assert v2.decided_on.isoformat() == "2026-03-11"

    open_v(in_force, "1/2")
    ceremony(in_force, "1/2")
    assert (version(in_force, "1/1").state, version(in_force, "1/2").state) == (
        "superseded",
        "in_force",
    )


def test_an_amendment_the_committee_rejects_cannot_be_opened(in_force: App) -> None:
    add_series(in_force)
    schedule(in_force)
    first = meetings(in_force)[0].id
    item = amendment_item(in_force, first)
    tick(in_force, 2026, 3, 11, 9, 30)
    open_with(in_force, first, VOTING[:6])
    decision = vote(in_force, item["id"], totals=(3, 3, 0))  # not two thirds
    assert not decision.carried
    assert version(in_force, "1/2").state == "rejected"
    with pytest.raises(Conflict) as rejected:
        open_v(in_force, "1/2")
    message = rejected.value.message("de")
    assert "abgelehnt" in message and decision.reference in message
    assert "rejected" in rejected.value.message("en")
    v2_id = version(in_force, "1/2").id
    with in_force.db.session() as s:
        refused = s.execute(
            select(AuditRecord).where(
                AuditRecord.outcome == "refused", AuditRecord.action == "open"
            )
        ).scalar_one()
        assert refused.entity_id == v2_id
    # A rejected amendment is finished: a new one may be drafted.
    with in_force.unit_of_work(CHAIR) as uow:
        v3 = agreements.amend(uow, agreements.version_by_ref(uow.session, "1/1"), text=AMENDED)
        assert v3.number == 3


def test_an_amendment_put_to_the_committee_without_a_meeting_goes_on_the_next_one(
    in_force: App,
) -> None:
    schedule(in_force)
    assert version(in_force, "1/2").state == "on_agenda"
    with pytest.raises(Conflict) as waiting:
        open_v(in_force, "1/2")
    assert "sobald eine geplant ist" in waiting.value.message("de")
    add_series(in_force)
    first = meetings(in_force)[0].id
    assert amendment_item(in_force, first)["majority"] == "two_thirds"


def test_terminating_an_amendment_on_the_agenda_takes_its_item_off(in_force: App) -> None:
    add_series(in_force)
    schedule(in_force)
    first = meetings(in_force)[0].id
    item_id = amendment_item(in_force, first)["id"]
    with in_force.unit_of_work(CHAIR) as uow:
        agreements.terminate(
            uow, agreements.version_by_ref(uow.session, "1/2"), on=uow.today, reason="zurückgezogen"
        )
    with in_force.db.session() as s:
        item = s.get(AgendaItem, item_id)
        assert (item.status, item.position) == ("rejected", None)
    assert version(in_force, "1/1").state == "in_force"


def test_the_first_agreement_is_opened_without_a_vote_and_cannot_be_scheduled(
    any_app: App,
) -> None:
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    with pytest.raises(TransitionRefused) as err, any_app.unit_of_work(CHAIR) as uow:
        agreements.schedule(uow, agreements.version_by_ref(uow.session, "1/1"))
    assert "die erste Vereinbarung braucht keinen Beschluss" in err.value.message("de")
    assert "the first agreement needs no vote" in err.value.message("en")
    open_v(any_app)  # by the chair, without a vote
    assert version(any_app, "1/1").state == "open_for_signature"


def test_only_the_chair_puts_an_amendment_to_the_committee(in_force: App) -> None:
    for actor in (SECRETARIAT, tk.email(ORGS["Rabenhaus"], "gf")):
        with pytest.raises(NotPermitted):
            schedule(in_force, actor)
    with in_force.db.session() as s:
        assert (
            s.execute(
                select(AgreementVersion.state).where(AgreementVersion.number == 2)
            ).scalar_one()
            == "draft"
        )


def test_an_amendment_not_decided_at_a_meeting_without_quorum_goes_to_the_repeat_meeting(
    in_force: App,
) -> None:
    add_series(in_force)
    schedule(in_force)
    first = meetings(in_force)[0].id
    item = amendment_item(in_force, first)
    tick(in_force, 2026, 3, 11, 9, 30)
    open_with(in_force, first, VOTING[:2])  # not quorate: nothing is decided
    with pytest.raises(Conflict):
        vote(in_force, item["id"], totals=(2, 0, 0))
    act(in_force, CHAIR, ms.close, first)
    repeat = next(m for m in meetings(in_force) if m.repeat_of_id == first)
    carried = amendment_item(in_force, repeat.id)
    assert carried["carried_over_from"] == item["id"]
    with pytest.raises(Conflict) as waiting:
        open_v(in_force, "1/2")
    assert "Wiederholungssitzung" in waiting.value.message("de")
    tick(in_force, 2026, 4, 8, 9, 0)
    attend(in_force, repeat.id, VOTING[:3])
    in_force.clock.advance_to(berlin(2026, 4, 8, 10, 0))
    act(in_force, CHAIR, ms.open_meeting, repeat.id)
    decision = vote(in_force, carried["id"], totals=(3, 0, 0))
    assert decision.carried
    assert version(in_force, "1/2").state == "adopted"


def test_the_migration_dates_the_opening_of_versions_opened_before_it(any_app: App) -> None:
    """0005_agreement fills in ``opened_at`` from the audit trail, so the signing-date
    check holds for versions opened before the upgrade too."""
    import importlib

    from sqlalchemy import text

    migration = importlib.import_module("governance.migrations.versions.0005_agreement")
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    open_v(any_app)
    opened_at = version(any_app).opened_at
    assert opened_at is not None
    with any_app.db.engine.begin() as conn:
        conn.execute(text("UPDATE agreement_versions SET opened_at = NULL"))
    assert version(any_app).opened_at is None
    with any_app.db.engine.begin() as conn:
        migration.backfill_opened_at(conn)
    assert version(any_app).opened_at == opened_at
