"""The written procedure: voting (online, by link, on paper), demanding a meeting,
withdrawing; the guards of the workflow."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from governance.clock import BERLIN
from governance.domain.rules import is_quorate
from governance.domain.voting import Choice
from governance.errors import Conflict, InvalidInput, Text
from governance.models import (
    Organisation,
    WrittenBallot,
    WrittenProcedure,
)
from governance.services import access, directory, validation
from governance.services.written_procedure.records import ENTITY, MAX_REASON, Via, demands_needed
from governance.unit_of_work import UnitOfWork
from governance.workflow.registry import guard

if TYPE_CHECKING:
    from governance.unit_of_work import TransitionContext


def vote(
    uow: UnitOfWork,
    procedure: WrittenProcedure,
    *,
    choice: str,
    organisation: str | None = None,
    via: str = Via.CLI.value,
) -> WrittenBallot:
    """A voting member's representative or deputy votes for it, once."""
    committee = procedure.committee
    access.check(uow, "written.vote", committee, entity_type=ENTITY, entity_id=procedure.id)
    ballot = _own_ballot(uow, procedure, organisation, "written.vote")
    picked = validation.choice(Choice, choice, "--choice")
    return _cast(uow, procedure, ballot, picked, via=validation.choice(Via, via, "via"))


def record_paper_vote(
    uow: UnitOfWork, procedure: WrittenProcedure, *, organisation: str, choice: str
) -> WrittenBallot:
    """The chair or the secretariat records a vote that reached them on paper (or by fax)."""
    access.check(
        uow, "written.record_paper", procedure.committee, entity_type=ENTITY, entity_id=procedure.id
    )
    org = directory.organisation_by_ref(uow.session, organisation)
    ballot = _ballot_of(procedure, org)
    picked = validation.choice(Choice, choice, "--choice")
    return _cast(uow, procedure, ballot, picked, via=Via.PAPER)


def demand_meeting(
    uow: UnitOfWork,
    procedure: WrittenProcedure,
    *,
    organisation: str | None = None,
    via: str = Via.CLI.value,
) -> WrittenBallot:
    """A voting member demands that the motion be decided in a meeting instead."""
    access.check(
        uow,
        "written.demand_meeting",
        procedure.committee,
        entity_type=ENTITY,
        entity_id=procedure.id,
    )
    ballot = _own_ballot(uow, procedure, organisation, "written.demand_meeting")
    how = validation.choice(Via, via, "via")
    if procedure.state == "open" and ballot.demanded_meeting_at is not None:
        raise Conflict(
            "written.error.already_demanded",
            organisation=ballot.organisation.short_name,
            at=_local(ballot.demanded_meeting_at),
        ).concerning(
            entity_type=ENTITY,
            entity_id=procedure.id,
            action="demand_meeting",
            committee_id=procedure.committee_id,
        )
    if procedure.state == "open" and uow.engine.can_fire(uow, procedure, "demand_meeting"):
        ballot.demanded_meeting_at = uow.now
        ballot.demanded_by_id = uow.actor.person_id
        uow.session.flush()
    uow.fire(
        procedure, "demand_meeting", organisation=ballot.organisation.short_name, via=how.value
    )
    return ballot


def withdraw(uow: UnitOfWork, procedure: WrittenProcedure, *, reason: str) -> None:
    """The chair withdraws an open motion (no decision; every member is told why)."""
    access.check(
        uow, "written.withdraw", procedure.committee, entity_type=ENTITY, entity_id=procedure.id
    )
    why = validation.text(reason, "--reason", MAX_REASON)
    uow.fire(procedure, "withdraw", reason=why)


def _cast(
    uow: UnitOfWork, procedure: WrittenProcedure, ballot: WrittenBallot, picked: Choice, *, via: Via
) -> WrittenBallot:
    if ballot.choice is not None:
        raise Conflict(
            "written.error.already_voted",
            organisation=ballot.organisation.short_name,
            choice=Text(f"written.choice.{ballot.choice}"),
            at=_local(ballot.cast_at),
        ).concerning(
            entity_type=ENTITY,
            entity_id=procedure.id,
            action="vote",
            committee_id=procedure.committee_id,
        )
    # The guard written_voting_open refuses after the deadline or once it ended.
    uow.fire(
        procedure,
        "vote",
        organisation=ballot.organisation.short_name,
        via=via.value,
    )
    ballot.choice = picked.value
    ballot.cast_at = uow.now
    ballot.cast_by_id = uow.actor.person_id
    ballot.on_paper = via is Via.PAPER
    ballot.via = via.value
    uow.session.flush()
    if all(b.choice is not None for b in procedure.ballots):
        uow.fire(procedure, "conclude")
    return ballot


def _ballot_of(procedure: WrittenProcedure, organisation: Organisation) -> WrittenBallot:
    for ballot in procedure.ballots:
        if ballot.organisation_id == organisation.id:
            return ballot
    raise Conflict(
        "written.error.not_voting",
        organisation=organisation.short_name,
        number=procedure.id,
        voting=", ".join(b.organisation.short_name for b in procedure.ballots),
    )


def _own_ballot(
    uow: UnitOfWork, procedure: WrittenProcedure, organisation: str | None, action: str
) -> WrittenBallot:
    """The ballot of the organisation the acting person votes for (named when they act for several)."""
    person = uow.person()
    committee = procedure.committee
    if person is None:  # the system acts for nobody
        raise access.refusal(uow, action, committee, ENTITY, procedure.id)
    if organisation not in (None, ""):
        org = directory.organisation_by_ref(uow.session, str(organisation))
        if not access.acts_for(uow.session, person, org, committee, uow.today):
            own = access.organisations_of(uow.session, person, committee, uow.today)
            raise access.refusal(
                uow,
                action,
                committee,
                ENTITY,
                procedure.id,
                reason=Text(
                    "permission.own_organisation",
                    person=person.email,
                    own=", ".join(o.short_name for o in own) or "—",
                    other=org.short_name,
                ),
            )
        return _ballot_of(procedure, org)
    own = access.organisations_of(uow.session, person, committee, uow.today)
    mine = [b for b in procedure.ballots if b.organisation_id in {o.id for o in own}]
    if len(mine) == 1:
        return mine[0]
    if not mine:
        raise Conflict(
            "written.error.no_own_vote",
            person=person.email,
            number=procedure.id,
        )
    raise InvalidInput(
        "written.error.which_organisation",
        organisations=", ".join(b.organisation.short_name for b in mine),
    )


def _local(moment: dt.datetime | None) -> str:
    return moment.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M") if moment else "—"


# --- guards ---


@guard("written_voting_open")
def written_voting_open(ctx: TransitionContext) -> bool:
    procedure: WrittenProcedure = ctx.entity
    return bool(ctx.now < procedure.deadline_at)


@guard("written_voting_over")
def written_voting_over(ctx: TransitionContext) -> bool:
    procedure: WrittenProcedure = ctx.entity
    everyone = all(b.choice is not None for b in procedure.ballots)
    return bool(everyone or ctx.now >= procedure.deadline_at)


@guard("written_participation_reached")
def written_participation_reached(ctx: TransitionContext) -> bool:
    procedure: WrittenProcedure = ctx.entity
    voted = sum(1 for b in procedure.ballots if b.choice is not None)
    return is_quorate(procedure.committee.rules, len(procedure.ballots), voted)


@guard("written_meeting_demanded")
def written_meeting_demanded(ctx: TransitionContext) -> bool:
    procedure: WrittenProcedure = ctx.entity
    demanded = sum(1 for b in procedure.ballots if b.demanded_meeting_at is not None)
    return demanded >= demands_needed(procedure)
