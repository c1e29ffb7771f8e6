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
