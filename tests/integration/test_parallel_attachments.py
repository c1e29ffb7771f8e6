"""Two people upload to the same agenda item at the same moment (real threads, each its
own transaction, on a SQLite file and PostgreSQL): both computed the same next version,
yet neither fails on the unique version; the uploads take turns."""

from __future__ import annotations

import hashlib

import pytest

from governance.bootstrap import App
from governance.examples import treptow_koepenick as tk
from tests.conftest import SYSTEM
from tests.integration.test_agenda_attachments import PLAN, PLAN_2, attach, content, listed
from tests.integration.test_meetings import CHAIR, SECRETARIAT, add_series, meetings, propose, tick
from tests.integration.test_parallel_actions import _audit_ok, in_parallel


@pytest.fixture
def kg(any_app: App) -> App:
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


@pytest.fixture
def item(kg: App) -> int:
    add_series(kg)
    return propose(kg, CHAIR, meetings(kg)[0].id, "Stadtteilfest 2026", kind="decision")


def test_two_new_versions_uploaded_at_once_become_versions_2_and_3(kg: App, item: int) -> None:
    attach(kg, CHAIR, item, name="kostenplan.csv", data=PLAN, title="Kostenplan")
    third = PLAN_2 + b"Catering;400\n"
    errors = in_parallel(
        [
            lambda: attach(kg, CHAIR, item, name="kostenplan.csv", data=PLAN_2, title="Kostenplan"),
            lambda: attach(
                kg, SECRETARIAT, item, name="kostenplan.csv", data=third, title="Kostenplan"
            ),
        ]
    )
    assert errors == []
    versions = listed(kg, item, every=True)
    assert [a["version"] for a in versions] == [1, 2, 3]
    assert {a["sha256"] for a in versions[1:]} == {
        hashlib.sha256(PLAN_2).hexdigest(),
        hashlib.sha256(third).hexdigest(),
    }
    assert {content(kg, a["id"]) for a in versions} == {PLAN, PLAN_2, third}
    _audit_ok(kg)


def test_the_same_file_uploaded_twice_at_once_is_kept_once(kg: App, item: int) -> None:
    # After the invitation each upload also raises the agenda's revision: they take turns there too.
    attach(kg, CHAIR, item, name="kostenplan.csv", data=PLAN, title="Kostenplan")
    tick(kg, 2026, 2, 25, 10, 1)
    errors = in_parallel(
        [
            lambda who=who: attach(
                kg, who, item, name="kostenplan.csv", data=PLAN_2, title="Kostenplan"
            )
            for who in (CHAIR, SECRETARIAT)
        ]
    )
    assert errors == []
    assert [a["version"] for a in listed(kg, item, every=True)] == [1, 2]
    _audit_ok(kg)
