"""Adding a member organisation to a committee, from what a user types.

``gremium member add`` (and any later form) passes the committee, the
organisation and the people as references; this module looks them up and
calls :func:`governance.services.directory.add_membership`, which checks
permission and the start date and audits the change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from governance.errors import InvalidInput
from governance.models import Committee, Membership, Role
from governance.services import directory, validation
from governance.unit_of_work import UnitOfWork


def add_member(
    uow: UnitOfWork,
    committee: Committee | str | int | None,
    *,
    organisation: str,
    role: str | Role = Role.MEMBER,
    voting: bool | None = None,
    starts_on: str | dt.date | None = None,
    representatives: Sequence[str] = (),
    deputies: Sequence[str] = (),
) -> Membership:
    """The organisation *organisation* (short name, name or number) becomes a member
    of *committee* in *role*, with its representatives and deputies (e-mail addresses)."""
    if not isinstance(committee, Committee):
        committee = directory.committee_by_ref(uow.session, committee)
    # Who may not add members learns nothing about the directory from the refusal.
    directory.check_membership_edit(uow, committee)
    if not representatives:
        # a member organisation acts through its people: without one nobody could
        raise InvalidInput("error.member.no_representative")
    start = validation.date(starts_on) if starts_on not in (None, "") else None
    spec = directory.MembershipSpec(
        organisation=directory.organisation_by_ref(uow.session, organisation),
        role=role,  # type: ignore[arg-type]  # validated by create_membership
        voting=voting,
        starts_on=start,
        representatives=tuple(directory.person_by_email(uow.session, e) for e in representatives),
        deputies=tuple(directory.person_by_email(uow.session, e) for e in deputies),
    )
    return directory.add_membership(uow, committee, spec)
