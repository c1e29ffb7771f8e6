"""People act on the same thing at the same moment: real threads, each its own
transaction, against a SQLite file and PostgreSQL.

Signatures of different parties, attendance of different organisations and
proposals of different members do not conflict in the domain, so none of them
may be refused as "changed by someone else": the workflow engine takes the
entity's row lock before a transition (UnitOfWork.lock), so they take turns
and each sees the others' result (the last signature puts the version in force).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from governance import audit
from governance.bootstrap import App
from governance.models import AgendaItem, Attendance, AuditRecord
from governance.services import agenda, agreements, attendance
from governance.services import meetings as ms
from tests.integration.test_agreement_signing import ORGS, kg, open_v, rep, version  # noqa: F401
from tests.integration.test_meetings import SECRETARIAT, add_series, meetings, tick


def in_parallel(actions: list[Callable[[], Any]]) -> list[BaseException]:
    """Run *actions* on threads released at the same moment; return what they raised."""
    start = threading.Barrier(len(actions))
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(action: Callable[[], Any]) -> None:
        start.wait()
        try:
            action()
        except BaseException as exc:  # collected, reported by the test
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def _audit_ok(app: App) -> None:
    with app.db.session() as s:
        verified = audit.verify(s)
        refused = s.scalar(
            select(func.count()).select_from(AuditRecord).where(AuditRecord.outcome == "refused")
        )
    assert verified.ok, verified.problems
    assert refused == 0


def test_nine_parties_signing_at_the_same_time_all_sign_and_the_agreement_enters_into_force(
    kg: App,  # noqa: F811
) -> None:
    text_sha256 = open_v(kg)

    def signing(org: str) -> Callable[[], None]:
        def sign() -> None:
            with kg.unit_of_work(rep(org)) as uow:
                v = agreements.version_by_ref(uow.session, "1/1")
                agreements.sign(
                    uow,
                    v,
                    organisation=org,
                    signatory=rep(org),
                    signed_on=uow.today,
                    place="Berlin",
                    method="electronic",
                    text_sha256=text_sha256,
                )

        return sign

    errors = in_parallel([signing(org) for org in ORGS])
    assert errors == []
    signed = version(kg)
    assert sorted(s.organisation.short_name for s in signed.signatures) == sorted(ORGS)
    assert signed.state == "in_force"  # the last one saw all the others' signatures
    _audit_ok(kg)


def test_attendance_of_every_organisation_and_proposals_recorded_at_the_same_time(
    kg: App,  # noqa: F811
) -> None:
    add_series(kg)
    first = meetings(kg)[0].id
    members = list(ORGS)

    def attend(org: str) -> Callable[[], None]:
        def record() -> None:
            with kg.unit_of_work(SECRETARIAT) as uow:
                attendance.record(
                    uow,
                    ms.meeting_by_id(uow.session, first),
                    organisation_ref=org,
                    status="excused",
                )

        return record

    def propose(org: str) -> Callable[[], None]:
        def record() -> None:
            with kg.unit_of_work(rep(org)) as uow:
                agenda.propose(
                    uow, ms.meeting_by_id(uow.session, first), title=f"Vorschlag von {org}"
                )

        return record

    errors = in_parallel([propose(org) for org in members])
    assert errors == []
    tick(kg, 2026, 3, 11, 9, 30)  # convened: attendance may be recorded
    errors = in_parallel([attend(org) for org in members])
    assert errors == []
    with kg.db.session() as s:
        attended = s.scalar(
            select(func.count()).select_from(Attendance).where(Attendance.meeting_id == first)
        )
        proposed = s.scalars(
            select(AgendaItem.title).where(
                AgendaItem.meeting_id == first, AgendaItem.title.like("Vorschlag von %")
            )
        ).all()
    assert attended == len(members)
    assert sorted(proposed) == sorted(f"Vorschlag von {org}" for org in members)
    _audit_ok(kg)
