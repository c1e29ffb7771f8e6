"""Action links in mails (/l/<token>) and the answers to invitations (RSVP)."""

from __future__ import annotations

MESSAGES = {
    # --- a link that cannot be used ---
    "link.error.invalid": {
        "de": "Dieser Link ist ungültig oder abgelaufen.",
        "en": "This link is invalid or has expired.",
    },
    "link.error.revoked": {
        "de": "Dieser Link wurde von der Geschäftsstelle gesperrt.",
        "en": "This link has been revoked by the secretariat.",
    },
    "link.error.used": {
        "de": "Dieser Link wurde bereits benutzt (am {at}); er gilt nur einmal.",
        "en": "This link has been used already (on {at}); it works only once.",
    },
    "link.error.used_up": {
        "de": "Über diesen Link wurden bereits {limit} Einreichungen gemacht (zuletzt am {at}); "
        "mehr nimmt er nicht an. Weitere bitte über die Geschäftsstelle.",
        "en": "This link has been used {limit} times already (last on {at}); it takes no "
        "more. Please send further ones through the secretariat.",
    },
    "link.error.expired": {
        "de": "Dieser Link ist abgelaufen (die Frist endete am {at}).",
        "en": "This link has expired (its period ended on {at}).",
    },
    "link.error.left": {
        "de": "Dieser Link gilt nicht mehr: Sie gehören dem Gremium nicht mehr an.",
        "en": "This link is no longer valid: you are no longer part of the committee.",
    },
    "link.error.gone": {
        "de": "Dieser Link gilt nicht mehr: das, worauf er sich bezog, gibt es nicht mehr.",
        "en": "This link is no longer valid: what it referred to no longer exists.",
    },
    "link.error.closed": {
        "de": "Dieser Link gilt nicht mehr. {why}",
        "en": "This link is no longer valid. {why}",
    },
    "link.error.field_missing": {
        "de": "Bitte füllen Sie „{field}“ aus.",
        "en": "Please fill in “{field}”.",
    },
    "link.error.field_too_long": {
        "de": "„{field}“ ist zu lang (höchstens {limit} Zeichen).",
        "en": "“{field}” is too long (at most {limit} characters).",
    },
    "link.error.revoke_what": {
        "de": "Bitte genau eines angeben: die Nummer eines Links (--id) oder die E-Mail-Adresse "
        "einer Person (--person), deren offene Links gesperrt werden.",
        "en": "Please give exactly one: a link's number (--id) or the e-mail address of a person "
        "(--person) whose open links are revoked.",
    },
    "link.error.id": {
        "de": "„{value}“ ist keine Link-Nummer (erlaubt: eine Zahl wie 12 oder #12).",
        "en": "“{value}” is not a link number (allowed: a number such as 12 or #12).",
    },
    "link.error.none_open": {
        "de": "Kein offener Link für „{ref}“ in diesem Gremium (gezeigt mit: gremium links list).",
        "en": "No open link for “{ref}” in this committee (listed by: gremium links list).",
    },
    # --- the pages ---
    "link.page.valid_until": {
        "de": "Dieser persönliche Link gilt bis {until}.",
        "en": "This personal link is valid until {until}.",
    },
    "link.page.max_length": {
        "de": "Höchstens {limit} Zeichen.",
        "en": "At most {limit} characters.",
    },
    "link.page.not_you": {
        "de": "Dieser Link wurde für {name} versandt. Wenn Sie nicht {name} sind, "
        "schließen Sie diese Seite bitte.",
        "en": "This link was sent to {name}. If you are not {name}, please close this page.",
    },
    "link.page.done_title": {"de": "Erledigt", "en": "Done"},
    "link.page.so_far": {"de": "Bisher von Ihnen eingereicht:", "en": "What you have sent so far:"},
    "link.page.uses_left": {
        "de": "Dieser Link nimmt bis zum Ende der Frist noch "
        "{left:weitere Einreichung|weitere Einreichungen} an.",
        "en": "This link takes {left:more submission|more submissions} until its period ends.",
    },
    "link.page.again": {"de": "Noch einen Vorschlag einreichen", "en": "Send another one"},
    "link.page.done_note": {
        "de": "Vermerkt für {name}. Sie können diese Seite schließen.",
        "en": "Recorded for {name}. You may close this page.",
    },
    "link.page.dead_title": {
        "de": "Dieser Link kann nicht verwendet werden",
        "en": "This link cannot be used",
    },
    "link.page.contact": {
        "de": "Bei Fragen wenden Sie sich bitte an die Geschäftsstelle: {name},",
        "en": "If you have questions, please contact the secretariat: {name},",
    },
    "link.page.contact_unknown": {
        "de": "Bitte wenden Sie sich an die Geschäftsstelle Ihres Gremiums; sie kann Ihnen "
        "die Nachricht erneut senden.",
        "en": "Please contact the secretariat of your committee; it can send you the message again.",
    },
    # --- answering an invitation ---
    "rsvp.link.title": {
        "de": "Rückmeldung: {title} am {starts_at}",
        "en": "Your answer: {title} on {starts_at}",
    },
    "rsvp.link.confirm.attends": {
        "de": "{name}, bitte bestätigen Sie: Sie nehmen für {organisation} an der Sitzung "
        "„{title}“ am {starts_at} ({location}) teil.",
        "en": "{name}, please confirm: you will attend the meeting “{title}” on {starts_at} "
        "({location}) for {organisation}.",
    },
    "rsvp.link.confirm.excused": {
        "de": "{name}, bitte bestätigen Sie: Sie sind an der Sitzung „{title}“ am {starts_at} "
        "verhindert, und niemand vertritt {organisation}.",
        "en": "{name}, please confirm: you cannot attend the meeting “{title}” on {starts_at}, "
        "and nobody comes for {organisation} instead.",
    },
    "rsvp.link.confirm.deputy": {
        "de": "{name}, bitte wählen Sie, wer {organisation} an der Sitzung „{title}“ am "
        "{starts_at} vertritt, und bestätigen Sie.",
        "en": "{name}, please choose who comes for {organisation} to the meeting “{title}” on "
        "{starts_at}, and confirm.",
    },
    "rsvp.link.button.attends": {"de": "Ich nehme teil", "en": "I will attend"},
    "rsvp.link.button.excused": {"de": "Ich bin verhindert", "en": "I cannot attend"},
    "rsvp.link.button.deputy": {"de": "Vertretung bestätigen", "en": "Confirm the deputy"},
    "rsvp.field.comment": {"de": "Bemerkung (freiwillig)", "en": "Comment (optional)"},
    "rsvp.field.deputy": {"de": "Mich vertritt", "en": "My deputy"},
    "rsvp.done.attends": {
        "de": "Ihre Teilnahme an „{title}“ ist vermerkt.",
        "en": "Your attendance at “{title}” is recorded.",
    },
    "rsvp.done.excused": {
        "de": "Vermerkt: Sie sind an „{title}“ verhindert.",
        "en": "Recorded: you cannot attend “{title}”.",
    },
    "rsvp.done.deputy": {
        "de": "Vermerkt: {deputy} vertritt Sie bei „{title}“.",
        "en": "Recorded: {deputy} comes for you to “{title}”.",
    },
    "rsvp.error.via": {
        "de": "„{value}“ ist kein Weg der Rückmeldung (erlaubt: {allowed}).",
        "en": "“{value}” is not a way of answering (allowed: {allowed}).",
    },
    "rsvp.error.answer": {
        "de": "„{value}“ ist keine Rückmeldung (erlaubt: {allowed}).",
        "en": "“{value}” is not an answer (allowed: {allowed}).",
    },
    "rsvp.error.closed": {
        "de": "Rückmeldungen zur Sitzung {meeting} sind nicht mehr möglich: sie hat begonnen, "
        "wurde abgesagt oder ist beendet.",
        "en": "Answers to meeting {meeting} are no longer possible: it has begun, was cancelled "
        "or is over.",
    },
    "rsvp.error.organisation_needed": {
        "de": "Bitte die Organisation angeben, für die die Rückmeldung erfasst wird (--for).",
        "en": "Please name the organisation the answer is recorded for (--for).",
    },
    "rsvp.error.not_acting": {
        "de": "{person} vertritt im Gremium {committee} keine Mitgliedsorganisation und kann "
        "daher keine Rückmeldung geben.",
        "en": "{person} acts for no member organisation in committee {committee} and so cannot "
        "answer.",
    },
    "rsvp.error.deputy_needed": {
        "de": "Bitte angeben, wer {organisation} vertritt (--deputy E-MAIL).",
        "en": "Please name who comes for {organisation} (--deputy EMAIL).",
    },
    "rsvp.error.deputy_other": {
        "de": "{person} gehört nicht zu {organisation} und kann sie daher nicht vertreten.",
        "en": "{person} does not belong to {organisation} and so cannot come for it.",
    },
    "rsvp.error.deputy_only": {
        "de": "Eine Vertretung (--deputy) gibt es nur zur Rückmeldung „deputy“.",
        "en": "A deputy (--deputy) goes only with the answer “deputy”.",
    },
    "rsvp.error.no_person": {
        "de": "Für {organisation} ist im Gremium niemand benannt.",
        "en": "Nobody is named for {organisation} in the committee.",
    },
    # --- the command line ---
    "rsvp.cli.attends": {
        "de": "Vermerkt: {organisation} nimmt an Sitzung {meeting} teil.",
        "en": "Recorded: {organisation} attends meeting {meeting}.",
    },
    "rsvp.cli.excused": {
        "de": "Vermerkt: {organisation} ist an Sitzung {meeting} verhindert.",
        "en": "Recorded: {organisation} cannot attend meeting {meeting}.",
    },
    "rsvp.cli.tentative": {
        "de": "Vermerkt: {organisation} kommt vielleicht zu Sitzung {meeting} "
        "(nicht als Zusage gezählt).",
        "en": "Recorded: {organisation} may attend meeting {meeting} (not counted as coming).",
    },
    "rsvp.cli.deputy": {
        "de": "Vermerkt: {deputy} vertritt {organisation} in Sitzung {meeting}.",
        "en": "Recorded: {deputy} comes for {organisation} to meeting {meeting}.",
    },
    "link.cli.none": {"de": "Keine Links.", "en": "No links."},
    "link.cli.heading": {
        "de": "Nr.|Person|Zweck|Bezug|gültig bis|Stand",
        "en": "No.|Person|Purpose|Concerns|valid until|State",
    },
    "link.cli.revoked": {
        "de": "Gesperrt: {count:Link|Links} ({ids}).",
        "en": "Revoked: {count:link|links} ({ids}).",
    },
    "link.state.open": {"de": "offen", "en": "open"},
    "link.state.used": {"de": "benutzt", "en": "used"},
    "link.state.expired": {"de": "abgelaufen", "en": "expired"},
    "link.state.revoked": {"de": "gesperrt", "en": "revoked"},
    "rule.forecast_days": {
        "de": "Tage vor der Sitzung für die Prognose der Beschlussfähigkeit (0: keine)",
        "en": "days before the meeting for the quorum forecast (0: none)",
    },
    # --- meeting show: the expected attendance ---
    "rsvp.cli.show_heading": {
        "de": "Rückmeldungen (erwartete Anwesenheit):",
        "en": "Answers (expected attendance):",
    },
    "rsvp.answer.attends": {"de": "nimmt teil", "en": "attends"},
    "rsvp.answer.excused": {"de": "verhindert", "en": "excused"},
    "rsvp.answer.deputy": {"de": "Vertretung", "en": "deputy"},
    "rsvp.answer.tentative": {"de": "vielleicht / unsicher", "en": "tentative"},
    "rsvp.answer.none": {"de": "keine Rückmeldung", "en": "no answer"},
    "rsvp.cli.tentative_not_counted": {
        "de": "{tentative} mit „vielleicht“ geantwortet: nicht als Zusage gezählt.",
        "en": "{tentative} answered “tentative”: not counted as coming.",
    },
    "rsvp.cli.deputy_named": {"de": "vertreten durch {person}", "en": "deputy: {person}"},
    "rsvp.cli.quorum_assured": {
        "de": "Erwartet beschlussfähig: {expected} von {voting} Stimmberechtigten zugesagt, "
        "nötig {needed}.",
        "en": "Expected to be quorate: {expected} of {voting} voting members said they come, "
        "{needed} needed.",
    },
    "rsvp.cli.quorum_open": {
        "de": "Beschlussfähigkeit offen: {expected} von {voting} Stimmberechtigten zugesagt, "
        "nötig {needed}; {open} ohne Rückmeldung.",
        "en": "Quorum open: {expected} of {voting} voting members said they come, {needed} "
        "needed; {open} without an answer.",
    },
    "rsvp.cli.quorum_lost": {
        "de": "Nicht beschlussfähig zu erwarten: {expected} von {voting} Stimmberechtigten "
        "zugesagt, nötig {needed}; nicht erreichbar, selbst wenn alle ohne Rückmeldung ({open}) "
        "kämen.",
        "en": "Not expected to be quorate: {expected} of {voting} voting members said they come, "
        "{needed} needed; not reachable even if all without an answer ({open}) came.",
    },
    "rsvp.cli.quorum_repeat": {
        "de": "Wiederholungssitzung: beschlussfähig unabhängig von den Rückmeldungen "
        "({expected} von {voting} zugesagt).",
        "en": "Repeat meeting: quorate whatever the answers ({expected} of {voting} said they come).",
    },
    # --- the meeting page ---
    "rsvp.web.heading": {"de": "Rückmeldungen zur Einladung", "en": "Answers to the invitation"},
    "rsvp.web.caption": {
        "de": "Erwartete Anwesenheit je Organisation",
        "en": "Expected attendance per organisation",
    },
    "rsvp.web.col.organisation": {"de": "Organisation", "en": "Organisation"},
    "rsvp.web.col.answer": {"de": "Rückmeldung", "en": "Answer"},
    "rsvp.web.col.comment": {"de": "Bemerkung", "en": "Comment"},
    "rsvp.web.col.when": {"de": "Eingegangen", "en": "Received"},
    "rsvp.via.link": {"de": "per Link", "en": "by link"},
    "rsvp.via.calendar": {"de": "per Kalender", "en": "by calendar"},
    "rsvp.via.web": {"de": "im Web", "en": "on the web"},
    "rsvp.via.cli": {"de": "per Kommandozeile", "en": "by command line"},
    # --- the meeting page: a signed-in member answers ---
    "rsvp.web.own.heading": {"de": "Ihre Rückmeldung", "en": "Your answer"},
    "rsvp.web.own.current": {
        "de": "Bisherige Rückmeldung für {organisation}: {answer}.",
        "en": "Answer so far for {organisation}: {answer}.",
    },
    "rsvp.web.own.none": {
        "de": "Für {organisation} liegt noch keine Rückmeldung vor.",
        "en": "There is no answer for {organisation} yet.",
    },
    "rsvp.web.own.answer": {"de": "Ihre Antwort", "en": "Your answer"},
    "rsvp.web.own.deputy": {
        "de": "Wer vertritt (nur bei „Vertretung“)",
        "en": "Who comes instead (only with “deputy”)",
    },
    "rsvp.web.own.no_deputy": {"de": "– niemand gewählt –", "en": "– nobody chosen –"},
    "rsvp.web.own.submit": {"de": "Rückmeldung senden", "en": "Send the answer"},
    "rsvp.web.own.choice.attends": {"de": "Ich nehme teil", "en": "I will attend"},
    "rsvp.web.own.choice.excused": {"de": "Ich bin verhindert", "en": "I cannot attend"},
    "rsvp.web.own.choice.deputy": {"de": "Mich vertritt …", "en": "My deputy comes …"},
    "rsvp.web.own.done": {"de": "Ihre Rückmeldung ist vermerkt.", "en": "Your answer is recorded."},
    "rsvp.via.secretariat": {
        "de": "von der Geschäftsstelle erfasst",
        "en": "recorded by the secretariat",
    },
    # --- the permission table's actions (in refusals: "… may not …") ---
    "action.meeting.rsvp": {
        "de": "auf eine Einladung antworten",
        "en": "answer an invitation",
    },
    "action.meeting.rsvp_record": {
        "de": "Rückmeldungen zur Einladung erfassen",
        "en": "record answers to an invitation",
    },
    "action.link.manage": {
        "de": "persönliche Links anzeigen und sperren",
        "en": "list and revoke personal links",
    },
    # --- the secretariat's page of links ---
    "link.manage.title": {"de": "Persönliche Links", "en": "Personal links"},
    "link.manage.intro": {
        "de": "Die noch gültigen Links, die Gremium in E-Mails des Gremiums „{committee}“ "
        "versandt hat. Ein gesperrter Link führt nur noch auf eine Seite, die das sagt und "
        "die Geschäftsstelle nennt.",
        "en": "The links still valid that Gremium sent in mails of the committee “{committee}”. "
        "A revoked link leads only to a page saying so and naming the secretariat.",
    },
    "link.manage.person": {"de": "E-Mail-Adresse der Person", "en": "The person's e-mail address"},
    "link.manage.person_hint": {
        "de": "Sperrt alle offenen Links dieser Person, z. B. wenn eine E-Mail weitergeleitet wurde.",
        "en": "Revokes all open links of this person, e.g. when a mail was forwarded.",
    },
    "link.manage.revoke_person": {
        "de": "Alle Links der Person sperren",
        "en": "Revoke all links of the person",
    },
    "link.manage.caption": {"de": "Offene Links, neueste zuerst", "en": "Open links, newest first"},
    "link.manage.col.id": {"de": "Nr.", "en": "No."},
    "link.manage.col.person": {"de": "Person", "en": "Person"},
    "link.manage.col.purpose": {"de": "Zweck", "en": "Purpose"},
    "link.manage.col.until": {"de": "gültig bis", "en": "valid until"},
    "link.manage.col.action": {"de": "Aktion", "en": "Action"},
    "link.manage.revoke_one": {"de": "Sperren", "en": "Revoke"},
    "link.manage.revoke_one_label": {
        "de": "Link {id} von {person} sperren",
        "en": "Revoke link {id} of {person}",
    },
    "link.manage.none": {"de": "Keine offenen Links.", "en": "No open links."},
    "rsvp.web.sheet_from_answer": {
        "de": "vorausgefüllt aus der Rückmeldung „{answer}“",
        "en": "filled in from the answer “{answer}”",
    },
    "rsvp.web.sheet_open_answer": {
        "de": "Rückmeldung „{answer}“: bitte vor Ort eintragen",
        "en": "answered “{answer}”: please record on the day",
    },
    "rsvp.web.manage_links": {
        "de": "Persönliche Links in E-Mails anzeigen und sperren",
        "en": "List and revoke personal links in mails",
    },
    "link.page.no_choice": {
        "de": "„{label}“: Für Ihre Organisation ist im Gremium niemand sonst benannt. "
        "Bitte wenden Sie sich an die Geschäftsstelle.",
        "en": "“{label}”: nobody else is named for your organisation in the committee. "
        "Please contact the secretariat.",
    },
    "link.error.too_many": {
        "de": "Zu viele ungültige Links von Ihrer Verbindung. Bitte versuchen Sie es in "
        "{minutes} Minuten erneut.",
        "en": "Too many invalid links from your connection. Please try again in {minutes} minutes.",
    },
}
