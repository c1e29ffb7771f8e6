"""The meeting in session in the browser (/meetings/<id>/session)."""

from __future__ import annotations

MESSAGES = {
    "meeting.error.attendance_changed": {
        "de": "Die Anwesenheit wurde inzwischen von jemand anderem erfasst: {changes}. "
        "Nichts wurde gespeichert; bitte prüfen und erneut speichern.",
        "en": "Someone else has recorded the attendance meanwhile: {changes}. "
        "Nothing was saved; please check and save again.",
    },
    "meeting.error.attendance_now": {
        "de": "{organisation} jetzt {status}",
        "en": "{organisation} now {status}",
    },
    "web.session.title": {"de": "Sitzung: {title}", "en": "Meeting: {title}"},
    "web.session.nav": {"de": "Sitzungsverlauf", "en": "In session"},
    "web.session.to_meeting": {"de": "Zur Sitzungsseite", "en": "To the meeting's page"},
    "web.session.when": {
        "de": "{when}, {location} — Zustand: {state}",
        "en": "{when}, {location} — state: {state}",
    },
    "web.session.recorded_later": {
        "de": "Diese Sitzung wird nachträglich erfasst (auf Papier geführt).",
        "en": "This meeting is recorded afterwards (it was held on paper).",
    },
    "web.session.quorum": {"de": "Beschlussfähigkeit jetzt", "en": "Quorum now"},
    "web.session.quorum_at_opening": {
        "de": "Bei der Eröffnung: {result}",
        "en": "At the opening: {result}",
    },
    "web.session.quorate_short": {"de": "beschlussfähig", "en": "quorate"},
    "web.session.not_quorate_short": {"de": "nicht beschlussfähig", "en": "not quorate"},
    "web.session.repeat_meeting": {
        "de": "Wiederholungssitzung: beschlussfähig unabhängig von der Anwesenheit.",
        "en": "Repeat meeting: quorate regardless of attendance.",
    },
    # opening
    "web.session.opening": {"de": "Eröffnung", "en": "Opening"},
    "web.session.open": {"de": "Sitzung eröffnen", "en": "Open the meeting"},
    "web.session.open_hint": {
        "de": "Erst die Anwesenheit erfassen: bei der Eröffnung wird die Beschlussfähigkeit "
        "aus ihr festgestellt.",
        "en": "Record the attendance first: the quorum is established from it at the opening.",
    },
    "web.session.opened": {
        "de": "Die Sitzung ist eröffnet. {quorum}",
        "en": "The meeting is open. {quorum}",
    },
    "web.session.not_yet": {
        "de": "Die Sitzung kann am Sitzungstag eröffnet werden; die Anwesenheit wird ab dann erfasst.",
        "en": "The meeting can be opened on its day; attendance is recorded from then on.",
    },
    "web.session.record_later": {"de": "Nachträglich erfassen", "en": "Record afterwards"},
    "web.session.record_later_hint": {
        "de": "Die Sitzung wurde auf Papier geführt: Anwesenheit und Abstimmungen jetzt "
        "nachtragen, dann schließen. Alles wird als nachträglich erfasst markiert.",
        "en": "The meeting was held on paper: record its attendance and votes now, then close "
        "it. Everything is marked as recorded afterwards.",
    },
    "web.session.recording_later": {
        "de": "Die Sitzung wird nachträglich erfasst.",
        "en": "The meeting is being recorded afterwards.",
    },
    # attendance
    "web.session.attendance": {"de": "Anwesenheit", "en": "Attendance"},
    "web.session.attendance_save": {"de": "Anwesenheit speichern", "en": "Save attendance"},
    "web.session.attendance_saved": {
        "de": "Anwesenheit gespeichert. {quorum}",
        "en": "Attendance saved. {quorum}",
    },
    "web.session.late_hint": {
        "de": "Wer nach der Eröffnung als anwesend eingetragen wird, gilt ab jetzt als "
        "gekommen, wenn keine Uhrzeit angegeben ist.",
        "en": "An organisation marked present after the opening counts as arrived now "
        "unless a time is given.",
    },
    "web.session.not_recorded": {"de": "noch nicht erfasst", "en": "not recorded yet"},
    "web.session.who_came": {"de": "Wer ist gekommen", "en": "Who came"},
    "web.session.who_default": {
        "de": "wie eingetragen (Vertretung bzw. Stellvertretung)",
        "en": "as listed (representative or deputy)",
    },
    "web.session.arrived": {"de": "Gekommen um (HH:MM)", "en": "Arrived at (HH:MM)"},
    "web.session.departed": {"de": "Gegangen um (HH:MM)", "en": "Left at (HH:MM)"},
    "web.session.status_represented": {
        "de": "vertreten (Stellvertretung derselben Organisation)",
        "en": "represented (a deputy of the same organisation)",
    },
    "web.session.organisation": {"de": "Organisation", "en": "Organisation"},
    "web.session.status": {"de": "Anwesenheit", "en": "Attendance"},
    "web.session.person": {"de": "Person", "en": "Person"},
    "web.session.times": {"de": "Zeiten", "en": "Times"},
    "web.session.no_vote": {"de": "ohne Stimmrecht", "en": "no vote"},
    "web.session.guests": {"de": "Gäste", "en": "Guests"},
    "web.session.no_guests": {"de": "Keine Gäste.", "en": "No guests."},
    "web.session.guest_name": {"de": "Name des Gastes", "en": "Guest's name"},
    "web.session.guest_affiliation": {
        "de": "Organisation (optional)",
        "en": "Organisation (optional)",
    },
    "web.session.guest_add": {"de": "Gast eintragen", "en": "Add guest"},
    # agenda and votes
    "web.session.agenda": {"de": "Tagesordnung", "en": "Agenda"},
    "web.session.no_items": {
        "de": "Die Tagesordnung hat keine Punkte.",
        "en": "The agenda has no items.",
    },
    "web.session.top": {"de": "TOP {top}: {title}", "en": "Item {top}: {title}"},
    "web.session.kind": {
        "de": "{kind}, {majority}",
        "en": "{kind}, {majority}",
    },
    "web.session.outcome": {"de": "Ergebnis: {outcome}", "en": "Outcome: {outcome}"},
    "web.session.outcome.noted": {"de": "zur Kenntnis genommen", "en": "noted"},
    "web.session.outcome.deferred": {"de": "vertagt", "en": "deferred"},
    "web.session.outcome.decided": {"de": "beschlossen", "en": "decided"},
    "web.session.outcome.none": {"de": "noch nicht behandelt", "en": "not handled yet"},
    "web.session.result": {
        "de": "Beschluss {reference}: {result} — {yes} ja, {no} nein, "
        "{abstain:Enthaltung|Enthaltungen} ({majority}; {present} von {members} anwesend).",
        "en": "Decision {reference}: {result} — {yes} yes, {no} no, "
        "{abstain:abstention|abstentions} ({majority}; {present} of {members} present).",
    },
    "web.session.ballots": {"de": "Namentliche Stimmen", "en": "Ballots"},
    "web.session.vote": {"de": "Abstimmung", "en": "Vote"},
    "web.session.decision_text": {"de": "Beschlusstext", "en": "Text of the decision"},
    "web.session.by_ballots": {
        "de": "Namentlich: eine Stimme je anwesender stimmberechtigter Organisation",
        "en": "By roll call: one ballot per voting organisation present",
    },
    "web.session.no_voters": {
        "de": "Keine stimmberechtigte Organisation ist jetzt anwesend.",
        "en": "No voting organisation is present now.",
    },
    "web.session.ballot_none": {"de": "keine Stimme", "en": "no ballot"},
    "web.session.choice.yes": {"de": "Ja", "en": "Yes"},
    "web.session.choice.no": {"de": "Nein", "en": "No"},
    "web.session.choice.abstain": {"de": "Enthaltung", "en": "Abstain"},
    "web.session.vote_ballots": {"de": "Namentlich abstimmen", "en": "Vote by roll call"},
    "web.session.by_totals": {
        "de": "Per Handzeichen: die Summen",
        "en": "By show of hands: the totals",
    },
    "web.session.yes": {"de": "Ja-Stimmen", "en": "Yes"},
    "web.session.no": {"de": "Nein-Stimmen", "en": "No"},
    "web.session.abstain": {"de": "Enthaltungen", "en": "Abstentions"},
    "web.session.vote_totals": {"de": "Mit Summen abstimmen", "en": "Vote with totals"},
    "web.session.handle": {"de": "Behandeln", "en": "Handle"},
    "web.session.notes": {"de": "Notiz (optional)", "en": "Note (optional)"},
    "web.session.mark_noted": {"de": "Zur Kenntnis genommen", "en": "Noted"},
    "web.session.mark_deferred": {"de": "Vertagen", "en": "Defer"},
    "web.session.marked": {"de": "TOP {top}: {outcome}.", "en": "Item {top}: {outcome}."},
    # action items
    "web.session.action_items": {"de": "Aufgaben", "en": "Action items"},
    "web.session.no_open_action_items": {
        "de": "Keine offenen Aufgaben aus früheren Sitzungen.",
        "en": "No open action items from earlier meetings.",
    },
    "web.session.no_action_items": {"de": "Keine Aufgaben.", "en": "No action items."},
    "web.session.action_line": {
        "de": "{what} — {who}, bis {due} ({state})",
        "en": "{what} — {who}, by {due} ({state})",
    },
    "web.session.action_what": {"de": "Was ist zu tun", "en": "What is to be done"},
    "web.session.action_who": {"de": "Wer (Organisation)", "en": "Who (organisation)"},
    "web.session.action_due": {"de": "Bis wann", "en": "Due by"},
    "web.session.action_add": {"de": "Aufgabe festhalten", "en": "Record action item"},
    # closing
    "web.session.closing": {"de": "Schließen", "en": "Closing"},
    "web.session.close": {"de": "Sitzung schließen", "en": "Close the meeting"},
    "web.session.close_hint": {
        "de": "Nicht behandelte TOPs gehen auf die nächste Sitzung: {items}",
        "en": "Items not handled go to the next meeting: {items}",
    },
    "web.session.close_all_handled": {
        "de": "Alle TOPs sind behandelt.",
        "en": "Every item has been handled.",
    },
    "web.session.closed": {
        "de": "Die Sitzung ist geschlossen; nicht behandelte TOPs gehen auf die nächste Sitzung.",
        "en": "The meeting is closed; items not handled go to the next meeting.",
    },
    "web.session.closed_at": {
        "de": "Die Sitzung ist geschlossen ({when}).",
        "en": "The meeting is closed ({when}).",
    },
    "web.session.read_only": {
        "de": "Sie sehen den Verlauf; erfassen können ihn der Vorsitz und die Geschäftsstelle.",
        "en": "You see the proceedings; the chair and the secretariat record them.",
    },
}
