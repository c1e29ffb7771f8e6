"""The web application's frame: layout, errors, signing in and out, my overview."""

from __future__ import annotations

MESSAGES = {
    # configuration ([web])
    "config.problem.unknown_web_keys": {
        "de": "unbekannte Einstellung(en) in [web]: {keys}; erlaubt: {allowed}",
        "en": "unknown setting(s) in [web]: {keys}; allowed: {allowed}",
    },
    "config.problem.web_base_url": {
        "de": "web.base_url muss eine Adresse mit http:// oder https:// und Rechnernamen sein "
        "(z. B. https://gremium.example.org), nicht „{value}“",
        "en": "web.base_url must be an address with http:// or https:// and a host name "
        "(e.g. https://gremium.example.org), not “{value}”",
    },
    "config.problem.web_table": {
        "de": "„web“ muss eine Tabelle sein ([web])",
        "en": "“web” must be a table ([web])",
    },
    # gremium web
    "web.cli.ready": {
        "de": "Weboberfläche bereit: {url} (Links in E-Mails zeigen auf {base_url})",
        "en": "Web application ready: {url} (links in mails point to {base_url})",
    },
    "web.cli.serving": {
        "de": "Gremium-Weboberfläche auf {url} mit {workers} Worker(n); Links in E-Mails zeigen "
        "auf {base_url}. Beenden mit Strg+C.",
        "en": "Gremium web application on {url} with {workers} worker(s); links in mails point "
        "to {base_url}. Stop with Ctrl+C.",
    },
    # layout
    "web.app_name": {"de": "Gremium", "en": "Gremium"},
    "web.skip_link": {"de": "Zum Inhalt springen", "en": "Skip to content"},
    "web.nav.label": {"de": "Hauptnavigation", "en": "Main navigation"},
    "web.nav.overview": {"de": "Meine Übersicht", "en": "My overview"},
    "web.signed_in_as": {"de": "Angemeldet als {name}", "en": "Signed in as {name}"},
    "web.sign_out": {"de": "Abmelden", "en": "Sign out"},
    "web.messages": {"de": "Meldungen", "en": "Messages"},
    "web.done": {"de": "Gespeichert.", "en": "Saved."},
    "web.refused": {"de": "Nicht ausgeführt", "en": "Not done"},
    "web.required": {"de": "Pflichtfeld", "en": "required"},
    "web.deadline.due": {"de": "Frist: {when}", "en": "Deadline: {when}"},
    "web.deadline.passed": {"de": "Frist abgelaufen: {when}", "en": "Deadline passed: {when}"},
    # error pages
    "web.error.title": {"de": "Fehler {status}", "en": "Error {status}"},
    "web.error.400": {
        "de": "Die Anfrage ist unvollständig oder fehlerhaft.",
        "en": "The request is incomplete or malformed.",
    },
    "web.error.csrf": {
        "de": "Das Formular wurde nicht angenommen: Sein Sicherheitsmerkmal fehlt oder ist "
        "abgelaufen. Es wurde nichts geändert. Bitte laden Sie die Seite neu und senden Sie "
        "das Formular noch einmal.",
        "en": "The form was not accepted: its security token is missing or has expired. "
        "Nothing was changed. Please reload the page and send the form again.",
    },
    "web.error.403": {
        "de": "Diese Aktion ist Ihnen nicht erlaubt.",
        "en": "You are not allowed to do this.",
    },
    "web.error.404": {
        "de": "Diese Seite gibt es nicht (oder sie ist Ihnen nicht zugänglich).",
        "en": "This page does not exist (or is not open to you).",
    },
    "web.error.405": {
        "de": "Diese Seite nimmt solche Anfragen nicht an.",
        "en": "This page does not accept this kind of request.",
    },
    "web.error.409": {
        "de": "Das wurde inzwischen geändert.",
        "en": "This was changed in the meantime.",
    },
    "web.error.422": {
        "de": "Die Eingabe wurde nicht angenommen.",
        "en": "The input was not accepted.",
    },
    "web.error.429": {
        "de": "Zu viele Anfragen. Bitte warten Sie einige Minuten.",
        "en": "Too many requests. Please wait a few minutes.",
    },
    "web.error.500": {
        "de": "Ein interner Fehler ist aufgetreten; es wurde nichts geändert. Der Fehler ist "
        "protokolliert. Bitte versuchen Sie es später erneut.",
        "en": "An internal error occurred; nothing was changed. The error has been logged. "
        "Please try again later.",
    },
    "web.error.back": {"de": "Zur Übersicht", "en": "To the overview"},
    # signing in
    "web.sign_in.title": {"de": "Anmelden", "en": "Sign in"},
    "web.sign_in.intro": {
        "de": "Geben Sie Ihre E-Mail-Adresse ein. Wir senden Ihnen einen Anmeldelink, der "
        "{minutes} Minuten lang gilt und einmal benutzt werden kann. Ein Passwort "
        "brauchen Sie nicht.",
        "en": "Enter your e-mail address. We will send you a sign-in link that is valid for "
        "{minutes} minutes and can be used once. You do not need a password.",
    },
    "web.sign_in.email": {"de": "E-Mail-Adresse", "en": "E-mail address"},
    "web.sign_in.send": {"de": "Anmeldelink senden", "en": "Send sign-in link"},
    "web.sign_in.limits": {
        "de": "Je Adresse können höchstens {per_address} Links und je Gerät höchstens "
        "{per_client} in {minutes} Minuten angefordert werden.",
        "en": "At most {per_address} links per address and {per_client} per device can be "
        "requested within {minutes} minutes.",
    },
    "web.sign_in.sent": {
        "de": "Wenn die Adresse {email} zu einer Person in einem Gremium gehört, ist ein "
        "Anmeldelink unterwegs. Er gilt {minutes} Minuten. Bitte sehen Sie in Ihr Postfach.",
        "en": "If the address {email} belongs to a person in a committee, a sign-in link is on "
        "its way. It is valid for {minutes} minutes. Please check your inbox.",
    },
    "web.sign_in.too_many": {
        "de": "Zu viele Anmeldelinks angefordert: höchstens {per_address} je Adresse und "
        "{per_client} je Gerät in {minutes} Minuten. Bitte warten Sie und versuchen Sie es "
        "dann erneut.",
        "en": "Too many sign-in links requested: at most {per_address} per address and "
        "{per_client} per device within {minutes} minutes. Please wait and try again.",
    },
    "web.sign_in.link_title": {"de": "Anmeldung bestätigen", "en": "Confirm sign-in"},
    "web.sign_in.link_intro": {
        "de": "Sie melden sich als {name} an.",
        "en": "You are signing in as {name}.",
    },
    "web.sign_in.link_button": {"de": "Jetzt anmelden", "en": "Sign in now"},
    "web.sign_in.link_unknown": {
        "de": "Dieser Anmeldelink ist ungültig. Bitte fordern Sie einen neuen an.",
        "en": "This sign-in link is not valid. Please request a new one.",
    },
    "web.sign_in.link_used": {
        "de": "Dieser Anmeldelink wurde schon benutzt; jeder Link gilt nur einmal. Bitte "
        "fordern Sie einen neuen an.",
        "en": "This sign-in link has been used already; each link works once. Please request "
        "a new one.",
    },
    "web.sign_in.link_expired": {
        "de": "Dieser Anmeldelink ist abgelaufen (er galt {minutes} Minuten). Bitte fordern "
        "Sie einen neuen an.",
        "en": "This sign-in link has expired (it was valid for {minutes} minutes). Please "
        "request a new one.",
    },
    "web.sign_in.no_role": {
        "de": "Mit diesem Anmeldelink ist keine Anmeldung mehr möglich: Die Person hat in "
        "keinem Gremium mehr eine Aufgabe.",
        "en": "This sign-in link can no longer be used: the person no longer has a role in "
        "any committee.",
    },
    "web.sign_in.only_simulated": {
        "de": "Die Anmeldung ohne E-Mail gibt es nur auf der simulierten Uhr (Probebetrieb).",
        "en": "Signing in without an e-mail is only possible on the simulated clock (rehearsal).",
    },
    "web.sign_in.people": {
        "de": "Probebetrieb (simulierte Uhr): anmelden als",
        "en": "Rehearsal (simulated clock): sign in as",
    },
    "web.sign_in.as": {"de": "Als {name} anmelden", "en": "Sign in as {name}"},
    "web.sign_in.welcome": {"de": "Willkommen, {name}.", "en": "Welcome, {name}."},
    "web.sign_out.done": {"de": "Sie sind abgemeldet.", "en": "You are signed out."},
    "web.sign_in.required": {
        "de": "Bitte melden Sie sich an, um diese Seite zu sehen.",
        "en": "Please sign in to see this page.",
    },
    # my overview (placeholder until the committee pages)
    "web.overview.title": {"de": "Meine Übersicht", "en": "My overview"},
    "web.overview.committees": {"de": "Meine Gremien", "en": "My committees"},
    "web.overview.none": {
        "de": "Sie haben zurzeit in keinem Gremium eine Aufgabe.",
        "en": "You have no role in any committee at present.",
    },
    "web.overview.name": {"de": "Gremium", "en": "Committee"},
    "web.overview.roles": {"de": "Meine Rolle", "en": "My role"},
}
