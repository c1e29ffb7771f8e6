"""The call for proposals' action link: propose an agenda item until the proposal deadline.

The link's page asks for the title, the kind and a description and proposes
the item through :func:`governance.services.agenda.propose` (the function
``agenda propose`` and the meeting page call), as the link's person: the
same refusals (deadline passed, agenda final, a title too long).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from governance.errors import Text
from governance.models import Meeting, Person
from governance.services import access, action_links, agenda
from governance.unit_of_work import UnitOfWork

PURPOSE = "agenda.propose"


def _describe(session: Session, meeting: Meeting, person: Person) -> dict[str, Any]:
    return {
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "deadline": meeting.proposal_deadline_at,
        "committee": meeting.committee.name,
    }


def _kinds(session: Session, meeting: Meeting, person: Person) -> list[tuple[str, str | Text]]:
    return [(kind.value, Text(f"link.proposal.kind.{kind.value}")) for kind in agenda.ItemKind]


def _propose(uow: UnitOfWork, meeting: Meeting, form: Mapping[str, str]) -> Text:
    item = agenda.propose(
        uow,
        meeting,
        title=form.get("title", ""),
        kind=form.get("kind", ""),
        description=form.get("description", ""),
    )
    return Text("link.proposal.done", item=item.title, title=meeting.title)


action_links.register(
    action_links.Purpose(
        name=PURPOSE,
        entity=Meeting,
        title_key="link.proposal.title",
        confirm_key="link.proposal.confirm",
        button_key="link.proposal.button",
        describe=_describe,
        perform=_propose,
        expiry=lambda meeting: meeting.proposal_deadline_at,
        fields=(
            action_links.Field("title", "link.proposal.field.title", max_length=300, one_line=True),
            action_links.Field("kind", "link.proposal.field.kind", choices=_kinds),
            action_links.Field(
                "description", "link.proposal.field.description", required=False, max_length=4000
            ),
        ),
    )
)


def proposal_link(uow: UnitOfWork, meeting: Meeting, person: Person) -> dict[str, str] | None:
    """The call for proposals' link for *person* (a marker the dispatcher fills), valid
    until the proposal deadline; None for someone who does not act for a member."""
    if not access.organisations_of(uow.session, person, meeting.committee, uow.today):
        return None
    marker = action_links.issue(
        uow,
        person=person,
        purpose=PURPOSE,
        entity=meeting,
        expires_at=meeting.proposal_deadline_at,
        committee_id=meeting.committee_id,
    )
    return {"propose": marker}
