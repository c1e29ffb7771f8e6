"""Objections that came by mail: pending until their sender confirms them by link.

A reply to circulated minutes (matched through its reply address's token,
:mod:`governance.services.inbound`) is not yet an objection: anyone can
write any From header. It is recorded as *pending*, the secretariat sees
it (``minutes show``, the web minutes page), and the person the reply
address was given to gets a mail quoting it with a personal link
(purpose ``minutes.confirm_mail_objection``). Confirming raises the
objection through :func:`governance.services.minutes.object_to`, acting as
that person via link: the same checks and refusals as ``minutes object``
(a member organisation, within the objection period, minutes circulated).
A pending objection the minutes have moved past (new revision, approved,
period over) is shown as lapsed (governance/reads/minutes.py reads them for
``minutes show`` and the page); its link has expired by then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from governance import outbox
from governance.errors import Conflict, Text
from governance.models import InboundMail, MailObjection, Minutes, Person
from governance.services import action_links
from governance.unit_of_work import UnitOfWork

PURPOSE = "minutes.confirm_mail_objection"
TEXT_MAX = 4000
"""As ``minutes object --text``: a longer reply is cut, and the mail says so."""


def receive(
    uow: UnitOfWork, minutes: Minutes, person_id: int, inbound: InboundMail, text: str
) -> MailObjection:
    """Record *text* as a pending objection of *person_id* and send them the link to confirm it."""
    person = uow.session.get(Person, person_id)
    assert person is not None
    cut = len(text) > TEXT_MAX
    pending = MailObjection(
        minutes_id=minutes.id,
        revision=minutes.revision,
        person_id=person.id,
        inbound_id=inbound.id,
        text=text[:TEXT_MAX],
        state="pending",
        received_at=uow.now,
        note="",
    )
    uow.session.add(pending)
    uow.session.flush()
    deadline = minutes.objection_deadline_at or minutes.meeting.starts_at
    marker = action_links.issue(
        uow,
        person=person,
        purpose=PURPOSE,
        entity=pending,
        expires_at=deadline,
        committee_id=minutes.committee_id,
    )
    meeting = minutes.meeting
    outbox.queue(
        uow,
        notification="objection_confirm",
        recipient=person,
        context={
            "committee": meeting.committee.name,
            "meeting": {"title": meeting.title, "starts_at": meeting.starts_at.isoformat()},
            "objection": {
                "text": pending.text,
                "cut": cut,
                "revision": minutes.revision,
                "deadline_at": deadline.isoformat(),
                "received_at": uow.now.isoformat(),
            },
            "link": marker,
        },
        committee_id=minutes.committee_id,
        entity=pending,
    )
    uow.audit(
        entity_type="minutes",
        entity_id=minutes.id,
        action="minutes.objection_by_mail",
        committee_id=minutes.committee_id,
        to_state="pending",
        details={"pending_id": pending.id, "person_id": person.id, "revision": minutes.revision},
    )
    return pending


def confirm(uow: UnitOfWork, pending: MailObjection) -> MailObjection:
    """The person confirms: the objection is raised as ``minutes object`` raises it."""
    from governance.services.minutes import object_to

    if pending.state != "pending":
        raise Conflict("inbound.error.not_pending", state=Text(f"inbound.state.{pending.state}"))
    minutes = uow.session.get(Minutes, pending.minutes_id)
    assert minutes is not None
    if minutes.revision != pending.revision:
        raise Conflict("inbound.error.other_revision", revision=pending.revision)
    objection = object_to(uow, minutes.meeting_id, text=pending.text)
    pending.state = "confirmed"
    pending.confirmed_at = uow.now
    pending.objection_id = objection.id
    return pending


# --- the confirmation link ---


def _describe(session: Session, pending: MailObjection, person: Person) -> dict[str, Any]:
    minutes = session.get(Minutes, pending.minutes_id)
    assert minutes is not None
    return {
        "title": minutes.meeting.title,
        "starts_at": minutes.meeting.starts_at,
        "text": pending.text,
        "revision": pending.revision,
    }


def _perform(uow: UnitOfWork, pending: MailObjection, form: Mapping[str, str]) -> Text:
    confirm(uow, pending)
    minutes = uow.session.get(Minutes, pending.minutes_id)
    assert minutes is not None
    return Text("inbound.link.done", title=minutes.meeting.title)


def _expiry(pending: MailObjection) -> dt.datetime:
    from sqlalchemy.orm import object_session

    session = object_session(pending)
    assert session is not None
    minutes = session.get(Minutes, pending.minutes_id)
    assert minutes is not None
    return minutes.objection_deadline_at or pending.received_at


action_links.register(
    action_links.Purpose(
        name=PURPOSE,
        entity=MailObjection,
        title_key="inbound.link.title",
        confirm_key="inbound.link.confirm",
        button_key="inbound.link.button",
        describe=_describe,
        perform=_perform,
        expiry=_expiry,
    )
)
