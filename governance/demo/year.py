"""The four quarterly meetings of the demo year, their agendas, votes and minutes."""

from __future__ import annotations

from typing import Any

from governance.demo.script import (
    AJB,
    APPLICANT,
    CHAIR,
    KUNGERKIEZ,
    RABENHAUS,
    SECRETARIAT,
    TJFBG,
    Stage,
    on_item,
    on_meeting,
)
from governance.services import (
    accession,
    action_items,
    agenda,
    agreements,
    attendance,
    minutes,
    votes,
)
from governance.services import meetings as ms


def propose(stage: Stage, actor: str, meeting: int, title: str, **kwargs: Any) -> int:
    return int(
        stage.act(
            actor,
            lambda uow: (
                agenda.propose(
                    uow, ms.meeting_by_id(uow.session, meeting), title=title, **kwargs
                ).id
            ),
        )
    )


def attend(
    stage: Stage, meeting: int, organisation: str, status: str = "present", **kwargs: Any
) -> None:
    stage.act(
        SECRETARIAT,
        on_meeting(
            attendance.record, meeting, organisation_ref=organisation, status=status, **kwargs
        ),
    )


def vote(stage: Stage, item: int, text: str, **kwargs: Any) -> str:
    decision = stage.act(CHAIR, on_item(votes.record_vote, item, text=text, **kwargs))
    result = "angenommen" if decision.carried else "abgelehnt"
    stage.note(f"Beschluss {decision.reference}: {text} — {result}")
    return str(decision.reference)


def item_of(stage: Stage, meeting: int, title_start: str) -> int:
    with stage.app.db.session() as s:
        found = [
            i
            for i in agenda.items(s, ms.meeting_by_id(s, meeting))
            if i.title.startswith(title_start) and i.status == "accepted"
        ]
    return found[0].id


def minutes_round(stage: Stage, meeting: int, notes: dict[int, str]) -> None:
    if notes:
        stage.act(SECRETARIAT, on_meeting(minutes.record_notes, meeting, notes=notes))
    stage.act(SECRETARIAT, on_meeting(minutes.circulate, meeting))


def note_the_rest(stage: Stage, meeting: int) -> None:
    """The items without a vote are taken note of, as the chair goes through the agenda."""
    with stage.app.db.session() as s:
        rest = [
            i.id
            for i in agenda.items(s, ms.meeting_by_id(s, meeting))
            if i.status == "accepted" and i.outcome is None and i.kind != "decision"
        ]
    for item in rest:
        stage.act(SECRETARIAT, on_item(agenda.mark, item, outcome="noted"))


# --- March: the first meeting decides the accession ---


def proposals_for_march(stage: Stage) -> None:
    first = stage.meeting(1)
    stage.at(2026, 2, 17, 9, 0)
    fest = propose(
        stage,
        RABENHAUS,
        first,
        "Stadtteilfest im Kosmosviertel",
        description="Gemeinsames Fest der Träger im Handlungsraum Stadtrand Süd.",
        kind="decision",
    )
    bildung = propose(
        stage,
        "referat@vska.example.org",
        first,
        "Fortbildungsreihe Gemeinwesenarbeit",
        kind="information",
    )
    verkehr = propose(stage, KUNGERKIEZ, first, "Verkehrsberuhigung im Kungerkiez", kind="decision")
    stage.note("Drei TOP-Vorschläge von Rabenhaus, VskA und KungerKiez eingegangen")
    stage.at(2026, 2, 19, 9, 0)
    for item in (fest, bildung):
        stage.act(CHAIR, on_item(agenda.accept, item))
    stage.act(
        CHAIR,
        on_item(
            agenda.defer, verkehr, reason="Stellungnahme des Straßen- und Grünflächenamts abwarten"
        ),
    )
    stage.act(CHAIR, on_meeting(agenda.finalize, first))
    stage.note(
        "Vorsitz nimmt zwei Vorschläge an, vertagt die Verkehrsberuhigung auf Juni und legt die Tagesordnung fest"
    )


