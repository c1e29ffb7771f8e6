"""The Senate's Gemeinschaftsinitiative above the Treptow-Köpenick committee
(``gremium init --example gemeinschaftsinitiative`` and the demo year).

From the seed (../shared/seeds/, the page "Ressortübergreifende
Gemeinschaftsinitiative zur Stärkung sozial benachteiligter Quartiere"): the
Senate selected 13 action areas (Handlungsräume); the Kosmosviertel, in
Treptow-Köpenick, is a part of the action area "Stadtrand Süd"; the
coordination at the level of the Land lies with the Senatsverwaltung für
Stadtentwicklung, Bauen und Wohnen (here: the programme's office); in the
district the Bezirkskoordinatorin of the Sozialraumorientierte
Planungskoordination is the contact (here: the area's coordinator).

The Treptow-Köpenick committee (KG) belongs to "Stadtrand Süd": the seed names
no other action area in the district, and the committee is chaired by the same
OE SPK whose Bezirkskoordinatorin is the district's contact for the initiative.
Beside it the example sets up a second committee for the Kosmosviertel (KV).

The 13 areas (:data:`AREAS`), with no invented name:

- "Stadtrand Süd" is area 13: the Senate's page on the programme's partners and
  areas says the analysis gave "12 abgegrenzte Handlungsräume sowie der
  Handlungsraum 13 'Stadtrand Süd' mit den vier Teilbereichen a-d" (the seed
  names the area, the Kosmosviertel being one of its parts).
- Five of the twelve others have names in public pages of the districts and of
  the planners they commissioned: Wedding (Bezirksamt Mitte), Marzahn-Nord and
  Hellersdorf-Nord (Bezirksamt Marzahn-Hellersdorf; the planners' pages on the
  pilot areas Wedding and Marzahn-Nord), Neukölln-Nord and Gropiusstadt
  (Bezirksamt Neukölln). None of these pages gives the area's number in the
  programme, so they come first, in alphabetical order, and their place says
  nothing about that number.
- The other seven are called by the places left ("Handlungsraum 6" to
  "Handlungsraum 12") until the programme's office gives them their names
  (``gremium area rename``).
"""

from __future__ import annotations

from governance.errors import NotFound
from governance.examples import treptow_koepenick as tk
from governance.models import Committee, Organisation, OrganisationKind, Person, Programme, Role
from governance.services import directory, programmes
from governance.unit_of_work import UnitOfWork

PROGRAMME_NAME = (
    "Ressortübergreifende Gemeinschaftsinitiative zur Stärkung sozial benachteiligter Quartiere"
)
PROGRAMME_SHORT = "GI"
PROGRAMME_DESCRIPTION = (
    "Die Berliner Senatsverwaltungen arbeiten seit 2018 ressortübergreifend für sozial "
    "benachteiligte Quartiere zusammen (Senatsbeschluss vom 30.10.2019); 13 Handlungsräume "
    "wurden ausgewählt. Die Koordination auf Landesebene liegt bei der Senatsverwaltung für "
    "Stadtentwicklung, Bauen und Wohnen, die Umsetzung in den Handlungsräumen gemeinsam mit "
    "den Bezirken."
)
AREA_COUNT = 13
"""How many action areas the seed says the Senate selected."""
NAMED_AREAS = (
    ("Gropiusstadt", "gropiusstadt"),
    ("Hellersdorf-Nord", "hellersdorf-nord"),
    ("Marzahn-Nord", "marzahn-nord"),
    ("Neukölln-Nord", "neukoelln-nord"),
    ("Wedding", "wedding"),
)
"""The areas public pages name, but for "Stadtrand Süd" (see above), alphabetically."""
AREAS = (
    *NAMED_AREAS,
    *(
        (f"Handlungsraum {n}", f"handlungsraum-{n}")
        for n in range(len(NAMED_AREAS) + 1, AREA_COUNT)
    ),
    ("Stadtrand Süd", "stadtrand-sued"),
)
"""(name, short name) of the 13 action areas in their order: "Stadtrand Süd" last, as
area 13 (see above)."""
AREA = "stadtrand-sued"
"""The area of both committees of the example."""

COORDINATOR_EMAIL = tk.email(tk.ORGANISATIONS[0], "koordination")
"""The Bezirkskoordinatorin of the OE SPK (the BA's deputy in KG)."""
SENATE = tk.Org(
    "sensbw",
    "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen",
    "SenSBW",
    OrganisationKind.PUBLIC_BODY,
    Role.ADVISORY,
    "sensbw.example.org",
    (
        "Programmbüro Gemeinschaftsinitiative",
        "Ressortübergreifende Koordination Gemeinschaftsinitiative",
        "gemeinschaftsinitiative",
    ),
)
OFFICE_EMAIL = tk.email(SENATE, SENATE.representative[2])
SECOND_NAME = "Kooperationsrunde Kosmosviertel"
SECOND_SHORT = "KV"


def create(uow: UnitOfWork) -> Programme:
    """The Treptow-Köpenick committee (if it is not there yet), then :func:`add_programme`."""
    try:
        directory.committee_by_ref(uow.session, tk.COMMITTEE_SHORT)
    except NotFound:  # a new installation
        tk.create(uow)
    return add_programme(uow)


def add_programme(uow: UnitOfWork, *, second_committee: bool = True) -> Programme:
    """The programme, its areas, KG and (*second_committee*) the new Kosmosviertel
    committee in "Stadtrand Süd", its coordinator and the programme's office (KG must
    exist)."""
    programme = programmes.add_programme(
        uow, name=PROGRAMME_NAME, short_name=PROGRAMME_SHORT, description=PROGRAMME_DESCRIPTION
    )
    for name, short in AREAS:
        programmes.add_area(uow, programme, name=name, short_name=short)
    senate = directory.add_organisation(
        uow, name=SENATE.name, short_name=SENATE.short_name, kind=SENATE.kind
    )
    name, title, _ = SENATE.representative
    office = directory.add_person(
        uow, name=name, email=OFFICE_EMAIL, function_title=title, organisation=senate
    )
    programmes.add_committee(uow, AREA, tk.COMMITTEE_SHORT)
    if second_committee:
        programmes.add_committee(uow, AREA, _second_committee(uow, senate, office))
    programmes.appoint_coordinator(uow, AREA, COORDINATOR_EMAIL)
    programmes.appoint_office(uow, programme, office)
    return programme


def _second_committee(uow: UnitOfWork, senate: Organisation, office: Person) -> Committee:
    """The Kosmosviertel's committee: chaired by the district (its coordinator acts
    for it), the Senate's department advising."""
    ba = directory.organisation_by_ref(uow.session, tk.ORGANISATIONS[0].short_name)
    committee = directory.add_committee(
        uow,
        name=SECOND_NAME,
        short_name=SECOND_SHORT,
        sender_email=f"kosmosviertel@{tk.ORGANISATIONS[0].domain}",
    )
    coordinator = directory.person_by_email(uow.session, COORDINATOR_EMAIL)
    directory.create_membership(
        uow,
        committee,
        directory.MembershipSpec(organisation=ba, role=Role.CHAIR, representatives=(coordinator,)),
    )
    directory.create_membership(
        uow,
        committee,
        directory.MembershipSpec(
            organisation=senate, role=Role.ADVISORY, representatives=(office,)
        ),
    )
    return committee
