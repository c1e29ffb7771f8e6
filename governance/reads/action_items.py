"""Action items (Aufgaben) of a committee, by due date (Core, plain dicts)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from governance.errors import InvalidInput
from governance.reads import tables

STATES = ("open", "done", "dropped")
"""The states of workflows/action_item.yaml, what ``--status`` accepts."""


def action_items(
    conn: Connection, committee_id: int, state: str | None = None
) -> list[dict[str, Any]]:
    a, o, p = tables.action_items.c, tables.organisations.c, tables.people.c
    stmt = (
        select(
            a.id,
            a.what,
            o.short_name.label("owner_organisation"),
            p.email.label("owner_person"),
            p.name.label("owner_person_name"),
            a.due_on,
            a.state,
            a.done_on,
            a.note,
            a.meeting_id,
            a.agenda_item_id,
        )
        .select_from(tables.action_items)
        .outerjoin(tables.organisations, o.id == a.owner_organisation_id)
        .outerjoin(tables.people, p.id == a.owner_person_id)
        .where(a.committee_id == committee_id)
        .order_by(a.due_on, a.id)
    )
    if state is not None:
        if state not in STATES:
            raise InvalidInput(
                "error.choice", what="--status", value=state, allowed=", ".join(STATES)
            )
        stmt = stmt.where(a.state == state)
    return [_described(dict(r)) for r in conn.execute(stmt).mappings()]


def owner_label(person_name: str | None, organisation: str | None) -> str:
    """Who an action item is for, as lists show it: the person's name where a person
    owns it, else the organisation's short name."""
    if person_name is not None:
        return person_name
    return organisation or "—"


def _described(row: dict[str, Any]) -> dict[str, Any]:
    name = row.pop("owner_person_name")
    row["who"] = owner_label(
        name if row["owner_person"] is not None else None, row["owner_organisation"]
    )
    return row
