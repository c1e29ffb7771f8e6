"""Meeting practice (issue 16): conflicts of interest (Befangenheit), vote transfers
(Stimmrechtsübertragung), in-person, online and hybrid meetings."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # rules of procedure
    "rule.conflicted_count_for_quorum": {
        "de": "Befangene Mitglieder zählen bei der Abstimmung über den TOP zur Beschlussfähigkeit",
        "en": "members with a conflict of interest count for the quorum of that vote",
    },
    "rule.vote_transfer": {
        "de": "Stimmrechtsübertragung auf ein anderes Mitglied erlaubt (für eine Sitzung, schriftlich)",
        "en": "a member may transfer its vote to another member (for one meeting, in writing)",
    },
    "rule.transferred_votes_per_organisation": {
        "de": "so viele übertragene Stimmen darf ein Mitglied höchstens führen",
        "en": "at most this many transferred votes per receiving member",
    },
    "rule.transferred_votes_count_for_quorum": {
        "de": "übertragene Stimmen zählen zur Beschlussfähigkeit",
        "en": "transferred votes count for the quorum",
    },
    "rule.online_counts_for_quorum": {
        "de": "online Teilnehmende gelten als anwesend (Beschlussfähigkeit, Stimmrecht)",
        "en": "members taking part online count as present (quorum, vote)",
    },
    # permissions
    "action.meeting.conflict": {
        "de": "eine Befangenheit für einen TOP erklären oder erfassen",
        "en": "declare or record a conflict of interest in an agenda item",
    },
    "action.meeting.vote_transfer": {
        "de": "eine Stimmrechtsübertragung erklären oder erfassen",
        "en": "declare or record a vote transfer",
    },
    "action.meeting.format": {
        "de": "die Sitzungsform (Präsenz, online, hybrid) und den Videolink festlegen",
        "en": "set how a meeting is held (in person, online, hybrid) and its video link",
    },
    # shared refusals
    "practice.error.organisation_missing": {
        "de": "{what}: bitte die Mitgliedsorganisation angeben (Kurzname, Name oder Nummer).",
        "en": "{what}: please name the member organisation (short name, name or number).",
    },
    "practice.error.not_voting": {
        "de": "{organisation} ist an diesem Sitzungstag kein stimmberechtigtes Mitglied. "
        "Stimmberechtigt sind: {members}.",
        "en": "{organisation} is not a voting member on the day of this meeting. "
        "Voting members: {members}.",
    },
    "practice.error.meeting_state": {
        "de": "Sitzung {meeting} ist {state}: Erklärungen zu Befangenheit, Stimmrechtsübertragung "
        "und Sitzungsform nimmt Gremium nur bis zum Schluss der Sitzung an.",
        "en": "Meeting {meeting} is {state}: conflicts of interest, vote transfers and the "
        "meeting's format are taken only until the meeting closes.",
    },
    "practice.error.not_yours": {
        "de": "Sie handeln nicht für {organisation}. Für eine andere Organisation erfassen nur "
        "Vorsitz oder Geschäftsstelle eine schriftliche Erklärung.",
        "en": "You do not act for {organisation}. Only the chair or the secretariat record "
        "a written declaration for another organisation.",
    },
    "practice.error.no_vote_of_yours": {
        "de": "Sie handeln für keine stimmberechtigte Mitgliedsorganisation dieser Sitzung.",
        "en": "You do not act for a voting member organisation of this meeting.",
    },
    # conflict of interest
    "conflict.error.not_a_vote": {
        "de": "TOP {top} „{title}“ ist kein Beschluss-TOP der Tagesordnung: Befangenheit wird "
        "für einen TOP erklärt, über den abgestimmt wird.",
        "en": "Item {top} “{title}” is not a decision item on the agenda: a conflict of "
        "interest is declared for an item that is voted on.",
    },
    "conflict.error.already_voted": {
        "de": "Über TOP {top} „{title}“ ist bereits abgestimmt; eine Befangenheit kann nicht "
        "mehr erklärt werden.",
        "en": "Item {top} “{title}” has already been voted on; a conflict of interest can "
        "no longer be declared.",
    },
    "conflict.error.already_declared": {
        "de": "{organisation} ist bei TOP {top} bereits als befangen erfasst ({reason}).",
        "en": "{organisation} is already recorded with a conflict of interest in item {top} "
        "({reason}).",
    },
    "conflict.error.item_missing": {
        "de": "Bitte den TOP wählen, bei dem Sie befangen sind.",
        "en": "Please choose the item in which you have a conflict of interest.",
    },
    "vote.error.conflicted": {
        "de": "{organisation} ist bei diesem TOP befangen ({reason}) und stimmt nicht mit ab.",
        "en": "{organisation} has a conflict of interest in this item ({reason}) and does "
        "not vote on it.",
    },
    "link.conflict.title": {
        "de": "Befangenheit erklären: {title} am {starts_at}",
        "en": "Declare a conflict of interest: {title} on {starts_at}",
    },
    "link.conflict.confirm": {
        "de": "{name}, erklären Sie hier, dass Ihre Organisation bei einem TOP von „{title}“ "
        "befangen ist. Sie stimmt dann über diesen TOP nicht ab; das Protokoll nennt den Grund.",
        "en": "{name}, declare here that your organisation has a conflict of interest in an "
        "item of “{title}”. It then does not vote on that item; the minutes give the reason.",
    },
    "link.conflict.button": {"de": "Befangenheit erklären", "en": "Declare the conflict"},
    "link.conflict.field.item": {"de": "Tagesordnungspunkt", "en": "Agenda item"},
    "link.conflict.field.reason": {
        "de": "Grund (steht im Protokoll)",
        "en": "Reason (stated in the minutes)",
    },
    "link.conflict.done": {
        "de": "Erfasst: {organisation} ist bei „{item}“ befangen und stimmt darüber nicht ab.",
        "en": "Recorded: {organisation} has a conflict of interest in “{item}” and does not "
        "vote on it.",
    },
    # vote transfer
    "transfer.error.not_allowed": {
        "de": "Die Geschäftsordnung dieses Gremiums erlaubt keine Stimmrechtsübertragung "
        "(Regel vote_transfer; der Vorsitz kann sie mit „committee rules --set "
        "vote_transfer=true“ erlauben).",
        "en": "This committee's rules of procedure do not allow a vote transfer (rule "
        "vote_transfer; the chair may allow it with “committee rules --set vote_transfer=true”).",
    },
    "transfer.error.same": {
        "de": "{organisation} kann ihre Stimme nicht an sich selbst übertragen.",
        "en": "{organisation} cannot transfer its vote to itself.",
    },
    "transfer.error.present": {
        "de": "{organisation} ist in der Sitzung anwesend und stimmt selbst ab; eine "
        "Stimmrechtsübertragung gilt nur für ein Mitglied, das nicht teilnehmen kann.",
        "en": "{organisation} is present in the meeting and votes itself; a vote transfer is "
        "only for a member that cannot attend.",
    },
    "transfer.error.already": {
        "de": "{organisation} hat ihre Stimme für diese Sitzung bereits an {to} übertragen.",
        "en": "{organisation} has already transferred its vote for this meeting to {to}.",
    },
    "transfer.error.receiver_gave": {
        "de": "{organisation} hat ihre eigene Stimme an {to} übertragen und kann daher keine "
        "Stimme führen.",
        "en": "{organisation} has transferred its own vote to {to} and so cannot hold one.",
    },
    "transfer.error.giver_holds": {
        "de": "{organisation} führt die übertragene Stimme von {of} und kann ihre eigene "
        "daher nicht übertragen.",
        "en": "{organisation} holds the transferred vote of {of} and so cannot transfer its own.",
    },
    "transfer.error.limit": {
        "de": "{organisation} führt bereits {limit} übertragene Stimme(n); mehr erlaubt die "
        "Geschäftsordnung nicht (Regel transferred_votes_per_organisation).",
        "en": "{organisation} already holds {limit} transferred vote(s); the rules of "
        "procedure allow no more (rule transferred_votes_per_organisation).",
    },
    "link.transfer.title": {
        "de": "Stimmrecht übertragen: {title} am {starts_at}",
        "en": "Transfer your vote: {title} on {starts_at}",
    },
    "link.transfer.confirm": {
        "de": "{name}, wenn Ihre Organisation an „{title}“ nicht teilnehmen kann, übertragen "
        "Sie hier ihre Stimme für diese Sitzung schriftlich an ein anderes Mitglied. Die "
        "Übertragung endet, wenn Ihre Organisation doch zur Sitzung kommt.",
        "en": "{name}, if your organisation cannot attend “{title}”, transfer its vote for "
        "this meeting to another member here, in writing. The transfer ends if your "
        "organisation comes to the meeting after all.",
    },
    "link.transfer.button": {"de": "Stimme übertragen", "en": "Transfer the vote"},
    "link.transfer.field.to": {
        "de": "an die Mitgliedsorganisation",
        "en": "to the member organisation",
    },
    "link.transfer.done": {
        "de": "Erfasst: {organisation} überträgt ihre Stimme für diese Sitzung an {to}.",
        "en": "Recorded: {organisation} transfers its vote for this meeting to {to}.",
    },
    # meeting format
    "format.in_person": {"de": "Präsenzsitzung", "en": "in person"},
    "format.online": {"de": "Online-Sitzung", "en": "online"},
    "format.hybrid": {"de": "hybride Sitzung", "en": "hybrid"},
    "format.error.video_missing": {
        "de": "Eine Sitzung „{format}“ braucht einen Videolink (--video-url https://…).",
        "en": "A meeting “{format}” needs a video link (--video-url https://…).",
    },
    "format.error.video_not_a_link": {
        "de": "Der Videolink muss eine https-Adresse mit Rechnername sein, ohne Leerzeichen "
        "(höchstens {max} Zeichen).",
        "en": "The video link must be an https address with a host name, without blanks "
        "(at most {max} characters).",
    },
    "format.error.video_too_long": {
        "de": "Der Videolink ist länger als {max} Zeichen.",
        "en": "The video link is longer than {max} characters.",
    },
    "format.error.video_in_person": {
        "de": "Eine Präsenzsitzung hat keinen Videolink; für eine Sitzung mit Video "
        "--format hybrid oder online wählen.",
        "en": "A meeting in person has no video link; choose --format hybrid or online for "
        "a meeting with video.",
    },
    "format.error.not_online": {
        "de": "Sitzung {meeting} ist eine Präsenzsitzung; online teilnehmen kann man nur an "
        "einer hybriden oder Online-Sitzung (meeting format).",
        "en": "Meeting {meeting} is held in person; one can take part online only in a hybrid "
        "or online meeting (meeting format).",
    },
    "format.error.not_present": {
        "de": "{organisation} ist nicht als anwesend erfasst; erst die Anwesenheit erfassen "
        "(meeting attend), dann die Online-Teilnahme.",
        "en": "{organisation} is not recorded as present; record the attendance first "
        "(meeting attend), then that it takes part online.",
    },
    # command line
    "practice.cli.conflict": {
        "de": "{organisation} ist bei TOP {top} „{title}“ befangen ({reason}) und stimmt darüber "
        "nicht ab.",
        "en": "{organisation} has a conflict of interest in item {top} “{title}” ({reason}) "
        "and does not vote on it.",
    },
    "practice.cli.transfer": {
        "de": "{organisation} überträgt ihre Stimme für Sitzung {meeting} an {to}.",
        "en": "{organisation} transfers its vote for meeting {meeting} to {to}.",
    },
    "practice.cli.format": {
        "de": "Sitzung {meeting}: {format}{video}.",
        "en": "Meeting {meeting}: {format}{video}.",
    },
    "practice.cli.with_video": {
        "de": ", mit Videolink (nur für die Eingeladenen)",
        "en": ", with a video link (for those invited only)",
    },
    "practice.cli.online": {
        "de": "{organisation} nimmt online teil. Jetzt anwesend: {present} von {members} "
        "(beschlussfähig ab {needed}).",
        "en": "{organisation} takes part online. Present now: {present} of {members} "
        "(quorate from {needed}).",
    },
    "practice.cli.not_online": {
        "de": "{organisation} nimmt vor Ort teil. Jetzt anwesend: {present} von {members} "
        "(beschlussfähig ab {needed}).",
        "en": "{organisation} takes part in the room. Present now: {present} of {members} "
        "(quorate from {needed}).",
    },
    # web page /meetings/<mid>/practice
    "web.practice.title": {
        "de": "Sitzungspraxis: {title}",
        "en": "Meeting practice: {title}",
    },
    "web.practice.link": {
        "de": "Sitzungsform, Befangenheit, Stimmrechtsübertragung",
        "en": "Format, conflicts of interest, vote transfers",
    },
    "web.practice.when": {"de": "{when} · {state}", "en": "{when} · {state}"},
    "web.practice.to_session": {"de": "Zur laufenden Sitzung", "en": "To the meeting in session"},
    "web.practice.format": {"de": "Sitzungsform", "en": "How the meeting is held"},
    "web.practice.format_field": {"de": "Form", "en": "Format"},
    "web.practice.video_field": {"de": "Videolink (https)", "en": "Video link (https)"},
    "web.practice.video_hint": {
        "de": "Nur für hybride und Online-Sitzungen. Er geht nur an die Eingeladenen "
        "(Einladung, Kalendereintrag) und erscheint in keiner öffentlichen Ausgabe.",
        "en": "Only for hybrid and online meetings. It goes to those invited only "
        "(invitation, calendar entry) and appears in no public output.",
    },
    "web.practice.video_private": {
        "de": "Videolink (nur für die Eingeladenen)",
        "en": "Video link (for those invited only)",
    },
    "web.practice.format_save": {"de": "Sitzungsform speichern", "en": "Save the format"},
    "web.practice.format_saved": {"de": "Sitzungsform: {format}.", "en": "Format: {format}."},
    "web.practice.conflicts": {"de": "Befangenheit", "en": "Conflicts of interest"},
    "web.practice.no_conflicts": {
        "de": "Keine Befangenheit erklärt.",
        "en": "No conflict of interest declared.",
    },
    "web.practice.conflict_line": {
        "de": "TOP {top} „{title}“: {organisation} befangen ({reason})",
        "en": "Item {top} “{title}”: {organisation} has a conflict of interest ({reason})",
    },
    "web.practice.organisation": {"de": "Mitgliedsorganisation", "en": "Member organisation"},
    "web.practice.transfers": {"de": "Stimmrechtsübertragungen", "en": "Vote transfers"},
    "web.practice.no_transfers": {
        "de": "Keine Stimme übertragen.",
        "en": "No vote transferred.",
    },
    "web.practice.transfer_line": {
        "de": "{organisation} hat ihre Stimme an {to} übertragen.",
        "en": "{organisation} has transferred its vote to {to}.",
    },
    "web.practice.transfer_ended": {
        "de": "(beendet: die Organisation ist zur Sitzung gekommen)",
        "en": "(ended: the organisation came to the meeting)",
    },
    "web.practice.transfer_from": {
        "de": "Stimme der Mitgliedsorganisation",
        "en": "Vote of the member organisation",
    },
    "web.practice.online": {"de": "Online-Teilnahme", "en": "Taking part online"},
    "web.practice.online_field": {"de": "Teilnahme", "en": "Taking part"},
    "web.practice.online_yes": {"de": "online", "en": "online"},
    "web.practice.online_no": {"de": "vor Ort", "en": "in the room"},
    "web.practice.online_save": {"de": "Teilnahme speichern", "en": "Save"},
    "web.practice.nobody_present": {
        "de": "Noch keine Anwesenheit erfasst.",
        "en": "No attendance recorded yet.",
    },
    # meeting show (text): how the meeting is held, conflicts, transfers, online attendance
    "meeting.cli.show_format": {"de": "Sitzungsform: {format}", "en": "Format: {format}"},
    "meeting.cli.show_conflict": {
        "de": "befangen: {organisation} ({reason}) — stimmt nicht mit",
        "en": "conflict of interest: {organisation} ({reason}) — does not vote",
    },
    "meeting.cli.show_transferred": {
        "de": "übertragene Stimme von {giver}, abgegeben durch {taker}",
        "en": "transferred vote of {giver}, cast by {taker}",
    },
    "meeting.cli.show_transfers": {
        "de": "Stimmrechtsübertragungen:",
        "en": "Vote transfers:",
    },
    "meeting.cli.show_transfer": {
        "de": "  {giver} → {taker}",
        "en": "  {giver} → {taker}",
    },
    "attendance.online_extra": {"de": "online", "en": "online"},
}
