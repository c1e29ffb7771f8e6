"""Signing the cooperation agreement (Kooperationsvereinbarung): what users call.

A version goes draft -> open_for_signature -> in_force -> superseded | terminated
(workflows/agreement.yaml; guards and effects in agreement_workflow, lookups and
CLI data in agreement_views). Opening freezes the text with its SHA-256; every
signature names that hash, so nobody can sign a wording other than the one open.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.domain.permissions import may
from governance.errors import Conflict, InvalidInput, Text
from governance.models import (
    Agreement,
    AgreementVersion,
    Committee,
    Organisation,
    Person,
    Signature,
    SignatureMethod,
    SigningCeremony,
)
from governance.services import access, directory, validation
from governance.services.agreement_text import (
    MAX_FILE_BYTES,
    MAX_TEXT,
    check_text,
    text_from_bytes,
    text_from_file,
)
from governance.services.agreement_views import (
    committee_of,
    in_force_version,
    latest_version,
    list_versions,
    pending_parties,
    ref_of,
    resolve,
    show,
    summary,
    version_by_ref,
    versions_of,
)

# Importing the workflow modules registers the guards and effects of agreement.yaml.
from governance.services.agreement_workflow import OPEN_STATES, party_recipients
from governance.services.amendments import require_decided, schedule
from governance.unit_of_work import UnitOfWork

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def create_agreement(
    uow: UnitOfWork, committee: Committee | str | int | None, *, title: str, text: str
) -> AgreementVersion:
    """Create the committee's agreement with its first version as a draft.

    The chair or an administrator does this once for a committee; later
    wordings are amendments (:func:`amend`). A committee whose agreement has
    ended altogether may get a new one. *committee* may be a reference as typed.
    """
    if not isinstance(committee, Committee):
        committee = directory.committee_by_ref(uow.session, committee)
    access.check(uow, "agreement.create", committee)
    title = validation.text(title, "title", 500)
    text = check_text(text)
    live = next(
        (v for v in versions_of(uow.session, committee) if v.state in (*OPEN_STATES, "in_force")),
        None,
    )
    if live is not None:
        raise Conflict(
            "agreement.error.exists",
            committee=committee.short_name,
            ref=ref_of(live),
            state=Text(f"agreement.state.{live.state}"),
        ).concerning(
            entity_type="committees",
            entity_id=committee.id,
            action="agreement.create",
            committee_id=committee.id,
        )
    agreement = Agreement(committee_id=committee.id, title=title, created_at=uow.now)
    uow.session.add(agreement)
    uow.session.flush()
    version = AgreementVersion(
        agreement=agreement, number=1, text=text, state="draft", created_at=uow.now
    )
    uow.session.add(version)
    uow.session.flush()
    uow.audit(
        entity_type="agreements",
        entity_id=agreement.id,
        committee_id=committee.id,
        action="agreement.create",
        to_state="draft",
        details={
            "title": title,
            "version_id": version.id,
            "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
        },
    )
    return version


def open_for_signature(
    uow: UnitOfWork,
    version: AgreementVersion | str | int,
    *,
    effective_from: dt.date | str | None = None,
    committee: Committee | int | None = None,
) -> AgreementVersion:
    """Freeze the text, fix the required parties and ask them to sign (chair only)."""
    version = resolve(uow.session, version, committee)
    committee = committee_of(uow.session, version)
    access.check(uow, "agreement.open", committee, entity_type=_TABLE, entity_id=version.id)
    if effective_from is not None:
        effective_from = validation.date(effective_from)
    require_decided(uow, version)
    if version.state in ("draft", "adopted"):
        # Set before the transition: entering the state arms the effective-date timer.
        version.effective_from = effective_from
    uow.fire(version, "open", effective_from=effective_from)
    return version


def _resolve_org(session: Session, ref: Organisation | str) -> Organisation:
    return ref if isinstance(ref, Organisation) else directory.organisation_by_ref(session, ref)


def _resolve_person(session: Session, ref: Person | str) -> Person:
    return ref if isinstance(ref, Person) else directory.person_by_email(session, ref)


def _check_hash(version: AgreementVersion, given: str) -> None:
    value = str(given).strip().lower()
    if not _SHA256.match(value):
        raise InvalidInput("agreement.error.hash_format", value=given)
    if value != version.text_sha256:
        raise _conflict(
            version,
            "agreement.error.stale_hash",
            given=value[:12],
            expected=(version.text_sha256 or "")[:12],
            ref=ref_of(version),
        )


def _require_signing_right(
    uow: UnitOfWork, committee: Committee, version: AgreementVersion, organisation: Organisation
) -> bool:
    """Chair and secretariat record any party's signature; a partner signs only for itself.

    Returns whether the acting person records a signature (given on paper, maybe
    earlier) rather than giving their own organisation's signature now.
    """
    if uow.actor.is_system:
        return True
    person = uow.person()
    assert person is not None
    roles = access.roles_of(uow.session, person, committee, uow.today)
    if may("agreement.record_signature", roles):
        return True
    if not may("agreement.sign_own", roles):
        raise access.refusal(uow, "agreement.sign_own", committee, _TABLE, version.id)
    if not access.acts_for(uow.session, person, organisation, committee, uow.today):
        own = access.organisations_of(uow.session, person, committee, uow.today)
        raise access.refusal(
            uow,
            "agreement.sign_own",
            committee,
            _TABLE,
            version.id,
            reason=Text(
                "permission.own_organisation",
                person=person.email,
                own=", ".join(o.short_name for o in own) or "—",
                other=organisation.short_name,
            ),
        )
    return False


def _record(
    uow: UnitOfWork,
    committee: Committee,
    version: AgreementVersion,
    signed: tuple[Organisation, Person, SignatureMethod],
    signed_on: dt.date,
    place: str,
    ceremony: SigningCeremony | None,
) -> Signature:
    """Check and store one signature; it is an audited internal transition of the version."""
    organisation, signatory, method = signed
    if organisation.id not in {p.organisation_id for p in version.parties}:
        raise _conflict(
            version,
            "agreement.error.not_a_party",
            organisation=organisation.short_name,
            ref=ref_of(version),
        )
    earlier = next((s for s in version.signatures if s.organisation_id == organisation.id), None)
    if earlier is not None:
        raise _conflict(
            version,
            "agreement.error.already_signed",
            organisation=organisation.short_name,
            signatory=earlier.signatory.email,
            signed_on=earlier.signed_on.isoformat(),
        )
    if not access.acts_for(uow.session, signatory, organisation, committee, uow.today):
        raise _conflict(
            version,
            "agreement.error.signatory",
            person=signatory.email,
            organisation=organisation.short_name,
        )
    signature = Signature(
        organisation_id=organisation.id,
        organisation=organisation,
        signatory_id=signatory.id,
        signatory=signatory,
        text_sha256=version.text_sha256 or "",
        signed_on=signed_on,
        place=place,
        method=method.value,
        ceremony_id=ceremony.id if ceremony else None,
        recorded_by_id=uow.actor.person_id,
        recorded_at=uow.now,
        # Entered after the day it was given: the record says so, and by whom and when.
        recorded_later=signed_on < uow.today,
    )
    version.signatures.append(signature)
    uow.session.flush()
    uow.fire(
        version,
        "record_signature",
        signature_id=signature.id,
        organisation=organisation.short_name,
        signatory_id=signatory.id,
        signed_on=signed_on,
        place=place,
        method=method.value,
        text_sha256=signature.text_sha256,
        ceremony_id=signature.ceremony_id,
        recorded_later=signature.recorded_later,
    )
    return signature


def _signing_date(
    uow: UnitOfWork, version: AgreementVersion, day: dt.date, *, recorded: bool
) -> dt.date:
    """A signature is dated between the opening of the version and today.

    A partner signing for itself signs today; the chair or secretariat may
    record a signature given on paper on an earlier day (back to the opening).
    """
    if day > uow.today:
        raise InvalidInput("agreement.error.future_date", value=day.isoformat(), today=uow.today)
    opened = version.opened_at.astimezone(BERLIN).date() if version.opened_at else None
    if opened is not None and day < opened:
        raise _conflict(
            version,
            "agreement.error.before_opening",
            value=day.isoformat(),
            ref=ref_of(version),
            opened=opened.isoformat(),
        )
    if not recorded and day != uow.today:
        raise _conflict(
            version,
            "agreement.error.own_signature_today",
            value=day.isoformat(),
            today=uow.today.isoformat(),
        )
    return day


def _require_open(uow: UnitOfWork, version: AgreementVersion) -> None:
    if version.state != "open_for_signature":
        uow.fire(version, "record_signature")  # refused: names the state and what is possible


def _enter_into_force_if_ready(uow: UnitOfWork, version: AgreementVersion) -> None:
    if uow.engine.can_fire(uow, version, "enter_into_force"):
        uow.fire(version, "enter_into_force")


def sign(
    uow: UnitOfWork,
    version: AgreementVersion | str | int,
    *,
    organisation: Organisation | str,
    signatory: Person | str,
    signed_on: dt.date | str,
    place: str,
    method: SignatureMethod | str,
    text_sha256: str,
    committee: Committee | int | None = None,
) -> Signature:
    """Record one party's signature of the frozen text *text_sha256*.

    *version*, *organisation* and *signatory* may be references as typed
    (a version within *committee*, when given).
    """
    version = resolve(uow.session, version, committee)
    committee = committee_of(uow.session, version)
    org = _resolve_org(uow.session, organisation)
    person = _resolve_person(uow.session, signatory)
    day = validation.date(signed_on)
    place = validation.text(place, "place", 300)
    how = validation.choice(SignatureMethod, method, "method")
    recorded = _require_signing_right(uow, committee, version, org)
    _require_open(uow, version)
    _check_hash(version, text_sha256)
    _signing_date(uow, version, day, recorded=recorded)
    signature = _record(uow, committee, version, (org, person, how), day, place, None)
    _enter_into_force_if_ready(uow, version)
    return signature


def record_ceremony(
    uow: UnitOfWork,
    version: AgreementVersion | str | int,
    *,
    held_on: dt.date | str,
    place: str,
    signatures: Sequence[tuple[Organisation | str, Person | str, SignatureMethod | str]],
    text_sha256: str | None = None,
    committee: Committee | int | None = None,
) -> SigningCeremony:
    """Record a signing ceremony: many signatures in one transaction, all or none."""
    version = resolve(uow.session, version, committee)
    committee = committee_of(uow.session, version)
    access.check(
        uow, "agreement.record_signature", committee, entity_type=_TABLE, entity_id=version.id
    )
    day = validation.date(held_on)
    place = validation.text(place, "place", 300)
    if not signatures:
        raise InvalidInput("agreement.error.no_signatures")
    resolved = [
        (
            _resolve_org(uow.session, org),
            _resolve_person(uow.session, person),
            validation.choice(SignatureMethod, method, "method"),
        )
        for org, person, method in signatures
    ]
    _require_open(uow, version)
    if text_sha256 is not None:
        _check_hash(version, text_sha256)
    _signing_date(uow, version, day, recorded=True)
    ceremony = SigningCeremony(version_id=version.id, held_on=day, place=place)
    uow.session.add(ceremony)
    uow.session.flush()
    for signed in resolved:
        _record(uow, committee, version, signed, day, place, ceremony)
    _enter_into_force_if_ready(uow, version)
    return ceremony


def remind(
    uow: UnitOfWork,
    version: AgreementVersion | str | int,
    *,
    committee: Committee | int | None = None,
) -> int:
    """Remind the pending parties now (besides the weekly reminders); return how many people."""
    version = resolve(uow.session, version, committee)
    committee = committee_of(uow.session, version)
    access.check(uow, "agreement.remind", committee, entity_type=_TABLE, entity_id=version.id)
    uow.fire(version, "remind_signatories", revision=uow.now.isoformat())
    return sum(len(party_recipients(uow.session, committee, o)) for o in version.pending_parties())


def amend(
    uow: UnitOfWork,
    agreement_or_version: Agreement | AgreementVersion | str | int,
    *,
    text: str,
    committee: Committee | int | None = None,
) -> AgreementVersion:
    """Draft a new version; the version in force stays in force until the new one enters into force."""
    if not isinstance(agreement_or_version, Agreement):
        agreement_or_version = resolve(uow.session, agreement_or_version, committee)
    agreement = (
        agreement_or_version.agreement
        if isinstance(agreement_or_version, AgreementVersion)
        else agreement_or_version
    )
    committee = uow.session.get(Committee, agreement.committee_id)
    assert committee is not None
    access.check(
        uow, "agreement.draft", committee, entity_type="agreements", entity_id=agreement.id
    )
    text = check_text(text)
    versions = list(agreement.versions)
    unfinished = next((v for v in versions if v.state in OPEN_STATES), None)
    if unfinished is not None:
        raise _conflict(
            unfinished,
            "agreement.error.unfinished_version",
            "agreement.amend",
            ref=ref_of(unfinished),
            state=Text(f"agreement.state.{unfinished.state}"),
        )
    in_force = any(v.state == "in_force" for v in versions)
    if not in_force and any(v.in_force_from is not None for v in versions):
        raise _conflict(
            versions[-1], "agreement.error.terminated", "agreement.amend", title=agreement.title
        )
    version = AgreementVersion(
        agreement=agreement,
        number=max(v.number for v in versions) + 1 if versions else 1,
        text=text,
        state="draft",
        created_at=uow.now,
    )
    uow.session.add(version)
    uow.session.flush()
    uow.audit(
        entity_type=_TABLE,
        entity_id=version.id,
        committee_id=committee.id,
        action="agreement.amend",
        to_state="draft",
        details={"agreement_id": agreement.id, "number": version.number},
    )
    return version


def terminate(
    uow: UnitOfWork,
    version: AgreementVersion | str | int,
    *,
    on: dt.date | str,
    reason: str,
    committee: Committee | int | None = None,
) -> AgreementVersion:
    """End a version (in force, or an amendment that is dropped) on the day *on*."""
    version = resolve(uow.session, version, committee)
    committee = committee_of(uow.session, version)
    access.check(uow, "agreement.terminate", committee, entity_type=_TABLE, entity_id=version.id)
    day = validation.date(on)
    if day > uow.today:
        raise InvalidInput("agreement.error.future_date", value=day.isoformat(), today=uow.today)
    # A version cannot end before it began: in force from a day, or drafted on one.
    earliest = version.in_force_from or version.created_at.astimezone(BERLIN).date()
    if day < earliest:
        raise _conflict(
            version,
            "agreement.error.terminate_too_early",
            "terminate",
            value=day.isoformat(),
            ref=ref_of(version),
            earliest=earliest.isoformat(),
        )
    reason = validation.text(reason, "reason", 1000)
    uow.fire(version, "terminate", on=day, reason=reason)
    return version


_TABLE = AgreementVersion.__tablename__


def _conflict(
    version: AgreementVersion, key: str, action: str = "record_signature", **params: Any
) -> Conflict:
    # Conflicts are audited as refusals of the action on this version.
    return Conflict(key, **params).concerning(
        entity_type=_TABLE, entity_id=version.id, action=action, committee_id=version.committee_id
    )


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT",
    "amend",
    "create_agreement",
    "in_force_version",
    "latest_version",
    "list_versions",
    "open_for_signature",
    "party_recipients",
    "pending_parties",
    "record_ceremony",
    "remind",
    "schedule",
    "show",
    "sign",
    "summary",
    "terminate",
    "text_from_bytes",
    "text_from_file",
    "version_by_ref",
]
