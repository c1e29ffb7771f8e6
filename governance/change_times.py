"""When published rows last changed, and what was deleted (for OParl).

OParl clients update their copies with ``modified_since``; for that every
published object needs the moment of its last change, and a deleted one a
tombstone (models/tombstone.py). Rather than every service remembering to
set them, one ``before_flush`` listener on all sessions does it for the ORM:
a changed row with a ``modified_at`` column gets the unit of work's moment,
a deleted agenda item, membership or representative leaves a tombstone, and
a meeting counts as changed when one of its agenda items changes (OParl:
``modified`` of the object an item is embedded in changes with it).

Sessions without a unit of work (migrations, imports) leave the times alone:
``modified_at`` None reads as "not changed since created". Core DELETEs (the
erasure of a person) call :func:`bury` themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session

NOW = "gremium.now"
"""Key in ``Session.info``: the unit of work's clock (a callable returning its moment)."""

_MEETING_IDS = "gremium.changed_meetings"


def attach(session: Session, now: Callable[[], dt.datetime]) -> None:
    """Let *session*'s flushes stamp changes with *now* (called by the unit of work)."""
    session.info[NOW] = now


def _stamp(session: Session, flush_context: Any, instances: Any) -> None:
    from governance.models import AgendaItem, Membership, MembershipPerson, Tombstone

    now_of = session.info.get(NOW)
    if now_of is None:
        return
    now = now_of()
    meetings: set[int] = set()
    for obj in session.new:
        if hasattr(obj, "modified_at"):
            obj.modified_at = now
        if isinstance(obj, AgendaItem) and obj.meeting_id is not None:
            meetings.add(obj.meeting_id)
    for obj in session.dirty:
        if hasattr(obj, "modified_at") and session.is_modified(obj, include_collections=False):
            obj.modified_at = now
            if isinstance(obj, AgendaItem):
                meetings.add(obj.meeting_id)
    for obj in session.deleted:
        if isinstance(obj, AgendaItem) and (obj.status != "accepted" or obj.confidential):
            meetings.add(obj.meeting_id)  # never published: nothing to answer as deleted
        elif isinstance(obj, AgendaItem):
            meetings.add(obj.meeting_id)
            session.add(
                Tombstone(
                    kind="agenda_items",
                    object_id=obj.id,
                    committee_id=_committee_of_meeting(session, obj.meeting_id),
                    created_at=obj.created_at,
                    deleted_at=now,
                )
            )
        elif isinstance(obj, Membership):
            session.add(
                Tombstone(
                    kind="memberships",
                    object_id=obj.id,
                    committee_id=obj.committee_id,
                    created_at=None,
                    deleted_at=now,
                )
            )
        elif isinstance(obj, MembershipPerson):
            session.add(
                Tombstone(
                    kind="membership_people",
                    object_id=obj.id,
                    committee_id=_committee_of_membership(session, obj.membership_id),
                    created_at=None,
                    deleted_at=now,
                )
            )
    if meetings:
        session.info.setdefault(_MEETING_IDS, set()).update(meetings)


def _touch_meetings(session: Session, flush_context: Any) -> None:
    from governance.models import Meeting

    ids = session.info.pop(_MEETING_IDS, None)
    now_of = session.info.get(NOW)
    if not ids or now_of is None:
        return
    # Core, not the ORM: the meeting's version counter (optimistic locking) stays as it is.
    session.execute(
        update(Meeting.__table__)  # type: ignore[arg-type]
        .where(Meeting.__table__.c.id.in_(sorted(ids)))
        .values(modified_at=now_of())
    )


def _committee_of_meeting(session: Session, meeting_id: int) -> int | None:
    from governance.models import Meeting

    return session.execute(
        select(Meeting.committee_id).where(Meeting.id == meeting_id)
    ).scalar_one_or_none()


def _committee_of_membership(session: Session, membership_id: int) -> int | None:
    from governance.models import Membership

    return session.execute(
        select(Membership.committee_id).where(Membership.id == membership_id)
    ).scalar_one_or_none()


def bury(
    session: Session, kind: str, rows: Iterable[tuple[int, int | None]], now: dt.datetime
) -> None:
    """Tombstones for rows deleted with Core: (object id, committee id) of each, of table *kind*."""
    from governance.models import Tombstone

    values = [
        {"kind": kind, "object_id": oid, "committee_id": cid, "created_at": None, "deleted_at": now}
        for oid, cid in rows
    ]
    if values:
        session.execute(insert(Tombstone), values)


event.listen(Session, "before_flush", _stamp)
event.listen(Session, "after_flush", _touch_meetings)
