"""The words of the OParl interface (/oparl/v1.1/): states, results, roles, errors.

OParl's values are free text in the content's language; the interface
speaks the installation's language (German by default).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "rule.publication": {
        "de": "OParl-Schnittstelle: was öffentlich ist (none, meetings, people, minutes)",
        "en": "OParl interface: what is public (none, meetings, people, minutes)",
    },
    # the choices of the rule on the committee's rules page
    "web.committee.rules.choice.none": {"de": "nichts", "en": "nothing"},
    "web.committee.rules.choice.meetings": {
        "de": "Sitzungen und öffentliche Tagesordnungspunkte",
        "en": "meetings and public agenda items",
    },
    "web.committee.rules.choice.people": {
        "de": "dazu Namen und Rollen der Vertretungen",
        "en": "also the representatives' names and roles",
    },
    "web.committee.rules.choice.minutes": {
        "de": "dazu die archivierten Protokolle",
        "en": "also the archived minutes",
    },
    "oparl.system.name": {"de": "Gremium", "en": "Gremium"},
    "oparl.body.name": {
        "de": "Kooperationsgremien der Installation",
        "en": "Cooperation committees of this installation",
    },
    "oparl.body.short_name": {"de": "Gremien", "en": "Committees"},
    "oparl.meeting_state.planned": {"de": "geplant", "en": "planned"},
    "oparl.meeting_state.convened": {"de": "eingeladen", "en": "convened"},
    "oparl.meeting_state.in_session": {"de": "laufend", "en": "in session"},
    "oparl.meeting_state.closed": {"de": "durchgeführt", "en": "held"},
    "oparl.meeting_state.cancelled": {"de": "abgesagt", "en": "cancelled"},
    "oparl.result.noted": {"de": "zur Kenntnis genommen", "en": "noted"},
    "oparl.result.carried": {"de": "beschlossen", "en": "carried"},
    "oparl.result.rejected": {"de": "abgelehnt", "en": "rejected"},
    "oparl.result.deferred": {"de": "vertagt", "en": "deferred"},
    "oparl.role.chair": {"de": "Vorsitz", "en": "chair"},
    "oparl.role.member": {"de": "Mitglied", "en": "member"},
    "oparl.role.advisory": {"de": "beratendes Mitglied", "en": "advisory member"},
    "oparl.role.guest": {"de": "Gast", "en": "guest"},
    "oparl.capacity.representative": {"de": "Vertretung", "en": "representative"},
    "oparl.capacity.deputy": {"de": "Stellvertretung", "en": "deputy"},
    "oparl.invitation.name": {"de": "Einladung", "en": "Invitation"},
    "oparl.invitation.heading": {
        "de": "Einladung zur Sitzung „{meeting}“",
        "en": "Invitation to the meeting “{meeting}”",
    },
    "oparl.invitation.when": {"de": "Beginn: {start}", "en": "Start: {start}"},
    "oparl.invitation.where": {"de": "Ort: {location}", "en": "Place: {location}"},
    "oparl.invitation.agenda": {"de": "Öffentliche Tagesordnung", "en": "Public agenda"},
    "oparl.error.not_found": {
        "de": "Unter dieser Adresse gibt es kein (öffentliches) Objekt.",
        "en": "There is no (public) object at this address.",
    },
    "oparl.error.bad_time": {
        "de": "{name}: „{value}“ ist kein Zeitpunkt; erlaubt ist date-time mit Zeitzone, "
        "z. B. 2026-01-01T00:00:00+01:00.",
        "en": "{name}: “{value}” is not a moment; allowed is a date-time with a time zone, "
        "e.g. 2026-01-01T00:00:00+01:00.",
    },
    "oparl.error.bad_limit": {
        "de": "limit: „{value}“ ist nicht erlaubt; erlaubt ist eine ganze Zahl von 1 bis {most}.",
        "en": "limit: “{value}” is not allowed; allowed is a whole number from 1 to {most}.",
    },
    "oparl.error.bad_cursor": {
        "de": "after: „{value}“ ist keine Stelle dieser Liste; bitte dem Link next folgen.",
        "en": "after: “{value}” is no position in this list; please follow the link next.",
    },
}
