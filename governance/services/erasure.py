"""Erasing a person's data on request (``gremium person erase``), as far as no
retention duty applies (see :mod:`governance.retention`).

Always erased: the e-mail address (replaced by an address that cannot
receive mail), the function title, the administrator flag, the person's
roles (representative, deputy, secretariat: they can no longer act or be
invited), and the copies of messages sent to them (subject, bodies,
calendar, attachments purged; queued ones are not sent).

Kept while a retention period runs: the name, where the person signed the
agreement or an accession declaration, or appears in the minutes of record
(attendance, objections, proposals, minute-taker). The rows themselves
(signatures, minutes, objections) are records and stay as they are; the
name is anonymised once no retention period holds it any more.

Nothing in the audit trail changes: its records name people by id only, so
``audit verify`` passes afterwards. The erasure itself is a record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.orm import Session

from governance import change_times
from governance.errors import Conflict
from governance.models import (
    AccessionDeclaration,
    ActionLink,
    ActionLinkToken,
    AgendaItem,
    AgreementVersion,
    Attendance,
    AuditRecord,
    Meeting,
    Membership,
    MembershipPerson,
    Minutes,
    MinutesObjection,
    OutboxMessage,
    Person,
    SecretariatMember,
    Signature,
    SignInLink,
    WebSession,
)
from governance.retention import Retention, kept_until
from governance.services.personal_data import check_access
from governance.unit_of_work import UnitOfWork


@dataclasses.dataclass(frozen=True)
class Kept:
    """A record that keeps the person's name, and until when."""

    kind: str
    """signature, accession_declaration, minutes."""
    ref: str
    until: dt.date | None
    """The end of its retention period; None: it has not started (e.g. an agreement in force)."""


@dataclasses.dataclass(frozen=True)
class Erasure:
    person_id: int
    name_kept: bool
    kept: list[Kept]
    roles_ended: int
    messages_purged: int
    legacy_audit_records: int
    """Records written before personal data was kept out of the chain that hold the
    address or name: they cannot change without breaking the chain (see README)."""


