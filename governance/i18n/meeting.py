"""Messages of meetings, agenda, attendance, votes, decisions and action items."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # guards of workflows/meeting.yaml (each says what does not hold)
    "guard.meeting_day_reached": {
        "de": "der Sitzungstag ist noch nicht erreicht",
        "en": "the day of the meeting has not come yet",
    },
    "guard.quorate_now": {
        "de": "die Sitzung ist in diesem Moment nicht beschlussfähig",
        "en": "the meeting is not quorate at this moment",
    },
    "guard.not.meeting_started": {
        "de": "die Sitzung hat bereits begonnen",
        "en": "the meeting has already started",
    },
    # kinds and permission actions
    "kind.meeting": {"de": "Sitzung", "en": "meeting"},
    "kind.meeting_series": {"de": "Sitzungsreihe", "en": "meeting series"},
    "kind.agenda_item": {"de": "Tagesordnungspunkt", "en": "agenda item"},
    "kind.action_item": {"de": "Aufgabe", "en": "action item"},
    "action.meeting.plan": {"de": "Sitzungen planen", "en": "plan meetings"},
    "action.meeting.convene": {"de": "zur Sitzung einladen", "en": "convene the meeting"},
    "action.meeting.move": {"de": "eine Sitzung verlegen", "en": "move a meeting"},
    "action.meeting.cancel": {"de": "eine Sitzung absagen", "en": "cancel a meeting"},
    "action.meeting.open": {"de": "die Sitzung eröffnen", "en": "open the meeting"},
    "action.meeting.close": {"de": "die Sitzung schließen", "en": "close the meeting"},
    "action.meeting.vote": {"de": "Abstimmungen leiten", "en": "run votes"},
    "action.meeting.attendance": {"de": "Anwesenheit erfassen", "en": "record attendance"},
    "action.meeting.minute": {
        "de": "TOPs und Aufgaben in der Sitzung erfassen",
        "en": "record agenda items and action items in the meeting",
    },
    "action.agenda.propose": {"de": "TOPs vorschlagen", "en": "propose agenda items"},
    "action.agenda.decide": {
        "de": "über die Tagesordnung entscheiden",
        "en": "decide on the agenda",
    },
    "action.action_item.update": {"de": "Aufgaben ändern", "en": "update action items"},
    # vocabulary
    "agenda.kind.information": {"de": "Information", "en": "information"},
    "agenda.kind.discussion": {"de": "Aussprache", "en": "discussion"},
    "agenda.kind.decision": {"de": "Beschluss", "en": "decision"},
    "agenda.status.proposed": {"de": "vorgeschlagen", "en": "proposed"},
    "agenda.status.accepted": {"de": "auf der Tagesordnung", "en": "on the agenda"},
    "agenda.status.rejected": {"de": "abgelehnt", "en": "rejected"},
    "agenda.status.moved": {
        "de": "auf eine andere Sitzung vertagt",
        "en": "moved to another meeting",
    },
    "agenda.outcome.noted": {"de": "zur Kenntnis genommen", "en": "noted"},
    "agenda.outcome.decided": {"de": "beschlossen", "en": "decided"},
    "agenda.outcome.deferred": {"de": "vertagt", "en": "deferred"},
    "agenda.urgent": {"de": "Dringlichkeit", "en": "urgent"},
    "majority.simple": {"de": "einfache Mehrheit", "en": "simple majority"},
    "majority.two_thirds": {"de": "Zweidrittelmehrheit", "en": "two-thirds majority"},
    "majority.unanimity": {"de": "Einstimmigkeit", "en": "unanimity"},
    "attendance.present": {"de": "anwesend", "en": "present"},
    "attendance.represented": {
        "de": "vertreten (Stellvertretung)",
        "en": "represented by a deputy",
    },
    "attendance.excused": {"de": "entschuldigt", "en": "excused"},
    "attendance.absent": {"de": "abwesend", "en": "absent"},
    "attendance.arrived": {"de": "gekommen {at}", "en": "arrived {at}"},
    "attendance.departed": {"de": "gegangen {at}", "en": "left {at}"},
    "attendance.no_vote": {"de": "ohne Stimmrecht", "en": "no vote"},
    "deadline.call_for_proposals": {"de": "Aufruf zu Vorschlägen", "en": "call for proposals"},
    "deadline.proposal_deadline": {"de": "Vorschlagsfrist", "en": "proposal deadline"},
    "deadline.invitation": {"de": "Einladung (Ladungsfrist)", "en": "invitation (lead time)"},
    "deadline.reminder": {"de": "Erinnerung", "en": "reminder"},
    "deadline.minutes_due": {"de": "Protokoll fällig", "en": "minutes due"},
    "vote.carried": {"de": "angenommen", "en": "carried"},
    "vote.rejected": {"de": "abgelehnt", "en": "rejected"},
    "action.state.open": {"de": "offen", "en": "open"},
    "action.state.done": {"de": "erledigt", "en": "done"},
    "action.state.dropped": {"de": "entfallen", "en": "dropped"},
    # refusals: meetings and attendance
    "meeting.error.dst_gap": {
        "de": "{value} gibt es in Berlin nicht: an diesem Tag werden die Uhren von 02:00 auf 03:00 "
        "vorgestellt. Bitte eine andere Uhrzeit wählen (z. B. 03:30). Nichts wurde geändert.",
        "en": "{value} does not exist in Berlin: clocks go forward from 02:00 to 03:00 that day. "
        "Please choose another time (e.g. 03:30). Nothing was changed.",
    },
    "meeting.error.past": {
        "de": "Der Beginn {value} liegt nicht in der Zukunft (jetzt: {now}); "
        "Sitzungen werden nur für die Zukunft geplant oder verlegt.",
        "en": "The start {value} is not in the future (now: {now}); "
        "meetings are only planned or moved into the future.",
    },
    "meeting.error.duration": {
        "de": "Dauer „{value}“ ist nicht erlaubt; erlaubt: 1 bis {max} Minuten.",
        "en": "Duration “{value}” is not allowed; allowed: 1 to {max} minutes.",
    },
    "meeting.error.rrule": {
        "de": "„{value}“ ist keine gültige Wiederholungsregel (RRULE nach RFC 5545), "
        "z. B. FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE für quartalsweise am zweiten Mittwoch.",
        "en": "“{value}” is not a valid recurrence rule (RFC 5545 RRULE), "
        "e.g. FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE for quarterly on the second Wednesday.",
    },
    "meeting.error.horizon": {
        "de": "Horizont „{value}“ ist nicht erlaubt; erlaubt: 1 bis {max} Monate.",
        "en": "Horizon “{value}” is not allowed; allowed: 1 to {max} months.",
    },
    "meeting.error.not_a_member": {
        "de": "{organisation} ist am Sitzungstag kein Mitglied im Gremium „{committee}“; "
        "Gäste bitte mit --guest eintragen.",
        "en": "{organisation} is not a member of the committee “{committee}” on the day of the "
        "meeting; please list guests with --guest.",
    },
    "meeting.error.not_acting_for": {
        "de": "{person} ist weder Vertretung noch Stellvertretung von {organisation}.",
        "en": "{person} is neither representative nor deputy of {organisation}.",
    },
    "meeting.error.no_person": {
        "de": "Für {organisation} ist keine {capacity} eingetragen; bitte mit --person angeben, wer gekommen ist.",
        "en": "{organisation} has no {capacity} on record; please name who came with --person.",
    },
    "meeting.error.departure_before_arrival": {
        "de": "Der Weggang muss nach der Ankunft liegen.",
        "en": "The departure must come after the arrival.",
    },
    "meeting.error.time": {
        "de": "{what}: „{value}“ ist keine Uhrzeit (erwartet: HH:MM, z. B. 10:45).",
        "en": "{what}: “{value}” is not a time of day (expected: HH:MM, e.g. 10:45).",
    },
    "meeting.error.organisation_or_guest": {
        "de": "Bitte eine Organisation angeben oder mit --guest einen Gast eintragen.",
        "en": "Please name an organisation, or list a guest with --guest.",
    },
    # refusals: agenda
    "agenda.error.deadline_passed": {
        "de": "Die Vorschlagsfrist für Sitzung {meeting} ist am {deadline} abgelaufen. "
        "Ein späterer TOP braucht die Zustimmung des Vorsitzes (der Vorsitz trägt ihn mit --urgent ein).",
        "en": "The proposal deadline for meeting {meeting} passed on {deadline}. "
        "A later item needs the chair's consent (the chair adds it with --urgent).",
    },
    "agenda.error.final": {
        "de": "Die Tagesordnung von Sitzung {meeting} ist festgelegt; neue TOPs nur mit Zustimmung des Vorsitzes.",
        "en": "The agenda of meeting {meeting} is final; new items only with the chair's consent.",
    },
    "agenda.error.majority_needs_decision": {
        "de": "Eine Mehrheit gibt es nur bei Beschluss-TOPs (--kind decision), nicht bei „{kind}“.",
        "en": "Only decision items (--kind decision) have a majority, not “{kind}”.",
    },
    "agenda.error.fixed_item": {
        "de": "TOP #{item} „{title}“ gehört fest zur Tagesordnung und kann nicht abgelehnt oder vertagt werden.",
        "en": "Item #{item} “{title}” is a fixed part of the agenda and cannot be rejected or deferred.",
    },
    "agenda.error.order": {
        "de": "Die Reihenfolge muss jeden TOP der Tagesordnung genau einmal nennen; "
        "genannt: {given}; auf der Tagesordnung: {expected}.",
        "en": "The order must name every item on the agenda exactly once; "
        "given: {given}; on the agenda: {expected}.",
    },
    "agenda.error.pending_proposals": {
        "de": "Erst über alle Vorschläge entscheiden (annehmen, ablehnen oder vertagen): {items}.",
        "en": "Decide on every proposal first (accept, reject or defer): {items}.",
    },
    "agenda.error.already_decided": {
        "de": "Über TOP {item} „{title}“ ist bereits abgestimmt.",
        "en": "Item {item} “{title}” has already been voted on.",
    },
    "agenda.error.decision_needs_vote": {
        "de": "TOP {item} „{title}“ ist ein Beschluss-TOP: er wird durch Abstimmung erledigt oder vertagt.",
        "en": "Item {item} “{title}” is a decision item: it is settled by a vote or deferred.",
    },
    "agenda.error.status": {
        "de": "TOP #{item} „{title}“ ist {status}; möglich nur, wenn er {allowed} ist.",
        "en": "Item #{item} “{title}” is {status}; possible only when it is {allowed}.",
    },
    # refusals: votes
    "vote.error.ballots_or_totals": {
        "de": "Bitte entweder namentlich (--ballot ORG=yes|no|abstain) oder mit Summen "
        "(--yes/--no/--abstain) abstimmen, nicht beides und nicht keins.",
        "en": "Please vote either by roll call (--ballot ORG=yes|no|abstain) or with totals "
        "(--yes/--no/--abstain), not both and not neither.",
    },
    "vote.error.not_quorate": {
        "de": "Die Sitzung ist jetzt nicht beschlussfähig: {present} von {members} stimmberechtigten "
        "Organisationen anwesend, nötig sind {needed}. Es kann nichts beschlossen werden.",
        "en": "The meeting is not quorate now: {present} of {members} voting organisations present, "
        "{needed} needed. Nothing can be decided.",
    },
    "vote.error.count": {
        "de": "{what}: „{value}“ ist keine Anzahl (erwartet: eine ganze Zahl ab 0).",
        "en": "{what}: “{value}” is not a count (expected: a whole number of 0 or more).",
    },
    "vote.error.no_votes": {
        "de": "Es wurde keine Stimme abgegeben.",
        "en": "No vote was cast.",
    },
    "vote.error.too_many": {
        "de": "{total} Stimmen, aber nur {present} stimmberechtigte Organisationen sind anwesend "
        "(eine Stimme je Organisation).",
        "en": "{total} votes, but only {present} voting organisations are present "
        "(one vote per organisation).",
    },
    "vote.error.not_on_agenda": {
        "de": "TOP #{item} „{title}“ steht nicht auf der Tagesordnung.",
        "en": "Item #{item} “{title}” is not on the agenda.",
    },
    "vote.error.not_a_decision_item": {
        "de": "Über TOP {top} „{title}“ ({kind}) wird nicht abgestimmt; abgestimmt wird nur über Beschluss-TOPs.",
        "en": "Item {top} “{title}” ({kind}) is not voted on; only decision items are.",
    },
    "vote.error.already_voted_item": {
        "de": "Über TOP {top} „{title}“ wurde bereits abgestimmt; eine Abstimmung zählt nur einmal.",
        "en": "Item {top} “{title}” has already been voted on; a vote counts only once.",
    },
    "vote.error.no_voting_right": {
        "de": "{organisation} hat in diesem Gremium kein Stimmrecht.",
        "en": "{organisation} has no vote in this committee.",
    },
    "vote.error.absent": {
        "de": "{organisation} ist um {at} nicht anwesend und kann nicht abstimmen.",
        "en": "{organisation} is not present at {at} and cannot vote.",
    },
    "vote.error.already_voted": {
        "de": "{organisation} hat bereits abgestimmt (eine Stimme je Organisation).",
        "en": "{organisation} has already voted (one vote per organisation).",
    },
    "vote.error.ballot_format": {
        "de": "„{value}“: bitte als ORGANISATION=yes|no|abstain angeben.",
        "en": "“{value}”: please give ORGANISATION=yes|no|abstain.",
    },
    # one meeting's page or command never acts on another meeting's item (votes, agenda)
    "vote.error.other_meeting": {
        "de": "TOP #{item} gehört nicht zu Sitzung {meeting}.",
        "en": "Item #{item} does not belong to meeting {meeting}.",
    },
    "action.error.due_past": {
        "de": "Die Frist {value} liegt vor heute ({today}).",
        "en": "The due date {value} is before today ({today}).",
    },
    "decision.error.year": {
        "de": "„{value}“ ist kein Jahr (erwartet: z. B. 2026).",
        "en": "“{value}” is not a year (expected: e.g. 2026).",
    },
    # what changed on the agenda (said in the agenda_updated mail)
    "notice.agenda.added": {"de": "neuer TOP: {title}", "en": "new item: {title}"},
    "notice.agenda.removed": {"de": "TOP entfällt: {title}", "en": "item removed: {title}"},
    "notice.agenda.reordered": {"de": "neue Reihenfolge der TOPs", "en": "new order of the items"},
    "notice.agenda.changed": {"de": "geändert: {title}", "en": "changed: {title}"},
    # command line
    "meeting.cli.changed": {
        "de": "Sitzung {id} „{title}“ am {starts_at}: {status}.",
        "en": "Meeting {id} “{title}” on {starts_at}: {status}.",
    },
    "meeting.cli.series_added": {
        "de": "Sitzungsreihe {id} angelegt; {count} Sitzungen geplant:",
        "en": "Meeting series {id} set up; {count} meetings planned:",
    },
    "meeting.cli.series_changed": {
        "de": "Sitzungsreihe {id} geändert; künftige, unveränderte Sitzungen wurden neu erzeugt.",
        "en": "Meeting series {id} changed; future, untouched meetings were regenerated.",
    },
    "meeting.cli.series_ended": {
        "de": "Sitzungsreihe {id} beendet; künftige, unveränderte Sitzungen wurden abgesagt.",
        "en": "Meeting series {id} ended; future, untouched meetings were cancelled.",
    },
    "meeting.cli.series_heading": {
        "de": "Nr.|Titel|Regel|erster Termin|Ort|Status",
        "en": "No.|Title|Rule|First|Place|Status",
    },
    "meeting.cli.moved_holiday": {
        "de": "verlegt vom Feiertag {day} ({name})",
        "en": "moved from the public holiday {day} ({name})",
    },
    "meeting.cli.moved_dst": {
        "de": "verlegt: die Uhrzeit fällt in die Zeitumstellung",
        "en": "moved: the time falls into the daylight-saving change",
    },
    "meeting.cli.none": {"de": "Keine Sitzungen.", "en": "No meetings."},
    "meeting.cli.heading": {
        "de": "Nr.|Sitzung|Beginn|Titel|Ort|Status|Hinweis",
        "en": "No.|Meeting|Start|Title|Place|Status|Note",
    },
    "meeting.cli.quorate": {
        "de": "Beschlussfähig: {present} von {members} stimmberechtigten Organisationen anwesend (nötig: {needed}).",
        "en": "Quorate: {present} of {members} voting organisations present (needed: {needed}).",
    },
    "meeting.cli.not_quorate": {
        "de": "Nicht beschlussfähig: {present} von {members} stimmberechtigten Organisationen anwesend "
        "(nötig: {needed}). Es kann nichts beschlossen werden.",
        "en": "Not quorate: {present} of {members} voting organisations present (needed: {needed}). "
        "Nothing can be decided.",
    },
    "meeting.cli.quorate_repeat": {
        "de": "Beschlussfähig als Wiederholungssitzung, unabhängig von der Zahl der Anwesenden "
        "({present} von {members} stimmberechtigten Organisationen anwesend).",
        "en": "Quorate as a repeat meeting, whoever is present "
        "({present} of {members} voting organisations present).",
    },
    "meeting.cli.guest": {"de": "Gast eingetragen: {name}.", "en": "Guest listed: {name}."},
    "meeting.cli.attendance": {
        "de": "{organisation}: {status}. Jetzt anwesend: {present} von {members} (beschlussfähig ab {needed}).",
        "en": "{organisation}: {status}. Present now: {present} of {members} (quorate from {needed}).",
    },
    "meeting.cli.voted": {
        "de": "Beschluss {reference} zu TOP {top}: {yes} ja, {no} nein, {abstain:Enthaltung|Enthaltungen} — {result} ({majority}).",
        "en": "Decision {reference} on item {top}: {yes} yes, {no} no, {abstain:abstention|abstentions} — {result} ({majority}).",
    },
    "meeting.cli.show_head": {
        "de": "Sitzung {id}: {title} (Nr. {number}) — {status}",
        "en": "Meeting {id}: {title} (no. {number}) — {status}",
    },
    "meeting.cli.show_when": {
        "de": "{starts_at} bis {ends_at}, {location}",
        "en": "{starts_at} to {ends_at}, {location}",
    },
    "meeting.cli.show_reason": {"de": "Grund: {reason}", "en": "Reason: {reason}"},
    "meeting.cli.show_deadlines": {"de": "Fristen:", "en": "Deadlines:"},
    "meeting.cli.show_agenda": {
        "de": "Tagesordnung (Fassung {revision}, festgelegt: {final}):",
        "en": "Agenda (revision {revision}, final: {final}):",
    },
    "meeting.cli.show_vote": {
        "de": "{reference}: {yes} ja, {no} nein, {abstain:Enthaltung|Enthaltungen} — {result}",
        "en": "{reference}: {yes} yes, {no} no, {abstain:abstention|abstentions} — {result}",
    },
    "meeting.cli.show_attendance": {"de": "Anwesenheit:", "en": "Attendance:"},
    "meeting.cli.show_actions": {"de": "Aufgaben:", "en": "Action items:"},
    "meeting.cli.show_timers": {"de": "Anstehende Zeitgeber:", "en": "Pending timers:"},
    "meeting.cli.show_allowed": {"de": "Jetzt möglich: {allowed}", "en": "Possible now: {allowed}"},
    "agenda.cli.item": {
        "de": "TOP #{id} ({top}) „{title}“ in Sitzung {meeting}: {status}.",
        "en": "Item #{id} ({top}) “{title}” in meeting {meeting}: {status}.",
    },
    "agenda.cli.ordered": {
        "de": "Tagesordnung von Sitzung {meeting} neu geordnet (Fassung {revision}).",
        "en": "Agenda of meeting {meeting} reordered (revision {revision}).",
    },
    "agenda.cli.final": {
        "de": "Tagesordnung von Sitzung {meeting} festgelegt.",
        "en": "Agenda of meeting {meeting} is final.",
    },
    "decision.cli.none": {"de": "Noch keine Beschlüsse.", "en": "No decisions yet."},
    "decision.cli.heading": {
        "de": "Nummer|Datum|TOP|ja:nein:Enth.|Ergebnis|Beschluss",
        "en": "Number|Date|Item|yes:no:abst.|Result|Decision",
    },
    "action.cli.added": {
        "de": "Aufgabe {id} festgehalten: {who}, bis {due}.",
        "en": "Action item {id} recorded: {who}, by {due}.",
    },
    "action.cli.changed": {"de": "Aufgabe {id}: {status}.", "en": "Action item {id}: {status}."},
    "action.cli.none": {"de": "Keine Aufgaben.", "en": "No action items."},
    "action.cli.heading": {
        "de": "Nr.|Aufgabe|wer|bis|Status",
        "en": "No.|Action|Who|Due|Status",
    },
    # --- mails: an agenda item's number, the way each language writes it ---
    "agenda.top": {"de": "TOP {number}", "en": "Item {number}"},
    # --- (meetings) a meeting's end after its day; repeat meetings ---
    "guard.meeting_over": {
        "de": "die Sitzung ist noch nicht vorüber",
        "en": "the meeting is not over yet",
    },
    "action.meeting.end": {
        "de": "erfassen, dass eine Sitzung nicht stattfand",
        "en": "record that a meeting did not take place",
    },
    "action.meeting.record_later": {
        "de": "eine Sitzung nachträglich erfassen",
        "en": "record a meeting afterwards",
    },
    "meeting.cli.show_recorded_later": {
        "de": "Nachträglich erfasst am {at} von {by}.",
        "en": "Recorded afterwards on {at} by {by}.",
    },
    "documents.meeting_state.not_held": {"de": "nicht stattgefunden", "en": "not held"},
}
