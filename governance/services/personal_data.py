"""Everything held about a person (``gremium person export``), and who may see it.

Access: the installation administrator, and a person for their own data.
A refusal is audited like every other; an export is audited too (who
exported whose data), by ids only.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from governance.errors import NotPermitted
from governance.models import (
    AccessionApplication,
    AccessionDeclaration,
    ActionItem,
    ActionLink,
    AgendaItem,
    AreaCoordinator,
    Attendance,
    AuditRecord,
    Ballot,
    Meeting,
    MeetingReply,
    MembershipPerson,
    Minutes,
    MinutesObjection,
    OutboxMessage,
    Person,
    ProgrammeOffice,
    SecretariatMember,
    Signature,
    Vote,
    WebSession,
)
from governance.unit_of_work import UnitOfWork

PERSON_KEYS = frozenset(
    {
        "person_id",
        "signatory_id",
        "applicant_id",
        "owner_person_id",
        "representatives",
        "deputies",
    }
)
"""Keys under which audit records' details refer to a person (by id)."""


def check_access(uow: UnitOfWork, person: Person, action: str) -> None:
    """The administrator may export and erase anyone's data; a person may export their own."""
    actor = uow.person()
    own = actor is not None and actor.id == person.id and action == "person.export"
    if uow.actor.is_system or own or (actor is not None and actor.is_admin):
        return
    raise NotPermitted(
        "personal_data.not_permitted", action=f"gremium {action.replace('.', ' ')}"
    ).concerning(entity_type="people", entity_id=person.id, action=action, committee_id=None)


def export(uow: UnitOfWork, person: Person | str) -> dict[str, Any]:
    """Everything stored about *person* (or their e-mail address as typed)."""
    if isinstance(person, str):
        from governance.services.directory import person_by_email

        person = person_by_email(uow.session, person)
    check_access(uow, person, "person.export")
    data = collect(uow.session, person)
    uow.audit(entity_type="people", entity_id=person.id, action="person.export")
    return data


def collect(session: Session, person: Person) -> dict[str, Any]:
    pid = person.id
    scalars = session.execute
    return {
        "person": {
            "id": pid,
            "name": person.name,
            "email": person.email,
            "function_title": person.function_title,
            "language": person.language,
            "organisation": person.organisation.short_name if person.organisation else None,
            "is_admin": person.is_admin,
            "email_public": person.email_public,  # consent to publishing the address (OParl)
            "created_at": person.created_at,
            "erased_at": person.erased_at,
        },
        "memberships": [
            {
                "committee": mp.membership.committee.short_name,
                "organisation": mp.membership.organisation.short_name,
                "capacity": mp.capacity,
                "membership_id": mp.membership_id,
                "starts_on": mp.membership.starts_on,
                "ends_on": mp.membership.ends_on,
            }
            for mp in scalars(
                select(MembershipPerson).where(MembershipPerson.person_id == pid)
            ).scalars()
        ],
        "secretariat": [
            s.committee.short_name
            for s in scalars(
                select(SecretariatMember).where(SecretariatMember.person_id == pid)
            ).scalars()
        ],
        # (issue 15) the roles above the committees
        "area_coordination": [
            a.area.short_name
            for a in scalars(
                select(AreaCoordinator).where(AreaCoordinator.person_id == pid)
            ).scalars()
        ],
        "programme_office": [
            o.programme.short_name
            for o in scalars(
                select(ProgrammeOffice).where(ProgrammeOffice.person_id == pid)
            ).scalars()
        ],
        "signatures": [
            {
                "id": s.id,
                "agreement": s.version.agreement.title,
                "version": s.version.number,
                "organisation": s.organisation.short_name,
                "signed_on": s.signed_on,
                "place": s.place,
                "method": s.method,
                "text_sha256": s.text_sha256,
                "as": "signatory" if s.signatory_id == pid else "recorded_by",
            }
            for s in scalars(
                select(Signature)
                .where(or_(Signature.signatory_id == pid, Signature.recorded_by_id == pid))
                .order_by(Signature.id)
            ).scalars()
        ],
        "accession_declarations": [
            {
                "id": d.id,
                "application": d.application_id,
                "signed_on": d.signed_on,
                "place": d.place,
            }
            for d in scalars(
                select(AccessionDeclaration).where(AccessionDeclaration.signatory_id == pid)
            ).scalars()
        ],
        "accession_applications": [
            {
                "id": a.id,
                "submitted_on": a.submitted_on,
                "state": a.state,
                "motivation": a.motivation,
            }
            for a in scalars(
                select(AccessionApplication).where(AccessionApplication.applicant_id == pid)
            ).scalars()
        ],
        "attendance": _attendance(session, pid),
        "ballots": _ballots(session, pid),
        "proposals": [
            {"id": i.id, "meeting": i.meeting_id, "title": i.title, "status": i.status}
            for i in scalars(select(AgendaItem).where(AgendaItem.proposer_id == pid)).scalars()
        ],
        "objections": [
            {
                "id": o.id,
                "minutes": o.minutes_id,
                "revision": o.revision,
                "text": o.text,
                "raised_at": o.raised_at,
                "resolved": o.resolved,
            }
            for o in scalars(
                select(MinutesObjection).where(MinutesObjection.person_id == pid)
            ).scalars()
        ],
        "action_items": [
            {"id": a.id, "what": a.what, "due_on": a.due_on, "state": a.state}
            for a in scalars(select(ActionItem).where(ActionItem.owner_person_id == pid)).scalars()
        ],
        "minutes_taken": list(
            scalars(select(Minutes.id).where(Minutes.minute_taker_id == pid)).scalars()
        ),
        "messages": [
            {
                "id": m.id,
                "notification": m.notification,
                "recipient": m.recipient,
                "status": m.status,
                "created_at": m.created_at,
                "sent_at": m.sent_at,
                "subject": m.subject,
                "body_text": m.body_text,
            }
            for m in scalars(
                select(OutboxMessage)
                .where(
                    or_(
                        OutboxMessage.person_id == pid,
                        func.lower(OutboxMessage.recipient) == person.email.lower(),
                    )
                )
                .order_by(OutboxMessage.id)
            ).scalars()
        ],
        "web_sessions": [
            {
                "id": w.id,
                "created_at": w.created_at,
                "last_seen_at": w.last_seen_at,
                "expires_at": w.expires_at,
                "revoked_at": w.revoked_at,
            }
            for w in scalars(
                select(WebSession).where(WebSession.person_id == pid).order_by(WebSession.id)
            ).scalars()
        ],
        # issue 14: personal links in mails (never a token) and answers to invitations
        "action_links": [
            {
                "id": link.id,
                "purpose": link.purpose,
                "entity": f"{link.entity_type}:{link.entity_id}",
                "created_at": link.created_at,
                "expires_at": link.expires_at,
                "used_at": link.used_at,
                "revoked_at": link.revoked_at,
            }
            for link in scalars(
                select(ActionLink).where(ActionLink.person_id == pid).order_by(ActionLink.id)
            ).scalars()
        ],
        "meeting_replies": [
            {
                "meeting_id": r.meeting_id,
                "organisation_id": r.organisation_id,
                "answer": r.answer,
                "answered_by_them": r.person_id == pid,
                "deputy_is_them": r.deputy_person_id == pid,
                "comment": r.comment,
                "via": r.via,
                "answered_at": r.answered_at,
            }
            for r in scalars(
                select(MeetingReply)
                .where(or_(MeetingReply.person_id == pid, MeetingReply.deputy_person_id == pid))
                .order_by(MeetingReply.id)
            ).scalars()
        ],
        # replies by mail (governance/services/inbound.py, mail_objections.py)
        **_replies_by_mail(scalars, pid),
        "audit_records": audit_records_about(session, pid),
    }


