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
}
