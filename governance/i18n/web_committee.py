"""Text of the web pages of engineer "committee": my overview, the committee with its
members, rules of procedure, agreement, accessions and withdrawals."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- my overview (/) ---
    "web.my.title": {"de": "Meine Übersicht", "en": "My overview"},
    "web.my.tasks": {"de": "Was auf mich wartet", "en": "What waits for me"},
    "web.my.tasks_caption": {
        "de": "{count:Aufgabe|Aufgaben}, die älteste Frist zuerst",
        "en": "{count:task|tasks}, the earliest deadline first",
    },
    "web.my.nothing_waits": {
        "de": "Im Moment wartet nichts auf Sie.",
        "en": "Nothing waits for you at the moment.",
    },
    "web.my.task.signature": {
        "de": "Unterschrift für {organisation}: {subject}",
        "en": "Signature for {organisation}: {subject}",
    },
    "web.my.task.proposals": {
        "de": "{count:Vorschlag|Vorschläge} zur Tagesordnung entscheiden: {subject}",
        "en": "Decide {count:agenda proposal|agenda proposals}: {subject}",
    },
    "web.my.task.minutes_write": {
        "de": "Protokoll schreiben: {subject}",
        "en": "Write the minutes: {subject}",
    },
    "web.my.task.minutes_approve": {
        "de": "Protokoll genehmigen: {subject}",
        "en": "Approve the minutes: {subject}",
    },
    "web.my.task.objection": {
        "de": "{count:Einwendung|Einwendungen} zum Protokoll klären: {subject}",
        "en": "Resolve {count:objection|objections} to the minutes: {subject}",
    },
    "web.my.task.action_item": {"de": "Aufgabe: {subject}", "en": "Action item: {subject}"},
    "web.my.no_deadline": {"de": "keine Frist", "en": "no deadline"},
    "web.my.due_on": {"de": "fällig am {day}", "en": "due on {day}"},
    "web.my.overdue_since": {"de": "überfällig seit {day}", "en": "overdue since {day}"},
    "web.my.meetings": {"de": "Nächste Sitzungen", "en": "Next meetings"},
    "web.my.meetings_caption": {
        "de": "Die nächsten Sitzungen meiner Gremien",
        "en": "The next meetings of my committees",
    },
    "web.my.no_meetings": {
        "de": "Keine Sitzung geplant.",
        "en": "No meeting planned.",
    },
    "web.my.committees": {"de": "Meine Gremien", "en": "My committees"},
    "web.my.committees_caption": {
        "de": "Gremien, in denen ich eine Rolle habe",
        "en": "Committees in which I have a role",
    },
    "web.my.no_committees": {
        "de": "Sie haben in keinem Gremium eine Rolle.",
        "en": "You have no role in any committee.",
    },
    "web.my.col.task": {"de": "Aufgabe", "en": "Task"},
    "web.my.col.committee": {"de": "Gremium", "en": "Committee"},
    "web.my.col.deadline": {"de": "Frist", "en": "Deadline"},
    "web.my.col.meeting": {"de": "Sitzung", "en": "Meeting"},
    "web.my.col.when": {"de": "Beginn", "en": "Starts"},
    "web.my.col.where": {"de": "Ort", "en": "Place"},
    "web.my.col.state": {"de": "Stand", "en": "Status"},
    "web.my.col.roles": {"de": "Meine Rolle", "en": "My role"},
    "web.my.col.for": {"de": "Für die Organisation", "en": "For the organisation"},
    # --- the committee (/committees/<cid>) ---
    "web.committee.nav_label": {
        "de": "Seiten des Gremiums {committee}",
        "en": "Pages of the committee {committee}",
    },
    "web.committee.nav.members": {"de": "Mitglieder", "en": "Members"},
    "web.committee.nav.rules": {"de": "Geschäftsordnung", "en": "Rules of procedure"},
    "web.committee.nav.agreement": {
        "de": "Kooperationsvereinbarung",
        "en": "Cooperation agreement",
    },
    "web.committee.nav.accessions": {"de": "Beitritte", "en": "Accessions"},
    "web.committee.nav.withdrawals": {"de": "Austritte", "en": "Withdrawals"},
    "web.committee.my_roles_label": {"de": "Meine Rolle", "en": "My role"},
    "web.committee.chair_and_secretariat": {
        "de": "Vorsitz und Geschäftsstelle",
        "en": "Chair and secretariat",
    },
    "web.committee.sender": {"de": "Absender der Einladungen", "en": "Invitations sent from"},
    "web.committee.members": {"de": "Mitglieder", "en": "Members"},
    "web.committee.members_caption": {
        "de": "Mitglieder von {committee} ({count:Organisation|Organisationen})",
        "en": "Members of {committee} ({count:organisation|organisations})",
    },
    "web.committee.col.organisation": {"de": "Organisation", "en": "Organisation"},
    "web.committee.col.role": {"de": "Rolle", "en": "Role"},
    "web.committee.col.voting": {"de": "Stimmrecht", "en": "Vote"},
    "web.committee.col.representatives": {"de": "Vertretung", "en": "Representatives"},
    "web.committee.col.deputies": {"de": "Stellvertretung", "en": "Deputies"},
    "web.committee.col.since": {"de": "Mitglied ab", "en": "Member from"},
    "web.committee.col.state": {"de": "Stand", "en": "Status"},
    "web.committee.until": {"de": "bis {day}", "en": "until {day}"},
    # --- rules of procedure ---
    "web.committee.rules.title": {
        "de": "Geschäftsordnung von {committee}",
        "en": "Rules of procedure of {committee}",
    },
    "web.committee.rules.caption": {
        "de": "Die Regeln der Geschäftsordnung von {committee}",
        "en": "The rules of procedure of {committee}",
    },
    "web.committee.rules.col.rule": {"de": "Regel", "en": "Rule"},
    "web.committee.rules.col.value": {"de": "Wert", "en": "Value"},
    "web.committee.rules.col.setting": {"de": "Name der Regel", "en": "Setting"},
    "web.committee.rules.edit_hint": {
        "de": "Als Vorsitz ändern Sie hier die Regeln; gespeichert werden alle zusammen, "
        "geprüft wie bei „gremium committee rules --set“.",
        "en": "As the chair you change the rules here; they are saved together and checked "
        "as “gremium committee rules --set” checks them.",
    },
    "web.committee.rules.only_chair": {
        "de": "Nur der Vorsitz kann die Geschäftsordnung ändern.",
        "en": "Only the chair can change the rules of procedure.",
    },
    "web.committee.rules.save": {"de": "Geschäftsordnung speichern", "en": "Save the rules"},
    "web.committee.rules.saved": {
        "de": "Die Geschäftsordnung ist gespeichert.",
        "en": "The rules of procedure are saved.",
    },
    "web.committee.rules.now": {"de": "gespeichert ist: {value}", "en": "saved now: {value}"},
    "web.committee.rules.choice.more_than": {"de": "mehr als", "en": "more than"},
    "web.committee.rules.choice.at_least": {"de": "mindestens", "en": "at least"},
    "web.committee.rules.choice.skip": {"de": "entfällt", "en": "skipped"},
    "web.committee.rules.choice.next_working_day": {
        "de": "am nächsten Werktag",
        "en": "on the next working day",
    },
    # --- the agreement ---
    "web.committee.agreement.title": {
        "de": "Kooperationsvereinbarung von {committee}",
        "en": "Cooperation agreement of {committee}",
    },
    "web.committee.agreement.none": {
        "de": "Das Gremium hat noch keine Kooperationsvereinbarung.",
        "en": "The committee has no cooperation agreement yet.",
    },
    "web.committee.agreement.versions": {"de": "Fassungen", "en": "Versions"},
    "web.committee.agreement.col.version": {"de": "Fassung", "en": "Version"},
    "web.committee.agreement.col.state": {"de": "Stand", "en": "Status"},
    "web.committee.agreement.col.signatures": {"de": "Unterschriften", "en": "Signatures"},
    "web.committee.agreement.col.in_force": {"de": "In Kraft", "en": "In force"},
    "web.committee.agreement.version_name": {
        "de": "Fassung {number} ({ref})",
        "en": "Version {number} ({ref})",
    },
    "web.committee.agreement.signed_of": {
        "de": "{signed} von {parties}",
        "en": "{signed} of {parties}",
    },
    "web.committee.agreement.not_frozen": {
        "de": "noch nicht eingefroren (Entwurf)",
        "en": "not frozen yet (draft)",
    },
    "web.committee.agreement.read_html": {
        "de": "Vereinbarung lesen (HTML)",
        "en": "Read the agreement (HTML)",
    },
    "web.committee.agreement.download_pdf": {
        "de": "Vereinbarung herunterladen (PDF)",
        "en": "Download the agreement (PDF)",
    },
    "web.committee.agreement.parties_caption": {
        "de": "Vertragsparteien: {signed} von {parties} haben unterschrieben",
        "en": "Parties: {signed} of {parties} have signed",
    },
    "web.committee.agreement.col.party": {"de": "Vertragspartei", "en": "Party"},
    "web.committee.agreement.col.signatory": {"de": "Unterzeichnet von", "en": "Signed by"},
    "web.committee.agreement.col.signed_on": {"de": "Datum, Ort", "en": "Date, place"},
    "web.committee.agreement.col.method": {"de": "Form", "en": "Form"},
    "web.committee.agreement.pending": {"de": "Unterschrift ausstehend", "en": "Not signed yet"},
    "web.committee.agreement.recorded_later": {
        "de": "nachträglich erfasst",
        "en": "recorded later",
    },
    "web.committee.agreement.record_heading": {
        "de": "Unterschrift auf Papier erfassen",
        "en": "Record a signature given on paper",
    },
    "web.committee.agreement.field.organisation": {"de": "Vertragspartei", "en": "Party"},
    "web.committee.agreement.field.signatory": {
        "de": "E-Mail der Unterzeichner:in",
        "en": "Signatory's e-mail address",
    },
    "web.committee.agreement.hint.signatory": {
        "de": "Eine Person, die für die Vertragspartei handelt.",
        "en": "A person who acts for the party.",
    },
    "web.committee.agreement.field.signed_on": {"de": "Datum der Unterschrift", "en": "Signed on"},
    "web.committee.agreement.field.place": {"de": "Ort", "en": "Place"},
    "web.committee.agreement.field.method": {"de": "Form", "en": "Form"},
    "web.committee.agreement.record": {"de": "Unterschrift erfassen", "en": "Record the signature"},
    "web.committee.agreement.sign_own_heading": {
        "de": "Für meine Organisation unterschreiben",
        "en": "Sign for my organisation",
    },
    "web.committee.agreement.sign_own_text": {
        "de": "Sie unterschreiben heute ({day}) die oben genannte Fassung mit ihrem SHA-256; "
        "lesen Sie den Text vorher (HTML oder PDF).",
        "en": "You sign the version above with its SHA-256 today ({day}); "
        "read the text first (HTML or PDF).",
    },
    "web.committee.agreement.sign_own": {"de": "Unterschreiben", "en": "Sign"},
    "web.committee.agreement.signed": {
        "de": "Die Unterschrift von {organisation} ({signatory}) ist erfasst.",
        "en": "The signature of {organisation} ({signatory}) is recorded.",
    },
    # --- accessions ---
    "web.committee.accession.title": {
        "de": "Beitritte zu {committee}",
        "en": "Accessions to {committee}",
    },
    "web.committee.accession.none": {
        "de": "Es gibt keine Beitrittsanträge.",
        "en": "There are no applications for accession.",
    },
    "web.committee.accession.caption": {
        "de": "Beitrittsanträge an {committee}",
        "en": "Applications for accession to {committee}",
    },
    "web.committee.accession.col.number": {"de": "Nr.", "en": "No."},
    "web.committee.accession.col.organisation": {"de": "Organisation", "en": "Organisation"},
    "web.committee.accession.col.applicant": {"de": "Antragsteller:in", "en": "Applicant"},
    "web.committee.accession.col.submitted": {"de": "Eingegangen", "en": "Submitted"},
    "web.committee.accession.col.state": {"de": "Stand", "en": "Status"},
    "web.committee.accession.member_from": {"de": "Mitglied ab {day}", "en": "member from {day}"},
    "web.committee.accession.heading": {
        "de": "Antrag {number}: {organisation}",
        "en": "Application {number}: {organisation}",
    },
    "web.committee.accession.motivation": {"de": "Begründung", "en": "Motivation"},
    "web.committee.accession.votes": {"de": "Abstimmung", "en": "Vote"},
    "web.committee.accession.note": {"de": "Vermerk", "en": "Note"},
    "web.committee.accession.field.reason": {
        "de": "Begründung der Ablehnung",
        "en": "Reason for the rejection",
    },
    "web.committee.accession.binds_to": {
        "de": "Die Beitrittserklärung bezieht sich auf die geltende Fassung {ref} mit dem SHA-256",
        "en": "The declaration refers to the version in force {ref} with the SHA-256",
    },
    "web.committee.accession.no_agreement": {
        "de": "Es ist keine Fassung der Vereinbarung in Kraft.",
        "en": "No version of the agreement is in force.",
    },
    "web.committee.accession.field.signatory": {
        "de": "E-Mail der Unterzeichner:in",
        "en": "Signatory's e-mail address",
    },
    "web.committee.accession.field.signed_on": {"de": "Unterzeichnet am", "en": "Signed on"},
    "web.committee.accession.field.place": {"de": "Ort", "en": "Place"},
    "web.committee.accession.field.method": {"de": "Form", "en": "Form"},
    "web.committee.accession.field.member_from": {"de": "Mitglied ab", "en": "Member from"},
    "web.committee.accession.hint.member_from": {
        "de": "Leer lassen: der Tag nach der Unterzeichnung.",
        "en": "Leave empty: the day after signing.",
    },
    "web.committee.accession.changed": {
        "de": "Antrag von {organisation}: {state}.",
        "en": "Application of {organisation}: {state}.",
    },
    # --- withdrawals ---
    "web.committee.withdrawal.title": {
        "de": "Austritte aus {committee}",
        "en": "Withdrawals from {committee}",
    },
    "web.committee.withdrawal.caption": {
        "de": "Erklärte und vollzogene Austritte aus {committee}",
        "en": "Notices given and withdrawals completed in {committee}",
    },
    "web.committee.withdrawal.none": {
        "de": "Niemand hat den Austritt erklärt.",
        "en": "Nobody has given notice of withdrawal.",
    },
    "web.committee.withdrawal.col.given_on": {"de": "Erklärt am", "en": "Notice given on"},
    "web.committee.withdrawal.col.ends_on": {"de": "Ausgeschieden ab", "en": "Left from"},
    "web.committee.withdrawal.recorded_on": {
        "de": "nachträglich erfasst am {day}",
        "en": "recorded later on {day}",
    },
    "web.committee.withdrawal.record_heading": {
        "de": "Austritt erklären oder erfassen",
        "en": "Give or record a notice of withdrawal",
    },
    "web.committee.withdrawal.field.organisation": {
        "de": "Austretende Organisation",
        "en": "Organisation leaving",
    },
    "web.committee.withdrawal.field.given_on": {
        "de": "Tag der Erklärung",
        "en": "Day the notice was given",
    },
    "web.committee.withdrawal.hint.given_on": {
        "de": "Ein früherer Tag nur für eine Erklärung, die auf Papier einging "
        "(Vorsitz, Geschäftsstelle).",
        "en": "An earlier day only for a notice received on paper (chair, secretariat).",
    },
    "web.committee.withdrawal.field.effective_on": {
        "de": "Ausgeschieden ab (optional)",
        "en": "Leaves from (optional)",
    },
    "web.committee.withdrawal.hint.effective_on": {
        "de": "Leer lassen: nach der Kündigungsfrist der Geschäftsordnung.",
        "en": "Leave empty: after the notice period of the rules of procedure.",
    },
    "web.committee.withdrawal.col.action": {"de": "Rücknahme", "en": "Revoke"},
    "web.committee.withdrawal.revoke": {
        "de": "Austritt von {organisation} zurücknehmen",
        "en": "Revoke the notice of {organisation}",
    },
    "web.committee.withdrawal.revoked": {
        "de": "Der Austritt von {organisation} ist zurückgenommen.",
        "en": "The notice of {organisation} is revoked.",
    },
    "web.committee.withdrawal.record": {"de": "Austritt erfassen", "en": "Record the notice"},
    "web.committee.withdrawal.noticed": {
        "de": "Der Austritt von {organisation} ist erfasst; ausgeschieden ab {ends_on}.",
        "en": "The notice of {organisation} is recorded; it leaves from {ends_on}.",
    },
}
