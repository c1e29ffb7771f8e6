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
    # --- mails: CLI words for signatures and agreement tables (German and English alike) ---
    "signature.method.ink": {"de": "eigenhändig", "en": "in ink"},
    "signature.method.scanned": {"de": "eingescannt", "en": "scanned"},
    "signature.method.electronic": {"de": "elektronisch", "en": "electronic"},
    "agreement.cli.version_line": {
        "de": "Fassung {ref} (Nr. {id}): {state}",
        "en": "Version {ref} (no. {id}): {state}",
    },
    "agreement.cli.effective_from": {
        "de": "Inkrafttreten frühestens",
        "en": "in force at the earliest on",
    },
    "agreement.cli.in_force_from": {"de": "in Kraft ab", "en": "in force from"},
    "agreement.cli.ended_on": {"de": "beendet am", "en": "ended on"},
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
