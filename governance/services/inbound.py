"""What a reply read from the secretariat's mailbox means, and doing it exactly once.

:func:`process` takes the bytes of one message (read by
:mod:`governance.mail.inbound`) and, in ONE transaction, records the message
(:class:`InboundMail`, unique by Message-ID) together with its effect:

- a reply to an invitation (its token's purpose ``invitation``) carrying an
  iTIP REPLY becomes the RSVP of the token's person through
  :func:`governance.services.rsvp.answer_invitation` (``via="calendar"``,
  acting as that person, "via mail" on the audit trail): ACCEPTED → attends,
  DECLINED → excused, TENTATIVE → tentative (vielleicht: not counted as
  coming in the quorum forecast, and asked again by its reminder),
  DELEGATED (DELEGATED-TO) or a delegate's ACCEPTED (DELEGATED-FROM the
  token's person) → deputy; the COMMENT (or, as Outlook writes it, the
  mail's own short text) becomes the answer's comment;
- a reply to circulated minutes (purpose ``minutes``) becomes a *pending*
  objection (:mod:`governance.services.mail_objections`): the person gets a
  link to confirm it; a From header proves nothing;
- anything else is ``not_understood`` with the reason: the message stays in
  the mailbox for people, marked.

A refusal of the application layer (the meeting has begun, a deputy of
another organisation) rolls the effect back and the message is recorded as
not understood with that refusal, in the refusal's own words. A message
whose record exists already changes nothing (the runner died after the
commit and before it marked the message, or two runners met).
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from governance.errors import GremiumError
from governance.mail import replies
from governance.mail.addressing import id_domain
from governance.mail.meetings import meeting_uid
from governance.models import InboundMail, Meeting, Minutes, Person, ReplyToken
from governance.unit_of_work import Actor, UnitOfWork

if TYPE_CHECKING:
    from governance.bootstrap import App

VIA_MAIL = "mail"
OUTCOMES = ("rsvp", "objection_pending", "not_understood")
PARTSTAT_ANSWERS = {"ACCEPTED": "attends", "DECLINED": "excused", "TENTATIVE": "tentative"}
COMMENT_MAX = 500


@dataclasses.dataclass(frozen=True)
class Outcome:
    outcome: str
    """rsvp, objection_pending or not_understood."""
    reason: str
    """A catalogue key (``inbound.reason.*`` or a refusal's key)."""
    params: dict[str, Any]
    already: bool = False
    """The message had been processed before: nothing was done now."""

    @property
    def understood(self) -> bool:
        return self.outcome != "not_understood"

    def say(self, lang: str) -> str:
        """What happened, in *lang* (a refusal's words were kept in both languages)."""
        from governance.i18n import translate

        params = {k: v.get(lang, "") if isinstance(v, dict) else v for k, v in self.params.items()}
        if "answer" in params:
            params["answer"] = translate(f"inbound.answer.{params['answer']}", lang)
        return translate(self.reason, lang, **params)


class _NotUnderstood(Exception):
    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


def process(
    app: App,
    raw: bytes,
    *,
    folder: str = "INBOX",
    uid: int | None = None,
    uidvalidity: int | None = None,
) -> Outcome:
    """Understand the message *raw* and do what it says, once (see the module's docstring)."""
    reply = replies.read(raw)
    where = {"folder": folder[:200], "uid": uid, "uidvalidity": uidvalidity}
    known = _recorded(app, reply.fingerprint)
    if known is not None:
        return known
    token = _token(app, reply)
    try:
        if token is None:
            raise _NotUnderstood(
                "inbound.reason.no_token" if not reply.tokens else "inbound.reason.unknown_token"
            )
        if reply.auto_submitted:
            raise _NotUnderstood("inbound.reason.automatic")
        if token.purpose == "invitation":
            return _calendar_reply(app, reply, token, where)
        return _minutes_reply(app, reply, token, where)
    except _NotUnderstood as why:
        return _record_not_understood(app, reply, token, where, why.reason, why.params)
    except GremiumError as refusal:
        # The application layer said no (its transaction is rolled back): people read it.
        params = {"message": {lang: refusal.message(lang) for lang in ("de", "en")}}
        return _record_not_understood(app, reply, token, where, "inbound.reason.refused", params)
    except IntegrityError:
        # Another runner recorded the same message meanwhile.
        found = _recorded(app, reply.fingerprint)
        if found is None:
            raise
        return found


def _recorded(app: App, fingerprint: str) -> Outcome | None:
    with app.db.session() as session:
        row = session.execute(
            select(InboundMail.outcome, InboundMail.detail).where(
                InboundMail.fingerprint == fingerprint
            )
        ).first()
    if row is None:
        return None
    detail = json.loads(row.detail or "{}")
    return Outcome(row.outcome, detail.get("reason", ""), detail.get("params", {}), already=True)


def _token(app: App, reply: replies.Reply) -> ReplyToken | None:
    if not reply.tokens:
        return None
    with app.db.session() as session:
        found = session.execute(
            select(ReplyToken).where(ReplyToken.token.in_(list(reply.tokens))).limit(1)
        ).scalar_one_or_none()
        if found is not None:
            session.expunge(found)
        return found


def _record(
    uow: UnitOfWork,
    reply: replies.Reply,
    token: ReplyToken | None,
    where: dict[str, Any],
    outcome: str,
    reason: str,
    params: dict[str, Any],
) -> InboundMail:
    row = InboundMail(
        fingerprint=reply.fingerprint,
        sender=reply.sender,
        subject=reply.subject,
        token_id=token.id if token is not None else None,
        outcome=outcome,
        detail=json.dumps({"reason": reason, "params": params}, ensure_ascii=False),
        received_at=uow.now,
        **where,
    )
    uow.session.add(row)
    uow.session.flush()  # a second runner with the same message fails here, before the effect
    return row


def _record_not_understood(
    app: App,
    reply: replies.Reply,
    token: ReplyToken | None,
    where: dict[str, Any],
    reason: str,
    params: dict[str, Any],
) -> Outcome:
    try:
        with app.unit_of_work(Actor.system()) as uow:
            row = _record(uow, reply, token, where, "not_understood", reason, params)
            uow.audit(
                entity_type="inbound_mails",
                entity_id=row.id,
                action="mail.not_understood",
                committee_id=token.committee_id if token is not None else None,
                details={"reason": reason},
            )
    except IntegrityError:
        found = _recorded(app, reply.fingerprint)
        if found is None:
            raise
        return found
    return Outcome("not_understood", reason, params)


def _acting(app: App, token: ReplyToken) -> Actor:
    with app.db.session() as session:
        person = session.get(Person, token.person_id)
        assert person is not None
        return Actor(label=person.email, person_id=person.id, via=VIA_MAIL)


# --- a calendar's answer to an invitation ---


def _calendar_reply(
    app: App, reply: replies.Reply, token: ReplyToken, where: dict[str, Any]
) -> Outcome:
    from governance.services.rsvp import answer_invitation

    itip = reply.itip
    if itip is None:
        raise _NotUnderstood(
            "inbound.reason.no_calendar_reply", problem=reply.calendar_problem or "-"
        )
    with app.unit_of_work(_acting(app, token)) as uow:
        meeting = uow.session.get(Meeting, token.meeting_id)
        person = uow.session.get(Person, token.person_id)
        assert meeting is not None and person is not None
        expected_uid = meeting_uid(meeting.id, id_domain(meeting.committee))
        if itip.uid != expected_uid:
            raise _NotUnderstood("inbound.reason.other_event", uid=itip.uid[:100])
        answer, deputy = _answer(itip, person.email)
        comment = _comment(itip, reply)
        row = _record(uow, reply, token, where, "rsvp", "inbound.done.rsvp", {})
        answer_invitation(
            uow,
            meeting,
            answer,
            deputy=deputy,
            comment=comment or None,
            via="calendar",
        )
        params = {"answer": answer, "meeting": meeting.number or meeting.id, "person": person.name}
        row.detail = json.dumps({"reason": "inbound.done.rsvp", "params": params})
        return Outcome("rsvp", "inbound.done.rsvp", params)


def _answer(itip: replies.ItipReply, email: str) -> tuple[str, str | None]:
    """(answer, deputy's e-mail) from the REPLY's attendees, for the token's person *email*."""
    email = email.strip().lower()
    for attendee in itip.attendees:
        if attendee.email == email:
            if attendee.partstat == "DELEGATED":
                if not attendee.delegated_to:
                    raise _NotUnderstood("inbound.reason.delegated_to_nobody")
                return "deputy", attendee.delegated_to
            if attendee.partstat in PARTSTAT_ANSWERS:
                return PARTSTAT_ANSWERS[attendee.partstat], None
            raise _NotUnderstood("inbound.reason.partstat", partstat=attendee.partstat[:40])
    for attendee in itip.attendees:
        # The delegate answers the invitation that was delegated to them: it comes back
        # to the delegator's reply address, naming them in DELEGATED-FROM.
        if attendee.delegated_from == email and attendee.partstat in ("ACCEPTED", "TENTATIVE"):
            return "deputy", attendee.email
    raise _NotUnderstood(
        "inbound.reason.other_attendee",
        attendees=", ".join(a.email for a in itip.attendees)[:300] or "-",
    )


def _comment(itip: replies.ItipReply, reply: replies.Reply) -> str:
    """The COMMENT, else the mail's own words when short (Outlook writes the comment
    there; Google's long generated text is no comment)."""
    comment = itip.comment or (reply.text if len(reply.text) <= COMMENT_MAX else "")
    comment = " ".join(comment.split())
    return comment[:COMMENT_MAX]


# --- a reply to circulated minutes ---


def _minutes_reply(
    app: App, reply: replies.Reply, token: ReplyToken, where: dict[str, Any]
) -> Outcome:
    from governance.services import mail_objections

    text = reply.text.strip()
    if not text:
        raise _NotUnderstood("inbound.reason.empty")
    with app.unit_of_work(_acting(app, token)) as uow:
        minutes = uow.session.execute(
            select(Minutes).where(Minutes.meeting_id == token.meeting_id)
        ).scalar_one_or_none()
        if minutes is None:
            raise _NotUnderstood("inbound.reason.minutes_gone")
        if minutes.state != "circulated" or minutes.revision != token.revision:
            raise _NotUnderstood(
                "inbound.reason.minutes_not_open", revision=token.revision, state=minutes.state
            )
        if minutes.objection_deadline_at is not None and uow.now >= minutes.objection_deadline_at:
            raise _NotUnderstood("inbound.reason.minutes_period_over")
        row = _record(uow, reply, token, where, "objection_pending", "inbound.done.pending", {})
        pending = mail_objections.receive(uow, minutes, token.person_id, row, text)
        params = {"pending": pending.id, "meeting": minutes.meeting_id}
        row.detail = json.dumps({"reason": "inbound.done.pending", "params": params})
        return Outcome("objection_pending", "inbound.done.pending", params)
