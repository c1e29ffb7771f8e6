"""The fixed example every golden document is rendered from: the
Treptow-Köpenick seed on a simulated clock.

The committee is created, the chair opens the agreement, all nine parties
sign it at the ceremony in the Rathaus Köpenick on 06.02.2026, and the
Kosmosviertel association applies, is accepted (7 yes, 0 no, 1 abstention on
11.03.2026) and signs its accession declaration on 18.03.2026. Same steps,
same dates as the demo, but kept here so that extending the demo does not
change the golden files.

Then the first meeting of a quarterly series is held on 10.06.2026
(:func:`hold_meeting`): attendance with a deputy, an excused and an absent
member, a late arrival, an early departure, an advisory member and a guest;
a roll-call vote, an action item, notes per agenda item, and the minutes
circulated on 15.06.2026.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from governance.bootstrap import App, build_app
from governance.clock import BERLIN, SimulatedClock
from governance.config import Settings
from governance.examples import treptow_koepenick as tk
from governance.models import AgreementVersion
from governance.services import (
    accession,
    action_items,
    agenda,
    agenda_attachments,
    agreements,
    attendance,
    directory,
    meeting_series,
    minutes,
    timers,
    votes,
)
from governance.services import meetings as meeting_service
from governance.unit_of_work import Actor
from tests.conftest import migrate

START = dt.datetime(2026, 1, 12, 9, 0, tzinfo=BERLIN)
CEREMONY_DAY = dt.date(2026, 2, 6)
CEREMONY_PLACE = "Rathaus Köpenick, Ratssaal"
APPLICANT_EMAIL = tk.email(tk.APPLICANT, tk.APPLICANT.representative[2])


@dataclasses.dataclass
class Scenario:
    app: App
    clock: SimulatedClock
    version_ref: str
    """The agreement version as the command line names it ("1")."""
    text_sha256: str
    application_id: int
    meeting_id: int = 0
    """The meeting held on 10.06.2026 (ID of its invitation, minutes and attendance list)."""


def draft_agreement(url: str) -> Scenario:
    """The committee as ``gremium init --example`` creates it: the agreement a draft."""
    clock = SimulatedClock(START)
    app = build_app(Settings(database=url, clock="simulated"), clock=clock, check_schema=False)
    migrate(app.db)
    with app.unit_of_work(Actor.system()) as uow:
        committee = tk.create(uow)
        ref = str(agreements.latest_version(uow.session, committee).id)
    return Scenario(app, clock, ref, text_sha256="", application_id=0)


def open_agreement(url: str) -> Scenario:
    """The committee with its agreement open for signature; nobody has signed yet."""
    scenario = draft_agreement(url)
    with scenario.app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        version = uow.session.get(AgreementVersion, int(scenario.version_ref))
        agreements.open_for_signature(uow, version)
        assert version is not None and version.text_sha256 is not None
        scenario.text_sha256 = version.text_sha256
    return scenario


def sign_at_ceremony(scenario: Scenario, parties: tuple[tk.Org, ...] = tk.ORGANISATIONS) -> None:
    """The secretariat records the ceremony's signatures (all parties: in force)."""
    scenario.clock.advance_to(dt.datetime.combine(CEREMONY_DAY, dt.time(15, 0), BERLIN))
    with scenario.app.unit_of_work(tk.SECRETARIAT_EMAIL) as uow:
        version = uow.session.get(AgreementVersion, int(scenario.version_ref))
        agreements.record_ceremony(
            uow,
            version,
            held_on=CEREMONY_DAY,
            place=CEREMONY_PLACE,
            signatures=[(o.short_name, tk.email(o, o.representative[2]), "ink") for o in parties],
            text_sha256=scenario.text_sha256,
        )


