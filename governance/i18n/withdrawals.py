"""Withdrawing a conflict of interest or a vote transfer (meeting practice, issue 16):
the refusals, the command line, the practice page and the invitation's link."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # refusals
    "conflict.error.none_to_withdraw": {
        "de": "{organisation} hat bei TOP {top} „{title}“ keine Befangenheit erklärt, die "
        "zurückgezogen werden könnte (erklärt haben dort: {declared}).",
        "en": "{organisation} has no declared conflict of interest in item {top} “{title}” "
        "to withdraw (declared there: {declared}).",
    },
    "conflict.error.withdraw_voted": {
        "de": "Über TOP {top} „{title}“ ist bereits abgestimmt; die Befangenheit von "
        "{organisation} bleibt, wie sie der Abstimmung zugrunde lag. Sie kann nur bis zur "
        "Abstimmung zurückgezogen werden.",
        "en": "Item {top} “{title}” has already been voted on; the conflict of interest of "
        "{organisation} stays as the vote relied on it. It can only be withdrawn until the vote.",
    },
    "transfer.error.none_to_withdraw": {
        "de": "{organisation} hat für Sitzung {meeting} keine Stimme übertragen, die "
        "zurückgezogen werden könnte (bestehende Übertragungen: {standing}).",
        "en": "{organisation} has not transferred its vote for meeting {meeting}, so there is "
        "nothing to withdraw (transfers in force: {standing}).",
    },
    "transfer.error.withdraw_used": {
        "de": "Unter der Übertragung der Stimme von {organisation} an {to} ist bereits "
        "abgestimmt worden (TOP {top} „{title}“); sie bleibt bestehen. Zurückziehen geht nur, "
        "bis die erste Abstimmung unter ihr stattgefunden hat. Kommt {organisation} zur "
        "Sitzung, endet die Übertragung von selbst.",
        "en": "A vote has already been taken under the transfer of {organisation}'s vote to "
        "{to} (item {top} “{title}”); it stays. It can only be withdrawn until the first vote "
        "under it. If {organisation} comes to the meeting, the transfer ends by itself.",
    },
    # command line and practice page
    "practice.cli.conflict_withdrawn": {
        "de": "Zurückgezogen: die Befangenheit von {organisation} bei TOP {top} „{title}“; "
        "{organisation} stimmt darüber wieder mit ab.",
        "en": "Withdrawn: the conflict of interest of {organisation} in item {top} “{title}”; "
        "{organisation} votes on it again.",
    },
    "practice.cli.transfer_withdrawn": {
        "de": "Zurückgezogen: die Übertragung der Stimme von {organisation} an {to} für "
        "Sitzung {meeting}.",
        "en": "Withdrawn: the transfer of {organisation}'s vote to {to} for meeting {meeting}.",
    },
    "practice.error.to_missing": {
        "de": "Bitte die Organisation angeben, an die die Stimme geht (TO), oder --withdraw, "
        "um eine Übertragung zurückzuziehen.",
        "en": "Please name the organisation that receives the vote (TO), or give --withdraw "
        "to withdraw a transfer.",
    },
    "practice.error.to_with_withdraw": {
        "de": "Mit --withdraw wird nur FROM angegeben: zurückgezogen wird die Übertragung "
        "von FROM, gleich an wen ({to} ist zu viel).",
        "en": "With --withdraw give only FROM: the transfer of FROM is withdrawn, whoever "
        "receives it ({to} is one argument too many).",
    },
    "practice.error.reason_with_withdraw": {
        "de": "Mit --withdraw wird kein Grund angegeben (--reason gilt nur für die Erklärung).",
        "en": "--withdraw takes no reason (--reason is for the declaration only).",
    },
    "practice.error.reason_missing": {
        "de": "Bitte den Grund der Befangenheit angeben (--reason), er steht im Protokoll.",
        "en": "Please give the reason for the conflict of interest (--reason); the minutes "
        "state it.",
    },
    "web.practice.withdraw": {"de": "Zurückziehen", "en": "Withdraw"},
    "web.practice.withdraw_conflict": {
        "de": "Befangenheit von {organisation} bei TOP {top} zurückziehen",
        "en": "Withdraw the conflict of interest of {organisation} in item {top}",
    },
    "web.practice.withdraw_transfer": {
        "de": "Übertragung der Stimme von {organisation} zurückziehen",
        "en": "Withdraw the transfer of {organisation}'s vote",
    },
    "web.practice.withdrawn": {"de": "Zurückgezogen", "en": "Withdrawn"},
    "web.practice.withdrawn_conflict": {
        "de": "TOP {top} „{title}“: {organisation} ({reason}) — zurückgezogen am {at}",
        "en": "Item {top} “{title}”: {organisation} ({reason}) — withdrawn on {at}",
    },
    "web.practice.withdrawn_transfer": {
        "de": "{organisation} → {to} — zurückgezogen am {at}",
        "en": "{organisation} → {to} — withdrawn on {at}",
    },
    # the invitation's link, after the declaration
    "link.withdraw.heading": {
        "de": "Über diesen Link Erklärtes zurückziehen",
        "en": "Withdraw what you declared by this link",
    },
    "link.withdraw.hint": {
        "de": "Eine Befangenheit lässt sich bis zur Abstimmung über den TOP zurückziehen, "
        "eine Stimmrechtsübertragung bis zur ersten Abstimmung unter ihr.",
        "en": "A conflict of interest can be withdrawn until the item is voted on, a vote "
        "transfer until the first vote under it.",
    },
    "link.withdraw.conflict": {
        "de": "Befangenheit bei TOP {top} „{title}“ ({reason})",
        "en": "Conflict of interest in item {top} “{title}” ({reason})",
    },
    "link.withdraw.transfer": {
        "de": "Übertragung Ihrer Stimme an {to}",
        "en": "Transfer of your vote to {to}",
    },
    "link.withdraw.none": {
        "de": "Über diesen Link ist nichts erklärt, das sich noch zurückziehen ließe.",
        "en": "Nothing declared by this link can still be withdrawn.",
    },
    "link.withdraw.unknown": {
        "de": "Diese Erklärung gibt es nicht (mehr) unter diesem Link: {value}.",
        "en": "This declaration is not (or no longer) one of this link's: {value}.",
    },
}
