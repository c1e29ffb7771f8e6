"""Issue 14.1: the action links of calls for proposals, circulated minutes,
signature requests, accession applications and action items, and what they
do (agreeing with minutes, the simple electronic signature, the signed paper
on its way)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- agreeing with circulated minutes ---
    "action.minutes.agree": {
        "de": "dem versandten Protokoll zustimmen",
        "en": "agree with the circulated minutes",
    },
    "minutes.error.not_out_for_agreement": {
        "de": "Das Protokoll der Sitzung {meeting} ist nicht versandt (Stand: {state}); "
        "zustimmen kann man nur einem versandten Protokoll, bis zum Ende der Einwendungsfrist.",
        "en": "The minutes of meeting {meeting} are not circulated (state: {state}); "
        "one can agree only with circulated minutes, until the objection period ends.",
    },
    "minutes.error.period_over": {
        "de": "Die Einwendungsfrist für das Protokoll der Sitzung {meeting} endete am {deadline}.",
        "en": "The objection period of the minutes of meeting {meeting} ended on {deadline}.",
    },
    "minutes.error.already_agreed": {
        "de": "{organisation} hat der Fassung {revision} dieses Protokolls bereits zugestimmt "
        "({person}, {at}).",
        "en": "{organisation} has agreed with revision {revision} of these minutes already "
        "({person}, {at}).",
    },
    "minutes.cli.agreed": {
        "de": "{organisation} stimmt der Fassung {revision} des Protokolls der Sitzung {meeting} zu.",
        "en": "{organisation} agrees with revision {revision} of the minutes of meeting {meeting}.",
    },
    "minutes.cli.agreement_line": {
        "de": "Zustimmung: {organisation} ({person}), Fassung {revision}, {at}",
        "en": "Agreed: {organisation} ({person}), revision {revision}, {at}",
    },
    "minutes.web.agreements": {"de": "Zustimmungen", "en": "Agreements"},
    "minutes.web.no_agreements": {
        "de": "Noch hat keine Mitgliedsorganisation dieser Fassung zugestimmt.",
        "en": "No member organisation has agreed with this revision yet.",
    },
    "minutes.web.agreement_line": {
        "de": "{organisation} ({person}) stimmt der Fassung {revision} zu, {at}",
        "en": "{organisation} ({person}) agrees with revision {revision}, {at}",
    },
    "minutes.web.agree_button": {
        "de": "Dem Protokoll zustimmen (für meine Organisation)",
        "en": "Agree with the minutes (for my organisation)",
    },
    "records.minutes.agreed": {
        "de": "Ihre Zustimmung ist vermerkt.",
        "en": "Your agreement is recorded.",
    },
    # --- the simple electronic signature; the signed paper on its way ---
    "rule.electronic_signature": {
        "de": "einfache elektronische Unterschrift über den Link der Unterschriftsanfrage erlaubt",
        "en": "simple electronic signature through the signature request's link allowed",
    },
    "signature.error.electronic_off": {
        "de": "Die Geschäftsordnung von {committee} sieht keine elektronische Unterschrift vor "
        "(Regel electronic_signature). Unterschreiben Sie auf Papier und senden Sie die Seite "
        "an die Geschäftsstelle.",
        "en": "The rules of procedure of {committee} allow no electronic signature "
        "(rule electronic_signature). Sign on paper and send the page to the secretariat.",
    },
    "signature.error.typed_name": {
        "de": "Der eingegebene Name „{typed}“ ist nicht Ihr Name, wie ihn das Gremium kennt: "
        "Geben Sie „{name}“ ein.",
        "en": "The name typed, “{typed}”, is not your name as the committee knows it: "
        "type “{name}”.",
    },
    "signature.error.not_open": {
        "de": "Die Fassung {ref} liegt nicht zur Unterschrift aus.",
        "en": "Version {ref} is not open for signature.",
    },
    "signature.error.already_announced": {
        "de": "Für {organisation} ist bereits vermerkt, dass die unterschriebene Seite unterwegs ist "
        "({person}, {at}).",
        "en": "It is recorded already that the signed page of {organisation} is on its way "
        "({person}, {at}).",
    },
    "signature.web.paper_on_its_way": {
        "de": "Papier unterwegs (gemeldet am {at})",
        "en": "paper on its way (announced on {at})",
    },
    "signature.cli.paper_on_its_way": {
        "de": "nein (Papier unterwegs seit {at})",
        "en": "no (paper on its way since {at})",
    },
    # --- the link pages (governance/services/*_links.py) ---
    "link.proposal.title": {
        "de": "Thema vorschlagen: {title} am {starts_at}",
        "en": "Propose an item: {title} on {starts_at}",
    },
    "link.proposal.confirm": {
        "de": "{name}, schlagen Sie ein Thema für die Tagesordnung von „{title}“ vor. Vorschläge "
        "nimmt das Gremium bis {deadline} an; der Vorsitz entscheidet über die Tagesordnung.",
        "en": "{name}, propose an item for the agenda of “{title}”. The committee takes "
        "proposals until {deadline}; the chair decides on the agenda.",
    },
    "link.proposal.button": {"de": "Thema vorschlagen", "en": "Propose the item"},
    "link.proposal.field.title": {"de": "Titel des Themas", "en": "Title of the item"},
    "link.proposal.field.kind": {"de": "Art", "en": "Kind"},
    "link.proposal.field.description": {
        "de": "Beschreibung (ein paar Sätze, freiwillig)",
        "en": "Description (a few sentences, optional)",
    },
    "link.proposal.kind.information": {"de": "zur Information", "en": "for information"},
    "link.proposal.kind.discussion": {"de": "zur Aussprache", "en": "for discussion"},
    "link.proposal.kind.decision": {"de": "zur Beschlussfassung", "en": "for decision"},
    "link.proposal.done": {
        "de": "Ihr Vorschlag „{item}“ für „{title}“ ist eingegangen. Der Vorsitz entscheidet "
        "über die Tagesordnung; Sie erfahren das Ergebnis per E-Mail.",
        "en": "Your proposal “{item}” for “{title}” has been received. The chair decides on "
        "the agenda; you hear the outcome by e-mail.",
    },
    "link.proposal.so_far_item": {"de": "„{item}“ ({status})", "en": "“{item}” ({status})"},
    "link.minutes.title": {
        "de": "Protokoll: {title} am {starts_at}",
        "en": "Minutes: {title} on {starts_at}",
    },
    "link.minutes.agree.confirm": {
        "de": "{name}, bitte bestätigen Sie: Sie stimmen dem Protokoll von „{title}“ in der "
        "Fassung {revision} zu. Die Einwendungsfrist läuft bis {deadline}.",
        "en": "{name}, please confirm: you agree with revision {revision} of the minutes of "
        "“{title}”. The objection period runs until {deadline}.",
    },
    "link.minutes.agree.button": {"de": "Ich stimme zu", "en": "I agree"},
    "link.minutes.object.confirm": {
        "de": "{name}, schreiben Sie Ihre Einwendung gegen das Protokoll von „{title}“ "
        "(Fassung {revision}): welche Stelle wie geändert werden soll. Die Einwendungsfrist "
        "läuft bis {deadline}; eine Einwendung schickt das Protokoll zur Überarbeitung zurück.",
        "en": "{name}, write your objection to revision {revision} of the minutes of “{title}”: "
        "which passage should be changed, and how. The objection period runs until {deadline}; "
        "an objection sends the minutes back for revision.",
    },
    "link.minutes.object.button": {"de": "Einwendung erheben", "en": "Object"},
    "link.minutes.field.text": {"de": "Ihre Einwendung", "en": "Your objection"},
    "link.minutes.done.agree": {
        "de": "Ihre Zustimmung zur Fassung {revision} des Protokolls von „{title}“ ist vermerkt.",
        "en": "Your agreement with revision {revision} of the minutes of “{title}” is recorded.",
    },
    "link.minutes.done.object": {
        "de": "Ihre Einwendung gegen die Fassung {revision} des Protokolls von „{title}“ ist "
        "eingegangen; die Geschäftsstelle überarbeitet das Protokoll.",
        "en": "Your objection to revision {revision} of the minutes of “{title}” has been "
        "received; the secretariat revises the minutes.",
    },
    "link.signature.title": {
        "de": "Unterschrift: {title}, Fassung {ref}",
        "en": "Signature: {title}, version {ref}",
    },
    "link.agreement.sign_electronic.confirm": {
        "de": "{name}, lesen Sie den Text unten; seine Prüfsumme (SHA-256) ist {sha256}. Mit "
        "Ihrem Namen und der Bestätigung unterschreiben Sie ihn für {organisation} elektronisch "
        "(einfache elektronische Signatur); vermerkt werden Ihr Name, die Prüfsumme und der "
        "Zeitpunkt.",
        "en": "{name}, read the text below; its checksum (SHA-256) is {sha256}. With your name "
        "and the confirmation you sign it for {organisation} electronically (simple electronic "
        "signature); your name, the checksum and the moment are recorded.",
    },
    "link.agreement.sign_electronic.button": {
        "de": "Elektronisch unterschreiben",
        "en": "Sign electronically",
    },
    "link.signature.field.name": {
        "de": "Ihr Name, wie ihn das Gremium führt",
        "en": "Your name, as the committee knows it",
    },
    "link.agreement.paper_on_its_way.confirm": {
        "de": "{name}, der Text unten hat die Prüfsumme (SHA-256) {sha256}. Bestätigen Sie, dass "
        "die unterschriebene Seite von {organisation} an die Geschäftsstelle unterwegs ist; "
        "die Geschäftsstelle sieht es und vermerkt die Unterschrift, wenn das Papier ankommt.",
        "en": "{name}, the text below has the checksum (SHA-256) {sha256}. Confirm that the "
        "signed page of {organisation} is on its way to the secretariat; the secretariat sees "
        "it and records the signature when the paper arrives.",
    },
    "link.agreement.paper_on_its_way.button": {
        "de": "Die Seite ist unterwegs",
        "en": "The page is on its way",
    },
    "link.signature.done.electronic": {
        "de": "{organisation} hat die Fassung {ref} elektronisch unterschrieben "
        "(SHA-256 {sha256}).",
        "en": "{organisation} has signed version {ref} electronically (SHA-256 {sha256}).",
    },
    "link.signature.done.paper": {
        "de": "Vermerkt: Die unterschriebene Seite von {organisation} zur Fassung {ref} ist "
        "unterwegs. Die Geschäftsstelle vermerkt die Unterschrift, wenn sie ankommt.",
        "en": "Recorded: the signed page of {organisation} for version {ref} is on its way. "
        "The secretariat records the signature when it arrives.",
    },
    "link.accession.title": {
        "de": "Beitrittsantrag von {organisation}",
        "en": "Application of {organisation} to join",
    },
    "link.accession.button": {"de": "Stand zeigen", "en": "Show the state"},
    "link.accession.confirm": {
        "de": "Ihr Antrag vom {submitted_on} auf Beitritt zum Gremium „{committee}“: {state}",
        "en": "Your application of {submitted_on} to join the committee “{committee}”: {state}",
    },
    "link.accession.state.applied": {
        "de": "eingegangen; der Vorsitz prüft ihn.",
        "en": "received; the chair reviews it.",
    },
    "link.accession.state.under_review": {
        "de": "in Prüfung beim Vorsitz.",
        "en": "under review by the chair.",
    },
    "link.accession.state.on_agenda": {
        "de": "auf der Tagesordnung der nächsten Sitzung; das Gremium stimmt darüber ab.",
        "en": "on the agenda of the next meeting; the committee votes on it.",
    },
    "link.accession.state.accepted": {
        "de": "angenommen; es fehlt noch Ihre unterschriebene Beitrittserklärung.",
        "en": "accepted; your signed declaration of accession is still missing.",
    },
    "link.accession.state.joined": {
        "de": "angenommen; Ihre Organisation ist Mitglied des Gremiums.",
        "en": "accepted; your organisation is a member of the committee.",
    },
    "link.accession.state.rejected": {
        "de": "abgelehnt.",
        "en": "rejected.",
    },
    "link.accession.state.withdrawn": {
        "de": "zurückgezogen.",
        "en": "withdrawn.",
    },
    "link.action_item.title": {"de": "Aufgabe: {what}", "en": "Action item: {what}"},
    "link.action_item.confirm": {
        "de": "{name}, bitte bestätigen Sie: Die Aufgabe „{what}“ (fällig am {due_on}) ist erledigt.",
        "en": "{name}, please confirm: the action item “{what}” (due on {due_on}) is done.",
    },
    "link.action_item.button": {"de": "Erledigt", "en": "Done"},
    "link.action_item.field.note": {
        "de": "Anmerkung (freiwillig)",
        "en": "Note (optional)",
    },
    "link.action_item.done": {
        "de": "Die Aufgabe „{what}“ ist als erledigt vermerkt.",
        "en": "The action item “{what}” is recorded as done.",
    },
}
