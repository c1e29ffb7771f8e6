"""Setting up an installation (``gremium init``): what may be created on a new
database, checked before anything is touched, and created in one unit of work.

The schema itself (migrations) and the audit key are the installation's
plumbing, done by the command before this; here are the rules: which example
committees exist, that the first administrator has a valid address and a
name, and that neither is there already. (Beside bootstrap, above the
services: the example committee is made through them.)
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from governance.config import Settings
from governance.errors import GremiumError, InvalidInput, NotFound
from governance.models import Agreement, Committee, Membership, Organisation, Person
from governance.services import directory, validation
from governance.unit_of_work import UnitOfWork

EXAMPLES = ("treptow-koepenick", "gemeinschaftsinitiative")


@dataclasses.dataclass(frozen=True)
class Setup:
    """What ``init`` was asked to create, checked: nothing, an example, an administrator."""

    example: str | None = None
    admin_email: str | None = None
    admin_name: str | None = None

    @property
    def empty(self) -> bool:
        return self.example is None and self.admin_email is None


def checked(
    settings: Settings,
    *,
    example: str | None = None,
    admin_email: str | None = None,
    admin_name: str | None = None,
) -> Setup:
    """The request as typed, checked before the database is opened: a mistake changes nothing."""
    if example is not None and example not in EXAMPLES:
        raise InvalidInput(
            "error.choice", what="--example", value=example, allowed=", ".join(EXAMPLES)
        )
    if admin_email is not None:
        from governance.mail.settings import mail_settings

        utf8 = mail_settings(settings).smtputf8
        admin_email = validation.email(admin_email, utf8_local=utf8)
        if not admin_name:
            raise InvalidInput("cli.init.admin_name_missing")
        admin_name = validation.text(admin_name, "--admin-name", 200)
    elif admin_name:
        raise InvalidInput("cli.init.admin_email_missing")
    return Setup(example, admin_email, admin_name)


def refuse_existing(session: Session, setup: Setup) -> None:
    """A repeated init is a plain "already there", refused before the unit of work
    (not left to the services' Conflict, which would be an audited refusal)."""
    from governance.examples import gemeinschaftsinitiative as gi
    from governance.examples import treptow_koepenick

    if setup.example is not None:
        # (the programme's example adds to the Treptow-Köpenick one, if that is there)
        existing = session.execute(
            select(Committee).where(
                Committee.short_name
                == (
                    gi.SECOND_SHORT
                    if setup.example == "gemeinschaftsinitiative"
                    else treptow_koepenick.COMMITTEE_SHORT
                )
            )
        ).scalar_one_or_none()
        if existing is not None:
            raise GremiumError(
                "cli.init.example_exists", committee=existing.short_name, name=existing.name
            )
    if setup.admin_email is not None:
        try:
            directory.person_by_email(session, setup.admin_email)
        except NotFound:
            pass
        else:
            raise GremiumError("cli.init.person_exists", email=setup.admin_email)


def create(uow: UnitOfWork, setup: Setup) -> dict[str, Any] | None:
    """Create the example committee and the first administrator; the example's
    summary (committee, members, counts, agreement; the programme with its areas
    for ``gemeinschaftsinitiative``) if one was made."""
    committee = None
    programme: dict[str, Any] | None = None
    if setup.example == "gemeinschaftsinitiative":
        from governance.examples import gemeinschaftsinitiative as gi
        from governance.reads.programmes import programme_view

        made = gi.create(uow)
        uow.session.flush()
        committee = directory.committee_by_ref(uow.session, "KG")
        programme = programme_view(uow.session.connection(), made.id)
    elif setup.example is not None:
        from governance.examples import treptow_koepenick

        committee = treptow_koepenick.create(uow)
    if setup.admin_email is not None:
        directory.add_person(
            uow, name=setup.admin_name or "", email=setup.admin_email, is_admin=True
        )
    if committee is None:
        return None
    return {**_summary(uow.session, committee), "programme": programme}


def _summary(session: Session, committee: Committee) -> dict[str, Any]:
    session.flush()
    members = session.execute(
        select(Membership).where(Membership.committee_id == committee.id).order_by(Membership.id)
    ).scalars()
    agreement = session.execute(
        select(Agreement).where(Agreement.committee_id == committee.id)
    ).scalar_one_or_none()
    return {
        "committee": committee.name,
        "short_name": committee.short_name,
        "members": [(m.organisation.name, m.role) for m in members],
        "organisations": session.execute(select(func.count(Organisation.id))).scalar_one(),
        "people": session.execute(select(func.count(Person.id))).scalar_one(),
        "agreement": agreement.title if agreement else None,
        "agreement_state": agreement.versions[-1].state
        if agreement and agreement.versions
        else None,
    }
