"""Signing in without a password: a one-time link by e-mail, then a session.

The rules live here so that every front (the web pages, later the links in
mails) applies the same ones:

- a link is 32 random bytes, stored only as its SHA-256, good for one use
  within :data:`LINK_MINUTES` minutes;
- asking for a link gives the same answer whether or not the address is
  known (nobody learns who has an account), but every request counts
  towards the limits per address and per client, known address or not;
- a session is a random value in a cookie, stored only as its SHA-256, with
  an idle and an absolute expiry; signing out revokes it;
- signing in, signing out and a refused link are on the audit trail with
  the person (``person:<id>``).

Only the simulated clock (a rehearsal, the demo) offers the list of people
to sign in as without a mail: :func:`people_to_sign_in_as` refuses on any
other clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import secrets
from typing import Any

from sqlalchemy import bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from governance import outbox
from governance.clock import SimulatedClock
from governance.database import Database
from governance.errors import InvalidInput, NotFound, NotPermitted, Text, TooManyRequests
from governance.models import (
    MembershipPerson,
    Person,
    SecretariatMember,
    SignInLink,
    SignInRequest,
    WebSession,
)
from governance.reads.tables import (
    committee_versions,
    data_version,
    meetings,
    membership_people,
    memberships,
    secretariat_members,
)
from governance.services import validation
from governance.unit_of_work import Actor, UnitOfWork

LINK_MINUTES = 15
"""How long a sign-in link is good for."""
LIMIT_WINDOW_MINUTES = 15
"""The window the request limits count in."""
LIMIT_PER_ADDRESS = 3
"""Links that may be asked for one address within the window."""
LIMIT_PER_CLIENT = 10
"""Requests one client (IP address) may make within the window."""
TOUCH_SECONDS = 60
"""A session's last activity is written at most this often (not on every page)."""
KEEP_ENDED = dt.timedelta(days=7)
"""Ended sessions and links are deleted this long after their end (they explain a
refusal meanwhile: "this link was used already")."""


@dataclasses.dataclass(frozen=True)
class SessionLifetime:
    """How long a session lasts: since the last request, and at most in all."""

    idle: dt.timedelta = dt.timedelta(hours=2)
    absolute: dt.timedelta = dt.timedelta(hours=12)


@dataclasses.dataclass(frozen=True)
class OpenedSession:
    """A new session: *token* goes into the cookie (and nowhere else)."""

    token: str
    csrf_token: str
    person_id: int
    expires_at: dt.datetime
    next_path: str = "/"


@dataclasses.dataclass(frozen=True)
class CurrentSession:
    """The session a request's cookie names, with its person."""

    session_id: int
    person_id: int
    person_name: str
    email: str
    language: str
    csrf_token: str
    last_seen_at: dt.datetime

    @property
    def name(self) -> str:
        return self.person_name


def digest(secret: str) -> str:
    """The SHA-256 (hex) stored in place of a secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def local_path(path: str | None) -> str:
    """*path* if it is a path on this site, else ``/`` (no redirect to another site)."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    if any(ch in path for ch in "\r\n\t") or not path.isprintable():
        return "/"
    return path


# --- asking for a link ---


def request_link(
    uow: UnitOfWork, *, email: str, client: str, base_url: str, next_path: str = "/"
) -> int | None:
    """Mail a sign-in link to *email* if it belongs to a person with a role.

    The same outcome for a known and an unknown address; the limits count
    both. *client* identifies the asking client (its IP address), *base_url*
    is where the link points (the configured address of the site, never the
    Host a request claims). The message is queued in this transaction;
    its outbox id is returned so that the front can send it at once after the
    commit (None: nothing queued). The front must not tell the difference.
    """
    address = validation.email(email, utf8_local=True)
    now = uow.now
    _count_request(uow, address, client, now)
    person = _person_with_role(uow.session, address)
    if person is None:
        return None
    uow.session.execute(delete(SignInLink).where(SignInLink.expires_at < now - KEEP_ENDED))
    token = secrets.token_urlsafe(32)
    link = SignInLink(
        token_sha256=digest(token),
        person_id=person.id,
        created_at=now,
        expires_at=now + dt.timedelta(minutes=LINK_MINUTES),
        next_path=local_path(next_path),
    )
    uow.session.add(link)
    uow.session.flush()
    message = outbox.queue(
        uow,
        notification="sign_in_link",
        recipient=person,
        context={
            "link": f"{base_url.rstrip('/')}/sign-in/{token}",
            "valid_until": link.expires_at.isoformat(),
            "minutes": LINK_MINUTES,
        },
        committee_id=None,
        # Not the link's row id: a database may give a deleted row's id to the next
        # link, and the outbox would take the new mail for the old one (never sent).
        revision=link.token_sha256[:32],
    )
    if message is None:
        return None
    uow.session.flush()
    return message.id