def accept_application(scenario: Scenario) -> None:
    """Kosmosviertel applies and the committee accepts it; not declared yet."""
    applicant = tk.APPLICANT
    scenario.clock.advance_to(dt.datetime(2026, 2, 16, 10, 0, tzinfo=BERLIN))
    with scenario.app.unit_of_work(Actor.system()) as uow:
        application = accession.apply(
            uow,
            directory.committee_by_ref(uow.session, tk.COMMITTEE_SHORT),
            org_name=applicant.name,
            short_name=applicant.short_name,
            kind=applicant.kind,
            applicant_name=applicant.representative[0],
            applicant_email=APPLICANT_EMAIL,
            function_title=applicant.representative[1],
            motivation="Gemeinwesenarbeit im Kosmosviertel (Handlungsraum Stadtrand Süd)",
        )
        scenario.application_id = application.id
    with scenario.app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        application = accession.application_by_id(uow.session, scenario.application_id)
        accession.review(uow, application)
        accession.schedule(uow, application)
    scenario.clock.advance_to(dt.datetime(2026, 3, 11, 12, 0, tzinfo=BERLIN))
    with scenario.app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        application = accession.application_by_id(uow.session, scenario.application_id)
        assert accession.decide(uow, application, yes=7, no=0, abstain=1)


def declare_accession(scenario: Scenario) -> None:
    """Kosmosviertel's board signs the declaration in Berlin on 18.03.2026."""
    scenario.clock.advance_to(dt.datetime(2026, 3, 18, 11, 0, tzinfo=BERLIN))
    with scenario.app.unit_of_work(APPLICANT_EMAIL) as uow:
        application = accession.application_by_id(uow.session, scenario.application_id)
        accession.declare(
            uow,
            application,
            signatory_email=APPLICANT_EMAIL,
            signed_on=dt.date(2026, 3, 18),
            place="Berlin",
            text_sha256=scenario.text_sha256,
            member_from=dt.date(2026, 4, 1),
        )


MEETING_DAY = dt.date(2026, 6, 10)
RABENHAUS_EMAIL = tk.email(tk.ORGANISATIONS[1], tk.ORGANISATIONS[1].representative[2])
FESTIVAL_DECISION = (
    "Das Gremium beschließt, das Stadtteilfest 2026 am 05.09.2026 im Kosmosviertel "
    "gemeinsam auszurichten."
)
NOTES = {
    1: "Die Geschäftsstelle berichtet: Aus dem Vorjahr sind keine Aufgaben offen.",
    2: "Kosmosviertel stellt das Konzept vor: Bühne auf dem Quartiersplatz, Stände der "
    "Träger, Kinderprogramm.\n\nKungerKiez hält den Termin für zu früh nach den Sommerferien.",
    3: "Rabenhaus bietet den Saal dienstags und donnerstags für Gruppen anderer Träger an.\n"
    "Anfragen über die Geschäftsstelle.",
    4: "SenASGIVA berichtet über die Mittel der Gemeinschaftsinitiative für 2027.",
}


COST_PLANS = (
    "Posten;Betrag\nBühne;1200\nTechnik;800\n".encode(),
    "Posten;Betrag\nBühne;1200\nTechnik;800\nVersicherung;150\n".encode(),
)
"""Two versions of the festival's cost plan (the second is current)."""


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


