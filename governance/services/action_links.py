"""Action links (Aktionslinks): a partner acts from the mail, without signing in.

A link is bound to one person, one entity and one purpose. The rules:

- it is issued with the mail that asks for the action (:func:`issue`), with
  the moment the action's period ends (``expires_at``, e.g. the start of the
  meeting for an invitation's answers);
- the mail is queued with a *marker* where the link's address goes; only when
  the mail is written for delivery (:func:`fill`, called by the dispatcher)
  is a random token made (``secrets``, 32 bytes) and put in its place. Only
  the token's SHA-256 is stored (:class:`ActionLinkToken`), so the outbox,
  the database, the log and the audit trail never hold a usable token;
- opening the link (:func:`inspect`, the page's GET) changes nothing: mail
  scanners open links. Confirming it (:func:`act`, the page's POST) calls the
  ONE application-layer function of its purpose, acting as the link's person
  "via link" (the audit records ``via: link``), with the same checks and
  refusals as the web and the CLI;
- a purpose that changes state works once (``used_at``), or up to
  :attr:`Purpose.uses` times (counted on the audit trail); the link dies when
  it expires, when the person no longer holds a role in the committee, or
  when the secretariat revokes it (:func:`revoke`);
- an unknown token and a token of another kind get the same answer, "invalid
  or expired"; only the holder of a real token learns that it was used or
  revoked, and whom to ask.

**Adding a purpose** (other kinds of link): write a module under
``governance/services/`` that calls :func:`register` with a :class:`Purpose`
and add its name to :data:`PURPOSE_MODULES` (one line). A purpose names the
entity's model, the message keys the confirmation page shows, the form's
fields (if any) and the function that does the work. ``perform`` receives the
unit of work (acting as the person, via link), the entity and the form's
values; it must call the same service function the web and the CLI call and
return a :class:`governance.errors.Text` saying what was done.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib
import re
import secrets
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance.domain.permissions import ABOVE_THE_COMMITTEE
from governance.errors import InvalidInput, NotFound, NotPermitted, Text
from governance.mail import addressing
from governance.models import ActionLink, ActionLinkToken, AuditRecord, Committee, Person
from governance.services import access
from governance.unit_of_work import Actor, UnitOfWork

PURPOSE_MODULES: list[str] = [
    # one line per module that registers purposes (its import registers them)
    "governance.services.rsvp",  # rsvp.attend, rsvp.excused, rsvp.deputy (invitation)
    "governance.services.mail_objections",  # an objection that came by mail, confirmed
    "governance.services.proposal_links",  # agenda.propose (call for proposals)
    "governance.services.minutes_links",  # minutes.agree, minutes.object (circulated minutes)
    "governance.services.signature_links",  # agreement.sign_electronic, .paper_on_its_way
    "governance.services.accession_links",  # accession.state (the applicant, read only)
    "governance.services.action_item_links",  # action_item.done
    "governance.services.written_links",  # written_vote.yes|no|abstain|demand_meeting
    "governance.services.conflicts_of_interest",  # meeting.conflict (invitation, issue 16)
    "governance.services.vote_transfer",  # meeting.transfer_vote (invitation, issue 16)
]

PATH = "/l/"
"""Where links point on the web site: ``<base_url>/l/<token>``."""
TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 100
"""A longer "token" is not looked up at all (hostile input is bounded)."""
MARKER_PATTERN = re.compile(r"gremium-link-[0-9a-f]{24}")
FALLBACK_BASE_URL = "http://127.0.0.1:8000"
"""Where links point when [web] base_url is not set: ``gremium web``'s default address."""
VIA_LINK = "link"


@dataclasses.dataclass(frozen=True)
class Field:
    """An input the confirmation page asks for (e.g. the deputy, an objection's text)."""

    name: str
    label_key: str
    choices: Callable[[Session, Any, Person], Sequence[tuple[str, str | Text]]] | None = None
    """For a choice: (value, label) pairs for this entity and person; None: a text.
    A label may be a :class:`Text` (said in the reader's language)."""
    required: bool = True
    max_length: int = 2000
    one_line: bool = False
    """A one-line input (a title, a name) rather than a text area."""


