"""The simple electronic signature (einfache elektronische Signatur) of the agreement.

Where the committee's rules allow it (``electronic_signature``, off by
default), a party's representative or deputy signs the frozen text from the
signature request's link: they read the text and its SHA-256, type their
name and confirm. The signature is an ordinary :class:`Signature` of method
``electronic`` bound to that SHA-256 (through :func:`agreements.sign`, with
all its checks), dated today and recorded at the moment of confirming; its
place names the typed name ("elektronisch, gezeichnet: …"), so the signature
row (a record kept as it is, see erasure) holds name, hash and moment. The
audit trail adds a record ``agreement.sign_electronic`` with the hash and the
moment, and names people by id only, as everywhere.
"""

from __future__ import annotations

from governance.errors import Conflict, InvalidInput
from governance.models import AgreementVersion, Committee, Organisation, Signature, SignatureMethod
from governance.services import access, agreements, validation
from governance.services.agreement_views import committee_of, pending_parties, resolve
from governance.unit_of_work import UnitOfWork

ACTION = "agreement.sign_electronic"
PLACE = "elektronisch, gezeichnet: {name}"
"""The place a simple electronic signature names: how, and the name typed (the
signature page is in German, like the archived agreement)."""
MAX_NAME = 200


def same_name(typed: str, name: str) -> bool:
    """Whether *typed* is *name*, ignoring case and runs of blanks."""
    return " ".join(typed.split()).casefold() == " ".join(name.split()).casefold()


def signing_organisation(
    uow: UnitOfWork, version: AgreementVersion, committee: Committee
) -> Organisation:
    """The party the acting person signs for: an organisation they act for that
    has not signed yet (else the first they act for, so the refusal names it)."""
    person = uow.person()
    own = access.organisations_of(uow.session, person, committee, uow.today) if person else []
    if not own:
        raise access.refusal(uow, "agreement.sign_own", committee, "agreement_versions", version.id)
    pending = {o.id for o in pending_parties(version)}
    return next((o for o in own if o.id in pending), own[0])


def sign_electronically(
    uow: UnitOfWork,
    version_ref: AgreementVersion | str | int,
    *,
    typed_name: str,
    text_sha256: str,
    committee: Committee | int | None = None,
) -> Signature:
    """Sign *version* for the acting person's organisation with their typed name,
    today, bound to *text_sha256* (the hash they were shown)."""
    version = resolve(uow.session, version_ref, committee)
    owner = committee_of(uow.session, version)
    organisation = signing_organisation(uow, version, owner)
    if not owner.rules.electronic_signature:
        raise Conflict("signature.error.electronic_off", committee=owner.short_name).concerning(
            entity_type="agreement_versions",
            entity_id=version.id,
            action=ACTION,
            committee_id=owner.id,
        )
    person = uow.person()
    assert person is not None
    typed = validation.text(typed_name, "name", MAX_NAME)
    if not same_name(typed, person.name):
        raise InvalidInput("signature.error.typed_name", typed=typed[:MAX_NAME], name=person.name)
    signature = agreements.sign(
        uow,
        version,
        organisation=organisation,
        signatory=person,
        signed_on=uow.today,
        place=PLACE.format(name=typed),
        method=SignatureMethod.ELECTRONIC,
        text_sha256=text_sha256,
    )
    uow.audit(
        entity_type="agreement_versions",
        entity_id=version.id,
        committee_id=owner.id,
        action=ACTION,
        details={
            "signature_id": signature.id,
            "organisation_id": organisation.id,
            "text_sha256": signature.text_sha256,
            "signed_at": uow.now.isoformat(),
        },
    )
    return signature
