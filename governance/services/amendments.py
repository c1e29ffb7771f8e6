"""Amendments of the agreement: the committee decides them before they are signed.

An amendment is a new version of an agreement that is in force. The chair
puts it to the committee (:func:`schedule`): a decision item on the next
meeting that still takes proposals (or the next one planned), carried by the
rules' ``amendment_majority``. The vote on that item decides it
(:func:`decide`, called by governance.services.votes); only an adopted
amendment can be opened for signature. A written procedure (Umlaufverfahren)
would call :func:`decide` with its own result: the decision does not depend
on where it was taken.

The first agreement of a committee (no version in force) needs no vote: the
chair opens it and the parties' signatures are the decision.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

from sqlalchemy import select

from governance.clock import BERLIN
from governance.domain.rules import Majority, VoteCount, is_carried
from governance.errors import Conflict, InvalidInput, Text
from governance.models import AgendaItem, AgreementVersion, Committee, Meeting
from governance.services import access
from governance.services.agreement_views import committee_of, ref_of, resolve
from governance.unit_of_work import UnitOfWork
from governance.workflow.registry import effect, guard

if TYPE_CHECKING:
    # Only named in annotations: importing the engine costs transitions and YAML.
    from governance.unit_of_work import TransitionContext

_TABLE = AgreementVersion.__tablename__
# Meetings whose agenda can still lose an item that was not handled.
_AGENDA_OPEN = ("planned", "convened", "in_session")


# --- actions ---


def schedule(
    uow: UnitOfWork,
    version: AgreementVersion | str | int,
    *,
    committee: Committee | int | None = None,
) -> AgendaItem | None:
    """Put a drafted amendment to the committee (chair); return its agenda item, if a
    meeting is planned already (otherwise it is added when the next one is planned).
    *version* may be a reference as typed (within *committee*, when given)."""
    version = resolve(uow.session, version, committee)
    committee = committee_of(uow.session, version)
    access.check(uow, "agreement.schedule", committee, entity_type=_TABLE, entity_id=version.id)
    uow.fire(version, "schedule")
    return pending_item(uow, version)


def decide(
    uow: UnitOfWork,
    version: AgreementVersion,
    votes: VoteCount,
    *,
    decided_on: dt.date,
    reference: str,
) -> bool:
    """Record the committee's decision on an amendment; return whether it was adopted.

    The seam for every way the committee decides: the vote on the agenda item
    calls it today (its permission was checked there), a written procedure will.
    """
    if decided_on > uow.today:
        raise InvalidInput(
            "agreement.error.future_date", value=decided_on.isoformat(), today=uow.today
        )
    uow.fire(
        version,
        "decide",
        yes=votes.yes,
        no=votes.no,
        abstain=votes.abstain,
        decided_on=decided_on,
        decision=reference,
    )
    return version.state == "adopted"


def decide_by_vote(uow: UnitOfWork, item: AgendaItem, votes: VoteCount, reference: str) -> bool:
    """The meeting's vote on an amendment item decides the amendment (services/votes.py)."""
    version = uow.session.get(AgreementVersion, item.agreement_version_id)
    assert version is not None
    return decide(uow, version, votes, decided_on=uow.today, reference=reference)


def require_decided(uow: UnitOfWork, version: AgreementVersion) -> None:
    """An amendment is opened only once the committee has adopted it: say what is needed."""
    in_force = _other_in_force(version)
    if version.state == "draft" and in_force is not None:
        raise _conflict(
            version,
            "agreement.error.amendment_undecided",
            ref=ref_of(version),
            in_force=ref_of(in_force),
            majority=Text(
                f"majority.{committee_of(uow.session, version).rules.amendment_majority.value}"
            ),
        )
    if version.state == "on_agenda":
        item = pending_item(uow, version)
        where = (
            Text(
                "agreement.amendment.item",
                top=item.position or "?",
                meeting=item.meeting.title,
                day=item.meeting.starts_at.astimezone(BERLIN).date().isoformat(),
            )
            if item is not None
            else Text("agreement.amendment.no_meeting")
        )
        raise _conflict(
            version, "agreement.error.amendment_on_agenda", ref=ref_of(version), where=where
        )
    if version.state == "rejected":
        raise _conflict(
            version,
            "agreement.error.amendment_rejected",
            ref=ref_of(version),
            decision=version.decision_reference or "—",
            day=version.decided_on.isoformat() if version.decided_on else "—",
        )


def _other_in_force(version: AgreementVersion) -> AgreementVersion | None:
    return next(
        (v for v in version.agreement.versions if v.id != version.id and v.state == "in_force"),
        None,
    )


# --- the agenda item ---


