"""The hash-chained audit trail: tampering of any kind is found and named."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select, text

from governance import audit
from governance.bootstrap import App
from governance.database import Database
from governance.models import AuditRecord
from governance.unit_of_work import Actor, UnitOfWork
from governance.workflow.engine import WorkflowEngine
from governance.workflow.registry import Registry
from tests.conftest import migrate


@pytest.fixture
def trail(db_url, clock):
    app = App(Database(db_url), clock, WorkflowEngine({}, Registry()))
    migrate(app.db)
    for n in range(1, 6):
        with app.unit_of_work(Actor(label="spk@ba-tk.example.org", person_id=None)) as uow:
            uow.audit(
                entity_type="committees",
                entity_id=1,
                action=f"committee.rules.{n}",
                details={"n": n},
            )
    yield app
    app.db.dispose()


def verify(app: App) -> audit.VerifyResult:
    with app.db.session() as session:
        return audit.verify(session, batch=2)


def execute(app: App, sql: str) -> None:
    with app.db.engine.begin() as conn:
        conn.execute(text(sql))


def test_an_untouched_trail_verifies(trail):
    result = verify(trail)
    assert result.ok and result.checked == 5


def test_records_are_chained_in_order(trail):
    with trail.db.session() as s:
        records = s.execute(select(AuditRecord).order_by(AuditRecord.seq)).scalars().all()
    assert [r.seq for r in records] == [1, 2, 3, 4, 5]
    assert records[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(records))


def test_an_edited_record_is_found_and_named(trail):
    execute(trail, "UPDATE audit_records SET actor = 'someone@else.example.org' WHERE seq = 3")
    result = verify(trail)
    assert [(p.seq, p.problem) for p in result.problems] == [(3, "edited")]
    assert "Nr. 3" in result.problems[0].describe("de")


def test_a_deleted_record_is_found(trail):
    execute(trail, "DELETE FROM audit_records WHERE seq = 2")
    result = verify(trail)
    assert ("missing", 2) in [(p.problem, p.seq) for p in result.problems]


def test_deleting_the_last_record_is_found(trail):
    execute(trail, "DELETE FROM audit_records WHERE seq = 5")
    assert [p.problem for p in verify(trail).problems] == ["head_mismatch"]


def test_reordered_records_are_found(trail):
    # Swap two whole records: each keeps its content and hash, but they now
    # stand in each other's place in the table.
    cols = "seq, at, actor, actor_id, committee_id, entity_type, entity_id, action, from_state, to_state, outcome, details, prev_hash, hash"
    with trail.db.engine.begin() as conn:
        r2 = conn.execute(text(f"SELECT {cols} FROM audit_records WHERE seq = 2")).mappings().one()
        r3 = conn.execute(text(f"SELECT {cols} FROM audit_records WHERE seq = 3")).mappings().one()
        ids = dict(
            conn.execute(text("SELECT seq, id FROM audit_records WHERE seq IN (2, 3)")).all()
        )
        conn.execute(text("UPDATE audit_records SET seq = -1 WHERE seq = 2"))
        conn.execute(text("UPDATE audit_records SET seq = -2 WHERE seq = 3"))
        conn.execute(text("UPDATE audit_records SET id = 1000 WHERE seq = -1"))
        conn.execute(text(f"UPDATE audit_records SET id = {ids[2]} WHERE seq = -2"))
        conn.execute(text(f"UPDATE audit_records SET id = {ids[3]} WHERE seq = -1"))
        conn.execute(text("UPDATE audit_records SET seq = 2 WHERE seq = -1"))
        conn.execute(text("UPDATE audit_records SET seq = 3 WHERE seq = -2"))
    assert r2["hash"] != r3["hash"]
    problems = verify(trail).problems
    assert [(p.seq, p.problem) for p in problems] == [(3, "reordered")]
    assert "umsortiert" in problems[0].describe("de")


def test_appending_continues_the_chain_after_verification(trail):
    with trail.db.session() as s, s.begin():
        uow = UnitOfWork(s, trail.clock, Actor.system(), trail.engine)
        uow.audit(entity_type="committees", entity_id=1, action="committee.edit")
    assert verify(trail).checked == 6 and verify(trail).ok


def _append(uow: UnitOfWork, action: str) -> None:
    uow.audit(entity_type="committees", entity_id=1, action=action)


def _actions(app: App) -> list[str]:
    with app.db.session() as s:
        return list(
            s.execute(select(AuditRecord.action).order_by(AuditRecord.seq)).scalars().all()
        )[5:]


def test_records_are_chained_when_the_transaction_commits(trail):
    with trail.unit_of_work(Actor.system()) as uow:
        _append(uow, "committee.first")
        _append(uow, "committee.second")
        assert [r.seq for r in audit.pending(uow.session)] == [None, None]
    assert _actions(trail) == ["committee.first", "committee.second"]
    assert verify(trail).ok and verify(trail).checked == 7


def test_a_record_of_a_rolled_back_savepoint_is_not_written(trail):
    # The batch firing of timers rolls one timer back to its savepoint and
    # keeps the others: the audit trail must say exactly what was kept.
    with trail.unit_of_work(Actor.system()) as uow:
        with uow.session.begin_nested():
            _append(uow, "committee.kept")
        savepoint = uow.session.begin_nested()
        _append(uow, "committee.undone")
        with uow.session.begin_nested():
            _append(uow, "committee.undone.inner")
        savepoint.rollback()
        _append(uow, "committee.after")
    assert _actions(trail) == ["committee.kept", "committee.after"]
    assert verify(trail).ok


def test_nothing_is_written_when_the_transaction_rolls_back(trail):
    with pytest.raises(RuntimeError), trail.unit_of_work(Actor.system()) as uow:
        _append(uow, "committee.lost")
        raise RuntimeError("an effect failed")
    with trail.unit_of_work(Actor.system()) as uow:
        _append(uow, "committee.next")
    assert _actions(trail) == ["committee.next"]
    assert verify(trail).ok


def test_a_session_closed_mid_transaction_leaves_nothing_for_its_next_commit(trail):
    session = trail.db.session()
    session.begin()
    _append(UnitOfWork(session, trail.clock, Actor.system(), trail.engine), "committee.lost")
    session.close()  # no commit, no explicit rollback
    session.begin()
    session.commit()
    assert _actions(trail) == []
    assert verify(trail).ok
