"""Calendar subscriptions (issue 15.4): the feeds' texts, the CLI and the web page."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "action.calendar.subscribe": {
        "de": "den Kalender des Gremiums abonnieren",
        "en": "subscribe to the committee's calendar",
    },
    # what the feeds say
    "calendar.name.committee": {"de": "{label} – Sitzungen", "en": "{label} – meetings"},
    "calendar.name.area": {
        "de": "Handlungsraum {label} – Sitzungen",
        "en": "Action area {label} – meetings",
    },
    "calendar.name.person": {"de": "{label}", "en": "{label}"},
    "calendar.label.person": {
        "de": "Meine Sitzungen ({name})",
        "en": "My meetings ({name})",
    },
    "calendar.window": {
        "de": "Sitzungen der letzten {days_past} und der nächsten {days_ahead} Tage, mit Antragsfristen und Einwendungsfristen der Protokolle (Gremium)",
        "en": "Meetings of the past {days_past} and the next {days_ahead} days, with proposal deadlines and the minutes' objection periods (Gremium)",
    },
    "calendar.cancelled": {"de": "Abgesagt: {title}", "en": "Cancelled: {title}"},
    "calendar.meeting.description": {
        "de": "Sitzung des Gremiums {committee}",
        "en": "Meeting of the committee {committee}",
    },
    "calendar.proposal_deadline": {
        "de": "Antragsfrist – {title}",
        "en": "Proposal deadline – {title}",
    },
    "calendar.proposal_deadline.description": {
        "de": "Bis hierhin nimmt {committee} Vorschläge für die Tagesordnung an.",
        "en": "Until then {committee} takes proposals for the agenda.",
    },
    "calendar.objection_period": {
        "de": "Einwendungsfrist Protokoll – {title}",
        "en": "Objection period, minutes – {title}",
    },
    "calendar.objection_period.description": {
        "de": "Einwendungen gegen Fassung {revision} des Protokolls bis zum letzten Tag, 23:59 Uhr.",
        "en": "Objections to revision {revision} of the minutes until the last day, 23:59.",
    },
    # refusals
    "calendar.error.no_person": {
        "de": "Kalender-Abos gehören einer Person: mit --as E-MAIL angeben, wer Sie sind.",
        "en": "Calendar subscriptions belong to a person: say who you are with --as EMAIL.",
    },
    "calendar.error.kind": {
        "de": "Unbekannte Art von Kalender „{kind}“; möglich: {allowed}.",
        "en": "Unknown kind of calendar '{kind}'; allowed: {allowed}.",
    },
    "calendar.error.own_only": {
        "de": "Den persönlichen Kalender gibt es nur für die eigene Person.",
        "en": "The personal calendar is only for oneself.",
    },
    "calendar.error.coordinator_only": {
        "de": "Den Kalender des Handlungsraums {area} erhält nur seine Koordination.",
        "en": "Only the coordinator of the action area {area} gets its calendar.",
    },
    "calendar.error.exists": {
        "de": "Für „{label}“ gibt es schon eine Adresse (seit {since}). Sie wird nur einmal angezeigt; mit „erneuern“ erhalten Sie eine neue, die alte funktioniert dann nicht mehr.",
        "en": "'{label}' already has an address (since {since}). It is shown only once; renew it to get a new one, the old one then stops working.",
    },
    # CLI and web
    "calendar.kind.committee": {"de": "Gremium", "en": "committee"},
    "calendar.kind.area": {"de": "Handlungsraum", "en": "action area"},
    "calendar.kind.person": {"de": "persönlich", "en": "personal"},
    "calendar.col.kind": {"de": "Art", "en": "Kind"},
    "calendar.col.ref": {"de": "Bezug", "en": "Ref"},
    "calendar.col.label": {"de": "Kalender", "en": "Calendar"},
    "calendar.col.issued": {"de": "Adresse seit", "en": "Address since"},
    "calendar.none": {"de": "– keine –", "en": "– none –"},
    "calendar.issued": {
        "de": "Neue Abo-Adresse für „{label}“ (nur jetzt sichtbar, bitte in Ihr Kalenderprogramm übernehmen):",
        "en": "New subscription address for '{label}' (shown only now, add it to your calendar program):",
    },
    "calendar.renewed": {
        "de": "Die bisherige Adresse funktioniert nicht mehr.",
        "en": "The previous address no longer works.",
    },
    "web.calendar.title": {"de": "Kalender-Abos", "en": "Calendar subscriptions"},
    "web.calendar.intro": {
        "de": "Mit einer geheimen Adresse zeigt Ihr Kalenderprogramm (Outlook, Thunderbird, Apple Kalender, khal …) die Sitzungen, Antragsfristen und Einwendungsfristen und hält sie aktuell. Die Adresse wird nur einmal angezeigt; wer sie kennt, sieht den Kalender. Erneuern Sie sie, wenn sie in falsche Hände geraten ist: die alte funktioniert dann nicht mehr.",
        "en": "With a secret address your calendar program (Outlook, Thunderbird, Apple Calendar, khal …) shows the meetings, proposal deadlines and objection periods and keeps them up to date. The address is shown only once; whoever knows it sees the calendar. Renew it if it fell into the wrong hands: the old one then stops working.",
    },
    "web.calendar.window": {
        "de": "Jeder Kalender enthält die Sitzungen der letzten {days_past} und der nächsten {days_ahead} Tage; abgesagte Sitzungen bleiben als abgesagt stehen. Zeiten in Europe/Berlin.",
        "en": "Each calendar holds the meetings of the past {days_past} and the next {days_ahead} days; cancelled meetings stay, marked cancelled. Times in Europe/Berlin.",
    },
    "web.calendar.create": {"de": "Adresse erzeugen", "en": "Create address"},
    "web.calendar.renew": {"de": "Adresse erneuern", "en": "Renew address"},
    "web.calendar.copy_hint": {
        "de": "Diese Adresse im Kalenderprogramm als Internet-Kalender (Abonnement) hinzufügen:",
        "en": "Add this address to your calendar program as an internet calendar (subscription):",
    },
    "web.nav.calendar": {"de": "Kalender", "en": "Calendar"},
}
