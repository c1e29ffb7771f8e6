"""Reading the agreement: lookups of versions and plain data for the CLI.

The dicts returned by :func:`summary`, :func:`show` and :func:`list_versions`
have stable keys and ISO 8601 dates (they are printed by ``--json``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from governance.errors import InvalidInput, NotFound, Text
from governance.models import (
    Agreement,
    AgreementVersion,
    Committee,
    Organisation,
    SigningCeremony,
)
from governance.reads import tables
from governance.reads.agreements import summaries, versions

# --- lookups ---


def committee_of(session: Session, version: AgreementVersion) -> Committee:
    committee = session.get(Committee, version.committee_id)
    assert committee is not None
    return committee


def version_by_ref(
    session: Session, ref: str | int, committee: Committee | int | None = None
) -> AgreementVersion:
    """A version by its id ("7") or by agreement and number ("1/2"); with *committee*,
    only a version of that committee's agreement (another's is not found)."""
    text = str(ref).strip()
    version: AgreementVersion | None = None
    if text.isdigit():
        version = session.get(AgreementVersion, int(text))
    elif re.fullmatch(r"\d+/\d+", text):
        agreement_id, number = (int(x) for x in text.split("/"))
        version = session.execute(
            select(AgreementVersion).where(
                AgreementVersion.agreement_id == agreement_id, AgreementVersion.number == number
            )
        ).scalar_one_or_none()
    else:
        raise InvalidInput("agreement.error.ref", value=text)
    committee_id = committee.id if isinstance(committee, Committee) else committee
    if version is None or (committee_id is not None and version.committee_id != committee_id):
        raise NotFound("error.not_found", kind=Text("kind.agreement_version"), ref=text, hint="")
    return version


def resolve(
    session: Session,
    version: AgreementVersion | str | int,
    committee: Committee | int | None = None,
) -> AgreementVersion:
    """The version itself, or the one a user's reference names (see version_by_ref)."""
    if isinstance(version, AgreementVersion):
        return version
    return version_by_ref(session, version, committee)


def versions_of(session: Session, committee: Committee) -> list[AgreementVersion]:
    return list(
        session.execute(
            select(AgreementVersion)
            .join(Agreement, Agreement.id == AgreementVersion.agreement_id)
            .where(Agreement.committee_id == committee.id)
            .order_by(Agreement.id, AgreementVersion.number)
        ).scalars()
    )


def in_force_version(session: Session, committee: Committee) -> AgreementVersion | None:
    """The version of the committee's agreement that is in force now, if any."""
    in_force = [v for v in versions_of(session, committee) if v.state == "in_force"]
    return in_force[-1] if in_force else None


def latest_version(session: Session, committee: Committee) -> AgreementVersion:
    versions = versions_of(session, committee)
    if not versions:
        raise NotFound(
            "error.not_found", kind=Text("kind.agreement"), ref=committee.short_name, hint=""
        )
    return versions[-1]


def pending_parties(version: AgreementVersion) -> list[Organisation]:
    """The required parties that have not signed *version* yet."""
    return version.pending_parties()


# --- data for the CLI (--json): stable keys, ISO dates ---


def ref_of(version: AgreementVersion) -> str:
    return f"{version.agreement_id}/{version.number}"


def summary(version: AgreementVersion) -> dict[str, Any]:
    """The summary of a version in hand (:func:`governance.reads.agreements.summaries`)."""
    session = object_session(version)
    assert session is not None, "a version read from the database"
    session.flush()
    found = summaries(session.connection(), tables.agreement_versions.c.id == version.id)
    return found[0]


def show(session: Session, version: AgreementVersion) -> dict[str, Any]:
    # Imported here: the announcements resolve versions through this module.
    from governance.services.paper_signature import announced

    data = summary(version)
    signed = {s.organisation_id: s for s in version.signatures}
    on_its_way = {a.organisation: a for a in announced(session, version)}
    data["created_at"] = _iso(version.created_at)
    data["parties"] = [
        {
            "organisation": p.organisation.short_name,
            "name": p.organisation.name,
            "signed": p.organisation_id in signed,
            # The party said its signed paper is on its way (the signature request's link).
            "paper_on_its_way": _iso(on_its_way[p.organisation.short_name].at)
            if p.organisation_id not in signed and p.organisation.short_name in on_its_way
            else None,
        }
        for p in version.parties
    ]
    ceremonies = {
        c.id: c
        for c in session.execute(
            select(SigningCeremony).where(SigningCeremony.version_id == version.id)
        ).scalars()
    }
    data["signatures"] = [
        {
            "organisation": s.organisation.short_name,
            "signatory": s.signatory.email,
            "signatory_name": s.signatory.name,
            "signed_on": _iso(s.signed_on),
            "place": s.place,
            "method": s.method,
            "text_sha256": s.text_sha256,
            "ceremony_id": s.ceremony_id,
            "recorded_at": _iso(s.recorded_at),
            "recorded_by": s.recorded_by.email if s.recorded_by else None,
            "recorded_later": s.recorded_later,
        }
        for s in version.signatures
    ]
    data["ceremonies"] = [
        {"id": c.id, "held_on": _iso(c.held_on), "place": c.place} for c in ceremonies.values()
    ]
    data["signed"] = len(version.signatures)
    return data


def list_versions(session: Session, committee: Committee) -> list[dict[str, Any]]:
    return versions(session.connection(), committee.id)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# --- the agreement page ---


def agreement_page(
    session: Session, committee: Committee, version_ref: str | int | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The committee's versions (summaries) and one version in full: *version_ref*
    (a version of this committee only), else the newest; (``[]``, None) without an agreement."""
    rows = list_versions(session, committee)
    if version_ref is None or str(version_ref).strip() == "":
        if not rows:
            return rows, None
        version = latest_version(session, committee)
    else:
        version = version_by_ref(session, version_ref, committee)
    return rows, show(session, version)
