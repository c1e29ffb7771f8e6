"""The benchmarks' bulk data keeps the audit trail verifying: bench/web.py loads the
scale data set (bench/scale.py) beside the demo year, whose chain is keyed. The
seeded agenda item has a record of its own (no "protected rows written without an
audit record"), and the bulk records go on with the chain's key."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench import scale
from governance import audit
from governance.clock import SystemClock
from governance.examples import treptow_koepenick as tk
from governance.models import AuditRecord
from governance.services import audit_trail
from tests.conftest import SYSTEM, make_app


def test_the_scale_data_set_on_a_keyed_chain_verifies(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.chdir(tmp_path)  # the key file: audit.key in the working folder, as in the bench
    app = make_app(pg_url, SystemClock())  # type: ignore[arg-type]
    try:
        audit_trail.ensure_keyed(app)
        with app.unit_of_work(SYSTEM) as uow:
            committee_id = tk.create(uow).id
    finally:
        app.db.dispose()
    with caplog.at_level("WARNING", logger="governance.audit"):
        scale.load(pg_url, scale.Sizes(3, 3, 5, 1), committee_id=committee_id)
    assert "without an audit record" not in caplog.text
    app = make_app(pg_url, SystemClock())  # type: ignore[arg-type]
    try:
        with app.db.session() as session:
            unattributed = session.execute(
                select(func.count()).where(AuditRecord.action == "entity.write")
            ).scalar_one()
            bulk = session.execute(
                select(func.count()).where(
                    AuditRecord.action == "rules.update", AuditRecord.key_id.is_not(None)
                )
            ).scalar_one()
            result = audit.verify(session)
    finally:
        app.db.dispose()
    assert unattributed == 0
    assert bulk == 5
    assert result.ok, result.problems
