"""The command line's own messages (German default, English with --lang en)."""

MESSAGES = {
    # --- general ---
    "cli.yes": {"de": "ja", "en": "yes"},
    "cli.no": {"de": "nein", "en": "no"},
    "cli.none": {"de": "keine", "en": "none"},
    "hint.known": {"de": " Bekannt: {names}.", "en": " Known: {names}."},
    # --- which committee a command is about (reads/committees.py) ---
    "error.committee.which": {
        "de": "Welches Gremium? Es gibt mehrere: {names}. Nennen Sie es mit --committee "
        "(z. B. --committee {first}) oder legen Sie einen Standard fest: "
        '[cli] committee = "{first}" in der Konfigurationsdatei (gremium.toml) '
        "oder GREMIUM_COMMITTEE={first}.",
        "en": "Which committee? There are several: {names}. Name one with --committee "
        '(e.g. --committee {first}) or set a default: [cli] committee = "{first}" in the '
        "configuration file (gremium.toml) or GREMIUM_COMMITTEE={first}.",
    },
    "error.committee.none": {
        "de": "Es gibt noch kein Gremium: „gremium committee add“ legt eines an "
        "(oder „gremium init --example treptow-koepenick“ das Beispiel).",
        "en": "There is no committee yet: “gremium committee add” creates one "
        "(or “gremium init --example treptow-koepenick” the example).",
    },
    "error.committee.default_unknown": {
        "de": "Das Standardgremium „{ref}“ aus {where} gibt es nicht. Bekannt: {names}. "
        "Ändern Sie die Einstellung oder nennen Sie das Gremium mit --committee.",
        "en": "The default committee “{ref}” from {where} does not exist. Known: {names}. "
        "Change the setting or name the committee with --committee.",
    },
    "cli.limit": {
        "de": "--limit: „{value}“ ist nicht erlaubt; erlaubt: eine ganze Zahl ab 1.",
        "en": "--limit: “{value}” is not allowed; allowed: a whole number from 1.",
    },
    # --- init and schema ---
    "cli.db.created": {
        "de": "Datenbank {url} eingerichtet (Schema {revision}).",
        "en": "Database {url} set up (schema {revision}).",
    },
    "cli.db.upgraded": {
        "de": "Datenbank {url} aktualisiert (Schema {revision}).",
        "en": "Database {url} upgraded (schema {revision}).",
    },
    "cli.db.current": {
        "de": "Datenbank {url} ist auf dem neuesten Stand (Schema {revision}).",
        "en": "Database {url} is up to date (schema {revision}).",
    },
    "cli.db.status_ok": {
        "de": "Datenbank {url}: Schema {current}, neuestes {head}: auf dem neuesten Stand.",
        "en": "Database {url}: schema {current}, newest {head}: up to date.",
    },
    "cli.db.status_behind": {
        "de": "Datenbank {url}: Schema {current}, neuestes {head}: bitte „gremium db upgrade“ ausführen.",
        "en": "Database {url}: schema {current}, newest {head}: please run “gremium db upgrade”.",
    },
    "cli.init.admin_name_missing": {
        "de": "--admin-email braucht auch --admin-name (Name der Administratorin).",
        "en": "--admin-email needs --admin-name too (the administrator's name).",
    },
    "cli.init.admin_email_missing": {
        "de": "--admin-name braucht auch --admin-email.",
        "en": "--admin-name needs --admin-email too.",
    },
    "cli.init.example_exists": {
        "de": "Das Beispielgremium „{committee}“ ({name}) gibt es schon; nichts wurde geändert.",
        "en": "The example committee “{committee}” ({name}) exists already; nothing was changed.",
    },
    "cli.init.person_exists": {
        "de": "Person „{email}“ gibt es schon; nichts wurde geändert.",
        "en": "Person “{email}” exists already; nothing was changed.",
    },
    "cli.init.committee_created": {
        "de": "Gremium „{name}“ ({short}) angelegt, Mitglieder:",
        "en": "Committee “{name}” ({short}) created, members:",
    },
    "cli.init.counts": {
        "de": "{organisations} Organisationen und {people} Personen angelegt.",
        "en": "{organisations} organisations and {people} people created.",
    },
    "cli.init.agreement": {
        "de": "Kooperationsvereinbarung „{title}“ angelegt (Zustand: {version_state}).",
        "en": "Cooperation agreement “{title}” created (state: {version_state}).",
    },
    "cli.init.next_example": {
        "de": "Nächste Schritte:\n"
        "  gremium committee show {short}\n"
        "  gremium member list --committee {short}\n"
        "  gremium --as {chair} agreement --help\n"
        "  gremium audit verify",
        "en": "Next steps:\n"
        "  gremium committee show {short}\n"
        "  gremium member list --committee {short}\n"
        "  gremium --as {chair} agreement --help\n"
        "  gremium audit verify",
    },
    "cli.init.next_empty": {
        "de": "Nächste Schritte: „gremium init --example treptow-koepenick“ legt das Beispielgremium an; "
        "„gremium init --admin-email E-MAIL --admin-name NAME“ die erste Administratorin.",
        "en": "Next steps: “gremium init --example treptow-koepenick” creates the example committee; "
        "“gremium init --admin-email EMAIL --admin-name NAME” the first administrator.",
    },
    "cli.init.admin_created": {
        "de": "Administratorin {email} angelegt.",
        "en": "Administrator {email} created.",
    },
    "cli.init.next_admin": {
        "de": "Nächster Schritt: gremium --as {email} committee add NAME --short KURZ --sender E-MAIL",
        "en": "Next step: gremium --as {email} committee add NAME --short SHORT --sender EMAIL",
    },
    # --- columns ---
    "cli.col.workflow": {"de": "Workflow", "en": "workflow"},
    "cli.col.entity": {"de": "Einheit", "en": "entity"},
    "cli.col.states": {"de": "Zustände", "en": "states"},
    "cli.col.triggers": {"de": "Auslöser", "en": "triggers"},
    "cli.col.timers": {"de": "Zeitgeber", "en": "timers"},
    "cli.col.timer": {"de": "Zeitgeber", "en": "timer"},
    "cli.col.file": {"de": "Datei", "en": "file"},
    "cli.col.at": {"de": "Zeit", "en": "time"},
    "cli.col.actor": {"de": "wer", "en": "who"},
    "cli.col.action": {"de": "Aktion", "en": "action"},
    "cli.col.states_change": {"de": "Zustand", "en": "state"},
    "cli.col.outcome": {"de": "Ergebnis", "en": "outcome"},
    "cli.col.due": {"de": "fällig (Berlin)", "en": "due (Berlin)"},
    "cli.col.trigger": {"de": "Auslöser", "en": "trigger"},
    "cli.col.id": {"de": "Nr.", "en": "no."},
    "cli.col.name": {"de": "Name", "en": "name"},
    "cli.col.short_name": {"de": "Kurzname", "en": "short name"},
    "cli.col.kind": {"de": "Art", "en": "kind"},
    "cli.col.email": {"de": "E-Mail", "en": "e-mail"},
    "cli.col.function": {"de": "Funktion", "en": "function"},
    "cli.col.organisation": {"de": "Organisation", "en": "organisation"},
    "cli.col.role": {"de": "Rolle", "en": "role"},
    "cli.col.voting": {"de": "Stimmrecht", "en": "vote"},
    "cli.col.representatives": {"de": "Vertretung", "en": "representatives"},
    "cli.col.deputies": {"de": "Stellvertretung", "en": "deputies"},
    "cli.col.from": {"de": "von", "en": "from"},
    "cli.col.until": {"de": "bis", "en": "until"},
    "cli.col.state": {"de": "Zustand", "en": "state"},
    "cli.col.setting": {"de": "Regel", "en": "setting"},
    "cli.col.value": {"de": "Wert", "en": "value"},
    "cli.col.meaning": {"de": "Bedeutung", "en": "meaning"},
    "cli.col.admin": {"de": "Admin", "en": "admin"},
    # --- workflows ---
    "cli.wf.title": {
        "de": "Workflow {name} (Einheit {entity}, Datei {file})",
        "en": "Workflow {name} (entity {entity}, file {file})",
    },
    "cli.wf.states": {"de": "Zustände:", "en": "States:"},
    "cli.wf.initial": {"de": "Anfang", "en": "initial"},
    "cli.wf.final": {"de": "Ende", "en": "final"},
    "cli.wf.transitions": {"de": "Übergänge:", "en": "Transitions:"},
    "cli.wf.internal": {"de": "(bleibt im Zustand)", "en": "(keeps the state)"},
    "cli.wf.conditions": {"de": "Bedingungen", "en": "conditions"},
    "cli.wf.unless": {"de": "nur wenn nicht", "en": "unless"},
    "cli.wf.effects": {"de": "Wirkungen", "en": "effects"},
    "cli.wf.timers": {"de": "Zeitgeber:", "en": "Timers:"},
    "cli.wf.none": {"de": "keine", "en": "none"},
    "cli.wf.timer": {
        "de": "{name}: im Zustand {state}, fällig {at}, löst {trigger} aus",
        "en": "{name}: in state {state}, due {at}, fires {trigger}",
    },
    "cli.wf.repeat": {"de": ", wiederholt alle {period}", "en": ", repeats every {period}"},
    # --- audit, timers, clock ---
    "cli.audit.entity_format": {
        "de": "--entity: „{value}“ ist nicht erlaubt; erwartet: TYP:NUMMER, z. B. memberships:3.",
        "en": "--entity: “{value}” is not allowed; expected: TYPE:NUMBER, e.g. memberships:3.",
    },
    "cli.audit.empty": {"de": "Keine Einträge.", "en": "No records."},
    "cli.timers.none": {"de": "Keine anstehenden Zeitgeber.", "en": "No pending timers."},
    "cli.timers.none_failed": {
        "de": "Keine gescheiterten Zeitgeber.",
        "en": "No failed timers.",
    },
    "cli.timers.retry": {
        "de": "Zeitgeber {id} ({trigger} für {entity}) ist wieder fällig und wird beim "
        "nächsten Durchgang ausgelöst.",
        "en": "Timer {id} ({trigger} for {entity}) is due again and fires at the next pass.",
    },
    "timer.status.pending": {"de": "anstehend", "en": "pending"},
    "timer.status.fired": {"de": "ausgelöst", "en": "fired"},
    "timer.status.skipped": {"de": "übersprungen", "en": "skipped"},
    "timer.status.cancelled": {"de": "aufgehoben", "en": "cancelled"},
    "timer.status.failed": {"de": "gescheitert", "en": "failed"},
    "action.timer.retry": {
        "de": "gescheiterte Zeitgeber erneut auslösen",
        "en": "fire failed timers again",
    },
    "error.timer_not_failed": {
        "de": "Zeitgeber {id} ist nicht gescheitert (Stand: {status}); erneut auslösen lässt "
        "sich nur ein gescheiterter.",
        "en": "Timer {id} has not failed (it is {status}); only a failed timer can be fired again.",
    },
    "cli.tick.fired": {
        "de": "{due}  {name}: {trigger} auf {entity} ausgelöst",
        "en": "{due}  {name}: fired {trigger} on {entity}",
    },
    "cli.tick.skipped": {
        "de": "{due}  {name}: {trigger} auf {entity} übersprungen",
        "en": "{due}  {name}: skipped {trigger} on {entity}",
    },
    "cli.tick.cancelled": {
        "de": "{due}  {name}: {trigger} auf {entity} entfallen",
        "en": "{due}  {name}: {trigger} on {entity} cancelled",
    },
    "cli.tick.failed": {
        "de": "{due}  {name}: {trigger} auf {entity} FEHLGESCHLAGEN",
        "en": "{due}  {name}: {trigger} on {entity} FAILED",
    },
    "cli.tick.done": {
        "de": "{count} Zeitgeber ausgelöst; die simulierte Uhr steht auf {now} (Berlin).",
        "en": "{count} timer(s) fired; the simulated clock is at {now} (Berlin).",
    },
    "cli.clock.simulated": {
        "de": "Simulierte Uhr: {now} (Europe/Berlin). Vorstellen mit „gremium tick --until …“.",
        "en": "Simulated clock: {now} (Europe/Berlin). Move it with “gremium tick --until …”.",
    },
    "cli.clock.system": {
        "de": "Systemuhr: {now} (Europe/Berlin).",
        "en": "System clock: {now} (Europe/Berlin).",
    },
    # --- directory ---
    "cli.org.added": {
        "de": "Organisation „{short}“ angelegt (Nr. {id}).",
        "en": "Organisation “{short}” created (no. {id}).",
    },
    "cli.org.people": {"de": "Personen:", "en": "People:"},
    "cli.org.memberships": {"de": "Mitgliedschaften:", "en": "Memberships:"},
    "cli.person.added": {"de": "Person {email} angelegt.", "en": "Person {email} created."},
    "cli.committee.added": {
        "de": "Gremium „{short}“ angelegt (Nr. {id}).",
        "en": "Committee “{short}” created (no. {id}).",
    },
    "cli.committee.members": {"de": "Mitglieder:", "en": "Members:"},
    "cli.committee.secretariat": {"de": "Geschäftsstelle: {people}", "en": "Secretariat: {people}"},
    "cli.committee.rules": {"de": "Geschäftsordnung:", "en": "Rules of procedure:"},
    "cli.rules.format": {
        "de": "--set: „{value}“ ist nicht erlaubt; erwartet: REGEL=WERT, z. B. invitation_lead_days=21.",
        "en": "--set: “{value}” is not allowed; expected: KEY=VALUE, e.g. invitation_lead_days=21.",
    },
    "cli.rules.unknown": {
        "de": "Geschäftsordnung: eine Regel „{setting}“ gibt es nicht; erlaubt: {allowed}.",
        "en": "Rules of procedure: there is no setting “{setting}”; allowed: {allowed}.",
    },
    "cli.rules.allowed_int": {"de": "eine ganze Zahl ab 0", "en": "a whole number of 0 or more"},
    "cli.rules.allowed_bool": {"de": "ja oder nein (true/false)", "en": "true or false (yes/no)"},
    "cli.rules.allowed_fraction": {
        "de": "ein Bruch über 0 und höchstens 1, z. B. 1/2",
        "en": "a fraction above 0 and at most 1, such as 1/2",
    },
    "cli.rules.changed": {
        "de": "Geschäftsordnung von „{committee}“ geändert: {keys}.",
        "en": "Rules of procedure of “{committee}” changed: {keys}.",
    },
    "cli.member.added": {
        "de": "{organisation} ist ab {starts_on} Mitglied in „{committee}“ ({role}).",
        "en": "{organisation} is a member of “{committee}” from {starts_on} ({role}).",
    },
    "cli.secretariat.added": {
        "de": "{email} gehört jetzt zur Geschäftsstelle von „{committee}“.",
        "en": "{email} now belongs to the secretariat of “{committee}”.",
    },
    # --- the settings of the rules of procedure ---
    "rule.invitation_lead_days": {
        "de": "Ladungsfrist in Tagen vor der Sitzung",
        "en": "invitation lead time, days before the meeting",
    },
    "rule.call_for_proposals_days": {
        "de": "Aufruf für TOP-Vorschläge, Tage vor der Sitzung",
        "en": "call for agenda proposals, days before the meeting",
    },
    "rule.proposal_deadline_days": {
        "de": "Schluss für TOP-Vorschläge, Tage vor der Sitzung",
        "en": "agenda proposals close, days before the meeting",
    },
    "rule.reminder_days": {
        "de": "Erinnerung, Tage vor der Sitzung",
        "en": "reminder, days before the meeting",
    },
    "rule.quorum_share": {
        "de": "Beschlussfähigkeit: Anteil der stimmberechtigten Mitglieder",
        "en": "quorum: share of the voting members",
    },
    "rule.quorum_rule": {
        "de": "Beschlussfähigkeit: mehr als (more_than) oder mindestens (at_least) dieser Anteil",
        "en": "quorum: more than (more_than) or at least (at_least) that share",
    },
    "rule.decision_majority": {
        "de": "Mehrheit für Beschlüsse (simple, two_thirds, unanimity)",
        "en": "majority for decisions (simple, two_thirds, unanimity)",
    },
    "rule.accession_majority": {
        "de": "Mehrheit für einen Beitritt",
        "en": "majority for an accession",
    },
    "rule.amendment_majority": {
        "de": "Mehrheit für eine Änderung der Vereinbarung",
        "en": "majority for amending the agreement",
    },
    "rule.abstentions_count_as_cast": {
        "de": "Enthaltungen zählen als abgegebene Stimmen",
        "en": "abstentions count as votes cast",
    },
    "rule.minutes_due_days": {
        "de": "Protokoll versenden binnen Tagen nach der Sitzung",
        "en": "minutes sent within days after the meeting",
    },
    "rule.objection_period_days": {
        "de": "Einwendungsfrist gegen das Protokoll in Tagen",
        "en": "objection period for the minutes, days",
    },
    "rule.tacit_approval": {
        "de": "Protokoll ohne Einwendung gilt als genehmigt",
        "en": "minutes without objection are approved tacitly",
    },
    "rule.withdrawal_notice_months": {
        "de": "Kündigungsfrist für den Austritt in Monaten",
        "en": "notice period for withdrawal, months",
    },
    "rule.signature_reminder_days": {
        "de": "Erinnerung an ausstehende Unterschriften alle Tage",
        "en": "reminder of pending signatures every days",
    },
    "rule.holiday_policy": {
        "de": "Sitzung an Feiertagen: skip (entfällt) oder next_working_day (nächster Werktag)",
        "en": "meeting on a public holiday: skip or next_working_day",
    },
    "rule.repeat_meeting_weeks": {
        "de": "Wiederholungssitzung bei Beschlussunfähigkeit binnen Wochen (0: nie)",
        "en": "repeat meeting when not quorate, within weeks (0: never)",
    },
    # --- mails: why a timer did not fire (codes in services/timers.py) ---
    "timer.detail.not_pending": {
        "de": "steht nicht mehr an",
        "en": "no longer pending",
    },
    "timer.detail.left_state": {
        "de": "der Vorgang ist inzwischen in einem anderen Zustand",
        "en": "the entity left the timer's state",
    },
    "timer.detail.conditions_not_met": {
        "de": "Voraussetzungen nicht erfüllt",
        "en": "conditions not met",
    },
    # --- (meetings) skipped timers and messages ---
    "cli.timers.none_skipped": {
        "de": "Keine übersprungenen Zeitgeber.",
        "en": "No skipped timers.",
    },
    "cli.timers.failed_or_skipped": {
        "de": "--failed und --skipped schließen einander aus; bitte nur eines angeben.",
        "en": "--failed and --skipped exclude each other; give only one.",
    },
    "cli.outbox.failed_or_skipped": {
        "de": "--failed und --skipped schließen einander aus; bitte nur eines angeben.",
        "en": "--failed and --skipped exclude each other; give only one.",
    },
    "cli.col.skip_reason": {"de": "Grund", "en": "reason"},
    "cli.outbox.skipped": {
        "de": "{skipped} übersprungen, weil ihr Zweck entfallen ist "
        "(Gründe: gremium outbox list --skipped).",
        "en": "{skipped} skipped because their purpose had lapsed "
        "(reasons: gremium outbox list --skipped).",
    },
    # --- (meetings) repeat meetings ---
    "rule.repeat_invitation_lead_days": {
        "de": "verkürzte Ladungsfrist einer Wiederholungssitzung in Tagen",
        "en": "shortened invitation lead time of a repeat meeting, days",
    },
    "rule.repeat_meeting_replaces_next": {
        "de": "die nächste reguläre Sitzung in der Frist wird zur Wiederholungssitzung",
        "en": "the next regular meeting within the weeks becomes the repeat meeting",
    },
}
