"""Answers to a meeting's invitation (Rückmeldungen, RSVP) and the expected attendance.

The one function every front calls::

    answer_invitation(
        uow,                   # acting as the person who answers (the secretariat: see via)
        meeting_ref,           # the meeting's number ("12"), or the Meeting
        answer,                # "attends" | "excused" | "deputy" | "tentative" (vielleicht:
                               # a calendar's TENTATIVE; not counted as coming)
        *,
        deputy=None,           # answer "deputy": the e-mail of another person named for
                               # the same organisation in the committee (its representative
                               # or deputy), who comes instead
        comment=None,          # free text, at most 500 characters ("komme 30 Minuten später")
        via="link",            # "link" (action link in the invitation), "calendar" (an iTIP
                               # REPLY from the person's calendar), "web" / "cli" (the person
                               # signed in), "secretariat" (recorded by the chair or
                               # secretariat: then organisation= is required)
        organisation=None,     # via="secretariat" only: the organisation answered for
    ) -> MeetingReply

The answer is the organisation's (one per meeting and organisation; a later
answer replaces an earlier one, both are on the audit trail). A member
answers for the organisation it acts for; the chair and the secretariat
record an answer given otherwise. Answers are taken until the meeting
starts, for meetings planned or convened. Refusals say what is wrong and
change nothing: an unknown answer, a deputy of another organisation, a
meeting that has begun.

:func:`describe_expected` gives the expected attendance per organisation and
the expected quorum (the one read, :func:`governance.reads.meeting_view.
expected_attendance`, that ``meeting show``, the meeting page and the quorum
forecast use): "tentative" is not counted as coming.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Integer, bindparam, select
from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.domain.invitation_answers import ANSWERS, LINK_ANSWERS, OPEN_STATES
from governance.domain.permissions import may
from governance.errors import Conflict, InvalidInput, NotPermitted, Text
from governance.models import (
    Meeting,
    MeetingReply,
    Membership,
    MembershipPerson,
    Organisation,
    Person,
)
from governance.services import access, action_links, directory, validation
from governance.services.meetings import MeetingRef, meeting_by_id
from governance.unit_of_work import UnitOfWork

VIAS = ("link", "calendar", "web", "cli", "secretariat")
COMMENT_MAX = 500
ENTITY = Meeting.__tablename__


def answer_invitation(
    uow: UnitOfWork,
    meeting_ref: MeetingRef,
    answer: str,
    *,
    deputy: str | None = None,
    comment: str | None = None,
    via: str = "link",
    organisation: str | None = None,
) -> MeetingReply:
    """Record an organisation's answer to the invitation (see the module's docstring)."""
    meeting = meeting_by_id(uow.session, meeting_ref)
    committee = meeting.committee
    if via not in VIAS:
        raise InvalidInput("rsvp.error.via", value=str(via)[:40], allowed=", ".join(VIAS))
    action = "meeting.rsvp_record" if via == "secretariat" else "meeting.rsvp"
    access.check(uow, action, committee, entity_type=ENTITY, entity_id=meeting.id)
    value = (answer or "").strip().lower()
    if value not in ANSWERS:
        raise InvalidInput("rsvp.error.answer", value=str(answer)[:40], allowed=", ".join(ANSWERS))
    if meeting.state not in OPEN_STATES or uow.now >= meeting.starts_at:
        raise Conflict("rsvp.error.closed", meeting=meeting.number or meeting.id).concerning(
            entity_type=ENTITY, entity_id=meeting.id, action=action, committee_id=committee.id
        )
    day = meeting.starts_at.astimezone(BERLIN).date()
    person = uow.person()
    if via == "secretariat":
        if not organisation:
            raise InvalidInput("rsvp.error.organisation_needed")
        org = directory.organisation_by_ref(uow.session, organisation)
    else:
        assert person is not None  # a system actor answers only via the secretariat
        own = access.organisations_of(uow.session, person, committee, day)
        if not own:
            raise NotPermitted(
                "rsvp.error.not_acting", person=person.email, committee=committee.short_name
            ).concerning(
                entity_type=ENTITY, entity_id=meeting.id, action=action, committee_id=committee.id
            )
        org = own[0]
    membership = directory.membership_of(uow.session, committee, org)
    if membership is None or not membership.is_current(day):
        raise InvalidInput(
            "meeting.error.not_a_member",
            organisation=org.short_name,
            committee=committee.short_name,
        )
    deputy_person: Person | None = None
    if value == "deputy":
        if not deputy:
            raise InvalidInput("rsvp.error.deputy_needed", organisation=org.short_name)
        deputy_person = directory.person_by_email(uow.session, deputy)
        if deputy_person.id not in {p.id for p in deputies(uow.session, membership, None)}:
            raise InvalidInput(
                "rsvp.error.deputy_other", person=deputy_person.email, organisation=org.short_name
            )
    elif deputy:
        raise InvalidInput("rsvp.error.deputy_only")
    text = validation.text(comment, "--comment", COMMENT_MAX) if comment else ""
    reply = uow.session.execute(
        select(MeetingReply).where(
            MeetingReply.meeting_id == meeting.id, MeetingReply.organisation_id == org.id
        )
    ).scalar_one_or_none()
    before = reply.answer if reply is not None else None
    if reply is None:
        reply = MeetingReply(meeting_id=meeting.id, organisation_id=org.id)
        uow.session.add(reply)
    answerer = person if person is not None else None
    reply.person_id = (
        answerer.id if answerer is not None else (deputy_person or _any(membership)).id
    )
    reply.answer = value
    reply.deputy_person_id = deputy_person.id if deputy_person is not None else None
    reply.comment = text
    reply.via = via
    reply.answered_at = uow.now
    uow.session.flush()
    uow.audit(
        entity_type=ENTITY,
        entity_id=meeting.id,
        action="meeting.rsvp",
        committee_id=committee.id,
        from_state=before,
        to_state=value,
        details={
            "organisation_id": org.id,
            "answer_via": via,
            **({"deputy_id": deputy_person.id} if deputy_person is not None else {}),
        },
    )
    return reply


def _any(membership: Membership) -> Person:
    if not membership.people:
        raise InvalidInput("rsvp.error.no_person", organisation=membership.organisation.short_name)
    return membership.people[0].person


def deputies(session: Session, membership: Membership, besides: Person | None) -> list[Person]:
    """Who may come for *membership*'s organisation: its people named in the committee
    (representatives and deputies), as the attendance sheet accepts them."""
    found: dict[int, Person] = {}
    for mp in membership.people:
        p = mp.person
        if p.erased_at is None and (besides is None or p.id != besides.id):
            found.setdefault(p.id, p)
    return sorted(found.values(), key=lambda p: p.name)


# --- the expected attendance ---


def describe_expected(session: Session, meeting: Meeting) -> dict[str, Any] | None:
    """The expected attendance as ``meeting show`` and the meeting page show it (stable
    keys); None for a meeting that is over or cancelled and has no answers. The read
    of :func:`governance.reads.meeting_view.expected_attendance`, in this session's
    transaction."""
    from governance.reads.meeting_view import expected_attendance as read_expected

    session.flush()  # Core reads what the session holds, not what it would flush
    row = {
        "id": meeting.id,
        "committee_id": meeting.committee_id,
        "starts_at": meeting.starts_at,
        "state": meeting.state,
        "repeat_of_id": meeting.repeat_of_id,
        "rules_data": meeting.committee.rules_data,
    }
    return read_expected(session.connection(), row)


def sees_answers(uow: UnitOfWork, meeting: Meeting) -> bool:
    """Whether the acting person sees the answers of *meeting* (the chair and the
    secretariat: those who record answers given otherwise)."""
    person = uow.person()
    if person is None:
        return uow.actor.is_system
    roles = access.roles_of(uow.session, person, meeting.committee, uow.today)
    return may("meeting.rsvp_record", roles)


def own_answer(uow: UnitOfWork, meeting: Meeting) -> dict[str, Any] | None:
    """What the meeting page's answer form needs for the acting person: the organisation
    they answer for, its answer so far, the answers offered and who may come instead;
    None when they answer for no member or the meeting takes no answers (any more).

    Three Core statements built once (:data:`_OWN_SEATS`, :data:`_OWN_REPLY`,
    :data:`_DEPUTIES`): the same answers as :func:`access.organisations_of`,
    :func:`replies_by_organisation` and :func:`_deputy_choices`, without loading
    memberships, organisations and people as objects for a page view.
    """
    person = uow.person()
    if person is None or meeting.state not in OPEN_STATES or uow.now >= meeting.starts_at:
        return None
    day = meeting.starts_at.astimezone(BERLIN).date()
    session = uow.session
    committee = {"committee": meeting.committee_id}
    own = next(
        (
            seat
            for seat in session.execute(_OWN_SEATS, committee | {"person": person.id})
            if seat.starts_on <= day and (seat.ends_on is None or day < seat.ends_on)
        ),
        None,
    )
    if own is None:
        return None
    organisation = {"organisation": own.organisation_id}
    reply = session.execute(_OWN_REPLY, {"meeting": meeting.id} | organisation).first()
    found: dict[int, tuple[str, str]] = {}
    for p in session.execute(_DEPUTIES, committee | organisation):
        if p.erased_at is None and p.id != person.id:
            found.setdefault(p.id, (p.email, p.name))
    return {
        "organisation": own.name,
        "answer": reply.answer if reply is not None else None,
        "deputy": reply.deputy if reply is not None and reply.deputy_person_id else None,
        "comment": reply.comment if reply is not None else "",
        "answers": LINK_ANSWERS,
        "deputies": sorted(found.values(), key=lambda choice: choice[1]),
        "comment_max": COMMENT_MAX,
    }


def _own_answer_statements() -> tuple[Any, Any, Any]:
    ms, mp = Membership.__table__.c, MembershipPerson.__table__.c
    o, p, r = Organisation.__table__.c, Person.__table__.c, MeetingReply.__table__.c
    committee = bindparam("committee", type_=Integer)
    organisation = bindparam("organisation", type_=Integer)
    # access.organisations_of: the organisations the person is named for, by membership.
    seats = (
        select(ms.organisation_id, o.name, ms.starts_on, ms.ends_on)
        .join_from(Membership.__table__, MembershipPerson.__table__, mp.membership_id == ms.id)
        .join(Organisation.__table__, o.id == ms.organisation_id)
        .where(ms.committee_id == committee, mp.person_id == bindparam("person"))
        .order_by(ms.id)
    )
    deputy = Person.__table__.alias("deputy")
    reply = (
        select(r.answer, r.comment, r.deputy_person_id, deputy.c.name.label("deputy"))
        .select_from(MeetingReply.__table__)
        .outerjoin(deputy, deputy.c.id == r.deputy_person_id)
        .where(r.meeting_id == bindparam("meeting"), r.organisation_id == organisation)
    )
    # directory.membership_of (the organisation's membership not ended, the newest) and
    # deputies(): its people in the order named.
    membership = (
        select(ms.id)
        .where(ms.committee_id == committee, ms.organisation_id == organisation)
        .where(ms.state != "left")
        .order_by(ms.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    people = (
        select(p.id, p.email, p.name, p.erased_at)
        .join_from(MembershipPerson.__table__, Person.__table__, p.id == mp.person_id)
        .where(mp.membership_id == membership)
        .order_by(mp.id)
    )
    return seats, reply, people


_OWN_SEATS, _OWN_REPLY, _DEPUTIES = _own_answer_statements()


def replies_by_organisation(session: Session, meeting: Meeting) -> dict[int, MeetingReply]:
    """The answers of *meeting*, by organisation id (the attendance sheet starts from them)."""
    return {
        r.organisation_id: r
        for r in session.execute(
            select(MeetingReply).where(MeetingReply.meeting_id == meeting.id)
        ).scalars()
    }


# --- the invitation's action links ---


def _describe(session: Session, meeting: Meeting, person: Person) -> dict[str, Any]:
    day = meeting.starts_at.astimezone(BERLIN).date()
    own = access.organisations_of(session, person, meeting.committee, day)
    return {
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "location": meeting.location,
        "organisation": own[0].name if own else "",
        "committee": meeting.committee.name,
    }


def _deputy_choices(session: Session, meeting: Meeting, person: Person) -> list[tuple[str, str]]:
    day = meeting.starts_at.astimezone(BERLIN).date()
    own = access.organisations_of(session, person, meeting.committee, day)
    if not own:
        return []
    membership = directory.membership_of(session, meeting.committee, own[0])
    if membership is None:
        return []
    return [(p.email, p.name) for p in deputies(session, membership, person)]


def _closed(meeting: Meeting) -> Text | None:
    if meeting.state in OPEN_STATES:
        return None
    return Text("rsvp.error.closed", meeting=meeting.number or meeting.id)


def _performer(answer: str) -> Any:
    def perform(uow: UnitOfWork, meeting: Meeting, form: Mapping[str, str]) -> Text:
        reply = answer_invitation(
            uow,
            meeting,
            answer,
            deputy=form.get("deputy") or None,
            comment=form.get("comment") or None,
            via="link",
        )
        if answer == "deputy" and reply.deputy is not None:
            return Text("rsvp.done.deputy", deputy=reply.deputy.name, title=meeting.title)
        return Text(f"rsvp.done.{answer}", title=meeting.title)

    return perform


_COMMENT = action_links.Field(
    "comment", "rsvp.field.comment", required=False, max_length=COMMENT_MAX
)

for _answer in LINK_ANSWERS:  # no "maybe" link: the invitation asks for a decision
    action_links.register(
        action_links.Purpose(
            name=f"rsvp.{_answer}",
            entity=Meeting,
            title_key="rsvp.link.title",
            confirm_key=f"rsvp.link.confirm.{_answer}",
            button_key=f"rsvp.link.button.{_answer}",
            describe=_describe,
            perform=_performer(_answer),
            expiry=lambda meeting: meeting.starts_at,
            closed=_closed,
            fields=(
                (
                    action_links.Field("deputy", "rsvp.field.deputy", choices=_deputy_choices),
                    _COMMENT,
                )
                if _answer == "deputy"
                else (_COMMENT,)
            ),
        )
    )


def invitation_links(uow: UnitOfWork, meeting: Meeting, person: Person) -> dict[str, str] | None:
    """The invitation's three links for *person* (markers the dispatcher fills), valid
    until the meeting starts; None for someone who does not answer for a member."""
    day = meeting.starts_at.astimezone(BERLIN).date()
    if not access.organisations_of(uow.session, person, meeting.committee, day):
        return None
    return {
        answer: action_links.issue(
            uow,
            person=person,
            purpose=f"rsvp.{answer}",
            entity=meeting,
            expires_at=meeting.starts_at,
            committee_id=meeting.committee_id,
        )
        for answer in LINK_ANSWERS
    }
