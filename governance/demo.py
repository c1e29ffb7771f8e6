"""The demo: the seed scenario of Treptow-Köpenick on a simulated clock.

Runs in a fresh SQLite file in an output folder, through the same services
a chair, a partner and the secretariat use, and returns what happened.
Later issues extend it to meetings, mail and minutes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from governance import audit
from governance.bootstrap import ENTITIES, App, build_app
from governance.clock import BERLIN, SimulatedClock
from governance.config import Settings
from governance.database import Database
from governance.examples import treptow_koepenick as tk
from governance.i18n import translate
from governance.models import AgreementVersion, Membership, OutboxMessage
from governance.services import accession, agreements, directory, timers
from governance.unit_of_work import Actor

START = dt.datetime(2026, 1, 12, 9, 0, tzinfo=BERLIN)
CEREMONY_DAY = dt.date(2026, 2, 6)
CEREMONY_PLACE = "Rathaus Köpenick, Ratssaal"


@dataclasses.dataclass
class DemoResult:
    database: Path
    events: list[tuple[dt.datetime, str]]
    messages: Counter[str]
    audit_records: int
    audit_intact: bool
    members: list[str]


def run(out: Path) -> DemoResult:
    out.mkdir(parents=True, exist_ok=True)
    db_file = out / "gremium.db"
    for stale in out.glob("gremium.db*"):
        stale.unlink()
    url = f"sqlite:///{db_file}"
    Database(url).upgrade()
    clock = SimulatedClock(START)
    app = build_app(Settings(database=url, clock="simulated"), clock=clock)
    events: list[tuple[dt.datetime, str]] = []

    def note(text: str) -> None:
        events.append((clock.now(), text))

    try:
        with app.unit_of_work(Actor.system()) as uow:
            committee = tk.create(uow)
            committee_ref = committee.short_name
        note(f"Gremium „{tk.COMMITTEE_NAME}“ mit {len(tk.ORGANISATIONS)} Organisationen angelegt")

        # The chair opens the agreement for signature: the text is frozen.
        with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
            version = agreements.latest_version(
                uow.session, directory.committee_by_ref(uow.session, committee_ref)
            )
            agreements.open_for_signature(uow, version)
            version_id, sha = version.id, version.text_sha256
        note(f"Kooperationsvereinbarung zur Unterzeichnung geöffnet (SHA-256 {sha[:12]}…)")

        # A week later the first reminder goes out to every party.
        _tick(app, events, dt.datetime(2026, 1, 20, 12, 0, tzinfo=BERLIN))

        # The signing ceremony: the secretariat records all nine signatures at once.
        clock.advance_to(dt.datetime.combine(CEREMONY_DAY, dt.time(15, 0), BERLIN))
        with app.unit_of_work(tk.SECRETARIAT_EMAIL) as uow:
            version = uow.session.get(AgreementVersion, version_id)
            signatures = [
                (o.short_name, tk.email(o, o.representative[2]), "ink") for o in tk.ORGANISATIONS
            ]
            agreements.record_ceremony(
                uow,
                version,
                held_on=CEREMONY_DAY,
                place=CEREMONY_PLACE,
                signatures=signatures,
                text_sha256=sha,
            )
            state = version.state
        note(
            f"Feierliche Unterzeichnung in {CEREMONY_PLACE}: {len(signatures)} Unterschriften; Vereinbarung {_state(state)}"
        )

        # A new partner applies; the chair reviews and puts it to the committee.
        clock.advance_to(dt.datetime(2026, 2, 16, 10, 0, tzinfo=BERLIN))
        applicant = tk.APPLICANT
        with app.unit_of_work(Actor.system()) as uow:
            application = accession.apply(
                uow,
                directory.committee_by_ref(uow.session, committee_ref),
                org_name=applicant.name,
                short_name=applicant.short_name,
                kind=applicant.kind,
                applicant_name=applicant.representative[0],
                applicant_email=tk.email(applicant, applicant.representative[2]),
                function_title=applicant.representative[1],
                motivation="Gemeinwesenarbeit im Kosmosviertel (Handlungsraum Stadtrand Süd)",
            )
            application_id = application.id
        note(f"Beitrittsantrag von {applicant.name} eingegangen")
        with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
            application = accession.application_by_id(uow.session, application_id)
            accession.review(uow, application)
            accession.schedule(uow, application)
        note("Vorsitz hat den Antrag geprüft und zur Entscheidung auf die Tagesordnung gesetzt")

        # The committee votes (recorded by the chair until meetings exist).
        clock.advance_to(dt.datetime(2026, 3, 11, 12, 0, tzinfo=BERLIN))
        with app.unit_of_work(tk.CHAIR_EMAIL) as uow:
            application = accession.application_by_id(uow.session, application_id)
            accepted = accession.decide(uow, application, yes=7, no=0, abstain=1)
        note(
            f"Abstimmung über den Beitritt: 7 ja, 0 nein, 1 Enthaltung – {'angenommen' if accepted else 'abgelehnt'}"
        )

        # The new partner signs its accession declaration against the version in force.
        clock.advance_to(dt.datetime(2026, 3, 18, 11, 0, tzinfo=BERLIN))
        with app.unit_of_work(tk.email(applicant, applicant.representative[2])) as uow:
            application = accession.application_by_id(uow.session, application_id)
            in_force = agreements.in_force_version(uow.session, application.committee)
            assert in_force is not None and in_force.text_sha256 is not None
            accession.declare(
                uow,
                application,
                signatory_email=tk.email(applicant, applicant.representative[2]),
                signed_on=clock.now().astimezone(BERLIN).date(),
                place="Berlin",
                text_sha256=in_force.text_sha256,
                member_from=dt.date(2026, 4, 1),
            )
        note(f"Beitrittserklärung unterzeichnet; {applicant.short_name} ist Mitglied ab 01.04.2026")

        _tick(app, events, dt.datetime(2026, 4, 1, 12, 0, tzinfo=BERLIN))
        return _summary(app, db_file, events)
    finally:
        app.db.dispose()


def _tick(app: App, events: list[tuple[dt.datetime, str]], until: dt.datetime) -> None:
    """Let the simulated clock run to *until*; timers fire at their due times."""
    for fired in timers.fire_due(app, until):
        if fired.outcome == "fired":
            label = app.engine.definitions[_workflow(app, fired.entity_type)].label(
                fired.trigger, "de"
            )
            events.append((fired.due_at, f"Zeitgeber: {label}"))


def _workflow(app: App, entity_type: str) -> str:
    return next(
        d.name
        for d in app.engine.definitions.values()
        if ENTITIES[d.entity].__tablename__ == entity_type
    )  # type: ignore[attr-defined]


def _state(state: str) -> str:
    return {"in_force": "in Kraft", "open_for_signature": "zur Unterzeichnung offen"}.get(
        state, state
    )


def _summary(app: App, db_file: Path, events: list[tuple[dt.datetime, str]]) -> DemoResult:
    with app.db.session() as session:
        messages = Counter(
            dict(
                session.execute(
                    select(OutboxMessage.notification, func.count()).group_by(
                        OutboxMessage.notification
                    )
                ).all()
            )
        )
        verified = audit.verify(session)
        members = [
            f"{m.organisation.short_name} ({translate(f'role.{m.role}')}, ab {m.starts_on:%d.%m.%Y})"
            for m in session.execute(select(Membership).order_by(Membership.id)).scalars()
        ]
    return DemoResult(
        database=db_file,
        events=events,
        messages=messages,
        audit_records=verified.checked,
        audit_intact=verified.ok,
        members=members,
    )