@dataclasses.dataclass(frozen=True)
class Purpose:
    """What a kind of link does (see the module's docstring)."""

    name: str
    """E.g. ``rsvp.attend``: stored with each link."""
    entity: type[Any]
    """The model the link is bound to (its ``__tablename__`` is stored)."""
    title_key: str
    """Heading of the confirmation page; formatted with :attr:`describe`'s values."""
    confirm_key: str
    """The sentence above the button: what will happen."""
    button_key: str
    describe: Callable[[Session, Any, Person], dict[str, Any]]
    """The values the page's texts name (meeting title, date, …), read only."""
    perform: Callable[[UnitOfWork, Any, Mapping[str, str]], Text]
    """Does it: calls the ONE application-layer function (same refusals as web/CLI)."""
    expiry: Callable[[Any], dt.datetime] | None = None
    """The end of the action's period as it is now (a moved meeting moves it); None:
    the ``expires_at`` given when the link was issued."""
    closed: Callable[[Any], Text | None] | None = None
    """Why the action is no longer possible for the entity as it is now (a cancelled
    meeting), or None: the link then says so when opened instead of offering a form."""
    changes_state: bool = True
    """Whether the link works once (False: a link that only shows, e.g. a state)."""
    uses: int = 1
    """How often a link that changes state works (a call for proposals: several items
    until the deadline); each use is audited on its own."""
    done_so_far: Callable[[Session, Any, Person], Sequence[Text]] | None = None
    """What the person has done so far (the proposals made), listed on the page."""
    fields: tuple[Field, ...] = ()
    members_only: bool = True
    """Whether the person must hold a role in the committee (False: e.g. the applicant
    of an accession, who is not a member yet)."""
    withdrawable: Callable[[Session, Any, Person], Sequence[tuple[str, str | Text]]] | None = None
    """What the person declared by such a link and may still withdraw, as (value, label):
    listed on the page with a button each, also once the link is used up."""
    withdraw: Callable[[UnitOfWork, Any, str], Text] | None = None
    """Withdraws the declaration *value* names (:attr:`withdrawable`): calls the ONE
    application-layer function, as :attr:`perform` does."""


PURPOSES: dict[str, Purpose] = {}


def register(purpose: Purpose) -> Purpose:
    """Add *purpose* to the registry (a module of :data:`PURPOSE_MODULES` calls this)."""
    if purpose.name in PURPOSES and PURPOSES[purpose.name] is not purpose:
        raise RuntimeError(f"action link purpose registered twice: {purpose.name}")
    PURPOSES[purpose.name] = purpose
    return purpose


def purpose_of(name: str) -> Purpose:
    for module in PURPOSE_MODULES:
        importlib.import_module(module)
    try:
        return PURPOSES[name]
    except KeyError:
        raise RuntimeError(f"unknown action link purpose: {name}") from None


