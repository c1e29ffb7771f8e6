"""What the conflict-of-interest and vote-transfer services share: who acts for which
organisation, whether the meeting still takes such a declaration, and how it came in."""

from __future__ import annotations

from governance.clock import BERLIN
from governance.domain.permissions import CommitteeRole
from governance.errors import Conflict, InvalidInput, NotPermitted, Text
from governance.models import Meeting, Organisation
from governance.services import access, directory
from governance.services.attendance import voting_memberships
from governance.unit_of_work import UnitOfWork

OPEN_STATES = ("planned", "convened", "in_session")
"""A declaration for a meeting is taken until it closes."""
RECORDING_ROLES = {CommitteeRole.CHAIR, CommitteeRole.SECRETARIAT, CommitteeRole.ADMIN}
"""Who records a declaration for any member organisation (that came in writing)."""


def voting_member(uow: UnitOfWork, meeting: Meeting, ref: str, what: str) -> Organisation:
    """The voting member organisation *ref* names at *meeting*; refused with the members."""
    if not str(ref or "").strip():
        raise InvalidInput("practice.error.organisation_missing", what=what)
    organisation = directory.organisation_by_ref(uow.session, ref)
    members = voting_memberships(uow.session, meeting)
    if organisation.id not in {m.organisation_id for m in members}:
        raise InvalidInput(
            "practice.error.not_voting",
            organisation=organisation.short_name,
            members=", ".join(sorted(m.organisation.short_name for m in members)),
        )
    return organisation


def require_open(meeting: Meeting, action: str) -> None:
    if meeting.state not in OPEN_STATES:
        raise Conflict(
            "practice.error.meeting_state",
            meeting=meeting.id,
            state=Text(f"documents.meeting_state.{meeting.state}"),
        ).concerning(
            entity_type="meetings",
            entity_id=meeting.id,
            action=action,
            committee_id=meeting.committee_id,
        )


def may_act_for(
    uow: UnitOfWork, meeting: Meeting, roles: set[CommitteeRole], organisation: Organisation
) -> None:
    """The chair and the secretariat record for any member; a representative or deputy
    declares for their own organisation only."""
    if roles & RECORDING_ROLES:
        return
    person = uow.person()
    day = meeting.starts_at.astimezone(BERLIN).date()
    if person is None or not access.acts_for(
        uow.session, person, organisation, meeting.committee, day
    ):
        raise NotPermitted("practice.error.not_yours", organisation=organisation.short_name)


def channel(uow: UnitOfWork, roles: set[CommitteeRole]) -> str:
    """How a declaration came in: link, secretariat, chair or member (in person, by CLI or web)."""
    if uow.actor.via == "link":
        return "link"
    if CommitteeRole.SECRETARIAT in roles or CommitteeRole.ADMIN in roles:
        return "secretariat"
    if CommitteeRole.CHAIR in roles:
        return "chair"
    return "member"


def own_organisation(uow: UnitOfWork, meeting: Meeting) -> Organisation:
    """The voting member organisation the acting person (from a link) acts for."""
    person = uow.person()
    day = meeting.starts_at.astimezone(BERLIN).date()
    voting = {m.organisation_id for m in voting_memberships(uow.session, meeting)}
    mine = (
        [o for o in access.organisations_of(uow.session, person, meeting.committee, day)]
        if person is not None
        else []
    )
    for organisation in mine:
        if organisation.id in voting:
            return organisation
    raise NotPermitted("practice.error.no_vote_of_yours")
