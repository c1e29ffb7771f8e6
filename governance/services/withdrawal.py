"""Withdrawal of a member (Austritt) with the notice period of the rules of procedure.

Workflow ``membership`` (workflows/membership.yaml): active -> leaving ->
left. Notice is given on a day; the membership ends on
``withdrawal_effective_on(rules, notice day)`` or on a later requested day
(``ends_on``: from that day on the organisation is no longer a member). A
timer at 00:00 of that day completes the withdrawal; until then the notice
can be revoked.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance import outbox
from governance.clock import BERLIN
from governance.domain.permissions import CommitteeRole, may
from governance.domain.rules import withdrawal_effective_on
from governance.errors import Conflict, InvalidInput, Joined, NotFound, Text
from governance.models import AuditRecord, Capacity, Committee, Membership, Organisation, Role
from governance.services import access, directory, validation
from governance.services.meeting_notices import chair_people, secretariat_people
from governance.unit_of_work import UnitOfWork
from governance.workflow.registry import effect, guard

if TYPE_CHECKING:
    # Only named in annotations: importing the engine costs transitions and YAML.
    from governance.workflow.engine import TransitionContext

ENTITY = Membership.__tablename__


RECORD_LATER_MAX_DAYS = 30
"""How far back the chair or secretariat may date a notice that reached them on paper."""
MAX_EFFECTIVE_YEARS = 5
"""How far beyond the notice period a requested end of membership may lie."""


def give_notice(
    uow: UnitOfWork,
    committee: Committee | str | int | None,
    organisation: Organisation | str,
    *,
    given_on: str | dt.date | None = None,
    effective_on: str | dt.date | None = None,
) -> Membership:
    """*organisation* gives notice of withdrawal, today unless recorded later.

    A representative gives notice for their own organisation, on the day they
    give it (*given_on* is today or omitted). The chair or the secretariat may
    record a notice that reached them on paper earlier: at most
    ``RECORD_LATER_MAX_DAYS`` back, not before the membership's last recorded
    change, and never so early that the membership would already have ended;
    it is marked as recorded later. The membership ends after the notice
    period (``withdrawal_notice_months``) or on a later *effective_on*.
    *committee* and *organisation* may be references as a user types them.
    """
    committee, organisation = _resolve(uow, committee, organisation)
    membership = _membership(uow, committee, organisation)
    _check(uow, committee, membership, "membership.give_notice_own")
    if membership.role == Role.CHAIR:
        raise _for_audit(
            Conflict(
                "error.withdrawal.chair",
                organisation=organisation.short_name,
                committee=committee.short_name,
            ),
            membership,
        )
    if "give_notice" not in uow.engine.allowed_triggers(membership):
        uow.fire(membership, "give_notice")  # refused: names the state and what is allowed
    day = validation.date(given_on) if given_on is not None else uow.today
    if day > uow.today:
        raise InvalidInput(
            "error.withdrawal.future", value=day.isoformat(), today=uow.today.isoformat()
        )
    if day < membership.starts_on:
        raise InvalidInput(
            "error.withdrawal.before_start",
            value=day.isoformat(),
            starts_on=membership.starts_on.isoformat(),
        )
    if day < uow.today:
        _check_recorded_later(uow, committee, membership, day)
    earliest = withdrawal_effective_on(committee.rules, day)
    ends_on = validation.date(effective_on) if effective_on is not None else earliest
    if ends_on < earliest:
        raise InvalidInput(
            "error.withdrawal.too_early",
            value=ends_on.isoformat(),
            earliest=earliest.isoformat(),
            months=committee.rules.withdrawal_notice_months,
            given_on=day.isoformat(),
        )
    latest = earliest + relativedelta(years=MAX_EFFECTIVE_YEARS)
    if ends_on > latest:
        raise InvalidInput(
            "error.withdrawal.too_late",
            value=ends_on.isoformat(),
            earliest=earliest.isoformat(),
            latest=latest.isoformat(),
        )
    if ends_on <= uow.today:
        # A notice period of 0 months and a notice recorded later: the end would be in the past.
        raise InvalidInput(
            "error.withdrawal.retroactive", value=ends_on.isoformat(), today=uow.today.isoformat()
        )
    uow.fire(
        membership,
        "give_notice",
        given_on=day,
        ends_on=ends_on,
        recorded_on=uow.today if day < uow.today else None,
    )
    return membership


def _check_recorded_later(
    uow: UnitOfWork, committee: Committee, membership: Membership, day: dt.date
) -> None:
    """A notice dated before today: only the chair or secretariat records one, and not far back."""
    person = uow.person()
    if person is not None and not may(
        "membership.record_notice", access.roles_of(uow.session, person, committee, uow.today)
    ):
        raise InvalidInput(
            "error.withdrawal.backdated", value=day.isoformat(), today=uow.today.isoformat()
        )
    earliest = max(
        uow.today - dt.timedelta(days=RECORD_LATER_MAX_DAYS),
        _last_change(uow.session, membership) or membership.starts_on,
    )
    if day < earliest:
        raise InvalidInput(
            "error.withdrawal.recorded_too_late",
            value=day.isoformat(),
            earliest=earliest.isoformat(),
            days=RECORD_LATER_MAX_DAYS,
        )


def _last_change(session: Session, membership: Membership) -> dt.date | None:
    """The Berlin day of the membership's last recorded change (e.g. a notice revoked)."""
    at = session.execute(
        select(func.max(AuditRecord.at)).where(
            AuditRecord.entity_type == ENTITY,
            AuditRecord.entity_id == membership.id,
            AuditRecord.outcome == "done",
        )
    ).scalar()
    return at.astimezone(BERLIN).date() if at is not None else None