def erase(uow: UnitOfWork, person: Person | str, retention: Retention) -> Erasure:
    """Erase *person* (or the person with this e-mail address as typed) as far as
    no retention duty keeps their name."""
    if isinstance(person, str):
        from governance.services.directory import person_by_email

        person = person_by_email(uow.session, person)
    check_access(uow, person, "person.erase")
    if person.erased_at is not None:
        raise Conflict("personal_data.already_erased", on=person.erased_at.date().isoformat())
    if person.is_admin:
        admins = uow.session.execute(
            select(func.count()).select_from(Person).where(Person.is_admin.is_(True))
        ).scalar_one()
        if admins <= 1:  # the installation would be left without anyone to administer it
            raise Conflict("personal_data.last_admin")
    today = uow.today
    kept = [k for k in _retained(uow, person, retention) if k.until is None or today <= k.until]
    legacy = _legacy_records(uow, person)
    pid = person.id
    session = uow.session
    # The OParl interface answers the representations as deleted (change_times.bury).
    represented = session.execute(
        select(MembershipPerson.id, Membership.committee_id)
        .join(Membership, Membership.id == MembershipPerson.membership_id)
        .where(MembershipPerson.person_id == pid)
    ).all()
    change_times.bury(session, "membership_people", [(r[0], r[1]) for r in represented], uow.now)
    # The person too, once per committee: shown deleted where that committee publishes people.
    committees = sorted({r[1] for r in represented})
    change_times.bury(session, "people", [(pid, cid) for cid in committees], uow.now)
    roles = session.execute(delete(MembershipPerson).where(MembershipPerson.person_id == pid))
    secretariat = session.execute(
        delete(SecretariatMember).where(SecretariatMember.person_id == pid)
    )
    # (issue 15) the roles above the committees end too: coordinator, programme office
    from governance.models import AreaCoordinator, ProgrammeOffice

    session.execute(delete(AreaCoordinator).where(AreaCoordinator.person_id == pid))
    session.execute(delete(ProgrammeOffice).where(ProgrammeOffice.person_id == pid))
    # Signed out everywhere at once; unused sign-in links stop working.
    session.execute(delete(WebSession).where(WebSession.person_id == pid))
    session.execute(delete(SignInLink).where(SignInLink.person_id == pid))
    # Personal links in mails die too (their tokens' digests go; the links stay revoked).
    links = select(ActionLink.id).where(ActionLink.person_id == pid).scalar_subquery()
    session.execute(delete(ActionLinkToken).where(ActionLinkToken.link_id.in_(links)))
    session.execute(
        update(ActionLink)
        .where(ActionLink.person_id == pid, ActionLink.revoked_at.is_(None))
        .values(revoked_at=uow.now, revoked_by="erasure")
    )
    _erase_replies_by_mail(session, pid)
    addressed = or_(
        OutboxMessage.person_id == pid, func.lower(OutboxMessage.recipient) == person.email.lower()
    )
    # What was still waiting is not sent any more; "failed" keeps it out of every pass.
    session.execute(
        update(OutboxMessage)
        .where(addressed, OutboxMessage.status == "queued")
        .values(status="failed", last_error="recipient's personal data erased")
    )
    purged = session.execute(
        update(OutboxMessage)
        .where(addressed)
        .values(
            recipient=_placeholder(pid),
            # The key that keeps a message from being queued twice names the address too.
            dedup_key=func.replace(OutboxMessage.dedup_key, person.email, _placeholder(pid)),
            last_error=func.replace(
                func.coalesce(OutboxMessage.last_error, ""), person.email, "<e-mail>"
            ),
            subject="",
            body_text="",
            body_html="",
            calendar=None,
            attachments=None,
            context={},
            envelope=None,
        )
    )
    anonymous = f"Gelöschte Person {pid}"
    mentioned = _scrub_mentions(
        uow, person.email, None if kept else person.name, _placeholder(pid), anonymous
    )
    person.email = _placeholder(pid)
    person.function_title = ""
    person.is_admin = False
    person.email_public = False  # the consent went with the address it was for
    person.erased_at = uow.now
    if not kept:
        person.name = anonymous
    uow.audit(
        entity_type="people",
        entity_id=pid,
        action="person.erase",
        details={
            "name_kept": bool(kept),
            "kept": sorted({k.kind for k in kept}),
            "roles_ended": _count(roles) + _count(secretariat),
            "messages_purged": _count(purged),
            "mentions_scrubbed": mentioned,
        },
    )
    return Erasure(
        person_id=pid,
        name_kept=bool(kept),
        kept=kept,
        roles_ended=_count(roles) + _count(secretariat),
        messages_purged=_count(purged),
        legacy_audit_records=legacy,
    )


def _erase_replies_by_mail(session: Session, pid: int) -> None:
    """Replies by mail: the From and subject of the messages read through the person's
    reply addresses, and the text of their objections by mail not confirmed (a confirmed
    one is an objection of the minutes, kept with them), are blanked; their reply
    addresses stop matching (the token is replaced by one nobody has)."""
    import secrets

    from governance.models import InboundMail, MailObjection, ReplyToken

    tokens = select(ReplyToken.id).where(ReplyToken.person_id == pid).scalar_subquery()
    session.execute(
        update(InboundMail).where(InboundMail.token_id.in_(tokens)).values(sender="", subject="")
    )
    session.execute(
        update(MailObjection)
        .where(MailObjection.person_id == pid, MailObjection.state != "confirmed")
        .values(text="", state="lapsed")
    )
    for token in session.execute(select(ReplyToken).where(ReplyToken.person_id == pid)).scalars():
        token.token = f"erased{secrets.token_hex(12)}"


def _count(result: Result[Any]) -> int:
    """Rows a DELETE or UPDATE touched (a statement's result is a cursor result)."""
    assert isinstance(result, CursorResult)
    return result.rowcount


def _scrub_mentions(
    uow: UnitOfWork, email: str, name: str | None, placeholder: str, anonymous: str
) -> int:
    """Messages to others name the person too (a calendar entry's attendees, an
    objection notice): the address goes from them, and the name unless it is kept."""
    changed = 0
    for message in uow.session.execute(select(OutboxMessage)).scalars():
        fields = {
            "subject": message.subject,
            "body_text": message.body_text,
            "body_html": message.body_html,
            "calendar": _unfold(message.calendar) if message.calendar else None,
        }
        new = {k: _replace(v, email, name, placeholder, anonymous) for k, v in fields.items()}
        context = _replace_in(message.context, email, name, placeholder, anonymous)
        if new == fields and context == message.context:
            continue
        changed += 1
        message.subject, message.body_text, message.body_html = (
            new["subject"],
            new["body_text"],
            new["body_html"],
        )
        calendar = new["calendar"]
        if calendar is not None and calendar != fields["calendar"]:
            message.calendar = _fold(calendar)
        message.context = context
    return changed


