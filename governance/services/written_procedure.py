"""The written procedure (Umlaufverfahren): a decision between meetings.

Workflow ``written_procedure`` (workflows/written_procedure.yaml). The chair
puts a motion to every voting member organisation with a deadline; each votes
once (yes / no / abstain) through its representative or deputy, by the
personal link in the mail, the web or the command line, or the chair or the
secretariat records a vote that came on paper. A voting member may demand a
meeting instead; once as many have demanded it as the rules say, the motion
goes on the next meeting's agenda and the procedure ends without a decision.
When every voting member has voted, or at the deadline (a timer), the result
is established: with the participation the quorum rule requires (the share of
voting members that makes a meeting quorate must have voted, abstentions
included), the motion is decided under its majority and takes the next number
of the decisions register; without it, no decision. Every member is told.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from governance import outbox
from governance.clock import BERLIN
from governance.domain.rules import Majority, is_quorate, quorum_needed
from governance.domain.voting import Choice, result, tally
from governance.errors import Conflict, InvalidInput, NotFound, Text
from governance.models import (
    AgendaItem,
    Capacity,
    Committee,
    Organisation,
    Person,
    Role,
    WrittenBallot,
    WrittenProcedure,
)
from governance.services import access, decision_numbers, directory, validation
from governance.services.meeting_notices import secretariat_people
from governance.unit_of_work import UnitOfWork
from governance.workflow.registry import effect, guard

if TYPE_CHECKING:
    from governance.unit_of_work import TransitionContext

ENTITY = WrittenProcedure.__tablename__
MAX_TEXT = 8000
"""A motion is a few paragraphs; more is a document to attach to a meeting instead."""
MAX_TITLE = 300
MAX_DAYS = 60
"""A deadline further out is no longer a decision between two meetings."""
MAX_REASON = 2000


class MotionKind(enum.StrEnum):
    """What the committee decides in writing; the kind names the default majority."""

    DECISION = "decision"
    """A decision (Beschluss): the rules' decision_majority."""
    STATEMENT = "statement"
    """A statement of the committee (Stellungnahme), e.g. to the district assembly."""
    APPOINTMENT = "appointment"
    """Naming someone (Benennung), e.g. a delegate to a working group."""


class Via(enum.StrEnum):
    CLI = "cli"
    WEB = "web"
    LINK = "link"
    PAPER = "paper"


# --- finding ---


def procedure_by_ref(
    session: Session, ref: str | int, committee: Committee | None = None
) -> WrittenProcedure:
    """A written procedure by its number as typed (``3`` or ``#3``), within *committee* when given."""
    text = str(ref).strip().lstrip("#")
    found = session.get(WrittenProcedure, int(text)) if text.isdigit() and len(text) < 10 else None
    if found is None or (committee is not None and found.committee_id != committee.id):
        raise NotFound(
            "error.not_found",
            kind=Text("kind.written_procedure"),
            ref=validation.visible(str(ref))[:40],
            hint=Text("written.hint.list"),
        )
    return found


def procedures(session: Session, committee: Committee) -> list[WrittenProcedure]:
    """The committee's written procedures, newest first, with their ballots."""
    return list(
        session.execute(
            select(WrittenProcedure)
            .where(WrittenProcedure.committee_id == committee.id)
            .order_by(WrittenProcedure.id.desc())
            .options(selectinload(WrittenProcedure.ballots).joinedload(WrittenBallot.organisation))
        ).scalars()
    )


def decided_between(
    session: Session, committee_id: int, after: dt.datetime | None, until: dt.datetime
) -> list[WrittenProcedure]:
    """Written procedures that ended between two meetings (for the next meeting's minutes)."""
    where = [
        WrittenProcedure.committee_id == committee_id,
        WrittenProcedure.ended_at.is_not(None),
        WrittenProcedure.ended_at <= until,
        WrittenProcedure.state.in_(("decided", "failed", "moved_to_meeting")),
    ]
    if after is not None:
        where.append(WrittenProcedure.ended_at > after)
    return list(
        session.execute(
            select(WrittenProcedure).where(*where).order_by(WrittenProcedure.ended_at)
        ).scalars()
    )