def revoke_notice(
    uow: UnitOfWork, committee: Committee | str | int | None, organisation: Organisation | str
) -> Membership:
    """Take a notice back before the withdrawal takes effect."""
    committee, organisation = _resolve(uow, committee, organisation)
    membership = _membership(uow, committee, organisation)
    _check(uow, committee, membership, "membership.give_notice_own")
    uow.fire(membership, "revoke_notice")
    return membership


def withdrawals(session: Session, committee: Committee) -> list[Membership]:
    """Memberships with a notice given (leaving) or ended by withdrawal (left)."""
    return list(
        session.execute(
            select(Membership)
            .where(
                Membership.committee_id == committee.id,
                Membership.state.in_(("leaving", "left")),
            )
            .order_by(Membership.ends_on, Membership.id)
        ).scalars()
    )


def describe(membership: Membership) -> dict[str, Any]:
    return {
        "membership_id": membership.id,
        "committee": membership.committee.short_name,
        "organisation": membership.organisation.short_name,
        "organisation_name": membership.organisation.name,
        "role": membership.role,
        "state": membership.state,
        "starts_on": membership.starts_on,
        "notice_given_on": membership.notice_given_on,
        "notice_recorded_on": membership.notice_recorded_on,
        "ends_on": membership.ends_on,
    }


# --- guards and effects (named in workflows/membership.yaml) ---


@guard("notice_period_over")
def notice_period_over(ctx: TransitionContext) -> bool:
    ends_on = ctx.entity.ends_on
    return ends_on is not None and ctx.today >= ends_on


@guard("notice_period_running")
def notice_period_running(ctx: TransitionContext) -> bool:
    ends_on = ctx.entity.ends_on
    return ends_on is not None and ctx.today < ends_on


@effect("record_withdrawal_notice")
def record_withdrawal_notice(ctx: TransitionContext) -> None:
    # Written before the engine arms the state's timers, which read ends_on.
    ctx.entity.notice_given_on = ctx.params["given_on"]
    ctx.entity.ends_on = ctx.params["ends_on"]
    ctx.entity.notice_recorded_on = ctx.params.get("recorded_on")


@effect("clear_withdrawal_notice")
def clear_withdrawal_notice(ctx: TransitionContext) -> None:
    ctx.entity.notice_given_on = None
    ctx.entity.ends_on = None
    ctx.entity.notice_recorded_on = None


