"""Guards and effects of the agreement workflow (workflows/agreement.yaml).

They run inside the unit of work of the trigger that needs them, so the
state change, the parties fixed, the messages queued and the version
superseded are committed together or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from governance import outbox
from governance.errors import Conflict
from governance.mail.message import Attachment
from governance.models import (
    AgreementParty,
    AgreementVersion,
    Capacity,
    Committee,
    Organisation,
    Person,
    Role,
    Timer,
)
from governance.services import directory
from governance.workflow.registry import effect, guard

if TYPE_CHECKING:
    # Only named in annotations: importing the engine costs transitions and YAML.
    from governance.unit_of_work import TransitionContext

# States of a version that is not finished yet: at most one per agreement.
OPEN_STATES = ("draft", "on_agenda", "adopted", "open_for_signature")
# Roles whose organisations are parties of the agreement (guests are not).
PARTY_ROLES = (Role.CHAIR.value, Role.MEMBER.value, Role.ADVISORY.value)


def _committee(ctx: TransitionContext) -> Committee:
    committee = ctx.session.get(Committee, ctx.entity.committee_id)
    assert committee is not None
    return committee


def party_recipients(
    session: Any, committee: Committee, organisation: Organisation
) -> list[Person]:
    """The representatives and deputies who act for *organisation* in *committee*."""
    membership = directory.membership_of(session, committee, organisation)
    if membership is None:
        return []
    people = membership.persons(Capacity.REPRESENTATIVE) + membership.persons(Capacity.DEPUTY)
    return list({p.id: p for p in people}.values())


def _context(version: AgreementVersion, committee: Committee, **extra: Any) -> dict[str, Any]:
    return {
        "committee": committee.short_name,
        "committee_name": committee.name,
        "title": version.agreement.title,
        "agreement_id": version.agreement_id,
        "version_id": version.id,
        "number": version.number,
        "ref": f"{version.agreement_id}/{version.number}",
        "text_sha256": version.text_sha256,
        "effective_from": version.effective_from.isoformat() if version.effective_from else None,
        **extra,
    }


def _notify(
    ctx: TransitionContext,
    notification: str,
    organisations: list[Organisation],
    revision: str | int,
    *,
    with_text: bool = False,
    with_links: bool = False,
    **extra: Any,
) -> None:
    """Queue *notification* for the people of *organisations*; *with_text* attaches the
    version's text as PDF (unless the ``attach_documents`` setting leaves PDFs out);
    *with_links* gives each person their links to sign (signature_links)."""
    version: AgreementVersion = ctx.entity
    committee = _committee(ctx)
    files: dict[str, Attachment] = {}
    for org in organisations:
        for person in party_recipients(ctx.session, committee, org):
            attach = with_text and ctx.uow.attach_documents
            if attach and person.language not in files:
                files[person.language] = text_pdf(ctx, version, person.language)
            document = files[person.language] if attach else None
            links = None
            if with_links:
                from governance.services import signature_links  # registry imports agreements

                links = signature_links.signature_links(ctx.uow, version, committee, person)
            outbox.queue(
                ctx.uow,
                notification=notification,
                recipient=person,
                context=_context(
                    version,
                    committee,
                    organisation=org.short_name,
                    **extra,
                    **({"document": document.filename if document else None} if with_text else {}),
                    **({"links": links} if with_links else {}),
                ),
                committee_id=committee.id,
                entity=version,
                revision=revision,
                attachments=(document,) if document else (),
            )


PDF_NAMES = {
    "de": "Kooperationsvereinbarung-Fassung-{ref}.pdf",
    "en": "Cooperation-agreement-version-{ref}.pdf",
}


def text_pdf(ctx: TransitionContext, version: AgreementVersion, lang: str) -> Attachment:
    """The agreement document of *version* (text, SHA-256, signature page) as PDF/A,
    as ``gremium documents render agreement`` writes it, in *lang*."""
    # WeasyPrint loads on first use: only a transition that attaches the text pays for it.
    from governance.documents.archival import pdfa
    from governance.services.documents.kinds import load_html

    ctx.session.flush()
    html = load_html(ctx.session, "agreement", str(version.id), lang)
    name = PDF_NAMES.get(lang, PDF_NAMES["de"]).format(
        ref=f"{version.agreement_id}-{version.number}"
    )
    return Attachment(name, "application/pdf", pdfa(html).data)


# --- guards ---


@guard("all_parties_signed")
def all_parties_signed(ctx: TransitionContext) -> bool:
    version: AgreementVersion = ctx.entity
    return bool(version.parties) and not version.pending_parties()


@guard("effective_date_reached")
def effective_date_reached(ctx: TransitionContext) -> bool:
    effective_from = ctx.entity.effective_from
    return effective_from is None or effective_from <= ctx.today


# --- effects ---


@effect("freeze_text")
def freeze_text(ctx: TransitionContext) -> None:
    version: AgreementVersion = ctx.entity
    version.text_sha256 = hashlib.sha256(version.text.encode("utf-8")).hexdigest()
    # No signature can be dated before this moment (see agreements._signing_date).
    version.opened_at = ctx.now


@effect("snapshot_parties")
def snapshot_parties(ctx: TransitionContext) -> None:
    """Fix the required parties: every current member, the chair and advisory members."""
    version: AgreementVersion = ctx.entity
    committee = _committee(ctx)
    members = [
        m
        for m in directory.current_memberships(ctx.session, committee, ctx.today)
        if m.role in PARTY_ROLES
    ]
    if not members:
        raise Conflict("agreement.error.no_parties", committee=committee.short_name)
    for m in members:
        version.parties.append(AgreementParty(organisation_id=m.organisation_id))
    ctx.session.flush()


@effect("request_signatures")
def request_signatures(ctx: TransitionContext) -> None:
    _notify(
        ctx,
        "signature_request",
        ctx.entity.pending_parties(),
        revision=1,
        with_text=True,
        with_links=True,
    )


def _due_reminder(ctx: TransitionContext) -> dt.datetime | None:
    """The due time of the reminder timer firing now (it is still pending while it fires)."""
    return ctx.session.execute(
        select(Timer.due_at)
        .where(
            Timer.entity_type == ctx.entity.__tablename__,
            Timer.entity_id == ctx.entity.id,
            Timer.name == ctx.params.get("timer", "signature_reminder"),
            Timer.status == "pending",
            Timer.due_at <= ctx.now,
        )
        .order_by(Timer.due_at.desc())
        .limit(1)
    ).scalar_one_or_none()


@effect("remind_pending_parties")
def remind_pending_parties(ctx: TransitionContext) -> None:
    # Each reminder is a message of its own: the revision is the timer's due
    # date (or the moment of a manual reminder), so a retry cannot send it twice.
    revision = ctx.params.get("revision")
    if revision is None:
        due = _due_reminder(ctx)
        revision = (due or ctx.now).date().isoformat()
    pending = ctx.entity.pending_parties()
    _notify(
        ctx,
        "signature_reminder",
        pending,
        revision=str(revision),
        pending=[o.short_name for o in pending],
        with_text=True,
        with_links=True,
    )


@effect("put_in_force")
def put_in_force(ctx: TransitionContext) -> None:
    version: AgreementVersion = ctx.entity
    # In force from the later of the effective date and the last signature.
    days = [s.signed_on for s in version.signatures]
    if version.effective_from is not None:
        days.append(version.effective_from)
    version.in_force_from = max(days) if days else ctx.today


@effect("supersede_previous")
def supersede_previous(ctx: TransitionContext) -> None:
    version: AgreementVersion = ctx.entity
    for other in version.agreement.versions:
        if other.id != version.id and other.state == "in_force":
            ctx.fire(other, "supersede", on=version.in_force_from, by=version.id)


@effect("announce_in_force")
def announce_in_force(ctx: TransitionContext) -> None:
    version: AgreementVersion = ctx.entity
    _notify(
        ctx,
        "agreement_in_force",
        [p.organisation for p in version.parties],
        revision=1,
        in_force_from=version.in_force_from.isoformat() if version.in_force_from else None,
    )


@effect("end_version")
def end_version(ctx: TransitionContext) -> None:
    on = ctx.params.get("on")
    ctx.entity.ended_on = on if isinstance(on, dt.date) else ctx.today


@effect("terminate_pending_amendments")
def terminate_pending_amendments(ctx: TransitionContext) -> None:
    """Terminating the agreement in force also ends an amendment still being signed."""
    if ctx.from_state != "in_force":
        return
    version: AgreementVersion = ctx.entity
    for other in version.agreement.versions:
        if other.id != version.id and other.state in OPEN_STATES:
            ctx.fire(other, "terminate", **ctx.params)
