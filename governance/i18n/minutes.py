"""Messages of the minutes (Protokoll): notes, circulation, objections, approval, archive."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # guards of workflows/minutes.yaml (each says what does not hold)
    "guard.meeting_closed": {
        "de": "die Sitzung ist noch nicht geschlossen",
        "en": "the meeting has not been closed yet",
    },
    "guard.objection_period_running": {
        "de": "die Einwendungsfrist ist abgelaufen",
        "en": "the objection period is over",
    },
    "guard.objection_period_over": {
        "de": "die Einwendungsfrist läuft noch",
        "en": "the objection period is still running",
    },
    "guard.no_open_objection": {
        "de": "es gibt eine offene Einwendung (erst erledigen: gremium minutes resolve)",
        "en": "an objection is open (resolve it first: gremium minutes resolve)",
    },
    "guard.approval_without_vote_allowed": {
        "de": "nach der Geschäftsordnung genehmigt das Gremium das Protokoll durch Beschluss "
        "(tacit_approval = nein)",
        "en": "under the rules of procedure the committee approves the minutes by vote "
        "(tacit_approval = no)",
    },
    "guard.tacit_approval_possible": {
        "de": "eine stillschweigende Genehmigung ist nicht möglich",
        "en": "tacit approval is not possible",
    },
    "guard.not.tacit_approval_possible": {
        "de": "das Protokoll kann stillschweigend genehmigt werden",
        "en": "the minutes can be approved tacitly",
    },
    "guard.approval_vote_carried": {
        "de": "die Abstimmung hat die nötige Mehrheit nicht erreicht",
        "en": "the vote did not reach the required majority",
    },
    "guard.not.approval_vote_carried": {
        "de": "die Abstimmung hat die nötige Mehrheit erreicht",
        "en": "the vote reached the required majority",
    },
    # kinds, permission actions, vocabulary
    "kind.minutes": {"de": "Protokoll", "en": "minutes"},
    "kind.minutes_objection": {"de": "Einwendung", "en": "objection"},
    "action.minutes.write": {
        "de": "Protokollnotizen erfassen und das Protokoll versenden",
        "en": "record notes and circulate the minutes",
    },
    "action.minutes.object": {
        "de": "Einwendungen gegen das Protokoll erheben",
        "en": "object to the minutes",
    },
    "action.minutes.record_objection": {
        "de": "Einwendung einer Mitgliedsorganisation erfassen",
        "en": "record a member organisation's objection",
    },
    "minutes.error.notes_changed": {
        "de": "Die Notizen zu TOP {tops} der Sitzung {meeting} hat inzwischen jemand anderes "
        "geändert. Nichts wurde gespeichert; Ihr Text steht noch im Formular, der "
        "gespeicherte Stand daneben.",
        "en": "Someone else changed the notes of item {tops} of meeting {meeting} meanwhile. "
        "Nothing was saved; your text is still in the form, the saved notes beside it.",
    },
    "minutes.error.not_a_member_organisation": {
        "de": "„{organisation}“ ist kein Mitglied des Gremiums „{committee}“; Mitglieder: {members}.",
        "en": "“{organisation}” is not a member of the committee “{committee}”; members: {members}.",
    },
    "action.minutes.approve": {
        "de": "Einwendungen erledigen und das Protokoll genehmigen",
        "en": "resolve objections and approve the minutes",
    },
    "minutes.state.none": {"de": "noch nicht begonnen", "en": "not started"},
    "minutes.state.drafting": {"de": "im Entwurf", "en": "drafting"},
    "minutes.state.circulated": {"de": "versandt (Einwendungsfrist)", "en": "circulated"},
    "minutes.state.approved": {"de": "genehmigt", "en": "approved"},
    "minutes.state.archived": {"de": "genehmigt und archiviert", "en": "approved and archived"},
    "minutes.approved_by.tacit": {
        "de": "stillschweigend nach Ablauf der Einwendungsfrist",
        "en": "tacitly at the end of the objection period",
    },
    "minutes.approved_by.chair": {"de": "durch den Vorsitz", "en": "by the chair"},
    "minutes.approved_by.vote": {"de": "durch Beschluss", "en": "by vote"},
    # refusals
    "minutes.error.meeting_not_held": {
        "de": "Sitzung {meeting} wurde noch nicht eröffnet (Zustand: {state}); ein Protokoll "
        "gibt es erst ab der Eröffnung.",
        "en": "Meeting {meeting} has not been opened (state: {state}); minutes exist only "
        "from the opening on.",
    },
    "minutes.error.frozen": {
        "de": "Das Protokoll der Sitzung {meeting} ist seit {approved} genehmigt und damit "
        "unveränderlich (SHA-256 {sha256}). Nichts wurde geändert.",
        "en": "The minutes of meeting {meeting} were approved on {approved} and can no longer "
        "change (SHA-256 {sha256}). Nothing was changed.",
    },
    "minutes.error.not_drafting": {
        "de": "Das Protokoll der Sitzung {meeting} ist „{state}“: Notizen lassen sich nur im "
        "Entwurf ändern (nach einer Einwendung oder wenn das Gremium es zurückgibt).",
        "en": "The minutes of meeting {meeting} are “{state}”: notes change only in a draft "
        "(after an objection, or when the committee sends them back).",
    },
    "minutes.error.unknown_top": {
        "de": "Sitzung {meeting} hat keinen TOP {top}; ihre TOPs: {tops}. Nichts wurde geändert.",
        "en": "Meeting {meeting} has no agenda item {top}; its items: {tops}. Nothing was changed.",
    },
    "minutes.error.top_twice": {
        "de": "TOP {top} kommt in der Datei zweimal vor.",
        "en": "Agenda item {top} appears twice in the file.",
    },
    "minutes.error.notes_format": {
        "de": "Die Notizen lassen sich nicht lesen bei „{line}“: erwartet wird Markdown mit "
        "Überschriften „## TOP 3“ oder YAML „3: Text“.",
        "en": "Cannot read the notes at “{line}”: expected Markdown with headings “## TOP 3” "
        "or YAML “3: text”.",
    },
    "minutes.error.not_circulated": {
        "de": "Das Protokoll der Sitzung {meeting} wurde noch nicht versandt.",
        "en": "The minutes of meeting {meeting} have not been circulated yet.",
    },
    "minutes.error.not_a_member": {
        "de": "{actor} vertritt keine Mitgliedsorganisation im Gremium „{committee}“ und kann "
        "deshalb keine Einwendung erheben.",
        "en": "{actor} represents no member organisation of the committee “{committee}” and so "
        "cannot object.",
    },
    "minutes.error.already_resolved": {
        "de": "Einwendung {objection} ist bereits erledigt.",
        "en": "Objection {objection} is resolved already.",
    },
    "minutes.error.not_archived": {
        "de": "Das Protokoll der Sitzung {meeting} ist nicht archiviert (Zustand: {state}); "
        "eine Vorschau gibt „gremium minutes preview“.",
        "en": "The minutes of meeting {meeting} are not archived (state: {state}); "
        "“gremium minutes preview” renders a preview.",
    },
    "minutes.error.archive_missing": {
        "de": "Die archivierte Datei „{path}“ fehlt.",
        "en": "The archived file “{path}” is missing.",
    },
    "minutes.error.archive_changed": {
        "de": "Die archivierte Datei „{path}“ wurde verändert: SHA-256 {actual} statt {recorded}.",
        "en": "The archived file “{path}” was changed: SHA-256 {actual} instead of {recorded}.",
    },
    # documents
    "documents.error.meeting_not_held": {
        "de": "Sitzung {meeting} ist {state}: ein Protokoll gibt es erst ab der Eröffnung.",
        "en": "Meeting {meeting} is {state}: minutes exist only from the opening on.",
    },
    "documents.meeting_state.planned": {"de": "geplant", "en": "planned"},
    "documents.meeting_state.convened": {"de": "eingeladen", "en": "convened"},
    "documents.meeting_state.cancelled": {"de": "abgesagt", "en": "cancelled"},
    "documents.error.register_ref": {
        "de": "„{value}“ ist kein Beschlussregister; erwartet wird GREMIUM/JAHR, z. B. KG/2026.",
        "en": "“{value}” names no register of decisions; expected COMMITTEE/YEAR, e.g. KG/2026.",
    },
    # command line
    "minutes.cli.noted": {
        "de": "Notizen zu TOP {tops} der Sitzung {meeting} erfasst.",
        "en": "Notes on item(s) {tops} of meeting {meeting} recorded.",
    },
    "minutes.cli.circulated": {
        "de": "Protokoll der Sitzung {meeting}, Fassung {revision}, versandt; Einwendungen bis {deadline}.",
        "en": "Minutes of meeting {meeting}, revision {revision}, circulated; objections until {deadline}.",
    },
    "minutes.cli.objected": {
        "de": "Einwendung {objection} erfasst; das Protokoll geht in die Überarbeitung.",
        "en": "Objection {objection} recorded; the minutes go back to drafting.",
    },
    "minutes.cli.resolved": {
        "de": "Einwendung {objection} als erledigt vermerkt.",
        "en": "Objection {objection} marked resolved.",
    },
    "minutes.cli.approved": {
        "de": "Protokoll der Sitzung {meeting} genehmigt und archiviert: {path} (SHA-256 {sha256}).",
        "en": "Minutes of meeting {meeting} approved and archived: {path} (SHA-256 {sha256}).",
    },
    "minutes.cli.written": {
        "de": "{path} geschrieben ({format}, SHA-256 {sha256}).",
        "en": "Wrote {path} ({format}, SHA-256 {sha256}).",
    },
    "minutes.cli.need_notes": {
        "de": "Bitte --file DATEI oder --top NR mit --text angeben.",
        "en": "Please give --file FILE, or --top NO with --text.",
    },
    "minutes.cli.show": {
        "de": "Protokoll der Sitzung {meeting}: {state}, Fassung {revision}",
        "en": "Minutes of meeting {meeting}: {state}, revision {revision}",
    },
    "minutes.cli.deadline": {"de": "Einwendungen bis: {at}", "en": "Objections until: {at}"},
    "minutes.cli.approved_line": {
        "de": "Genehmigt: {at} ({how})",
        "en": "Approved: {at} ({how})",
    },
    "minutes.cli.archive_line": {
        "de": "Archiv: {path} (SHA-256 {sha256})",
        "en": "Archive: {path} (SHA-256 {sha256})",
    },
    "minutes.cli.objection_line": {
        "de": "Einwendung {id} ({organisation}, Fassung {revision}, {state}): {text}",
        "en": "Objection {id} ({organisation}, revision {revision}, {state}): {text}",
    },
    "minutes.cli.open": {"de": "offen", "en": "open"},
    "minutes.cli.done": {"de": "erledigt", "en": "resolved"},
}
