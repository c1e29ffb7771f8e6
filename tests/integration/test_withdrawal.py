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
    kwargs.setdefault("given_on", None)  # today
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
        subjects = dict(
            session.execute(
                select(OutboxMessage.recipient, OutboxMessage.subject).where(
                    OutboxMessage.notification == "withdrawal_confirmed"
                )
            ).all()
        )
        # The organisation gets the confirmation; the chair and the secretariat learn of it.
        assert subjects == {
            RABENHAUS: "Bestätigung: Austritt von Rabenhaus aus dem Gremium KG",
            CHAIR: "Austritt erklärt: Rabenhaus verlässt das Gremium KG",
            tk.SECRETARIAT_EMAIL: "Austritt erklärt: Rabenhaus verlässt das Gremium KG",
        }
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


@pytest.mark.parametrize("actor", [CHAIR, tk.SECRETARIAT_EMAIL])
def test_the_chair_or_the_secretariat_records_a_notice_for_a_member(kg, actor):
    notice(kg, actor, org="ajb")
    m = membership(kg, "ajb")
    assert (m.state, m.notice_given_on, m.notice_recorded_on) == ("leaving", TODAY, None)


@pytest.mark.parametrize("actor", [AJB, RABENHAUS_DEPUTY])
def test_only_the_own_representative_the_chair_or_the_secretariat_gives_notice(kg, actor):
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


def later(days: int) -> dt.datetime:
    """*days* after the seed committee was set up (2026-01-12), at noon in Berlin."""
    return at(TODAY + dt.timedelta(days=days), 12)


def test_a_partner_gives_notice_today_and_may_not_date_it_back(kg):
    kg.clock.advance_to(later(40))
    before = snapshot(kg)
    with pytest.raises(InvalidInput) as err:
        notice(kg, RABENHAUS, given_on="2026-02-01")
    assert "counts from today (2026-02-21)" in err.value.message("en")
    assert "erfassen Vorsitz oder Geschäftsstelle" in err.value.message("de")
    assert snapshot(kg) == before
    m = notice(kg, RABENHAUS, given_on=None)
    assert (m.notice_given_on, m.notice_recorded_on) == (dt.date(2026, 2, 21), None)


@pytest.mark.parametrize("actor", [CHAIR, tk.SECRETARIAT_EMAIL])
def test_a_paper_notice_received_earlier_is_recorded_later_and_marked(kg, actor):
    kg.clock.advance_to(later(40))  # 2026-02-21
    notice(kg, actor, given_on="2026-02-02")
    m = membership(kg)
    assert (m.notice_given_on, m.notice_recorded_on, m.ends_on) == (
        dt.date(2026, 2, 2),
        dt.date(2026, 2, 21),
        dt.date(2026, 5, 2),
    )
    with kg.db.session() as session:
        record = session.execute(
            select(AuditRecord).where(
                AuditRecord.action == "give_notice", AuditRecord.outcome == "done"
            )
        ).scalar_one()
        who, details = record.actor, record.details
    assert who == audited_as(kg, actor)  # by id, not by address
    assert details["recorded_on"] == "2026-02-21"


@pytest.mark.parametrize(
    ("given_on", "error"),
    [
        ("2026-01-21", "at most 30 days back"),  # 31 days before 2026-02-21
        ("2026-01-21", "allowed: from 2026-01-22"),
    ],
)
def test_a_notice_recorded_later_is_bounded(kg, given_on, error):
    kg.clock.advance_to(later(40))
    before = snapshot(kg)
    with pytest.raises(InvalidInput) as err:
        notice(kg, CHAIR, given_on=given_on)
    assert error in err.value.message("en")
    assert snapshot(kg) == before


def test_a_notice_recorded_later_is_not_dated_before_a_revoked_one(kg):
    kg.clock.advance_to(later(10))  # 2026-01-22
    notice(kg, RABENHAUS)
    kg.clock.advance_to(later(20))  # 2026-02-01
    revoke(kg, RABENHAUS)
    kg.clock.advance_to(later(25))
    with pytest.raises(InvalidInput) as err:
        notice(kg, CHAIR, given_on="2026-01-31")
    assert "allowed: from 2026-02-01" in err.value.message("en")
    notice(kg, CHAIR, given_on="2026-02-01")
    assert membership(kg).notice_given_on == dt.date(2026, 2, 1)


def test_a_notice_that_would_end_the_membership_in_the_past_is_refused(kg):
    with kg.unit_of_work(CHAIR) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        directory.set_rules(uow, committee, {"withdrawal_notice_months": "0"})
    kg.clock.advance_to(later(20))
    before = snapshot(kg)
    with pytest.raises(InvalidInput) as err:
        notice(kg, CHAIR, given_on="2026-01-25")
    assert "would end retroactively" in err.value.message("en")
    assert snapshot(kg) == before


def test_an_end_of_membership_years_ahead_is_refused_naming_the_range(kg):
    before = snapshot(kg)
    with pytest.raises(InvalidInput) as err:
        notice(kg, RABENHAUS, effective_on="9999-12-31")
    assert "allowed is a day from 2026-04-12 to 2031-04-12" in err.value.message("en")
    assert snapshot(kg) == before