def describe(procedure: WrittenProcedure) -> dict[str, Any]:
    """A procedure as ``procedure show --json`` and the pages give it."""
    ballots = procedure.ballots
    voted = [b for b in ballots if b.choice is not None]
    counts = tally(Choice(b.choice) for b in voted if b.choice is not None)
    rules = procedure.committee.rules
    return {
        "id": procedure.id,
        "committee": procedure.committee.short_name,
        "title": procedure.title,
        "text": procedure.text,
        "kind": procedure.kind,
        "majority": procedure.majority,
        "state": procedure.state,
        "started_at": procedure.started_at,
        "deadline_at": procedure.deadline_at,
        "ended_at": procedure.ended_at,
        "voting_members": len(ballots),
        "voted": len(voted),
        "participation_needed": quorum_needed(rules, len(ballots)),
        "meeting_demands_needed": demands_needed(procedure),
        "votes": {"yes": counts.yes, "no": counts.no, "abstain": counts.abstain},
        "carried": procedure.carried,
        "reference": procedure.reference,
        "reason": procedure.reason,
        "agenda_item_id": procedure.agenda_item_id,
        "ballots": [
            {
                "organisation": b.organisation.short_name,
                "choice": b.choice,
                "cast_at": b.cast_at,
                "on_paper": b.on_paper,
                "via": b.via or None,
                "demanded_meeting_at": b.demanded_meeting_at,
            }
            for b in ballots
        ],
    }


def demands_needed(procedure: WrittenProcedure) -> int:
    # Never more than there are voting members: otherwise no demand could ever move it.
    return min(procedure.committee.rules.written_procedure_meeting_demands, len(procedure.ballots))


# --- checking what was typed ---


def motion_text(value: str, what: str = "--text") -> str:
    """The motion: paragraphs allowed (unlike a name), no other control characters."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    cleaned = "\n".join(lines).strip()
    while "\n\n\n" in cleaned:
        cleaned = cleaned.replace("\n\n\n", "\n\n")
    if (
        not cleaned
        or len(cleaned) > MAX_TEXT
        or any((ord(ch) < 32 and ch != "\n") or 127 <= ord(ch) < 160 for ch in cleaned)
    ):
        raise InvalidInput("error.text", what=what, max=MAX_TEXT)
    return cleaned


def _days(value: str | int | None, default: int) -> int:
    if value is None or str(value).strip() == "":
        return default
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_DAYS:
        raise InvalidInput("written.error.days", value=text[:20], max=MAX_DAYS)
    return int(text)


def deadline_for(start: dt.datetime, days: int) -> dt.datetime:
    """The end of the *days*-th day after *start*, Berlin time (23:59): a member who
    reads the motion in the evening of the last day still has that evening."""
    local_day = start.astimezone(BERLIN).date() + dt.timedelta(days=days)
    return dt.datetime.combine(local_day, dt.time(23, 59), tzinfo=BERLIN).astimezone(dt.UTC)


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
    from governance.services.agenda import audit_item, next_meeting_taking_proposals, next_position

    meeting = next_meeting_taking_proposals(uow, procedure.committee)
    if meeting is None:
        return None
    item = AgendaItem(
        meeting_id=meeting.id,
        position=next_position(uow.session, meeting),
        title=procedure.title[:300],
        description=f"Aus dem Umlaufverfahren Nr. {procedure.id} in die Sitzung verwiesen.\n\n"
        + procedure.text,
        kind="decision",
        majority=procedure.majority,
        urgent=False,
        status="accepted",
        reason="",
        notes="",
        decision_text="",
        created_at=uow.now,
    )
    uow.session.add(item)
    uow.session.flush()
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


# --- mail ---


def _context(procedure: WrittenProcedure) -> dict[str, Any]:
    return {
        "committee": procedure.committee.name,
        "procedure": {
            "id": procedure.id,
            "title": procedure.title,
            "text": procedure.text,
            "kind": procedure.kind,
            "majority": procedure.majority,
            "deadline_at": procedure.deadline_at.isoformat(),
            "voting_members": len(procedure.ballots),
            "participation_needed": quorum_needed(
                procedure.committee.rules, len(procedure.ballots)
            ),
            "meeting_demands_needed": demands_needed(procedure),
        },
    }


def _voters(session: Session, procedure: WrittenProcedure, only_pending: bool) -> list[Person]:
    """Representatives and deputies of the voting members (those still to vote)."""
    people: dict[int, Person] = {}
    wanted = {b.organisation_id for b in procedure.ballots if not only_pending or b.choice is None}
    committee = procedure.committee
    for membership in directory.current_memberships(
        session, committee, procedure.started_at.date()
    ):
        if membership.organisation_id not in wanted:
            continue
        for capacity in (Capacity.REPRESENTATIVE, Capacity.DEPUTY):
            for person in membership.persons(capacity):
                people.setdefault(person.id, person)
    return list(people.values())


def _links(uow: UnitOfWork, procedure: WrittenProcedure, person: Person) -> dict[str, str]:
    """The person's action links for this motion (empty where links are not set up)."""
    from governance.services import written_links

    return written_links.links_for(uow, procedure, person)