def _count_request(uow: UnitOfWork, address: str, client: str, now: dt.datetime) -> None:
    since = now - dt.timedelta(minutes=LIMIT_WINDOW_MINUTES)
    session = uow.session
    # What no longer counts is deleted: the table holds one window's requests.
    session.execute(delete(SignInRequest).where(SignInRequest.at < since))
    address_key, client_key = digest(address.lower()), digest(f"client:{client}")
    by_address, by_client = session.execute(
        select(
            select(func.count(SignInRequest.id))
            .where(SignInRequest.address_sha256 == address_key)
            .scalar_subquery(),
            select(func.count(SignInRequest.id))
            .where(SignInRequest.client_sha256 == client_key)
            .scalar_subquery(),
        )
    ).one()
    if by_address >= LIMIT_PER_ADDRESS or by_client >= LIMIT_PER_CLIENT:
        raise TooManyRequests(
            "web.sign_in.too_many",
            per_address=LIMIT_PER_ADDRESS,
            per_client=LIMIT_PER_CLIENT,
            minutes=LIMIT_WINDOW_MINUTES,
        )
    session.add(SignInRequest(address_sha256=address_key, client_sha256=client_key, at=now))


def has_role(session: Session, person: Person) -> bool:
    """Whether *person* may sign in: an administrator, or named in some committee."""
    if person.erased_at is not None:
        return False
    if person.is_admin:
        return True
    named = session.execute(
        select(MembershipPerson.id).where(MembershipPerson.person_id == person.id).limit(1)
    ).first()
    if named is not None:
        return True
    return (
        session.execute(
            select(SecretariatMember.id).where(SecretariatMember.person_id == person.id)
        ).first()
        is not None
    )


def _person_with_role(session: Session, address: str) -> Person | None:
    person = session.execute(
        select(Person).where(func.lower(Person.email) == address.lower())
    ).scalar_one_or_none()
    if person is None or not has_role(session, person):
        return None
    return person


# --- using a link ---


def check_link(uow: UnitOfWork, token: str) -> Person:
    """The person a link signs in, refusing a used, expired or unknown link (changes nothing).

    For the page a link opens: mail scanners open links too, so looking at
    a link never uses it; only :func:`redeem_link` does.
    """
    return _usable_link(uow, token)[1]


def redeem_link(uow: UnitOfWork, token: str, lifetime: SessionLifetime) -> OpenedSession:
    """Use the link *token* (once) and open a session for its person."""
    link, person = _usable_link(uow, token, lock=True)
    link.used_at = uow.now
    opened = open_session(uow, person, lifetime, how="link")
    return dataclasses.replace(opened, next_path=link.next_path)


def _usable_link(uow: UnitOfWork, token: str, lock: bool = False) -> tuple[SignInLink, Person]:
    stmt = select(SignInLink).where(SignInLink.token_sha256 == digest(token))
    if lock:
        stmt = stmt.with_for_update()
    link = uow.session.execute(stmt).scalar_one_or_none()
    if link is None:
        raise NotFound("web.sign_in.link_unknown")
    person = uow.session.get(Person, link.person_id)
    assert person is not None
    problem = None
    if link.used_at is not None:
        problem = "web.sign_in.link_used"
    elif uow.now >= link.expires_at:
        problem = "web.sign_in.link_expired"
    elif not has_role(uow.session, person):
        problem = "web.sign_in.no_role"
    if problem is not None:
        # On the record with the person the link was for (who may not be who clicked).
        uow.actor = Actor.of(person)
        raise NotPermitted(problem, minutes=LINK_MINUTES).concerning(
            entity_type="sign_in_links", entity_id=link.id, action="sign_in", committee_id=None
        )
    return link, person


# --- sessions ---