def digest(token: str) -> str:
    """The SHA-256 (hex) stored in place of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# --- issuing (with the mail) ---


def issue(
    uow: UnitOfWork,
    *,
    person: Person,
    purpose: str,
    entity: Any,
    expires_at: dt.datetime,
    committee_id: int | None,
) -> str:
    """A new link; returns the marker to put where its address goes in the mail.

    The marker is no credential: :func:`fill` replaces it with a fresh token's
    address when the mail is written for delivery, for the mail's recipient only.
    """
    kind = purpose_of(purpose)
    if not isinstance(entity, kind.entity):
        raise RuntimeError(f"a {purpose} link is for {kind.entity.__tablename__}")
    link = ActionLink(
        person_id=person.id,
        committee_id=committee_id,
        purpose=purpose,
        entity_type=entity.__tablename__,
        entity_id=entity.id,
        marker=f"gremium-link-{secrets.token_hex(12)}",
        created_at=uow.now,
        expires_at=expires_at,
    )
    uow.session.add(link)
    return link.marker


def fill(
    session: Session,
    person_id: int | None,
    texts: list[str],
    base_url: str | None,
    now: dt.datetime,
) -> list[str]:
    """*texts* (a mail's bodies) with every marker of *person_id*'s links replaced by a
    fresh token's address; the tokens' digests are added to *session* (the caller commits).

    A marker of another person's link (someone typed one into an agenda title)
    is left as it is: nobody gets a link that is not theirs.
    """
    markers = {m for text in texts for m in MARKER_PATTERN.findall(text)}
    if not markers or person_id is None:
        return texts
    links = session.execute(
        select(ActionLink).where(ActionLink.marker.in_(markers), ActionLink.person_id == person_id)
    ).scalars()
    base = (base_url or FALLBACK_BASE_URL).rstrip("/")
    addresses: dict[str, str] = {}
    for link in links:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        session.add(ActionLinkToken(link_id=link.id, token_sha256=digest(token), created_at=now))
        addresses[link.marker] = f"{base}{PATH}{token}"
    if not addresses:
        return texts
    return [
        MARKER_PATTERN.sub(lambda m: addresses.get(m.group(0), m.group(0)), text) for text in texts
    ]


# --- opening and confirming ---


@dataclasses.dataclass(frozen=True)
class LinkView:
    """What the confirmation page shows."""

    purpose: Purpose
    person_name: str
    values: dict[str, Any]
    choices: dict[str, Sequence[tuple[str, str | Text]]]
    expires_at: dt.datetime
    uses_left: int | None = None
    """For a link that works several times: how often it still does."""
    done_so_far: Sequence[Text] = ()
    """What the person has done so far (:attr:`Purpose.done_so_far`)."""
    withdrawable: Sequence[tuple[str, str | Text]] = ()
    """What the person may still withdraw (:attr:`Purpose.withdrawable`)."""
    used: bool = False
    """The link is used up: the page offers only the withdrawals."""


@dataclasses.dataclass(frozen=True)
class Done:
    """What a confirmed link did."""

    purpose: Purpose
    person_name: str
    result: Text
    uses_left: int = 0
    """How often the link still works (0: no more)."""


class Moment(Text):
    """A moment in a message, in the reader's language and Berlin time."""

    def __init__(self, value: dt.datetime) -> None:
        super().__init__("-")
        self.value = value

    def render(self, lang: str) -> str:
        from governance.templating import format_datetime_long

        return format_datetime_long(self.value, lang)


class LinkUnusable(NotPermitted):
    """A link that cannot be used (any more): unknown, expired, used, revoked, person gone.

    ``contact`` is whom to ask (the committee's secretariat), if the link is known.
    """

    def __init__(self, key: str, /, contact: addressing.Contact | None = None, **params: Any):
        self.contact = contact
        super().__init__(key, **params)


def _invalid() -> LinkUnusable:
    error = LinkUnusable("link.error.invalid")
    error.concerning(
        entity_type="action_links", entity_id=None, action="link.use", committee_id=None
    )
    return error


def _link(
    uow: UnitOfWork, token: str, *, lock: bool, withdrawing: bool = False
) -> tuple[ActionLink, Entity]:
    """The usable link *token* names, with its entity; or a refusal saying why not.

    *withdrawing*: a used link still serves to withdraw what it declared (while its
    purpose lists something to withdraw); every other check stands."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise _invalid()
    stmt = (
        select(ActionLink)
        .join(ActionLinkToken, ActionLinkToken.link_id == ActionLink.id)
        .where(ActionLinkToken.token_sha256 == digest(token))
    )
    if lock:
        stmt = stmt.with_for_update()
    link = uow.session.execute(stmt).scalar_one_or_none()
    if link is None:
        raise _invalid()
    committee = uow.session.get(Committee, link.committee_id) if link.committee_id else None
    contact = addressing.secretariat_contact(uow.session, committee)

    def dead(key: str, **params: Any) -> LinkUnusable:
        error = LinkUnusable(key, contact=contact, **params)
        error.concerning(
            entity_type="action_links",
            entity_id=link.id,
            action="link.use",
            committee_id=link.committee_id,
        )
        return error

    person = link.person
    # From here the refusals are the link person's (the audit names them, via link).
    uow.actor = Actor(label=person.email, person_id=person.id, via=VIA_LINK)
    if link.revoked_at is not None:
        raise dead("link.error.revoked")
    kind = purpose_of(link.purpose)
    if link.used_at is not None and not (withdrawing and _withdrawable(uow, link, kind, person)):
        if kind.uses > 1:
            raise dead("link.error.used_up", limit=kind.uses, at=Moment(link.used_at))
        raise dead("link.error.used", at=Moment(link.used_at))
    entity = uow.session.get(kind.entity, link.entity_id)
    ends = (
        kind.expiry(entity) if kind.expiry is not None and entity is not None else link.expires_at
    )
    if uow.now >= ends:
        raise dead("link.error.expired", at=Moment(ends))
    if person.erased_at is not None:
        raise dead("link.error.left")
    if (
        kind.members_only
        and committee is not None
        and not (access.roles_of(uow.session, person, committee, uow.today) - ABOVE_THE_COMMITTEE)
    ):
        raise dead("link.error.left")  # (a role above the committee is no seat in it)
    if entity is None:
        raise dead("link.error.gone")
    why = kind.closed(entity) if kind.closed is not None else None
    if why is not None:
        raise dead("link.error.closed", why=why)
    return link, Entity(kind, entity, person)


def _withdrawable(
    uow: UnitOfWork, link: ActionLink, kind: Purpose, person: Person
) -> Sequence[tuple[str, str | Text]]:
    if kind.withdrawable is None:
        return ()
    entity = uow.session.get(kind.entity, link.entity_id)
    return () if entity is None else kind.withdrawable(uow.session, entity, person)


@dataclasses.dataclass(frozen=True)
class Entity:
    purpose: Purpose
    value: Any
    person: Person


def inspect(uow: UnitOfWork, token: str) -> LinkView:
    """What the link *token* would do (the page's GET): reads only, changes nothing."""
    link, found = _link(uow, token, lock=False, withdrawing=True)
    kind, person = found.purpose, found.person
    return LinkView(
        purpose=kind,
        person_name=person.name,
        values=kind.describe(uow.session, found.value, person),
        choices={
            f.name: f.choices(uow.session, found.value, person)
            for f in kind.fields
            if f.choices is not None
        },
        expires_at=link.expires_at,
        uses_left=kind.uses - _uses(uow, link) if kind.uses > 1 else None,
        done_so_far=(
            kind.done_so_far(uow.session, found.value, person) if kind.done_so_far else ()
        ),
        withdrawable=(
            kind.withdrawable(uow.session, found.value, person) if kind.withdrawable else ()
        ),
        used=link.used_at is not None,
    )


def _uses(uow: UnitOfWork, link: ActionLink) -> int:
    """How often *link* has been used (its audit records: a link that works several times)."""
    return uow.session.execute(
        select(func.count())
        .select_from(AuditRecord)
        .where(
            AuditRecord.entity_type == "action_links",
            AuditRecord.entity_id == link.id,
            AuditRecord.action == "link.use",
            AuditRecord.outcome == "done",
        )
    ).scalar_one()


def act(uow: UnitOfWork, token: str, form: Mapping[str, str]) -> Done:
    """Do what the link *token* is for (the page's POST), as its person via link.

    *form* holds the values of the purpose's fields as typed. The work is the
    purpose's application-layer function: its refusals are the same as in the
    web and the CLI and leave the link unused.
    """
    link, found = _link(uow, token, lock=True)
    kind = found.purpose
    values: dict[str, str] = {}
    for field in kind.fields:
        value = (form.get(field.name) or "").strip()
        if field.required and not value:
            raise InvalidInput("link.error.field_missing", field=Text(field.label_key))
        if len(value) > field.max_length:
            raise InvalidInput(
                "link.error.field_too_long", field=Text(field.label_key), limit=field.max_length
            )
        values[field.name] = value
    uow.lock(found.value)
    result = kind.perform(uow, found.value, values)
    used = _uses(uow, link) + 1 if kind.uses > 1 else 1
    if kind.changes_state and used >= kind.uses:
        link.used_at = uow.now
    uow.audit(
        entity_type="action_links",
        entity_id=link.id,
        action="link.use",
        committee_id=link.committee_id,
        details={"purpose": link.purpose, "entity": f"{link.entity_type}:{link.entity_id}"},
    )
    left = kind.uses - used if kind.changes_state else 0
    return Done(purpose=kind, person_name=found.person.name, result=result, uses_left=left)


def withdraw(uow: UnitOfWork, token: str, value: str) -> Done:
    """Withdraw what the link *token* declared and *value* names (the page's withdraw
    button), as its person via link, by the purpose's application-layer function.

    A used link of one use works again afterwards: the person withdrew a mistaken
    declaration and may now make the right one.
    """
    link, found = _link(uow, token, lock=True, withdrawing=True)
    kind = found.purpose
    choices = dict(_withdrawable(uow, link, kind, found.person))
    if kind.withdraw is None or str(value or "").strip() not in choices:
        raise InvalidInput("link.withdraw.unknown", value=str(value or "-")[:40])
    uow.lock(found.value)
    result = kind.withdraw(uow, found.value, str(value).strip())
    if kind.uses == 1:
        link.used_at = None
    uow.audit(
        entity_type="action_links",
        entity_id=link.id,
        action="link.withdraw",
        committee_id=link.committee_id,
        details={"purpose": link.purpose, "entity": f"{link.entity_type}:{link.entity_id}"},
    )
    return Done(purpose=kind, person_name=found.person.name, result=result, uses_left=1)


# --- the secretariat: list and revoke ---


@dataclasses.dataclass(frozen=True)
class LinkRow:
    id: int
    person: str
    email: str
    purpose: str
    entity: str
    created_at: dt.datetime
    expires_at: dt.datetime
    state: str
    """open, used, expired or revoked."""


def _state(link: ActionLink, now: dt.datetime) -> str:
    if link.revoked_at is not None:
        return "revoked"
    if link.used_at is not None:
        return "used"
    if now >= link.expires_at:
        return "expired"
    return "open"


def listing(
    uow: UnitOfWork, committee: Committee, *, person_ref: str | None = None, open_only: bool = False
) -> list[LinkRow]:
    """The committee's links, newest first (chair and secretariat): never a token."""
    access.check(uow, "link.manage", committee, entity_type="committee", entity_id=committee.id)
    stmt = (
        select(ActionLink, Person)
        .join(Person, Person.id == ActionLink.person_id)
        .where(ActionLink.committee_id == committee.id)
        .order_by(ActionLink.id.desc())
        .limit(1000)
    )
    if person_ref:
        from governance.services import directory

        stmt = stmt.where(
            ActionLink.person_id == directory.person_by_email(uow.session, person_ref).id
        )
    rows = []
    for link, person in uow.session.execute(stmt).all():
        state = _state(link, uow.now)
        if open_only and state != "open":
            continue
        rows.append(
            LinkRow(
                id=link.id,
                person=person.name,
                email=person.email,
                purpose=link.purpose,
                entity=f"{link.entity_type}:{link.entity_id}",
                created_at=link.created_at,
                expires_at=link.expires_at,
                state=state,
            )
        )
    return rows


def revoke(
    uow: UnitOfWork,
    committee: Committee,
    *,
    link_id: int | str | None = None,
    person_ref: str | None = None,
) -> list[int]:
    """Revoke one link (by id) or all open links of a person (by e-mail), of *committee*.

    The chair or the secretariat; on the audit trail. Returns the revoked links' ids.
    """
    access.check(uow, "link.manage", committee, entity_type="committee", entity_id=committee.id)
    if (link_id is None) == (person_ref is None):
        raise InvalidInput("link.error.revoke_what")
    stmt = select(ActionLink).where(
        ActionLink.committee_id == committee.id,
        ActionLink.revoked_at.is_(None),
        ActionLink.used_at.is_(None),
        ActionLink.expires_at > uow.now,
    )
    if link_id is not None:
        try:
            number = int(str(link_id).strip().lstrip("#"))
        except ValueError:
            raise InvalidInput("link.error.id", value=str(link_id)[:40]) from None
        stmt = stmt.where(ActionLink.id == number)
    else:
        from governance.services import directory

        person = directory.person_by_email(uow.session, person_ref or "")
        stmt = stmt.where(ActionLink.person_id == person.id)
    links = list(uow.session.execute(stmt.with_for_update()).scalars())
    if not links:
        raise NotFound(
            "link.error.none_open", ref=str(link_id if link_id is not None else person_ref)[:300]
        )
    for link in links:
        link.revoked_at = uow.now
        link.revoked_by = uow.actor.label
        uow.audit(
            entity_type="action_links",
            entity_id=link.id,
            action="link.revoke",
            committee_id=committee.id,
            from_state="open",
            to_state="revoked",
            details={"purpose": link.purpose, "person_id": link.person_id},
        )
    return [link.id for link in links]
