"""Guards and effects of the minutes workflow (workflows/minutes.yaml).

They run inside the unit of work of the trigger: the approval, the archived
PDF/A (stored in the database with its SHA-256), the agenda item and the
notices are committed together or not at all. (A copy written to the
``archive`` folder before a rollback stays there; filing the same bytes
again later is harmless, see documents.archival.)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from governance import audit
from governance.clock import BERLIN
from governance.mail.message import Attachment
from governance.models import Minutes, MinutesObjection
from governance.services import minutes_agenda, stored_documents
from governance.services.meeting_notices import (
    chair_people,
    invitees,
    notify,
    pdf_document,
    secretariat_people,
)
from governance.unit_of_work import UnitOfWork
from governance.workflow.registry import effect, guard

if TYPE_CHECKING:
    # Only named in annotations: importing the engine costs transitions and YAML.
    from governance.unit_of_work import TransitionContext

ARCHIVE_LANGUAGE = "de"
"""The archived minutes are the German original, whatever language the actor uses."""

# --- guards ---


@guard("meeting_closed")
def meeting_closed(ctx: TransitionContext) -> bool:
    return bool(ctx.entity.meeting.state == "closed")


@guard("objection_period_running")
def objection_period_running(ctx: TransitionContext) -> bool:
    deadline = ctx.entity.objection_deadline_at
    return deadline is not None and ctx.now <= deadline


@guard("objection_period_over")
def objection_period_over(ctx: TransitionContext) -> bool:
    deadline = ctx.entity.objection_deadline_at
    return deadline is not None and ctx.now > deadline


@guard("no_open_objection")
def no_open_objection(ctx: TransitionContext) -> bool:
    return not ctx.entity.open_objections


@guard("approval_without_vote_allowed")
def approval_without_vote_allowed(ctx: TransitionContext) -> bool:
    return bool(ctx.entity.meeting.committee.rules.tacit_approval)


@guard("tacit_approval_possible")
def tacit_approval_possible(ctx: TransitionContext) -> bool:
    return approval_without_vote_allowed(ctx) and no_open_objection(ctx)


@guard("approval_vote_carried")
def approval_vote_carried(ctx: TransitionContext) -> bool:
    return ctx.params.get("carried") is True


# --- effects: records ---


def objection_deadline(circulated_at: dt.datetime, days: int) -> dt.datetime:
    """The objection period ends at the end of its last day (23:59 in Berlin)."""
    last_day = circulated_at.astimezone(BERLIN).date() + dt.timedelta(days=days)
    return dt.datetime.combine(last_day, dt.time(23, 59), BERLIN).astimezone(dt.UTC)


@effect("record_circulation")
def record_circulation(ctx: TransitionContext) -> None:
    minutes: Minutes = ctx.entity
    minutes.revision += 1
    minutes.circulated_at = ctx.now
    minutes.referred_at = None
    minutes.objection_deadline_at = objection_deadline(
        ctx.now, minutes.meeting.committee.rules.objection_period_days
    )


@effect("record_objection")
def record_objection(ctx: TransitionContext) -> None:
    minutes: Minutes = ctx.entity
    objection = MinutesObjection(
        minutes_id=minutes.id,
        revision=minutes.revision,
        person_id=int(ctx.params["person_id"]),
        organisation_id=int(ctx.params["organisation_id"]),
        text=str(ctx.params["text"]),
        raised_at=ctx.now,
        resolved=False,
        resolution="",
    )
    ctx.session.add(objection)
    ctx.session.flush()
    ctx.session.refresh(minutes, ["objections"])


def _approve(ctx: TransitionContext, how: str) -> None:
    minutes: Minutes = ctx.entity
    minutes.approved_at = ctx.now
    minutes.approved_by = how
    minutes.frozen = True


@effect("record_tacit_approval")
def record_tacit_approval(ctx: TransitionContext) -> None:
    _approve(ctx, "tacit")
    # Approved when the objection period ended, even if the timer fired later (downtime).
    deadline = ctx.entity.objection_deadline_at
    if deadline is not None and deadline < ctx.now:
        ctx.entity.approved_at = deadline
    minutes_agenda.settle_approval_item(ctx.uow, ctx.entity)


@effect("record_chair_approval")
def record_chair_approval(ctx: TransitionContext) -> None:
    _approve(ctx, "chair")
    minutes_agenda.settle_approval_item(ctx.uow, ctx.entity)


@effect("record_vote_approval")
def record_vote_approval(ctx: TransitionContext) -> None:
    _approve(ctx, "vote")
    ctx.entity.approval_decision = str(ctx.params.get("decision", ""))


@effect("record_send_back")
def record_send_back(ctx: TransitionContext) -> None:
    """The committee did not approve them: the secretariat revises and circulates again."""
    ctx.entity.referred_at = None


@effect("put_minutes_on_agenda")
def put_minutes_on_agenda(ctx: TransitionContext) -> None:
    minutes: Minutes = ctx.entity
    minutes.referred_at = ctx.now
    minutes_agenda.add_approval_item(ctx.uow, minutes)


@effect("archive_minutes")
def archive_minutes(ctx: TransitionContext) -> None:
    """Render the approved minutes as PDF/A, store them in the database with
    their SHA-256 (where every process of the installation finds them) and,
    where an ``archive`` folder is set, file a copy there for people to browse."""
    # WeasyPrint is imported only where a PDF is made (it is slow to import).
    from governance.documents import archive, pdfa, render_html
    from governance.services.documents.minutes import context as minutes_context

    minutes: Minutes = ctx.entity
    ctx.session.flush()
    context = minutes_context(ctx.session, minutes.meeting)
    # The audit chain's head goes into the archived file: a witness outside the database.
    context["audit_head"] = audit_head(ctx)
    html = render_html("minutes", context, ARCHIVE_LANGUAGE)
    document = pdfa(html)
    name = archive_name(minutes)
    stored = stored_documents.store(
        ctx.uow,
        kind=stored_documents.MINUTES_ARCHIVE,
        entity_type="minutes",
        entity_id=minutes.id,
        name=name,
        media_type="application/pdf",
        data=document.data,
    )
    minutes.archive_document_id = stored.id
    minutes.archive_sha256 = stored.sha256
    if ctx.uow.archive_dir is not None:
        filed = archive(document, ctx.uow.archive_dir, name)
        minutes.archive_path = str(filed.path.absolute())


def audit_head(ctx: TransitionContext) -> dict[str, Any]:
    """The audit chain's committed head, as the archive PDF and the approval mail state it."""
    seq, digest = audit.current_head(ctx.session)
    return {"seq": seq, "hash": digest}


