"""Calendar subscriptions (Kalender-Abos): secret iCalendar feed addresses.

Three kinds of feed, each an address of its own per subscriber:

- ``committee``: the meetings of one committee, for its chair, secretariat,
  representatives, deputies and advisory members (``calendar.subscribe``);
- ``area``: the meetings of every committee of an action area, for its
  coordinators (governance/services/programmes.py, reads/programmes.py);
- ``person``: the meetings the person is invited to (as gremium's invitations
  go out: representatives and deputies of every member, and the secretariat),
  in all their committees, for that person only.

The rules:

- the token is random (``secrets``, 32 bytes) and shown once, when the address
  is made; only its SHA-256 is stored (as for sign-in links and action links);
- renewing revokes the old address (it answers 404 from then on) and makes a
  new one; both are audited, never with the token;
- reading a feed changes nothing and is decided anew on every request: a
  person who no longer holds the role gets 404, as for an unknown token;
- a feed shows meetings starting from :data:`WINDOW_PAST` ago to
  :data:`WINDOW_AHEAD` ahead (at most ``reads.calendar_feed.MAX_ENTRIES``),
  each meeting with its proposal deadline (a point in time) and its minutes'
  objection period (all-day days); a cancelled meeting stays, as CANCELLED;
- a meeting's UID and SEQUENCE are those of its invitation mails
  (``meeting-<id>@<domain>``, ``meetings.sequence``), so a calendar that has
  both sees one meeting;
- no person and no address appears in any feed.

What a feed shows is built in services/calendar_content.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.domain.permissions import allowed_roles
from governance.errors import InvalidInput, NotPermitted
from governance.i18n import translate
from governance.models import ActionArea, AreaCoordinator, CalendarFeed, Committee, Person
from governance.reads import programmes as programmes_read
from governance.services import access, directory, programmes
from governance.unit_of_work import UnitOfWork

PATH = "/calendar/"
"""Where feeds are served: ``<base_url>/calendar/<token>.ics``."""
FALLBACK_BASE_URL = "http://127.0.0.1:8000"
TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 100
"""A longer "token" is not looked up at all."""
WINDOW_PAST = dt.timedelta(days=366)
WINDOW_AHEAD = dt.timedelta(days=731)
ENTITY = CalendarFeed.__tablename__
ACTION = "calendar.subscribe"
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""The stamp of an entry that has no change on record (rows made before the audit trail)."""


class FeedKind(enum.StrEnum):
    COMMITTEE = "committee"
    AREA = "area"
    PERSON = "person"


def area_committee_ids(session: Session, area_id: int) -> list[int]:
    """The committees of action area *area_id* (the one answer of reads/programmes.py)."""
    return programmes_read.committee_ids_of_area(session.connection(), area_id)


def areas_coordinated(session: Session, person_id: int) -> dict[int, str]:
    """The action areas *person_id* coordinates: id -> name."""
    rows = session.execute(
        select(ActionArea.id, ActionArea.name)
        .join(AreaCoordinator, AreaCoordinator.area_id == ActionArea.id)
        .where(AreaCoordinator.person_id == person_id)
        .order_by(ActionArea.position, ActionArea.id)
    ).all()
    return {int(i): str(name) for i, name in rows}


@dataclasses.dataclass(frozen=True)
class Offer:
    """A feed the acting person may subscribe to, and whether they have an address for it."""

    kind: str
    scope_id: int
    label: str
    issued_at: dt.datetime | None
    """When the current address was made; None: none yet."""


@dataclasses.dataclass(frozen=True)
class Issued:
    """A new address (the only moment its token is known)."""

    kind: str
    scope_id: int
    label: str
    url: str
    created_at: dt.datetime
    renewed: bool


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def feed_url(base_url: str | None, token: str) -> str:
    return f"{(base_url or FALLBACK_BASE_URL).rstrip('/')}{PATH}{token}.ics"


# --- who may have which feed ---


def _may_committee(session: Session, person: Person, committee: Committee, on: dt.date) -> bool:
    return bool(access.roles_of(session, person, committee, on) & allowed_roles(ACTION))


def offers(uow: UnitOfWork) -> list[Offer]:
    """Every feed the acting person may subscribe to: their own, their committees', their areas'."""
    person = _acting(uow)
    issued = _active(uow.session, person.id)
    found = [
        Offer(
            FeedKind.PERSON,
            person.id,
            translate("calendar.label.person", uow.lang, name=person.name),
            issued.get((FeedKind.PERSON, person.id)),
        )
    ]
    for committee, roles in access.committees_of(uow.session, person, uow.today):
        if roles & allowed_roles(ACTION):
            key = (FeedKind.COMMITTEE, committee.id)
            found.append(Offer(FeedKind.COMMITTEE, committee.id, committee.name, issued.get(key)))
    for area_id, name in areas_coordinated(uow.session, person.id).items():
        found.append(Offer(FeedKind.AREA, area_id, name, issued.get((FeedKind.AREA, area_id))))
    return found


def _active(session: Session, person_id: int) -> dict[tuple[str, int], dt.datetime]:
    rows = session.execute(
        select(CalendarFeed.kind, CalendarFeed.scope_id, CalendarFeed.created_at).where(
            CalendarFeed.person_id == person_id, CalendarFeed.revoked_at.is_(None)
        )
    ).all()
    return {(kind, scope_id): created_at for kind, scope_id, created_at in rows}


