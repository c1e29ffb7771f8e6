"""Messages of the agreement signing (Kooperationsvereinbarung)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # guards of workflows/agreement.yaml
    "guard.all_parties_signed": {
        "de": "noch nicht alle Vertragsparteien haben unterschrieben",
        "en": "not all parties have signed yet",
    },
    "guard.not.all_parties_signed": {
        "de": "alle Vertragsparteien haben bereits unterschrieben",
        "en": "all parties have signed already",
    },
    "guard.effective_date_reached": {
        "de": "das Datum des Inkrafttretens ist noch nicht erreicht",
        "en": "the effective date has not come yet",
    },
    "guard.not.effective_date_reached": {
        "de": "das Datum des Inkrafttretens ist bereits erreicht",
        "en": "the effective date has come already",
    },
    # states, for messages that name one
    "agreement.state.draft": {"de": "Entwurf", "en": "draft"},
    "agreement.state.open_for_signature": {
        "de": "zur Unterzeichnung offen",
        "en": "open for signature",
    },
    "agreement.state.in_force": {"de": "in Kraft", "en": "in force"},
    "agreement.state.superseded": {"de": "abgelöst", "en": "superseded"},
    "agreement.state.terminated": {"de": "beendet", "en": "terminated"},
    # errors
    "agreement.error.ref": {
        "de": "„{value}“ bezeichnet keine Fassung der Vereinbarung "
        "(erwartet: Nummer der Fassung, z. B. 2, oder VEREINBARUNG/FASSUNG, z. B. 1/2).",
        "en": "“{value}” does not name an agreement version "
        "(expected: the version's id, e.g. 2, or AGREEMENT/VERSION, e.g. 1/2).",
    },
    "agreement.error.text": {
        "de": "Der Text der Vereinbarung darf nicht leer sein und höchstens {max} Zeichen haben.",
        "en": "The agreement's text must not be empty and may have at most {max} characters.",
    },
    "agreement.error.hash_format": {
        "de": "„{value}“ ist kein SHA-256-Hashwert (erwartet: 64 Hexadezimalzeichen, "
        "siehe „gremium agreement text ID“).",
        "en": "“{value}” is not a SHA-256 hash (expected: 64 hexadecimal characters, "
        "see “gremium agreement text ID”).",
    },
    "agreement.error.stale_hash": {
        "de": "Eine Unterschrift für eine andere Fassung wird abgelehnt: unterschrieben wurde "
        "Text {given}…, zur Unterzeichnung offen ist Fassung {ref} mit Text {expected}….",
        "en": "A signature for another version is refused: the text signed is {given}…, "
        "the version open for signature is {ref} with text {expected}….",
    },
    "agreement.error.not_a_party": {
        "de": "{organisation} ist keine Vertragspartei der Fassung {ref} und kann sie nicht "
        "unterzeichnen (neue Partner:innen treten per Beitrittserklärung bei).",
        "en": "{organisation} is not a party of version {ref} and cannot sign it "
        "(new partners join by an accession declaration).",
    },
    "agreement.error.already_signed": {
        "de": "{organisation} hat diese Fassung bereits unterschrieben ({signatory}, {signed_on}); "
        "eine zweite Unterschrift wird abgelehnt.",
        "en": "{organisation} has signed this version already ({signatory}, {signed_on}); "
        "a second signature is refused.",
    },
    "agreement.error.signatory": {
        "de": "{person} handelt nicht für {organisation} und kann nicht für sie unterschreiben.",
        "en": "{person} does not act for {organisation} and cannot sign for it.",
    },
    "agreement.error.future_date": {
        "de": "Das Datum {value} liegt in der Zukunft (heute ist {today}).",
        "en": "The date {value} is in the future (today is {today}).",
    },
    "agreement.error.no_signatures": {
        "de": "Eine Unterzeichnung braucht mindestens eine Unterschrift (--sign ORG=E-MAIL).",
        "en": "A signing ceremony needs at least one signature (--sign ORG=EMAIL).",
    },
    "agreement.error.sign_spec": {
        "de": "„{value}“: bitte als ORGANISATION=E-MAIL angeben, z. B. Rabenhaus=gf@rabenhaus.example.org.",
        "en": "“{value}”: please give ORGANISATION=EMAIL, e.g. Rabenhaus=gf@rabenhaus.example.org.",
    },
    "agreement.error.unfinished_version": {
        "de": "Fassung {ref} ist noch im Zustand „{state}“; erst unterzeichnen oder beenden, "
        "dann eine neue Fassung entwerfen.",
        "en": "Version {ref} is still “{state}”; have it signed or terminate it "
        "before drafting a new version.",
    },
    "agreement.error.terminated": {
        "de": "Die Vereinbarung „{title}“ ist beendet und kann nicht mehr geändert werden.",
        "en": "The agreement “{title}” has been terminated and can no longer be amended.",
    },
    "agreement.error.no_parties": {
        "de": "Das Gremium „{committee}“ hat keine Mitglieder, die unterzeichnen könnten.",
        "en": "The committee “{committee}” has no members who could sign.",
    },
    # notifications (outbox)
    "notification.signature_request": {
        "de": "Bitte um Unterzeichnung der Kooperationsvereinbarung",
        "en": "Please sign the cooperation agreement",
    },
    "notification.signature_reminder": {
        "de": "Erinnerung: Unterzeichnung der Kooperationsvereinbarung",
        "en": "Reminder: signing the cooperation agreement",
    },
    "notification.agreement_in_force": {
        "de": "Die Kooperationsvereinbarung ist in Kraft",
        "en": "The cooperation agreement is in force",
    },
    # CLI output
    "agreement.cli.none": {
        "de": "Keine Vereinbarung im Gremium „{committee}“.",
        "en": "No agreement in the committee “{committee}”.",
    },
    "agreement.cli.opened": {
        "de": "Fassung {ref} ist zur Unterzeichnung offen (SHA-256 {sha}); "
        "{parties} Vertragsparteien, Inkrafttreten {effective}.",
        "en": "Version {ref} is open for signature (SHA-256 {sha}); "
        "{parties} parties, entry into force {effective}.",
    },
    "agreement.cli.effective_when_signed": {
        "de": "sobald alle unterschrieben haben",
        "en": "as soon as all have signed",
    },
    "agreement.cli.effective_on": {
        "de": "frühestens am {date}",
        "en": "on {date} at the earliest",
    },
    "agreement.cli.signed": {
        "de": "{organisation} hat Fassung {ref} unterschrieben ({signatory}, {date}, {place}). "
        "Zustand: {status}; ausstehend: {pending}.",
        "en": "{organisation} signed version {ref} ({signatory}, {date}, {place}). "
        "State: {status}; pending: {pending}.",
    },
    "agreement.cli.ceremony": {
        "de": "Unterzeichnung am {date} in {place}: {count} Unterschriften erfasst. "
        "Zustand: {status}; ausstehend: {pending}.",
        "en": "Signing ceremony on {date} in {place}: {count} signatures recorded. "
        "State: {status}; pending: {pending}.",
    },
    "agreement.cli.nobody": {"de": "niemand", "en": "nobody"},
    "agreement.cli.amended": {
        "de": "Neue Fassung {ref} als Entwurf angelegt; die geltende Fassung bleibt in Kraft, "
        "bis die neue in Kraft tritt.",
        "en": "New version {ref} drafted; the version in force stays in force "
        "until the new one enters into force.",
    },
    "agreement.cli.terminated": {
        "de": "Fassung {ref} ist beendet zum {date}.",
        "en": "Version {ref} is terminated as of {date}.",
    },
    "agreement.cli.reminded": {
        "de": "Erinnerung an {count} Personen der ausstehenden Vertragsparteien vorgemerkt.",
        "en": "Reminder queued for {count} people of the pending parties.",
    },
    "agreement.cli.not_frozen": {
        "de": "(Entwurf – noch nicht zur Unterzeichnung eingefroren)",
        "en": "(draft – not frozen for signature yet)",
    },
    # --- creating the agreement, amendments decided by the committee, signing dates ---
    "action.agreement.create": {
        "de": "die Vereinbarung des Gremiums anlegen",
        "en": "create the committee's agreement",
    },
    "action.agreement.schedule": {
        "de": "eine Änderung dem Gremium zur Entscheidung vorlegen",
        "en": "put an amendment to the committee",
    },
    "agreement.state.on_agenda": {"de": "auf der Tagesordnung", "en": "on the agenda"},
    "agreement.state.adopted": {"de": "vom Gremium beschlossen", "en": "adopted by the committee"},
    "agreement.state.rejected": {"de": "vom Gremium abgelehnt", "en": "rejected by the committee"},
    "guard.no_version_in_force": {
        "de": "eine Fassung ist in Kraft: eine Änderung entscheidet erst das Gremium "
        "(„gremium agreement schedule ID“)",
        "en": "a version is in force: the committee decides an amendment first "
        "(“gremium agreement schedule ID”)",
    },
    "guard.not.no_version_in_force": {
        "de": "keine Fassung ist in Kraft",
        "en": "no version is in force",
    },
    "guard.version_in_force": {
        "de": "keine Fassung ist in Kraft: die erste Vereinbarung braucht keinen Beschluss, "
        "der Vorsitz öffnet sie zur Unterzeichnung („gremium agreement open ID“)",
        "en": "no version is in force: the first agreement needs no vote, "
        "the chair opens it for signature (“gremium agreement open ID”)",
    },
    "guard.not.version_in_force": {
        "de": "eine Fassung ist in Kraft",
        "en": "a version is in force",
    },
    "guard.amendment_vote_carried": {
        "de": "die für eine Änderung nötige Mehrheit ist nicht erreicht",
        "en": "the majority needed for an amendment is not reached",
    },
    "guard.not.amendment_vote_carried": {
        "de": "die für eine Änderung nötige Mehrheit ist erreicht",
        "en": "the majority needed for an amendment is reached",
    },
    "agreement.error.exists": {
        "de": "Das Gremium „{committee}“ hat schon eine Vereinbarung (Fassung {ref}: {state}); "
        "eine neue Fassung entsteht mit „gremium agreement amend“.",
        "en": "The committee “{committee}” has an agreement already (version {ref}: {state}); "
        "a new wording is drafted with “gremium agreement amend”.",
    },
    "agreement.error.file_missing": {
        "de": "Die Datei „{path}“ gibt es nicht (erwartet: eine Textdatei in UTF-8).",
        "en": "The file “{path}” does not exist (expected: a text file in UTF-8).",
    },
    "agreement.error.file_unreadable": {
        "de": "Die Datei „{path}“ kann nicht gelesen werden: {reason}.",
        "en": "The file “{path}” cannot be read: {reason}.",
    },
    "agreement.error.file_empty": {
        "de": "Die Datei „{path}“ ist leer; der Text der Vereinbarung darf nicht leer sein.",
        "en": "The file “{path}” is empty; the agreement's text must not be empty.",
    },
    "agreement.error.file_encoding": {
        "de": "Die Datei „{path}“ ist kein UTF-8-Text (ungültiges Byte an Stelle {at}); "
        "bitte als UTF-8 speichern.",
        "en": "The file “{path}” is not UTF-8 text (invalid byte at offset {at}); "
        "please save it as UTF-8.",
    },
    "agreement.error.file_too_long": {
        "de": "Die Datei „{path}“ ist zu lang: der Text der Vereinbarung hat höchstens {max} Zeichen.",
        "en": "The file “{path}” is too long: the agreement's text has at most {max} characters.",
    },
    "agreement.error.amendment_undecided": {
        "de": "Fassung {ref} ändert die geltende Fassung {in_force}: das Gremium muss sie erst "
        "mit {majority} beschließen; der Vorsitz legt sie mit „gremium agreement schedule {ref}“ "
        "der nächsten Sitzung vor.",
        "en": "Version {ref} amends version {in_force} in force: the committee must adopt it "
        "first by {majority}; the chair puts it on the next meeting's agenda with "
        "“gremium agreement schedule {ref}”.",
    },
    "agreement.error.amendment_on_agenda": {
        "de": "Über Fassung {ref} hat das Gremium noch nicht entschieden ({where}); "
        "zur Unterzeichnung geöffnet werden kann sie erst nach dem Beschluss.",
        "en": "The committee has not decided on version {ref} yet ({where}); "
        "it can be opened for signature only once adopted.",
    },
    "agreement.amendment.item": {
        "de": "TOP {top} der Sitzung „{meeting}“ am {day}",
        "en": "item {top} of the meeting “{meeting}” on {day}",
    },
    "agreement.amendment.no_meeting": {
        "de": "sie kommt auf die nächste Sitzung, sobald eine geplant ist",
        "en": "it goes on the next meeting as soon as one is planned",
    },
    "agreement.error.amendment_rejected": {
        "de": "Das Gremium hat Fassung {ref} abgelehnt (Beschluss {decision} vom {day}); "
        "sie kann nicht unterzeichnet werden. Eine neue Änderung entsteht mit „gremium agreement amend“.",
        "en": "The committee rejected version {ref} (decision {decision} of {day}); "
        "it cannot be signed. Draft a new amendment with “gremium agreement amend”.",
    },
    "agreement.error.before_opening": {
        "de": "Das Datum {value} liegt vor der Öffnung der Fassung {ref} zur Unterzeichnung "
        "am {opened}; erlaubt: vom {opened} bis heute.",
        "en": "The date {value} is before version {ref} was opened for signature on {opened}; "
        "allowed: from {opened} to today.",
    },
    "agreement.error.own_signature_today": {
        "de": "Wer selbst unterschreibt, unterschreibt mit dem heutigen Datum ({today}), nicht {value}; "
        "eine früher auf Papier gegebene Unterschrift erfassen Vorsitz oder Geschäftsstelle.",
        "en": "Signing yourself, you sign with today's date ({today}), not {value}; "
        "a signature given earlier on paper is recorded by the chair or the secretariat.",
    },
    "agreement.error.text_control": {
        "de": "Der Text enthält ein Steuerzeichen ({char}) in Zeile {line}; erlaubt sind "
        "Schrift, Leerzeichen, Tabulatoren, Zeilen- und Seitenumbrüche.",
        "en": "The text contains a control character ({char}) on line {line}; allowed are "
        "letters and signs, spaces, tabs, line and page breaks.",
    },
    "agreement.error.terminate_too_early": {
        "de": "Fassung {ref} kann nicht zum {value} beendet werden, vor ihrem Beginn am {earliest}; "
        "erlaubt: vom {earliest} bis heute.",
        "en": "Version {ref} cannot end on {value}, before it began on {earliest}; "
        "allowed: from {earliest} to today.",
    },
    "agreement.cli.created": {
        "de": "Vereinbarung „{title}“ als Fassung {ref} (Nr. {id}, {chars} Zeichen) im Entwurf "
        "angelegt. Der Vorsitz öffnet sie zur Unterzeichnung: „gremium agreement open {ref}“.",
        "en": "Agreement “{title}” created as draft version {ref} (id {id}, {chars} characters). "
        "The chair opens it for signature: “gremium agreement open {ref}”.",
    },
    "agreement.cli.amended_decide": {
        "de": "Neue Fassung {ref} als Entwurf angelegt; die geltende Fassung bleibt in Kraft. "
        "Das Gremium entscheidet über die Änderung: „gremium agreement schedule {ref}“.",
        "en": "New version {ref} drafted; the version in force stays in force. "
        "The committee decides the amendment: “gremium agreement schedule {ref}”.",
    },
    "agreement.cli.scheduled": {
        "de": "Fassung {ref} liegt dem Gremium zur Entscheidung vor ({majority}): {where}.",
        "en": "Version {ref} is put to the committee for decision ({majority}): {where}.",
    },
    "agreement.cli.recorded_later": {
        "de": "nachträglich erfasst am {at} von {by}",
        "en": "recorded later on {at} by {by}",
    },
    "agreement.cli.decision": {
        "de": "Beschluss des Gremiums: {decision} vom {day} (ja {yes}, nein {no}, Enthaltung {abstain})",
        "en": "Committee decision: {decision} of {day} (yes {yes}, no {no}, abstain {abstain})",
    },
    "agreement.cli.signed_later": {
        "de": "Vermerkt: nachträglich erfasst am {today} von {by}.",
        "en": "Noted: recorded later on {today} by {by}.",
    },
    "agreement.cli.heading_list": {
        "de": "Nr.|Fassung|Zustand|Unterschriften|in Kraft ab|beendet am|SHA-256",
        "en": "Id|Version|State|Signatures|In force from|Ended on|SHA-256",
    },
    "agreement.cli.heading_parties": {
        "de": "Vertragspartei|unterschrieben|Unterzeichner:in|Datum|Form|erfasst",
        "en": "Party|Signed|Signatory|Date|Method|Recorded",
    },
    "agreement.cli.version": {
        "de": "Fassung {ref} (Nr. {id}): {label}",
        "en": "Version {ref} (id {id}): {label}",
    },
    "agreement.cli.effective_from": {"de": "Inkrafttreten frühestens", "en": "Effective from"},
    "agreement.cli.in_force_from": {"de": "in Kraft ab", "en": "In force from"},
    "agreement.cli.ended_on": {"de": "beendet am", "en": "Ended on"},
    "agreement.cli.opened_at": {"de": "zur Unterzeichnung geöffnet", "en": "Opened for signature"},
    "agreement.cli.text_version": {"de": "Fassung {ref}", "en": "Version {ref}"},
    # --- mails: CLI words for signatures and agreement tables (German and English alike) ---
    "signature.method.ink": {"de": "eigenhändig", "en": "in ink"},
    "signature.method.scanned": {"de": "eingescannt", "en": "scanned"},
    "signature.method.electronic": {"de": "elektronisch", "en": "electronic"},
    "agreement.cli.version_line": {
        "de": "Fassung {ref} (Nr. {id}): {state}",
        "en": "Version {ref} (no. {id}): {state}",
    },
    "agreement.cli.col.id": {"de": "Nr.", "en": "No."},
    "agreement.cli.col.version": {"de": "Fassung", "en": "version"},
    "agreement.cli.col.state": {"de": "Zustand", "en": "state"},
    "agreement.cli.col.signatures": {"de": "Unterschriften", "en": "signatures"},
    "agreement.cli.col.party": {"de": "Vertragspartei", "en": "party"},
    "agreement.cli.col.signed": {"de": "unterschrieben", "en": "signed"},
    "agreement.cli.col.signatory": {"de": "Unterzeichner:in", "en": "signatory"},
    "agreement.cli.col.signed_on": {"de": "Datum", "en": "date"},
    "agreement.cli.col.method": {"de": "Form", "en": "form"},
}
