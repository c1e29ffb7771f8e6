"""The seed scenario: the cooperation committee for neighbourhood, district
and self-help work in Berlin Treptow-Köpenick.

The district office chairs it, represented by its unit for social-space
planning coordination (OE SPK); the partners are the organisations that
signed the cooperation agreement in a ceremony. People are named by their
function; all addresses are under example.org.
"""

from __future__ import annotations

import dataclasses

from governance.models import Committee, OrganisationKind, Role
from governance.services import agreements, directory
from governance.unit_of_work import UnitOfWork

COMMITTEE_NAME = (
    "Kooperationsgremium Nachbarschafts-, Stadtteil- und Selbsthilfearbeit Treptow-Köpenick"
)
COMMITTEE_SHORT = "KG"
AGREEMENT_TITLE = (
    "Kooperationsvereinbarung zur partnerschaftlichen Weiterentwicklung der "
    "Nachbarschafts-, Stadtteil- und Selbsthilfearbeit in Treptow-Köpenick"
)
AGREEMENT_TEXT = """\
# Präambel

Soziale gemeinwesensorientierte Stadtentwicklung – besonders bei steigenden
Bevölkerungszahlen – braucht neben wachsender Infrastruktur ein kooperatives,
fachübergreifendes Zusammenwirken bezirklicher Ressorts untereinander und einen
lebendigen Austausch mit den sozialräumlich agierenden Akteuren und Einrichtungen.

§ 1 Ziel
Die Kooperationspartner:innen entwickeln wirksame und miteinander verzahnte
Ansätze der Gemeinwesenarbeit gemeinsam mit den Bürger:innen bedarfsgerecht weiter.
Den Bürger:innen sollen den Bezirksregionen entsprechende Angebote unterbreitet und
im Falle der Nachbarschaftsarbeit möglichst durch eine örtliche Einrichtung
gewährleistet werden.

§ 2 Kooperationsgremium
Die Kooperationspartner:innen bilden ein Kooperationsgremium. Der Vorsitz liegt beim
Bezirksamt Treptow-Köpenick von Berlin, vertreten durch die Organisationseinheit
Sozialraumorientierte Planungskoordination (OE SPK).

§ 3 Geschäftsordnung
Das Gremium gibt sich eine Geschäftsordnung (Ladungsfrist, Beschlussfähigkeit,
Mehrheiten, Protokoll).

§ 4 Beitritt und Austritt
Weitere Träger können durch Beitrittserklärung beitreten, wenn das Gremium mit
Zweidrittelmehrheit zustimmt. Ein Austritt ist mit einer Frist von drei Monaten möglich.
"""


@dataclasses.dataclass(frozen=True)
class Org:
    key: str
    name: str
    short_name: str
    kind: OrganisationKind
    role: Role
    domain: str
    representative: tuple[str, str, str]
    """(name, function title, local part of the e-mail address)"""
    deputy: tuple[str, str, str] | None = None


