"""What waits for the acting person: the read model of the overview page.

One function, :func:`waiting_for`, gathers the person's committees (with
their roles), the next meetings and the open tasks with their deadlines.
It runs a fixed number of statements however many committees, meetings or
tasks there are: each kind of task is one query over all the person's
committees at once, never one per committee (the overview is the page every
person opens first; tests/web/test_overview.py counts the statements).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from sqlalchemy import and_, func, or_, select

from governance.domain.permissions import CommitteeRole
from governance.domain.rules import RulesOfProcedure
from governance.models import (
    ActionItem,
    AgendaItem,
    Agreement,
    AgreementParty,
    AgreementVersion,
    Capacity,
    Committee,
    Meeting,
    Membership,
    MembershipPerson,
    Minutes,
    MinutesObjection,
    Organisation,
    Role,
    SecretariatMember,
    Signature,
)
from governance.unit_of_work import UnitOfWork

NEXT_MEETINGS = 10
"""How many upcoming meetings the overview lists (across all committees)."""

UPCOMING_STATES = ("planned", "convened", "in_session")


@dataclasses.dataclass(frozen=True)
class MyCommittee:
    id: int
    short_name: str
    name: str
    roles: tuple[CommitteeRole, ...]
    organisations: tuple[str, ...]
    """The organisations the person acts for in it (short names)."""


@dataclasses.dataclass(frozen=True)
class UpcomingMeeting:
    id: int
    committee_id: int
    committee: str
    title: str
    starts_at: dt.datetime
    location: str
    state: str


@dataclasses.dataclass(frozen=True)
class Task:
    """One thing that waits for the person, with its deadline (None: none set)."""

    kind: str
    """signature | proposals | minutes_write | minutes_approve | objection | action_item"""
    committee_id: int
    committee: str
    subject: str
    """What it concerns, as shown (a meeting's title, an agreement's version, an item's text)."""
    deadline: dt.datetime | dt.date | None
    overdue: bool
    meeting_id: int | None = None
    count: int = 1
    """How many of the kind it stands for (proposals of one meeting)."""
    organisation: str = ""
    """The organisation it is owed by (signatures, action items)."""

    @property
    def by_day(self) -> bool:
        """Whether the deadline is a day (action items, entry into force), not a moment."""
        return self.deadline is not None and not isinstance(self.deadline, dt.datetime)


@dataclasses.dataclass(frozen=True)
class Overview:
    person_id: int
    person_name: str
    committees: tuple[MyCommittee, ...]
    meetings: tuple[UpcomingMeeting, ...]
    tasks: tuple[Task, ...]
    is_admin: bool = False
    """An installation administrator: every committee is theirs to administer."""


def waiting_for(uow: UnitOfWork) -> Overview:
    """The acting person's committees, next meetings and open tasks (by deadline)."""
    person = uow.person()
    if person is None:
        return Overview(0, "", (), (), ())
    session, today, now = uow.session, uow.today, uow.now

    # 1. the memberships the person acts in (with committee and organisation)
    roles: dict[int, set[CommitteeRole]] = defaultdict(set)
    orgs: dict[int, dict[int, str]] = defaultdict(dict)
    committees: dict[int, Committee] = {}
    rows = session.execute(
        select(Membership, MembershipPerson.capacity, Committee, Organisation.short_name)
        .join(MembershipPerson, MembershipPerson.membership_id == Membership.id)
        .join(Committee, Committee.id == Membership.committee_id)
        .join(Organisation, Organisation.id == Membership.organisation_id)
        .where(MembershipPerson.person_id == person.id)
    ).all()
    for membership, capacity, committee, org_short in rows:
        if not membership.is_current(today):
            continue
        committees[committee.id] = committee
        roles[committee.id].add(_role(membership.role, capacity))
        orgs[committee.id][membership.organisation_id] = org_short
    # 2. the secretariats the person works in
    for committee in session.execute(
        select(Committee)
        .join(SecretariatMember, SecretariatMember.committee_id == Committee.id)
        .where(SecretariatMember.person_id == person.id)
    ).scalars():
        committees[committee.id] = committee
        roles[committee.id].add(CommitteeRole.SECRETARIAT)
    # 3. an administrator administers every committee: those without a seat are listed
    # with that role (where they have a seat, the seat's role says what they do there)
    if person.is_admin:
        for committee in session.execute(select(Committee)).scalars():
            if committee.id not in committees:
                committees[committee.id] = committee
                roles[committee.id].add(CommitteeRole.ADMIN)

    ids = list(committees)
    chairs = [c for c in ids if CommitteeRole.CHAIR in roles[c]]
    secretariats = [c for c in ids if CommitteeRole.SECRETARIAT in roles[c]]
    short = {c: committees[c].short_name for c in ids}
    rules = {c: committees[c].rules for c in ids}
    tasks: list[Task] = []
    meetings: list[UpcomingMeeting] = []
    if ids:
        meetings = _next_meetings(uow, ids, short)
        tasks += _signatures_owed(uow, orgs, short)
        tasks += _action_items(uow, person.id, orgs, short, today)
    if chairs:
        tasks += _proposals(uow, chairs, short, now)
        tasks += _objections(uow, chairs, short)
        tasks += _minutes_to_approve(uow, chairs, short, rules, now)
    if secretariats:
        tasks += _minutes_to_write(uow, secretariats, short, now)

    mine = tuple(
        MyCommittee(
            id=c.id,
            short_name=c.short_name,
            name=c.name,
            roles=tuple(sorted(roles[c.id])),
            organisations=tuple(sorted(orgs[c.id].values())),
        )
        for c in sorted(committees.values(), key=lambda c: c.short_name.lower())
    )
    return Overview(
        person_id=person.id,
        person_name=person.name,
        committees=mine,
        meetings=tuple(meetings),
        tasks=tuple(sorted(tasks, key=_urgency)),
        is_admin=person.is_admin,
    )


def _role(role: str, capacity: str) -> CommitteeRole:
    if role == Role.CHAIR:
        return CommitteeRole.CHAIR
    if role == Role.MEMBER:
        return (
            CommitteeRole.REPRESENTATIVE
            if capacity == Capacity.REPRESENTATIVE
            else CommitteeRole.DEPUTY
        )
    return CommitteeRole.ADVISORY if role == Role.ADVISORY else CommitteeRole.GUEST


def _urgency(task: Task) -> tuple[int, str, str]:
    """Overdue first, then by deadline; tasks without one last."""
    if task.deadline is None:
        return (2, "", task.subject)
    moment = task.deadline
    key = moment.isoformat() if isinstance(moment, dt.datetime) else f"{moment.isoformat()}T24"
    return (0 if task.overdue else 1, key, task.subject)


def _next_meetings(uow: UnitOfWork, ids: list[int], short: dict[int, str]) -> list[UpcomingMeeting]:
    rows = uow.session.execute(
        select(
            Meeting.id,
            Meeting.committee_id,
            Meeting.title,
            Meeting.starts_at,
            Meeting.location,
            Meeting.state,
        )
        .where(Meeting.committee_id.in_(ids), Meeting.state.in_(UPCOMING_STATES))
        .where(or_(Meeting.state == "in_session", Meeting.ends_at >= uow.now))
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(NEXT_MEETINGS)
    ).all()
    return [
        UpcomingMeeting(
            id=r.id,
            committee_id=r.committee_id,
            committee=short[r.committee_id],
            title=r.title,
            starts_at=r.starts_at,
            location=r.location,
            state=r.state,
        )
        for r in rows
    ]


def _signatures_owed(
    uow: UnitOfWork, orgs: dict[int, dict[int, str]], short: dict[int, str]
) -> list[Task]:
    """Open versions whose party is an organisation the person acts for, not yet signed."""
    org_ids = {o for per in orgs.values() for o in per}
    if not org_ids:
        return []
    rows = uow.session.execute(
        select(
            Agreement.committee_id,
            Agreement.title,
            AgreementVersion.agreement_id,
            AgreementVersion.number,
            AgreementVersion.effective_from,
            AgreementParty.organisation_id,
        )
        .join(AgreementVersion, AgreementVersion.id == AgreementParty.version_id)
        .join(Agreement, Agreement.id == AgreementVersion.agreement_id)
        .outerjoin(
            Signature,
            and_(
                Signature.version_id == AgreementVersion.id,
                Signature.organisation_id == AgreementParty.organisation_id,
            ),
        )
        .where(
            Agreement.committee_id.in_(list(orgs)),
            AgreementVersion.state == "open_for_signature",
            AgreementParty.organisation_id.in_(org_ids),
            Signature.id.is_(None),
        )
        .order_by(AgreementVersion.id, AgreementParty.organisation_id)
    ).all()
    today = uow.today
    return [
        Task(
            kind="signature",
            committee_id=r.committee_id,
            committee=short[r.committee_id],
            subject=f"{r.title} ({r.agreement_id}/{r.number})",
            deadline=r.effective_from,
            overdue=r.effective_from is not None and r.effective_from < today,
            organisation=orgs[r.committee_id][r.organisation_id],
        )
        for r in rows
        # a party the person acts for in *this* committee
        if r.organisation_id in orgs.get(r.committee_id, {})
    ]


def _action_items(
    uow: UnitOfWork,
    person_id: int,
    orgs: dict[int, dict[int, str]],
    short: dict[int, str],
    today: dt.date,
) -> list[Task]:
    org_ids = {o for per in orgs.values() for o in per}
    owner = ActionItem.owner_person_id == person_id
    if org_ids:
        owner = or_(owner, ActionItem.owner_organisation_id.in_(org_ids))
    rows = uow.session.execute(
        select(
            ActionItem.id,
            ActionItem.committee_id,
            ActionItem.meeting_id,
            ActionItem.what,
            ActionItem.due_on,
            ActionItem.owner_organisation_id,
            ActionItem.owner_person_id,
        )
        .where(ActionItem.committee_id.in_(list(short)), ActionItem.state == "open", owner)
        .order_by(ActionItem.due_on, ActionItem.id)
    ).all()
    return [
        Task(
            kind="action_item",
            committee_id=r.committee_id,
            committee=short[r.committee_id],
            subject=r.what,
            deadline=r.due_on,
            overdue=r.due_on < today,
            meeting_id=r.meeting_id,
            organisation=orgs.get(r.committee_id, {}).get(r.owner_organisation_id or 0, ""),
        )
        for r in rows
        if r.owner_person_id == person_id
        or (r.owner_organisation_id in orgs.get(r.committee_id, {}))
    ]


def _proposals(
    uow: UnitOfWork, chairs: list[int], short: dict[int, str], now: dt.datetime
) -> list[Task]:
    """Proposals the chair still has to accept, reject or defer, one task per meeting;
    due by the invitation (the agenda goes out with it)."""
    rows = uow.session.execute(
        select(
            Meeting.id,
            Meeting.committee_id,
            Meeting.title,
            Meeting.invitation_at,
            func.count(AgendaItem.id).label("how_many"),
        )
        .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
        .where(
            Meeting.committee_id.in_(chairs),
            Meeting.state.in_(UPCOMING_STATES),
            AgendaItem.status == "proposed",
        )
        .group_by(Meeting.id, Meeting.committee_id, Meeting.title, Meeting.invitation_at)
        .order_by(Meeting.invitation_at, Meeting.id)
    ).all()
    return [
        Task(
            kind="proposals",
            committee_id=r.committee_id,
            committee=short[r.committee_id],
            subject=r.title,
            deadline=r.invitation_at,
            overdue=r.invitation_at < now,
            meeting_id=r.id,
            count=int(r.how_many),
        )
        for r in rows
    ]


def _minutes_to_write(
    uow: UnitOfWork, writers: list[int], short: dict[int, str], now: dt.datetime
) -> list[Task]:
    """Closed meetings whose minutes are not started or are being drafted."""
    rows = uow.session.execute(
        select(Meeting.id, Meeting.committee_id, Meeting.title, Meeting.minutes_due_at)
        .outerjoin(Minutes, Minutes.meeting_id == Meeting.id)
        .where(
            Meeting.committee_id.in_(writers),
            Meeting.state == "closed",
            or_(Minutes.id.is_(None), Minutes.state == "drafting"),
        )
        .order_by(Meeting.minutes_due_at, Meeting.id)
    ).all()
    return [
        Task(
            kind="minutes_write",
            committee_id=r.committee_id,
            committee=short[r.committee_id],
            subject=r.title,
            deadline=r.minutes_due_at,
            overdue=r.minutes_due_at < now,
            meeting_id=r.id,
        )
        for r in rows
    ]


def _minutes_to_approve(
    uow: UnitOfWork,
    chairs: list[int],
    short: dict[int, str],
    rules: dict[int, RulesOfProcedure],
    now: dt.datetime,
) -> list[Task]:
    """Circulated minutes the chair may approve: the rules allow it without a vote,
    the objection period is over and no objection is open (the guards of approve)."""
    open_objection = (
        select(MinutesObjection.id)
        .where(MinutesObjection.minutes_id == Minutes.id, MinutesObjection.resolved.is_(False))
        .exists()
    )
    rows = uow.session.execute(
        select(Meeting.id, Meeting.committee_id, Meeting.title, Minutes.objection_deadline_at)
        .join(Minutes, Minutes.meeting_id == Meeting.id)
        .where(
            Minutes.committee_id.in_(chairs),
            Minutes.state == "circulated",
            Minutes.objection_deadline_at < now,
            ~open_objection,
        )
        .order_by(Minutes.objection_deadline_at, Meeting.id)
    ).all()
    return [
        Task(
            kind="minutes_approve",
            committee_id=r.committee_id,
            committee=short[r.committee_id],
            subject=r.title,
            deadline=r.objection_deadline_at,
            overdue=False,
            meeting_id=r.id,
        )
        for r in rows
        if rules[r.committee_id].tacit_approval
    ]


def _objections(uow: UnitOfWork, chairs: list[int], short: dict[int, str]) -> list[Task]:
    rows = uow.session.execute(
        select(
            Meeting.id,
            Meeting.committee_id,
            Meeting.title,
            func.count(MinutesObjection.id).label("how_many"),
        )
        .join(Minutes, Minutes.meeting_id == Meeting.id)
        .join(MinutesObjection, MinutesObjection.minutes_id == Minutes.id)
        .where(Minutes.committee_id.in_(chairs), MinutesObjection.resolved.is_(False))
        .group_by(Meeting.id, Meeting.committee_id, Meeting.title)
        .order_by(Meeting.id)
    ).all()
    return [
        Task(
            kind="objection",
            committee_id=r.committee_id,
            committee=short[r.committee_id],
            subject=r.title,
            deadline=None,
            overdue=False,
            meeting_id=r.id,
            count=int(r.how_many),
        )
        for r in rows
    ]
