"""Why a timer or a queued message was skipped: its purpose no longer held.

The reason is recorded as a key with its parameters (governance/reasons.py)
and said in the reader's language when it is shown (`timers list --skipped`,
`outbox list --skipped`, `tick`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "skip.meeting_began": {
        "de": "die Sitzung hat am {at} begonnen: zu spät, um dies zu senden",
        "en": "the meeting began at {at}: too late to send this",
    },
    "skip.repeat_keeps_agenda": {
        "de": "eine Wiederholungssitzung behält die Tagesordnung der Sitzung, die sie wiederholt",
        "en": "a repeat meeting keeps the agenda of the meeting it repeats",
    },
    "skip.proposals_closed": {
        "de": "die Vorschlagsfrist endete am {at}: keine Zeit mehr für Vorschläge",
        "en": "proposals closed at {at}: no time left to propose",
    },
    "skip.entity_gone": {
        "de": "{what} gibt es nicht mehr",
        "en": "{what} no longer exists",
    },
    "skip.state_changed": {
        "de": "{what} ist jetzt {state}; die Nachricht galt für {wanted}",
        "en": "{what} is {state} now; the message was for {wanted}",
    },
    "skip.too_late": {
        "de": "sie hätte vor dem {at} zugestellt werden müssen",
        "en": "it was to be delivered before {at}",
    },
    "skip.newer_notice": {
        "de": "{what} hat sich seither geändert (jetzt Fassung {sequence}); "
        "eine neuere Nachricht ist versandt",
        "en": "{what} changed since (now revision {sequence}); a newer notice went out",
    },
    "skip.minutes_circulated": {
        "de": "die Niederschrift wurde inzwischen versandt",
        "en": "the minutes were circulated meanwhile",
    },
    "skip.party_signed": {
        "de": "{party} hat inzwischen unterzeichnet",
        "en": "{party} has signed meanwhile",
    },
}
