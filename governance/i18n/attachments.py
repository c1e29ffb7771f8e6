"""Messages of the documents kept in the database (archived minutes) and of the
attachments of agenda items (``gremium agenda attach / files / file-export``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # stored documents
    "documents.error.stored_differs": {
        "de": "Unter dem Namen „{name}“ ist schon ein anderes Dokument gespeichert "
        "(SHA-256 {sha256}); gespeicherte Dokumente werden nie überschrieben.",
        "en": "Another document is stored under the name “{name}” already (SHA-256 {sha256}); "
        "stored documents are never overwritten.",
    },
    "documents.error.stored_missing": {
        "de": "Das Dokument „{name}“ ist nicht in der Datenbank und auch nicht unter „{path}“ "
        "zu finden ({note}).",
        "en": "The document “{name}” is not in the database, nor at “{path}” ({note}).",
    },
    "documents.error.stored_changed": {
        "de": "Das gespeicherte Dokument „{name}“ ist verändert: SHA-256 {actual} statt {recorded}.",
        "en": "The stored document “{name}” was changed: SHA-256 {actual} instead of {recorded}.",
    },
    "archive.cli.approved": {
        "de": "Protokoll der Sitzung {meeting} genehmigt und in der Datenbank archiviert: "
        "{name} (SHA-256 {sha256}).",
        "en": "Minutes of meeting {meeting} approved and archived in the database: "
        "{name} (SHA-256 {sha256}).",
    },
    "archive.cli.stored_line": {
        "de": "Archiv (Datenbank): {name}, {size} (SHA-256 {sha256})",
        "en": "Archive (database): {name}, {size} (SHA-256 {sha256})",
    },
    "archive.cli.copy_line": {
        "de": "Kopie: {path}",
        "en": "Copy: {path}",
    },
    # attachments of agenda items
    "action.agenda.attach": {
        "de": "Anlagen zu TOPs hinzufügen",
        "en": "attach files and links to agenda items",
    },
    "kind.agenda_attachment": {"de": "Anlage", "en": "attachment"},
    "notice.agenda.attached": {"de": "neue Anlage: {title}", "en": "new attachment: {title}"},
    "attachments.kind.file": {"de": "Datei", "en": "file"},
    "attachments.kind.link": {"de": "Link", "en": "link"},
    "attachments.kind.reference": {"de": "Verweis (ungeprüft)", "en": "reference (unchecked)"},
    "attachments.reason.own_items": {
        "de": "nur Vorsitz und Geschäftsstelle, oder die Organisation, die den TOP vorgeschlagen hat",
        "en": "only the chair and the secretariat, or the organisation that proposed the item",
    },
    "attachments.error.url": {
        "de": "„{value}“ ist keine zulässige Adresse; erlaubt sind http:// und https:// mit "
        "Servername, ohne Leerzeichen, bis 2000 Zeichen.",
        "en": "“{value}” is not an allowed address; allowed are http:// and https:// with a "
        "host name, without spaces, up to 2000 characters.",
    },
    "attachments.error.name": {
        "de": "„{value}“ ist kein verwendbarer Dateiname.",
        "en": "“{value}” is not a usable file name.",
    },
    "attachments.error.empty": {
        "de": "Die Datei „{name}“ ist leer; angehängt werden nur Dateien mit Inhalt.",
        "en": "The file “{name}” is empty; only files with content are attached.",
    },
    "attachments.error.file_too_large": {
        "de": "Die Datei „{name}“ ist {size} groß; erlaubt sind höchstens {limit} je Datei "
        "(Einstellung attachment_max_mb).",
        "en": "The file “{name}” is {size}; at most {limit} per file are allowed "
        "(setting attachment_max_mb).",
    },
    "attachments.error.meeting_too_large": {
        "de": "„{name}“ ({size}) passt nicht mehr: die Anlagen der Sitzung {meeting} haben schon "
        "{stored}, erlaubt sind höchstens {limit} je Sitzung (Einstellung "
        "meeting_attachments_max_mb).",
        "en": "“{name}” ({size}) does not fit: the attachments of meeting {meeting} take "
        "{stored} already, at most {limit} per meeting are allowed (setting "
        "meeting_attachments_max_mb).",
    },
    "attachments.error.meeting_state": {
        "de": "Sitzung {meeting} ist {state}: Anlagen lassen sich nur bis zum Schluss der "
        "Sitzung hinzufügen.",
        "en": "Meeting {meeting} is {state}: attachments can be added only until the meeting "
        "is closed.",
    },
    "attachments.meeting_state.closed": {"de": "geschlossen", "en": "closed"},
    "attachments.meeting_state.cancelled": {"de": "abgesagt", "en": "cancelled"},
    "attachments.error.item_status": {
        "de": "TOP #{item} „{title}“ ist {status}: Anlagen gibt es nur zu vorgeschlagenen "
        "und angenommenen TOPs.",
        "en": "Item #{item} “{title}” is {status}: only proposed and accepted items take "
        "attachments.",
    },
    "attachments.error.not_a_file": {
        "de": "Anlage {id} ist ein {kind} ({url}), keine gespeicherte Datei.",
        "en": "Attachment {id} is a {kind} ({url}), not a stored file.",
    },
    "attachments.error.need_file_or_url": {
        "de": "Bitte genau eines angeben: --file DATEI oder --url ADRESSE.",
        "en": "Please give exactly one of --file PATH or --url ADDRESS.",
    },
    "attachments.error.unreadable": {
        "de": "„{path}“ lässt sich nicht lesen ({problem}); angehängt werden Dateien oder "
        "http(s)-Adressen.",
        "en": "Cannot read “{path}” ({problem}); attachments are files or http(s) addresses.",
    },
    "attachments.cli.attached": {
        "de": "Anlage {id} zu TOP #{item}: „{title}“, Version {version} ({what}).",
        "en": "Attachment {id} of item #{item}: “{title}”, version {version} ({what}).",
    },
    "attachments.cli.column.id": {"de": "ID", "en": "ID"},
    "attachments.cli.column.title": {"de": "Bezeichnung", "en": "Title"},
    "attachments.cli.column.version": {"de": "Version", "en": "Version"},
    "attachments.cli.column.kind": {"de": "Art", "en": "Kind"},
    "attachments.cli.column.what": {"de": "Datei/Link", "en": "File/link"},
    "attachments.cli.column.size": {"de": "Größe", "en": "Size"},
    "attachments.cli.column.sha": {"de": "SHA-256 (Anfang)", "en": "SHA-256 (start)"},
    "attachments.cli.line": {
        "de": "Anlage {id}: {title} – {what}",
        "en": "Attachment {id}: {title} – {what}",
    },
    "attachments.cli.file": {
        "de": "{name}, Version {version}, {size}",
        "en": "{name}, version {version}, {size}",
    },
    "attachments.cli.none": {
        "de": "TOP #{item} hat keine Anlagen.",
        "en": "Item #{item} has no attachments.",
    },
}
