"""Messages of `gremium person export|erase` (personal data, retention)."""

MESSAGES = {
    "personal_data.not_permitted": {
        "de": "{action} ist der Administration der Installation vorbehalten "
        "(die eigenen Daten darf jede Person exportieren).",
        "en": "{action} is reserved for the installation administrator "
        "(anyone may export their own data).",
    },
    "personal_data.already_erased": {
        "de": "Die Daten dieser Person wurden schon am {on} gelöscht.",
        "en": "This person's data was erased already on {on}.",
    },
    "personal_data.erased": {
        "de": "Personenbezogene Daten von Person {id} gelöscht: E-Mail-Adresse, Funktion, "
        "{roles} Rolle(n) beendet, {messages} Nachricht(en) geleert.",
        "en": "Personal data of person {id} erased: e-mail address, function, {roles} role(s) "
        "ended, {messages} message(s) purged.",
    },
    "personal_data.name_anonymised": {
        "de": "Der Name wurde anonymisiert: keine Aufbewahrungspflicht hält ihn.",
        "en": "The name was anonymised: no retention duty holds it.",
    },
    "personal_data.name_kept": {
        "de": "Der Name bleibt, solange eine Aufbewahrungsfrist läuft (Einstellungen [retention]):",
        "en": "The name is kept while a retention period runs (settings [retention]):",
    },
    "personal_data.kept.signature": {
        "de": "  Unterschrift unter {ref} – aufzubewahren {until}",
        "en": "  signature on {ref} – to be kept {until}",
    },
    "personal_data.kept.accession_declaration": {
        "de": "  Beitrittserklärung {ref} – aufzubewahren {until}",
        "en": "  accession declaration {ref} – to be kept {until}",
    },
    "personal_data.kept.minutes": {
        "de": "  Protokoll der Sitzung {ref} (Anwesenheit, Einwendungen, Vorschläge) – "
        "aufzubewahren {until}",
        "en": "  minutes of the meeting {ref} (attendance, objections, proposals) – to be kept "
        "{until}",
    },
    "personal_data.until": {"de": "bis {date}", "en": "until {date}"},
    "personal_data.until_open": {
        "de": "solange die Fassung gilt, danach die Frist",
        "en": "while the version is in force, then the period",
    },
    "personal_data.audit_clean": {
        "de": "Prüfpfad: unverändert; seine Einträge nennen Personen nur mit Nummer.",
        "en": "Audit trail: unchanged; its records refer to people by number only.",
    },
    "personal_data.audit_legacy": {
        "de": "Prüfpfad: {count} Einträge aus der Zeit vor Version 0005 enthalten die Adresse "
        "noch; sie bleiben, weil jede Änderung die Kette bräche.",
        "en": "Audit trail: {count} records from before version 0005 still hold the address; "
        "they stay, as any change would break the chain.",
    },
    "personal_data.last_admin": {
        "de": "Das ist die einzige Administration der Installation; ohne sie ließe sich "
        "nichts mehr verwalten. Erst eine weitere Administration einrichten, dann löschen.",
        "en": "This is the installation's only administrator; without them nothing could be "
        "administered any more. Set up another administrator first, then erase.",
    },
}
