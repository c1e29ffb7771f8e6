"""The call for proposals' action link: propose an agenda item until the proposal deadline.

The link's page asks for the title, the kind and a description and proposes
the item through :func:`governance.services.agenda.propose` (the function
``agenda propose`` and the meeting page call), as the link's person: the
same refusals (deadline passed, agenda final, a title too long).

One link takes several proposals until the deadline (each its own use, audited
"via link"), at most :data:`PROPOSALS_PER_LINK`; its page lists what the
person has proposed for the meeting so far. A title is at most 300
characters, a description 4000 (the page says so; a longer one is refused
with the limit).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.errors import Text
from governance.models import AgendaItem, Meeting, Person
from governance.services import access, action_links, agenda
from governance.unit_of_work import UnitOfWork

PURPOSE = "agenda.propose"
PROPOSALS_PER_LINK = 10
"""Enough for any member's wishes for one meeting; more goes through the secretariat
(a link is no channel for flooding the agenda)."""


def _describe(session: Session, meeting: Meeting, person: Person) -> dict[str, Any]:
    return {
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "deadline": meeting.proposal_deadline_at,
        "committee": meeting.committee.name,
    }


def _kinds(session: Session, meeting: Meeting, person: Person) -> list[tuple[str, str | Text]]:
    return [(kind.value, Text(f"link.proposal.kind.{kind.value}")) for kind in agenda.ItemKind]


def _proposed(session: Session, meeting: Meeting, person: Person) -> list[Text]:
    """The items *person* has proposed for *meeting* so far, with their state."""
    items = session.execute(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting.id, AgendaItem.proposer_id == person.id)
        .order_by(AgendaItem.id)
    ).scalars()
    return [
        Text("link.proposal.so_far_item", item=i.title, status=Text(f"agenda.status.{i.status}"))
        for i in items
    ]


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
        uses=PROPOSALS_PER_LINK,
        done_so_far=_proposed,
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