def pending_item(uow: UnitOfWork, version: AgreementVersion) -> AgendaItem | None:
    """The amendment's item still to be voted on, if it has one."""
    return (
        uow.session.execute(
            select(AgendaItem)
            .where(
                AgendaItem.agreement_version_id == version.id,
                AgendaItem.status == "accepted",
                AgendaItem.outcome.is_(None),
            )
            .order_by(AgendaItem.id.desc())
        )
        .scalars()
        .first()
    )


def add_amendment_item(uow: UnitOfWork, version: AgreementVersion) -> AgendaItem | None:
    """A decision item on the next meeting that still takes proposals (None: none planned)."""
    from governance.services.agenda import audit_item, new_item, next_meeting_taking_proposals

    committee = committee_of(uow.session, version)
    meeting = next_meeting_taking_proposals(uow, committee)
    if meeting is None:
        return None
    item = new_item(
        uow,
        meeting,
        title=f"Änderung der Kooperationsvereinbarung (Fassung {ref_of(version)})",
        description=(
            f"{version.agreement.title}, Fassung {ref_of(version)}; "
            f"SHA-256 des Textes {version.text_sha256}"
        ),
        kind="decision",
        majority=committee.rules.amendment_majority.value,
        agreement_version_id=version.id,
    )
    audit_item(uow, item, "agenda.amendment_item", to_state="accepted", version=version.id)
    return item


def attach_waiting_amendments(uow: UnitOfWork, committee: Committee) -> None:
    """Give amendments put to the committee before any meeting was planned their item."""
    from governance.models import Agreement

    waiting = uow.session.execute(
        select(AgreementVersion)
        .join(Agreement, Agreement.id == AgreementVersion.agreement_id)
        .where(Agreement.committee_id == committee.id, AgreementVersion.state == "on_agenda")
    ).scalars()
    for version in list(waiting):
        if pending_item(uow, version) is None:
            add_amendment_item(uow, version)


def _conflict(version: AgreementVersion, key: str, **params: object) -> Conflict:
    # Audited as a refusal to open this version.
    return Conflict(key, **params).concerning(
        entity_type=_TABLE, entity_id=version.id, action="open", committee_id=version.committee_id
    )


# --- guards and effects of workflows/agreement.yaml ---


def _in_force_elsewhere(version: AgreementVersion) -> bool:
    return _other_in_force(version) is not None


@guard("no_version_in_force")
def no_version_in_force(ctx: TransitionContext) -> bool:
    """The first agreement: nothing is in force that the committee would amend."""
    return not _in_force_elsewhere(ctx.entity)


@guard("version_in_force")
def version_in_force(ctx: TransitionContext) -> bool:
    return _in_force_elsewhere(ctx.entity)


@guard("amendment_vote_carried")
def amendment_vote_carried(ctx: TransitionContext) -> bool:
    """The vote reaches the amendment majority of the rules of procedure."""
    p = ctx.params
    if not all(isinstance(p.get(k), int) for k in ("yes", "no", "abstain")):
        return False
    rules = committee_of(ctx.session, ctx.entity).rules
    majority = Majority(rules.amendment_majority)
    return is_carried(rules, majority, VoteCount(p["yes"], p["no"], p["abstain"]))


@effect("put_amendment_on_agenda")
def put_amendment_on_agenda(ctx: TransitionContext) -> None:
    version: AgreementVersion = ctx.entity
    # The committee decides on this exact text (a draft's text cannot change).
    version.text_sha256 = hashlib.sha256(version.text.encode("utf-8")).hexdigest()
    add_amendment_item(ctx.uow, version)


@effect("record_amendment_decision")
def record_amendment_decision(ctx: TransitionContext) -> None:
    version: AgreementVersion = ctx.entity
    version.votes_yes = ctx.params["yes"]
    version.votes_no = ctx.params["no"]
    version.votes_abstain = ctx.params["abstain"]
    version.decided_on = ctx.params.get("decided_on") or ctx.today
    version.decision_reference = ctx.params.get("decision")


@effect("withdraw_amendment_item")
def withdraw_amendment_item(ctx: TransitionContext) -> None:
    """A terminated amendment leaves the agenda it waited on (nothing left to vote on)."""
    from governance.services.agenda import agenda_changed, audit_item, renumber

    version: AgreementVersion = ctx.entity
    if ctx.from_state != "on_agenda":
        return
    item = pending_item(ctx.uow, version)
    if item is None:
        return
    meeting: Meeting = item.meeting
    if meeting.state not in _AGENDA_OPEN:
        return
    item.status, item.position = "rejected", None
    item.reason = "Die Änderung wurde beendet. / The amendment was terminated."
    renumber(ctx.session, meeting)
    audit_item(
        ctx.uow, item, "agenda.amendment_withdrawn", from_state="accepted", to_state="rejected"
    )
    agenda_changed(ctx.uow, meeting, "removed", item.title)