def march_meeting(stage: Stage) -> None:
    first = stage.meeting(1)
    stage.at(2026, 3, 11, 9, 45)
    for org in ("BA Treptow-Köpenick", "Offensiv'91", "tjfbg", "KungerKiez", "SenASGIVA"):
        attend(stage, first, org)
    attend(stage, first, "Rabenhaus", person_email="nachbarschaft@rabenhaus.example.org")
    attend(stage, first, "Paritätischer Berlin", arrived="10:40")
    attend(stage, first, "ajb", status="excused")
    attend(stage, first, "VskA", status="absent")
    stage.act(
        SECRETARIAT,
        on_meeting(
            attendance.add_guest,
            first,
            name="Bezirksstadträtin für Soziales, Gesundheit, Arbeit und Teilhabe",
            affiliation="Bezirksamt Treptow-Köpenick",
        ),
    )
    stage.at(2026, 3, 11, 10, 0)
    stage.act(CHAIR, on_meeting(ms.open_meeting, first))
    stage.note("Sitzung Nr. 1 eröffnet: beschlussfähig (5 von 8 stimmberechtigten Organisationen)")
    stage.at(2026, 3, 11, 10, 45)
    vote(
        stage,
        item_of(stage, first, "Beitritt"),
        "Das Gremium nimmt die Stadtteilarbeit Kosmosviertel e.V. als Kooperationspartnerin auf.",
        ballots={
            "BA Treptow-Köpenick": "yes",
            "Rabenhaus": "yes",
            "Offensiv'91": "yes",
            "tjfbg": "yes",
            "KungerKiez": "abstain",
            "Paritätischer Berlin": "yes",
        },
    )
    fest = item_of(stage, first, "Stadtteilfest")
    vote(
        stage,
        fest,
        "Das Stadtteilfest im Kosmosviertel findet am 12.09.2026 statt.",
        totals=(5, 1, 0),
    )
    stage.act(
        SECRETARIAT,
        lambda uow: action_items.add(
            uow,
            agenda.item_by_ref(uow.session, fest),
            what="Raumplanung und Genehmigungen für das Stadtteilfest",
            who="Rabenhaus",
            due_on="2026-05-15",
        ),
    )
    note_the_rest(stage, first)
    stage.at(2026, 3, 11, 12, 0)
    stage.act(CHAIR, on_meeting(ms.close, first))
    stage.note("Sitzung Nr. 1 geschlossen; Aufgabe an Rabenhaus bis 15.05.2026")


def march_minutes_and_accession(stage: Stage) -> None:
    first = stage.meeting(1)
    stage.at(2026, 3, 16, 9, 0)
    minutes_round(
        stage,
        first,
        {
            1: "Es liegen keine offenen Aufgaben vor.",
            2: "Die Stadtteilarbeit Kosmosviertel e.V. stellt ihre Arbeit im Handlungsraum Stadtrand Süd vor.",
            3: "Rabenhaus stellt das Konzept vor; tjfbg bittet um Einbindung der Jugendfreizeiteinrichtungen.",
            4: "Die VskA informiert über die Fortbildungsreihe.",
        },
    )
    stage.note(
        "Protokollentwurf der Sitzung Nr. 1 an alle Mitglieder versandt (Einwendungsfrist 14 Tage)"
    )
    stage.at(2026, 3, 18, 11, 0)

    def declare(uow: Any) -> None:
        application = accession.application_by_id(uow.session, stage.application_id)
        in_force = agreements.in_force_version(uow.session, application.committee)
        assert in_force is not None and in_force.text_sha256 is not None
        accession.declare(
            uow,
            application,
            signatory_email=APPLICANT,
            signed_on="2026-03-18",
            place="Berlin",
            text_sha256=in_force.text_sha256,
            member_from="2026-04-01",
        )

    stage.act(APPLICANT, declare)
    stage.note("Beitrittserklärung unterzeichnet; Kosmosviertel ist Mitglied ab 01.04.2026")
    stage.at(2026, 3, 20, 14, 0)
    stage.act(
        TJFBG,
        on_meeting(
            minutes.object_to,
            first,
            text="Zu TOP 3: tjfbg hat die Einbindung der Jugendclubs beantragt, nicht nur darum gebeten.",
        ),
    )
    stage.note(
        "Einwendung von tjfbg gegen das Protokoll; der Entwurf geht zurück in die Bearbeitung"
    )
    stage.at(2026, 3, 23, 9, 0)

    def resolve(uow: Any) -> None:
        meeting = ms.meeting_by_id(uow.session, first)
        written = minutes.minutes_of(uow.session, meeting)
        assert written is not None
        minutes.resolve(
            uow, meeting, objection_id=written.objections[-1].id, note="In Fassung 2 berichtigt."
        )

    stage.act(CHAIR, resolve)
    minutes_round(
        stage,
        first,
        {
            3: "Rabenhaus stellt das Konzept vor; tjfbg beantragt die Einbindung "
            "der Jugendfreizeiteinrichtungen."
        },
    )
    stage.note("Protokoll berichtigt und als Fassung 2 erneut versandt")


