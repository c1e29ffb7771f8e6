"""Export and erasure of a person's data on both databases (SQLite file and PostgreSQL)."""

from __future__ import annotations

import json

from sqlalchemy import select

from governance import audit
from governance.examples import treptow_koepenick as tk
from governance.models import OutboxMessage, Person
from governance.retention import Retention
from governance.services import directory, erasure, personal_data
from tests.conftest import SYSTEM
from tests.integration.test_meetings import add_series, tick

DEPUTY = "nachbarschaft@rabenhaus.example.org"


def test_a_deputy_is_exported_erased_and_the_trail_still_verifies(any_app):
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    add_series(any_app)
    tick(any_app, 2026, 2, 26, 9, 0)  # the invitations have gone out, to deputies too
    with any_app.unit_of_work(SYSTEM) as uow:
        person = directory.person_by_email(uow.session, DEPUTY)
        before = personal_data.export(uow, person)
    assert before["messages"] and before["memberships"][0]["capacity"] == "deputy"

    with any_app.unit_of_work(SYSTEM) as uow:
        person = directory.person_by_email(uow.session, DEPUTY)
        done = erasure.erase(uow, person, Retention())
        pid = person.id
    assert not done.name_kept and done.roles_ended == 1 and done.messages_purged >= 1

    with any_app.db.session() as session:
        assert audit.verify(session).ok
        erased = session.get(Person, pid)
        assert erased.email == f"geloescht-{pid}@erased.invalid"
        assert erased.name == f"Gelöschte Person {pid}" and erased.erased_at is not None
        rows = session.execute(select(OutboxMessage)).scalars().all()
        text = json.dumps(
            [[m.recipient, m.dedup_key, m.calendar, m.body_text, m.context] for m in rows]
        )
        assert DEPUTY not in text and "Nachbarschaftsarbeit Rabenhaus" not in text
        after = personal_data.collect(session, erased)
    assert after["memberships"] == [] and after["person"]["erased_at"] is not None
    assert "person.erase" in {r["action"] for r in after["audit_records"]}
