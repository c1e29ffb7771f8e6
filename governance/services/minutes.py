"""The minutes of a meeting: notes, circulation, objections, approval, the archive.

One function per user action, each inside the caller's unit of work. The
minutes of a meeting are the notes recorded on its agenda items plus what
the meeting recorded itself (attendance, votes, action items); the row in
``minutes`` carries their workflow (workflows/minutes.yaml). The document
ID of the minutes is the meeting's ID: one meeting, one set of minutes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.domain.minutes_notes import fingerprint, note_text
from governance.errors import (
    ConcurrentChange,
    Conflict,
    InvalidInput,
    NotFound,
    NotPermitted,
    Text,
)
from governance.models import (
    AgendaItem,
    AuditRecord,
    Decision,
    Meeting,
    Minutes,
    MinutesObjection,
    Organisation,
    Person,
)
from governance.services import access, directory, validation
from governance.services.meeting_notices import agenda_items
from governance.services.meetings import meeting_by_id
from governance.unit_of_work import UnitOfWork
from governance.workflow.definition import WorkflowDefinition

ENTITY = Minutes.__tablename__
MeetingRef = Meeting | int | str
"""A front passes the meeting's number as the user gave it; the application layer's
own callers (the demo, the workflow effects) pass the row they already hold."""
HELD = ("in_session", "closed")
"""Minutes are written of a meeting that has been opened."""


class StateLabel(Text):
    """A workflow state shown by its label in the reader's language."""

    def __init__(self, definition: WorkflowDefinition, name: str) -> None:
        self.definition = definition
        self.name = name

    def render(self, lang: str) -> str:
        return self.definition.label(self.name, lang)


# --- lookups ---


def meeting_of(session: Session, meeting: MeetingRef) -> Meeting:
    """The meeting *meeting* refers to (NotFound for an unknown number)."""
    if isinstance(meeting, Meeting):
        return meeting
    return meeting_by_id(session, meeting)


def minutes_of(session: Session, meeting: Meeting) -> Minutes | None:
    return session.execute(
        select(Minutes).where(Minutes.meeting_id == meeting.id)
    ).scalar_one_or_none()


def minutes_for(uow: UnitOfWork, meeting: Meeting) -> Minutes:
    """The minutes of *meeting*, started on first use."""
    minutes = minutes_of(uow.session, meeting)
    if minutes is not None:
        return minutes
    if meeting.state not in HELD:
        raise Conflict(
            "minutes.error.meeting_not_held",
            meeting=meeting.id,
            state=StateLabel(uow.engine.definitions["meeting"], meeting.state),
        )
    minutes = Minutes(
        committee_id=meeting.committee_id,
        meeting_id=meeting.id,
        revision=0,
        state=uow.engine.definitions["minutes"].initial,
        created_at=uow.now,
        approved_by="",
        approval_decision="",
        archive_path="",
        archive_sha256="",
        frozen=False,
        version=1,
    )
    uow.session.add(minutes)
    uow.session.flush()
    uow.audit(
        entity_type=ENTITY,
        entity_id=minutes.id,
        committee_id=meeting.committee_id,
        action="minutes.start",
        to_state=minutes.state,
        details={"meeting": meeting.id},
    )
    return minutes


def require_unfrozen(minutes: Minutes) -> None:
    """Approved minutes are the record: nothing in them may change any more."""
    if minutes.frozen:
        raise Conflict(
            "minutes.error.frozen",
            meeting=minutes.meeting_id,
            approved=minutes.approved_at.astimezone(BERLIN).strftime("%d.%m.%Y")
            if minutes.approved_at
            else "—",
            sha256=minutes.archive_sha256 or "—",
        ).concerning(
            entity_type=ENTITY,
            entity_id=minutes.id,
            action="minutes.change",
            committee_id=minutes.committee_id,
        )


# --- notes ---


