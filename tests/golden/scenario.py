"""The fixed example every golden document is rendered from: the
Treptow-Köpenick seed on a simulated clock.

The committee is created, the chair opens the agreement, all nine parties
sign it at the ceremony in the Rathaus Köpenick on 06.02.2026, and the
Kosmosviertel association applies, is accepted (7 yes, 0 no, 1 abstention on
11.03.2026) and signs its accession declaration on 18.03.2026. Same steps,
same dates as the demo, but kept here so that extending the demo does not
change the golden files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from governance.bootstrap import App, build_app
from governance.clock import BERLIN, SimulatedClock
from governance.config import Settings
from governance.examples import treptow_koepenick as tk
from governance.models import AgreementVersion
from governance.services import accession, agreements, directory
from governance.unit_of_work import Actor

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


def draft_agreement(url: str) -> Scenario:
    """The committee as ``gremium init --example`` creates it: the agreement a draft."""
    clock = SimulatedClock(START)
    app = build_app(Settings(database=url, clock="simulated"), clock=clock, check_schema=False)
    app.db.upgrade()
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


def complete(url: str) -> Scenario:
    """The whole example: agreement in force, Kosmosviertel joined."""
    scenario = open_agreement(url)
    sign_at_ceremony(scenario)
    accept_application(scenario)
    declare_accession(scenario)
    return scenario
