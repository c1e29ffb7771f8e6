"""The first half of the demo year: March decides the accession, June is not quorate
and is repeated in July."""

from __future__ import annotations

from typing import Any

from governance.demo import replies  # issue 14: replies by mail
from governance.demo.actions import (
    agree_by_link,
    answer_by_link,
    answers_by_link,
    attend,
    item_of,
    item_of_proposed,
    minutes_round,
    note_the_rest,
    propose,
    vote,
)
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
from governance.reads.action_items import action_items as open_action_items
from governance.services import (
    accession,
    action_items,
    agenda,
    agenda_order,
    agreements,
    attendance,
    minutes,
)
from governance.services import meetings as ms

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
    stage.act(CHAIR, on_meeting(agenda_order.finalize, first))
    stage.note(
        "Vorsitz nimmt zwei Vorschläge an, vertagt die Verkehrsberuhigung auf Juni und legt die Tagesordnung fest"
    )


def march_meeting(stage: Stage) -> None:
    first = stage.meeting(1)
    # The invitation went out on 25 February; the partners answer by its links.
    stage.at(2026, 2, 26, 9, 0)
    answers_by_link(
        stage,
        first,
        {
            "BA Treptow-Köpenick": "attends",
            "Offensiv'91": "attends",
            "tjfbg": "attends",
            "KungerKiez": "attends",
            "ajb": "excused",
        },
    )
    answer_by_link(
        stage, first, "Rabenhaus", "deputy", deputy="nachbarschaft@rabenhaus.example.org"
    )
    answer_by_link(
        stage, first, "Paritätischer Berlin", "attends", comment="komme etwa 40 Minuten später"
    )
    stage.note(
        "Rückmeldungen per Link: sechs Zusagen (Rabenhaus durch die Stellvertretung), ajb verhindert"
    )
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
    replies.objection_by_mail(
        stage,
        first,
        TJFBG,
        "Zu TOP 3: tjfbg hat die Einbindung der Jugendclubs beantragt, nicht nur darum gebeten.",
    )
    stage.note("tjfbg antwortet per E-Mail auf den Protokollentwurf; Gremium bittet um Bestätigung")
    stage.at(2026, 3, 20, 16, 0)
    replies.confirm_objection(stage, TJFBG)
    stage.note(
        "Einwendung von tjfbg per Link bestätigt; der Entwurf geht zurück in die Bearbeitung"
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
    stage.at(2026, 3, 26, 10, 0)
    agree_by_link(stage, first, "Rabenhaus")
    stage.note("Rabenhaus stimmt der Fassung 2 über den Link im Protokollentwurf zu")


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
            action_items.action_by_id(
                uow.session,
                open_action_items(
                    uow.session.connection(),
                    ms.meeting_by_id(uow.session, second).committee_id,
                    "open",
                )[0]["id"],
            ),
            note="Genehmigung des Straßen- und Grünflächenamts liegt vor.",
        ),
    )
    stage.note("Rabenhaus meldet die Aufgabe „Raumplanung“ als erledigt")
    stage.at(2026, 5, 28, 8, 30)
    replies.calendar_reply(
        stage, second, RABENHAUS, "DECLINED", "Wir sind an dem Tag beim Kiezfest."
    )
    stage.note("Rabenhaus sagt die Einladung zur Sitzung Nr. 2 im Kalender ab (Antwort per E-Mail)")
    replies.calendar_reply(
        stage, second, TJFBG, "TENTATIVE", "Vielleicht – das hängt von unserer Personallage ab."
    )
    stage.note("tjfbg antwortet im Kalender mit „vielleicht“: zählt nicht als Zusage")
    # Invited on 27 May; most partners answer by link that they cannot come.
    stage.at(2026, 5, 28, 9, 0)
    answers_by_link(
        stage,
        second,
        {
            "BA Treptow-Köpenick": "attends",
            "Kosmosviertel": "attends",
            "Offensiv'91": "excused",
            "KungerKiez": "excused",
            "ajb": "excused",
            "VskA": "excused",
        },
    )
    stage.note("Rückmeldungen per Link zur Juni-Sitzung: zwei Zusagen, vier Absagen")
    # Five days before (rule forecast_days) the forecast warns the chair: not quorate
    # even if the Paritätische and tjfbg (only "vielleicht") came; both are asked again
    # and answer by the reminder's link.
    stage.at(2026, 6, 5, 12, 0)
    stage.note(
        "Prognose: Juni-Sitzung nicht beschlussfähig (2 von 9 zugesagt, 1 vielleicht, 5 nötig); "
        "Vorsitz gewarnt, Paritätischer Berlin und tjfbg erinnert"
    )
    answer_by_link(stage, second, "Paritätischer Berlin", "excused", mail="Bitte um Rückmeldung")
    answer_by_link(stage, second, "tjfbg", "attends", mail="Bitte um Rückmeldung")
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
