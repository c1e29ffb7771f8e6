"""Accession of a new partner (Beitritt): application, review, decision, declaration.

Workflow ``accession`` (workflows/accession.yaml): applied -> under_review ->
on_agenda -> accepted -> joined, or rejected / withdrawn. Until the meetings
workflow drives the decision, the chair records the committee's vote result
(:func:`decide`); the guard ``vote_carried`` applies the accession majority of
the rules of procedure. An accepted partner signs the accession declaration
bound to the agreement version in force (:func:`declare`), which makes it a
member (see governance/services/accession_declaration.py). Guards and
effects live in governance/services/accession_workflow.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance import outbox
from governance.domain.rules import VoteCount
from governance.errors import Conflict, InvalidInput, Text
from governance.models import (
    AccessionApplication,
    Committee,
    Organisation,
    OrganisationKind,
    Person,
    Role,
)
from governance.services import access, directory, validation
from governance.services.accession_declaration import declare  # noqa: F401  (part of this API)
from governance.services.accession_workflow import (
    ENTITY,
    acts_for_applicant,
    application_by_id,  # noqa: F401  (part of this API)
    chair_representatives,
    check,
    context_of,
    for_audit,
    not_future,
    require_trigger,
    resolve,
)
from governance.unit_of_work import UnitOfWork

OPEN_STATES = ("applied", "under_review", "on_agenda", "accepted")
"""An organisation with an application in one of these states cannot apply again."""


# --- lookups ---


def applications(
    session: Session, committee: Committee, state: str | None = None, *, engine: Any = None
) -> list[AccessionApplication]:
    """The committee's applications, all or those in *state* (checked against the
    workflow's states when *engine* is given: a typing error is refused, not an empty list)."""
    if state is not None and engine is not None:
        states = engine.definitions["accession"].states
        if state not in states:
            raise InvalidInput(
                "error.choice", what="--state", value=state, allowed=", ".join(states)
            )
    stmt = (
        select(AccessionApplication)
        .where(AccessionApplication.committee_id == committee.id)
        .order_by(AccessionApplication.id)
    )
    if state is not None:
        stmt = stmt.where(AccessionApplication.state == state)
    return list(session.execute(stmt).scalars())


def voting_members(session: Session, committee: Committee, on: dt.date) -> int:
    """How many organisations have a vote in *committee* on *on*."""
    return sum(1 for m in directory.current_memberships(session, committee, on) if m.voting)


# --- actions ---


def apply(
    uow: UnitOfWork,
    committee: Committee | str | int | None,
    *,
    org_name: str,
    short_name: str,
    kind: str | OrganisationKind,
    applicant_name: str,
    applicant_email: str,
    function_title: str = "",
    language: str = "de",
    motivation: str = "",
) -> AccessionApplication:
    """An organisation applies for accession.

    Needs no committee role: the applicant is usually not yet known to
    Gremium, so the organisation and the applicant are created here if new.
    The audit trail records who entered the application (a person or the system).
    """
    if not isinstance(committee, Committee):
        committee = directory.committee_by_ref(uow.session, committee)
    org_name = validation.text(org_name, "org-name", 300)
    short_name = validation.text(short_name, "short-name", 80)
    kind = validation.choice(OrganisationKind, kind, "kind")
    applicant_name = validation.text(applicant_name, "applicant-name", 200)
    address = validation.email(applicant_email, utf8_local=uow.smtputf8)
    function_title = " ".join(function_title.split())
    if language not in ("de", "en"):
        raise InvalidInput("error.language", value=language, allowed="de, en")
    motivation = motivation.strip()

    organisation = _existing_organisation(uow.session, org_name, short_name)
    if organisation is not None:
        if directory.membership_of(uow.session, committee, organisation) is not None:
            raise for_audit(
                Conflict(
                    "error.accession.already_member",
                    organisation=organisation.short_name,
                    committee=committee.short_name,
                ),
                committee,
                "apply",
            )
        pending = _open_application(uow.session, committee, organisation)
        if pending is not None:
            raise for_audit(
                Conflict(
                    "error.accession.pending",
                    organisation=organisation.short_name,
                    id=pending.id,
                    state=Text(f"accession.state.{pending.state}"),
                ),
                committee,
                "apply",
            )
    applicant = _existing_person(uow.session, address)
    if applicant is not None and applicant.organisation_id not in (
        None,
        organisation.id if organisation else None,
    ):
        other = uow.session.get(Organisation, applicant.organisation_id)
        raise InvalidInput(
            "error.accession.applicant_other_org",
            person=address,
            other=other.short_name if other else "?",
            organisation=short_name,
        )

    if organisation is None:
        organisation = Organisation(
            name=org_name, short_name=short_name, kind=kind.value, created_at=uow.now
        )
        uow.session.add(organisation)
        uow.session.flush()
        uow.audit(
            entity_type="organisations",
            entity_id=organisation.id,
            committee_id=committee.id,
            action="organisation.add",
            details={"name": org_name, "short_name": short_name, "kind": kind.value},
        )
    if applicant is None:
        applicant = Person(
            name=applicant_name,
            email=address,
            function_title=function_title,
            language=language,
            organisation_id=organisation.id,
            is_admin=False,
            created_at=uow.now,
        )
        uow.session.add(applicant)
        uow.session.flush()
        uow.audit(
            entity_type="people",
            entity_id=applicant.id,
            committee_id=committee.id,
            action="person.add",
            # People by id only: no name or address in the chain.
            details={"language": language, "organisation": organisation.short_name},
        )

    application = AccessionApplication(
        committee_id=committee.id,
        organisation_id=organisation.id,
        applicant_id=applicant.id,
        submitted_on=uow.today,
        motivation=motivation,
        requested_role=Role.MEMBER.value,
        state="applied",
        created_at=uow.now,
    )
    uow.session.add(application)
    uow.session.flush()
    uow.engine.arm_timers(uow, application)
    uow.audit(
        entity_type=ENTITY,
        entity_id=application.id,
        committee_id=committee.id,
        action="apply",
        to_state="applied",
        details={
            "organisation": organisation.short_name,
            "applicant_id": applicant.id,
            "motivation": motivation,
        },
    )
    for person in chair_representatives(uow.session, committee, uow.today):
        outbox.queue(
            uow,
            notification="accession_received",
            recipient=person,
            context=context_of(application),
            committee_id=committee.id,
            entity=application,
        )
    return application


