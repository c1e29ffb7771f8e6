MESSAGES = {
    "error.not_found": {
        "de": "{kind} „{ref}“ gibt es nicht.{hint}",
        "en": "There is no {kind} “{ref}”.{hint}",
    },
    "error.email": {
        "de": "„{value}“ ist keine E-Mail-Adresse (erwartet: name@beispiel.de).",
        "en": "“{value}” is not an e-mail address (expected: name@example.org).",
    },
    "error.date": {
        "de": "„{value}“ ist kein Datum (erwartet: JJJJ-MM-TT, z. B. 2026-03-11).",
        "en": "“{value}” is not a date (expected: YYYY-MM-DD, e.g. 2026-03-11).",
    },
    "error.datetime": {
        "de": "„{value}“ ist kein Zeitpunkt (erwartet: JJJJ-MM-TT HH:MM, z. B. 2026-03-11 10:00).",
        "en": "“{value}” is not a point in time (expected: YYYY-MM-DD HH:MM, e.g. 2026-03-11 10:00).",
    },
    "error.choice": {
        "de": "{what}: „{value}“ ist nicht erlaubt; erlaubt: {allowed}.",
        "en": "{what}: “{value}” is not allowed; allowed: {allowed}.",
    },
    "error.text": {
        "de": "{what}: bitte eine Zeile Text mit 1 bis {max} Zeichen angeben.",
        "en": "{what}: please give one line of text of 1 to {max} characters.",
    },
    "error.already_member": {
        "de": "{organisation} ist bereits Mitglied im Gremium „{committee}“.",
        "en": "{organisation} is already a member of the committee “{committee}”.",
    },
    "error.voting_role": {
        "de": "Ein(e) {role} hat kein Stimmrecht; Stimmrecht haben nur Vorsitz und Mitglieder.",
        "en": "An {role} has no vote; only the chair and members vote.",
    },
    "error.language": {
        "de": "Sprache „{value}“ gibt es nicht; erlaubt: {allowed}.",
        "en": "There is no language “{value}”; allowed: {allowed}.",
    },
    "error.duplicate": {
        "de": "{kind} „{ref}“ gibt es schon.",
        "en": "{kind} “{ref}” exists already.",
    },
    "error.rules": {
        "de": "Geschäftsordnung: {problem}",
        "en": "Rules of procedure: {problem}",
    },
    "error.transition_not_allowed": {
        "de": "„{trigger}“ ist im Zustand „{state}“ nicht möglich. Jetzt möglich: {allowed}.",
        "en": "“{trigger}” is not possible in state “{state}”. Possible now: {allowed}.",
    },
    "error.guard_failed": {
        "de": "„{trigger}“ ist jetzt nicht möglich: {conditions}.",
        "en": "“{trigger}” is not possible now: {conditions}.",
    },
    "error.nothing_allowed": {"de": "nichts (Endzustand)", "en": "nothing (final state)"},
    "error.concurrent_change": {
        "de": "{kind} {ref} wurde inzwischen von jemand anderem geändert; "
        "bitte neu laden und noch einmal versuchen. Nichts wurde geändert.",
        "en": "{kind} {ref} was changed by someone else in the meantime; "
        "please reload and try again. Nothing was changed.",
    },
    "error.database": {
        "de": "Die Datenbank „{url}“ lässt sich nicht öffnen: {problem}",
        "en": "The database “{url}” cannot be opened: {problem}",
    },
    "error.database_not_initialised": {
        "de": "Die Datenbank „{url}“ ist nicht eingerichtet (Schema {current}, benötigt {head}). "
        "Bitte zuerst „gremium init“ oder „gremium db upgrade“ ausführen.",
        "en": "The database “{url}” is not set up (schema {current}, needed {head}). "
        "Please run “gremium init” or “gremium db upgrade” first.",
    },
    "error.not_permitted": {
        "de": "{actor} darf „{action}“ nicht ausführen: {reason}",
        "en": "{actor} may not “{action}”: {reason}",
    },
    "error.no_actor": {
        "de": "Wer handelt? Bitte mit --as E-MAIL angeben (oder default_actor in der Konfiguration setzen).",
        "en": "Who is acting? Please give --as EMAIL (or set default_actor in the configuration).",
    },
    "error.workflow_definition": {
        "de": "Workflow-Definition {file}: {entry}: {problem}",
        "en": "Workflow definition {file}: {entry}: {problem}",
    },
    "error.config": {
        "de": "Konfiguration {file}: {problem}",
        "en": "Configuration {file}: {problem}",
    },
    "error.clock_backwards": {
        "de": "Die simulierte Uhr steht auf {now} und kann nicht auf {until} zurückgestellt werden.",
        "en": "The simulated clock is at {now} and cannot go back to {until}.",
    },
    "error.system_clock": {
        "de": '„tick“ braucht die simulierte Uhr (clock = "simulated" oder GREMIUM_CLOCK=simulated); '
        "mit der Systemuhr feuert „gremium run“ die Zeitgeber.",
        "en": '“tick” needs the simulated clock (clock = "simulated" or GREMIUM_CLOCK=simulated); '
        "on the system clock “gremium run” fires the timers.",
    },
    "role.admin": {"de": "Administration", "en": "administrator"},
    "action.committee.create": {"de": "Gremium anlegen", "en": "create a committee"},
    "action.committee.edit": {"de": "Gremium ändern", "en": "edit the committee"},
    "action.committee.rules": {
        "de": "Geschäftsordnung ändern",
        "en": "change the rules of procedure",
    },
    "action.membership.edit": {"de": "Mitgliedschaften pflegen", "en": "edit memberships"},
    "action.directory.edit": {
        "de": "Organisationen und Personen pflegen",
        "en": "edit organisations and people",
    },
    "action.committee.read": {"de": "Gremium ansehen", "en": "view the committee"},
    "action.agreement.draft": {"de": "Vereinbarung entwerfen", "en": "draft the agreement"},
    "action.agreement.open": {
        "de": "Vereinbarung zur Unterzeichnung öffnen",
        "en": "open the agreement for signature",
    },
    "action.agreement.sign_own": {"de": "Vereinbarung unterzeichnen", "en": "sign the agreement"},
    "action.agreement.record_signature": {
        "de": "Unterschriften erfassen",
        "en": "record signatures",
    },
    "action.agreement.terminate": {"de": "Vereinbarung beenden", "en": "terminate the agreement"},
    "action.agreement.remind": {"de": "an die Unterzeichnung erinnern", "en": "remind to sign"},
    "action.accession.review": {
        "de": "Beitrittsantrag prüfen",
        "en": "review an accession application",
    },
    "action.accession.schedule": {
        "de": "Beitrittsantrag auf die Tagesordnung setzen",
        "en": "put an accession on the agenda",
    },
    "action.accession.decide": {
        "de": "über einen Beitritt entscheiden",
        "en": "decide on an accession",
    },
    "action.accession.record_declaration": {
        "de": "Beitrittserklärung erfassen",
        "en": "record an accession declaration",
    },
    "action.membership.give_notice_own": {
        "de": "den Austritt erklären",
        "en": "give notice of withdrawal",
    },
    "action.membership.record_notice": {
        "de": "einen Austritt erfassen",
        "en": "record a withdrawal",
    },
    "role.chair": {"de": "Vorsitz", "en": "chair"},
    "role.member": {"de": "Mitglied", "en": "member"},
    "role.advisory": {"de": "beratendes Mitglied", "en": "advisory member"},
    "role.guest": {"de": "Gast", "en": "guest"},
    "role.secretariat": {"de": "Geschäftsstelle", "en": "secretariat"},
    "role.representative": {"de": "Vertretung", "en": "representative"},
    "role.deputy": {"de": "Stellvertretung", "en": "deputy"},
    "kind.organisation": {"de": "Organisation", "en": "organisation"},
    "kind.person": {"de": "Person", "en": "person"},
    "kind.committee": {"de": "Gremium", "en": "committee"},
    "kind.membership": {"de": "Mitgliedschaft", "en": "membership"},
    "kind.agreement": {"de": "Kooperationsvereinbarung", "en": "cooperation agreement"},
    "kind.agreement_version": {"de": "Fassung der Vereinbarung", "en": "agreement version"},
    "kind.accession": {"de": "Beitrittsantrag", "en": "accession application"},
    "kind.workflow": {"de": "Workflow", "en": "workflow"},
    "kind.timer": {"de": "Zeitgeber", "en": "timer"},
    "orgkind.public_body": {"de": "öffentliche Stelle", "en": "public body"},
    "orgkind.association": {"de": "eingetragener Verein", "en": "registered association"},
    "orgkind.non_profit_company": {"de": "gemeinnützige Gesellschaft", "en": "non-profit company"},
    "orgkind.umbrella_association": {"de": "Dachverband", "en": "umbrella association"},
    "permission.only_roles": {
        "de": "nur {roles} des Gremiums „{committee}“ darf das.",
        "en": "only the {roles} of the committee “{committee}” may do this.",
    },
    "permission.own_organisation": {
        "de": "{person} kann nur für die eigene Organisation handeln ({own}), nicht für {other}.",
        "en": "{person} can act only for their own organisation ({own}), not for {other}.",
    },
    "permission.system": {"de": "System (Zeitgeber)", "en": "system (timer)"},
}