# --- June: not quorate, repeated in July ---


def june_meeting(stage: Stage) -> None:
    second = stage.meeting(2)
    stage.at(2026, 5, 10, 9, 0)
    propose(stage, AJB, second, "Sommerferienprogramm der Stadtteilzentren", kind="discussion")
    for title in ("Sommerferienprogramm", "Verkehrsberuhigung"):
        stage.act(CHAIR, on_item(agenda.accept, item_of_proposed(stage, second, title)))
    stage.note(
        "Vorsitz nimmt das Sommerferienprogramm und die im März vertagte Verkehrsberuhigung auf"
    )
    stage.at(2026, 5, 20, 10, 0)
    stage.act(
        RABENHAUS,
        lambda uow: action_items.complete(
            uow,
            action_items.action_items(
                uow.session, ms.meeting_by_id(uow.session, second).committee, "open"
            )[0],
            note="Genehmigung des Straßen- und Grünflächenamts liegt vor.",
        ),
    )
    stage.note("Rabenhaus meldet die Aufgabe „Raumplanung“ als erledigt")
    stage.at(2026, 6, 10, 9, 50)
    for org in ("BA Treptow-Köpenick", "Kosmosviertel", "tjfbg"):
        attend(stage, second, org)
    for org in ("Rabenhaus", "Offensiv'91", "KungerKiez", "ajb", "Paritätischer Berlin", "VskA"):
        attend(stage, second, org, status="excused")
    stage.at(2026, 6, 10, 10, 0)
    stage.act(CHAIR, on_meeting(ms.open_meeting, second))
    stage.note("Sitzung Nr. 2: nicht beschlussfähig (3 von 9); es wird nichts beschlossen")
    stage.at(2026, 6, 10, 10, 30)
    stage.act(CHAIR, on_meeting(ms.close, second))
    stage.note(
        "Sitzung Nr. 2 geschlossen; Wiederholungssitzung am 08.07.2026 geplant, offene TOPs dorthin vertagt"
    )
    stage.at(2026, 6, 12, 9, 0)
    minutes_round(stage, second, {})


def held_number(stage: Stage, meeting: int) -> int | None:
    with stage.app.db.session() as s:
        return ms.meeting_by_id(s, meeting).number


def item_of_proposed(stage: Stage, meeting: int, title_start: str) -> int:
    with stage.app.db.session() as s:
        return next(
            i.id
            for i in agenda.items(s, ms.meeting_by_id(s, meeting))
            if i.title.startswith(title_start)
        )