def record_application(
    uow: UnitOfWork,
    committee: Committee | str | int | None,
    *,
    org_name: str,
    short_name: str,
    kind: str | OrganisationKind,
    applicant_name: str,
    applicant_email: str,
    function_title: str = "",
    language: str = "de",
    motivation: str = "",
) -> AccessionApplication:
    """The chair or secretariat enters an application that reached the committee on
    paper or by mail, for the applicant (:func:`apply`, audited as the person entering it)."""
    if not isinstance(committee, Committee):
        committee = directory.committee_by_ref(uow.session, committee)
    access.check(uow, "accession.record_application", committee)
    return apply(
        uow,
        committee,
        org_name=org_name,
        short_name=short_name,
        kind=kind,
        applicant_name=applicant_name,
        applicant_email=applicant_email,
        function_title=function_title,
        language=language,
        motivation=motivation,
    )


def review(
    uow: UnitOfWork,
    application: AccessionApplication | str | int,
    *,
    committee: Committee | int | None = None,
) -> AccessionApplication:
    """The chair takes the application up for review."""
    application = resolve(uow, application, committee)
    check(uow, "accession.review", application)
    uow.fire(application, "review")
    return application


def schedule(
    uow: UnitOfWork,
    application: AccessionApplication | str | int,
    *,
    committee: Committee | int | None = None,
) -> AccessionApplication:
    """The chair accepts the application for the committee's decision (puts it on the agenda)."""
    application = resolve(uow, application, committee)
    check(uow, "accession.schedule", application)
    uow.fire(application, "schedule")
    return application


def reject(
    uow: UnitOfWork,
    application: AccessionApplication | str | int,
    *,
    reason: str,
    committee: Committee | int | None = None,
) -> AccessionApplication:
    """The chair rejects the application outright, before it goes to the committee."""
    application = resolve(uow, application, committee)
    check(uow, "accession.decide", application)
    reason = validation.text(reason, "reason", 2000)
    uow.fire(application, "reject", reason=reason, decided_on=uow.today)
    return application


