"""Text of programmes and action areas (issue 15.1-3): the roles above the
committee, refusals, the command line and the overview pages."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "kind.programme": {"de": "Programm", "en": "programme"},
    "kind.area": {"de": "Handlungsraum", "en": "action area"},
    "role.area_coordinator": {
        "de": "Koordination des Handlungsraums",
        "en": "area coordinator",
    },
    "role.programme_office": {"de": "Programmbüro", "en": "programme office"},
    # permissions
    "action.programme.create": {
        "de": "Programme und Handlungsräume einrichten",
        "en": "set up programmes and action areas",
    },
    "action.programme.read": {"de": "Programm ansehen", "en": "view the programme"},
    "action.area.read": {"de": "Handlungsraum ansehen", "en": "view the action area"},
    # refusals
    "programmes.error.short_name": {
        "de": "Kurzname „{value}“ ist nicht erlaubt; erlaubt: ein Wort mit höchstens "
        "40 Zeichen, ohne Leerzeichen und ohne / ? # %, keine bloße Zahl.",
        "en": "Short name “{value}” is not allowed; allowed: one word of at most "
        "40 characters, without blanks and without / ? # %, not a bare number.",
    },
    "programmes.error.too_many_areas": {
        "de": "Ein Programm hat höchstens {max} Handlungsräume.",
        "en": "A programme has at most {max} action areas.",
    },
    "programmes.error.committee_in_area": {
        "de": "Das Gremium {committee} gehört schon zum Handlungsraum „{area}“; "
        "ein Gremium gehört zu höchstens einem Handlungsraum.",
        "en": "The committee {committee} already belongs to the action area “{area}”; "
        "a committee belongs to one action area at most.",
    },
    "programmes.hint.not_in_area": {
        "de": " (nicht im Handlungsraum „{area}“)",
        "en": " (not in the action area “{area}”)",
    },
}
MESSAGES.update(
    {
        # gremium init --example gemeinschaftsinitiative
        "programmes.init.created": {
            "de": "Programm „{name}“ ({short}) angelegt, {areas:Handlungsraum|Handlungsräume}:",
            "en": "Programme “{name}” ({short}) created, {areas:action area|action areas}:",
        },
        "programmes.init.next": {
            "de": "  gremium programme show {short}\n  gremium area overview stadtrand-sued",
            "en": "  gremium programme show {short}\n  gremium area overview stadtrand-sued",
        },
    }
)
MESSAGES.update(
    {
        "programmes.error.period": {
            "de": "Zeitraum {since} bis {until} ist nicht erlaubt; erlaubt: ein Anfang nicht "
            "nach dem Ende, höchstens fünf Jahre.",
            "en": "The period {since} to {until} is not allowed; allowed: a start not after "
            "the end, at most five years.",
        },
        "programmes.error.day": {
            "de": "{what}: „{value}“ ist kein Tag; erlaubt: JJJJ-MM-TT, z. B. 2026-03-11.",
            "en": "{what}: “{value}” is not a day; allowed: YYYY-MM-DD, e.g. 2026-03-11.",
        },
    }
)
MESSAGES.update(
    {
        # the command line
        "programmes.cli.programme_added": {
            "de": "Programm {short_name} angelegt (ID {id}).",
            "en": "Programme {short_name} created (ID {id}).",
        },
        "programmes.cli.area_added": {
            "de": "Handlungsraum {short_name} angelegt (ID {id}).",
            "en": "Action area {short_name} created (ID {id}).",
        },
        "programmes.cli.committee_added": {
            "de": "Gremium {committee} gehört jetzt zum Handlungsraum {area}.",
            "en": "Committee {committee} now belongs to the action area {area}.",
        },
        "programmes.cli.committee_removed": {
            "de": "Gremium {committee} gehört nicht mehr zum Handlungsraum {area}.",
            "en": "Committee {committee} no longer belongs to the action area {area}.",
        },
        "programmes.cli.coordinator_appointed": {
            "de": "{email} koordiniert jetzt den Handlungsraum {area}.",
            "en": "{email} now coordinates the action area {area}.",
        },
        "programmes.cli.coordinator_dismissed": {
            "de": "{email} koordiniert den Handlungsraum {area} nicht mehr.",
            "en": "{email} no longer coordinates the action area {area}.",
        },
        "programmes.cli.office_appointed": {
            "de": "{email} gehört jetzt zum Programmbüro von {programme}.",
            "en": "{email} now works in the programme office of {programme}.",
        },
        "programmes.cli.no_programmes": {
            "de": "Keine Programme.",
            "en": "No programmes.",
        },
        "programmes.cli.programme_heading": {
            "de": "ID|Kurzname|Name|Handlungsräume|Gremien",
            "en": "ID|Short name|Name|Action areas|Committees",
        },
        "programmes.cli.area_heading": {
            "de": "Kurzname|Handlungsraum|Gremien|Koordination",
            "en": "Short name|Action area|Committees|Coordinators",
        },
        "programmes.cli.office": {
            "de": "Programmbüro: {people}",
            "en": "Programme office: {people}",
        },
        "programmes.cli.areas": {
            "de": "{count:Handlungsraum|Handlungsräume}:",
            "en": "{count:action area|action areas}:",
        },
        "programmes.cli.overview_of": {
            "de": "{name} — Gremien: {committees}",
            "en": "{name} — committees: {committees}",
        },
        "programmes.cli.none": {"de": "  (keine)", "en": "  (none)"},
        "programmes.cli.truncated": {
            "de": "  (nur die ersten {count} gezeigt)",
            "en": "  (only the first {count} shown)",
        },
        "programmes.overdue": {"de": "überfällig", "en": "overdue"},
        # the five lists (command line and web)
        "programmes.section.upcoming": {
            "de": "Nächste Sitzungen ({count})",
            "en": "Upcoming meetings ({count})",
        },
        "programmes.section.decisions": {
            "de": "Beschlüsse vom {since} bis {until} ({count})",
            "en": "Decisions from {since} to {until} ({count})",
        },
        "programmes.section.action_items": {
            "de": "Offene Aufgaben ({count})",
            "en": "Open action items ({count})",
        },
        "programmes.section.not_quorate": {
            "de": "Nicht beschlussfähige Sitzungen vom {since} bis {until} ({count})",
            "en": "Meetings not quorate from {since} to {until} ({count})",
        },
        "programmes.section.minutes_pending": {
            "de": "Noch nicht genehmigte Protokolle ({count})",
            "en": "Minutes not yet approved ({count})",
        },
        "programmes.cli.heading.upcoming": {
            "de": "Gremium|ID|Beginn|Titel|Stand|Ort",
            "en": "Committee|ID|Start|Title|State|Location",
        },
        "programmes.cli.heading.decisions": {
            "de": "Gremium|Nummer|Datum|Ergebnis|Text",
            "en": "Committee|Number|Date|Result|Text",
        },
        "programmes.cli.heading.action_items": {
            "de": "Gremium|ID|Fällig|Überfällig|Wer|Was",
            "en": "Committee|ID|Due|Overdue|Who|What",
        },
        "programmes.cli.heading.not_quorate": {
            "de": "Gremium|ID|Beginn|Titel",
            "en": "Committee|ID|Start|Title",
        },
        "programmes.cli.heading.minutes_pending": {
            "de": "Gremium|Sitzung|Sitzungstag|Stand",
            "en": "Committee|Meeting|Meeting day|State",
        },
    }
)
