"""The accession declaration (Beitrittserklärung): the last step of an accession.

The accepted partner's signatory signs the declaration bound to the SHA-256
of the agreement version in force; recording it fires ``join`` and the
organisation becomes a voting member.

Default start of the membership: the day after the declaration was signed.
A membership runs from the start of a whole day, and a declaration signed
during a meeting day should not make the new partner a member of a meeting
that had already begun; an earlier date down to the signing day itself, or
any later one, may be given.
"""

from __future__ import annotations

import datetime as dt
import re

from governance.errors import Conflict, InvalidInput, Text
from governance.models import (
    AccessionApplication,
    AccessionDeclaration,
    Committee,
    Organisation,
    SignatureMethod,
)
from governance.services import access, directory, validation
from governance.services.accession_workflow import (
    ENTITY,
    acts_for_applicant,
    check,
    for_audit,
    not_future,
    require_trigger,
    resolve,
)
from governance.services.agreements import in_force_version
from governance.services.effective_dates import check_membership_start
from governance.unit_of_work import UnitOfWork

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def declare(
    uow: UnitOfWork,
    application: AccessionApplication | str | int,
    *,
    signatory_email: str,
    signed_on: str | dt.date,
    place: str,
    text_sha256: str,
    method: str | SignatureMethod = SignatureMethod.INK,
    member_from: str | dt.date | None = None,
    committee: Committee | int | None = None,
) -> AccessionDeclaration:
    """Record the accession declaration; the organisation joins from *member_from*.

    The signatory signs for the applicant organisation. They may record their
    own signature; otherwise the chair or the secretariat records it. The
    declaration binds to the SHA-256 of the agreement version in force.
    *application* may be its number as typed (within *committee*, when given).
    """
    application = resolve(uow, application, committee)
    committee = application.committee
    signatory = directory.person_by_email(uow.session, signatory_email)
    actor = uow.person()
    own = (
        actor is not None
        and actor.id == signatory.id
        and acts_for_applicant(signatory, application)
    )
    if not own:
        check(uow, "accession.record_declaration", application)
    if not acts_for_applicant(signatory, application):
        own_org = uow.session.get(Organisation, signatory.organisation_id or 0)
        raise access.refusal(
            uow,
            "accession.record_declaration",
            committee,
            ENTITY,
            application.id,
            reason=Text(
                "permission.own_organisation",
                person=signatory.email,
                own=own_org.short_name if own_org else "—",
                other=application.organisation.short_name,
            ),
        )
    require_trigger(uow, application, "join")

    day = validation.date(signed_on)
    not_future(uow, day, "--date")
    if application.decided_on is not None and day < application.decided_on:
        raise InvalidInput(
            "error.accession.too_early",
            what="--date",
            value=day.isoformat(),
            earliest=application.decided_on.isoformat(),
            reason=Text("accession.reason.decided"),
        )
    start = validation.date(member_from) if member_from is not None else day + dt.timedelta(days=1)
    check_membership_start(uow, committee, start, "--member-from", past=False)
    if start < day:
        raise InvalidInput(
            "error.accession.too_early",
            what="--member-from",
            value=start.isoformat(),
            earliest=day.isoformat(),
            reason=Text("accession.reason.signed"),
        )
    place = validation.text(place, "place", 300)
    method = validation.choice(SignatureMethod, method, "method")
    digest = text_sha256.strip().lower()
    if not _SHA256.match(digest):
        raise InvalidInput("error.accession.sha256", value=text_sha256)

    version = in_force_version(uow.session, committee)
    if version is None:
        raise for_audit(
            Conflict("error.accession.no_agreement", committee=committee.short_name),
            committee,
            "join",
            application,
        )
    if digest != version.text_sha256:
        raise for_audit(
            Conflict(
                "error.accession.stale_hash",
                given=digest[:12],
                number=version.number,
                expected=version.text_sha256,
            ),
            committee,
            "join",
            application,
        )

    declaration = AccessionDeclaration(
        application=application,
        agreement_version_id=version.id,
        text_sha256=digest,
        signatory_id=signatory.id,
        signed_on=day,
        place=place,
        method=method.value,
        recorded_at=uow.now,
    )
    uow.session.add(declaration)
    uow.session.flush()
    uow.fire(
        application,
        "join",
        member_from=start,
        signatory_id=signatory.id,
        signed_on=day,
        place=place,
        method=method.value,
        agreement_version=version.number,
        text_sha256=digest,
    )
    return declaration
