"""A person's consent to their e-mail address being published (OParl ``Person.email``).

Privacy by default: nobody's address leaves through the OParl interface
until that person agreed (``people.email_public``). A person gives or
withdraws their own consent (the web's page of their own data); the
installation's administration records a consent given on paper or by
mail. Withdrawal takes effect with the next answer of the interface: it
reads the flag on every request. When consent was given or withdrawn, and
by whom, is the audit trail's record (action ``person.email_public``):
the flag holds the present state only.
"""

from __future__ import annotations

from dataclasses import dataclass

from governance.errors import Conflict, NotPermitted
from governance.models import Person
from governance.services.directory import person_by_email
from governance.unit_of_work import UnitOfWork

ACTION = "person.email_public"


@dataclass(frozen=True)
class Consent:
    """What :func:`set_consent` did: the person, and whether their consent changed."""

    person: Person
    changed: bool


def set_consent(uow: UnitOfWork, person: Person | str, *, public: bool) -> Consent:
    """Record that *person* (or the address as typed) agrees, or no longer agrees, to
    their e-mail address being published; the person themselves or the administration."""
    if isinstance(person, str):
        person = person_by_email(uow.session, person)
    actor = uow.person()
    own = actor is not None and actor.id == person.id
    if not (uow.actor.is_system or own or (actor is not None and actor.is_admin)):
        raise NotPermitted("consent.not_permitted").concerning(
            entity_type="people", entity_id=person.id, action=ACTION, committee_id=None
        )
    if person.erased_at is not None:
        raise Conflict("consent.erased", id=person.id)
    if person.email_public == public:
        return Consent(person, changed=False)
    person.email_public = public
    uow.audit(
        entity_type="people",
        entity_id=person.id,
        action=ACTION,
        # who recorded it: the person themselves, or the administration for them
        details={"public": public, "recorded_by": "self" if own else "administration"},
    )
    return Consent(person, changed=True)
