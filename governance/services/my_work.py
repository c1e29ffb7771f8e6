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
from typing import Any

from sqlalchemy import and_, func, or_, select

from governance import horizon
from governance.domain.permissions import CommitteeRole
from governance.domain.rules import RulesOfProcedure
from governance.models import Capacity, Role
from governance.reads import tables
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
    more_administered: int = 0
    """Committees without a seat beyond the first :data:`ADMIN_LISTED` (counted, not listed)."""


ADMIN_LISTED = 50
"""How many committees without a seat an administrator's overview lists: the page stays
the same size with 10,000 committees (the rest are counted; ``gremium committee list``
lists them all). They are listed only, never searched for meetings or tasks."""


def waiting_for(uow: UnitOfWork) -> Overview:
    """The acting person's committees, next meetings and open tasks (by deadline)."""
    person = uow.person()
    if person is None:
        return Overview(0, "", (), (), ())
    session, today, now = uow.session, uow.today, uow.now

    # 1. the memberships the person acts in (with committee and organisation)
    roles: dict[int, set[CommitteeRole]] = defaultdict(set)
    orgs: dict[int, dict[int, str]] = defaultdict(dict)
    committees: dict[int, Any] = {}
    conn = session.connection()  # Core: the overview is the page everyone opens first
    ms, mp, cm, o = (
        tables.memberships.c,
        tables.membership_people.c,
        tables.committees.c,
        tables.organisations.c,
    )
    committee_columns = (cm.id, cm.short_name, cm.name, cm.rules_data)
    rows = conn.execute(
        select(
            ms.organisation_id,
            ms.role,
            ms.starts_on,
            ms.ends_on,
            mp.capacity,
            *committee_columns,
            o.short_name.label("organisation"),
        )
        .join_from(tables.memberships, tables.membership_people, mp.membership_id == ms.id)
        .join(tables.committees, cm.id == ms.committee_id)
        .join(tables.organisations, o.id == ms.organisation_id)
        .where(mp.person_id == person.id)
    ).all()
    for r in rows:
        if not (r.starts_on <= today and (r.ends_on is None or today < r.ends_on)):
            continue
        committees[r.id] = r
        roles[r.id].add(_role(r.role, r.capacity))
        orgs[r.id][r.organisation_id] = r.organisation
    # 2. the secretariats the person works in
    sm = tables.secretariat_members.c
    for row in conn.execute(
        select(*committee_columns)
        .join_from(tables.committees, tables.secretariat_members, sm.committee_id == cm.id)
        .where(sm.person_id == person.id)
    ):
        committees[row.id] = row
        roles[row.id].add(CommitteeRole.SECRETARIAT)
    # 3. an administrator administers every committee: the first of those without a seat
    # are listed with that role (where they have a seat, the seat's role says what they do)
    administered: dict[int, Any] = {}
    more_administered = 0
    if person.is_admin:
        without_seat = cm.id.not_in(list(committees))
        for row in conn.execute(
            select(*committee_columns)
            .where(without_seat)
            .order_by(func.lower(cm.short_name), cm.id)
            .limit(ADMIN_LISTED)
        ):
            administered[row.id] = row
            roles[row.id].add(CommitteeRole.ADMIN)
        if len(administered) == ADMIN_LISTED:
            total = conn.execute(
                select(func.count()).select_from(tables.committees).where(without_seat)
            ).scalar_one()
            more_administered = total - ADMIN_LISTED

    ids = list(committees)
    chairs = [c for c in ids if CommitteeRole.CHAIR in roles[c]]
    secretariats = [c for c in ids if CommitteeRole.SECRETARIAT in roles[c]]
    short = {c: committees[c].short_name for c in ids}
    rules = {c: RulesOfProcedure.from_dict(committees[c].rules_data or {}) for c in ids}
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
        for c in [
            *sorted(committees.values(), key=lambda c: c.short_name.lower()),
            *administered.values(),
        ]
    )
    return Overview(
        person_id=person.id,
        person_name=person.name,
        committees=mine,
        meetings=tuple(meetings),
        tasks=tuple(sorted(tasks, key=_urgency)),
        is_admin=person.is_admin,
        more_administered=more_administered,
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
    rows = (
        uow.session.connection()
        .execute(
            select(
                tables.meetings.c.id,
                tables.meetings.c.committee_id,
                tables.meetings.c.title,
                tables.meetings.c.starts_at,
                tables.meetings.c.ends_at,
                tables.meetings.c.location,
                tables.meetings.c.state,
            )
            .where(
                tables.meetings.c.committee_id.in_(ids),
                tables.meetings.c.state.in_(UPCOMING_STATES),
            )
            .where(
                or_(tables.meetings.c.state == "in_session", tables.meetings.c.ends_at >= uow.now)
            )
            .order_by(tables.meetings.c.starts_at, tables.meetings.c.id)
            .limit(NEXT_MEETINGS)
        )
        .all()
    )
    for r in rows:  # a meeting leaves the list when it has ended (a page kept till then)
        horizon.note(r.ends_at)
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
    rows = (
        uow.session.connection()
        .execute(
            select(
                tables.agreements.c.committee_id,
                tables.agreements.c.title,
                tables.agreement_versions.c.agreement_id,
                tables.agreement_versions.c.number,
                tables.agreement_versions.c.effective_from,
                tables.agreement_parties.c.organisation_id,
            )
            .join_from(
                tables.agreement_parties,
                tables.agreement_versions,
                tables.agreement_versions.c.id == tables.agreement_parties.c.version_id,
            )
            .join(
                tables.agreements,
                tables.agreements.c.id == tables.agreement_versions.c.agreement_id,
            )
            .outerjoin(
                tables.signatures,
                and_(
                    tables.signatures.c.version_id == tables.agreement_versions.c.id,
                    tables.signatures.c.organisation_id
                    == tables.agreement_parties.c.organisation_id,
                ),
            )
            .where(
                tables.agreements.c.committee_id.in_(list(orgs)),
                tables.agreement_versions.c.state == "open_for_signature",
                tables.agreement_parties.c.organisation_id.in_(org_ids),
                tables.signatures.c.id.is_(None),
            )
            .order_by(tables.agreement_versions.c.id, tables.agreement_parties.c.organisation_id)
        )
        .all()
    )
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
    owner = tables.action_items.c.owner_person_id == person_id
    if org_ids:
        owner = or_(owner, tables.action_items.c.owner_organisation_id.in_(org_ids))
    rows = (
        uow.session.connection()
        .execute(
            select(
                tables.action_items.c.id,
                tables.action_items.c.committee_id,
                tables.action_items.c.meeting_id,
                tables.action_items.c.what,
                tables.action_items.c.due_on,
                tables.action_items.c.owner_organisation_id,
                tables.action_items.c.owner_person_id,
            )
            .where(
                tables.action_items.c.committee_id.in_(list(short)),
                tables.action_items.c.state == "open",
                owner,
            )
            .order_by(tables.action_items.c.due_on, tables.action_items.c.id)
        )
        .all()
    )
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
    rows = (
        uow.session.connection()
        .execute(
            select(
                tables.meetings.c.id,
                tables.meetings.c.committee_id,
                tables.meetings.c.title,
                tables.meetings.c.invitation_at,
                func.count(tables.agenda_items.c.id).label("how_many"),
            )
            .join_from(
                tables.meetings,
                tables.agenda_items,
                tables.agenda_items.c.meeting_id == tables.meetings.c.id,
            )
            .where(
                tables.meetings.c.committee_id.in_(chairs),
                tables.meetings.c.state.in_(UPCOMING_STATES),
                tables.agenda_items.c.status == "proposed",
            )
            .group_by(
                tables.meetings.c.id,
                tables.meetings.c.committee_id,
                tables.meetings.c.title,
                tables.meetings.c.invitation_at,
            )
            .order_by(tables.meetings.c.invitation_at, tables.meetings.c.id)
        )
        .all()
    )
    for r in rows:  # overdue from then on
        horizon.note(r.invitation_at)
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
    rows = (
        uow.session.connection()
        .execute(
            select(
                tables.meetings.c.id,
                tables.meetings.c.committee_id,
                tables.meetings.c.title,
                tables.meetings.c.minutes_due_at,
            )
            .outerjoin_from(
                tables.meetings, tables.minutes, tables.minutes.c.meeting_id == tables.meetings.c.id
            )
            .where(
                tables.meetings.c.committee_id.in_(writers),
                tables.meetings.c.state == "closed",
                or_(tables.minutes.c.id.is_(None), tables.minutes.c.state == "drafting"),
            )
            .order_by(tables.meetings.c.minutes_due_at, tables.meetings.c.id)
        )
        .all()
    )
    for r in rows:  # overdue from then on
        horizon.note(r.minutes_due_at)
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
        select(tables.minutes_objections.c.id)
        .where(
            tables.minutes_objections.c.minutes_id == tables.minutes.c.id,
            tables.minutes_objections.c.resolved.is_(False),
        )
        .exists()
    )
    rows = (
        uow.session.connection()
        .execute(
            select(
                tables.meetings.c.id,
                tables.meetings.c.committee_id,
                tables.meetings.c.title,
                tables.minutes.c.objection_deadline_at,
            )
            .join_from(
                tables.meetings, tables.minutes, tables.minutes.c.meeting_id == tables.meetings.c.id
            )
            .where(
                tables.minutes.c.committee_id.in_(chairs),
                tables.minutes.c.state == "circulated",
                ~open_objection,
            )
            .order_by(tables.minutes.c.objection_deadline_at, tables.meetings.c.id)
        )
        .all()
    )
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
        if rules[r.committee_id].tacit_approval and _period_over(r.objection_deadline_at, now)
    ]


def _period_over(deadline: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether the objection period has ended (compared here, not in SQL: the minutes
    still in their period are read too, so that the page's horizon knows when they come)."""
    if deadline is None:
        return False
    if deadline < now:
        return True
    horizon.note(deadline)
    return False


def _objections(uow: UnitOfWork, chairs: list[int], short: dict[int, str]) -> list[Task]:
    rows = (
        uow.session.connection()
        .execute(
            select(
                tables.meetings.c.id,
                tables.meetings.c.committee_id,
                tables.meetings.c.title,
                func.count(tables.minutes_objections.c.id).label("how_many"),
            )
            .join_from(
                tables.meetings, tables.minutes, tables.minutes.c.meeting_id == tables.meetings.c.id
            )
            .join(
                tables.minutes_objections,
                tables.minutes_objections.c.minutes_id == tables.minutes.c.id,
            )
            .where(
                tables.minutes.c.committee_id.in_(chairs),
                tables.minutes_objections.c.resolved.is_(False),
            )
            .group_by(tables.meetings.c.id, tables.meetings.c.committee_id, tables.meetings.c.title)
            .order_by(tables.meetings.c.id)
        )
        .all()
    )
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
