"""Withdrawal of a member (Austritt) on a real database: notice, the notice
period of the rules, the timer that completes it, and what is refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.errors import Conflict, InvalidInput, NotPermitted, TransitionRefused
from governance.examples import treptow_koepenick as tk
from governance.models import AuditRecord, Membership, OutboxMessage, Timer
from governance.services import directory, timers, withdrawal
from tests.conftest import SYSTEM, audited_as

CHAIR = tk.CHAIR_EMAIL
RABENHAUS = "gf@rabenhaus.example.org"
RABENHAUS_DEPUTY = "nachbarschaft@rabenhaus.example.org"
AJB = "gwa@ajb.example.org"
TODAY = dt.date(2026, 1, 12)
EARLIEST = dt.date(2026, 4, 12)


@pytest.fixture
def kg(any_app: App) -> App:
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


def notice(app: App, actor: Any, org: str = "Rabenhaus", **kwargs: Any) -> Membership:
    kwargs.setdefault("given_on", TODAY)
    with app.unit_of_work(actor) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        organisation = directory.organisation_by_ref(uow.session, org)
        return withdrawal.give_notice(uow, committee, organisation, **kwargs)


def revoke(app: App, actor: Any, org: str = "Rabenhaus") -> None:
    with app.unit_of_work(actor) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        organisation = directory.organisation_by_ref(uow.session, org)
        withdrawal.revoke_notice(uow, committee, organisation)


def membership(app: App, org: str = "Rabenhaus") -> Membership:
    with app.db.session() as session:
        organisation = directory.organisation_by_ref(session, org)
        row = session.execute(
            select(Membership)
            .where(Membership.organisation_id == organisation.id)
            .order_by(Membership.id.desc())
        ).scalar_one()
        session.expunge(row)
        return row


def snapshot(app: App) -> tuple[Any, ...]:
    with app.db.session() as session:
        rows = session.execute(
            select(Membership.id, Membership.state, Membership.ends_on, Membership.version)
        ).all()
        messages = session.execute(select(func.count()).select_from(OutboxMessage)).scalar_one()
        pending = session.execute(
            select(func.count()).select_from(Timer).where(Timer.status == "pending")
        ).scalar_one()
    return tuple(rows), messages, pending


def at(day: dt.date, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def test_notice_ends_the_membership_exactly_when_the_notice_period_is_over(kg):
    notice(kg, RABENHAUS)
    m = membership(kg)
    assert (m.state, m.notice_given_on, m.ends_on) == ("leaving", TODAY, EARLIEST)
    with kg.db.session() as session:
        recipients = session.execute(
            select(OutboxMessage.recipient).where(
                OutboxMessage.notification == "withdrawal_confirmed"
            )
        ).scalars()
        assert list(recipients) == [RABENHAUS]
        [timer] = session.execute(
            select(Timer).where(Timer.entity_type == "memberships", Timer.status == "pending")
        ).scalars()
        assert timer.due_at == at(EARLIEST)

    fired = timers.fire_due(kg, at(EARLIEST) - dt.timedelta(minutes=1))
    assert fired == []
    m = membership(kg)
    assert m.state == "leaving"
    assert m.is_current(EARLIEST - dt.timedelta(days=1))

    [result] = timers.fire_due(kg, at(EARLIEST))
    assert (result.trigger, result.outcome) == ("complete_withdrawal", "fired")
    m = membership(kg)
    assert (m.state, m.ends_on) == ("left", EARLIEST)
    assert not m.is_current(EARLIEST)
    with kg.db.session() as session:
        committee = directory.committee_by_ref(session, "KG")
        rabenhaus = directory.organisation_by_ref(session, "Rabenhaus")
        assert directory.membership_of(session, committee, rabenhaus) is None
        actor, from_state = session.execute(
            select(AuditRecord.actor, AuditRecord.from_state).where(
                AuditRecord.action == "complete_withdrawal"
            )
        ).one()
    assert (actor, from_state) == ("system", "leaving")


def test_a_later_effective_date_is_kept_and_an_earlier_one_names_the_earliest(kg):
    before = snapshot(kg)
    with pytest.raises(InvalidInput) as err:
        notice(kg, RABENHAUS, effective_on="2026-03-31")
    assert "2026-04-12 at the earliest" in err.value.message("en")
    assert snapshot(kg) == before

    notice(kg, RABENHAUS, effective_on="2026-07-01")
    assert membership(kg).ends_on == dt.date(2026, 7, 1)
    timers.fire_due(kg, at(dt.date(2026, 6, 30), 23, 59))
    assert membership(kg).state == "leaving"
    timers.fire_due(kg, at(dt.date(2026, 7, 1)))
    assert membership(kg).state == "left"


def test_the_notice_period_follows_the_rules_of_the_committee(kg):
    with kg.unit_of_work(CHAIR) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        directory.set_rules(uow, committee, {"withdrawal_notice_months": "6"})
    notice(kg, RABENHAUS)
    assert membership(kg).ends_on == dt.date(2026, 7, 12)


def test_the_chair_records_a_notice_for_a_member(kg):
    notice(kg, CHAIR, org="ajb")
    assert membership(kg, "ajb").state == "leaving"


@pytest.mark.parametrize("actor", [AJB, RABENHAUS_DEPUTY, tk.SECRETARIAT_EMAIL])
def test_only_the_own_representative_or_the_chair_gives_notice(kg, actor):
    before = snapshot(kg)
    with pytest.raises(NotPermitted):
        notice(kg, actor)
    assert snapshot(kg) == before
    with kg.db.session() as session:
        refused = session.execute(
            select(AuditRecord.actor).where(AuditRecord.outcome == "refused")
        ).scalars()
        refused = list(refused)
    assert refused == [audited_as(kg, actor)]


def test_a_representative_of_another_organisation_is_told_so(kg):
    with pytest.raises(NotPermitted, match="not for Rabenhaus"):
        notice(kg, AJB)


def test_the_chairs_own_organisation_cannot_withdraw(kg):
    before = snapshot(kg)
    with pytest.raises(Conflict) as err:
        notice(kg, CHAIR, org="BA Treptow-Köpenick")
    assert "chairs the committee" in err.value.message("en")
    assert snapshot(kg) == before


def test_a_revoked_notice_keeps_the_member_and_its_timer_is_cancelled(kg):
    notice(kg, RABENHAUS)
    with pytest.raises(NotPermitted):
        revoke(kg, AJB)
    revoke(kg, RABENHAUS)
    m = membership(kg)
    assert (m.state, m.ends_on, m.notice_given_on) == ("active", None, None)
    assert timers.fire_due(kg, at(dt.date(2026, 5, 1))) == []
    assert membership(kg).state == "active"


def test_a_second_notice_is_refused_naming_the_state(kg):
    notice(kg, RABENHAUS)
    before = snapshot(kg)
    with pytest.raises(TransitionRefused) as err:
        notice(kg, RABENHAUS)
    assert "Austritt erklärt" in err.value.message("de")
    assert snapshot(kg) == before


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"given_on": "2026-02-30"}, "is not a date"),
        ({"given_on": "2026-01-13"}, "in the future"),
        ({"given_on": "2025-12-31"}, "before the membership began (2026-01-12)"),
        ({"effective_on": "bald"}, "is not a date"),
    ],
)
def test_bad_dates_are_refused_and_change_nothing(kg, kwargs, error):
    before = snapshot(kg)
    with pytest.raises(InvalidInput) as err:
        notice(kg, RABENHAUS, **kwargs)
    assert error in err.value.message("en")
    assert snapshot(kg) == before
