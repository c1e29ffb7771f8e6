"""Text of the web pages of the records: minutes, decisions register, action
items, documents, audit log, workflow diagrams (and the register's refusals)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # navigation, paging
    "records.nav.decisions": {"de": "Beschlüsse", "en": "Decisions"},
    "records.nav.actions": {"de": "Aufgaben", "en": "Action items"},
    "records.nav.documents": {"de": "Dokumente", "en": "Documents"},
    "records.nav.audit": {"de": "Prüfpfad", "en": "Audit trail"},
    "records.nav.workflows": {"de": "Abläufe", "en": "Workflows"},
    "records.pager.label": {"de": "Seiten", "en": "Pages"},
    "records.pager.position": {"de": "Seite {page} von {pages}", "en": "Page {page} of {pages}"},
    "records.pager.previous": {"de": "Vorherige Seite", "en": "Previous page"},
    "records.pager.next": {"de": "Nächste Seite", "en": "Next page"},
    # table columns
    "records.col.number": {"de": "Nr.", "en": "No."},
    "records.col.organisation": {"de": "Organisation", "en": "Organisation"},
    "records.col.raised": {"de": "Erhoben", "en": "Raised"},
    "records.col.text": {"de": "Text", "en": "Text"},
    "records.col.state": {"de": "Stand", "en": "State"},
    "records.col.reference": {"de": "Beschluss-Nr.", "en": "Decision no."},
    "records.col.date": {"de": "Datum", "en": "Date"},
    "records.col.item": {"de": "TOP", "en": "Item"},
    "records.col.vote": {"de": "Abstimmung", "en": "Vote"},
    "records.col.result": {"de": "Ergebnis", "en": "Result"},
    "records.col.what": {"de": "Was", "en": "What"},
    "records.col.who": {"de": "Wer", "en": "Who"},
    "records.col.when": {"de": "Wann", "en": "When"},
    "records.col.due": {"de": "Fällig", "en": "Due"},
    "records.col.entity": {"de": "Betrifft", "en": "Concerns"},
    "records.col.states": {"de": "Zustand", "en": "State change"},
    "records.col.outcome": {"de": "Ergebnis", "en": "Outcome"},
    "records.col.document": {"de": "Dokument", "en": "Document"},
    "records.col.download": {"de": "Herunterladen", "en": "Download"},
    "records.col.trigger": {"de": "Schritt", "en": "Step"},
    "records.col.from": {"de": "Von", "en": "From"},
    "records.col.to": {"de": "Nach", "en": "To"},
    "records.col.conditions": {"de": "Bedingungen", "en": "Conditions"},
    # minutes
    "records.minutes.title": {
        "de": "Protokoll der Sitzung {meeting} ({committee})",
        "en": "Minutes of meeting {meeting} ({committee})",
    },
    "records.minutes.meeting_on": {"de": "Sitzung vom {when}", "en": "Meeting of {when}"},
    "records.minutes.revision": {"de": "Fassung {revision}", "en": "revision {revision}"},
    "records.minutes.status": {"de": "Stand", "en": "Status"},
    "records.minutes.minute_taker": {"de": "Protokoll führt", "en": "Minute taker"},
    "records.minutes.circulated_at": {"de": "Versandt am", "en": "Circulated on"},
    "records.minutes.deadline": {"de": "Einwendungsfrist", "en": "Objection period"},
    "records.minutes.approved_at": {"de": "Genehmigt am", "en": "Approved on"},
    "records.minutes.preview": {
        "de": "Vorschau als PDF (so sähe das Protokoll jetzt aus)",
        "en": "Preview as PDF (the minutes as they would look now)",
    },
    "records.minutes.archive": {"de": "Archiviertes Protokoll", "en": "Archived minutes"},
    "records.minutes.sha256": {"de": "SHA-256", "en": "SHA-256"},
    "records.minutes.notes": {"de": "Notizen zu den TOPs", "en": "Notes per agenda item"},
    "records.minutes.not_held": {
        "de": "Die Sitzung hat noch nicht stattgefunden; Notizen gibt es ab ihrer Eröffnung.",
        "en": "The meeting has not taken place yet; notes can be written once it is opened.",
    },
    "records.minutes.notes_hint": {
        "de": "Markdown wie in „gremium minutes note“: Absätze durch Leerzeilen, "
        "Listen mit „-“, **fett**.",
        "en": "Markdown as in “gremium minutes note”: paragraphs separated by blank lines, "
        "lists with “-”, **bold**.",
    },
    "records.minutes.meanwhile": {
        "de": "TOP {number} – inzwischen gespeichert:",
        "en": "Item {number} – saved meanwhile:",
    },
    "records.minutes.save_notes": {"de": "Notizen speichern", "en": "Save notes"},
    "records.minutes.no_notes": {"de": "Keine Notizen.", "en": "No notes."},
    "records.minutes.noted": {"de": "Die Notizen sind gespeichert.", "en": "The notes are saved."},
    "records.minutes.circulate": {"de": "Versenden", "en": "Circulate"},
    "records.minutes.circulate_hint": {
        "de": "Alle Eingeladenen erhalten den Entwurf; die Einwendungsfrist beginnt.",
        "en": "Everyone invited receives the draft; the objection period starts.",
    },
    "records.minutes.circulate_button": {
        "de": "Protokoll versenden",
        "en": "Circulate the minutes",
    },
    "records.minutes.circulated": {
        "de": "Das Protokoll ist versandt; die Einwendungsfrist läuft.",
        "en": "The minutes are circulated; the objection period is running.",
    },
    "records.minutes.objections": {"de": "Einwendungen", "en": "Objections"},
    "records.minutes.objections_caption": {
        "de": "Einwendungen gegen das Protokoll",
        "en": "Objections to the minutes",
    },
    "records.minutes.no_objections": {"de": "Keine Einwendungen.", "en": "No objections."},
    "records.minutes.resolution": {
        "de": "Wie wurde Einwendung {objection} erledigt?",
        "en": "How was objection {objection} resolved?",
    },
    "records.minutes.resolve_button": {"de": "Als erledigt vermerken", "en": "Mark as resolved"},
    "records.minutes.resolved": {
        "de": "Die Einwendung ist als erledigt vermerkt.",
        "en": "The objection is marked as resolved.",
    },
    "records.minutes.object": {"de": "Einwendung erheben", "en": "Object"},
    "records.minutes.objection_text": {"de": "Einwendung", "en": "Objection"},
    "records.minutes.objection_hint": {
        "de": "Was ist falsch, was wäre richtig? Für Ihre Organisation, bis zum Ende der Frist.",
        "en": "What is wrong, what would be right? For your organisation, until the period ends.",
    },
    "records.minutes.object_button": {"de": "Einwendung erheben", "en": "Raise the objection"},
    "records.minutes.objected": {
        "de": "Die Einwendung ist erfasst; das Protokoll geht zurück in den Entwurf.",
        "en": "The objection is recorded; the minutes go back to drafting.",
    },
    "records.minutes.record_objection": {
        "de": "Einwendung einer Mitgliedsorganisation erfassen",
        "en": "Record a member organisation's objection",
    },
    "records.minutes.record_objection_hint": {
        "de": "Für eine Einwendung, die per Post oder Mail kam (wie „gremium minutes object --for“).",
        "en": "For an objection that came by post or mail (as “gremium minutes object --for”).",
    },
    "records.minutes.objection_organisation": {"de": "Organisation", "en": "Organisation"},
    "records.minutes.record_objection_button": {
        "de": "Einwendung erfassen",
        "en": "Record the objection",
    },
    "records.minutes.approve": {"de": "Genehmigen", "en": "Approve"},
    "records.minutes.approve_hint": {
        "de": "Nur wenn die Geschäftsordnung die Genehmigung ohne Beschluss erlaubt, keine "
        "Einwendung offen ist und die Frist abgelaufen ist. Das Protokoll wird dann als "
        "PDF/A archiviert.",
        "en": "Only where the rules allow approval without a vote, no objection is open and the "
        "period is over. The minutes are then archived as PDF/A.",
    },
    "records.minutes.approve_button": {"de": "Protokoll genehmigen", "en": "Approve the minutes"},
    "records.minutes.approved": {
        "de": "Das Protokoll ist genehmigt und archiviert.",
        "en": "The minutes are approved and archived.",
    },
    # decisions register
    "records.decisions.title": {
        "de": "Beschlussregister ({committee})",
        "en": "Decisions register ({committee})",
    },
    "records.decisions.caption": {
        "de": "Beschlüsse des Gremiums {committee}, neueste zuerst",
        "en": "Decisions of the committee {committee}, newest first",
    },
    "records.decisions.year": {"de": "Jahr", "en": "Year"},
    "records.decisions.all_years": {"de": "alle Jahre", "en": "all years"},
    "records.decisions.search": {"de": "Suche im Text", "en": "Search in the text"},
    "records.decisions.search_hint": {
        "de": "Beschlusstext oder Titel des TOP, höchstens {max} Zeichen",
        "en": "Text of the decision or title of the item, at most {max} characters",
    },
    "records.decisions.filter": {"de": "Anzeigen", "en": "Show"},
    "records.decisions.found": {
        "de": "{count:Beschluss|Beschlüsse} gefunden.",
        "en": "{count:decision|decisions} found.",
    },
    "records.decisions.none": {"de": "Keine Beschlüsse.", "en": "No decisions."},
    "records.decisions.votes": {
        "de": "{yes} Ja, {no} Nein, {abstain:Enthaltung|Enthaltungen}",
        "en": "{yes} yes, {no} no, {abstain:abstention|abstentions}",
    },
    "register.error.year_range": {
        "de": "Jahr {value}: erlaubt sind {first} bis {last}.",
        "en": "Year {value}: allowed are {first} to {last}.",
    },
    "register.error.search_long": {
        "de": "Der Suchtext ist {length} Zeichen lang; erlaubt sind höchstens {max}.",
        "en": "The search text is {length} characters long; at most {max} are allowed.",
    },
    "register.error.search_control": {
        "de": "Der Suchtext enthält Steuerzeichen; erlaubt sind Wörter und Satzzeichen.",
        "en": "The search text contains control characters; words and punctuation are allowed.",
    },
    "register.error.page": {
        "de": "Seite „{value}“ gibt es nicht; erlaubt ist eine Zahl von 1 bis {max}.",
        "en": "There is no page “{value}”; allowed is a number from 1 to {max}.",
    },
    # action items
    "records.actions.title": {"de": "Aufgaben ({committee})", "en": "Action items ({committee})"},
    "records.actions.overdue": {"de": "Überfällig", "en": "Overdue"},
    "records.actions.open": {"de": "Offen", "en": "Open"},
    "records.actions.done": {"de": "Erledigt oder entfallen", "en": "Done or dropped"},
    "records.actions.caption_overdue": {
        "de": "Überfällige Aufgaben, nach Fälligkeit",
        "en": "Overdue action items, by due date",
    },
    "records.actions.caption_open": {
        "de": "Offene Aufgaben, nach Fälligkeit",
        "en": "Open action items, by due date",
    },
    "records.actions.caption_done": {
        "de": "Erledigte und entfallene Aufgaben",
        "en": "Action items done or dropped",
    },
    "records.actions.none_overdue": {
        "de": "Keine überfälligen Aufgaben.",
        "en": "Nothing overdue.",
    },
    "records.actions.none_open": {"de": "Keine offenen Aufgaben.", "en": "No open action items."},
    "records.actions.none_done": {"de": "Noch nichts erledigt.", "en": "Nothing done yet."},
    "records.actions.update": {"de": "Aufgabe {id}: {what}", "en": "Action item {id}: {what}"},
    "records.actions.done_note": {"de": "Bemerkung (freiwillig)", "en": "Note (optional)"},
    "records.actions.done_button": {"de": "Als erledigt melden", "en": "Report as done"},
    "records.actions.drop_reason": {"de": "Warum entfällt sie?", "en": "Why is it dropped?"},
    "records.actions.drop_button": {"de": "Entfallen lassen", "en": "Drop"},
    "records.actions.done_saved": {
        "de": "Die Aufgabe ist als erledigt gemeldet.",
        "en": "The action item is reported as done.",
    },
    "records.actions.drop_saved": {
        "de": "Die Aufgabe entfällt.",
        "en": "The action item is dropped.",
    },
    # documents
    "records.documents.title": {"de": "Dokumente ({committee})", "en": "Documents ({committee})"},
    "records.documents.intro": {
        "de": "Jedes Dokument als HTML oder als PDF/A (barrierefrei getaggt), so wie "
        "„gremium documents render“ es erzeugt.",
        "en": "Every document as HTML or as PDF/A (tagged for accessibility), as "
        "“gremium documents render” makes it.",
    },
    "records.documents.none": {"de": "Noch keine Dokumente.", "en": "No documents yet."},
    "kind.document": {"de": "Dokument", "en": "document"},
    "records.documents.kind.agreement": {
        "de": "Kooperationsvereinbarung",
        "en": "Cooperation agreement",
    },
    "records.documents.kind.accession_declaration": {
        "de": "Beitrittserklärungen",
        "en": "Accession declarations",
    },
    "records.documents.kind.invitation": {"de": "Einladungen", "en": "Invitations"},
    "records.documents.kind.attendance_list": {
        "de": "Anwesenheitslisten",
        "en": "Attendance lists",
    },
    "records.documents.kind.minutes": {"de": "Protokolle", "en": "Minutes"},
    "records.documents.kind.decisions_register": {
        "de": "Beschlussregister",
        "en": "Decisions registers",
    },
    "records.documents.name.agreement": {
        "de": "Fassung {number} ({subject})",
        "en": "Version {number} ({subject})",
    },
    "records.documents.name.accession_declaration": {
        "de": "Beitrittserklärung {subject} (Antrag {number})",
        "en": "Accession declaration {subject} (application {number})",
    },
    "records.documents.name.invitation": {
        "de": "Einladung zur Sitzung {number}",
        "en": "Invitation to meeting {number}",
    },
    "records.documents.name.attendance_list": {
        "de": "Anwesenheitsliste der Sitzung {number}",
        "en": "Attendance list of meeting {number}",
    },
    "records.documents.name.minutes": {
        "de": "Protokoll der Sitzung {number}",
        "en": "Minutes of meeting {number}",
    },
    "records.documents.name.decisions_register": {
        "de": "Beschlussregister {number}",
        "en": "Decisions register {number}",
    },
    # audit
    "records.audit.title": {"de": "Prüfpfad ({committee})", "en": "Audit trail ({committee})"},
    "records.audit.verify": {"de": "Prüfpfad prüfen", "en": "Verify the audit trail"},
    "records.audit.verify_hint": {
        "de": "Prüft wie „gremium audit verify“ die ganze Kette und die geschützten Datensätze "
        "(Beschlüsse, Abstimmungen, Unterschriften, Fassungen, Protokolle, Mitgliedschaften).",
        "en": "Checks, as “gremium audit verify” does, the whole chain and the protected rows "
        "(decisions, votes, signatures, versions, minutes, memberships).",
    },
    "records.audit.verify_button": {"de": "Jetzt prüfen", "en": "Verify now"},
    "records.audit.took": {"de": "Dauer: {seconds} s", "en": "Took {seconds} s"},
    "records.audit.log": {"de": "Einträge", "en": "Records"},
    "records.audit.caption": {
        "de": "Prüfpfad des Gremiums, neueste zuerst ({total} Einträge)",
        "en": "The committee's audit trail, newest first ({total} records)",
    },
    "records.audit.system": {"de": "System", "en": "System"},
    "records.audit.outcome.done": {"de": "erledigt", "en": "done"},
    "records.audit.outcome.refused": {"de": "abgelehnt", "en": "refused"},
    "records.audit.outcome.failed": {"de": "fehlgeschlagen", "en": "failed"},
    "records.audit.empty": {"de": "Noch keine Einträge.", "en": "No records yet."},
    # workflows
    "records.workflows.title": {"de": "Abläufe (Workflows)", "en": "Workflows"},
    "records.workflows.intro": {
        "de": "Die Zustandsautomaten aus workflows/*.yaml: Zustände und Übergänge, als "
        "Diagramm und als Tabelle.",
        "en": "The state machines of workflows/*.yaml: states and transitions, as a diagram "
        "and as a table.",
    },
    "records.workflows.list": {"de": "Abläufe", "en": "Workflows"},
    "records.workflows.states": {
        "de": "Beginnt in „{initial}“, endet in: {final}.",
        "en": "Starts in “{initial}”, ends in: {final}.",
    },
    "records.workflows.diagram": {
        "de": "Zustandsdiagramm des Ablaufs {name}",
        "en": "State diagram of the workflow {name}",
    },
    "records.workflows.figcaption": {
        "de": "Ablauf {name}: Pfeile sind Übergänge; ↻ im Kasten: Schritte, die den Zustand "
        "behalten. Die Tabelle darunter nennt jeden Übergang.",
        "en": "Workflow {name}: arrows are transitions; ↻ in a box: steps that keep the state. "
        "The table below lists every transition.",
    },
    "records.workflows.caption": {
        "de": "Übergänge des Ablaufs {name}",
        "en": "Transitions of the workflow {name}",
    },
    "records.workflows.stays": {"de": "(bleibt)", "en": "(stays)"},
    "records.workflows.unless": {"de": "außer", "en": "unless"},
}