def _notify_motion(uow: UnitOfWork, procedure: WrittenProcedure) -> None:
    for person in _voters(uow.session, procedure, only_pending=False):
        outbox.queue(
            uow,
            notification="written_motion",
            recipient=person,
            context={**_context(procedure), "links": _links(uow, procedure, person)},
            committee_id=procedure.committee_id,
            entity=procedure,
        )


@effect("notify_written_reminder")
def notify_written_reminder(ctx: TransitionContext) -> None:
    procedure: WrittenProcedure = ctx.entity
    if procedure.committee.rules.written_procedure_reminder_days == 0:
        return  # the rules want no reminder (the timer then falls on the deadline)
    for person in _voters(ctx.session, procedure, only_pending=True):
        outbox.queue(
            ctx.uow,
            notification="written_reminder",
            recipient=person,
            context={**_context(procedure), "links": _links(ctx.uow, procedure, person)},
            committee_id=procedure.committee_id,
            entity=procedure,
        )


@effect("notify_written_result")
def notify_written_result(ctx: TransitionContext) -> None:
    procedure: WrittenProcedure = ctx.entity
    committee = procedure.committee
    item = (
        ctx.session.get(AgendaItem, procedure.agenda_item_id) if procedure.agenda_item_id else None
    )
    meeting = item.meeting if item is not None else None
    outcome = {
        "state": procedure.state,
        "reference": procedure.reference,
        "carried": procedure.carried,
        "yes": procedure.yes,
        "no": procedure.no,
        "abstain": procedure.abstain,
        "voted": sum(1 for b in procedure.ballots if b.choice is not None),
        "reason": procedure.reason,
        "meeting_title": meeting.title if meeting is not None else None,
        "meeting_on": meeting.starts_at.astimezone(BERLIN).date().isoformat()
        if meeting is not None
        else None,
        "demanded_by": [
            b.organisation.short_name for b in procedure.ballots if b.demanded_meeting_at
        ],
    }
    people: dict[int, Person] = {}
    for membership in directory.current_memberships(ctx.session, committee, ctx.today):
        if membership.role == Role.GUEST:
            continue
        for capacity in (Capacity.REPRESENTATIVE, Capacity.DEPUTY):
            for person in membership.persons(capacity):
                people.setdefault(person.id, person)
    for person in secretariat_people(ctx.session, committee):
        people.setdefault(person.id, person)
    for person in people.values():
        outbox.queue(
            ctx.uow,
            notification="written_result",
            recipient=person,
            context={**_context(procedure), "outcome": outcome},
            committee_id=procedure.committee_id,
            entity=procedure,
            revision=procedure.state,
        )
