"""Guards and effects of the accession workflow (workflows/accession.yaml).

They run inside the unit of work of the trigger that needs them: the state
change, the recorded vote, the membership created and the messages queued
are committed together or not at all.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from governance import outbox
from governance.domain.rules import VoteCount, is_carried
from governance.errors import Conflict, InvalidInput, NotFound, Text
from governance.models import AccessionApplication, Capacity, Committee, Person, Role
from governance.services import access, directory
from governance.services.agreements import in_force_version
from governance.unit_of_work import UnitOfWork
from governance.workflow.registry import effect, guard

if TYPE_CHECKING:
    # Only named in annotations: importing the engine costs transitions and YAML.
    from governance.unit_of_work import TransitionContext

ENTITY = AccessionApplication.__tablename__


def chair_representatives(session: Session, committee: Committee, on: dt.date) -> list[Person]:
    """The people who receive what is addressed to the chair."""
    people: list[Person] = []
    for membership in directory.current_memberships(session, committee, on):
        if membership.role == Role.CHAIR:
            people += membership.persons(Capacity.REPRESENTATIVE)
    return people


@guard("vote_carried")
def vote_carried(ctx: TransitionContext) -> bool:
    """The recorded vote reaches the committee's accession majority."""
    p = ctx.params
    if not all(isinstance(p.get(k), int) for k in ("yes", "no", "abstain")):
        return False
    rules = ctx.entity.committee.rules
    return is_carried(rules, rules.accession_majority, VoteCount(p["yes"], p["no"], p["abstain"]))


@guard("declaration_bound_to_agreement_in_force")
def declaration_bound_to_agreement_in_force(ctx: TransitionContext) -> bool:
    declaration = ctx.entity.declaration
    if declaration is None:
        return False
    version = in_force_version(ctx.session, ctx.entity.committee)
    return (
        version is not None
        and declaration.agreement_version_id == version.id
        and declaration.text_sha256 == version.text_sha256
    )


@effect("record_accession_vote")
def record_accession_vote(ctx: TransitionContext) -> None:
    application = ctx.entity
    application.votes_yes = ctx.params["yes"]
    application.votes_no = ctx.params["no"]
    application.votes_abstain = ctx.params["abstain"]
    application.decided_on = ctx.params.get("decided_on") or ctx.today


@effect("record_accession_rejection")
def record_accession_rejection(ctx: TransitionContext) -> None:
    ctx.entity.decided_on = ctx.params.get("decided_on") or ctx.today
    ctx.entity.decision_note = ctx.params.get("reason", "")


@effect("record_accession_withdrawal")
def record_accession_withdrawal(ctx: TransitionContext) -> None:
    ctx.entity.decision_note = ctx.params.get("reason", "")


@effect("put_accession_on_agenda")
def put_accession_on_agenda(ctx: TransitionContext) -> None:
    """A decision item on the next meeting that still takes proposals; its vote decides.

    Without such a meeting the item is added when the next one is planned.
    """
    from governance.services.agenda_carry_over import add_accession_item

    add_accession_item(ctx.uow, ctx.entity)


@effect("notify_accession_on_agenda")
def notify_accession_on_agenda(ctx: TransitionContext) -> None:
    _notify_applicant(ctx, "accession_on_agenda")


@effect("notify_accession_accepted")
def notify_accession_accepted(ctx: TransitionContext) -> None:
    _notify_applicant(ctx, "accession_accepted")


@effect("notify_accession_rejected")
def notify_accession_rejected(ctx: TransitionContext) -> None:
    _notify_applicant(ctx, "accession_rejected")


@effect("create_accession_membership")
def create_accession_membership(ctx: TransitionContext) -> None:
    """The accepted partner becomes a voting member, represented by its applicant."""
    application = ctx.entity
    start = ctx.params.get("member_from")
    assert isinstance(start, dt.date)
    membership = directory.create_membership(
        ctx.uow,
        application.committee,
        directory.MembershipSpec(
            organisation=application.organisation,
            role=Role.MEMBER,
            voting=True,
            starts_on=start,
            representatives=(application.applicant,),
        ),
    )
    application.member_from = start
    application.membership_id = membership.id


def context_of(application: AccessionApplication) -> dict[str, Any]:
    return {
        "application_id": application.id,
        "committee": application.committee.name,
        "committee_short": application.committee.short_name,
        "organisation": application.organisation.name,
        "organisation_short": application.organisation.short_name,
        "applicant": application.applicant.name,
        "applicant_email": application.applicant.email,
        "submitted_on": application.submitted_on.isoformat(),
        "motivation": application.motivation,
    }


def _notify_applicant(ctx: TransitionContext, notification: str) -> None:
    application = ctx.entity
    context = context_of(application)
    context.update(
        {
            "state": application.state,
            "decided_on": application.decided_on.isoformat() if application.decided_on else None,
            "votes": None
            if application.votes_yes is None
            else {
                "yes": application.votes_yes,
                "no": application.votes_no,
                "abstain": application.votes_abstain,
            },
            "reason": application.decision_note,
        }
    )
    if notification == "accession_on_agenda":
        # The applicant follows the application from here by its link (read only).
        from governance.services.accession_links import accession_link

        context["links"] = accession_link(ctx.uow, application)
    outbox.queue(
        ctx.uow,
        notification=notification,
        recipient=application.applicant,
        context=context,
        committee_id=application.committee_id,
        entity=application,
        revision=application.state,
    )


# --- shared by the accession services ---


def application_by_id(
    session: Session, ref: str | int, committee: Committee | int | None = None
) -> AccessionApplication:
    """The application numbered *ref* ("7" or "#7"); with *committee*, only one of that
    committee (another committee's application is not found, as if it did not exist)."""
    text = str(ref).strip().lstrip("#")
    application = session.get(AccessionApplication, int(text)) if text.isdigit() else None
    committee_id = committee.id if isinstance(committee, Committee) else committee
    if application is None or (
        committee_id is not None and application.committee_id != committee_id
    ):
        raise NotFound("error.not_found", kind=Text("kind.accession"), ref=text, hint="")
    return application


def resolve(
    uow: UnitOfWork,
    application: AccessionApplication | str | int,
    committee: Committee | int | None = None,
) -> AccessionApplication:
    """The application itself, or the one a user's reference names (see application_by_id)."""
    if isinstance(application, AccessionApplication):
        return application
    return application_by_id(uow.session, application, committee)


def check(uow: UnitOfWork, action: str, application: AccessionApplication) -> None:
    access.check(uow, action, application.committee, entity_type=ENTITY, entity_id=application.id)


def require_trigger(uow: UnitOfWork, application: AccessionApplication, trigger: str) -> None:
    """Refuse (naming the state and what is allowed) before any input is looked at."""
    if trigger not in uow.engine.allowed_triggers(application):
        uow.fire(application, trigger)  # raises TransitionRefused, audited


def acts_for_applicant(person: Person, application: AccessionApplication) -> bool:
    return person.id == application.applicant_id or (
        person.organisation_id is not None and person.organisation_id == application.organisation_id
    )


def not_future(uow: UnitOfWork, day: dt.date, what: str) -> None:
    if day > uow.today:
        raise InvalidInput(
            "error.accession.future", what=what, value=day.isoformat(), today=uow.today.isoformat()
        )


def for_audit(
    err: Conflict,
    committee: Committee,
    action: str,
    application: AccessionApplication | None = None,
) -> Conflict:
    return err.concerning(
        entity_type=ENTITY if application is not None else "committees",
        entity_id=application.id if application is not None else committee.id,
        action=action,
        committee_id=committee.id,
    )
