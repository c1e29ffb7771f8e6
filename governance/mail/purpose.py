"""What each queued message is for, checked again just before it is sent.

A message is queued in the transaction of the change that caused it and sent
later — after downtime, much later. By then it may have lost its purpose: an
invitation (with its calendar entry) to a meeting that has already taken
place, a reminder to sign an agreement that entered into force meanwhile.
Each message therefore carries its purpose, fixed when it is queued
(:func:`of`): its kind, its entity, the states of the entity it is valid in,
the moment it must go out before, and what else it depends on (the meeting's
iCalendar SEQUENCE, the party still to sign). The dispatcher asks
:func:`without_lapsed` before sending a batch; a message whose purpose no
longer holds is marked ``skipped`` with the reason, on its row and on the
audit trail, and never sent.

Messages whose purpose never lapses (a decision, minutes, a delivery failure:
they report what happened) carry no condition beyond their kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.bootstrap import ENTITIES, App
from governance.clock import BERLIN
from governance.models import Minutes, OutboxMessage
from governance.models.core import table_of
from governance.reasons import reason
from governance.unit_of_work import Actor

_MODELS_BY_TABLE = {table_of(model).name: model for model in ENTITIES.values()}

Purpose = dict[str, Any]
"""{kind, entity, states, until, sequence, party, minutes_pending}: see :func:`of`."""


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


# Per notification: from the entity (and the context), what the message stays valid for.
_RULES: dict[str, Callable[[Any, dict[str, Any]], Purpose]] = {
    # meetings: before the meeting, while it is in the state the message speaks of
    "call_for_proposals": lambda m, c: {
        "states": ["planned"],
        "until": _iso(m.proposal_deadline_at),
    },
    # (still of use after the invitation: it tells the chair what was deferred undecided)
    "proposals_closed": lambda m, c: {
        "states": ["planned", "convened"],
        "until": _iso(m.starts_at),
    },
    "invitation": lambda m, c: {
        "states": ["convened"],
        "until": _iso(m.starts_at),
        "sequence": m.sequence,
    },
    "meeting_reminder": lambda m, c: {
        "states": ["convened"],
        "until": _iso(m.starts_at),
        "sequence": m.sequence,
    },
    "agenda_updated": lambda m, c: {"states": ["convened"], "until": _iso(m.starts_at)},
    "quorum_forecast": lambda m, c: {"states": ["convened"], "until": _iso(m.starts_at)},
    "rsvp_reminder": lambda m, c: {
        "states": ["convened"],
        "until": _iso(m.starts_at),
        "sequence": m.sequence,
    },
    "meeting_moved": lambda m, c: {
        "states": ["planned", "convened"],
        "until": _iso(m.starts_at),
        "sequence": m.sequence,
    },
    "meeting_cancelled": lambda m, c: {"states": ["cancelled"], "until": _iso(m.starts_at)},
    "minutes_due": lambda m, c: {"states": ["closed"], "minutes_pending": True},
    "meeting_overdue": lambda m, c: {"states": ["planned", "convened"]},
    # agreement: a request or reminder to sign holds while the party has not signed
    "signature_request": lambda v, c: {
        "states": ["open_for_signature"],
        "party": c.get("organisation"),
    },
    "signature_reminder": lambda v, c: {
        "states": ["open_for_signature"],
        "party": c.get("organisation"),
    },
    "action_item_due": lambda a, c: {"states": ["open"]},
    # written procedure: the motion and the reminder hold while votes are taken
    "written_motion": lambda w, c: {"states": ["open"], "until": _iso(w.deadline_at)},
    "written_reminder": lambda w, c: {"states": ["open"], "until": _iso(w.deadline_at)},
}

_ENTITY_OF = {
    **{kind: "meetings" for kind in _RULES},
    "signature_request": "agreement_versions",
    "signature_reminder": "agreement_versions",
    "action_item_due": "action_items",
    "written_motion": "written_procedures",
    "written_reminder": "written_procedures",
}
"""The entity each rule speaks of; a message about another entity carries no condition."""


def _rule(notification: str, entity_type: str | None) -> Callable[..., Purpose] | None:
    if _ENTITY_OF.get(notification) != entity_type:
        return None
    return _RULES[notification]


ALWAYS = frozenset(
    {
        # they report what happened; late is still true
        "proposal_decided",
        "proposal_not_decided",
        "agreement_in_force",
        "accession_received",
        "accession_on_agenda",
        "accession_accepted",
        "accession_rejected",
        "withdrawal_confirmed",
        "delivery_failed",
        "minutes_circulated",
        "minutes_objection",
        "minutes_approved",
        # its link is refused when late, with the reason (governance/services/mail_objections.py)
        "objection_confirm",
        "written_result",
        # A late link is refused when used, with the reason; it names no entity to check.
        "sign_in_link",
    }
)
"""Notifications whose purpose never lapses (every other one has a rule above)."""


def of(notification: str, entity: Any | None, context: dict[str, Any]) -> Purpose:
    """The purpose of a message of *notification* about *entity*, as it is queued."""
    purpose: Purpose = {"kind": notification}
    if entity is not None:
        purpose["entity"] = f"{entity.__tablename__}:{entity.id}"
        rule = _rule(notification, entity.__tablename__)
        if rule is not None:
            purpose.update({k: v for k, v in rule(entity, context).items() if v is not None})
    return purpose


def lapsed(session: Session, row: OutboxMessage, now: dt.datetime) -> str | None:
    """Why *row* should not be sent any more (a stored reason, see governance/reasons.py); None if it should."""
    purpose = row.purpose
    if row.entity_id is None or row.entity_type is None:
        return None
    if _rule(row.notification, row.entity_type) is None:
        return None
    model = _MODELS_BY_TABLE.get(row.entity_type)
    # Any workflow entity: the rules below read what the notification's kind of entity has.
    entity: Any = session.get(model, row.entity_id) if model is not None else None
    if entity is None:
        return reason("skip.entity_gone", what=f"{row.entity_type}:{row.entity_id}")
    if purpose is None:  # queued before purposes were recorded: judged by today's entity
        purpose = of(row.notification, entity, row.context or {})
    what = f"{row.entity_type}:{row.entity_id}"
    states = purpose.get("states")
    if states and entity.state not in states:
        return reason(
            "skip.state_changed", what=what, state=entity.state, wanted=" / ".join(states)
        )
    until = purpose.get("until")
    if until is not None and now >= dt.datetime.fromisoformat(until):
        shown = dt.datetime.fromisoformat(until).astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")
        return reason("skip.too_late", at=shown)
    sequence = purpose.get("sequence")
    if sequence is not None and getattr(entity, "sequence", sequence) != sequence:
        return reason("skip.newer_notice", what=what, sequence=entity.sequence)
    if purpose.get("minutes_pending") and _minutes_circulated(session, entity):
        return reason("skip.minutes_circulated")
    party = purpose.get("party")
    if party is not None and party not in {o.short_name for o in entity.pending_parties()}:
        return reason("skip.party_signed", party=party)
    return None


def _minutes_circulated(session: Session, meeting: Any) -> bool:
    written = session.execute(
        select(Minutes.revision).where(Minutes.meeting_id == meeting.id)
    ).scalar_one_or_none()
    return bool(written)


def without_lapsed(
    app: App, batch: list[int], skipped_ids: list[int] | None = None, owner: str | None = None
) -> list[int]:
    """Mark the messages of the claimed *batch* that lost their purpose skipped; return the rest.

    The check reads the batch and its entities in a few queries (one per kind
    of entity, not one per message); only when something lapsed is a unit of
    work opened to mark those skipped, with their audit records. The ids of
    the skipped ones are added to *skipped_ids* (the dispatcher's report).

    With *owner* (the dispatcher's claim), a message is only marked while
    it is still queued and claimed by *owner*: one another runner took over
    meanwhile is that runner's to judge, so a skip is recorded (and audited)
    once. Marking it skipped ends the claim.
    """
    if not batch:
        return batch
    with app.db.session() as session:
        rows = list(
            session.execute(
                select(OutboxMessage).where(OutboxMessage.id.in_(batch)).order_by(OutboxMessage.id)
            ).scalars()
        )
        _preload(session, rows)
        now = app.clock.now()
        reasons = {r.id: why for r in rows if (why := lapsed(session, r, now)) is not None}
    if not reasons:
        return batch
    marked: set[int] = set()
    with app.unit_of_work(Actor.system()) as uow:
        stmt = select(OutboxMessage).where(OutboxMessage.id.in_(reasons))
        if owner is not None:
            stmt = stmt.where(OutboxMessage.status == "queued", OutboxMessage.lease_owner == owner)
        for row in uow.session.execute(stmt.order_by(OutboxMessage.id).with_for_update()).scalars():
            _skip(uow, row, reasons[row.id])
            marked.add(row.id)
    if skipped_ids is not None:
        skipped_ids.extend(i for i in batch if i in marked)
    # One not marked is no longer ours (or no longer queued): not to be sent by us either.
    return [i for i in batch if i not in reasons]


def _preload(session: Session, rows: list[OutboxMessage]) -> None:
    """Load the entities the rules of *rows* speak of, one query per kind of entity."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        if row.entity_id is not None and _rule(row.notification, row.entity_type) is not None:
            wanted.setdefault(str(row.entity_type), set()).add(row.entity_id)
    for table, ids in wanted.items():
        model = _MODELS_BY_TABLE.get(table)
        if model is not None:
            session.execute(select(model).where(table_of(model).c.id.in_(ids))).scalars().all()


def _skip(uow: Any, row: OutboxMessage, reason: str) -> None:
    row.status = "skipped"
    row.skip_reason = reason
    row.lease_owner = row.lease_until = None
    uow.audit(
        entity_type="outbox",
        entity_id=row.id,
        action="mail.skipped",
        committee_id=row.committee_id,
        from_state="queued",
        to_state="skipped",
        details={
            # No recipient: the chained record names no address (the message id is the entity).
            "notification": row.notification,
            "entity": f"{row.entity_type}:{row.entity_id}",
            "reason": reason,
        },
    )
