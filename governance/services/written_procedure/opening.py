"""The written procedure: the chair puts a motion to every voting member."""

from __future__ import annotations

from governance.domain.rules import Majority
from governance.errors import Conflict
from governance.models import (
    Committee,
    Role,
    WrittenBallot,
    WrittenProcedure,
)
from governance.services import access, directory, validation
from governance.services.written_procedure.mail import _notify_motion
from governance.services.written_procedure.records import (
    ENTITY,
    MAX_TITLE,
    MotionKind,
    _days,
    deadline_for,
    motion_text,
)
from governance.unit_of_work import UnitOfWork

# --- actions ---


def start(
    uow: UnitOfWork,
    committee: Committee,
    *,
    title: str,
    text: str,
    kind: str = MotionKind.DECISION.value,
    majority: str | None = None,
    days: str | int | None = None,
) -> WrittenProcedure:
    """The chair puts a motion to every voting member in writing."""
    access.check(uow, "written.start", committee, entity_type=ENTITY)
    clean_title = validation.text(title, "--title", MAX_TITLE)
    clean_text = motion_text(text)
    motion_kind = validation.choice(MotionKind, kind, "--kind")
    rules = committee.rules
    wanted = (
        validation.choice(Majority, majority, "--majority")
        if majority not in (None, "")
        else rules.decision_majority
    )
    period = _days(days, rules.written_procedure_days)
    voting = [
        m
        for m in directory.current_memberships(uow.session, committee, uow.today)
        if m.voting and m.role in (Role.CHAIR, Role.MEMBER)
    ]
    if not voting:
        raise Conflict("written.error.no_voting_members", committee=committee.short_name)
    procedure = WrittenProcedure(
        committee_id=committee.id,
        title=clean_title,
        text=clean_text,
        kind=motion_kind.value,
        majority=wanted.value,
        state="open",
        started_by_id=uow.actor.person_id,
        started_at=uow.now,
        deadline_at=deadline_for(uow.now, period),
        reason="",
        created_at=uow.now,
    )
    uow.session.add(procedure)
    uow.session.flush()
    for membership in sorted(voting, key=lambda m: m.organisation.short_name.lower()):
        uow.session.add(
            WrittenBallot(
                procedure_id=procedure.id,
                organisation_id=membership.organisation_id,
                on_paper=False,
                via="",
            )
        )
    uow.session.flush()
    uow.session.refresh(procedure, ["ballots"])
    uow.engine.arm_timers(uow, procedure)
    uow.audit(
        entity_type=ENTITY,
        entity_id=procedure.id,
        committee_id=committee.id,
        action="written.start",
        to_state="open",
        details={
            "title": clean_title,
            "kind": motion_kind.value,
            "majority": wanted.value,
            "deadline_at": procedure.deadline_at.isoformat(),
            "voting_members": len(voting),
        },
    )
    _notify_motion(uow, procedure)
    return procedure
