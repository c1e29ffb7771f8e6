"""Messages of the meeting pages (issue 13): the meetings of a committee, a meeting
with its deadlines, timers and agenda, and the refusals of the application layer
they share with the command line (concurrent edits, items of another meeting)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # application layer: refusals every front shows
    "meeting.error.changed": {
        "de": "Sitzung {meeting} („{title}“) wurde inzwischen von jemand anderem geändert. "
        "Unten steht ihr jetziger Stand; Ihre Eingabe ist erhalten. Bitte prüfen Sie sie "
        "und senden Sie sie noch einmal. Nichts wurde geändert.",
        "en": "Meeting {meeting} (“{title}”) was changed by someone else in the meantime. "
        "Its current state is shown below; what you typed is kept. Please check it and "
        "send it again. Nothing was changed.",
    },
    "meeting.error.version": {
        "de": "„{value}“ ist kein Stand einer Sitzung (erwartet: eine ganze Zahl).",
        "en": "“{value}” is not a version of a meeting (expected: a whole number).",
    },
    "agenda.error.other_meeting": {
        "de": "TOP #{item} gehört nicht zu Sitzung {meeting}.",
        "en": "Item #{item} does not belong to meeting {meeting}.",
    },
    "agenda.error.position": {
        "de": "Position „{value}“ für TOP #{item}: erlaubt ist eine ganze Zahl von 1 bis 999.",
        "en": "Position “{value}” for item #{item}: allowed is a whole number from 1 to 999.",
    },
}
