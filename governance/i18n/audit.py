MESSAGES = {
    "audit.problem.edited": {
        "de": "Eintrag Nr. {seq} (id {id}) wurde nachträglich verändert.",
        "en": "Record no. {seq} (id {id}) was altered after it was written.",
    },
    "audit.problem.missing": {
        "de": "Eintrag Nr. {seq} fehlt (gelöscht); die Kette springt bei id {id}.",
        "en": "Record no. {seq} is missing (deleted); the chain jumps at id {id}.",
    },
    "audit.problem.reordered": {
        "de": "Eintrag Nr. {seq} (id {id}) steht nicht an seiner Stelle (umsortiert).",
        "en": "Record no. {seq} (id {id}) is out of place (reordered).",
    },
    "audit.problem.head_mismatch": {
        "de": "Das Ende der Kette passt nicht zum letzten Eintrag (Nr. {seq}): "
        "am Ende wurde gelöscht oder verändert.",
        "en": "The end of the chain does not match the last record (no. {seq}): "
        "records at the end were deleted or altered.",
    },
    "audit.verify.ok": {
        "de": "Prüfpfad unversehrt: {count} Einträge geprüft.",
        "en": "Audit trail intact: {count} records checked.",
    },
    "audit.verify.broken": {
        "de": "Prüfpfad beschädigt: {count} Einträge geprüft, {problems} Befund(e):",
        "en": "Audit trail broken: {count} records checked, {problems} finding(s):",
    },
    # --- keyed chain, digests of protected rows, witnesses (issue 11) ---
    "audit.problem.unkeyed": {
        "de": "Eintrag Nr. {seq} (id {id}) ist nicht mit dem Schlüssel der Kette gesichert, "
        "obwohl die Kette schon verschlüsselt fortgeführt wurde: ohne Schlüssel geschrieben.",
        "en": "Record no. {seq} (id {id}) is not sealed with the chain's key although the "
        "chain was keyed before it: written without the key.",
    },
    "audit.problem.key_unknown": {
        "de": "Ab Eintrag Nr. {seq} ist die Kette mit dem Schlüssel {key_id} gesichert, der in "
        "der Schlüsseldatei {path} fehlt: diese Einträge sind nicht prüfbar.",
        "en": "From record no. {seq} on the chain is sealed with key {key_id}, which the key "
        "file {path} does not hold: those records cannot be checked.",
    },
    "audit.problem.truncated": {
        "de": "Zeuge {source} kennt Eintrag Nr. {seq}, die Kette endet aber bei Nr. {last}: "
        "ihr Ende wurde abgeschnitten.",
        "en": "Witness {source} holds record no. {seq}, but the chain ends at no. {last}: "
        "its end was cut off.",
    },
    "audit.problem.witness_mismatch": {
        "de": "Zeuge {source}: Eintrag Nr. {seq} hat einen anderen Hash als bezeugt: "
        "die Kette wurde neu geschrieben.",
        "en": "Witness {source}: record no. {seq} has another hash than witnessed: "
        "the chain was rewritten.",
    },
    "audit.entity.changed": {
        "de": "{entity} {id}: Inhalt weicht vom geprüften Stand ab (zuletzt in Eintrag Nr. "
        "{seq}) – an Gremium vorbei verändert.",
        "en": "{entity} {id}: content differs from its audited state (last in record no. "
        "{seq}) – changed behind Gremium's back.",
    },
    "audit.entity.unrecorded": {
        "de": "{entity} {id}: kein Eintrag im Prüfpfad belegt diesen Datensatz – an Gremium "
        "vorbei angelegt, oder sein Eintrag wurde entfernt.",
        "en": "{entity} {id}: no record in the audit trail vouches for this row – created "
        "behind Gremium's back, or its record was removed.",
    },
    "audit.entity.deleted": {
        "de": "{entity} {id}: fehlt, laut Eintrag Nr. {seq} vorhanden – an Gremium vorbei "
        "gelöscht.",
        "en": "{entity} {id}: missing, present according to record no. {seq} – deleted "
        "behind Gremium's back.",
    },
    "audit.verify.ok_full": {
        "de": "Prüfpfad unversehrt: {count} Einträge, {entities} geschützte Datensätze und "
        "{witnesses} Zeugen geprüft.",
        "en": "Audit trail intact: {count} records, {entities} protected rows and "
        "{witnesses} witnesses checked.",
    },
    "audit.key.missing": {
        "de": "Der Schlüssel {key_id} des Prüfpfads fehlt (Schlüsseldatei {path}): ohne ihn "
        "wird nichts geschrieben. Stellen Sie die Datei aus der Sicherung wieder her "
        "(Einstellung audit_key_file).",
        "en": "The audit trail's key {key_id} is missing (key file {path}): nothing is written "
        "without it. Restore the file from your backup (setting audit_key_file).",
    },
    "audit.key.unreadable": {
        "de": "Schlüsseldatei des Prüfpfads {path} ist nicht lesbar: {problem}.",
        "en": "The audit trail's key file {path} cannot be read: {problem}.",
    },
    "audit.key.permissions": {
        "de": "Schlüsseldatei des Prüfpfads {path} ist für andere lesbar (Modus {mode}); "
        "erlaubt ist nur der Eigentümer: chmod 600 {path}.",
        "en": "The audit trail's key file {path} is readable by others (mode {mode}); only "
        "its owner may read it: chmod 600 {path}.",
    },
    "audit.key.exists": {
        "de": "Schlüsseldatei {path} besteht schon; sie wird nicht überschrieben.",
        "en": "Key file {path} exists already; it is not overwritten.",
    },
    "audit.key.lost": {
        "de": "Die Kette ist mit Schlüssel {key_id} gesichert, die Schlüsseldatei {path} fehlt. "
        "Ein neuer Schlüssel wird nicht angelegt: Stellen Sie die Datei aus der Sicherung "
        "wieder her.",
        "en": "The chain is sealed with key {key_id} but the key file {path} is missing. No new "
        "key is made: restore the file from your backup.",
    },
    "audit.key.created": {
        "de": "Schlüssel des Prüfpfads angelegt: {path} (nur für den Eigentümer lesbar; "
        "sichern Sie ihn getrennt von der Datenbank).",
        "en": "Audit trail key created: {path} (readable by its owner only; back it up apart "
        "from the database).",
    },
    "audit.key.sealed": {
        "de": "Prüfpfad mit Schlüssel {key_id} versiegelt (Eintrag Nr. {seq}; {rows} geschützte "
        "Datensätze erstmals erfasst).",
        "en": "Audit trail sealed with key {key_id} (record no. {seq}; {rows} protected rows "
        "put on record).",
    },
    "audit.key.rotated": {
        "de": "Neuer Schlüssel {key_id} in {path}; der Wechsel ist Eintrag Nr. {seq}. Die alten "
        "Schlüssel bleiben in der Datei, damit ältere Einträge prüfbar bleiben.",
        "en": "New key {key_id} in {path}; the switch is record no. {seq}. The old keys stay in "
        "the file so older records can still be checked.",
    },
    "audit.key.not_keyed": {
        "de": "Der Prüfpfad ist noch nicht verschlüsselt: erst gremium db upgrade ausführen.",
        "en": "The audit trail is not keyed yet: run gremium db upgrade first.",
    },
    "audit.witness.not_found": {
        "de": "Zeugen-Quelle {path} gibt es nicht (erlaubt: ein Maildir-Ordner oder eine "
        'Datei mit Zeilen "Nummer Hash").',
        "en": "Witness source {path} does not exist (allowed: a Maildir folder or a file of "
        '"position hash" lines).',
    },
    "audit.witness.unreadable": {
        "de": "Zeugen-Datei {path} ist nicht lesbar: {problem}.",
        "en": "Witness file {path} cannot be read: {problem}.",
    },
    "audit.witness.bad_line": {
        "de": 'Zeugen-Datei {path}, Zeile {line}: erwartet "Nummer Hash" (Hash: 64 '
        "Hexadezimalziffern).",
        "en": 'Witness file {path}, line {line}: expected "position hash" (hash: 64 hex digits).',
    },
    "audit.admin_only": {
        "de": "Nur die Administration der Installation darf {action} ausführen.",
        "en": "Only the installation administrator may run {action}.",
    },
    "audit.kind.decisions": {"de": "Beschluss", "en": "decision"},
    "audit.kind.votes": {"de": "Abstimmung", "en": "vote"},
    "audit.kind.ballots": {"de": "Stimme", "en": "ballot"},
    "audit.kind.signatures": {"de": "Unterschrift", "en": "signature"},
    "audit.kind.accession_declarations": {
        "de": "Beitrittserklärung",
        "en": "accession declaration",
    },
    "audit.kind.agreement_versions": {"de": "Fassung der Vereinbarung", "en": "agreement version"},
    "audit.kind.minutes": {"de": "Protokoll", "en": "minutes"},
    "audit.kind.agenda_items": {"de": "TOP (Protokolltext)", "en": "agenda item (minutes text)"},
    "audit.kind.memberships": {"de": "Mitgliedschaft", "en": "membership"},
    "audit.problem.not_keyed": {
        "de": "Keiner der {seq} Einträge ist mit dem Schlüssel aus {path} gesichert: die Kette "
        "wurde ohne Schlüssel neu geschrieben oder auf ihren Anfang vor der Verschlüsselung "
        "gekürzt.",
        "en": "None of the {seq} records is sealed with the key from {path}: the chain was "
        "rewritten without the key or cut back to its beginning before keying.",
    },
}