@effect("notify_withdrawal_confirmed")
def notify_withdrawal_confirmed(ctx: TransitionContext) -> None:
    """The withdrawing organisation gets the confirmation; the chair and the secretariat learn of it.

    Each hears it in their own words (``for_party``): the organisation is told
    how to revoke the notice, the chair and the secretariat that it stays a
    member until the notice period ends.
    """
    membership: Membership = ctx.entity
    context = {
        "committee": membership.committee.name,
        "committee_short": membership.committee.short_name,
        "organisation": membership.organisation.name,
        "organisation_short": membership.organisation.short_name,
        "notice_given_on": membership.notice_given_on.isoformat()
        if membership.notice_given_on
        else None,
        "ends_on": membership.ends_on.isoformat() if membership.ends_on else None,
    }
    party = {p.id: p for p in membership.persons(Capacity.REPRESENTATIVE)}
    informed = {
        p.id: p
        for p in [
            *chair_people(ctx.session, membership.committee, ctx.today),
            *secretariat_people(ctx.session, membership.committee),
        ]
        if p.id not in party
    }
    for people, for_party in ((party, True), (informed, False)):
        for person in people.values():
            outbox.queue(
                ctx.uow,
                notification="withdrawal_confirmed",
                recipient=person,
                context={**context, "for_party": for_party},
                committee_id=membership.committee_id,
                entity=membership,
                revision=context["notice_given_on"] or 1,
            )


# --- helpers ---


def _resolve(
    uow: UnitOfWork, committee: Committee | str | int | None, organisation: Organisation | str
) -> tuple[Committee, Organisation]:
    """The committee and organisation named by references as typed (or given as they are)."""
    if not isinstance(committee, Committee):
        committee = directory.committee_by_ref(uow.session, committee)
    if not isinstance(organisation, Organisation):
        organisation = directory.organisation_by_ref(uow.session, organisation)
    return committee, organisation


def _membership(uow: UnitOfWork, committee: Committee, organisation: Organisation) -> Membership:
    membership = directory.membership_of(uow.session, committee, organisation)
    if membership is None:
        raise NotFound(
            "error.not_found",
            kind=Text("kind.membership"),
            ref=f"{organisation.short_name} / {committee.short_name}",
            hint="",
        )
    return membership


def _check(uow: UnitOfWork, committee: Committee, membership: Membership, action: str) -> None:
    """A representative acts for their own organisation; the chair records any notice."""
    person = uow.person()
    if person is None:  # the system
        return
    roles = access.roles_of(uow.session, person, committee, uow.today)
    if may("membership.record_notice", roles):
        return
    own = any(
        mp.person_id == person.id and mp.capacity == Capacity.REPRESENTATIVE
        for mp in membership.people
    )
    if own and may(action, roles):
        return
    reason = Text(
        "permission.only_roles",
        roles=Joined(
            [
                Text(f"role.{CommitteeRole.REPRESENTATIVE.value}"),
                Text("role.chair"),
                Text("role.secretariat"),
            ],
            " / ",
        ),
        committee=committee.short_name,
    )
    if may(action, roles):
        # A representative of another organisation: say so rather than who else may.
        reason = Text(
            "permission.own_organisation",
            person=person.email,
            own=", ".join(
                o.short_name
                for o in access.organisations_of(uow.session, person, committee, uow.today)
            )
            or "—",
            other=membership.organisation.short_name,
        )
    # Someone who does not act for this organisation at all tried to record its notice.
    acts_for_it = any(mp.person_id == person.id for mp in membership.people)
    refused = action if acts_for_it else "membership.record_notice"
    raise access.refusal(uow, refused, committee, ENTITY, membership.id, reason=reason)


def _for_audit(err: Conflict, membership: Membership) -> Conflict:
    return err.concerning(
        entity_type=ENTITY,
        entity_id=membership.id,
        action="give_notice",
        committee_id=membership.committee_id,
    )
