"""The integrity of the record beyond the chain itself (SQLite file and PostgreSQL):
protected rows edited behind Gremium's back, a chain cut off or rebuilt, caught by
the digests on the chain, its key and the witnesses members hold."""

from __future__ import annotations

import hashlib
import hmac
import json
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from governance import audit
from governance.audit_witness import Witness, collect
from governance.bootstrap import App, build_app
from governance.config import Settings
from governance.examples import treptow_koepenick as tk
from governance.models import AuditRecord, Ballot, Decision, Vote
from governance.services import agenda, audit_trail, votes
from tests.conftest import SYSTEM, migrate
from tests.integration.test_meetings import CHAIR, VOTING, open_with, propose, run_to_meeting_day


@pytest.fixture
def keyed(db_url: str, clock: Any, tmp_path: Path) -> Iterator[App]:
    """A keyed installation (as `gremium init` leaves it) with one meeting and one vote."""
    settings = Settings(
        database=db_url, audit_key_file=str(tmp_path / "keys" / "audit.key"), attach_documents=False
    )
    app = build_app(settings, clock=clock, check_schema=False)
    migrate(app.db)
    audit_trail.ensure_keyed(app)
    with app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    first = run_to_meeting_day(app)
    item = propose(app, CHAIR, first, "Stadtteilfest 2026", kind="decision", urgent=True)
    open_with(app, first, VOTING[:5])
    with app.unit_of_work(CHAIR) as uow:
        votes.record_vote(
            uow,
            agenda.item_by_ref(uow.session, item),
            text="Das Fest findet statt.",
            ballots={"Rabenhaus": "yes", "tjfbg": "yes", "KungerKiez": "no"},
        )
    yield app
    app.db.dispose()


def verify(app: App, witnesses: list[Witness] | None = None) -> audit.VerifyResult:
    with app.db.session() as session:
        return audit.verify(session, batch=7, witnesses=witnesses or [])


def sql(app: App, statement: str, **params: Any) -> None:
    with app.db.engine.begin() as conn:
        conn.execute(text(statement), params)


def one(app: App, model: Any) -> int:
    with app.db.session() as session:
        return int(session.execute(select(model.id).order_by(model.id)).scalars().first())


def findings(result: audit.VerifyResult) -> set[tuple[str, int, str]]:
    return {(p.entity_type, p.entity_id, p.problem) for p in result.entity_problems}


def test_an_intact_installation_verifies_its_chain_and_every_protected_row(keyed):
    result = verify(keyed)
    assert result.ok, result.describe_all()
    assert result.entities_checked > 20  # memberships, agenda items, the vote, ballots, ...
    key_file = keyed.db.audit_keys.path
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with keyed.db.session() as session:
        records = session.execute(select(AuditRecord).order_by(AuditRecord.seq)).scalars().all()
    assert records[0].action == "audit.seal" and all(r.key_id for r in records)


def test_a_forged_decision_text_and_vote_count_are_named_with_their_last_record(keyed):
    decision, vote = one(keyed, Decision), one(keyed, Vote)
    sql(keyed, "UPDATE decisions SET text = 'Das Fest fällt aus.' WHERE id = :id", id=decision)
    sql(keyed, "UPDATE votes SET yes = yes + 3 WHERE id = :id", id=vote)
    result = verify(keyed)
    assert findings(result) == {("decisions", decision, "changed"), ("votes", vote, "changed")}
    assert not result.problems  # the chain itself is intact: only the rows were touched
    described = result.describe_all("de")
    assert any(f"Beschluss {decision}:" in d and "Eintrag Nr." in d for d in described)
    assert any(f"Abstimmung {vote}:" in d for d in described)


def test_rows_deleted_or_added_behind_gremiums_back_are_found(keyed):
    ballot = one(keyed, Ballot)
    sql(keyed, "DELETE FROM ballots WHERE id = :id", id=ballot)
    sql(
        keyed,
        "INSERT INTO ballots (id, vote_id, organisation_id, choice) "
        "SELECT 9999, :vote, id, 'yes' FROM organisations WHERE short_name = 'ajb'",
        vote=one(keyed, Vote),
    )
    assert findings(verify(keyed)) == {
        ("ballots", ballot, "deleted"),
        ("ballots", 9999, "unrecorded"),
    }


def test_changes_made_through_gremium_carry_their_digests(keyed):
    decision = one(keyed, Decision)
    with keyed.db.session() as session:
        record = session.execute(
            select(AuditRecord).where(AuditRecord.action == "decision.register")
        ).scalar_one()
    # The transaction's last record carries the digest of every protected row it wrote:
    # the decision, the vote, its three ballots and the agenda item's decision text.
    kinds = sorted(key.split(":")[0] for key in record.digests)
    assert kinds == ["agenda_items", "ballots", "ballots", "ballots", "decisions", "votes"]
    assert len(record.digests[f"decisions:{decision}"]) == 64


def test_a_chain_cut_off_at_its_end_is_caught_by_a_witness(keyed, tmp_path):
    with keyed.db.session() as session:
        seq, digest = audit.current_head(session)
    held = tmp_path / "heads.txt"
    held.write_text(f"# from the approval mail\n{seq} {digest}\n", encoding="utf-8")
    # Cut the last three records and move the head back: the chain is consistent again.
    sql(keyed, "DELETE FROM audit_records WHERE seq > :s", s=seq - 3)
    sql(
        keyed,
        "UPDATE audit_head SET seq = :s, hash = (SELECT hash FROM audit_records WHERE seq = :s)",
        s=seq - 3,
    )
    alone = verify(keyed)
    assert not alone.problems  # the chain alone cannot tell
    result = verify(keyed, collect(held))
    assert [(p.problem, p.seq) for p in result.problems] == [("truncated", seq)]
    assert "abgeschnitten" in result.problems[0].describe("de")


