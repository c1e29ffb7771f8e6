"""A party says that its signed paper is on its way (Unterschrift per Post unterwegs).

Where the rules allow no electronic signature, the signature request's link
lets a representative or deputy confirm that the signed page has been sent;
the secretariat sees it in ``agreement show`` (and the web page) next to the
party that has not signed yet, and records the signature when the paper
arrives (``agreement sign`` as secretariat). The announcement is kept as its
audit record (action ``agreement.paper_announced``): no table of its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.errors import Conflict
from governance.models import AgreementVersion, Committee
from governance.reads.agreements import PAPER_ANNOUNCED, paper_announcements
from governance.services.agreement_views import committee_of, ref_of, resolve
from governance.services.electronic_signature import signing_organisation
from governance.unit_of_work import UnitOfWork

ACTION = PAPER_ANNOUNCED


@dataclasses.dataclass(frozen=True)
class PaperOnItsWay:
    organisation: str
    person: str
    at: dt.datetime


def announce_paper(
    uow: UnitOfWork,
    version_ref: AgreementVersion | str | int,
    *,
    committee: Committee | int | None = None,
) -> PaperOnItsWay:
    """Record that the acting person's organisation has sent its signed paper."""
    version = resolve(uow.session, version_ref, committee)
    owner = committee_of(uow.session, version)
    organisation = signing_organisation(uow, version, owner)

    def refused(key: str, **params: object) -> Conflict:
        return Conflict(key, **params).concerning(
            entity_type="agreement_versions",
            entity_id=version.id,
            action=ACTION,
            committee_id=owner.id,
        )

    if version.state != "open_for_signature":
        raise refused("signature.error.not_open", ref=ref_of(version))
    signed = next((s for s in version.signatures if s.organisation_id == organisation.id), None)
    if signed is not None:
        raise refused(
            "agreement.error.already_signed",
            organisation=organisation.short_name,
            signatory=signed.signatory.email,
            signed_on=signed.signed_on.isoformat(),
        )
    earlier = next(
        (a for a in announced(uow.session, version) if a.organisation == organisation.short_name),
        None,
    )
    if earlier is not None:
        raise refused(
            "signature.error.already_announced",
            organisation=organisation.short_name,
            person=earlier.person,
            at=earlier.at.astimezone(BERLIN).strftime("%d.%m.%Y"),
        )
    person = uow.person()
    assert person is not None
    uow.audit(
        entity_type="agreement_versions",
        entity_id=version.id,
        committee_id=owner.id,
        action=ACTION,
        details={"organisation_id": organisation.id, "text_sha256": version.text_sha256},
    )
    return PaperOnItsWay(organisation.short_name, person.name, uow.now)


def announced(session: Session, version: AgreementVersion) -> list[PaperOnItsWay]:
    """The parties that said their signed paper is on its way, in order (the read
    :func:`governance.reads.agreements.paper_announcements`, in this transaction)."""
    session.flush()  # Core reads what the session holds, not what it would flush
    return [PaperOnItsWay(**a) for a in paper_announcements(session.connection(), version.id)]