def _acting(uow: UnitOfWork) -> Person:
    person = uow.person()
    if person is None:
        raise InvalidInput("calendar.error.no_person")
    return person


def _kind(kind: str) -> FeedKind:
    try:
        return FeedKind(str(kind).strip().lower())
    except ValueError:
        raise InvalidInput(
            "calendar.error.kind", kind=kind, allowed=", ".join(k.value for k in FeedKind)
        ) from None


def _scope(
    uow: UnitOfWork, person: Person, kind: FeedKind, ref: str | int | None
) -> tuple[int, str, int | None]:
    """(scope id, label, committee id for the audit) of the feed *kind* / *ref*, if the
    acting *person* may have it; refused (and the refusal audited by the front) otherwise."""
    if kind == FeedKind.PERSON:
        if ref not in (None, "", person.id, str(person.id), person.email):
            raise NotPermitted("calendar.error.own_only")
        return person.id, translate("calendar.label.person", uow.lang, name=person.name), None
    if kind == FeedKind.COMMITTEE:
        committee = directory.committee_by_ref(uow.session, ref)
        access.check(uow, ACTION, committee, entity_type=ENTITY)
        return committee.id, committee.name, committee.id
    area = programmes.area_by_ref(uow.session, ref if ref is not None else "")
    if area.id not in areas_coordinated(uow.session, person.id):
        raise NotPermitted("calendar.error.coordinator_only", area=area.name).concerning(
            entity_type="action_areas", entity_id=area.id, action=ACTION, committee_id=None
        )
    area_id, name = area.id, area.name
    return area_id, name, None


def issue(
    uow: UnitOfWork,
    kind: str,
    ref: str | int | None = None,
    *,
    renew: bool = False,
    base_url: str | None = None,
) -> Issued:
    """Make the acting person's address of the feed *kind* (*ref*: the committee or area as
    typed; none for one's own feed). With *renew* the current address stops working;
    without it an existing address is refused (its token is not stored, so it cannot be shown
    again: renewing is the way to a new one)."""
    person = _acting(uow)
    feed_kind = _kind(kind)
    scope_id, label, committee_id = _scope(uow, person, feed_kind, ref)
    uow.lock(person)
    current = list(
        uow.session.execute(
            select(CalendarFeed).where(
                CalendarFeed.person_id == person.id,
                CalendarFeed.kind == feed_kind.value,
                CalendarFeed.scope_id == scope_id,
                CalendarFeed.revoked_at.is_(None),
            )
        ).scalars()
    )
    if current and not renew:
        raise InvalidInput(
            "calendar.error.exists",
            label=label,
            since=current[0].created_at.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M"),
        )
    for old in current:
        old.revoked_at = uow.now
    token = secrets.token_urlsafe(TOKEN_BYTES)
    feed = CalendarFeed(
        person_id=person.id,
        kind=feed_kind.value,
        scope_id=scope_id,
        token_sha256=digest(token),
        created_at=uow.now,
        revoked_at=None,
    )
    uow.session.add(feed)
    uow.session.flush()
    uow.audit(
        entity_type=ENTITY,
        entity_id=feed.id,
        committee_id=committee_id,
        action="calendar.renew" if current else "calendar.issue",
        details={
            "kind": feed_kind.value,
            "scope_id": scope_id,
            "revoked": [old.id for old in current],
        },
    )
    return Issued(
        feed_kind.value, scope_id, label, feed_url(base_url, token), uow.now, bool(current)
    )


# --- serving a feed ---


@dataclasses.dataclass(frozen=True)
class Subscription:
    """A valid address: whose, of what, and which committees' meetings it shows."""

    kind: FeedKind
    person: Person
    scope_id: int
    label: str
    committee_ids: tuple[int, ...]


def subscription(session: Session, token: str, today: dt.date) -> Subscription | None:
    """The subscription of *token*, or None: unknown, renewed, or its person no longer
    may see it (one answer for all, so a guessed token learns nothing)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    feed = session.execute(
        select(CalendarFeed).where(CalendarFeed.token_sha256 == digest(token))
    ).scalar_one_or_none()
    if feed is None or feed.revoked_at is not None:
        return None
    person = feed.person
    if person.erased_at is not None:
        return None
    kind = FeedKind(feed.kind)
    if kind == FeedKind.PERSON:
        if feed.scope_id != person.id:
            return None
        return Subscription(
            kind,
            person,
            person.id,
            translate("calendar.label.person", person.language, name=person.name),
            (),
        )
    if kind == FeedKind.COMMITTEE:
        committee = session.get(Committee, feed.scope_id)
        if committee is None or not _may_committee(session, person, committee, today):
            return None
        return Subscription(kind, person, committee.id, committee.name, (committee.id,))
    areas = areas_coordinated(session, person.id)
    if feed.scope_id not in areas:
        return None
    return Subscription(
        kind,
        person,
        feed.scope_id,
        areas[feed.scope_id],
        tuple(area_committee_ids(session, feed.scope_id)),
    )