def _replace(
    text: str | None, email: str, name: str | None, placeholder: str, anonymous: str
) -> str | None:
    if not text:
        return text
    text = re.sub(re.escape(email), placeholder, text, flags=re.IGNORECASE)
    return text.replace(name, anonymous) if name else text


def _replace_in(value: Any, email: str, name: str | None, placeholder: str, anonymous: str) -> Any:
    if isinstance(value, str):
        return _replace(value, email, name, placeholder, anonymous)
    if isinstance(value, list):
        return [_replace_in(v, email, name, placeholder, anonymous) for v in value]
    if isinstance(value, dict):
        return {k: _replace_in(v, email, name, placeholder, anonymous) for k, v in value.items()}
    return value


def _unfold(calendar: str) -> str:
    # RFC 5545 3.1: a line break followed by a space or tab continues the line.
    return re.sub(r"\r?\n[ \t]", "", calendar)


def _fold(calendar: str) -> str:
    """Fold content lines at 75 octets again (RFC 5545 3.1), never inside a character."""
    out = []
    for line in calendar.split("\r\n"):
        parts: list[str] = []
        current = ""
        for char in line:
            if len((current + char).encode()) > (75 if not parts else 74):
                parts.append(current)
                current = ""
            current += char
        parts.append(current)
        out.append("\r\n ".join(parts))
    return "\r\n".join(out)


def _placeholder(pid: int) -> str:
    # .invalid (RFC 2606) can never receive mail; unique like the addresses it replaces.
    return f"geloescht-{pid}@erased.invalid"


def _retained(uow: UnitOfWork, person: Person, retention: Retention) -> list[Kept]:
    session = uow.session
    pid = person.id
    out: list[Kept] = []
    signed = session.execute(
        select(Signature, AgreementVersion)
        .join(AgreementVersion, Signature.version_id == AgreementVersion.id)
        .where(Signature.signatory_id == pid)
    ).all()
    for _signature, version in signed:
        out.append(
            Kept(
                "signature",
                f"{version.agreement.title} v{version.number}",
                kept_until(version.ended_on, retention.signatures_years),
            )
        )
    declared = session.execute(
        select(AccessionDeclaration, AgreementVersion)
        .join(AgreementVersion, AccessionDeclaration.agreement_version_id == AgreementVersion.id)
        .where(AccessionDeclaration.signatory_id == pid)
    ).all()
    for declaration, version in declared:
        out.append(
            Kept(
                "accession_declaration",
                f"#{declaration.id}",
                kept_until(version.ended_on, retention.signatures_years),
            )
        )
    meetings = set(
        session.execute(select(Attendance.meeting_id).where(Attendance.person_id == pid)).scalars()
    )
    meetings |= set(
        session.execute(
            select(AgendaItem.meeting_id).where(AgendaItem.proposer_id == pid)
        ).scalars()
    )
    meetings |= set(
        session.execute(
            select(Minutes.meeting_id)
            .outerjoin(MinutesObjection, MinutesObjection.minutes_id == Minutes.id)
            .where(or_(Minutes.minute_taker_id == pid, MinutesObjection.person_id == pid))
        ).scalars()
    )
    for meeting in session.execute(select(Meeting).where(Meeting.id.in_(meetings))).scalars():
        out.append(
            Kept(
                "minutes",
                f"{meeting.title} {meeting.starts_at.date().isoformat()}",
                kept_until(meeting.starts_at.date(), retention.minutes_years),
            )
        )
    return out


def _legacy_records(uow: UnitOfWork, person: Person) -> int:
    """Unkeyed records from before 0005 that still carry the address."""
    count = 0
    for actor, details in uow.session.execute(
        select(AuditRecord.actor, AuditRecord.details).where(AuditRecord.key_id.is_(None))
    ):
        if person.email in actor or person.email in str(details):
            count += 1
    return count