def july_repeat_meeting(stage: Stage) -> None:
    with stage.app.db.session() as s:
        repeat = next(
            m.id
            for m in ms.meetings(s, ms.meeting_by_id(s, stage.meeting(1)).committee)
            if m.repeat_of_id == stage.meeting(2)
        )
    stage.at(2026, 7, 8, 9, 50)
    for org in ("BA Treptow-Köpenick", "KungerKiez", "Kosmosviertel"):
        attend(stage, repeat, org)
    stage.at(2026, 7, 8, 10, 0)
    stage.act(CHAIR, on_meeting(ms.open_meeting, repeat))
    stage.note(
        "Wiederholungssitzung eröffnet: beschlussfähig unabhängig von der Zahl der Anwesenden (3 von 9)"
    )
    vote(
        stage,
        item_of(stage, repeat, "Verkehrsberuhigung"),
        "Das Gremium unterstützt den Antrag auf Verkehrsberuhigung im Kungerkiez beim Bezirksamt.",
        totals=(3, 0, 0),
    )
    note_the_rest(stage, repeat)
    stage.at(2026, 7, 8, 11, 15)
    stage.act(CHAIR, on_meeting(ms.close, repeat))
    stage.at(2026, 7, 13, 9, 0)
    minutes_round(stage, repeat, {})


# --- September and December: ordinary meetings ---


def ordinary_meeting(
    stage: Stage,
    number: int,
    day: tuple[int, int, int],
    decision: str,
    text: str,
    counts: tuple[int, int, int],
    action: tuple[str, str, str] | None,
) -> None:
    meeting = stage.meeting(number)
    y, m, d = day
    stage.at(y, m, d, 9, 50)
    present = (
        "BA Treptow-Köpenick",
        "Rabenhaus",
        "Offensiv'91",
        "tjfbg",
        "KungerKiez",
        "ajb",
        "Kosmosviertel",
        "SenASGIVA",
    )
    for org in present:
        attend(stage, meeting, org)
    attend(stage, meeting, "Paritätischer Berlin", departed="11:00")
    attend(stage, meeting, "VskA", status="excused")
    stage.at(y, m, d, 10, 0)
    stage.act(CHAIR, on_meeting(ms.open_meeting, meeting))
    stage.note(f"Sitzung Nr. {held_number(stage, meeting)} eröffnet: beschlussfähig (8 von 9)")
    vote(stage, item_of(stage, meeting, decision), text, totals=counts)
    if action is not None:
        what, who, due = action
        stage.act(
            SECRETARIAT,
            lambda uow: action_items.add(
                uow,
                agenda.item_by_ref(uow.session, item_of(stage, meeting, decision)),
                what=what,
                who=who,
                due_on=due,
            ),
        )
    note_the_rest(stage, meeting)
    stage.at(y, m, d, 12, 0)
    stage.act(CHAIR, on_meeting(ms.close, meeting))
    stage.at(y, m, d + 4, 9, 0)
    minutes_round(stage, meeting, {})
    stage.note(f"Protokoll der Sitzung Nr. {held_number(stage, meeting)} versandt")


def autumn(stage: Stage) -> None:
    third = stage.meeting(3)
    stage.at(2026, 8, 1, 9, 0)
    propose(
        stage, CHAIR, third, "Haushaltsanmeldung 2027 für die Stadtteilzentren", kind="decision"
    )
    ordinary_meeting(
        stage,
        3,
        (2026, 9, 9),
        "Haushaltsanmeldung",
        "Das Gremium empfiehlt dem Bezirksamt die Haushaltsanmeldung 2027 wie vorgelegt.",
        (6, 1, 1),
        (
            "Stellungnahme zur Haushaltsanmeldung an das Bezirksamt senden",
            "BA Treptow-Köpenick",
            "2026-10-15",
        ),
    )
    stage.at(2026, 11, 1, 9, 0)
    propose(
        stage,
        "vorstand@offensiv91.example.org",
        stage.meeting(4),
        "Jahresplanung 2027",
        kind="decision",
        description="Sitzungstermine und Schwerpunkte 2027.",
    )
    stage.at(2026, 11, 3, 9, 0)
    stage.act(
        CHAIR, on_item(agenda.accept, item_of_proposed(stage, stage.meeting(4), "Jahresplanung"))
    )
    ordinary_meeting(
        stage,
        4,
        (2026, 12, 9),
        "Jahresplanung",
        "Das Gremium beschließt die Jahresplanung 2027 mit vier Sitzungen.",
        (8, 0, 0),
        None,
    )
