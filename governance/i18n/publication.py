"""Privacy by default (issue 15.6): agenda items in closed session (nichtöffentlich)
and a person's consent to their e-mail address being published (OParl)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- agenda items in closed session ---
    "action.agenda.confidential": {
        "de": "TOPs als nichtöffentlich oder öffentlich markieren",
        "en": "mark agenda items as closed session or public",
    },
    "agenda.confidential": {"de": "nichtöffentlich", "en": "closed session"},
    "publication.cli.confidential": {
        "de": "{top} „{title}“ (Sitzung {meeting}) ist jetzt nichtöffentlich: "
        "die OParl-Schnittstelle zeigt ihn nicht.",
        "en": "{top} “{title}” (meeting {meeting}) is now in closed session: "
        "the OParl interface leaves it out.",
    },
    "publication.cli.public": {
        "de": "{top} „{title}“ (Sitzung {meeting}) ist jetzt öffentlich: die OParl-Schnittstelle "
        "zeigt ihn, soweit die Regel publication des Gremiums es erlaubt.",
        "en": "{top} “{title}” (meeting {meeting}) is now public: the OParl interface shows it "
        "as far as the committee's rule publication allows.",
    },
    "publication.cli.already_confidential": {
        "de": "{top} „{title}“ (Sitzung {meeting}) ist bereits nichtöffentlich; nichts geändert.",
        "en": "{top} “{title}” (meeting {meeting}) is in closed session already; nothing changed.",
    },
    "publication.cli.already_public": {
        "de": "{top} „{title}“ (Sitzung {meeting}) ist bereits öffentlich; nichts geändert.",
        "en": "{top} “{title}” (meeting {meeting}) is public already; nothing changed.",
    },
    "web.meetings.col.publication": {"de": "Öffentlichkeit", "en": "Public"},
    "web.meetings.publication.public": {"de": "öffentlich", "en": "public"},
    "web.meetings.publication.make_confidential": {
        "de": "Nichtöffentlich machen",
        "en": "Make closed session",
    },
    "web.meetings.publication.make_public": {
        "de": "Öffentlich machen",
        "en": "Make public",
    },
    "web.meetings.publication.explain": {
        "de": "Nichtöffentliche TOPs zeigt die OParl-Schnittstelle nicht, und das Protokoll "
        "einer Sitzung mit einem solchen TOP auch nicht. Die Markierung lässt sich jederzeit "
        "ändern, auch nach der Archivierung des Protokolls: sie bestimmt, was veröffentlicht "
        "wird, das Protokoll selbst bleibt unverändert.",
        "en": "The OParl interface leaves out items in closed session, and the minutes of a "
        "meeting with such an item too. The mark may change at any time, also after the "
        "minutes are archived: it says what is published; the minutes stay as they are.",
    },
    "web.meetings.done.confidential": {
        "de": "Der TOP ist jetzt nichtöffentlich.",
        "en": "The item is now in closed session.",
    },
    "web.meetings.done.public": {
        "de": "Der TOP ist jetzt öffentlich.",
        "en": "The item is now public.",
    },
    "web.meetings.done.unchanged": {
        "de": "Der TOP war bereits so markiert; nichts geändert.",
        "en": "The item was marked so already; nothing changed.",
    },
    # --- consent to the e-mail address being published ---
    "consent.not_permitted": {
        "de": "Die Einwilligung in die Veröffentlichung der E-Mail-Adresse erteilt oder "
        "widerruft nur die Person selbst; für andere erfasst sie die Administration der "
        "Installation.",
        "en": "Consent to publishing an e-mail address is given or withdrawn by the person "
        "themselves; for others the installation administrator records it.",
    },
    "consent.erased": {
        "de": "Die Daten der Person {id} sind gelöscht; es gibt keine Adresse zu veröffentlichen.",
        "en": "The data of person {id} have been erased; there is no address to publish.",
    },
    "consent.col.email_public": {
        "de": "E-Mail-Adresse veröffentlichen (Einwilligung)",
        "en": "publish e-mail address (consent)",
    },
    "consent.cli.choose": {
        "de": "Bitte --yes (Einwilligung erteilt) oder --no (widerrufen) angeben.",
        "en": "Please give --yes (consent given) or --no (withdrawn).",
    },
    "consent.cli.yes": {
        "de": "{email}: Einwilligung erfasst; die OParl-Schnittstelle zeigt die Adresse "
        "bei der Person, wo deren Rolle öffentlich ist.",
        "en": "{email}: consent recorded; the OParl interface shows the address with the "
        "person where their role is public.",
    },
    "consent.cli.no": {
        "de": "{email}: Einwilligung widerrufen; die OParl-Schnittstelle zeigt die Adresse "
        "ab sofort nicht mehr.",
        "en": "{email}: consent withdrawn; the OParl interface no longer shows the address.",
    },
    "consent.cli.already_yes": {
        "de": "{email}: Einwilligung war bereits erfasst; nichts geändert.",
        "en": "{email}: consent was recorded already; nothing changed.",
    },
    "consent.cli.already_no": {
        "de": "{email}: keine Einwilligung erfasst; nichts geändert.",
        "en": "{email}: no consent recorded; nothing changed.",
    },
    # --- the page of one's own data (/me) ---
    "web.nav.me": {"de": "Meine Angaben", "en": "My details"},
    "web.me.title": {"de": "Meine Angaben", "en": "My details"},
    "web.me.name": {"de": "Name", "en": "Name"},
    "web.me.email": {"de": "E-Mail-Adresse", "en": "E-mail address"},
    "web.me.organisation": {"de": "Organisation", "en": "Organisation"},
    "web.me.function": {"de": "Funktion", "en": "Function"},
    "web.me.none": {"de": "—", "en": "—"},
    "web.me.consent.heading": {
        "de": "Veröffentlichung der E-Mail-Adresse",
        "en": "Publishing your e-mail address",
    },
    "web.me.consent.explain": {
        "de": "Gremien, deren Regel es erlaubt, veröffentlichen Namen und Rollen ihrer "
        "Vertretungen über die offene OParl-Schnittstelle. Ihre E-Mail-Adresse erscheint dort "
        "nur mit Ihrer Einwilligung. Sie können sie jederzeit widerrufen; das gilt sofort.",
        "en": "Committees whose rule allows it publish the names and roles of their "
        "representatives through the open OParl interface. Your e-mail address appears there "
        "only with your consent. You may withdraw it at any time, with immediate effect.",
    },
    "web.me.consent.given": {
        "de": "Sie haben eingewilligt: Ihre E-Mail-Adresse wird veröffentlicht.",
        "en": "You have agreed: your e-mail address is published.",
    },
    "web.me.consent.not_given": {
        "de": "Sie haben nicht eingewilligt: Ihre E-Mail-Adresse wird nicht veröffentlicht.",
        "en": "You have not agreed: your e-mail address is not published.",
    },
    "web.me.consent.give": {
        "de": "Veröffentlichung erlauben",
        "en": "Allow publication",
    },
    "web.me.consent.withdraw": {
        "de": "Einwilligung widerrufen",
        "en": "Withdraw consent",
    },
    "web.me.done.yes": {
        "de": "Einwilligung erfasst: Ihre E-Mail-Adresse wird veröffentlicht.",
        "en": "Consent recorded: your e-mail address is published.",
    },
    "web.me.done.no": {
        "de": "Einwilligung widerrufen: Ihre E-Mail-Adresse wird nicht mehr veröffentlicht.",
        "en": "Consent withdrawn: your e-mail address is no longer published.",
    },
    "web.me.done.unchanged": {
        "de": "Das war bereits so erfasst; nichts geändert.",
        "en": "That was recorded so already; nothing changed.",
    },
}
