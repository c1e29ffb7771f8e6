"""The action item's link: report it done (through :func:`action_items.complete`,
as ``actions done`` does, with its refusals), valid until :data:`AFTER_DUE_DAYS`
days after the due date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.errors import Text
from governance.models import ActionItem, Person
from governance.services import action_items, action_links
from governance.unit_of_work import UnitOfWork

PURPOSE = "action_item.done"
AFTER_DUE_DAYS = 60


def ends(action: ActionItem) -> dt.datetime:
    last = action.due_on + dt.timedelta(days=AFTER_DUE_DAYS)
    return dt.datetime.combine(last, dt.time(23, 59), BERLIN).astimezone(dt.UTC)


def _describe(session: Session, action: ActionItem, person: Person) -> dict[str, Any]:
    return {"what": action.what, "due_on": action.due_on.strftime("%d.%m.%Y")}


def _done(uow: UnitOfWork, action: ActionItem, form: Mapping[str, str]) -> Text:
    action_items.complete(uow, action, note=form.get("note", ""))
    return Text("link.action_item.done", what=action.what)


action_links.register(
    action_links.Purpose(
        name=PURPOSE,
        entity=ActionItem,
        title_key="link.action_item.title",
        confirm_key="link.action_item.confirm",
        button_key="link.action_item.button",
        describe=_describe,
        perform=_done,
        expiry=ends,
        fields=(
            action_links.Field(
                "note", "link.action_item.field.note", required=False, max_length=2000
            ),
        ),
    )
)


def action_item_link(uow: UnitOfWork, action: ActionItem, person: Person) -> dict[str, str]:
    return {
        "done": action_links.issue(
            uow,
            person=person,
            purpose=PURPOSE,
            entity=action,
            expires_at=ends(action),
            committee_id=action.committee_id,
        )
    }
