"""The circulated minutes' action links: agree, or object with a text, until the period ends.

Both go through the functions ``minutes agree`` / ``minutes object`` and the
minutes page call (:func:`governance.services.minutes.agree`,
:func:`~governance.services.minutes.object_to`), as the link's person, with
their refusals. A link belongs to the revision it was circulated with: the
links of an earlier revision are revoked when the minutes are circulated
again, so nobody agrees with a text they were not sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.errors import Text
from governance.models import ActionLink, Minutes, Person
from governance.services import access, action_links, minutes
from governance.unit_of_work import UnitOfWork

AGREE = "minutes.agree"
OBJECT = "minutes.object"
OBJECTION_MAX = 4000


def _describe(session: Session, record: Minutes, person: Person) -> dict[str, Any]:
    meeting = record.meeting
    return {
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "revision": record.revision,
        "deadline": record.objection_deadline_at,
        "committee": meeting.committee.name,
    }


def _agree(uow: UnitOfWork, record: Minutes, form: Mapping[str, str]) -> Text:
    agreed = minutes.agree(uow, record.meeting)
    return Text("link.minutes.done.agree", revision=agreed.revision, title=record.meeting.title)


def _object(uow: UnitOfWork, record: Minutes, form: Mapping[str, str]) -> Text:
    objection = minutes.object_to(uow, record.meeting, text=form.get("text", ""))
    return Text("link.minutes.done.object", revision=objection.revision, title=record.meeting.title)


for _name, _perform, _fields in (
    (AGREE, _agree, ()),
    (
        OBJECT,
        _object,
        (action_links.Field("text", "link.minutes.field.text", max_length=OBJECTION_MAX),),
    ),
):
    action_links.register(
        action_links.Purpose(
            name=_name,
            entity=Minutes,
            title_key="link.minutes.title",
            confirm_key=f"link.{_name}.confirm",
            button_key=f"link.{_name}.button",
            describe=_describe,
            perform=_perform,
            fields=_fields,
        )
    )


def minutes_links(uow: UnitOfWork, record: Minutes, person: Person) -> dict[str, str] | None:
    """The circulated minutes' two links for *person*, valid until the objection period
    ends; None for someone who does not act for a member organisation."""
    meeting = record.meeting
    deadline = record.objection_deadline_at
    if deadline is None or not access.organisations_of(
        uow.session, person, meeting.committee, uow.today
    ):
        return None
    return {
        name.removeprefix("minutes."): action_links.issue(
            uow,
            person=person,
            purpose=name,
            entity=record,
            expires_at=deadline,
            committee_id=meeting.committee_id,
        )
        for name in (AGREE, OBJECT)
    }


def revoke_earlier_revisions(uow: UnitOfWork, record: Minutes) -> None:
    """Revoke the open links of *record*'s earlier circulations (before new ones are issued)."""
    for link in uow.session.execute(
        select(ActionLink).where(
            ActionLink.entity_type == Minutes.__tablename__,
            ActionLink.entity_id == record.id,
            ActionLink.purpose.in_((AGREE, OBJECT)),
            ActionLink.used_at.is_(None),
            ActionLink.revoked_at.is_(None),
        )
    ).scalars():
        link.revoked_at = uow.now
        link.revoked_by = f"revision {record.revision}"
