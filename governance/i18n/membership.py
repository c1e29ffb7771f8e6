"""Messages of memberships and the withdrawal of a member (Austritt)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # guards of workflows/membership.yaml (each says what does not hold)
    "guard.notice_period_over": {
        "de": "die Kündigungsfrist ist noch nicht abgelaufen",
        "en": "the notice period has not ended yet",
    },
    "guard.not.notice_period_over": {
        "de": "die Kündigungsfrist ist bereits abgelaufen",
        "en": "the notice period has ended already",
    },
    "guard.notice_period_running": {
        "de": "die Kündigungsfrist ist bereits abgelaufen",
        "en": "the notice period has ended already",
    },
    "guard.not.notice_period_running": {
        "de": "die Kündigungsfrist läuft noch",
        "en": "the notice period is still running",
    },
    # refusals
    "error.withdrawal.chair": {
        "de": "{organisation} hat den Vorsitz im Gremium „{committee}“ und kann nicht austreten; "
        "erst muss der Vorsitz übergehen.",
        "en": "{organisation} chairs the committee “{committee}” and cannot withdraw; "
        "the chair has to pass to someone else first.",
    },
    "error.withdrawal.future": {
        "de": "Austritt erklärt am {value}: das liegt in der Zukunft; erlaubt ist ein Datum "
        "bis heute ({today}).",
        "en": "Notice given on {value}: that is in the future; allowed is a date up to today "
        "({today}).",
    },
    "error.withdrawal.before_start": {
        "de": "Austritt erklärt am {value}: das liegt vor Beginn der Mitgliedschaft ({starts_on}).",
        "en": "Notice given on {value}: that is before the membership began ({starts_on}).",
    },
    "error.withdrawal.too_early": {
        "de": "Der Austritt zum {value} ist zu früh: bei Erklärung am {given_on} und "
        "{months} Monaten Kündigungsfrist frühestens zum {earliest}.",
        "en": "Withdrawal on {value} is too early: with notice given on {given_on} and a notice "
        "period of {months} months, {earliest} at the earliest.",
    },
    # command line output
    "withdrawal.cli.noticed": {
        "de": "{organisation} hat am {given_on} den Austritt erklärt; "
        "die Mitgliedschaft endet mit Ablauf des {last_day} (ausgeschieden ab {ends_on}).",
        "en": "{organisation} gave notice on {given_on}; the membership ends at the end of "
        "{last_day} (no longer a member from {ends_on}).",
    },
    "withdrawal.cli.revoked": {
        "de": "{organisation} hat den Austritt zurückgenommen; die Mitgliedschaft besteht fort.",
        "en": "{organisation} revoked its notice; the membership continues.",
    },
    "withdrawal.cli.none": {
        "de": "Keine Austritte.",
        "en": "No withdrawals.",
    },
    "withdrawal.cli.heading": {
        "de": "Organisation|Zustand|erklärt am|ausgeschieden ab",
        "en": "Organisation|State|Notice given|No longer member from",
    },
}
