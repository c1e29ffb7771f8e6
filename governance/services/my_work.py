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

from sqlalchemy import Integer, and_, bindparam, func, or_, select

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

# The statements are built once, here: building a select and generating its cache key on
# every call cost as much CPU as running it (the overview is the page everyone opens first,
# and a cold page after every write). Lists are expanding bind parameters.
_ms, _mp, _cm, _o = (
    tables.memberships.c,
    tables.membership_people.c,
    tables.committees.c,
    tables.organisations.c,
)
_COMMITTEE_COLUMNS = (_cm.id, _cm.short_name, _cm.name, _cm.rules_data)
_SEATS = (
    select(
        _ms.organisation_id,
        _ms.role,
        _ms.starts_on,
        _ms.ends_on,
        _mp.capacity,
        *_COMMITTEE_COLUMNS,
        _o.short_name.label("organisation"),
    )
    .join_from(tables.memberships, tables.membership_people, _mp.membership_id == _ms.id)
    .join(tables.committees, _cm.id == _ms.committee_id)
    .join(tables.organisations, _o.id == _ms.organisation_id)
    .where(_mp.person_id == bindparam("person_id"))
)
_SECRETARIATS = (
    select(*_COMMITTEE_COLUMNS)
    .join_from(
        tables.committees,
        tables.secretariat_members,
        tables.secretariat_members.c.committee_id == _cm.id,
    )
    .where(tables.secretariat_members.c.person_id == bindparam("person_id"))
)
_WITHOUT_SEAT = _cm.id.not_in(bindparam("seated", expanding=True))
_ADMINISTERED = (
    select(*_COMMITTEE_COLUMNS)
    .where(_WITHOUT_SEAT)
    .order_by(func.lower(_cm.short_name), _cm.id)
    .limit(bindparam("listed", type_=Integer))
)
_ADMINISTERED_TOTAL = select(func.count()).select_from(tables.committees).where(_WITHOUT_SEAT)


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
    rows = conn.execute(_SEATS, {"person_id": person.id}).all()
    for r in rows:
        if not (r.starts_on <= today and (r.ends_on is None or today < r.ends_on)):
            continue
        committees[r.id] = r
        roles[r.id].add(_role(r.role, r.capacity))
        orgs[r.id][r.organisation_id] = r.organisation
    # 2. the secretariats the person works in
    for row in conn.execute(_SECRETARIATS, {"person_id": person.id}):
        committees[row.id] = row
        roles[row.id].add(CommitteeRole.SECRETARIAT)
    # 3. an administrator administers every committee: the first of those without a seat
    # are listed with that role (where they have a seat, the seat's role says what they do)
    administered: dict[int, Any] = {}
    more_administered = 0
    if person.is_admin:
        seated = {"seated": list(committees)}
        for row in conn.execute(_ADMINISTERED, {**seated, "listed": ADMIN_LISTED}):
            administered[row.id] = row
            roles[row.id].add(CommitteeRole.ADMIN)
        if len(administered) == ADMIN_LISTED:
            total = conn.execute(_ADMINISTERED_TOTAL, seated).scalar_one()
            more_administered = total - ADMIN_LISTED

    ids = list(committees)
    chairs = [c for c in ids if CommitteeRole.CHAIR in roles[c]]
    secretariats = [c for c in ids if CommitteeRole.SECRETARIAT in roles[c]]
    short = {c: committees[c].short_name for c in ids}
    # only the chairs' rules are asked (whether minutes are approved without a vote)
    rules = {c: RulesOfProcedure.from_dict(committees[c].rules_data or {}) for c in chairs}
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


_m, _a = tables.meetings.c, tables.action_items.c
_NEXT_MEETINGS = (
    select(_m.id, _m.committee_id, _m.title, _m.starts_at, _m.ends_at, _m.location, _m.state)
    .where(
        _m.committee_id.in_(bindparam("ids", expanding=True)),
        _m.state.in_(UPCOMING_STATES),
    )
    .where(or_(_m.state == "in_session", _m.ends_at >= bindparam("now")))
    .order_by(_m.starts_at, _m.id)
    .limit(NEXT_MEETINGS)
)


def _next_meetings(uow: UnitOfWork, ids: list[int], short: dict[int, str]) -> list[UpcomingMeeting]:
    rows = uow.session.connection().execute(_NEXT_MEETINGS, {"ids": ids, "now": uow.now}).all()
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


_v, _ag, _pa, _sg = (
    tables.agreement_versions.c,
    tables.agreements.c,
    tables.agreement_parties.c,
    tables.signatures.c,
)
_SIGNATURES_OWED = (
    select(
        _ag.committee_id,
        _ag.title,
        _v.agreement_id,
        _v.number,
        _v.effective_from,
        _pa.organisation_id,
    )
    .join_from(tables.agreement_parties, tables.agreement_versions, _v.id == _pa.version_id)
    .join(tables.agreements, _ag.id == _v.agreement_id)
    .outerjoin(
        tables.signatures,
        and_(_sg.version_id == _v.id, _sg.organisation_id == _pa.organisation_id),
    )
    .where(
        _ag.committee_id.in_(bindparam("committees", expanding=True)),
        _v.state == "open_for_signature",
        _pa.organisation_id.in_(bindparam("organisations", expanding=True)),
        _sg.id.is_(None),
    )
    .order_by(_v.id, _pa.organisation_id)
)


