"""The agreement document: one version's text, its SHA-256 and a signature page.

Context only (plain dicts, no database objects), so templates cannot load
anything behind the renderer's back and tests can build contexts by hand.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from governance.models import AgreementVersion, Signature, SigningCeremony
from governance.services.agreement_views import committee_of, ref_of, version_by_ref
from governance.services.documents.parts import committee_part, organisation_part, signatory_part


def load(session: Session, ref: str) -> dict[str, Any]:
    """The context of the agreement version *ref* ("7" or "1/2")."""
    return context(session, version_by_ref(session, ref))


def context(session: Session, version: AgreementVersion) -> dict[str, Any]:
    signatures = {s.organisation_id: s for s in version.signatures}
    ceremonies = session.execute(
        select(SigningCeremony)
        .where(SigningCeremony.version_id == version.id)
        .order_by(SigningCeremony.id)
    ).scalars()
    return {
        "committee": committee_part(committee_of(session, version)),
        "agreement": {
            "title": version.agreement.title,
            "ref": ref_of(version),
            "number": version.number,
            "state": version.state,
            "text_sha256": version.text_sha256,
            "effective_from": version.effective_from,
            "in_force_from": version.in_force_from,
            "ended_on": version.ended_on,
            "text": version.text,
        },
        "ceremonies": [{"held_on": c.held_on, "place": c.place} for c in ceremonies],
        "parties": [
            {
                **organisation_part(party.organisation),
                "signature": _signature(signatures.get(party.organisation_id)),
            }
            for party in version.parties
        ],
    }


def _signature(signature: Signature | None) -> dict[str, Any] | None:
    if signature is None:
        return None
    return {
        "signatory": signatory_part(signature.signatory),
        "signed_on": signature.signed_on,
        "place": signature.place,
        "method": signature.method,
        "text_sha256": signature.text_sha256,
        "at_ceremony": signature.ceremony_id is not None,
    }
