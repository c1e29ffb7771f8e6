"""What happens in the demo year, step by step, as the people involved would do it.

Each function is one day of the committee's year; :class:`Stage` carries the
app, the simulated clock and the log of what happened.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from governance.bootstrap import ENTITIES, App
from governance.clock import BERLIN, SimulatedClock
from governance.examples import treptow_koepenick as tk
from governance.models import AgreementVersion
from governance.models.core import table_of
from governance.services import (
    accession,
    agenda,
    agreements,
    directory,
    meeting_series,
    timers,
)
from governance.services import meetings as ms
from governance.unit_of_work import Actor

CHAIR = tk.CHAIR_EMAIL
SECRETARIAT = tk.SECRETARIAT_EMAIL
RABENHAUS = "gf@rabenhaus.example.org"
TJFBG = "treptow@tjfbg.example.org"
KUNGERKIEZ = "kontakt@kungerkiez.example.org"
AJB = "gwa@ajb.example.org"
APPLICANT = tk.email(tk.APPLICANT, tk.APPLICANT.representative[2])
CEREMONY_DAY = dt.date(2026, 2, 6)
CEREMONY_PLACE = "Rathaus Köpenick, Ratssaal"
PLACE = "Rathaus Köpenick, Ratssaal, Alt-Köpenick 21, 12555 Berlin"


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@dataclasses.dataclass
class Stage:
    app: App
    clock: SimulatedClock
    events: list[tuple[dt.datetime, str]] = dataclasses.field(default_factory=list)
    timer_counts: dict[str, int] = dataclasses.field(default_factory=dict)
    meeting_ids: list[int] = dataclasses.field(default_factory=list)
    application_id: int = 0
    deliver: Callable[[], int] = lambda: 0
    """Send the outbox now; how many were sent (the runner does this after every round)."""
    delivered: int = 0
    mail_folder: Path | None = None
    """The Maildir the mail goes to (partners answer by the links in it)."""

    def note(self, text: str) -> None:
        self.events.append((self.clock.now(), text))

    def at(self, *moment: int) -> None:
        """Let the clock run; every timer fires at its due time, in order, and its mail
        goes out right after it, as with ``gremium run`` (a mail sent only at the end
        of the year would find its purpose lapsed: an invitation after the meeting)."""
        until = at(*moment)
        self.delivered += self.deliver()  # what the last actions queued
        while fired_now := timers.fire_due(self.app, until, limit=1):
            self._record(fired_now)
            self.delivered += self.deliver()

    def _record(self, fired_now: list[timers.Fired]) -> None:
        for fired in fired_now:
            if fired.outcome != "fired":
                if fired.outcome == "failed":
                    raise RuntimeError(f"timer {fired.name} failed: {fired.detail}")
                continue
            definition = next(
                d
                for d in self.app.engine.definitions.values()
                if table_of(ENTITIES[d.entity]).name == fired.entity_type
            )
            label = definition.label(fired.trigger, "de")
            self.timer_counts[label] = self.timer_counts.get(label, 0) + 1
            if fired.trigger in (
                "convene",
                "end_objection_period",
                "archive",
                "remind_signatories",
            ):
                self.events.append((fired.due_at, f"Zeitgeber: {label}"))

    def act(self, actor: str | Actor, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with self.app.unit_of_work(actor) as uow:
            return fn(uow, *args, **kwargs)

    def meeting(self, number: int) -> int:
        return self.meeting_ids[number - 1]


def on_meeting(fn: Callable[..., Any], meeting_id: int, **kwargs: Any) -> Callable[..., Any]:
    return lambda uow: fn(uow, ms.meeting_by_id(uow.session, meeting_id), **kwargs)


def on_item(fn: Callable[..., Any], item_id: int, **kwargs: Any) -> Callable[..., Any]:
    return lambda uow: fn(uow, agenda.item_by_ref(uow.session, item_id), **kwargs)


# --- January and February: the agreement and the schedule ---


def set_up(stage: Stage) -> None:
    stage.act(Actor.system(), tk.create)
    stage.note(f"Gremium „{tk.COMMITTEE_NAME}“ mit {len(tk.ORGANISATIONS)} Organisationen angelegt")

    def open_agreement(uow: Any) -> str:
        version = agreements.latest_version(
            uow.session, directory.committee_by_ref(uow.session, "KG")
        )
        agreements.open_for_signature(uow, version)
        return str(version.text_sha256)

    sha = stage.act(CHAIR, open_agreement)
    stage.note(f"Kooperationsvereinbarung zur Unterzeichnung geöffnet (SHA-256 {sha[:12]}…)")
    stage.act(
        CHAIR,
        lambda uow: meeting_series.add_series(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            title="Sitzung des Kooperationsgremiums",
            rrule="FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
            first_start="2026-03-11 10:00",
            duration_minutes=120,
            location=PLACE,
        ),
    )
    with stage.app.db.session() as s:
        stage.meeting_ids = [m.id for m in ms.meetings(s, directory.committee_by_ref(s, "KG"))]
    stage.note(
        "Sitzungsreihe angelegt: quartalsweise am zweiten Mittwoch, 10:00 Uhr (11.03., 10.06., 09.09., 09.12.)"
    )


def ceremony(stage: Stage) -> None:
    stage.at(2026, 2, 6, 15, 0)

    def sign_all(uow: Any) -> str:
        version = agreements.latest_version(
            uow.session, directory.committee_by_ref(uow.session, "KG")
        )
        assert isinstance(version, AgreementVersion) and version.text_sha256
        agreements.record_ceremony(
            uow,
            version,
            held_on=CEREMONY_DAY,
            place=CEREMONY_PLACE,
            text_sha256=version.text_sha256,
            signatures=[
                (o.short_name, tk.email(o, o.representative[2]), "ink") for o in tk.ORGANISATIONS
            ],
        )
        return version.state

    state = stage.act(tk.SECRETARIAT_EMAIL, sign_all)
    assert state == "in_force", state
    stage.note(
        f"Feierliche Unterzeichnung im {CEREMONY_PLACE}: {len(tk.ORGANISATIONS)} Unterschriften; Vereinbarung in Kraft"
    )


def accession_applied(stage: Stage) -> None:
    stage.at(2026, 2, 16, 10, 0)
    applicant = tk.APPLICANT

    def apply(uow: Any) -> int:
        return accession.apply(
            uow,
            directory.committee_by_ref(uow.session, "KG"),
            org_name=applicant.name,
            short_name=applicant.short_name,
            kind=applicant.kind,
            applicant_name=applicant.representative[0],
            applicant_email=APPLICANT,
            function_title=applicant.representative[1],
            motivation="Gemeinwesenarbeit im Kosmosviertel (Handlungsraum Stadtrand Süd)",
        ).id

    stage.application_id = stage.act(Actor.system(), apply)
    stage.note(f"Beitrittsantrag von {applicant.name} eingegangen")

    def review_and_schedule(uow: Any) -> None:
        application = accession.application_by_id(uow.session, stage.application_id)
        accession.review(uow, application)
        accession.schedule(uow, application)

    stage.act(CHAIR, review_and_schedule)
    stage.note(
        "Vorsitz setzt den Beitritt auf die Tagesordnung der Sitzung am 11.03. (Zweidrittelmehrheit)"
    )
