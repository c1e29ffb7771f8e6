"""The minutes of a meeting as ``minutes show`` and the minutes page show them
(Core, plain dicts with stable keys: they are printed by ``--json``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from governance.errors import NotFound, Text
from governance.reads import audit_log, tables


def meeting_id_by_ref(conn: Connection, ref: str | int) -> int:
    """The id of meeting *ref* ("5" or "#5"); NotFound as the services say it."""
    meeting_id = meeting_number(ref)
    m = tables.meetings.c
    if conn.execute(select(m.id).where(m.id == meeting_id)).scalar_one_or_none() is None:
        raise NotFound("error.not_found", kind=Text("kind.meeting"), ref=str(meeting_id), hint="")
    return meeting_id


def meeting_number(ref: str | int) -> int:
    """The id *ref* names ("5" or "#5"), unchecked; NotFound for what is no number."""
    text = str(ref).strip().lstrip("#")
    if not text.isdigit():
        raise NotFound("error.not_found", kind=Text("kind.meeting"), ref=text, hint="")
    return int(text)


def describe(conn: Connection, meeting_id: int) -> dict[str, Any]:
    """The minutes of meeting *meeting_id*: state, revision, deadlines, approval,
    archive, objections and the notes of each accepted agenda item."""
    m, i = tables.meetings.c, tables.agenda_items.c
    meeting = conn.execute(select(m.id, m.number, m.state).where(m.id == meeting_id)).one()
    notes = conn.execute(
        select(i.position, i.title, i.notes)
        .where(i.meeting_id == meeting_id, i.status == "accepted")
        .order_by(i.position, i.id)
    ).all()
    n = tables.minutes.c
    minutes = (
        conn.execute(select(tables.minutes).where(n.meeting_id == meeting_id))
        .mappings()
        .one_or_none()
    )
    base: dict[str, Any] = {
        "meeting_id": meeting.id,
        "meeting_number": meeting.number,
        "meeting_state": meeting.state,
        "state": minutes["state"] if minutes else "none",
        "notes": [{"top": r.position, "title": r.title, "notes": r.notes} for r in notes],
    }
    if minutes is None:
        return base
    base.update(
        {
            "id": minutes["id"],
            "revision": minutes["revision"],
            "minute_taker": _person_name(conn, minutes["minute_taker_id"]),
            "circulated_at": minutes["circulated_at"],
            "objection_deadline_at": minutes["objection_deadline_at"],
            "referred_at": minutes["referred_at"],
            "approved_at": minutes["approved_at"],
            "approved_by": minutes["approved_by"] or None,
            "approval_decision": minutes["approval_decision"] or None,
            "frozen": minutes["frozen"],
            "archive_path": minutes["archive_path"] or None,
            "archive_sha256": minutes["archive_sha256"] or None,
            "archive_document": _archive_document(conn, minutes["archive_document_id"]),
            "objections": _objections(conn, minutes["id"]),
        }
    )
    # Absent when there are none, so the output stays as it was before replies by mail
    # and agreements (the services give both keys in any case).
    by_mail = mail_objections(conn, minutes)
    if by_mail:
        base["mail_objections"] = by_mail
    agreed = agreements(conn, minutes)
    if agreed:
        base["agreements"] = agreed
    return base


def mail_objections(conn: Connection, minutes: Any) -> list[dict[str, Any]]:
    """The objections that came by mail for *minutes* (its row), oldest first, with
    their state: pending until their sender confirms them by link, lapsed once the
    minutes moved on (services/mail_objections.py)."""
    m, p, o = tables.mail_objections.c, tables.people.c, tables.organisations.c
    rows = conn.execute(
        select(
            m.id,
            p.name,
            p.email,
            o.short_name,
            m.text,
            m.state,
            m.received_at,
            m.confirmed_at,
            m.revision,
        )
        .join_from(tables.mail_objections, tables.people, p.id == m.person_id)
        .outerjoin(tables.organisations, o.id == p.organisation_id)
        .where(m.minutes_id == minutes["id"])
        .order_by(m.id)
    ).all()
    return [
        {
            "id": r.id,
            "person": r.name,
            "email": r.email,
            "organisation": r.short_name or "",
            "text": r.text,
            "state": "lapsed"
            if r.state == "pending"
            and (minutes["revision"] != r.revision or minutes["state"] != "circulated")
            else r.state,
            "received_at": r.received_at,
            "confirmed_at": r.confirmed_at,
            "revision": r.revision,
        }
        for r in rows
    ]


AGREE = "minutes.agree"
"""The audit action of an agreement with the minutes (services/minutes.py: no table)."""


def agreements(conn: Connection, minutes: Any) -> list[dict[str, Any]]:
    """Who agreed with the current revision of *minutes* (its row), in order, read
    from the audit trail (services/minutes.py refuses a second agreement from it)."""
    return [
        {
            "organisation": r["organisation"],
            "person": r["person"],
            "revision": minutes["revision"],
            "at": r["at"],
        }
        for r in audit_log.statements(conn, "minutes", minutes["id"], AGREE)
        if r["details"].get("revision") == minutes["revision"]
    ]


def _person_name(conn: Connection, person_id: int | None) -> str | None:
    if person_id is None:
        return None
    p = tables.people.c
    return conn.execute(select(p.name).where(p.id == person_id)).scalar_one()


def _archive_document(conn: Connection, document_id: int | None) -> dict[str, Any] | None:
    """The archived PDF/A as stored in the database (``archive_path`` is only a copy)."""
    if document_id is None:
        return None
    d = tables.stored_documents.c
    row = conn.execute(
        select(
            d.id, d.name, d.size, d.sha256, d.data.is_not(None).label("in_database"), d.note
        ).where(d.id == document_id)
    ).one()
    return {
        "id": row.id,
        "name": row.name,
        "size": row.size,
        "sha256": row.sha256,
        "in_database": bool(row.in_database),
        "note": row.note or None,
    }


def _objections(conn: Connection, minutes_id: int) -> list[dict[str, Any]]:
    o, org, p = tables.minutes_objections.c, tables.organisations.c, tables.people.c
    rows = conn.execute(
        select(
            o.id,
            o.revision,
            org.short_name,
            p.name,
            o.text,
            o.raised_at,
            o.resolved,
            o.resolution,
            o.resolved_at,
        )
        .join_from(tables.minutes_objections, tables.organisations, org.id == o.organisation_id)
        .join(tables.people, p.id == o.person_id)
        .where(o.minutes_id == minutes_id)
        .order_by(o.id)
    ).all()
    return [
        {
            "id": r.id,
            "revision": r.revision,
            "organisation": r.short_name,
            "person": r.name,
            "text": r.text,
            "raised_at": r.raised_at,
            "resolved": r.resolved,
            "resolution": r.resolution or None,
            "resolved_at": r.resolved_at,
        }
        for r in rows
    ]
