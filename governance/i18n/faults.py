"""Faults of the installation, said in one line: the database, the disk, the
configuration — what is wrong and what to do, never a secret or personal data."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "error.database_url_type": {
        "de": "Die Datenbank muss als URL-Text angegeben werden (z. B. "
        "„sqlite:///gremium.db“ oder „postgresql://benutzer@host/gremium“), nicht {value}.",
        "en": "The database must be given as a URL text (e.g. “sqlite:///gremium.db” or "
        "“postgresql://user@host/gremium”), not {value}.",
    },
    "error.database_missing": {
        "de": "Unter „{path}“ gibt es keine Datenbank. Pfad prüfen (--db, GREMIUM_DB, "
        "„database“ in der Konfiguration) oder sie mit „gremium --db sqlite:///{path} init“ anlegen.",
        "en": "There is no database at “{path}”. Check the path (--db, GREMIUM_DB, "
        "“database” in the configuration) or create it with “gremium --db sqlite:///{path} init”.",
    },
    "error.db.full": {
        "de": "Der Datenträger der Datenbank {url} ist voll; nichts wurde gespeichert. "
        "Platz schaffen und den Befehl wiederholen.",
        "en": "The disk of the database {url} is full; nothing was saved. "
        "Free some space and run the command again.",
    },
    "error.db.readonly": {
        "de": "In die Datenbank {url} darf nicht geschrieben werden (schreibgeschützt oder "
        "fehlende Rechte an Datei oder Ordner); nichts wurde gespeichert.",
        "en": "The database {url} cannot be written to (read-only, or no permission on the "
        "file or its folder); nothing was saved.",
    },
    "error.db.io": {
        "de": "Die Datenbank {url} meldet einen Ein-/Ausgabefehler des Datenträgers (oft: er ist "
        "voll); nichts wurde gespeichert. Platz und Datenträger prüfen, dann wiederholen.",
        "en": "The database {url} reports an input/output error of its disk (often: the disk is "
        "full); nothing was saved. Check the disk and its free space, then try again.",
    },
    "error.db.locked": {
        "de": "Die Datenbank {url} ist durch einen anderen Vorgang gesperrt; nichts wurde "
        "gespeichert. Gleich noch einmal versuchen.",
        "en": "The database {url} is locked by another process; nothing was saved. "
        "Try again in a moment.",
    },
    "error.db.not_a_database": {
        "de": "„{url}“ ist keine (lesbare) Gremium-Datenbank: die Datei ist beschädigt oder "
        "etwas anderes. Die Sicherung zurückspielen oder den Pfad prüfen.",
        "en": "“{url}” is not a (readable) Gremium database: the file is damaged or something "
        "else. Restore the backup or check the path.",
    },
    "error.db.cannot_open": {
        "de": "Die Datenbank {url} lässt sich nicht öffnen: Ordner fehlt oder keine Rechte.",
        "en": "The database {url} cannot be opened: its folder is missing or not accessible.",
    },
    "error.disk": {
        "de": "{path}: {problem}. Nichts wurde gespeichert; Ursache beheben und den Befehl "
        "wiederholen.",
        "en": "{path}: {problem}. Nothing was saved; remove the cause and run the command again.",
    },
    "error.disk.full": {"de": "der Datenträger ist voll", "en": "the disk is full"},
    "error.disk.denied": {"de": "keine Berechtigung", "en": "permission denied"},
    "error.disk.readonly": {
        "de": "das Dateisystem ist schreibgeschützt",
        "en": "the file system is read-only",
    },
    "error.disk.other": {"de": "{reason}", "en": "{reason}"},
    "error.audit_head_missing": {
        "de": "Der Kopf der Prüfpfad-Kette (Tabelle audit_head) fehlt in der Datenbank; "
        "nichts wurde gespeichert. Die Datenbank aus der Sicherung zurückspielen und mit "
        "„gremium audit verify“ prüfen.",
        "en": "The head of the audit chain (table audit_head) is missing from the database; "
        "nothing was saved. Restore the database from the backup and check it with "
        "“gremium audit verify”.",
    },
    "error.notes_encoding": {
        "de": "Die Datei „{file}“ ist kein UTF-8-Text. Bitte als UTF-8 speichern.",
        "en": "The file “{file}” is not UTF-8 text. Please save it as UTF-8.",
    },
    "cli.tick.interrupted": {
        "de": "Abgebrochen: {count} Zeitgeber ausgelöst; die übrigen sind freigegeben und "
        "werden beim nächsten „gremium tick“ oder „gremium run“ ausgelöst.",
        "en": "Interrupted: {count} timer(s) fired; the others are released and fire at the "
        "next “gremium tick” or “gremium run”.",
    },
    "config.problem.not_found": {"de": "Datei nicht gefunden", "en": "file not found"},
    "config.problem.unreadable": {
        "de": "Datei nicht lesbar (kein UTF-8-Text, ein Ordner oder keine Berechtigung)",
        "en": "the file cannot be read (not UTF-8 text, a folder, or no permission)",
    },
    "config.problem.toml": {
        "de": "kein gültiges TOML ({detail})",
        "en": "not valid TOML ({detail})",
    },
    "config.problem.unknown_keys": {
        "de": "unbekannte Einstellung(en) {keys}; erlaubt: {allowed}",
        "en": "unknown setting(s) {keys}; allowed: {allowed}",
    },
    "config.problem.unknown_mail_keys": {
        "de": "unbekannte Einstellung(en) in [mail]: {keys}; erlaubt: {allowed}",
        "en": "unknown setting(s) in [mail]: {keys}; allowed: {allowed}",
    },
    "config.problem.type": {
        "de": "„{key}“ muss {expected} sein, nicht {value}",
        "en": "“{key}” must be {expected}, not {value}",
    },
    "config.problem.datetime": {
        "de": "„{key}“ muss JJJJ-MM-TT HH:MM sein, nicht „{value}“",
        "en": "“{key}” must be YYYY-MM-DD HH:MM, not “{value}”",
    },
    "config.problem.boolean": {
        "de": "„{key}“ muss true oder false sein, nicht „{value}“",
        "en": "“{key}” must be true or false, not “{value}”",
    },
    "config.problem.integer": {
        "de": "„{key}“ muss eine ganze Zahl sein, nicht „{value}“",
        "en": "“{key}” must be a whole number, not “{value}”",
    },
    "config.problem.number": {
        "de": "„{key}“ muss eine Zahl sein, nicht {value}",
        "en": "“{key}” must be a number, not {value}",
    },
    "config.problem.choice": {
        "de": "„{key}“ muss eines von {allowed} sein, nicht „{value}“",
        "en": "“{key}” must be one of {allowed}, not “{value}”",
    },
    "config.problem.minimum": {
        "de": "„{key}“ muss mindestens {minimum} sein",
        "en": "“{key}” must be at least {minimum}",
    },
    "config.problem.mail_table": {
        "de": "„mail“ muss eine Tabelle sein ([mail])",
        "en": "“mail” must be a table ([mail])",
    },
    "config.problem.retention_table": {
        "de": "„retention“ muss eine Tabelle sein ([retention])",
        "en": "“retention” must be a table ([retention])",
    },
    "config.problem.cli_table": {
        "de": "„cli“ muss eine Tabelle sein ([cli])",
        "en": "“cli” must be a table ([cli])",
    },
    "config.problem.unknown_cli_keys": {
        "de": "unbekannte Einstellung(en) in [cli]: {keys}; erlaubt: {allowed}",
        "en": "unknown setting(s) in [cli]: {keys}; allowed: {allowed}",
    },
    "config.problem.cli_committee": {
        "de": "{where}: „{value}“ ist kein Gremium; erlaubt: ein Kurzname (ein Wort, "
        "höchstens 40 Zeichen) oder eine Nummer, z. B. KG",
        "en": "{where}: “{value}” is no committee; allowed: a short name (one word, "
        "at most 40 characters) or a number, e.g. KG",
    },
    "config.problem.mail_lease": {
        "de": "mail.lease_seconds ({lease}) muss länger sein als batch_size × smtp_timeout "
        "({batch} × {timeout} s)",
        "en": "mail.lease_seconds ({lease}) must be longer than batch_size × smtp_timeout "
        "({batch} × {timeout} s)",
    },
    "config.type.text": {"de": "ein Text in Anführungszeichen", "en": "a quoted text"},
    "config.type.boolean": {"de": "true oder false", "en": "true or false"},
    "config.type.integer": {"de": "eine ganze Zahl", "en": "a whole number"},
    "config.type.table": {"de": "eine Tabelle", "en": "a table"},
    "error.text_line_break": {
        "de": "{what}: bitte eine Zeile Text ohne Zeilenumbruch angeben.",
        "en": "{what}: please give one line of text, without a line break.",
    },
    "error.email_utf8": {
        "de": "„{value}“: vor dem @ stehen Zeichen außerhalb von ASCII; solche Adressen nimmt "
        "nur ein Mailserver mit SMTPUTF8 an. Bitte eine ASCII-Adresse angeben (oder, wenn der "
        "Mailserver SMTPUTF8 kann, smtputf8 = true unter [mail] setzen).",
        "en": "“{value}”: there are characters beyond ASCII before the @; only a mail server "
        "with SMTPUTF8 takes such addresses. Please give an ASCII address (or, if the mail "
        "server offers SMTPUTF8, set smtputf8 = true under [mail]).",
    },
}