def record_notes(
    uow: UnitOfWork,
    meeting_ref: MeetingRef,
    notes: Mapping[int, str],
    *,
    shown: Mapping[int, str] | None = None,
) -> Minutes:
    """Set the notes of the given TOPs (all or none); the minutes must be a draft.

    *shown*: the fingerprint of each item's notes as the form showed them
    (domain.minutes_notes.fingerprint). An item typed over that someone else
    changed meanwhile is refused (ConcurrentChange, nothing saved); an item left
    as it was shown is not written, so it cannot undo the other person's change."""
    meeting = meeting_of(uow.session, meeting_ref)
    access.check(
        uow, "minutes.write", meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    minutes = minutes_for(uow, meeting)
    require_unfrozen(minutes)
    if minutes.state != "drafting":
        raise Conflict(
            "minutes.error.not_drafting",
            meeting=meeting.id,
            state=Text(f"minutes.state.{minutes.state}"),
        )
    by_top = {i.position: i for i in agenda_items(uow.session, meeting) if i.position is not None}
    unknown = sorted(set(notes) - set(by_top))
    if unknown:
        raise InvalidInput(
            "minutes.error.unknown_top",
            top=", ".join(str(t) for t in unknown),
            meeting=meeting.id,
            tops=", ".join(str(t) for t in sorted(by_top)) or "—",
        )
    cleaned = {top: note_text(text, top) for top, text in notes.items()}
    if shown is not None:
        cleaned = _unless_changed_meanwhile(meeting, by_top, cleaned, shown)
    if not cleaned:
        return minutes
    if minutes.minute_taker_id is None and uow.actor.person_id is not None:
        minutes.minute_taker_id = uow.actor.person_id
    for top, text in sorted(cleaned.items()):
        by_top[top].notes = text
    uow.audit(
        entity_type=ENTITY,
        entity_id=minutes.id,
        committee_id=meeting.committee_id,
        action="minutes.note",
        from_state=minutes.state,
        details={"meeting": meeting.id, "tops": sorted(cleaned)},
    )
    return minutes


def _unless_changed_meanwhile(
    meeting: Meeting,
    by_top: Mapping[int, AgendaItem],
    typed: dict[int, str],
    shown: Mapping[int, str],
) -> dict[int, str]:
    """The notes to write: those the writer changed; refused where someone else
    changed the same item since the form was shown."""
    untouched = {top for top, text in typed.items() if shown.get(top) == fingerprint(text)}
    conflicts = sorted(
        top
        for top, text in typed.items()
        if top in shown
        and top not in untouched
        and fingerprint(by_top[top].notes) != shown[top]
        and text != (by_top[top].notes or "")
    )
    if conflicts:
        raise ConcurrentChange(
            "minutes.error.notes_changed",
            meeting=meeting.id,
            tops=", ".join(str(t) for t in conflicts),
        )
    return {top: text for top, text in typed.items() if top not in untouched}


# --- the workflow ---


def circulate(uow: UnitOfWork, meeting_ref: MeetingRef) -> Minutes:
    """Send the draft to everyone invited; the objection period starts."""
    meeting = meeting_of(uow.session, meeting_ref)
    access.check(
        uow, "minutes.write", meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    minutes = minutes_for(uow, meeting)
    require_unfrozen(minutes)
    uow.fire(minutes, "circulate", meeting=meeting.id)
    return minutes


def object_to(
    uow: UnitOfWork, meeting_ref: MeetingRef, *, text: str, organisation: str | int | None = None
) -> MinutesObjection:
    """A member organisation objects to the circulated minutes (until the deadline).

    Without *organisation*: through its representative or deputy, for the
    organisation they act for. With it: the chair or secretariat records the
    objection a member organisation sent on paper or by mail."""
    meeting = meeting_of(uow.session, meeting_ref)
    action = "minutes.object" if organisation is None else "minutes.record_objection"
    access.check(uow, action, meeting.committee, entity_type="meetings", entity_id=meeting.id)
    minutes = minutes_of(uow.session, meeting)
    if minutes is None:
        raise Conflict("minutes.error.not_circulated", meeting=meeting.id)
    require_unfrozen(minutes)
    person = uow.person()
    if organisation is not None:
        organisations = [_member_organisation(uow, meeting, organisation)]
    else:
        organisations = (
            access.organisations_of(uow.session, person, meeting.committee, uow.today)
            if person
            else []
        )
    if person is None or not organisations:
        raise NotPermitted(
            "minutes.error.not_a_member",
            actor=uow.actor.label,
            committee=meeting.committee.short_name,
        ).concerning(
            entity_type=ENTITY,
            entity_id=minutes.id,
            action=action,
            committee_id=minutes.committee_id,
        )
    body = validation.text(text, "--text", 4000)
    uow.fire(
        minutes,
        "object",
        person_id=person.id,
        organisation_id=organisations[0].id,
        text=body,
        revision=minutes.revision,
    )
    return minutes.objections[-1]


@dataclasses.dataclass(frozen=True)
class Agreement:
    """A member organisation's agreement (Zustimmung) with one circulated revision.

    Agreeing changes nothing in the minutes' workflow (tacit approval needs no
    word, and a vote still decides where the rules want one); it tells the
    secretariat early who has read the draft and has nothing to object. It is
    kept as its audit record (action ``minutes.agree``): no table of its own.
    """

    organisation: str
    person: str
    revision: int
    at: dt.datetime


AGREE = "minutes.agree"


def agree(uow: UnitOfWork, meeting_ref: MeetingRef) -> Agreement:
    """A member organisation agrees with the circulated minutes (until the period ends),
    through its representative or deputy, for the organisation they act for."""
    meeting = meeting_of(uow.session, meeting_ref)
    access.check(uow, AGREE, meeting.committee, entity_type="meetings", entity_id=meeting.id)
    minutes = minutes_of(uow.session, meeting)
    if minutes is None:
        raise Conflict("minutes.error.not_circulated", meeting=meeting.id)
    require_unfrozen(minutes)
    if minutes.state != "circulated":
        raise Conflict(
            "minutes.error.not_out_for_agreement",
            meeting=meeting.id,
            state=Text(f"minutes.state.{minutes.state}"),
        )
    deadline = minutes.objection_deadline_at
    if deadline is not None and uow.now > deadline:
        raise Conflict(
            "minutes.error.period_over",
            meeting=meeting.id,
            deadline=deadline.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M"),
        ).concerning(
            entity_type=ENTITY, entity_id=minutes.id, action=AGREE, committee_id=minutes.committee_id
        )
    person = uow.person()
    organisations = (
        access.organisations_of(uow.session, person, meeting.committee, uow.today) if person else []
    )
    if person is None or not organisations:
        raise NotPermitted(
            "minutes.error.not_a_member",
            actor=uow.actor.label,
            committee=meeting.committee.short_name,
        ).concerning(
            entity_type=ENTITY, entity_id=minutes.id, action=AGREE, committee_id=minutes.committee_id
        )
    organisation = organisations[0]
    earlier = next(
        (a for a in agreements(uow.session, minutes) if a.organisation == organisation.short_name),
        None,
    )
    if earlier is not None:
        raise Conflict(
            "minutes.error.already_agreed",
            organisation=organisation.short_name,
            revision=minutes.revision,
            person=earlier.person,
            at=earlier.at.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M"),
        )
    uow.audit(
        entity_type=ENTITY,
        entity_id=minutes.id,
        committee_id=minutes.committee_id,
        action=AGREE,
        from_state=minutes.state,
        details={
            "meeting": meeting.id,
            "revision": minutes.revision,
            "organisation_id": organisation.id,
        },
    )
    return Agreement(organisation.short_name, person.name, minutes.revision, uow.now)


def agreements(session: Session, minutes: Minutes) -> list[Agreement]:
    """Who agreed with the current revision of *minutes*, in order (read from the audit trail)."""
    records = session.execute(
        select(AuditRecord)
        .where(
            AuditRecord.entity_type == ENTITY,
            AuditRecord.entity_id == minutes.id,
            AuditRecord.action == AGREE,
            AuditRecord.outcome == "done",
        )
        .order_by(AuditRecord.seq)
    ).scalars()
    found: list[Agreement] = []
    for record in records:
        details = record.details or {}
        if details.get("revision") != minutes.revision:
            continue
        organisation = session.get(Organisation, details.get("organisation_id"))
        person = session.get(Person, record.actor_id) if record.actor_id is not None else None
        found.append(
            Agreement(
                organisation=organisation.short_name if organisation else "?",
                person=person.name if person else record.actor,
                revision=minutes.revision,
                at=record.at,
            )
        )
    return found


def _member_organisation(uow: UnitOfWork, meeting: Meeting, ref: str | int) -> Organisation:
    """The organisation *ref* if it is a member of the meeting's committee today."""
    organisation = directory.organisation_by_ref(uow.session, ref)
    members = directory.current_memberships(uow.session, meeting.committee, uow.today)
    if not any(m.organisation_id == organisation.id for m in members):
        raise InvalidInput(
            "minutes.error.not_a_member_organisation",
            organisation=organisation.short_name,
            committee=meeting.committee.short_name,
            members=", ".join(sorted(m.organisation.short_name for m in members)) or "—",
        )
    return organisation


def resolve(
    uow: UnitOfWork, meeting_ref: MeetingRef, *, objection_id: int | str, note: str
) -> MinutesObjection:
    """The chair records how an objection was settled (e.g. corrected in the next revision)."""
    meeting = meeting_of(uow.session, meeting_ref)
    wanted = str(objection_id).strip().lstrip("#")
    access.check(
        uow, "minutes.approve", meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    minutes = minutes_of(uow.session, meeting)
    objection = next(
        (o for o in (minutes.objections if minutes else []) if str(o.id) == wanted), None
    )
    if minutes is None or objection is None:
        raise NotFound("error.not_found", kind=Text("kind.minutes_objection"), ref=wanted, hint="")
    require_unfrozen(minutes)
    if objection.resolved:
        raise Conflict("minutes.error.already_resolved", objection=objection.id)
    objection.resolved = True
    objection.resolution = validation.text(note, "--note", 4000)
    objection.resolved_at = uow.now
    uow.audit(
        entity_type=ENTITY,
        entity_id=minutes.id,
        committee_id=minutes.committee_id,
        action="minutes.resolve",
        from_state=minutes.state,
        details={"objection": objection.id, "note": objection.resolution},
    )
    return objection


def approve(uow: UnitOfWork, meeting_ref: MeetingRef) -> Minutes:
    """The chair approves (the rules allow it without a vote, no objection open,
    the objection period over); the minutes are archived at once."""
    meeting = meeting_of(uow.session, meeting_ref)
    access.check(
        uow, "minutes.approve", meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    minutes = minutes_of(uow.session, meeting)
    if minutes is None:
        raise Conflict("minutes.error.not_circulated", meeting=meeting.id)
    require_unfrozen(minutes)
    uow.fire(minutes, "approve")
    uow.fire(minutes, "archive")
    return minutes


def decide_by_vote(uow: UnitOfWork, item: AgendaItem, decision: Decision) -> None:
    """The vote on an approval item approves the minutes (and archives them) or sends them back."""
    minutes = uow.session.get(Minutes, item.minutes_id)
    assert minutes is not None
    require_unfrozen(minutes)
    vote = decision.vote
    uow.fire(
        minutes,
        "decide",
        carried=decision.carried,
        decision=decision.reference,
        yes=vote.yes,
        no=vote.no,
        abstain=vote.abstain,
    )
    if minutes.state == "approved":
        uow.fire(minutes, "archive")