def archive_name(minutes: Minutes) -> str:
    """``protokoll-KG-sitzung-3-r2.pdf``: committee, meeting number (else id), revision."""
    meeting = minutes.meeting
    short = re.sub(r"[^0-9A-Za-z]+", "-", meeting.committee.short_name).strip("-") or "gremium"
    number = meeting.number if meeting.number is not None else f"id{meeting.id}"
    return f"protokoll-{short}-sitzung-{number}-r{minutes.revision}.pdf"


# --- effects: notices ---


def minutes_part(minutes: Minutes) -> dict[str, Any]:
    """What a mail about the minutes may show (ISO 8601 moments)."""

    def iso(value: dt.datetime | None) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "id": minutes.id,
        "meeting_id": minutes.meeting_id,
        "revision": minutes.revision,
        "state": minutes.state,
        "circulated_at": iso(minutes.circulated_at),
        "objection_deadline_at": iso(minutes.objection_deadline_at),
        "approved_at": iso(minutes.approved_at),
        "approved_by": minutes.approved_by,
        "approval_decision": minutes.approval_decision,
        "archive_file": archive_name(minutes) if minutes.archive_sha256 else "",
        "archive_sha256": minutes.archive_sha256,
        "document": {"kind": "minutes", "ref": str(minutes.meeting_id)},
    }


@effect("notify_minutes_circulated")
def notify_minutes_circulated(ctx: TransitionContext) -> None:
    from governance.services import minutes_links  # its links' registry imports the minutes

    minutes: Minutes = ctx.entity
    minutes_links.revoke_earlier_revisions(ctx.uow, minutes)
    notify(
        ctx.uow,
        minutes.meeting,
        "minutes_circulated",
        invitees(ctx.session, minutes.meeting.committee, ctx.today),
        revision=f"m{minutes.revision}",
        minutes=minutes_part(minutes),
        documents=draft_pdf(ctx.uow, minutes),
        personal=lambda person: {"links": minutes_links.minutes_links(ctx.uow, minutes, person)},
    )


def draft_pdf(uow: UnitOfWork, minutes: Minutes) -> Callable[[str], Sequence[Attachment]]:
    """The draft as circulated: what members read when they decide whether to object."""
    day = minutes.meeting.starts_at.astimezone(BERLIN).date().isoformat()
    return pdf_document(
        uow,
        "minutes",
        minutes.meeting_id,
        {
            "de": f"Protokollentwurf-{day}-Fassung-{minutes.revision}.pdf",
            "en": f"Draft-minutes-{day}-revision-{minutes.revision}.pdf",
        },
    )


@effect("notify_minutes_objection")
def notify_minutes_objection(ctx: TransitionContext) -> None:
    minutes: Minutes = ctx.entity
    committee = minutes.meeting.committee
    objection = minutes.objections[-1]
    people = {p.id: p for p in secretariat_people(ctx.session, committee)}
    for person in chair_people(ctx.session, committee, ctx.today):
        people.setdefault(person.id, person)
    notify(
        ctx.uow,
        minutes.meeting,
        "minutes_objection",
        list(people.values()),
        revision=f"o{objection.id}",
        minutes=minutes_part(minutes),
        objection={
            "id": objection.id,
            "organisation": objection.organisation.short_name,
            "person": objection.person.name,
            "text": objection.text,
            "raised_at": objection.raised_at.isoformat(),
            "revision": objection.revision,
        },
    )


@effect("notify_minutes_approved")
def notify_minutes_approved(ctx: TransitionContext) -> None:
    minutes: Minutes = ctx.entity
    notify(
        ctx.uow,
        minutes.meeting,
        "minutes_approved",
        invitees(ctx.session, minutes.meeting.committee, ctx.today),
        revision=f"a{minutes.revision}",
        minutes=minutes_part(minutes),
        audit_head=audit_head(ctx),
    )