def hold_meeting(scenario: Scenario, *, circulate: bool = True) -> None:
    """The first meeting of the quarterly series: held, minuted, circulated
    (or left for the secretariat to minute: ``circulate=False``)."""
    app = scenario.app
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        series = meeting_series.add_series(
            uow,
            directory.committee_by_ref(uow.session, tk.COMMITTEE_SHORT),
            title="Sitzung des Kooperationsgremiums",
            rrule="FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
            first_start="2026-06-10 10:00",
            location="Rathaus Köpenick, Raum 120",
        )
        meeting = meeting_service.meetings(uow.session, series.committee)[0]
        scenario.meeting_id = meeting.id
        festival = agenda.propose(
            uow,
            meeting,
            title="Stadtteilfest 2026 im Kosmosviertel",
            description="Gemeinsames Fest der Träger am 05.09.2026",
            kind="decision",
        )
        # The cost plan as a file (a second version replaces the first on the
        # agenda; both stay stored) and the district's page as a link.
        for cost_plan in COST_PLANS:
            agenda_attachments.attach_file(
                uow,
                festival,
                name="kostenplan-stadtteilfest.csv",
                data=cost_plan,
                title="Kostenplan",
            )
        agenda_attachments.attach_link(
            uow,
            festival,
            url="https://www.berlin.de/ba-treptow-koepenick/",
            title="Bezirksamt Treptow-Köpenick",
        )
    with app.unit_of_work(RABENHAUS_EMAIL) as uow:
        proposal = agenda.propose(
            uow,
            meeting_service.meeting_by_id(uow.session, scenario.meeting_id),
            title="Raumnutzung im Nachbarschaftshaus Rabenhaus",
            links=["https://rabenhaus.example.org/raeume"],
        ).id
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        agenda.accept(uow, agenda.item_by_ref(uow.session, proposal))
        agenda.propose(
            uow,
            meeting_service.meeting_by_id(uow.session, scenario.meeting_id),
            title="Bericht aus dem Handlungsraum Stadtrand Süd",
            kind="information",
        )
    timers.fire_due(app, at(2026, 6, 10, 9, 30))
    secretariat = tk.SECRETARIAT_EMAIL
    statuses = [
        ("BA Treptow-Köpenick", "present", None, None),
        ("Rabenhaus", "represented", None, None),
        ("Offensiv'91", "present", None, None),
        ("tjfbg", "present", "10:20", None),
        ("KungerKiez", "present", None, "11:30"),
        ("ajb", "excused", None, None),
        ("Paritätischer Berlin", "present", None, None),
        ("VskA", "absent", None, None),
        ("Kosmosviertel", "present", None, None),
        ("SenASGIVA", "present", None, None),
    ]
    with app.unit_of_work(secretariat) as uow:
        meeting = meeting_service.meeting_by_id(uow.session, scenario.meeting_id)
        for org, status, arrived, departed in statuses:
            attendance.record(
                uow,
                meeting,
                organisation_ref=org,
                status=status,
                arrived=arrived,
                departed=departed,
            )
        attendance.add_guest(
            uow, meeting, name="Jana Beispiel", affiliation="Quartiersmanagement Kosmosviertel"
        )
    scenario.clock.advance_to(at(2026, 6, 10, 10, 0))
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        meeting_service.open_meeting(
            uow, meeting_service.meeting_by_id(uow.session, scenario.meeting_id)
        )
    scenario.clock.advance_to(at(2026, 6, 10, 10, 45))
    ref = f"{scenario.meeting_id}/"
    with app.unit_of_work(secretariat) as uow:
        agenda.mark(uow, agenda.item_by_ref(uow.session, ref + "1"), "noted")
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        votes.record_vote(
            uow,
            agenda.item_by_ref(uow.session, ref + "2"),
            text=FESTIVAL_DECISION,
            ballots={
                "BA Treptow-Köpenick": "yes",
                "Rabenhaus": "yes",
                "Offensiv'91": "yes",
                "tjfbg": "yes",
                "KungerKiez": "no",
                "Paritätischer Berlin": "abstain",
                "Kosmosviertel": "yes",
            },
        )
    with app.unit_of_work(secretariat) as uow:
        action_items.add(
            uow,
            agenda.item_by_ref(uow.session, ref + "2"),
            what="Raumplanung und Genehmigungen für das Stadtteilfest",
            who="Kosmosviertel",
            due_on="2026-07-15",
        )
        for top in (3, 4):
            agenda.mark(uow, agenda.item_by_ref(uow.session, ref + str(top)), "noted")
    scenario.clock.advance_to(at(2026, 6, 10, 12, 0))
    with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
        meeting_service.close(uow, meeting_service.meeting_by_id(uow.session, scenario.meeting_id))
    scenario.clock.advance_to(at(2026, 6, 15, 9, 0))
    if not circulate:
        return
    with app.unit_of_work(secretariat) as uow:
        meeting = meeting_service.meeting_by_id(uow.session, scenario.meeting_id)
        minutes.record_notes(uow, meeting, NOTES)
        minutes.circulate(uow, meeting)


def complete(url: str) -> Scenario:
    """The whole example: agreement in force, Kosmosviertel joined, the June meeting held."""
    scenario = open_agreement(url)
    sign_at_ceremony(scenario)
    accept_application(scenario)
    declare_accession(scenario)
    hold_meeting(scenario)
    return scenario
