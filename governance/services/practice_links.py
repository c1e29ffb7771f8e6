"""The invitation's links for meeting practice (issue 16): declare a conflict of interest
in an item, and transfer the vote where the rules allow it. Only to those who act for a
voting member organisation."""

from __future__ import annotations

from governance.clock import BERLIN
from governance.models import Meeting, Person
from governance.services import access
from governance.services.attendance import voting_memberships
from governance.services.conflicts_of_interest import conflict_link
from governance.services.vote_transfer import transfer_link
from governance.unit_of_work import UnitOfWork


def invitation_links(uow: UnitOfWork, meeting: Meeting, person: Person) -> dict[str, str] | None:
    """``{"conflict": marker, "transfer": marker}`` (transfer only where allowed), or None."""
    day = meeting.starts_at.astimezone(BERLIN).date()
    voting = {m.organisation_id for m in voting_memberships(uow.session, meeting)}
    mine = access.organisations_of(uow.session, person, meeting.committee, day)
    if not any(o.id in voting for o in mine):
        return None
    links = {"conflict": conflict_link(uow, meeting, person)}
    transfer = transfer_link(uow, meeting, person)
    if transfer is not None:
        links["transfer"] = transfer
    return links
