"""Messages of the meeting pages (issue 13): the meetings of a committee, a meeting
with its deadlines, timers and agenda, and the refusals of the application layer
they share with the command line (concurrent edits, items of another meeting)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # application layer: refusals every front shows
    "meeting.error.changed": {
        "de": "Sitzung {meeting} („{title}“) wurde inzwischen von jemand anderem geändert. "
        "Unten steht ihr jetziger Stand; Ihre Eingabe ist erhalten. Bitte prüfen Sie sie "
        "und senden Sie sie noch einmal. Nichts wurde geändert.",
        "en": "Meeting {meeting} (“{title}”) was changed by someone else in the meantime. "
        "Its current state is shown below; what you typed is kept. Please check it and "
        "send it again. Nothing was changed.",
    },
    "meeting.error.version": {
        "de": "„{value}“ ist kein Stand einer Sitzung (erwartet: eine ganze Zahl).",
        "en": "“{value}” is not a version of a meeting (expected: a whole number).",
    },
    "agenda.error.position": {
        "de": "Position „{value}“ für TOP #{item}: erlaubt ist eine ganze Zahl von 1 bis 999.",
        "en": "Position “{value}” for item #{item}: allowed is a whole number from 1 to 999.",
    },
    # the pages
    "web.meetings.list.title": {"de": "Sitzungen: {committee}", "en": "Meetings: {committee}"},
    "web.meetings.list.upcoming": {"de": "Kommende Sitzungen", "en": "Upcoming meetings"},
    "web.meetings.list.past": {"de": "Vergangene Sitzungen", "en": "Past meetings"},
    "web.meetings.list.none_upcoming": {
        "de": "Keine Sitzung geplant.",
        "en": "No meeting planned.",
    },
    "web.meetings.nav.meetings": {"de": "Sitzungen {committee}", "en": "Meetings {committee}"},
    "web.meetings.back": {"de": "Alle Sitzungen: {committee}", "en": "All meetings: {committee}"},
    "web.meetings.col.start": {"de": "Beginn", "en": "Start"},
    "web.meetings.col.title": {"de": "Titel", "en": "Title"},
    "web.meetings.col.location": {"de": "Ort", "en": "Location"},
    "web.meetings.col.state": {"de": "Stand", "en": "State"},
    "web.meetings.col.rule": {"de": "Regel (RRULE)", "en": "Rule (RRULE)"},
    "web.meetings.col.first": {"de": "Erster Termin", "en": "First date"},
    "web.meetings.col.deadline": {"de": "Frist", "en": "Deadline"},
    "web.meetings.col.when": {"de": "Zeitpunkt", "en": "When"},
    "web.meetings.col.due": {"de": "Fällig", "en": "Due"},
    "web.meetings.col.what": {"de": "Was dann geschieht", "en": "What happens then"},
    "web.meetings.col.top": {"de": "TOP", "en": "Item"},
    "web.meetings.col.item": {"de": "Tagesordnungspunkt", "en": "Agenda item"},
    "web.meetings.col.attachments": {"de": "Anlagen", "en": "Attachments"},
    "web.meetings.col.position": {"de": "Neue Position", "en": "New position"},
    "web.meetings.col.reason": {"de": "Begründung", "en": "Reason"},
    "web.meetings.plan.heading": {"de": "Einzelne Sitzung planen", "en": "Plan a single meeting"},
    "web.meetings.plan.submit": {"de": "Sitzung planen", "en": "Plan meeting"},
    "web.meetings.series.heading": {"de": "Sitzungsreihen", "en": "Meeting series"},
    "web.meetings.series.caption": {
        "de": "Sitzungsreihen des Gremiums",
        "en": "The committee’s meeting series",
    },
    "web.meetings.series.none": {
        "de": "Keine Sitzungsreihe angelegt.",
        "en": "No meeting series set up.",
    },
    "web.meetings.series.add": {"de": "Sitzungsreihe anlegen", "en": "Add a meeting series"},
    "web.meetings.series.submit": {"de": "Reihe anlegen", "en": "Add series"},
    "web.meetings.field.title": {"de": "Titel", "en": "Title"},
    "web.meetings.field.start": {
        "de": "Beginn (Ortszeit Berlin)",
        "en": "Start (Berlin local time)",
    },
    "web.meetings.field.first_start": {
        "de": "Erster Termin (Ortszeit Berlin)",
        "en": "First date (Berlin local time)",
    },
    "web.meetings.field.new_start": {
        "de": "Neuer Beginn (Ortszeit Berlin)",
        "en": "New start (Berlin local time)",
    },
    "web.meetings.field.duration": {"de": "Dauer in Minuten", "en": "Duration in minutes"},
    "web.meetings.field.location": {"de": "Ort", "en": "Location"},
    "web.meetings.field.on_holiday": {
        "de": "Ja, die Sitzung findet an einem Berliner Feiertag statt",
        "en": "Yes, the meeting takes place on a Berlin public holiday",
    },
    "web.meetings.field.rrule": {
        "de": "Wiederholungsregel (RRULE nach RFC 5545)",
        "en": "Recurrence rule (RRULE, RFC 5545)",
    },
    "web.meetings.field.horizon": {
        "de": "So viele Monate im Voraus anlegen (1 bis 36)",
        "en": "Create this many months ahead (1 to 36)",
    },
    "web.meetings.field.reason_for": {
        "de": "Begründung zu „{title}“",
        "en": "Reason for “{title}”",
    },
    "web.meetings.field.position_of": {
        "de": "Neue Position von „{title}“",
        "en": "New position of “{title}”",
    },
    "web.meetings.field.description": {"de": "Beschreibung", "en": "Description"},
    "web.meetings.field.kind": {"de": "Art", "en": "Kind"},
    "web.meetings.field.majority": {
        "de": "Erforderliche Mehrheit (nur bei Beschluss)",
        "en": "Majority needed (decisions only)",
    },
    "web.meetings.field.files": {"de": "Dateien (Anlagen)", "en": "Files (attachments)"},
    "web.meetings.field.links": {
        "de": "Links (eine http(s)-Adresse je Zeile)",
        "en": "Links (one http(s) address per line)",
    },
    "web.meetings.field.urgent": {
        "de": "Dringlichkeit: nach Fristende aufnehmen (Vorsitz)",
        "en": "Urgent: add after the deadline (chair)",
    },
    "web.meetings.field.move_reason": {"de": "Grund der Verlegung", "en": "Reason for moving"},
    "web.meetings.field.cancel_reason": {"de": "Grund der Absage", "en": "Reason for cancelling"},
    "web.meetings.field.not_held_reason": {
        "de": "Warum fand die Sitzung nicht statt?",
        "en": "Why did the meeting not take place?",
    },
    "web.meetings.hint.start": {
        "de": "Datum und Uhrzeit, z. B. 11.03.2026 10:00.",
        "en": "Date and time, e.g. 2026-03-11 10:00.",
    },
    "web.meetings.hint.rrule": {
        "de": "Zum Beispiel FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE: jedes Quartal am zweiten Mittwoch; höchstens wöchentlich, die Uhrzeit kommt vom ersten Termin.",
        "en": "For example FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE: every quarter on the second Wednesday; at most weekly, the time of day comes from the first date.",
    },
    "web.meetings.hint.reason": {
        "de": "Nötig zum Ablehnen; beim Vertagen freiwillig.",
        "en": "Needed to reject; optional when deferring.",
    },
    "web.meetings.hint.majority": {
        "de": "Ohne Angabe gilt die Mehrheit der Geschäftsordnung.",
        "en": "Without a choice the majority of the rules of procedure applies.",
    },
    "web.meetings.hint.links": {
        "de": "Nur http:// und https://.",
        "en": "Only http:// and https://.",
    },
    "web.meetings.majority_default": {
        "de": "wie in der Geschäftsordnung",
        "en": "as in the rules of procedure",
    },
    "web.meetings.reason": {"de": "Begründung: {reason}", "en": "Reason: {reason}"},
    "web.meetings.deadlines.heading": {"de": "Fristen und Zeitgeber", "en": "Deadlines and timers"},
    "web.meetings.deadlines.caption": {
        "de": "Fristen nach der Geschäftsordnung",
        "en": "Deadlines of the rules of procedure",
    },
    "web.meetings.timers.caption": {
        "de": "Anstehende Zeitgeber dieser Sitzung",
        "en": "Pending timers of this meeting",
    },
    "web.meetings.timers.none": {
        "de": "Für diese Sitzung steht kein Zeitgeber mehr an.",
        "en": "No timer of this meeting is pending.",
    },
    "web.meetings.agenda.heading": {"de": "Tagesordnung", "en": "Agenda"},
    "web.meetings.agenda.caption": {
        "de": "Tagesordnung in ihrer Reihenfolge",
        "en": "The agenda in its order",
    },
    "web.meetings.agenda.final": {
        "de": "Die Tagesordnung ist festgelegt.",
        "en": "The agenda is final.",
    },
    "web.meetings.agenda.draft": {
        "de": "Die Tagesordnung ist noch nicht festgelegt.",
        "en": "The agenda is not final yet.",
    },
    "web.meetings.agenda.revision": {"de": "Fassung {revision}.", "en": "Revision {revision}."},
    "web.meetings.agenda.empty": {
        "de": "Noch kein TOP auf der Tagesordnung.",
        "en": "No item on the agenda yet.",
    },
    "web.meetings.agenda.change": {
        "de": "TOPs vertagen oder absetzen",
        "en": "Defer or remove items",
    },
    "web.meetings.order.submit": {"de": "Reihenfolge speichern", "en": "Save order"},
    "web.meetings.finalize.submit": {"de": "Tagesordnung festlegen", "en": "Finalise agenda"},
    "web.meetings.proposals.heading": {"de": "Offene Vorschläge", "en": "Open proposals"},
    "web.meetings.proposals.none": {"de": "Kein offener Vorschlag.", "en": "No open proposal."},
    "web.meetings.proposed_by": {
        "de": "vorgeschlagen von {organisation}",
        "en": "proposed by {organisation}",
    },
    "web.meetings.others.caption": {
        "de": "Abgelehnte und vertagte TOPs",
        "en": "Rejected and deferred items",
    },
    "web.meetings.decide.accept": {"de": "Annehmen", "en": "Accept"},
    "web.meetings.decide.reject": {"de": "Ablehnen", "en": "Reject"},
    "web.meetings.decide.defer": {"de": "Vertagen", "en": "Defer"},
    "web.meetings.decide.remove": {"de": "Absetzen", "en": "Remove"},
    "web.meetings.attachment.file": {
        "de": "{title} (Version {version}): {name}, {size}",
        "en": "{title} (version {version}): {name}, {size}",
    },
    "web.meetings.attachment.link": {
        "de": "{title} (Version {version}):",
        "en": "{title} (version {version}):",
    },
    "web.meetings.propose.heading": {"de": "TOP vorschlagen", "en": "Propose an item"},
    "web.meetings.propose.until": {"de": "Vorschläge bis {when}.", "en": "Proposals until {when}."},
    "web.meetings.propose.urgent_only": {
        "de": "Die Vorschlagsfrist ist abgelaufen: nur noch der Vorsitz nimmt dringliche TOPs auf.",
        "en": "The proposal deadline has passed: only the chair adds urgent items now.",
    },
    "web.meetings.propose.submit": {"de": "Vorschlagen", "en": "Propose"},
    "web.meetings.actions.heading": {
        "de": "Sitzung einladen, verlegen, absagen",
        "en": "Convene, move, cancel the meeting",
    },
    "web.meetings.convene.heading": {"de": "Jetzt einladen", "en": "Convene now"},
    "web.meetings.convene.explain": {
        "de": "Sonst lädt der Zeitgeber am {when} ein. Alle Vorschläge müssen vorher entschieden sein.",
        "en": "Otherwise the timer sends the invitation on {when}. Every proposal must be decided first.",
    },
    "web.meetings.convene.submit": {"de": "Einladung senden", "en": "Send invitation"},
    "web.meetings.move.heading": {"de": "Sitzung verlegen", "en": "Move the meeting"},
    "web.meetings.move.submit": {"de": "Verlegen", "en": "Move"},
    "web.meetings.cancel.heading": {"de": "Sitzung absagen", "en": "Cancel the meeting"},
    "web.meetings.cancel.submit": {"de": "Absagen", "en": "Cancel meeting"},
    "web.meetings.not_held.heading": {
        "de": "Sitzung fand nicht statt",
        "en": "Meeting did not take place",
    },
    "web.meetings.not_held.submit": {
        "de": "Als nicht stattgefunden erfassen",
        "en": "Record as not held",
    },
    "web.meetings.done.planned": {
        "de": "Die Sitzung ist geplant; ihre Fristen und Zeitgeber stehen unten.",
        "en": "The meeting is planned; its deadlines and timers are below.",
    },
    "web.meetings.done.series_added": {
        "de": "Die Sitzungsreihe ist angelegt; ihre Termine sind geplant.",
        "en": "The series is set up; its dates are planned.",
    },
    "web.meetings.done.proposed": {
        "de": "Der TOP ist vorgeschlagen.",
        "en": "The item is proposed.",
    },
    "web.meetings.done.accepted": {
        "de": "Der Vorschlag ist auf der Tagesordnung.",
        "en": "The proposal is on the agenda.",
    },
    "web.meetings.done.rejected": {"de": "Der TOP ist abgelehnt.", "en": "The item is rejected."},
    "web.meetings.done.deferred": {
        "de": "Der TOP ist auf die nächste Sitzung vertagt.",
        "en": "The item is deferred to the next meeting.",
    },
    "web.meetings.done.ordered": {
        "de": "Die Reihenfolge ist gespeichert.",
        "en": "The order is saved.",
    },
    "web.meetings.done.finalized": {
        "de": "Die Tagesordnung ist festgelegt.",
        "en": "The agenda is final.",
    },
    "web.meetings.done.convened": {
        "de": "Die Einladung ist verschickt.",
        "en": "The invitation is sent.",
    },
    "web.meetings.done.moved": {
        "de": "Die Sitzung ist verlegt; Fristen und Zeitgeber sind mitgewandert.",
        "en": "The meeting is moved; its deadlines and timers moved along.",
    },
    "web.meetings.done.cancelled": {
        "de": "Die Sitzung ist abgesagt; alle Eingeladenen erfahren es.",
        "en": "The meeting is cancelled; everyone invited is told.",
    },
    "web.meetings.done.not_held": {
        "de": "Erfasst: die Sitzung fand nicht statt.",
        "en": "Recorded: the meeting did not take place.",
    },
    "web.meetings.link.session": {
        "de": "Zur Sitzung: Anwesenheit und Abstimmungen",
        "en": "To the session: attendance and votes",
    },
    "web.meetings.link.minutes": {"de": "Zum Protokoll", "en": "To the minutes"},
}
