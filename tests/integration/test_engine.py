"""The workflow engine on a real database: one transaction per trigger, shared
machines, persisted state kept on attach, refusals that say what is allowed."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from sqlalchemy import func, select

from governance.bootstrap import App
from governance.clock import BERLIN
from governance.database import Database
from governance.errors import ConcurrentChange, TransitionRefused
from governance.mail.examples import EXAMPLES
from governance.models import (
    AuditRecord,
    Membership,
    OrganisationKind,
    OutboxMessage,
    Person,
    Timer,
)
from governance.outbox import queue
from governance.services import directory
from governance.unit_of_work import Actor, UnitOfWork
from governance.workflow.definition import load_definitions
from governance.workflow.engine import WorkflowEngine
from governance.workflow.registry import Registry
from tests.conftest import migrate

DEFINITION = """\
name: membership
entity: membership
initial: active
states: [active, leaving, left]
final: [left]
transitions:
  - trigger: give_notice
    source: active
    dest: leaving
    effects: [set_end, notify, maybe_fail]
  - trigger: remind
    source: leaving
  - trigger: revoke
    source: leaving
    dest: active
    conditions: [before_end]
  - trigger: complete
    source: leaving
    dest: left
timers:
  - name: completion
    state: leaving
    trigger: complete
    at: ends_on
    time: "00:00"
  - name: reminder
    state: leaving
    trigger: remind
    at: ends_on - reminder_days
    time: "09:00"
labels:
  de: {active: aktiv, leaving: ausscheidend, left: ausgeschieden, give_notice: Austritt erklären,
       remind: erinnern, revoke: Austritt zurücknehmen, complete: Austritt vollziehen}
  en: {active: active, leaving: leaving, left: left, give_notice: give notice, remind: remind,
       revoke: revoke notice, complete: complete withdrawal}
