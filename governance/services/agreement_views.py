"""Reading the agreement: lookups of versions and plain data for the CLI.

The dicts returned by :func:`summary`, :func:`show` and :func:`list_versions`
have stable keys and ISO 8601 dates (they are printed by ``--json``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from governance.models import (
    Agreement,
    AgreementVersion,
    Committee,
    Organisation,
)
from governance.reads import tables
from governance.reads.agreements import latest_version_id, summaries, version_id_by_ref, versions
from governance.reads.agreements import show as read_show

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
    committee_id = committee.id if isinstance(committee, Committee) else committee
    session.flush()  # the lookup reads through Core
    version = session.get(
        AgreementVersion, version_id_by_ref(session.connection(), ref, committee_id)
    )
    assert version is not None
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
    session.flush()  # the lookup reads through Core
    version = session.get(AgreementVersion, latest_version_id(session.connection(), committee.id))
    assert version is not None
    return version


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
    """*version* in full (:func:`governance.reads.agreements.show`), in this session's
    transaction, with the parties whose signed paper is on its way (said by link)."""
    session.flush()  # Core reads what the session holds, not what it would flush
    data = read_show(session.connection(), version.id)
    for party in data["parties"]:
        party.setdefault("paper_on_its_way", None)  # stable keys for the pages and services
    return data


def list_versions(session: Session, committee: Committee) -> list[dict[str, Any]]:
    return versions(session.connection(), committee.id)


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
