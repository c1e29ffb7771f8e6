"""Messages of `gremium backup` and `gremium restore` (issue 16.6)."""

MESSAGES = {
    # --- refusals ---
    "backup.out_exists": {
        "de": "Die Datei {path} gibt es schon; eine Sicherung überschreibt nichts: "
        "bitte einen neuen Namen angeben.",
        "en": "The file {path} exists already; a backup overwrites nothing: "
        "please give a new name.",
    },
    "backup.target_folder_missing": {
        "de": "Den Ordner {path} gibt es nicht.",
        "en": "There is no folder {path}.",
    },
    "backup.sqlite_in_memory": {
        "de": "Eine SQLite-Datenbank im Arbeitsspeicher lässt sich nicht sichern oder "
        "wiederherstellen: bitte eine Datei angeben (sqlite:///PFAD).",
        "en": "An in-memory SQLite database cannot be backed up or restored: "
        "please name a file (sqlite:///PATH).",
    },
    "backup.key_file_missing": {
        "de": "--with-audit-key: die Schlüsseldatei des Prüfpfads {path} gibt es nicht "
        "(gremium init legt sie an).",
        "en": "--with-audit-key: the audit key file {path} does not exist "
        "(gremium init creates it).",
    },
    "backup.pg_tool_missing": {
        "de": "{tool} ist nicht installiert: Sicherung und Wiederherstellung einer "
        "PostgreSQL-Datenbank brauchen die PostgreSQL-Client-Programme "
        "(Debian: apt-get install postgresql-client).",
        "en": "{tool} is not installed: backing up and restoring a PostgreSQL database need "
        "the PostgreSQL client programs (Debian: apt-get install postgresql-client).",
    },
    "backup.pg_dump_too_old": {
        "de": "{tool} (Version {version}) ist älter als der PostgreSQL-Server ({server}) und "
        "kann ihn nicht sichern: bitte postgresql-client {server} oder neuer installieren.",
        "en": "{tool} (version {version}) is older than the PostgreSQL server ({server}) and "
        "cannot dump it: please install postgresql-client {server} or newer.",
    },
    "backup.pg_restore_too_old": {
        "de": "{tool} (Version {version}) ist älter als das pg_dump ({dump}), das die Sicherung "
        "geschrieben hat, und kann sie nicht lesen: bitte postgresql-client {dump} oder "
        "neuer installieren.",
        "en": "{tool} (version {version}) is older than the pg_dump ({dump}) that wrote the "
        "backup and cannot read it: please install postgresql-client {dump} or newer.",
    },
    "backup.pg_tool_failed": {
        "de": "{tool} ist gescheitert: {said}",
        "en": "{tool} failed: {said}",
    },
    "backup.file_missing": {
        "de": "Die Sicherung {path} gibt es nicht.",
        "en": "There is no backup {path}.",
    },
    "backup.not_a_backup": {
        "de": "{path} ist keine Sicherung von Gremium (erwartet: eine Datei von "
        "gremium backup, ein ZIP-Archiv mit manifest.json); nichts wurde geändert.",
        "en": "{path} is not a Gremium backup (expected: a file written by gremium backup, "
        "a ZIP archive with manifest.json); nothing was changed.",
    },
    "backup.damaged": {
        "de": "Die Sicherung {path} ist beschädigt: {member} stimmt nicht mit dem Manifest "
        "überein (fehlt, ist zusätzlich oder hat einen anderen SHA-256); nichts wurde "
        "geändert.",
        "en": "The backup {path} is damaged: {member} does not match the manifest (missing, "
        "extra, or a different SHA-256); nothing was changed.",
    },
    "backup.version": {
        "de": "Die Sicherung {path} hat das Format {version}; dieses Gremium liest Format "
        "{known}. Nichts wurde geändert.",
        "en": "The backup {path} has format {version}; this Gremium reads format {known}. "
        "Nothing was changed.",
    },
    "backup.unknown_revision": {
        "de": "Die Sicherung hat den Schemastand {revision}, den dieses Gremium nicht kennt "
        "(von einer neueren Version): bitte mit dieser Version wiederherstellen. "
        "Nichts wurde geändert.",
        "en": "The backup has schema revision {revision}, which this Gremium does not know "
        "(from a newer version): please restore with that version. Nothing was changed.",
    },
    "backup.kind_differs": {
        "de": "Die Sicherung ist von einer {backup}-Datenbank, das Ziel ist {target}: "
        "wiederhergestellt wird nur auf dieselbe Art (SQLite auf SQLite, PostgreSQL auf "
        "PostgreSQL). Nichts wurde geändert.",
        "en": "The backup is of a {backup} database, the target is {target}: a backup is "
        "restored onto the same kind only (SQLite onto SQLite, PostgreSQL onto PostgreSQL). "
        "Nothing was changed.",
    },
    "backup.target_not_empty": {
        "de": "Die Zieldatenbank {url} ist nicht leer ({tables} Tabellen): wiederhergestellt "
        "wird nur in eine leere Datenbank. Nichts wurde geändert.",
        "en": "The target database {url} is not empty ({tables} tables): a backup is "
        "restored into an empty database only. Nothing was changed.",
    },
    "backup.target_not_database": {
        "de": "{path} ist keine SQLite-Datenbank: wiederhergestellt wird in eine neue Datei "
        "oder eine leere Datenbank. Nichts wurde geändert.",
        "en": "{path} is not a SQLite database: a backup is restored into a new file or an "
        "empty database. Nothing was changed.",
    },
    "backup.pg_schema_differs": {
        "de": "Die Sicherung enthält das Schema {backup}, die Ziel-URL {url} verwendet das "
        "Schema {schema}: bitte eine Ziel-URL mit dem Schema {backup} angeben "
        "(options=-csearch_path={backup}). Nichts wurde geändert.",
        "en": "The backup holds schema {backup}, the target URL {url} uses schema {schema}: "
        "please give a target URL with schema {backup} (options=-csearch_path={backup}). "
        "Nothing was changed.",
    },
    "backup.key_missing": {
        "de": "Der Prüfpfad der Sicherung ist mit Schlüssel {keys} gesichert, der weder in der "
        "Schlüsseldatei {path} noch in der Sicherung ist: bitte die Schlüsseldatei der "
        "gesicherten Installation nach {path} kopieren (oder mit --with-audit-key sichern). "
        "Nichts wurde geändert.",
        "en": "The backup's audit trail is sealed with key {keys}, which is neither in the key "
        "file {path} nor in the backup: please copy the key file of the installation that "
        "was backed up to {path} (or back up with --with-audit-key). Nothing was changed.",
    },
    "backup.key_file_differs": {
        "de": "Die Schlüsseldatei {path} gibt es schon, ohne den Schlüssel {keys} des "
        "gesicherten Prüfpfads; sie wird nicht überschrieben: bitte eine andere "
        "audit_key_file angeben. Nichts wurde geändert.",
        "en": "The key file {path} exists already, without the key {keys} of the backed-up "
        "audit trail; it is not overwritten: please set another audit_key_file. "
        "Nothing was changed.",
    },
    # --- what was done ---
    "backup.made": {
        "de": "Sicherung geschrieben: {path} ({size} Bytes, SHA-256 {sha256}).",
        "en": "Backup written: {path} ({size} bytes, SHA-256 {sha256}).",
    },
    "backup.summary": {
        "de": "  {kind}-Datenbank, Schema {revision}, Stand {at}: {tables:Tabelle|Tabellen} mit "
        "{rows:Datensatz|Datensätzen}, {documents:Dokument|Dokumente} (archivierte Protokolle und Anlagen, mit "
        "SHA-256 im Manifest), Prüfpfad bis Nr. {head}.",
        "en": "  {kind} database, schema {revision}, as of {at}: {tables:table|tables} with "
        "{rows:record|records}, {documents:document|documents} (archived minutes and attachments, with "
        "SHA-256 in the manifest), audit trail up to no. {head}.",
    },
    "backup.damaged_documents": {
        "de": "  Achtung: {count} Dokument(e) waren schon vor der Sicherung nicht mehr "
        "unversehrt (SHA-256 weicht ab): {ids}.",
        "en": "  Note: {count} document(s) were no longer intact before the backup "
        "(SHA-256 differs): {ids}.",
    },
    "backup.key_included": {
        "de": "  Enthalten: die Schlüsseldatei des Prüfpfads ({path}) – die Sicherung ist "
        "damit so geheim zu halten wie der Schlüssel selbst.",
        "en": "  Included: the audit key file ({path}) – keep the backup as secret as the "
        "key itself.",
    },
    "backup.not_included": {
        "de": "  Nicht enthalten: {what}.",
        "en": "  Not included: {what}.",
    },
    "backup.omitted.audit_key": {
        "de": "die Schlüsseldatei des Prüfpfads {path} (Schlüssel {keys}: getrennt "
        "aufbewahren; die Wiederherstellung braucht sie)",
        "en": "the audit key file {path} (keys {keys}: keep it apart; a restore needs it)",
    },
    "backup.omitted.config": {
        "de": "die Konfigurationsdatei (mit Passwörtern)",
        "en": "the configuration file (with its passwords)",
    },
    "backup.omitted.archive_folder": {
        "de": "die Kopien im Archivordner (die Dokumente selbst sind in der Datenbank)",
        "en": "the copies in the archive folder (the documents themselves are in the database)",
    },
    "backup.omitted.maildir": {
        "de": "zugestellte Mails in Maildir-Ordnern",
        "en": "mail delivered to Maildir folders",
    },
    "backup.restored": {
        "de": "Wiederhergestellt in {url} aus der Sicherung vom {at} (Schema {revision}).",
        "en": "Restored into {url} from the backup of {at} (schema {revision}).",
    },
    "backup.restored_same": {
        "de": "  Geprüft: {tables:Tabelle|Tabellen} mit {rows:Datensatz|Datensätzen} und "
        "{documents:Dokument|Dokumente} gleichen der Sicherung.",
        "en": "  Checked: {tables:table|tables} with {rows:record|records} and "
        "{documents:document|documents} match the backup.",
    },
    "backup.restored_differs": {
        "de": "  Abweichung von der Sicherung ({count}):",
        "en": "  Differs from the backup ({count}):",
    },
    "backup.key_written": {
        "de": "  Schlüsseldatei des Prüfpfads aus der Sicherung geschrieben: {path}.",
        "en": "  Audit key file written from the backup: {path}.",
    },
    "backup.key_present": {
        "de": "  Schlüssel des Prüfpfads: in {path}.",
        "en": "  Audit keys: in {path}.",
    },
    "backup.upgrade_needed": {
        "de": "  Die Sicherung hat einen älteren Schemastand: als Nächstes gremium db upgrade.",
        "en": "  The backup has an older schema: run gremium db upgrade next.",
    },
    "backup.not_restored": {
        "de": "  Nicht in der Sicherung, bitte selbst einrichten: die Konfigurationsdatei, "
        "Maildir-Ordner; der Archivordner füllt sich mit gremium minutes export.",
        "en": "  Not in the backup, please set up yourself: the configuration file, Maildir "
        "folders; the archive folder is filled again with gremium minutes export.",
    },
}