def decide(
    uow: UnitOfWork,
    application: AccessionApplication | str | int,
    *,
    yes: int | str,
    no: int | str,
    abstain: int | str,
    decided_on: str | dt.date | None = None,
    committee: Committee | int | None = None,
) -> bool:
    """Record the committee's vote; accepted when the accession majority is reached.

    The counts may be given as typed ("7"). Returns whether the application was accepted.
    """
    application = resolve(uow, application, committee)
    yes, no, abstain = _count(yes, "yes"), _count(no, "no"), _count(abstain, "abstain")
    check(uow, "accession.decide", application)
    require_trigger(uow, application, "decide")
    day = validation.date(decided_on) if decided_on is not None else uow.today
    not_future(uow, day, "decided_on")
    if day < application.submitted_on:
        raise InvalidInput(
            "error.accession.too_early",
            what="--date",
            value=day.isoformat(),
            earliest=application.submitted_on.isoformat(),
            reason=Text("accession.reason.submitted"),
        )
    counts = {"yes": yes, "no": no, "abstain": abstain}
    for name, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidInput("error.accession.votes_negative", what=name, value=value)
    votes = VoteCount(yes, no, abstain)
    entitled = voting_members(uow.session, application.committee, day)
    if votes.total == 0:
        raise InvalidInput("error.accession.no_votes")
    if votes.total > entitled:
        raise InvalidInput(
            "error.accession.votes_exceed",
            total=votes.total,
            entitled=entitled,
            committee=application.committee.short_name,
            date=day.isoformat(),
        )
    uow.fire(application, "decide", yes=yes, no=no, abstain=abstain, decided_on=day)
    return application.state == "accepted"


def _count(value: int | str, what: str) -> int:
    """A number of votes as typed: a whole number of 0 or more."""
    if isinstance(value, str):
        text = value.strip()
        if not text.isdigit():
            raise InvalidInput("error.accession.votes_negative", what=what, value=value)
        return int(text)
    return value


def withdraw(
    uow: UnitOfWork,
    application: AccessionApplication | str | int,
    *,
    reason: str = "",
    committee: Committee | int | None = None,
) -> AccessionApplication:
    """The applicant withdraws the application before it is decided (or the chair records it)."""
    application = resolve(uow, application, committee)
    actor = uow.person()
    if actor is None or not acts_for_applicant(actor, application):
        check(uow, "accession.record_withdrawal", application)
    reason = " ".join(reason.split())
    uow.fire(application, "withdraw", reason=reason)
    return application


# --- presentation ---


def describe(application: AccessionApplication, engine: Any = None) -> dict[str, Any]:
    """The application as a JSON-ready mapping with stable keys."""
    declaration = application.declaration
    votes = None
    if application.votes_yes is not None:
        votes = {
            "yes": application.votes_yes,
            "no": application.votes_no,
            "abstain": application.votes_abstain,
        }
    return {
        "id": application.id,
        "committee": application.committee.short_name,
        "organisation": application.organisation.short_name,
        "organisation_name": application.organisation.name,
        "organisation_kind": application.organisation.kind,
        "applicant": application.applicant.name,
        "applicant_email": application.applicant.email,
        "state": application.state,
        "submitted_on": application.submitted_on,
        "motivation": application.motivation,
        "votes": votes,
        "decided_on": application.decided_on,
        "decision_note": application.decision_note,
        "member_from": application.member_from,
        "membership_id": application.membership_id,
        "declaration": None
        if declaration is None
        else {
            "signatory": declaration.signatory.email,
            "signed_on": declaration.signed_on,
            "place": declaration.place,
            "method": declaration.method,
            "agreement_version_id": declaration.agreement_version_id,
            "text_sha256": declaration.text_sha256,
        },
        "allowed_triggers": engine.allowed_triggers(application) if engine is not None else None,
    }


# --- helpers ---


def _existing_organisation(session: Session, name: str, short_name: str) -> Organisation | None:
    """The organisation both *name* and *short_name* denote, if it exists already.

    Names that point at different (or only one existing) organisations are
    refused rather than guessed at.
    """
    by_name = session.execute(
        select(Organisation).where(func.lower(Organisation.name) == name.lower())
    ).scalar_one_or_none()
    by_short = session.execute(
        select(Organisation).where(func.lower(Organisation.short_name) == short_name.lower())
    ).scalar_one_or_none()
    if by_name is not by_short:
        other = by_short or by_name
        assert other is not None
        raise InvalidInput(
            "error.accession.org_mismatch", name=name, short_name=short_name, other=other.name
        )
    return by_name


def _existing_person(session: Session, address: str) -> Person | None:
    return session.execute(
        select(Person).where(func.lower(Person.email) == address.lower())
    ).scalar_one_or_none()


def _open_application(
    session: Session, committee: Committee, organisation: Organisation
) -> AccessionApplication | None:
    return (
        session.execute(
            select(AccessionApplication).where(
                AccessionApplication.committee_id == committee.id,
                AccessionApplication.organisation_id == organisation.id,
                AccessionApplication.state.in_(OPEN_STATES),
            )
        )
        .scalars()
        .first()
    )
