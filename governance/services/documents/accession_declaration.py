"""The accession declaration (Beitrittserklärung) of an accepted application.

Printed to be signed (empty signature lines) once the committee has accepted
the application, and as a record once the declaration is signed. It names
the agreement version the organisation accedes to by number and SHA-256:
the signed one if the declaration is recorded, else the version in force.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from governance.errors import Conflict, Text
from governance.models import AccessionApplication, AgreementVersion
from governance.services.accession import application_by_id
from governance.services.agreement_views import in_force_version, ref_of
from governance.services.documents.parts import committee_part, organisation_part, signatory_part

PRINTABLE_STATES = ("accepted", "joined")
"""Before the committee's decision there is nothing to declare."""


def load(session: Session, ref: str) -> dict[str, Any]:
    """The context of the accession declaration of application *ref*."""
    return context(session, application_by_id(session, ref))


def context(session: Session, application: AccessionApplication) -> dict[str, Any]:
    if application.state not in PRINTABLE_STATES:
        raise Conflict(
            "documents.error.not_accepted",
            ref=application.id,
            state=Text(f"accession.state.{application.state}"),
        )
    declaration = application.declaration
    if declaration is not None:
        version = session.get(AgreementVersion, declaration.agreement_version_id)
    else:
        version = in_force_version(session, application.committee)
    if version is None or version.text_sha256 is None:
        raise Conflict(
            "documents.error.no_agreement_in_force", committee=application.committee.short_name
        )
    return {
        "committee": committee_part(application.committee),
        "application": {
            "id": application.id,
            "submitted_on": application.submitted_on,
            "requested_role": application.requested_role,
            "state": application.state,
            "member_from": application.member_from,
        },
        "organisation": organisation_part(application.organisation),
        "applicant": signatory_part(application.applicant),
        "agreement": {
            "title": version.agreement.title,
            "ref": ref_of(version),
            "number": version.number,
            "text_sha256": declaration.text_sha256 if declaration else version.text_sha256,
            "in_force_from": version.in_force_from,
        },
        "decision": {
            "decided_on": application.decided_on,
            "yes": application.votes_yes,
            "no": application.votes_no,
            "abstain": application.votes_abstain,
        },
        "declaration": None
        if declaration is None
        else {
            "signatory": signatory_part(declaration.signatory),
            "signed_on": declaration.signed_on,
            "place": declaration.place,
            "method": declaration.method,
            "at_ceremony": False,
        },
    }