"""

FAIL = {"now": False}


def make_registry() -> Registry:
    r = Registry()

    @r.effect("set_end")
    def set_end(ctx):
        ctx.entity.notice_given_on = ctx.today
        ctx.entity.ends_on = ctx.params.get("ends_on", ctx.today + dt.timedelta(days=90))

    @r.effect("notify")
    def notify(ctx):
        for mp in ctx.entity.people:
            queue(
                ctx.uow,
                notification="withdrawal_confirmed",
                recipient=mp.person,
                # Rendered when queued: the context must hold what the templates need.
                context=EXAMPLES["withdrawal_confirmed"],
                committee_id=ctx.entity.committee_id,
                entity=ctx.entity,
            )

    @r.effect("maybe_fail")
    def maybe_fail(ctx):
        if FAIL["now"]:
            raise RuntimeError("the mail template is broken")

    @r.guard("before_end")
    def before_end(ctx):
        return ctx.today < ctx.entity.ends_on

    return r


@pytest.fixture
def engine(tmp_path) -> WorkflowEngine:
    (tmp_path / "membership.yaml").write_text(textwrap.dedent(DEFINITION), encoding="utf-8")
    registry = make_registry()
    return WorkflowEngine(
        load_definitions(tmp_path, registry, {"membership": Membership}), registry
    )


@pytest.fixture
def world(db_url, clock, engine: WorkflowEngine):
    app = App(Database(db_url), clock, engine)
    migrate(app.db)
    with app.unit_of_work(Actor.system()) as uow:
        committee = directory.add_committee(
            uow, name="Testgremium", short_name="TG", sender_email="tg@example.org"
        )
        for short in ("Rabenhaus", "KungerKiez"):
            org = directory.add_organisation(
                uow, name=f"{short} e.V.", short_name=short, kind=OrganisationKind.ASSOCIATION
            )
            rep = directory.add_person(
                uow,
                name=f"Vorstand {short}",
                email=f"vorstand@{short.lower()}.example.org",
                organisation=org,
            )
            directory.create_membership(
                uow, committee, directory.MembershipSpec(organisation=org, representatives=(rep,))
            )
    FAIL["now"] = False
    yield app
    app.db.dispose()


def membership(uow: UnitOfWork, short: str) -> Membership:
    org = directory.organisation_by_ref(uow.session, short)
    return uow.session.execute(
        select(Membership).where(Membership.organisation_id == org.id)
    ).scalar_one()


def counts(app: App) -> tuple[int, int, int]:
    with app.db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(AuditRecord)),
            s.scalar(select(func.count()).select_from(Timer)),
            s.scalar(select(func.count()).select_from(OutboxMessage)),
        )


def test_a_trigger_writes_state_audit_timers_and_messages_together(world):
    with world.unit_of_work(Actor.system()) as uow:
        m = membership(uow, "Rabenhaus")
        uow.fire(m, "give_notice", ends_on=dt.date(2026, 4, 12))
    with world.unit_of_work(Actor.system()) as uow:
        m = membership(uow, "Rabenhaus")
        assert m.state == "leaving"
        record = (
            uow.session.execute(select(AuditRecord).order_by(AuditRecord.seq.desc()))
            .scalars()
            .first()
        )
        assert (record.action, record.from_state, record.to_state) == (
            "give_notice",
            "active",
            "leaving",
        )
        assert record.details == {"ends_on": "2026-04-12"}
        timers = {
            t.name: t.due_at.astimezone(BERLIN) for t in uow.engine.pending_timers(uow.session, m)
        }
        assert timers == {
            "completion": dt.datetime(2026, 4, 12, 0, 0, tzinfo=BERLIN),
            # two days before (the rules' reminder_days), at 09:00 summer time
            "reminder": dt.datetime(2026, 4, 10, 9, 0, tzinfo=BERLIN),
        }
        assert uow.session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


def test_a_failing_effect_rolls_everything_back(world):
    FAIL["now"] = True
    before = counts(world)
    with (
        pytest.raises(RuntimeError, match="template is broken"),
        world.unit_of_work(Actor.system()) as uow,
    ):
        uow.fire(membership(uow, "Rabenhaus"), "give_notice")
    assert counts(world) == before
    with world.unit_of_work(Actor.system()) as uow:
        m = membership(uow, "Rabenhaus")
        assert (m.state, m.ends_on, m.version) == ("active", None, 1)


def test_a_trigger_not_allowed_now_names_the_state_and_what_is_allowed(world):
    with pytest.raises(TransitionRefused) as err, world.unit_of_work(Actor.system()) as uow:
        uow.fire(membership(uow, "Rabenhaus"), "complete")
    assert err.value.current_state == "active"
    assert err.value.allowed_triggers == ["give_notice"]
    assert err.value.message("de") == (
        "„Austritt vollziehen“ ist im Zustand „aktiv“ nicht möglich. "
        "Jetzt möglich: Austritt erklären (give_notice)."
    )
    assert "Possible now: give notice (give_notice)" in err.value.message("en")


def test_a_refused_trigger_is_audited_as_refused_and_changes_nothing_else(world):
    with world.unit_of_work(Actor.system()) as uow:
        before = uow.session.scalar(select(func.count()).select_from(AuditRecord))
    with pytest.raises(TransitionRefused), world.unit_of_work(Actor.system()) as uow:
        uow.fire(membership(uow, "Rabenhaus"), "complete")
    with world.unit_of_work(Actor.system()) as uow:
        records = uow.session.execute(select(AuditRecord).order_by(AuditRecord.seq)).scalars().all()
        assert len(records) == before + 1
        assert (records[-1].outcome, records[-1].action, records[-1].from_state) == (
            "refused",
            "complete",
            "active",
        )
        assert membership(uow, "Rabenhaus").state == "active"


def test_a_failed_guard_is_named_in_the_refusal(world, clock):
    with world.unit_of_work(Actor.system()) as uow:
        uow.fire(membership(uow, "Rabenhaus"), "give_notice", ends_on=dt.date(2026, 2, 1))
    clock.advance_to(dt.datetime(2026, 2, 2, 9, 0, tzinfo=BERLIN))
    with pytest.raises(TransitionRefused) as err, world.unit_of_work(Actor.system()) as uow:
        uow.fire(membership(uow, "Rabenhaus"), "revoke")
    assert "before_end" in err.value.message("en")


def test_leaving_a_state_cancels_its_timers(world):
    with world.unit_of_work(Actor.system()) as uow:
        uow.fire(membership(uow, "Rabenhaus"), "give_notice", ends_on=dt.date(2026, 6, 1))
    with world.unit_of_work(Actor.system()) as uow:
        m = membership(uow, "Rabenhaus")
        uow.fire(m, "revoke")
        assert uow.engine.pending_timers(uow.session, m) == []
        statuses = uow.session.execute(select(Timer.status)).scalars().all()
        assert sorted(statuses) == ["cancelled", "cancelled"]


def test_moving_the_anchor_date_moves_the_timers(world):
    with world.unit_of_work(Actor.system()) as uow:
        uow.fire(membership(uow, "Rabenhaus"), "give_notice", ends_on=dt.date(2026, 6, 1))
    with world.unit_of_work(Actor.system()) as uow:
        m = membership(uow, "Rabenhaus")
        m.ends_on = dt.date(2026, 7, 1)
        uow.engine.rearm_timers(uow, m)
    with world.unit_of_work(Actor.system()) as uow:
        due = {
            t.name: t.due_at.astimezone(BERLIN).date()
            for t in uow.engine.pending_timers(uow.session, membership(uow, "Rabenhaus"))
        }
        assert due == {"completion": dt.date(2026, 7, 1), "reminder": dt.date(2026, 6, 29)}


def test_the_machine_is_shared_and_holds_no_rows_between_calls(world):
    machine = world.engine.machines["membership"]
    with world.unit_of_work(Actor.system()) as uow:
        for short in ("Rabenhaus", "KungerKiez"):
            uow.fire(membership(uow, short), "give_notice")
    assert list(world.engine.machines) == ["membership"]
    assert machine.models == []


def test_attaching_keeps_the_persisted_state(world):
    """`transitions` sets a newly added model to the machine's initial state
    unless told otherwise; the engine must attach with the persisted one."""
    with world.unit_of_work(Actor.system()) as uow:
        uow.fire(membership(uow, "Rabenhaus"), "give_notice", ends_on=dt.date(2026, 6, 1))
    with world.unit_of_work(Actor.system()) as uow:
        m = membership(uow, "Rabenhaus")
        assert m.state == "leaving"  # not the initial "active"
        uow.fire(m, "remind")  # an internal transition: the state must survive attach and detach
        assert m.state == "leaving"
    with world.unit_of_work(Actor.system()) as uow:
        m = membership(uow, "Rabenhaus")
        assert m.state == "leaving"
        uow.fire(m, "complete")
        assert m.state == "left"


def test_a_concurrent_conflicting_change_fails_instead_of_overwriting(world):
    # A user loads the membership (version 1) ...
    with world.db.session() as session:
        seen = session.execute(select(Membership).order_by(Membership.id)).scalars().first()
        assert seen is not None and seen.version == 1
        session.commit()  # ends the read; the loaded object keeps what was seen
        seen_id = seen.id
    # ... someone else changes it in the meantime ...
    with world.unit_of_work(Actor.system()) as uow:
        uow.fire(uow.session.get(Membership, seen_id), "give_notice")
    # ... and the user's save, based on what they saw, is refused.
    with pytest.raises(ConcurrentChange) as err, world.unit_of_work(Actor.system()) as uow:
        uow.session.add(seen)
        seen.voting = False
    assert "Nichts wurde geändert" in err.value.message("de")
    with world.unit_of_work(Actor.system()) as uow:
        fresh = uow.session.get(Membership, seen_id)
        assert (fresh.state, fresh.voting, fresh.version) == ("leaving", True, 2)


def test_many_people_act_and_every_record_names_them(world):
    with world.unit_of_work(Actor.system()) as uow:
        rep = uow.session.execute(
            select(Person).where(Person.email == "vorstand@rabenhaus.example.org")
        ).scalar_one()
        actor = Actor.of(rep)
    with world.unit_of_work(actor) as uow:
        uow.fire(membership(uow, "Rabenhaus"), "give_notice")
    with world.unit_of_work(Actor.system()) as uow:
        last = (
            uow.session.execute(select(AuditRecord).order_by(AuditRecord.seq.desc()))
            .scalars()
            .first()
        )
        assert (last.actor, last.actor_id) == (f"person:{rep.id}", rep.id)
