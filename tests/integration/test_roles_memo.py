"""A person's roles in a committee are read once per transaction (services/access.py
memoises them: a page asks up to three times), yet a change in the same unit of work
shows at once: taken into the secretariat, a membership ended, a seat deleted by a
statement, an administrator made. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, event

from governance.bootstrap import App
from governance.domain.permissions import CommitteeRole
from governance.models import Membership, MembershipPerson, SecretariatMember
from governance.services import access, directory
from tests.conftest import SYSTEM

ADMIN = "admin@gremium.example.org"
PERSON = "pia@verein.example.org"
DAY = dt.date(2026, 3, 11)


def _setup(app: App) -> None:
    with app.unit_of_work(SYSTEM) as uow:
        directory.add_person(uow, name="Ada Admin", email=ADMIN, is_admin=True)
    with app.unit_of_work(ADMIN) as uow:
        directory.add_committee(
            uow, name="Kiezgremium", short_name="KG", sender_email="kg@x.example.org"
        )
        directory.add_person(uow, name="Pia", email=PERSON)
        directory.add_organisation(
            uow, name="Verein e. V.", short_name="Verein", kind="association"
        )


def test_a_second_question_in_a_transaction_issues_no_statement(any_app: App) -> None:
    _setup(any_app)
    statements: list[str] = []
    event.listen(any_app.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with any_app.unit_of_work(SYSTEM) as uow:  # the secretariat is the chair's business
        committee = directory.committee_by_ref(uow.session, "KG")
        person = directory.person_by_email(uow.session, PERSON)
        directory.add_secretariat(uow, committee, person)
        assert access.roles_of(uow.session, person, committee, DAY) == {CommitteeRole.SECRETARIAT}
        before = len(statements)
        for _ in range(3):
            assert access.roles_of(uow.session, person, committee, DAY) == {
                CommitteeRole.SECRETARIAT
            }
        assert len(statements) == before


def test_a_change_in_the_same_unit_of_work_is_seen_at_once(any_app: App) -> None:
    _setup(any_app)
    with any_app.unit_of_work(ADMIN) as uow:
        session = uow.session
        committee = directory.committee_by_ref(session, "KG")
        person = directory.person_by_email(session, PERSON)
        assert access.roles_of(session, person, committee, DAY) == set()

        # Added, not yet flushed: the memo is not consulted while changes are pending.
        session.add(SecretariatMember(committee=committee, person=person))
        assert access.roles_of(session, person, committee, DAY) == {CommitteeRole.SECRETARIAT}

        organisation = directory.organisation_by_ref(session, "Verein")
        membership = Membership(
            committee=committee,
            organisation=organisation,
            role="member",
            voting=True,
            starts_on=dt.date(2026, 1, 1),
            state="active",
        )
        session.add(MembershipPerson(membership=membership, person=person, capacity="deputy"))
        assert access.roles_of(session, person, committee, DAY) == {
            CommitteeRole.SECRETARIAT,
            CommitteeRole.DEPUTY,
        }

        # The membership ends before the day asked about (an object changed in place).
        membership.ends_on = dt.date(2026, 3, 1)
        assert access.roles_of(session, person, committee, DAY) == {CommitteeRole.SECRETARIAT}
        # Another day is another question.
        assert access.roles_of(session, person, committee, dt.date(2026, 2, 1)) == {
            CommitteeRole.SECRETARIAT,
            CommitteeRole.DEPUTY,
        }

        # A seat deleted by a statement (as erasure does), no object in between.
        session.execute(delete(SecretariatMember).where(SecretariatMember.person_id == person.id))
        assert access.roles_of(session, person, committee, DAY) == set()

        # The administrator's role is the person's own, never memoised.
        person.is_admin = True
        assert access.roles_of(session, person, committee, DAY) == {CommitteeRole.ADMIN}


def test_the_next_transaction_reads_anew(any_app: App) -> None:
    _setup(any_app)
    with any_app.db.session() as session:
        committee = directory.committee_by_ref(session, "KG")
        person = directory.person_by_email(session, PERSON)
        assert access.roles_of(session, person, committee, DAY) == set()
        session.commit()
        # Written by another session meanwhile: this one's next transaction sees it.
        with any_app.unit_of_work(SYSTEM) as uow:
            directory.add_secretariat(uow, "KG", PERSON)
        assert access.roles_of(session, person, committee, DAY) == {CommitteeRole.SECRETARIAT}