def _signatures_owed(
    uow: UnitOfWork, orgs: dict[int, dict[int, str]], short: dict[int, str]
) -> list[Task]:
    """Open versions whose party is an organisation the person acts for, not yet signed."""
    org_ids = {o for per in orgs.values() for o in per}
    if not org_ids:
        return []
    rows = (
        uow.session.connection()
        .execute(_SIGNATURES_OWED, {"committees": list(orgs), "organisations": sorted(org_ids)})
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


_ACTION_ITEMS = (
    select(
        _a.id,
        _a.committee_id,
        _a.meeting_id,
        _a.what,
        _a.due_on,
        _a.owner_organisation_id,
        _a.owner_person_id,
    )
    .where(
        _a.committee_id.in_(bindparam("committees", expanding=True)),
        _a.state == "open",
        # an empty list of organisations matches none: then only the person's own
        or_(
            _a.owner_person_id == bindparam("person_id"),
            _a.owner_organisation_id.in_(bindparam("organisations", expanding=True)),
        ),
    )
    .order_by(_a.due_on, _a.id)
)


def _action_items(
    uow: UnitOfWork,
    person_id: int,
    orgs: dict[int, dict[int, str]],
    short: dict[int, str],
    today: dt.date,
) -> list[Task]:
    org_ids = sorted({o for per in orgs.values() for o in per})
    rows = (
        uow.session.connection()
        .execute(
            _ACTION_ITEMS,
            {"committees": list(short), "person_id": person_id, "organisations": org_ids},
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


_i, _mi, _mo = tables.agenda_items.c, tables.minutes.c, tables.minutes_objections.c
_PROPOSALS = (
    select(_m.id, _m.committee_id, _m.title, _m.invitation_at, func.count(_i.id).label("how_many"))
    .join_from(tables.meetings, tables.agenda_items, _i.meeting_id == _m.id)
    .where(
        _m.committee_id.in_(bindparam("chairs", expanding=True)),
        _m.state.in_(UPCOMING_STATES),
        _i.status == "proposed",
    )
    .group_by(_m.id, _m.committee_id, _m.title, _m.invitation_at)
    .order_by(_m.invitation_at, _m.id)
)


def _proposals(
    uow: UnitOfWork, chairs: list[int], short: dict[int, str], now: dt.datetime
) -> list[Task]:
    """Proposals the chair still has to accept, reject or defer, one task per meeting;
    due by the invitation (the agenda goes out with it)."""
    rows = uow.session.connection().execute(_PROPOSALS, {"chairs": chairs}).all()
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


_MINUTES_TO_WRITE = (
    select(_m.id, _m.committee_id, _m.title, _m.minutes_due_at)
    .outerjoin_from(tables.meetings, tables.minutes, _mi.meeting_id == _m.id)
    .where(
        _m.committee_id.in_(bindparam("writers", expanding=True)),
        _m.state == "closed",
        or_(_mi.id.is_(None), _mi.state == "drafting"),
    )
    .order_by(_m.minutes_due_at, _m.id)
)


def _minutes_to_write(
    uow: UnitOfWork, writers: list[int], short: dict[int, str], now: dt.datetime
) -> list[Task]:
    """Closed meetings whose minutes are not started or are being drafted."""
    rows = uow.session.connection().execute(_MINUTES_TO_WRITE, {"writers": writers}).all()
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


_OPEN_OBJECTION = select(_mo.id).where(_mo.minutes_id == _mi.id, _mo.resolved.is_(False)).exists()
_MINUTES_TO_APPROVE = (
    select(_m.id, _m.committee_id, _m.title, _mi.objection_deadline_at)
    .join_from(tables.meetings, tables.minutes, _mi.meeting_id == _m.id)
    .where(
        _mi.committee_id.in_(bindparam("chairs", expanding=True)),
        _mi.state == "circulated",
        ~_OPEN_OBJECTION,
    )
    .order_by(_mi.objection_deadline_at, _m.id)
)


def _minutes_to_approve(
    uow: UnitOfWork,
    chairs: list[int],
    short: dict[int, str],
    rules: dict[int, RulesOfProcedure],
    now: dt.datetime,
) -> list[Task]:
    """Circulated minutes the chair may approve: the rules allow it without a vote,
    the objection period is over and no objection is open (the guards of approve)."""
    rows = uow.session.connection().execute(_MINUTES_TO_APPROVE, {"chairs": chairs}).all()
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


_OBJECTIONS = (
    select(_m.id, _m.committee_id, _m.title, func.count(_mo.id).label("how_many"))
    .join_from(tables.meetings, tables.minutes, _mi.meeting_id == _m.id)
    .join(tables.minutes_objections, _mo.minutes_id == _mi.id)
    .where(
        _mi.committee_id.in_(bindparam("chairs", expanding=True)),
        _mo.resolved.is_(False),
    )
    .group_by(_m.id, _m.committee_id, _m.title)
    .order_by(_m.id)
)


def _objections(uow: UnitOfWork, chairs: list[int], short: dict[int, str]) -> list[Task]:
    rows = uow.session.connection().execute(_OBJECTIONS, {"chairs": chairs}).all()
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
