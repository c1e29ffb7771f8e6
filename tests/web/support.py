"""Helpers for the page tests: a committee built from nothing, signing in, posting forms.

Page engineers import these (``from tests.web.support import post_form``);
the fixtures around them are in tests/web/conftest.py.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from governance.bootstrap import App
from governance.models import OrganisationKind, Role
from governance.services import directory
from governance.unit_of_work import Actor

SESSION_COOKIE = "gremium_session"
_TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')


@dataclasses.dataclass(frozen=True)
class World:
    """The people and committees of the page tests (ids; people by their roles)."""

    committee_id: int
    """"Testgremium" (TG): chaired by the district office, two partner organisations."""
    chair: int
    """Person acting for the chair organisation (Bezirksamt, OE SPK): Clara Vorsitz."""
    secretary: int
    """The committee's secretariat: Sven Sekretariat."""
    partners: tuple[int, int]
    """The representatives of the two partners (Rabenhaus e. V., KungerKiez e. V.)."""
    chair_org: int
    partner_orgs: tuple[int, int]
    other_committee_id: int
    """"Anderes Gremium" (AG): none of the people above has a role there."""
    outsider: int
    """The chair of the other committee only (for "another committee's page is a 404")."""

    EMAILS = {
        "chair": "clara.vorsitz@ba-tk.example.org",
        "secretary": "sven.sekretariat@ba-tk.example.org",
        "partner1": "vorstand@rabenhaus.example.org",
        "partner2": "vorstand@kungerkiez.example.org",
        "outsider": "olga.aussen@anderes.example.org",
    }


def build_world(app: App) -> World:
    """A committee with its chair, secretariat and two partners, and a second committee,
    built through the services as an administrator would (no fixtures in SQL)."""
    e = World.EMAILS
    with app.unit_of_work(Actor.system()) as uow:
        committee = directory.add_committee(
            uow, name="Testgremium", short_name="TG", sender_email="tg@ba-tk.example.org"
        )
        district = directory.add_organisation(
            uow,
            name="Bezirksamt Treptow-Köpenick, OE SPK",
            short_name="BA TK",
            kind=OrganisationKind.PUBLIC_BODY,
        )
        chair = directory.add_person(
            uow, name="Clara Vorsitz", email=e["chair"], organisation=district
        )
        directory.create_membership(
            uow,
            committee,
            directory.MembershipSpec(
                organisation=district, role=Role.CHAIR, representatives=(chair,)
            ),
        )
        secretary = directory.add_person(
            uow, name="Sven Sekretariat", email=e["secretary"], organisation=district
        )
        directory.add_secretariat(uow, committee, secretary)
        partners, orgs = [], []
        for short, key in (("Rabenhaus", "partner1"), ("KungerKiez", "partner2")):
            org = directory.add_organisation(
                uow, name=f"{short} e. V.", short_name=short, kind=OrganisationKind.ASSOCIATION
            )
            rep = directory.add_person(
                uow, name=f"Vorstand {short}", email=e[key], organisation=org, language="de"
            )
            directory.create_membership(
                uow, committee, directory.MembershipSpec(organisation=org, representatives=(rep,))
            )
            partners.append(rep.id)
            orgs.append(org.id)
        other = directory.add_committee(
            uow, name="Anderes Gremium", short_name="AG", sender_email="ag@anderes.example.org"
        )
        other_org = directory.add_organisation(
            uow,
            name="Anderer Träger e. V.",
            short_name="Anderer",
            kind=OrganisationKind.ASSOCIATION,
        )
        outsider = directory.add_person(
            uow, name="Olga Außen", email=e["outsider"], organisation=other_org
        )
        directory.create_membership(
            uow,
            other,
            directory.MembershipSpec(
                organisation=other_org, role=Role.CHAIR, representatives=(outsider,)
            ),
        )
        return World(
            committee_id=committee.id,
            chair=chair.id,
            secretary=secretary.id,
            partners=(partners[0], partners[1]),
            chair_org=district.id,
            partner_orgs=(orgs[0], orgs[1]),
            other_committee_id=other.id,
            outsider=outsider.id,
        )


def csrf_token_of(client: FlaskClient, page: str = "/") -> str:
    """The CSRF token the client's forms carry: the signed-in session's, else read from *page*."""
    known = getattr(client, "gremium_csrf", None)
    if known:
        return str(known)
    html = client.get(page, follow_redirects=True).get_data(as_text=True)
    found = _TOKEN.search(html)
    assert found, f"no CSRF token on {page}"
    return found.group(1)


def post_form(
    client: FlaskClient, path: str, data: dict[str, Any] | None = None, **kwargs: Any
) -> TestResponse:
    """POST *data* to *path* as the page's form would: with the client's CSRF token.

    Without a session made by ``signed_in`` the token is read from the page
    the client lands on at ``/`` (the overview, or the sign-in page, which
    sets the form cookie an anonymous token is bound to). Extra keyword arguments go to
    ``client.post`` (``headers=``, ``follow_redirects=``, ...).
    """
    form = {"csrf_token": csrf_token_of(client), **(data or {})}
    return client.post(path, data=form, **kwargs)


def without_page_cache(client: FlaskClient) -> FlaskClient:
    """*client*'s application renders every page afresh (governance/web/page_cache.py):
    for the tests that count what rendering a page costs."""
    from governance.web.page_cache import EXTENSION

    client.application.extensions.pop(EXTENSION, None)
    return client