def test_a_chain_rebuilt_without_the_key_is_found(keyed, tmp_path):
    """Someone with database access edits a record and recomputes every link after it:
    without the key their links are not the chain's, and a witness disagrees too."""
    with keyed.db.session() as session:
        witness_seq = 5
        held = session.execute(
            select(AuditRecord.hash).where(AuditRecord.seq == witness_seq)
        ).scalar_one()
        records = session.execute(select(AuditRecord).order_by(AuditRecord.seq)).scalars().all()
        forged_key = b"x" * 32
        prev = audit.GENESIS
        rows = []
        for record in records:
            if record.seq == 3:
                record.details = {**record.details, "forged": True}
            record.prev_hash = prev
            data = prev.encode() + b"\n" + audit._canonical(record)
            record.hash = hmac.new(forged_key, data, hashlib.sha256).hexdigest()
            prev = record.hash
            rows.append((record.id, json.dumps(record.details), record.prev_hash, record.hash))
        session.rollback()
    with keyed.db.engine.begin() as conn:
        for row_id, details, prev_hash, digest in rows:
            conn.execute(
                text(
                    "UPDATE audit_records SET details = :d, prev_hash = :p, hash = :h WHERE id = :i"
                ),
                {"d": details, "p": prev_hash, "h": digest, "i": row_id},
            )
        conn.execute(text("UPDATE audit_head SET hash = :h"), {"h": prev})
    result = verify(keyed, [Witness(witness_seq, held, "mail")])
    problems = {p.problem for p in result.problems}
    assert "edited" in problems and "witness_mismatch" in problems


def test_an_unkeyed_record_after_the_seal_is_refused(keyed):
    """A record appended by someone who has the database but not the key file."""
    with keyed.db.session() as session:
        last = session.execute(
            select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(1)
        ).scalar_one()
        session.expunge(last)
    forged = AuditRecord(
        seq=last.seq + 1,
        at=last.at,
        actor="system",
        actor_id=None,
        committee_id=None,
        entity_type="decisions",
        entity_id=1,
        action="decision.correct",
        from_state=None,
        to_state=None,
        outcome="done",
        details={},
        prev_hash=last.hash,
        key_id=None,
        digests=None,
    )
    forged.hash = audit.record_hash(last.hash, forged)
    with keyed.db.session() as session, session.begin():
        session.add(forged)
        session.execute(
            text("UPDATE audit_head SET seq = :s, hash = :h"), {"s": forged.seq, "h": forged.hash}
        )
        audit.pending(session).clear()
    result = verify(keyed)
    assert [(p.problem, p.seq) for p in result.problems] == [("unkeyed", last.seq + 1)]


def test_without_the_key_file_nothing_is_written(keyed):
    keyed.db.audit_keys.path.rename(keyed.db.audit_keys.path.with_suffix(".moved"))
    keyed.db.audit_keys.forget()
    with keyed.db.session() as session:
        before = audit.current_head(session)[0]
    from governance.errors import ConfigurationError

    with pytest.raises(ConfigurationError) as refused, keyed.unit_of_work(SYSTEM) as uow:
        uow.audit(entity_type="committees", entity_id=1, action="committee.rules")
    assert "Schlüssel" in refused.value.message("de") and "Sicherung" in refused.value.message("de")
    with keyed.db.session() as session:
        assert audit.current_head(session)[0] == before


def test_archived_minutes_and_approval_mails_carry_the_head_as_witness(db_url, clock, tmp_path):
    """The tacitly approved minutes: the PDF/A and every approval mail state the chain's
    head, and `audit verify --witness` reads it back from the delivered mail."""
    from governance.mail.dispatch import dispatch
    from governance.mail.settings import MailSettings
    from governance.mail.transports import MaildirTransport
    from tests.integration.test_meetings import berlin, tick
    from tests.integration.test_minutes import (
        circulate,
        hold_first_meeting,
        note,
        pdf_text,
        state,
    )

    settings = Settings(
        database=db_url,
        archive=str(tmp_path / "archiv"),
        audit_key_file=str(tmp_path / "audit.key"),
        attach_documents=False,
    )
    app = build_app(settings, clock=clock, check_schema=False)
    migrate(app.db)
    audit_trail.ensure_keyed(app)
    try:
        with app.unit_of_work(SYSTEM) as uow:
            tk.create(uow)
        first = hold_first_meeting(app)
        app.clock.advance_to(berlin(2026, 3, 12, 9, 0))
        note(app, first)
        circulate(app, first)
        tick(app, 2026, 3, 27, 0, 5)
        archived = state(app, first)
        assert archived["state"] == "archived"
        with app.db.session() as session:
            record = session.execute(
                select(AuditRecord).where(AuditRecord.action == "archive")
            ).scalar_one()
            # The witness is the head the archiving transaction found: its predecessor.
            seq, digest = record.seq - 1, record.prev_hash
        text_of_pdf = pdf_text(archived["archive_path"])
        assert f"Prüfpfad-Stand: Nr. {seq}, {digest}" in text_of_pdf.replace(" ", " ")
        mail = MailSettings(maildir=str(tmp_path / "mail"))
        dispatch(app, MaildirTransport(mail.maildir), mail)
        witnesses = collect(tmp_path / "mail")
        assert witnesses and {(w.seq, w.hash) for w in witnesses} == {(seq, digest)}
        assert verify(app, witnesses).ok
    finally:
        app.db.dispose()
