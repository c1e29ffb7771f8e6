"""Messages about dates and schedules users enter: recurrence rules a committee may use,
meetings on public holidays, and dates that would change the past."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # recurrence rules (governance/domain/recurrence.py)
    "meeting.error.rrule_freq": {
        "de": "Wiederholungsregel „{value}“: FREQ={freq} ist nicht erlaubt; erlaubt sind "
        "{allowed} (höchstens eine Sitzung am Tag, zur Uhrzeit von --start), z. B. "
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE für quartalsweise am zweiten Mittwoch.",
        "en": "Recurrence rule “{value}”: FREQ={freq} is not allowed; allowed are "
        "{allowed} (at most one meeting a day, at the time of --start), e.g. "
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE for quarterly on the second Wednesday.",
    },
    "meeting.error.rrule_part": {
        "de": "Wiederholungsregel „{value}“: {part} ist nicht erlaubt; die Uhrzeit kommt aus --start.",
        "en": "Recurrence rule “{value}”: {part} is not allowed; the time of day comes from --start.",
    },
    "meeting.error.rrule_interval": {
        "de": "Wiederholungsregel „{value}“: INTERVAL={interval_value} ist nicht erlaubt; "
        "erlaubt: 1 bis {max}.",
        "en": "Recurrence rule “{value}”: INTERVAL={interval_value} is not allowed; "
        "allowed: 1 to {max}.",
    },
    "meeting.error.rrule_count": {
        "de": "Wiederholungsregel „{value}“: COUNT={count_value} ist nicht erlaubt; "
        "erlaubt: 1 bis {max} Sitzungen.",
        "en": "Recurrence rule “{value}”: COUNT={count_value} is not allowed; "
        "allowed: 1 to {max} meetings.",
    },
    "meeting.error.rrule_count_and_until": {
        "de": "Wiederholungsregel „{value}“: bitte COUNT oder UNTIL angeben, nicht beides.",
        "en": "Recurrence rule “{value}”: please give COUNT or UNTIL, not both.",
    },
    "meeting.error.rrule_range": {
        "de": "Wiederholungsregel „{value}“: {part}={part_value} ist nicht erlaubt; "
        "erlaubt: {low} bis {high}.",
        "en": "Recurrence rule “{value}”: {part}={part_value} is not allowed; "
        "allowed: {low} to {high}.",
    },
    "meeting.error.rrule_empty": {
        "de": "Wiederholungsregel „{value}“ ergibt bis {until} ({months} Monate voraus) keine "
        "einzige Sitzung; bitte Regel, --start oder --horizon prüfen.",
        "en": "Recurrence rule “{value}” gives not a single meeting until {until} "
        "({months} months ahead); please check the rule, --start or --horizon.",
    },
    "meeting.error.rrule_too_many": {
        "de": "Wiederholungsregel „{value}“ plant mehr als {max} Sitzungen in zwölf Monaten; "
        "erlaubt ist höchstens wöchentlich (z. B. FREQ=WEEKLY;BYDAY=WE).",
        "en": "Recurrence rule “{value}” plans more than {max} meetings in twelve months; "
        "at most weekly is allowed (e.g. FREQ=WEEKLY;BYDAY=WE).",
    },
}
