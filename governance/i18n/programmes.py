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
    "action.area.rename": {"de": "Handlungsraum umbenennen", "en": "rename the action area"},
    "programmes.error.rename_same": {
        "de": "Der Handlungsraum heißt schon „{name}“ ({short}); nennen Sie einen neuen "
        "Namen oder mit --short einen neuen Kurznamen.",
        "en": "The action area is already called “{name}” ({short}); give a new name or a "
        "new short name with --short.",
    },
    "programmes.cli.area_renamed": {
        "de": "Handlungsraum {id} heißt jetzt „{name}“ ({short_name}); vorher „{old_name}“ "
        "({old_short_name}).",
        "en": "Action area {id} is now called “{name}” ({short_name}); before: “{old_name}” "
        "({old_short_name}).",
    },
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
        "programmes.init.default_committee": {
            "de": "Zwei Gremien: Befehle ohne --committee gelten jetzt {committee} "
            "([cli] committee in {path}); das andere mit --committee {other}.",
            "en": "Two committees: commands without --committee now mean {committee} "
            "([cli] committee in {path}); the other one with --committee {other}.",
        },
        "programmes.init.default_kept": {
            "de": "Zwei Gremien: {path} hat schon eine Tabelle [cli]; ohne Standardgremium "
            "dort nennen Befehle das Gremium mit --committee.",
            "en": "Two committees: {path} has a [cli] table already; without a default "
            "committee there, commands name the committee with --committee.",
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
MESSAGES.update(
    {
        # the web pages of an area and a programme
        "programmes.web.area_title": {"de": "Handlungsraum {name}", "en": "Action area {name}"},
        "programmes.web.programme_title": {"de": "Programm: {name}", "en": "Programme: {name}"},
        "programmes.web.of_programme": {
            "de": "Im Programm „{programme}“.",
            "en": "In the programme “{programme}”.",
        },
        "programmes.web.to_programme": {"de": "Zum Programm", "en": "To the programme"},
        "programmes.web.your_roles": {"de": "Ihre Rolle:", "en": "Your role:"},
        "programmes.web.read_only": {
            "de": "Hier lesen Sie über alle Gremien hinweg; ändern können Sie nur in einem "
            "Gremium, in dem Sie Vorsitz oder Geschäftsstelle sind.",
            "en": "Here you read across all committees; you change things only in a committee "
            "where you are the chair or the secretariat.",
        },
        "programmes.web.committees": {
            "de": "{count:Gremium|Gremien}",
            "en": "{count:committee|committees}",
        },
        "programmes.web.no_committees": {
            "de": "Diesem Handlungsraum ist noch kein Gremium zugeordnet.",
            "en": "No committee belongs to this action area yet.",
        },
        "programmes.web.coordinators": {
            "de": "Koordination: {people}",
            "en": "Coordinators: {people}",
        },
        "programmes.web.office": {
            "de": "Programmbüro: {people}",
            "en": "Programme office: {people}",
        },
        "programmes.web.areas": {
            "de": "{count:Handlungsraum|Handlungsräume}",
            "en": "{count:action area|action areas}",
        },
        "programmes.web.no_areas": {
            "de": "Das Programm hat noch keine Handlungsräume.",
            "en": "The programme has no action areas yet.",
        },
        "programmes.web.period": {"de": "Zeitraum", "en": "Period"},
        "programmes.web.from": {"de": "Vom", "en": "From"},
        "programmes.web.to": {"de": "Bis", "en": "To"},
        "programmes.web.show": {"de": "Zeitraum zeigen", "en": "Show the period"},
        "programmes.web.overdue_count": {
            "de": "Davon überfällig: {count}.",
            "en": "Overdue of these: {count}.",
        },
        "programmes.web.minutes_of": {
            "de": "Protokoll: {title} ({day})",
            "en": "Minutes: {title} ({day})",
        },
        "programmes.web.caption.upcoming": {
            "de": "Die nächsten Sitzungen aller Gremien, nach Beginn",
            "en": "The upcoming meetings of every committee, by start",
        },
        "programmes.web.caption.decisions": {
            "de": "Beschlüsse aller Gremien im Zeitraum, nach Datum",
            "en": "Decisions of every committee in the period, by date",
        },
        "programmes.web.caption.action_items": {
            "de": "Offene Aufgaben aller Gremien, nach Fälligkeit",
            "en": "Open action items of every committee, by due date",
        },
        "programmes.web.caption.not_quorate": {
            "de": "Sitzungen, die bei Eröffnung nicht beschlussfähig waren",
            "en": "Meetings that were not quorate when opened",
        },
        "programmes.web.caption.minutes_pending": {
            "de": "Protokolle im Entwurf oder in Umlauf",
            "en": "Minutes in draft or circulated",
        },
        "programmes.web.caption.areas": {
            "de": "Handlungsräume mit ihren Gremien und ihrer Koordination",
            "en": "Action areas with their committees and coordinators",
        },
        "programmes.web.col.meeting": {"de": "Sitzung", "en": "Meeting"},
        "programmes.web.col.committee": {"de": "Gremium", "en": "Committee"},
        "programmes.web.col.committees": {"de": "Gremien", "en": "Committees"},
        "programmes.web.col.when": {"de": "Wann", "en": "When"},
        "programmes.web.col.where": {"de": "Wo", "en": "Where"},
        "programmes.web.col.state": {"de": "Stand", "en": "State"},
        "programmes.web.col.number": {"de": "Nummer", "en": "Number"},
        "programmes.web.col.day": {"de": "Datum", "en": "Date"},
        "programmes.web.col.result": {"de": "Ergebnis", "en": "Result"},
        "programmes.web.col.text": {"de": "Beschluss", "en": "Decision"},
        "programmes.web.col.what": {"de": "Aufgabe", "en": "Action item"},
        "programmes.web.col.who": {"de": "Wer", "en": "Who"},
        "programmes.web.col.due": {"de": "Fällig", "en": "Due"},
        "programmes.web.col.minutes": {"de": "Protokoll", "en": "Minutes"},
        "programmes.web.col.area": {"de": "Handlungsraum", "en": "Action area"},
        "programmes.web.col.coordinators": {"de": "Koordination", "en": "Coordinators"},
        "programmes.web.none.upcoming": {
            "de": "Keine Sitzungen geplant.",
            "en": "No meetings planned.",
        },
        "programmes.web.none.decisions": {
            "de": "Keine Beschlüsse in diesem Zeitraum.",
            "en": "No decisions in this period.",
        },
        "programmes.web.none.action_items": {
            "de": "Keine offenen Aufgaben.",
            "en": "No open action items.",
        },
        "programmes.web.none.not_quorate": {
            "de": "Jede Sitzung im Zeitraum war beschlussfähig.",
            "en": "Every meeting in the period was quorate.",
        },
        "programmes.web.none.minutes_pending": {
            "de": "Alle Protokolle sind genehmigt.",
            "en": "All minutes are approved.",
        },
        # my overview (/)
        "programmes.web.my_heading": {
            "de": "Meine Handlungsräume und Programme",
            "en": "My action areas and programmes",
        },
        "programmes.web.my_area": {
            "de": "Handlungsraum {name} ({programme})",
            "en": "Action area {name} ({programme})",
        },
        "programmes.web.my_programme": {"de": "Programm {name}", "en": "Programme {name}"},
    }
)
