"""The written procedure: the workflow's effects that end it (a decision in the
register, no decision, withdrawn, moved to the next meeting)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from governance.domain.rules import Majority
from governance.domain.voting import Choice, result, tally
from governance.models import (
    AgendaItem,
    Committee,
    WrittenProcedure,
)
from governance.services import decision_numbers
from governance.services.written_procedure.records import ENTITY
from governance.unit_of_work import UnitOfWork
from governance.workflow.registry import effect

if TYPE_CHECKING:
    from governance.unit_of_work import TransitionContext

# --- effects ---


def _counts(procedure: WrittenProcedure) -> None:
    counted = tally(Choice(b.choice) for b in procedure.ballots if b.choice is not None)
    procedure.yes, procedure.no, procedure.abstain = counted.yes, counted.no, counted.abstain


@effect("register_written_decision")
def register_written_decision(ctx: TransitionContext) -> None:
    procedure: WrittenProcedure = ctx.entity
    committee = procedure.committee
    counted = tally(Choice(b.choice) for b in procedure.ballots if b.choice is not None)
    outcome = result(committee.rules, Majority(procedure.majority), counted)
    _counts(procedure)
    procedure.carried = outcome.carried
    procedure.ended_at = ctx.now
    year = ctx.today.year
    procedure.year = year
    procedure.seq = decision_numbers.next_seq(ctx.session, committee.id, year)
    procedure.reference = decision_numbers.reference(committee, year, procedure.seq)
    ctx.session.flush()
    ctx.uow.audit(
        entity_type=ENTITY,
        entity_id=procedure.id,
        committee_id=committee.id,
        action="decision.register",
        details={
            "reference": procedure.reference,
            "written_procedure": procedure.id,
            "carried": outcome.carried,
            "text": procedure.text,
        },
    )


@effect("record_written_failure")
def record_written_failure(ctx: TransitionContext) -> None:
    procedure: WrittenProcedure = ctx.entity
    _counts(procedure)
    procedure.ended_at = ctx.now


@effect("record_written_withdrawal")
def record_written_withdrawal(ctx: TransitionContext) -> None:
    procedure: WrittenProcedure = ctx.entity
    procedure.reason = str(ctx.params.get("reason", ""))
    procedure.ended_at = ctx.now


@effect("move_written_to_meeting")
def move_written_to_meeting(ctx: TransitionContext) -> None:
    procedure: WrittenProcedure = ctx.entity
    procedure.ended_at = ctx.now
    add_meeting_item(ctx.uow, procedure)


def add_meeting_item(uow: UnitOfWork, procedure: WrittenProcedure) -> AgendaItem | None:
    """Put a motion moved to a meeting on the next meeting that still takes proposals
    (None: none is planned yet; it is added when the next one is planned)."""
    from governance.services.agenda import audit_item, new_item, next_meeting_taking_proposals

    meeting = next_meeting_taking_proposals(uow, procedure.committee)
    if meeting is None:
        return None
    item = new_item(
        uow,
        meeting,
        title=procedure.title[:300],
        description=f"Aus dem Umlaufverfahren Nr. {procedure.id} in die Sitzung verwiesen.\n\n"
        + procedure.text,
        kind="decision",
        majority=procedure.majority,
    )
    procedure.agenda_item_id = item.id
    audit_item(uow, item, "agenda.written_procedure_item", to_state="accepted")
    return item


def attach_waiting(uow: UnitOfWork, committee: Committee) -> None:
    """Give motions moved to a meeting before any meeting was planned their item."""
    waiting = uow.session.execute(
        select(WrittenProcedure).where(
            WrittenProcedure.committee_id == committee.id,
            WrittenProcedure.state == "moved_to_meeting",
            WrittenProcedure.agenda_item_id.is_(None),
        )
    ).scalars()
    for procedure in waiting:
        add_meeting_item(uow, procedure)
