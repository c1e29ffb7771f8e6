"""The signature request's action links: read the frozen text and its SHA-256, then
sign electronically (where the rules allow it) or say the signed paper is on its way.

The electronic signature goes through
:func:`governance.services.electronic_signature.sign_electronically` (and so
through :func:`agreements.sign`, with every check of ``agreement sign``); the
paper through :func:`governance.services.paper_signature.announce_paper`.
A link is valid for :data:`VALID_DAYS` days; every reminder brings fresh ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.errors import Text
from governance.models import AgreementVersion, Committee, Person
from governance.services import access, action_links, electronic_signature, paper_signature
from governance.services.agreement_views import ref_of
from governance.unit_of_work import UnitOfWork

ELECTRONIC = "agreement.sign_electronic"
PAPER = "agreement.paper_on_its_way"
VALID_DAYS = 60
"""Longer than the reminders' interval (signature_reminder_days, 7 by default)."""


def _describe(session: Session, version: AgreementVersion, person: Person) -> dict[str, Any]:
    committee = session.get(Committee, version.committee_id)
    assert committee is not None
    # Whom they sign for, as of the opening (the page has no clock; the signing checks today).
    opened = (version.opened_at or version.created_at).astimezone(BERLIN).date()
    own = access.organisations_of(session, person, committee, opened)
    return {
        "title": version.agreement.title,
        "ref": ref_of(version),
        "sha256": version.text_sha256 or "",
        "committee": committee.name,
        "organisation": own[0].name if own else "",
        "body": version.text or "",
    }


def _sign(uow: UnitOfWork, version: AgreementVersion, form: Mapping[str, str]) -> Text:
    signature = electronic_signature.sign_electronically(
        uow, version, typed_name=form.get("name", ""), text_sha256=version.text_sha256 or ""
    )
    return Text(
        "link.signature.done.electronic",
        organisation=signature.organisation.short_name,
        ref=ref_of(version),
        sha256=signature.text_sha256,
    )


def _paper(uow: UnitOfWork, version: AgreementVersion, form: Mapping[str, str]) -> Text:
    announced = paper_signature.announce_paper(uow, version)
    return Text(
        "link.signature.done.paper", organisation=announced.organisation, ref=ref_of(version)
    )


action_links.register(
    action_links.Purpose(
        name=ELECTRONIC,
        entity=AgreementVersion,
        title_key="link.signature.title",
        confirm_key="link.agreement.sign_electronic.confirm",
        button_key="link.agreement.sign_electronic.button",
        describe=_describe,
        perform=_sign,
        fields=(
            action_links.Field(
                "name",
                "link.signature.field.name",
                max_length=electronic_signature.MAX_NAME,
                one_line=True,
            ),
        ),
    )
)
action_links.register(
    action_links.Purpose(
        name=PAPER,
        entity=AgreementVersion,
        title_key="link.signature.title",
        confirm_key="link.agreement.paper_on_its_way.confirm",
        button_key="link.agreement.paper_on_its_way.button",
        describe=_describe,
        perform=_paper,
    )
)


def signature_links(
    uow: UnitOfWork, version: AgreementVersion, committee: Committee, person: Person
) -> dict[str, str] | None:
    """The signature request's links for *person* (who acts for a party): the
    electronic signature where the rules allow it, the paper on its way always."""
    if not access.organisations_of(uow.session, person, committee, uow.today):
        return None
    purposes = {"paper": PAPER}
    if committee.rules.electronic_signature:
        purposes["electronic"] = ELECTRONIC
    return {
        key: action_links.issue(
            uow,
            person=person,
            purpose=purpose,
            entity=version,
            expires_at=uow.now + dt.timedelta(days=VALID_DAYS),
            committee_id=committee.id,
        )
        for key, purpose in purposes.items()
    }
