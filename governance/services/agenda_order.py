"""The order of the agenda and its final form: the chair numbers the accepted
items (TOP 1, 2, 3...) and marks the agenda final once no proposal is open.

After the invitation a new order raises the agenda's revision and is
announced (agenda.agenda_changed); each change counts as a change of the
meeting, so a form showing an older order is refused (meetings.touch).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from governance.errors import Conflict, InvalidInput
from governance.models import Meeting
from governance.services import access
from governance.services import meetings as meeting_service
from governance.services.agenda import agenda_changed, items
from governance.services.meeting_notices import agenda_items
from governance.services.meetings import MeetingRef, require_version, touch
from governance.unit_of_work import UnitOfWork


def order(
    uow: UnitOfWork,
    meeting: MeetingRef,
    item_ids: Sequence[int | str],
    *,
    version: int | str | None = None,
) -> Meeting:
    """Set the order of the agenda: every accepted item once (by number), TOP 1 first."""
    meeting = meeting_service.meeting_by_id(uow.session, meeting)
    access.check(
        uow, "agenda.decide", meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    require_version(uow, meeting, version)
    meeting_service.require_trigger(uow, meeting, "update_agenda")
    current = agenda_items(uow.session, meeting)
    by_id = {i.id: i for i in current}
    texts = [str(ref).strip().lstrip("#") for ref in item_ids]
    if not all(text.isdigit() for text in texts):
        # Say which numbers are allowed, as for a wrong set of numbers.
        raise InvalidInput(
            "agenda.error.order",
            given=", ".join(str(ref) for ref in item_ids),
            expected=", ".join(str(i) for i in by_id) or "—",
        )
    numbers = [int(text) for text in texts]
    if sorted(numbers) != sorted(by_id) or len(set(numbers)) != len(numbers):
        raise InvalidInput(
            "agenda.error.order",
            given=", ".join(str(i) for i in numbers) or "—",
            expected=", ".join(str(i) for i in by_id) or "—",
        )
    if [i.id for i in current] == numbers:
        return meeting
    for position, item_id in enumerate(numbers, start=1):
        by_id[item_id].position = position
    uow.audit(
        entity_type="meetings",
        entity_id=meeting.id,
        committee_id=meeting.committee_id,
        action="agenda.order",
        details={"order": numbers},
    )
    agenda_changed(uow, meeting, "reordered", "")
    touch(uow, meeting)
    return meeting


def order_by_positions(
    uow: UnitOfWork,
    meeting: MeetingRef,
    positions: Mapping[str, str],
    *,
    version: int | str | None = None,
) -> Meeting:
    """Set the order from a number per item (item number -> wished TOP), as a form sends it.

    The numbers need not be consecutive: the items are sorted by them (equal
    numbers keep their current order) and numbered 1, 2, 3... Every item on
    the agenda needs a number.
    """
    meeting = meeting_service.meeting_by_id(uow.session, meeting)
    access.check(
        uow, "agenda.decide", meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    current = {i.id: i.position or 0 for i in agenda_items(uow.session, meeting)}
    wished: list[tuple[int, int, str]] = []
    for ref, value in positions.items():
        text = str(value).strip()
        if not text.isdigit() or not 0 < int(text) <= 999:
            raise InvalidInput("agenda.error.position", item=ref, value=value)
        key = str(ref).strip().lstrip("#")
        current_position = current.get(int(key), 0) if key.isdigit() else 0
        wished.append((int(text), current_position, str(ref)))
    return order(uow, meeting, [ref for *_, ref in sorted(wished)], version=version)


def finalize(uow: UnitOfWork, meeting: MeetingRef, *, version: int | str | None = None) -> Meeting:
    """The chair marks the agenda final: no proposal may be left undecided."""
    meeting = meeting_service.meeting_by_id(uow.session, meeting)
    access.check(
        uow, "agenda.decide", meeting.committee, entity_type="meetings", entity_id=meeting.id
    )
    require_version(uow, meeting, version)
    meeting_service.require_trigger(uow, meeting, "update_agenda")
    pending = [i for i in items(uow.session, meeting) if i.status == "proposed"]
    if pending:
        raise Conflict(
            "agenda.error.pending_proposals",
            items=", ".join(f"#{i.id} „{i.title}“" for i in pending),
        )
    if meeting.agenda_final:
        return meeting
    meeting.agenda_final = True
    uow.audit(
        entity_type="meetings",
        entity_id=meeting.id,
        committee_id=meeting.committee_id,
        action="agenda.finalize",
        details={"items": [i.id for i in agenda_items(uow.session, meeting)]},
    )
    return meeting