def open_session(
    uow: UnitOfWork, person: Person, lifetime: SessionLifetime, *, how: str
) -> OpenedSession:
    """Open a session for *person* (signed in by *how*: link, simulated)."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = uow.now
    uow.session.execute(
        delete(WebSession).where(
            or_(
                WebSession.expires_at < now - KEEP_ENDED,
                WebSession.revoked_at < now - KEEP_ENDED,
                WebSession.last_seen_at < now - KEEP_ENDED - lifetime.idle,
            )
        )
    )
    row = WebSession(
        token_sha256=digest(token),
        person_id=person.id,
        csrf_token=csrf,
        created_at=now,
        last_seen_at=now,
        expires_at=now + lifetime.absolute,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.actor = Actor.of(person)
    uow.audit(
        entity_type="web_sessions",
        entity_id=row.id,
        action="sign_in",
        details={"how": how, "expires_at": row.expires_at.isoformat()},
    )
    return OpenedSession(token, csrf, person.id, row.expires_at)


def current_session(
    session: Session, token: str | None, now: dt.datetime, lifetime: SessionLifetime
) -> CurrentSession | None:
    """The live session the cookie value *token* names, or None (unknown, ended, expired).

    One query, reading only (a page view takes no write lock); the front
    calls :func:`touch` when the last activity is to be written.
    """
    if not token:
        return None
    row = (
        session.connection()
        .execute(
            _CURRENT,
            {"digest": digest(token), "now": now, "idle_since": now - lifetime.idle},
        )
        .one_or_none()
    )
    return None if row is None else CurrentSession(*row)


Scope = tuple[str, int] | None
"""What a page shows, for the versions its key holds: ``("meeting", id)`` (that meeting's
committee), ``("committee", id)``, ``("person", 0)`` (the signed-in person's committees), or
None (the version of everything alone)."""


def current_session_and_version(
    db: Database,
    token: str | None,
    now: dt.datetime,
    lifetime: SessionLifetime,
    scope: Scope = None,
) -> tuple[CurrentSession | None, tuple[Any, ...] | None]:
    """:func:`current_session` and the data versions (:mod:`governance.data_version`) in
    one statement, so in one snapshot and one round trip to the database
    (:meth:`Database.read_one`): what every page request asks before anything else (the
    versions: for the page cache). The versions are the one of everything and, for a
    *scope*, the one of the committees it names (:data:`Scope`); None without a live
    session (nothing is served from the cache then).

    A person's committees (``("person", 0)``, the overview) are those the person sits in
    for an organisation or works in the secretariat of, at any time (the overview shows
    those of today: a superset is a key that changes more often, never too seldom); the
    sum of their versions stands for them. That is exact: which committees they are
    follows from the memberships and the secretariats, whose every write advances the
    version of everything (they are not among data_version.COMMITTEE_TABLES), so under one
    version of everything the committees are the same; and for the same committees the
    sum grows with each of their versions, none of which ever goes down."""
    if not token:
        return None, None
    statement, params = _CURRENT_AND_VERSION, {}
    if scope is not None:
        statement = _SCOPED[scope[0]]
        params = {"scope_id": scope[1]}
    row = db.read_one(
        statement,
        {"digest": digest(token), "now": now, "idle_since": now - lifetime.idle, **params},
    )
    if row is None:
        return None, None
    fields = list(row[:_SESSION_FIELDS])
    version = tuple(row[len(fields) :])
    fields[-1] = _aware(fields[-1])  # last_seen_at, as the driver gives it
    if version[0] is None:
        return CurrentSession(*fields), None  # a database without the row
    return CurrentSession(*fields), version


_SESSION_FIELDS = len(dataclasses.fields(CurrentSession))


def _aware(moment: dt.datetime) -> dt.datetime:
    """A stored moment in UTC, as its column type gives it (the driver: in the
    connection's zone)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


# Built once, with its values as parameters, and read as plain rows (no objects
# loaded): it runs before every page, so its cost is part of every page's.
_CURRENT = (
    select(
        WebSession.id,
        Person.id,
        Person.name,
        Person.email,
        Person.language,
        WebSession.csrf_token,
        WebSession.last_seen_at,
    )
    .join_from(WebSession, Person, Person.id == WebSession.person_id)
    .where(
        WebSession.token_sha256 == bindparam("digest"),
        WebSession.revoked_at.is_(None),
        WebSession.expires_at > bindparam("now"),
        WebSession.last_seen_at > bindparam("idle_since"),
        Person.erased_at.is_(None),
    )
)

_CURRENT_AND_VERSION = _CURRENT.add_columns(
    select(data_version.c.version).where(data_version.c.id == 1).scalar_subquery()
)

_cv = committee_versions.c
_SCOPED = {
    "meeting": _CURRENT_AND_VERSION.add_columns(
        func.coalesce(
            select(_cv.version)
            .where(
                _cv.committee_id
                == select(meetings.c.committee_id)
                .where(meetings.c.id == bindparam("scope_id"))
                .scalar_subquery()
            )
            .scalar_subquery(),
            0,
        )
    ),
    "committee": _CURRENT_AND_VERSION.add_columns(
        func.coalesce(
            select(_cv.version).where(_cv.committee_id == bindparam("scope_id")).scalar_subquery(),
            0,
        )
    ),
    "person": _CURRENT_AND_VERSION.add_columns(
        func.coalesce(
            select(func.sum(_cv.version))
            .where(
                _cv.committee_id.in_(
                    select(memberships.c.committee_id)
                    .join_from(
                        memberships,
                        membership_people,
                        membership_people.c.membership_id == memberships.c.id,
                    )
                    .where(membership_people.c.person_id == WebSession.person_id)
                    .correlate(WebSession)
                    .union(
                        select(secretariat_members.c.committee_id)
                        .where(secretariat_members.c.person_id == WebSession.person_id)
                        .correlate(WebSession)
                    )
                )
            )
            .scalar_subquery(),
            0,
        )
    ),
}
"""The statement per :data:`Scope`: the session, the version of everything, the scope's."""


def touch_due(current: CurrentSession, now: dt.datetime) -> bool:
    """Whether :func:`touch` would write (most page views: no, and no session is opened)."""
    return now - current.last_seen_at > dt.timedelta(seconds=TOUCH_SECONDS)


def touch(session: Session, current: CurrentSession, now: dt.datetime) -> bool:
    """Record activity on *current* if the last record is older than a minute (the
    caller commits); whether it wrote. Idle expiry counts from this moment."""
    if not touch_due(current, now):
        return False
    session.execute(
        update(WebSession)
        .where(WebSession.id == current.session_id, WebSession.last_seen_at < now)
        .values(last_seen_at=now)
    )
    return True


def close_session(uow: UnitOfWork, token: str) -> None:
    """Sign out: the session of the cookie value *token* ends now (an ended one stays ended)."""
    row = uow.session.execute(
        select(WebSession).where(WebSession.token_sha256 == digest(token))
    ).scalar_one_or_none()
    if row is None or row.revoked_at is not None:
        return
    row.revoked_at = uow.now
    uow.actor = Actor(label=uow.actor.label, person_id=row.person_id)
    uow.audit(entity_type="web_sessions", entity_id=row.id, action="sign_out")


# --- the simulated clock's list of people ---


def people_to_sign_in_as(uow: UnitOfWork) -> list[Person]:
    """Everyone who may sign in, for the rehearsal's list; refused on a real clock."""
    _require_simulated(uow)
    named = select(MembershipPerson.person_id).union(select(SecretariatMember.person_id))
    return list(
        uow.session.execute(
            select(Person)
            .where(
                Person.erased_at.is_(None),
                or_(Person.is_admin.is_(True), Person.id.in_(named)),
            )
            .order_by(Person.name, Person.id)
        ).scalars()
    )


def sign_in_as(uow: UnitOfWork, person_id: int | str, lifetime: SessionLifetime) -> OpenedSession:
    """Sign in as a person of the list without a mail: only on the simulated clock."""
    _require_simulated(uow)
    try:
        person = uow.session.get(Person, int(person_id))
    except (TypeError, ValueError):
        raise InvalidInput(
            "error.choice", what="person", value=person_id, allowed="1, 2, …"
        ) from None
    if person is None or not has_role(uow.session, person):
        raise NotFound("error.not_found", kind=Text("kind.person"), ref=person_id, hint="")
    return open_session(uow, person, lifetime, how="simulated")


def _require_simulated(uow: UnitOfWork) -> None:
    if not isinstance(uow.clock, SimulatedClock):
        raise NotPermitted("web.sign_in.only_simulated")


__all__ = [
    "LIMIT_PER_ADDRESS",
    "LIMIT_PER_CLIENT",
    "LINK_MINUTES",
    "CurrentSession",
    "OpenedSession",
    "SessionLifetime",
    "check_link",
    "close_session",
    "current_session",
    "current_session_and_version",
    "has_role",
    "local_path",
    "open_session",
    "people_to_sign_in_as",
    "redeem_link",
    "request_link",
    "sign_in_as",
    "touch",
    "touch_due",
]
