"""Versions of a committee's agreement as ``agreement list`` shows them (Core, plain dicts).

Stable keys and ISO 8601 dates (they are printed by ``--json``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Connection, select

from governance.reads import tables


def versions(conn: Connection, committee_id: int) -> list[dict[str, Any]]:
    """Every version of *committee_id*'s agreements, in order, as summaries."""
    return summaries(conn, tables.agreements.c.committee_id == committee_id)


def summaries(conn: Connection, *where: ColumnElement[bool]) -> list[dict[str, Any]]:
    """The summaries of the versions matching *where* (by agreement, then number)."""
    v, a = tables.agreement_versions.c, tables.agreements.c
    rows = (
        conn.execute(
            select(tables.agreement_versions, a.title)
            .join_from(tables.agreement_versions, tables.agreements, a.id == v.agreement_id)
            .where(*where)
            .order_by(a.id, v.number)
        )
        .mappings()
        .all()
    )
    ids = [r["id"] for r in rows]
    parties: dict[int, list[tuple[int, str]]] = {i: [] for i in ids}
    signed: dict[int, list[int]] = {i: [] for i in ids}
    if ids:
        p, o, s = tables.agreement_parties.c, tables.organisations.c, tables.signatures.c
        for version_id, organisation_id, short_name in conn.execute(
            select(p.version_id, p.organisation_id, o.short_name)
            .join_from(tables.agreement_parties, tables.organisations, o.id == p.organisation_id)
            .where(p.version_id.in_(ids))
            .order_by(p.id)
        ):
            parties[version_id].append((organisation_id, short_name))
        for version_id, organisation_id in conn.execute(
            select(s.version_id, s.organisation_id).where(s.version_id.in_(ids))
        ):
            signed[version_id].append(organisation_id)
    return [_summary(r, parties[r["id"]], signed[r["id"]]) for r in rows]


def _summary(r: Any, parties: list[tuple[int, str]], signed: list[int]) -> dict[str, Any]:
    pending = (
        [name for org, name in parties if org not in signed]
        if r["state"] == "open_for_signature"
        else []
    )
    return {
        "id": r["id"],
        "ref": f"{r['agreement_id']}/{r['number']}",
        "agreement_id": r["agreement_id"],
        "number": r["number"],
        "title": r["title"],
        "state": r["state"],
        "text_sha256": r["text_sha256"],
        "effective_from": _iso(r["effective_from"]),
        "in_force_from": _iso(r["in_force_from"]),
        "ended_on": _iso(r["ended_on"]),
        "opened_at": _iso(r["opened_at"]),
        "decision": _decision(r),
        "parties": len(parties),
        "signed": len(signed),
        "pending": pending,
    }


def _decision(r: Any) -> dict[str, Any] | None:
    """The committee's decision on an amendment (None: none taken, or the first version)."""
    if r["decided_on"] is None:
        return None
    return {
        "decision": r["decision_reference"],
        "day": _iso(r["decided_on"]),
        # Decided and not rejected: adopted (whatever happened to it since).
        "adopted": r["state"] != "rejected",
        "yes": r["votes_yes"],
        "no": r["votes_no"],
        "abstain": r["votes_abstain"],
    }


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
