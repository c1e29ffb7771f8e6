"""Versions of a committee's agreement as ``agreement list`` and ``agreement show``
show them (Core, plain dicts).

Stable keys and ISO 8601 dates (they are printed by ``--json``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import ColumnElement, Connection, select

from governance.errors import InvalidInput, NotFound, Text
from governance.reads import audit_log, tables


def versions(conn: Connection, committee_id: int) -> list[dict[str, Any]]:
    """Every version of *committee_id*'s agreements, in order, as summaries."""
    return summaries(conn, tables.agreements.c.committee_id == committee_id)


def summaries(conn: Connection, *where: ColumnElement[bool]) -> list[dict[str, Any]]:
    """The summaries of the versions matching *where* (by agreement, then number)."""
    v, a = tables.agreement_versions.c, tables.agreements.c
    rows = (
        conn.execute(
            # every column but the text itself (a summary names its SHA-256)
            select(*(c for c in v if c.key != "text"), a.title)
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


def version_id_by_ref(conn: Connection, ref: str | int, committee_id: int | None = None) -> int:
    """A version's id by its id ("7") or by agreement and number ("1/2"); with
    *committee_id*, only a version of that committee's agreement (another's is not found)."""
    text = str(ref).strip()
    v, a = tables.agreement_versions.c, tables.agreements.c
    stmt = select(v.id, a.committee_id).join_from(
        tables.agreement_versions, tables.agreements, a.id == v.agreement_id
    )
    if text.isdigit():
        stmt = stmt.where(v.id == int(text))
    elif re.fullmatch(r"\d+/\d+", text):
        agreement_id, number = (int(x) for x in text.split("/"))
        stmt = stmt.where(v.agreement_id == agreement_id, v.number == number)
    else:
        raise InvalidInput("agreement.error.ref", value=text)
    found = conn.execute(stmt).one_or_none()
    if found is None or (committee_id is not None and found.committee_id != committee_id):
        raise NotFound("error.not_found", kind=Text("kind.agreement_version"), ref=text, hint="")
    return int(found.id)


def latest_version_id(conn: Connection, committee_id: int) -> int:
    """The id of the newest version of *committee_id*'s agreements."""
    v, a = tables.agreement_versions.c, tables.agreements.c
    found = conn.execute(
        select(v.id)
        .join_from(tables.agreement_versions, tables.agreements, a.id == v.agreement_id)
        .where(a.committee_id == committee_id)
        .order_by(a.id.desc(), v.number.desc())
        .limit(1)
    ).scalar_one_or_none()
    if found is None:
        c = tables.committees.c
        name = conn.execute(select(c.short_name).where(c.id == committee_id)).scalar_one()
        raise NotFound("error.not_found", kind=Text("kind.agreement"), ref=name, hint="")
    return int(found)


def show(conn: Connection, version_id: int) -> dict[str, Any]:
    """One version in full: its summary, parties, signatures and signing ceremonies."""
    data = summaries(conn, tables.agreement_versions.c.id == version_id)[0]
    v = tables.agreement_versions.c
    data["created_at"] = _iso(
        conn.execute(select(v.created_at).where(v.id == version_id)).scalar_one()
    )
    s, o = tables.signatures.c, tables.organisations.c
    signatory, recorder = tables.people.alias("signatory"), tables.people.alias("recorder")
    signatures = conn.execute(
        select(
            s.organisation_id,
            o.short_name,
            signatory.c.email,
            signatory.c.name,
            s.signed_on,
            s.place,
            s.method,
            s.text_sha256,
            s.ceremony_id,
            s.recorded_at,
            recorder.c.email.label("recorded_by"),
            s.recorded_later,
        )
        .join_from(tables.signatures, tables.organisations, o.id == s.organisation_id)
        .join(signatory, signatory.c.id == s.signatory_id)
        .outerjoin(recorder, recorder.c.id == s.recorded_by_id)
        .where(s.version_id == version_id)
        .order_by(s.id)
    ).all()
    signed = {r.organisation_id for r in signatures}
    p = tables.agreement_parties.c
    data["parties"] = [
        {"organisation": short_name, "name": name, "signed": organisation_id in signed}
        for organisation_id, short_name, name in conn.execute(
            select(p.organisation_id, o.short_name, o.name)
            .join_from(tables.agreement_parties, tables.organisations, o.id == p.organisation_id)
            .where(p.version_id == version_id)
            .order_by(p.id)
        )
    ]
    on_its_way = paper_on_its_way(conn, version_id)
    for party in data["parties"]:
        said = on_its_way.get(party["organisation"])
        if said is not None and not party["signed"]:  # absent, as before, for the others
            party["paper_on_its_way"] = said
    data["signatures"] = [
        {
            "organisation": r.short_name,
            "signatory": r.email,
            "signatory_name": r.name,
            "signed_on": _iso(r.signed_on),
            "place": r.place,
            "method": r.method,
            "text_sha256": r.text_sha256,
            "ceremony_id": r.ceremony_id,
            "recorded_at": _iso(r.recorded_at),
            "recorded_by": r.recorded_by,
            "recorded_later": r.recorded_later,
        }
        for r in signatures
    ]
    c = tables.signing_ceremonies.c
    data["ceremonies"] = [
        {"id": r.id, "held_on": _iso(r.held_on), "place": r.place}
        for r in conn.execute(
            select(c.id, c.held_on, c.place).where(c.version_id == version_id).order_by(c.id)
        )
    ]
    data["signed"] = len(signatures)
    return data


PAPER_ANNOUNCED = "agreement.paper_announced"
"""The audit action of services/paper_signature.py (the announcement has no table)."""


def paper_on_its_way(conn: Connection, version_id: int) -> dict[str, str]:
    """The parties that said their signed paper is on its way: short name -> when
    (ISO 8601), read from the audit trail."""
    return {a["organisation"]: a["at"].isoformat() for a in paper_announcements(conn, version_id)}


def paper_announcements(conn: Connection, version_id: int) -> list[dict[str, Any]]:
    """Who said their party's signed paper is on its way, in order: organisation (short
    name), person (name, or the actor's label) and when; from the audit trail. The one
    read of it: services/paper_signature.py refuses a second announcement from it."""
    return [
        {"organisation": r["organisation"], "person": r["person"], "at": r["at"]}
        for r in audit_log.statements(conn, "agreement_versions", version_id, PAPER_ANNOUNCED)
    ]
