"""Committees and their memberships as the listings show them (Core, plain dicts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from governance.errors import NotFound, Text
from governance.reads import tables

_c = tables.committees.c


class DefaultCommittee(str):
    """A committee reference from the installation's default (``[cli] committee``,
    ``GREMIUM_COMMITTEE``), not typed with the command: *where* it was set is named
    when there is no such committee."""

    where: str

    def __new__(cls, ref: str, where: str) -> DefaultCommittee:
        made = super().__new__(cls, ref)
        made.where = where
        return made


def committee_id_by_ref(conn: Connection, ref: str | int | None) -> int:
    """The id of committee *ref* (number or short name, any case); without a ref,
    of the only committee there is. NotFound names the committees that exist (and,
    when there are several and none is named, how to name one or set a default)."""
    if ref is None:
        rows = conn.execute(select(_c.id, _c.short_name).order_by(_c.short_name)).all()
        if len(rows) == 1:
            return int(rows[0].id)
        if not rows:
            raise NotFound("error.committee.none")
        names = [r.short_name for r in rows]
        raise NotFound("error.committee.which", names=", ".join(names), first=names[0])
    text = str(ref).strip()
    found = None
    if text.isdigit():
        found = conn.execute(select(_c.id).where(_c.id == int(text))).scalar_one_or_none()
    if found is None:
        found = conn.execute(
            select(_c.id).where(func.lower(_c.short_name) == text.lower())
        ).scalar_one_or_none()
    if found is None:
        known = conn.execute(select(_c.short_name).order_by(_c.short_name)).scalars().all()
        if isinstance(ref, DefaultCommittee):
            listed = ", ".join(known) or "—"
            raise NotFound(
                "error.committee.default_unknown", ref=text, where=ref.where, names=listed
            )
        hint = Text("hint.known", names=", ".join(known)) if known else ""
        raise NotFound("error.not_found", kind=Text("kind.committee"), ref=text, hint=hint)
    return int(found)


def short_name(conn: Connection, committee_id: int) -> str:
    return str(conn.execute(select(_c.short_name).where(_c.id == committee_id)).scalar_one())


def list_committees(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(_c.id, _c.name, _c.short_name, _c.sender_email, _c.created_at).order_by(
            _c.short_name
        )
    ).mappings()
    return [dict(r) for r in rows]


def committee_view(conn: Connection, committee_id: int, on: dt.date) -> dict[str, Any]:
    """The committee with its rules, the members of *on* and its secretariat."""
    from governance.domain.rules import RulesOfProcedure

    row = conn.execute(
        select(_c.id, _c.name, _c.short_name, _c.sender_email, _c.created_at, _c.rules_data).where(
            _c.id == committee_id
        )
    ).one()
    p, s = tables.people.c, tables.secretariat_members.c
    secretariat = conn.execute(
        select(p.email)
        .join_from(tables.people, tables.secretariat_members, s.person_id == p.id)
        .where(s.committee_id == committee_id)
        .order_by(p.email)
    ).scalars()
    members = memberships(conn, tables.memberships.c.committee_id == committee_id)
    return {
        "id": row.id,
        "name": row.name,
        "short_name": row.short_name,
        "sender_email": row.sender_email,
        "created_at": row.created_at,
        "rules": RulesOfProcedure.from_dict(row.rules_data or {}).to_dict(),
        "members": [m for m in members if _current(m, on)],
        "secretariat": list(secretariat),
    }


def _current(view: dict[str, Any], on: dt.date) -> bool:
    return bool(view["starts_on"] <= on and (view["ends_on"] is None or on < view["ends_on"]))


def memberships(conn: Connection, *where: ColumnElement[bool]) -> list[dict[str, Any]]:
    """The memberships matching *where*, in the order they were made, each with its
    representatives and deputies (e-mail addresses, in the order they were added)."""
    m, o, c = tables.memberships.c, tables.organisations.c, _c
    rows = conn.execute(
        select(
            m.id,
            c.short_name.label("committee"),
            o.short_name.label("organisation"),
            o.name.label("organisation_name"),
            m.role,
            m.voting,
            m.starts_on,
            m.ends_on,
            m.notice_given_on,
            m.state,
        )
        .join_from(tables.memberships, tables.committees, c.id == m.committee_id)
        .join(tables.organisations, o.id == m.organisation_id)
        .where(*where)
        .order_by(m.id)
    ).mappings()
    views = [dict(r) for r in rows]
    people: dict[int, dict[str, list[str]]] = {
        v["id"]: {"representative": [], "deputy": []} for v in views
    }
    if people:
        mp, p = tables.membership_people.c, tables.people.c
        for membership_id, capacity, email in conn.execute(
            select(mp.membership_id, mp.capacity, p.email)
            .join_from(tables.membership_people, tables.people, p.id == mp.person_id)
            .where(mp.membership_id.in_(list(people)))
            .order_by(mp.id)
        ):
            people[membership_id].setdefault(capacity, []).append(email)
    return [
        {
            **{k: v for k, v in view.items() if k not in ("state",)},
            "representatives": people[view["id"]]["representative"],
            "deputies": people[view["id"]]["deputy"],
            "state": view["state"],
        }
        for view in views
    ]
