"""Guards and effects of the meeting workflow (workflows/meeting.yaml).

They run inside the unit of work of the trigger: the state change, the
records it makes, the timers it moves and the notices it queues are
committed together or not at all.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from governance.clock import BERLIN
from governance.errors import Text
from governance.models import Meeting
from governance.services import agenda, agenda_carry_over
from governance.services import meetings as meeting_service
from governance.services.attendance import quorum_at
from governance.services.meeting_notices import (
    agenda_pdf,
    chair_people,
    invitees,
    item_files_note,
    notify,
    secretariat_people,
    tell_proposer,
)
from governance.workflow.registry import effect, guard

if TYPE_CHECKING:
    # Only named in annotations: importing the engine costs transitions and YAML.
    from governance.unit_of_work import TransitionContext

ENDED_UNHELD = ("cancelled", "not_held")
"""States of a meeting that ended without being held: its agenda moves on whole."""

# --- guards ---


@guard("meeting_started")
def meeting_started(ctx: TransitionContext) -> bool:
    return bool(ctx.now >= ctx.entity.starts_at)


@guard("meeting_day_reached")
def meeting_day_reached(ctx: TransitionContext) -> bool:
    return ctx.today >= ctx.entity.starts_at.astimezone(BERLIN).date()


@guard("quorate_now")
def quorate_now(ctx: TransitionContext) -> bool:
    return quorum_at(ctx.session, ctx.entity, ctx.now).quorate


# --- effects: records ---


@effect("record_invitation")
def record_invitation(ctx: TransitionContext) -> None:
    meeting: Meeting = ctx.entity
    meeting.convened_at = ctx.now
    meeting.agenda_revision = 1
    meeting.detached = True  # invitations are out: a change of the series leaves it alone


@effect("settle_agenda")
def settle_agenda(ctx: TransitionContext) -> None:
    """The invitation carries the final agenda: what the chair accepted.

    A proposal still undecided at the invitation deadline is deferred to the
    next meeting (where the chair decides on it again) and its proposer told
    so; the chair was told of it at the proposal deadline (proposals_closed).
    """
    meeting: Meeting = ctx.entity
    undecided = [i for i in agenda.items(ctx.session, meeting) if i.status == "proposed"]
    for item in undecided:
        successor = agenda_carry_over.carry_over(ctx.uow, item)
        item.status, item.position = "moved", None
        agenda.audit_item(
            ctx.uow,
            item,
            "agenda.defer",
            from_state="proposed",
            to_state="moved",
            to_meeting=successor.meeting_id if successor else None,
            undecided_at_invitation=True,
        )
        tell_proposer(
            ctx.uow,
            item,
            meeting,
            "not_decided",
            successor.meeting if successor else None,
            notification="proposal_not_decided",
        )
    meeting.agenda_final = True
    ctx.uow.audit(
        entity_type=Meeting.__tablename__,
        entity_id=meeting.id,
        committee_id=meeting.committee_id,
        action="agenda.finalize",
        details={
            "items": [i.id for i in agenda.agenda_items(ctx.session, meeting)],
            "deferred_undecided": [i.id for i in undecided],
        },
    )


@effect("record_cancellation")
def record_cancellation(ctx: TransitionContext) -> None:
    meeting: Meeting = ctx.entity
    meeting.reason = str(ctx.params.get("reason", ""))
    meeting.detached = True
    meeting.sequence += 1
    following = meeting_service.next_meeting(ctx.session, meeting.committee, meeting.starts_at)
    ctx.session.flush()  # the cancelled state must be visible to the refresh below
    agenda_carry_over.refresh_previous_minutes(ctx.uow, following)


@effect("record_opening")
def record_opening(ctx: TransitionContext) -> None:
    """Number the meeting and record whether it is quorate as it opens."""
    meeting: Meeting = ctx.entity
    meeting.opened_at = ctx.now
    meeting.number = meeting_service.next_number(ctx.session, meeting.committee)
    _record_quorum(ctx, meeting, ctx.now)


@effect("record_closing")
def record_closing(ctx: TransitionContext) -> None:
    """Items left unhandled are deferred: they move to the next meeting."""
    meeting: Meeting = ctx.entity
    meeting.closed_at = ctx.now
    if meeting.recorded_later_at is not None:
        # Recorded afterwards: it ended at its scheduled end, with the quorum of who came.
        meeting.closed_at = meeting.ends_at
        if meeting.quorate_at_opening is None:
            _record_quorum(ctx, meeting, meeting.starts_at)
    for item in agenda.items(ctx.session, meeting):
        if item.status == "accepted" and item.outcome is None:
            item.outcome = "noted" if item.standing else "deferred"


def _record_quorum(ctx: TransitionContext, meeting: Meeting, moment: dt.datetime) -> None:
    check = quorum_at(ctx.session, meeting, moment)
    meeting.quorate_at_opening = check.quorate
    ctx.uow.audit(
        entity_type=Meeting.__tablename__,
        entity_id=meeting.id,
        committee_id=meeting.committee_id,
        action="quorum",
        details={
            "quorate": check.quorate,
            "present": check.present,
            "voting_members": check.voting_members,
            "needed": check.needed,
            "repeat_meeting": check.repeat_meeting,
            **({"recorded_later": True} if meeting.recorded_later_at else {}),
        },
    )


@effect("carry_over_open_items")
def carry_over_open_items(ctx: TransitionContext) -> None:
    """Nothing proposed or put on the agenda is lost when a meeting ends or is cancelled:
    items not handled, and proposals the chair has not decided on, go to the next meeting."""
    meeting: Meeting = ctx.entity
    for item in agenda.items(ctx.session, meeting):
        if item.standing or item.carried_over_to_id is not None:
            continue
        cancelled_item = meeting.state in ENDED_UNHELD and item.status == "accepted"
        if cancelled_item or item.status == "proposed":
            agenda_carry_over.carry_over(ctx.uow, item)
            item.status, item.position = "moved", None
        elif item.outcome == "deferred":
            agenda_carry_over.carry_over(ctx.uow, item)


# --- effects: notices ---


def _announced(ctx: TransitionContext) -> bool:
    """Whether members already know of the meeting (call for proposals or invitation out)."""
    meeting: Meeting = ctx.entity
    return meeting.convened_at is not None or ctx.now >= meeting.call_for_proposals_at


@effect("notify_call_for_proposals")
def notify_call_for_proposals(ctx: TransitionContext) -> None:
    from governance.services import proposal_links  # its link's registry imports agenda

    meeting: Meeting = ctx.entity
    if ctx.now >= meeting.proposal_deadline_at:
        return  # planned at short notice: there is no time left for proposals
    notify(
        ctx.uow,
        meeting,
        "call_for_proposals",
        invitees(ctx.session, meeting.committee, ctx.today),
        revision=meeting.proposal_deadline_at.isoformat(),
        proposals_due_at=meeting.proposal_deadline_at.isoformat(),
        personal=lambda person: {"links": proposal_links.proposal_link(ctx.uow, meeting, person)},
    )


@effect("notify_proposals_closed")
def notify_proposals_closed(ctx: TransitionContext) -> None:
    meeting: Meeting = ctx.entity
    pending = [i for i in agenda.items(ctx.session, meeting) if i.status == "proposed"]
    notify(
        ctx.uow,
        meeting,
        "proposals_closed",
        chair_people(ctx.session, meeting.committee, ctx.today),
        revision=meeting.proposal_deadline_at.isoformat(),
        pending_proposals=[{"id": i.id, "title": i.title} for i in pending],
        invitation_at=meeting.invitation_at.isoformat(),
    )


@effect("notify_invitation")
def notify_invitation(ctx: TransitionContext) -> None:
    from governance.services import practice_links, rsvp  # link registries import services

    meeting: Meeting = ctx.entity
    notify(
        ctx.uow,
        meeting,
        "invitation",
        invitees(ctx.session, meeting.committee, ctx.today),
        revision=f"s{meeting.sequence}",
        calendar="request",
        documents=agenda_pdf(ctx.uow, meeting),
        item_files=item_files_note(ctx.uow, meeting),
        personal=lambda person: {
            "links": rsvp.invitation_links(ctx.uow, meeting, person),
            # issue 16: declare a conflict of interest, transfer the vote (where allowed)
            "practice_links": practice_links.invitation_links(ctx.uow, meeting, person),
        },
    )


@effect("notify_meeting_reminder")
def notify_meeting_reminder(ctx: TransitionContext) -> None:
    meeting: Meeting = ctx.entity
    notify(
        ctx.uow,
        meeting,
        "meeting_reminder",
        invitees(ctx.session, meeting.committee, ctx.today),
        revision=f"s{meeting.sequence}",
    )


@effect("notify_agenda_updated")
def notify_agenda_updated(ctx: TransitionContext) -> None:
    meeting: Meeting = ctx.entity
    if meeting.state != "convened":
        return  # before the invitation nobody has an agenda; in session everyone is there
    change = Text(
        f"notice.agenda.{ctx.params.get('change', 'changed')}", title=ctx.params.get("title", "")
    )
    notify(
        ctx.uow,
        meeting,
        "agenda_updated",
        invitees(ctx.session, meeting.committee, ctx.today),
        revision=f"a{meeting.agenda_revision}",
        reason=change,
        documents=agenda_pdf(ctx.uow, meeting),
        item_files=item_files_note(ctx.uow, meeting),
    )


@effect("notify_meeting_moved")
def notify_meeting_moved(ctx: TransitionContext) -> None:
    meeting: Meeting = ctx.entity
    if not _announced(ctx):
        return
    notify(
        ctx.uow,
        meeting,
        "meeting_moved",
        invitees(ctx.session, meeting.committee, ctx.today),
        revision=f"s{meeting.sequence}",
        calendar="request",
        reason=meeting.reason,
        previous_starts_at=str(ctx.params["previous_starts_at"]),
    )


@effect("notify_meeting_cancelled")
def notify_meeting_cancelled(ctx: TransitionContext) -> None:
    if not _announced(ctx):
        return
    meeting: Meeting = ctx.entity
    notify(
        ctx.uow,
        meeting,
        "meeting_cancelled",
        invitees(ctx.session, meeting.committee, ctx.today),
        revision=f"s{meeting.sequence}",
        calendar="cancel",
        reason=meeting.reason,
    )


@effect("notify_minutes_due")
def notify_minutes_due(ctx: TransitionContext) -> None:
    meeting: Meeting = ctx.entity
    from governance.services.minutes import minutes_of

    written = minutes_of(ctx.session, meeting)
    if written is not None and written.revision > 0:
        return  # circulated in time: nobody needs reminding
    notify(
        ctx.uow,
        meeting,
        "minutes_due",
        secretariat_people(ctx.session, meeting.committee),
        revision=meeting.minutes_due_at.isoformat(),
        minutes_due_at=meeting.minutes_due_at.isoformat(),
    )


# The effects of repeat meetings and of a meeting's end after its day live in
# meeting_endings (registered on import, with the rest of this workflow).
# The quorum forecast (issue 14.3) lives in quorum_forecast, registered likewise.
from governance.services import meeting_endings, quorum_forecast  # noqa: E402, F401
