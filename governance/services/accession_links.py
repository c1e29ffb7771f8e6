"""The accession applicant's action link: the state of the application, read only.

The applicant is no member yet (the link does not ask for a role in the
committee) and acts on nothing: the page shows the application's state as
``accession show`` words it and has no button. It is valid until
:data:`AFTER_DECISION_DAYS` days after the decision (a year while undecided).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from governance.clock import BERLIN
from governance.errors import Text
from governance.models import AccessionApplication, Person
from governance.services import action_links
from governance.unit_of_work import UnitOfWork

PURPOSE = "accession.state"
AFTER_DECISION_DAYS = 30
UNDECIDED_DAYS = 365


def ends(application: AccessionApplication) -> dt.datetime:
    """When the applicant's link expires."""
    if application.decided_on is not None:
        last = application.decided_on + dt.timedelta(days=AFTER_DECISION_DAYS)
    else:
        last = application.created_at.astimezone(BERLIN).date() + dt.timedelta(days=UNDECIDED_DAYS)
    return dt.datetime.combine(last, dt.time(23, 59), BERLIN).astimezone(dt.UTC)


def _describe(
    session: Session, application: AccessionApplication, person: Person
) -> dict[str, Any]:
    return {
        "organisation": application.organisation.name,
        "committee": application.committee.name,
        "submitted_on": application.submitted_on.strftime("%d.%m.%Y"),
        "state": Text(f"link.accession.state.{application.state}"),
        "decided_on": application.decided_on.strftime("%d.%m.%Y")
        if application.decided_on
        else "—",
    }


def _nothing(uow: UnitOfWork, application: AccessionApplication, form: Mapping[str, str]) -> Text:
    # A read-only link: the page has no form, so nothing is ever posted on purpose.
    return Text(f"link.accession.state.{application.state}")


action_links.register(
    action_links.Purpose(
        name=PURPOSE,
        entity=AccessionApplication,
        title_key="link.accession.title",
        confirm_key="link.accession.confirm",
        button_key="link.accession.button",  # (no form: never shown)
        describe=_describe,
        perform=_nothing,
        expiry=ends,
        changes_state=False,
        members_only=False,
    )
)


def accession_link(uow: UnitOfWork, application: AccessionApplication) -> dict[str, str]:
    """The applicant's link to the state of *application*."""
    return {
        "state": action_links.issue(
            uow,
            person=application.applicant,
            purpose=PURPOSE,
            entity=application,
            expires_at=ends(application),
            committee_id=application.committee_id,
        )
    }
