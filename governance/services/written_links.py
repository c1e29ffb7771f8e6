"""The personal links of a written procedure's mails (issue 14.6): vote yes, no or
abstain, or demand a meeting, from the mail, each through one confirmation page.

Each link calls the same function as the web and the command line
(:func:`governance.services.written_procedure.vote` and ``demand_meeting``),
acting as its person "via link", so a second vote, a vote after the deadline
or for an organisation that has none is refused with the same message. A link
expires at the procedure's deadline.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from governance.errors import Text
from governance.models import Person, WrittenProcedure
from governance.services import access, action_links
from governance.services import written_procedure as wp
from governance.unit_of_work import UnitOfWork

CHOICES = ("yes", "no", "abstain")
DEMAND = "demand_meeting"


def _describe(session: Session, procedure: WrittenProcedure, person: Person) -> dict[str, Any]:
    own = access.organisations_of(session, person, procedure.committee, procedure.started_at.date())
    voting = {b.organisation_id for b in procedure.ballots}
    mine = [o for o in own if o.id in voting]
    return {
        "number": procedure.id,
        "title": procedure.title,
        "text": procedure.text,
        "deadline_at": procedure.deadline_at,
        "organisation": mine[0].name if mine else "",
        "committee": procedure.committee.name,
    }


def _voter(choice: str) -> Any:
    def perform(uow: UnitOfWork, procedure: WrittenProcedure, form: Mapping[str, str]) -> Text:
        ballot = wp.vote(uow, procedure, choice=choice, via=wp.Via.LINK.value)
        return Text(
            "written.link.done.vote",
            organisation=ballot.organisation.short_name,
            choice=Text(f"written.choice.{choice}"),
            number=procedure.id,
        )

    return perform


def _demand(uow: UnitOfWork, procedure: WrittenProcedure, form: Mapping[str, str]) -> Text:
    ballot = wp.demand_meeting(uow, procedure, via=wp.Via.LINK.value)
    return Text(
        "written.link.done.demand_meeting",
        organisation=ballot.organisation.short_name,
        number=procedure.id,
    )


for _choice in (*CHOICES, DEMAND):
    action_links.register(
        action_links.Purpose(
            name=f"written_vote.{_choice}",
            entity=WrittenProcedure,
            title_key="written.link.title",
            confirm_key=f"written.link.confirm.{_choice}",
            button_key=f"written.link.button.{_choice}",
            describe=_describe,
            perform=_demand if _choice == DEMAND else _voter(_choice),
            expiry=lambda procedure: procedure.deadline_at,
        )
    )


def links_for(uow: UnitOfWork, procedure: WrittenProcedure, person: Person) -> dict[str, str]:
    """{"yes", "no", "abstain", "demand_meeting": marker} for *person* (the dispatcher
    puts a fresh token's address in each marker's place); {} for someone who acts
    for no voting member of the procedure."""
    own = access.organisations_of(uow.session, person, procedure.committee, uow.today)
    voting = {b.organisation_id for b in procedure.ballots}
    if not any(o.id in voting for o in own):
        return {}
    return {
        choice: action_links.issue(
            uow,
            person=person,
            purpose=f"written_vote.{choice}",
            entity=procedure,
            expires_at=procedure.deadline_at,
            committee_id=procedure.committee_id,
        )
        for choice in (*CHOICES, DEMAND)
    }
