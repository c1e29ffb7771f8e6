"""The shared directory as ``org list`` and ``person list`` show it (Core, plain dicts)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from governance.errors import NotFound, Text
from governance.reads import tables

_o = tables.directory_organisations.c
_p = tables.directory_people.c


def organisation_id_by_ref(conn: Connection, ref: str | int) -> int:
    """The id of organisation *ref*: its number, short name or name (any case)."""
    text = str(ref).strip()
    found = None
    if text.isdigit():
        found = conn.execute(select(_o.id).where(_o.id == int(text))).scalar_one_or_none()
    if found is None:
        found = conn.execute(
            select(_o.id).where(
                (func.lower(_o.short_name) == text.lower()) | (func.lower(_o.name) == text.lower())
            )
        ).scalar_one_or_none()
    if found is None:
        known = conn.execute(select(_o.short_name).order_by(_o.short_name)).scalars().all()
        hint = Text("hint.known", names=", ".join(known)) if known else ""
        raise NotFound("error.not_found", kind=Text("kind.organisation"), ref=text, hint=hint)
    return int(found)


def organisations(conn: Connection, *where: ColumnElement[bool]) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(_o.id, _o.name, _o.short_name, _o.kind, _o.created_at)
        .where(*where)
        .order_by(_o.short_name)
    ).mappings()
    return [dict(r) for r in rows]


def people(conn: Connection, *where: ColumnElement[bool]) -> list[dict[str, Any]]:
    """People by e-mail address, each with the short name of their organisation."""
    rows = conn.execute(
        select(
            _p.id,
            _p.name,
            _p.email,
            _p.function_title,
            _p.language,
            _o.short_name.label("organisation"),
            _p.is_admin,
            _p.created_at,
        )
        .select_from(tables.directory_people)
        .outerjoin(tables.directory_organisations, _o.id == _p.organisation_id)
        .where(*where)
        .order_by(_p.email)
    ).mappings()
    return [dict(r) for r in rows]
