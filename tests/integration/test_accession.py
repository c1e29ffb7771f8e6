"""Accession of a new partner on a real database (SQLite file and PostgreSQL):
application, review by the chair, the committee's vote, the accession
declaration against the agreement version in force, membership from a date."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from governance.bootstrap import App
from governance.errors import Conflict, InvalidInput, NotPermitted, TransitionRefused
from governance.examples import treptow_koepenick as tk
from governance.models import (
    AccessionApplication,
    AccessionDeclaration,
    AuditRecord,
    Capacity,
    Membership,
    Organisation,
    OutboxMessage,
    Person,
)
from governance.services import accession, agreements, directory
from tests.conftest import SYSTEM, audited_as

CHAIR = tk.CHAIR_EMAIL
SECRETARIAT = tk.SECRETARIAT_EMAIL
PARTNER = "gf@rabenhaus.example.org"
APPLICANT = "vorstand@kosmosviertel.example.org"
TODAY = dt.date(2026, 1, 12)


@pytest.fixture
def kg(any_app: App) -> App:
    with any_app.unit_of_work(SYSTEM) as uow:
        tk.create(uow)
    return any_app


def apply_kosmos(app: App, actor: Any = SYSTEM, **changes: str) -> int:
    data = {
        "org_name": "Stadtteilarbeit Kosmosviertel e.V.",
        "short_name": "Kosmosviertel",
        "kind": "association",
        "applicant_name": "Vorstand Kosmosviertel",
        "applicant_email": APPLICANT,
        "function_title": "Vorstandsvorsitzende",
        "motivation": "Nachbarschaftsarbeit im Kosmosviertel",
    }
    data.update(changes)
    with app.unit_of_work(actor) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        return accession.apply(uow, committee, **data).id


def act(app: App, actor: Any, action: Callable[..., Any], ident: int, **kwargs: Any) -> Any:
    with app.unit_of_work(actor) as uow:
        return action(uow, accession.application_by_id(uow.session, ident), **kwargs)


def state_of(app: App, ident: int) -> str:
    with app.db.session() as session:
        return accession.application_by_id(session, ident).state


def accepted(app: App, yes: int = 6, no: int = 1, abstain: int = 1) -> int:
    ident = apply_kosmos(app)
    act(app, CHAIR, accession.review, ident)
    act(app, CHAIR, accession.schedule, ident)
    act(app, CHAIR, accession.decide, ident, yes=yes, no=no, abstain=abstain)
    return ident


def agreement_in_force(app: App) -> str:
    """Sign the example agreement by every party at a ceremony; return its SHA-256."""
    with app.unit_of_work(CHAIR) as uow:
        committee = directory.committee_by_ref(uow.session, "KG")
        version = agreements.latest_version(uow.session, committee)
        agreements.open_for_signature(uow, version)
        signatures = []
        for org in version.pending_parties():
            membership = directory.membership_of(uow.session, committee, org)
            assert membership is not None
            signatures.append((org, membership.persons(Capacity.REPRESENTATIVE)[0], "ink"))
        agreements.record_ceremony(
            uow, version, held_on=TODAY, place="Rathaus Köpenick", signatures=signatures
        )
        assert version.state == "in_force"
        return str(version.text_sha256)


def counts(app: App) -> dict[str, int]:
    with app.db.session() as session:
        return {
            model.__tablename__: session.execute(
                select(func.count()).select_from(model)
            ).scalar_one()
            for model in (
                Organisation,
                Person,
                AccessionApplication,
                AccessionDeclaration,
                Membership,
                OutboxMessage,
            )
        }


def outbox(app: App, notification: str) -> list[str]:
    with app.db.session() as session:
        return list(
            session.execute(
                select(OutboxMessage.recipient).where(OutboxMessage.notification == notification)
            ).scalars()
        )


def refusals(app: App, action: str) -> list[AuditRecord]:
    with app.db.session() as session:
        return list(
            session.execute(
                select(AuditRecord).where(
                    AuditRecord.outcome == "refused", AuditRecord.action == action
                )
            ).scalars()
        )


# --- the full path ---


def test_an_accepted_partner_signs_the_declaration_and_is_a_member_from_the_next_day(kg):
    ident = apply_kosmos(kg)
    assert state_of(kg, ident) == "applied"
    assert outbox(kg, "accession_received") == [CHAIR]

    act(kg, CHAIR, accession.review, ident)
    act(kg, CHAIR, accession.schedule, ident)
    assert outbox(kg, "accession_on_agenda") == [APPLICANT]
    assert act(kg, CHAIR, accession.decide, ident, yes=6, no=1, abstain=1) is True
    assert state_of(kg, ident) == "accepted"
    assert outbox(kg, "accession_accepted") == [APPLICANT]

    digest = agreement_in_force(kg)
    act(
        kg,
        APPLICANT,
        accession.declare,
        ident,
        signatory_email=APPLICANT,
        signed_on=TODAY,
        place="Berlin",
        text_sha256=digest.upper(),
    )

    with kg.db.session() as session:
        application = accession.application_by_id(session, ident)
        assert application.state == "joined"
        assert application.member_from == TODAY + dt.timedelta(days=1)
        assert application.declaration is not None
        assert application.declaration.text_sha256 == digest
        membership = application.membership
        assert membership is not None
        assert (membership.role, membership.voting, membership.state) == ("member", True, "active")
        assert membership.starts_on == dt.date(2026, 1, 13)
        assert [p.email for p in membership.persons(Capacity.REPRESENTATIVE)] == [APPLICANT]
        assert not membership.is_current(TODAY)
        assert membership.is_current(dt.date(2026, 1, 13))
        trail = session.execute(
            select(AuditRecord.action, AuditRecord.actor, AuditRecord.to_state)
            .where(AuditRecord.entity_type == "accession_applications")
            .order_by(AuditRecord.seq)
        ).all()
    chair, applicant = audited_as(kg, CHAIR), audited_as(kg, APPLICANT)
    assert trail == [
        ("apply", "system", "applied"),
        ("review", chair, "under_review"),
        ("schedule", chair, "on_agenda"),
        ("decide", chair, "accepted"),
        ("join", applicant, "joined"),
    ]


def test_the_secretariat_records_a_declaration_with_a_given_membership_date(kg):
    ident = accepted(kg)
    digest = agreement_in_force(kg)
    act(
        kg,
        SECRETARIAT,
        accession.declare,
        ident,
        signatory_email=APPLICANT,
        signed_on=TODAY,
        place="Berlin-Köpenick",
        text_sha256=digest,
        method="scanned",
        member_from="2026-02-01",
    )
    with kg.db.session() as session:
        application = accession.application_by_id(session, ident)
        assert application.state == "joined"
        assert application.membership.starts_on == dt.date(2026, 2, 1)
        assert application.declaration.method == "scanned"


def test_an_application_by_a_known_person_records_who_entered_it(kg):
    ident = apply_kosmos(kg, actor=SECRETARIAT)
    with kg.db.session() as session:
        actor = session.execute(
            select(AuditRecord.actor).where(
                AuditRecord.action == "apply", AuditRecord.entity_id == ident
            )
        ).scalar_one()
    assert actor == audited_as(kg, SECRETARIAT)


# --- the vote ---


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "result"),
    [
        (5, 3, 0, "rejected"),  # 5 of 8 is short of two thirds
        (4, 4, 0, "rejected"),  # a tie
        (4, 2, 2, "accepted"),  # abstentions are not votes cast: 4 of 6
        (0, 0, 8, "rejected"),  # nobody voted yes
        (2, 1, 0, "accepted"),  # exactly two thirds
    ],
)
def test_the_committee_decides_by_two_thirds_of_the_votes_cast(kg, yes, no, abstain, result):
    ident = accepted(kg, yes=yes, no=no, abstain=abstain)
    with kg.db.session() as session:
        application = accession.application_by_id(session, ident)
        assert application.state == result
        assert (application.votes_yes, application.votes_no, application.votes_abstain) == (
            yes,
            no,
            abstain,
        )
        assert application.decided_on == TODAY
    assert outbox(kg, f"accession_{result}") == [APPLICANT]


def test_the_chair_rejects_an_application_outright_with_a_reason(kg):
    ident = apply_kosmos(kg)
    act(kg, CHAIR, accession.review, ident)
    act(kg, CHAIR, accession.reject, ident, reason="Kein Bezug zum Bezirk")
    with kg.db.session() as session:
        application = accession.application_by_id(session, ident)
        assert application.state == "rejected"
        assert application.decision_note == "Kein Bezug zum Bezirk"
    assert outbox(kg, "accession_rejected") == [APPLICANT]


# --- who may ---


@pytest.mark.parametrize(
    ("actor", "action", "audited"),
    [
        (PARTNER, accession.review, "accession.review"),
        (SECRETARIAT, accession.review, "accession.review"),
        (APPLICANT, accession.review, "accession.review"),
        (PARTNER, accession.schedule, "accession.schedule"),
    ],
)
def test_only_the_chair_reviews_and_schedules(kg, actor, action, audited):
    ident = apply_kosmos(kg)
    with pytest.raises(NotPermitted) as err:
        act(kg, actor, action, ident)
    assert "Vorsitz" in err.value.message("de")
    assert state_of(kg, ident) == "applied"
    [record] = refusals(kg, audited)
    assert (record.actor, record.entity_id) == (audited_as(kg, actor), ident)


def test_only_the_chair_records_the_decision(kg):
    ident = apply_kosmos(kg)
    act(kg, CHAIR, accession.review, ident)
    act(kg, CHAIR, accession.schedule, ident)
    for actor in (PARTNER, SECRETARIAT):
        with pytest.raises(NotPermitted):
            act(kg, actor, accession.decide, ident, yes=8, no=0, abstain=0)
    assert state_of(kg, ident) == "on_agenda"
    assert len(refusals(kg, "accession.decide")) == 2


def test_a_trigger_not_allowed_now_names_the_state_and_what_is_possible(kg):
    ident = apply_kosmos(kg)
    with pytest.raises(TransitionRefused) as err:
        act(kg, CHAIR, accession.decide, ident, yes=8, no=0, abstain=0)
    message = err.value.message("en")
    assert "applied" in message and "review" in message
    assert refusals(kg, "decide")


# --- refusals that change nothing ---


def test_an_organisation_that_is_already_a_member_cannot_apply(kg):
    before = counts(kg)
    with pytest.raises(Conflict) as err:
        apply_kosmos(
            kg,
            org_name="Rabenhaus e.V.",
            short_name="Rabenhaus",
            applicant_email="neu@rabenhaus.example.org",
        )
    assert err.value.message("de") == (
        "Rabenhaus ist bereits Mitglied im Gremium „KG“; ein Beitritt ist nicht möglich."
    )
    assert counts(kg) == before
    assert refusals(kg, "apply")


def test_a_second_application_while_one_is_open_is_refused(kg):
    apply_kosmos(kg)
    before = counts(kg)
    with pytest.raises(Conflict, match="already"):
        apply_kosmos(kg)
    assert counts(kg) == before


def test_an_applicant_of_another_organisation_is_refused(kg):
    before = counts(kg)
    with pytest.raises(InvalidInput, match="belongs to Rabenhaus"):
        apply_kosmos(kg, applicant_email=PARTNER)
    assert counts(kg) == before


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"applicant_email": "kein-at-zeichen"}, "not an e-mail address"),
        ({"kind": "club"}, "kind: “club” is not allowed"),
        ({"org_name": "  "}, "org-name"),
        ({"short_name": "Rabenhaus"}, "do not match"),
    ],
)
def test_bad_application_input_is_refused(kg, changes, error):
    before = counts(kg)
    with pytest.raises(InvalidInput) as err:
        apply_kosmos(kg, **changes)
    assert error in err.value.message("en")
    assert counts(kg) == before


def test_a_declaration_with_a_stale_hash_is_refused(kg):
    ident = accepted(kg)
    agreement_in_force(kg)
    before = counts(kg)
    stale = hashlib.sha256(b"an earlier wording").hexdigest()
    with pytest.raises(Conflict) as err:
        act(
            kg,
            CHAIR,
            accession.declare,
            ident,
            signatory_email=APPLICANT,
            signed_on=TODAY,
            place="Berlin",
            text_sha256=stale,
        )
    assert "version 1" in err.value.message("en")
    assert state_of(kg, ident) == "accepted"
    assert counts(kg) == before
    assert refusals(kg, "join")


def test_a_declaration_without_an_agreement_in_force_is_refused(kg):
    ident = accepted(kg)
    before = counts(kg)
    with pytest.raises(Conflict, match="No cooperation agreement is in force"):
        act(
            kg,
            CHAIR,
            accession.declare,
            ident,
            signatory_email=APPLICANT,
            signed_on=TODAY,
            place="Berlin",
            text_sha256="a" * 64,
        )
    assert counts(kg) == before


def test_a_signatory_of_another_organisation_is_refused(kg):
    ident = accepted(kg)
    digest = agreement_in_force(kg)
    before = counts(kg)
    with pytest.raises(NotPermitted, match="not for Kosmosviertel"):
        act(
            kg,
            CHAIR,
            accession.declare,
            ident,
            signatory_email=PARTNER,
            signed_on=TODAY,
            place="Berlin",
            text_sha256=digest,
        )
    with pytest.raises(NotPermitted):  # a partner cannot record it for the applicant either
        act(
            kg,
            PARTNER,
            accession.declare,
            ident,
            signatory_email=APPLICANT,
            signed_on=TODAY,
            place="Berlin",
            text_sha256=digest,
        )
    assert counts(kg) == before
    assert state_of(kg, ident) == "accepted"


# --- withdrawing the application ---


def test_the_applicant_withdraws_the_application_before_the_decision(kg):
    ident = apply_kosmos(kg)
    act(kg, CHAIR, accession.review, ident)
    act(kg, CHAIR, accession.schedule, ident)
    with pytest.raises(NotPermitted):
        act(kg, PARTNER, accession.withdraw, ident)
    act(kg, APPLICANT, accession.withdraw, ident, reason="Trägerwechsel")
    assert state_of(kg, ident) == "withdrawn"
    with pytest.raises(TransitionRefused) as err:
        act(kg, CHAIR, accession.decide, ident, yes=8, no=0, abstain=0)
    assert "zurückgezogen" in err.value.message("de")
    # A withdrawn application does not block a new one.
    assert state_of(kg, apply_kosmos(kg)) == "applied"


def test_a_decided_application_cannot_be_withdrawn(kg):
    ident = accepted(kg)
    with pytest.raises(TransitionRefused):
        act(kg, APPLICANT, accession.withdraw, ident)
    assert state_of(kg, ident) == "accepted"


# --- bad dates and counts ---


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"yes": -1, "no": 0, "abstain": 0}, "Votes “yes”: -1 is not a count"),
        ({"yes": 7, "no": 1, "abstain": 1}, "9 votes are more than the 8 voting members"),
        ({"yes": 0, "no": 0, "abstain": 0}, "No votes were given"),
        ({"yes": 8, "no": 0, "abstain": 0, "decided_on": "2026-13-01"}, "is not a date"),
        ({"yes": 8, "no": 0, "abstain": 0, "decided_on": "2026-01-13"}, "is in the future"),
        (
            {"yes": 8, "no": 0, "abstain": 0, "decided_on": "2026-01-11"},
            "2026-01-12 at the earliest",
        ),
    ],
)
def test_a_bad_vote_or_date_is_refused_and_changes_nothing(kg, kwargs, error):
    ident = apply_kosmos(kg)
    act(kg, CHAIR, accession.review, ident)
    act(kg, CHAIR, accession.schedule, ident)
    before = counts(kg)
    with pytest.raises(InvalidInput) as err:
        act(kg, CHAIR, accession.decide, ident, **kwargs)
    assert error in err.value.message("en")
    assert state_of(kg, ident) == "on_agenda"
    assert counts(kg) == before


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"signed_on": "12.01.2026"}, "is not a date"),
        ({"signed_on": "2026-01-11"}, "2026-01-12 at the earliest"),
        ({"signed_on": "2026-02-01"}, "is in the future"),
        ({"member_from": "2026-01-11"}, "--member-from: 2026-01-11 is too early"),
        ({"text_sha256": "abc"}, "not a SHA-256 hash"),
        ({"method": "fax"}, "method: “fax” is not allowed"),
    ],
)
def test_a_bad_declaration_is_refused_and_changes_nothing(kg, kwargs, error):
    ident = accepted(kg)
    digest = agreement_in_force(kg)
    data = {
        "signatory_email": APPLICANT,
        "signed_on": TODAY,
        "place": "Berlin",
        "text_sha256": digest,
    }
    data.update(kwargs)
    before = counts(kg)
    with pytest.raises(InvalidInput) as err:
        act(kg, CHAIR, accession.declare, ident, **data)
    assert error in err.value.message("en")
    assert state_of(kg, ident) == "accepted"
    assert counts(kg) == before
