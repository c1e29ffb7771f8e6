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
    # withdrawal notices (governance/services/withdrawal.py)
    "error.withdrawal.backdated": {
        "de": "Austritt erklärt am {value}: eine eigene Erklärung gilt ab heute ({today}); "
        "eine früher schriftlich eingegangene Erklärung erfassen Vorsitz oder Geschäftsstelle.",
        "en": "Notice given on {value}: a notice of your own counts from today ({today}); "
        "a notice received earlier on paper is recorded by the chair or the secretariat.",
    },
    "error.withdrawal.recorded_too_late": {
        "de": "Austritt erklärt am {value}: nachträglich erfasst werden kann eine Erklärung "
        "höchstens {days} Tage zurück und nicht vor der letzten Änderung der Mitgliedschaft; "
        "erlaubt: ab {earliest}.",
        "en": "Notice given on {value}: a notice can be recorded later at most {days} days back "
        "and not before the membership last changed; allowed: from {earliest}.",
    },
    "error.withdrawal.too_late": {
        "de": "Austritt zum {value}: erlaubt ist ein Tag vom {earliest} bis zum {latest}.",
        "en": "Withdrawal on {value}: allowed is a day from {earliest} to {latest}.",
    },
    "error.withdrawal.retroactive": {
        "de": "Austritt zum {value}: die Mitgliedschaft würde rückwirkend enden; "
        "erlaubt ist ein Tag nach heute ({today}).",
        "en": "Withdrawal on {value}: the membership would end retroactively; "
        "allowed is a day after today ({today}).",
    },
    "withdrawal.cli.recorded_later": {
        "de": "{given_on} (nachträglich erfasst am {recorded_on})",
        "en": "{given_on} (recorded later, on {recorded_on})",
    },
    # single meetings (governance/services/meetings.py)
    "meeting.error.start_format": {
        "de": "„{value}“ ist kein Sitzungsbeginn: erwartet werden Datum und Uhrzeit, "
        "JJJJ-MM-TT HH:MM (z. B. 2026-03-11 10:00).",
        "en": "“{value}” is not the start of a meeting: a date and a time are expected, "
        "YYYY-MM-DD HH:MM (e.g. 2026-03-11 10:00).",
    },
    "meeting.error.too_far": {
        "de": "Der Beginn {value} liegt zu weit in der Zukunft; erlaubt: bis {latest} "
        "({months} Monate voraus).",
        "en": "The start {value} is too far ahead; allowed: until {latest} "
        "({months} months ahead).",
    },
    "meeting.error.holiday": {
        "de": "Der {value} ist in Berlin ein Feiertag ({holiday}); bitte einen anderen Tag wählen "
        "oder mit --on-holiday bestätigen, dass die Sitzung an diesem Feiertag stattfindet.",
        "en": "{value} is a public holiday in Berlin ({holiday}); please choose another day "
        "or confirm with --on-holiday that the meeting takes place on this holiday.",
    },
    # memberships (governance/services/effective_dates.py)
    "error.membership.start_before_meeting": {
        "de": "{what} {value}: am {held} hat das Gremium schon getagt; eine Mitgliedschaft "
        "beginnt frühestens am {earliest}, damit Anwesenheit und Abstimmungen bleiben, wie sie waren.",
        "en": "{what} {value}: the committee already met on {held}; a membership starts on "
        "{earliest} at the earliest, so that attendance and votes stay as they were.",
    },
    "error.membership.start_too_far": {
        "de": "{what} {value}: erlaubt ist ein Beginn bis zum {latest}.",
        "en": "{what} {value}: a start until {latest} is allowed.",
    },
    # attendance times and action items
    "meeting.error.time_not_on_meeting_day": {
        "de": "{what}: „{value}“ liegt nicht am Sitzungstag ({day}); erwartet: HH:MM "
        "oder Datum und Uhrzeit des Sitzungstags.",
        "en": "{what}: “{value}” is not on the day of the meeting ({day}); expected: HH:MM "
        "or the date and time on the day of the meeting.",
    },
    "action.error.due_far": {
        "de": "Die Frist {value} liegt zu weit in der Zukunft; erlaubt: bis {latest}.",
        "en": "The due date {value} is too far ahead; allowed: until {latest}.",
    },
}