def _replies_by_mail(scalars: Any, pid: int) -> dict[str, Any]:
    """The reply addresses given to the person, the messages read through them, and the
    objections that came by mail from them."""
    from governance.models import InboundMail, MailObjection, ReplyToken

    tokens = select(ReplyToken.id).where(ReplyToken.person_id == pid).scalar_subquery()
    return {
        "reply_addresses": [
            {"purpose": t.purpose, "meeting_id": t.meeting_id, "created_at": t.created_at}
            for t in scalars(
                select(ReplyToken).where(ReplyToken.person_id == pid).order_by(ReplyToken.id)
            ).scalars()
        ],
        "mails_read": [
            {
                "sender": m.sender,
                "subject": m.subject,
                "outcome": m.outcome,
                "received_at": m.received_at,
            }
            for m in scalars(
                select(InboundMail).where(InboundMail.token_id.in_(tokens)).order_by(InboundMail.id)
            ).scalars()
        ],
        "objections_by_mail": [
            {
                "minutes_id": o.minutes_id,
                "revision": o.revision,
                "text": o.text,
                "state": o.state,
                "received_at": o.received_at,
                "confirmed_at": o.confirmed_at,
            }
            for o in scalars(
                select(MailObjection)
                .where(MailObjection.person_id == pid)
                .order_by(MailObjection.id)
            ).scalars()
        ],
    }


def _attendance(session: Session, pid: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Attendance, Meeting)
        .join(Meeting, Attendance.meeting_id == Meeting.id)
        .where(Attendance.person_id == pid)
        .order_by(Meeting.starts_at)
    ).all()
    return [
        {
            "meeting": m.id,
            "title": m.title,
            "starts_at": m.starts_at,
            "organisation": a.organisation.short_name if a.organisation else None,
            "status": a.status,
            "arrived_at": a.arrived_at,
            "departed_at": a.departed_at,
        }
        for a, m in rows
    ]


def _ballots(session: Session, pid: int) -> list[dict[str, Any]]:
    """Ballots cast for an organisation in a meeting the person attended for it."""
    rows = session.execute(
        select(Ballot, Vote)
        .join(Vote, Ballot.vote_id == Vote.id)
        .join(
            Attendance,
            (Attendance.meeting_id == Vote.meeting_id)
            & (Attendance.organisation_id == Ballot.organisation_id),
        )
        .where(Attendance.person_id == pid)
        .order_by(Ballot.id)
    ).all()
    return [
        {
            "vote": v.id,
            "meeting": v.meeting_id,
            "agenda_item": v.agenda_item_id,
            "organisation": b.organisation.short_name,
            "choice": b.choice,
        }
        for b, v in rows
    ]


def audit_records_about(session: Session, pid: int) -> list[dict[str, Any]]:
    """Records the person made, records about them, and records whose details name them."""
    out = []
    for r in session.execute(select(AuditRecord).order_by(AuditRecord.seq)).scalars():
        if not (
            r.actor_id == pid
            or (r.entity_type == "people" and r.entity_id == pid)
            or _names(r.details or {}, pid)
        ):
            continue
        out.append(
            {
                "seq": r.seq,
                "at": r.at,
                "actor": r.actor,
                "entity": f"{r.entity_type}:{r.entity_id}",
                "action": r.action,
                "outcome": r.outcome,
                "details": r.details,
            }
        )
    return out


def _names(details: dict[str, Any], pid: int) -> bool:
    for key in PERSON_KEYS & details.keys():
        value = details[key]
        if value == pid or (isinstance(value, list) and pid in value):
            return True
    return False