ORGANISATIONS = (
    Org(
        "ba",
        "Bezirksamt Treptow-Köpenick von Berlin",
        "BA Treptow-Köpenick",
        OrganisationKind.PUBLIC_BODY,
        Role.CHAIR,
        "ba-tk.example.org",
        ("Leitung OE SPK", "Leitung der Sozialraumorientierten Planungskoordination", "spk"),
        (
            "Bezirkskoordination OE SPK",
            "Bezirkskoordinatorin Gemeinschaftsinitiative",
            "koordination",
        ),
    ),
    Org(
        "rabenhaus",
        "Rabenhaus e.V.",
        "Rabenhaus",
        OrganisationKind.ASSOCIATION,
        Role.MEMBER,
        "rabenhaus.example.org",
        ("Geschäftsführung Rabenhaus", "Geschäftsführerin", "gf"),
        ("Nachbarschaftsarbeit Rabenhaus", "Koordinatorin Nachbarschaftsarbeit", "nachbarschaft"),
    ),
    Org(
        "offensiv91",
        "Offensiv'91 e.V.",
        "Offensiv'91",
        OrganisationKind.ASSOCIATION,
        Role.MEMBER,
        "offensiv91.example.org",
        ("Vorstand Offensiv'91", "Vorstandsvorsitzender", "vorstand"),
    ),
    Org(
        "tjfbg",
        "Technische Jugendfreizeit- und Bildungsgesellschaft gGmbH",
        "tjfbg",
        OrganisationKind.NON_PROFIT_COMPANY,
        Role.MEMBER,
        "tjfbg.example.org",
        ("Regionalleitung tjfbg", "Regionalleiterin Treptow-Köpenick", "treptow"),
    ),
    Org(
        "kungerkiez",
        "KungerKiezInitiative e.V.",
        "KungerKiez",
        OrganisationKind.ASSOCIATION,
        Role.MEMBER,
        "kungerkiez.example.org",
        ("Koordination KungerKiez", "Koordinator Stadtteilarbeit", "kontakt"),
    ),
    Org(
        "ajb",
        "ajb gmbH",
        "ajb",
        OrganisationKind.NON_PROFIT_COMPANY,
        Role.MEMBER,
        "ajb.example.org",
        ("Bereichsleitung ajb", "Bereichsleiterin Gemeinwesenarbeit", "gwa"),
    ),
    Org(
        "paritaet",
        "Paritätischer Wohlfahrtsverband Landesverband Berlin e.V.",
        "Paritätischer Berlin",
        OrganisationKind.UMBRELLA_ASSOCIATION,
        Role.MEMBER,
        "paritaet-berlin.example.org",
        ("Bezirksbeauftragte Paritätischer", "Bezirksbeauftragte Treptow-Köpenick", "bezirk-tk"),
    ),
    Org(
        "vska",
        "Verband für sozial-kulturelle Arbeit e.V.",
        "VskA",
        OrganisationKind.UMBRELLA_ASSOCIATION,
        Role.MEMBER,
        "vska.example.org",
        ("Referent VskA", "Referent für Stadtteilzentren", "referat"),
    ),
    Org(
        "sen",
        "Senatsverwaltung für Arbeit, Soziales, Gleichstellung, Integration, Vielfalt und Antidiskriminierung",
        "SenASGIVA",
        OrganisationKind.PUBLIC_BODY,
        Role.ADVISORY,
        "senasgiva.example.org",
        (
            "Referat Stadtteilzentren SenASGIVA",
            "Referatsleitung Stadtteilzentren",
            "stadtteilzentren",
        ),
    ),
)

SECRETARIAT = (
    "Geschäftsstelle Kooperationsgremium",
    "Geschäftsstelle",
    "geschaeftsstelle",
    "ba-tk.example.org",
)

# The organisation that applies for accession in the demo (not created by init).
APPLICANT = Org(
    "kosmos",
    "Stadtteilarbeit Kosmosviertel e.V.",
    "Kosmosviertel",
    OrganisationKind.ASSOCIATION,
    Role.MEMBER,
    "kosmosviertel.example.org",
    ("Vorstand Kosmosviertel", "Vorstandsvorsitzende", "vorstand"),
)


def email(org: Org, local: str) -> str:
    return f"{local}@{org.domain}"


CHAIR_EMAIL = email(ORGANISATIONS[0], "spk")
SECRETARIAT_EMAIL = f"{SECRETARIAT[2]}@{SECRETARIAT[3]}"


def create(uow: UnitOfWork) -> Committee:
    """Create the committee, its partners, their representatives and the draft agreement."""
    committee = directory.add_committee(
        uow,
        name=COMMITTEE_NAME,
        short_name=COMMITTEE_SHORT,
        sender_email=f"kooperationsgremium@{ORGANISATIONS[0].domain}",
    )
    for spec in ORGANISATIONS:
        org = directory.add_organisation(
            uow, name=spec.name, short_name=spec.short_name, kind=spec.kind
        )
        rep_name, rep_title, rep_local = spec.representative
        rep = directory.add_person(
            uow,
            name=rep_name,
            email=email(spec, rep_local),
            function_title=rep_title,
            organisation=org,
            is_admin=spec.key == "ba",
        )
        deputies = []
        if spec.deputy:
            dep_name, dep_title, dep_local = spec.deputy
            deputies.append(
                directory.add_person(
                    uow,
                    name=dep_name,
                    email=email(spec, dep_local),
                    function_title=dep_title,
                    organisation=org,
                )
            )
        directory.create_membership(
            uow,
            committee,
            directory.MembershipSpec(
                organisation=org, role=spec.role, representatives=(rep,), deputies=tuple(deputies)
            ),
        )
    ba = directory.organisation_by_ref(uow.session, ORGANISATIONS[0].short_name)
    name, title, local, domain = SECRETARIAT
    secretary = directory.add_person(
        uow, name=name, email=f"{local}@{domain}", function_title=title, organisation=ba
    )
    directory.add_secretariat(uow, committee, secretary)
    agreements.create_agreement(uow, committee, title=AGREEMENT_TITLE, text=AGREEMENT_TEXT)
    return committee
