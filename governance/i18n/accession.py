"""Messages of the accession of a new partner (Beitritt)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # guards of workflows/accession.yaml (each says what does not hold)
    "guard.vote_carried": {
        "de": "die für einen Beitritt nötige Mehrheit ist nicht erreicht",
        "en": "the majority needed for an accession is not reached",
    },
    "guard.not.vote_carried": {
        "de": "die für einen Beitritt nötige Mehrheit ist erreicht",
        "en": "the majority needed for an accession is reached",
    },
    "guard.declaration_bound_to_agreement_in_force": {
        "de": "es liegt keine Beitrittserklärung zur geltenden Fassung der Vereinbarung vor",
        "en": "there is no accession declaration for the agreement version in force",
    },
    "guard.not.declaration_bound_to_agreement_in_force": {
        "de": "die Beitrittserklärung zur geltenden Fassung liegt bereits vor",
        "en": "the accession declaration for the version in force exists already",
    },
    # states, for messages that name one
    "accession.state.applied": {"de": "beantragt", "en": "applied"},
    "accession.state.under_review": {"de": "in Prüfung", "en": "under review"},
    "accession.state.on_agenda": {"de": "auf der Tagesordnung", "en": "on the agenda"},
    "accession.state.accepted": {"de": "aufgenommen", "en": "accepted"},
    "accession.state.joined": {"de": "beigetreten", "en": "joined"},
    "accession.state.rejected": {"de": "abgelehnt", "en": "rejected"},
    "accession.state.withdrawn": {"de": "zurückgezogen", "en": "withdrawn"},
    "action.accession.record_withdrawal": {
        "de": "die Rücknahme eines Beitrittsantrags erfassen",
        "en": "record the withdrawal of an accession application",
    },
    # refusals
    "error.accession.already_member": {
        "de": "{organisation} ist bereits Mitglied im Gremium „{committee}“; "
        "ein Beitritt ist nicht möglich.",
        "en": "{organisation} is already a member of the committee “{committee}”; "
        "it cannot accede.",
    },
    "error.accession.pending": {
        "de": "Für {organisation} liegt schon ein Beitrittsantrag vor (#{id}, {state}).",
        "en": "There is an accession application for {organisation} already (#{id}, {state}).",
    },
    "error.accession.applicant_other_org": {
        "de": "{person} gehört zu {other} und kann nicht für {organisation} den Beitritt beantragen.",
        "en": "{person} belongs to {other} and cannot apply for {organisation}.",
    },
    "error.accession.org_mismatch": {
        "de": "Name „{name}“ und Kurzname „{short_name}“ passen nicht zusammen: "
        "es gibt schon „{other}“. Bitte Name und Kurzname einer Organisation angeben.",
        "en": "Name “{name}” and short name “{short_name}” do not match: "
        "there is “{other}” already. Please give the name and short name of one organisation.",
    },
    "error.accession.future": {
        "de": "{what}: {value} liegt in der Zukunft; erlaubt ist ein Datum bis heute ({today}).",
        "en": "{what}: {value} is in the future; allowed is a date up to today ({today}).",
    },
    "error.accession.too_early": {
        "de": "{what}: {value} ist zu früh; frühestens {earliest} ({reason}).",
        "en": "{what}: {value} is too early; {earliest} at the earliest ({reason}).",
    },
    "accession.reason.submitted": {
        "de": "Tag des Antrags",
        "en": "the day of the application",
    },
    "accession.reason.decided": {"de": "Tag des Beschlusses", "en": "the day of the decision"},
    "accession.reason.signed": {
        "de": "Tag der Unterzeichnung",
        "en": "the day of signing",
    },
    "error.accession.votes_negative": {
        "de": "Stimmen „{what}“: {value} ist keine Anzahl; erlaubt: eine ganze Zahl ab 0.",
        "en": "Votes “{what}”: {value} is not a count; allowed: a whole number of 0 or more.",
    },
    "error.accession.no_votes": {
        "de": "Es wurde keine Stimme angegeben; bitte Ja-, Nein- und Enthaltungsstimmen angeben.",
        "en": "No votes were given; please give the yes, no and abstain counts.",
    },
    "error.accession.votes_exceed": {
        "de": "{total} Stimmen sind mehr als die {entitled} stimmberechtigten Mitglieder "
        "des Gremiums „{committee}“ am {date}.",
        "en": "{total} votes are more than the {entitled} voting members "
        "of the committee “{committee}” on {date}.",
    },
    "error.accession.sha256": {
        "de": "„{value}“ ist kein SHA-256-Hash (erwartet: 64 Hexadezimalzeichen).",
        "en": "“{value}” is not a SHA-256 hash (expected: 64 hexadecimal characters).",
    },
    "error.accession.no_agreement": {
        "de": "Im Gremium „{committee}“ ist keine Kooperationsvereinbarung in Kraft; "
        "eine Beitrittserklärung ist erst danach möglich.",
        "en": "No cooperation agreement is in force in the committee “{committee}”; "
        "an accession declaration is possible only once one is.",
    },
    "error.accession.stale_hash": {
        "de": "Die Beitrittserklärung bezieht sich auf eine andere Fassung ({given}…); "
        "sie muss sich auf die geltende Fassung {number} beziehen (SHA-256 {expected}).",
        "en": "The accession declaration refers to another version ({given}…); "
        "it must refer to version {number} in force (SHA-256 {expected}).",
    },
    # command line output
    "accession.cli.applied": {
        "de": "Beitrittsantrag #{id} von {organisation} ist eingegangen (Zustand: {status}).",
        "en": "Accession application #{id} from {organisation} received (state: {status}).",
    },
    "accession.cli.changed": {
        "de": "Beitrittsantrag #{id} ({organisation}): jetzt {status}.",
        "en": "Accession application #{id} ({organisation}): now {status}.",
    },
    "accession.cli.decided": {
        "de": "Beitrittsantrag #{id} ({organisation}): {yes} Ja, {no} Nein, {abstain:Enthaltung|Enthaltungen} "
        "— {status}.",
        "en": "Accession application #{id} ({organisation}): {yes} yes, {no} no, "
        "{abstain:abstention|abstentions} — {status}.",
    },
    "accession.cli.joined": {
        "de": "{organisation} ist beigetreten: Mitglied ab {member_from} "
        "(Beitrittserklärung zu Fassung {number}).",
        "en": "{organisation} has joined: member from {member_from} "
        "(accession declaration for version {number}).",
    },
    "accession.cli.none": {
        "de": "Keine Beitrittsanträge.",
        "en": "No accession applications.",
    },
    "accession.cli.heading": {
        "de": "Nr.|Organisation|Antragsteller:in|Eingang|Zustand|Mitglied ab",
        "en": "No.|Organisation|Applicant|Submitted|State|Member from",
    },
    "accession.cli.show": {
        "de": "Beitrittsantrag #{id}: {organisation_name} ({organisation})\n"
        "Antragsteller:in: {applicant} <{applicant_email}>\n"
        "Eingang: {submitted_on}\nZustand: {status}\nBegründung: {motivation}\n"
        "Abstimmung: {votes}\nBeschluss am: {decided_on}\nVermerk: {decision_note}\n"
        "Beitrittserklärung: {declaration}\nMitglied ab: {member_from}\n"
        "Jetzt möglich: {allowed}",
        "en": "Accession application #{id}: {organisation_name} ({organisation})\n"
        "Applicant: {applicant} <{applicant_email}>\n"
        "Submitted: {submitted_on}\nState: {status}\nMotivation: {motivation}\n"
        "Vote: {votes}\nDecided on: {decided_on}\nNote: {decision_note}\n"
        "Accession declaration: {declaration}\nMember from: {member_from}\n"
        "Possible now: {allowed}",
    },
    "accession.cli.votes": {
        "de": "{yes} Ja, {no} Nein, {abstain:Enthaltung|Enthaltungen}",
        "en": "{yes} yes, {no} no, {abstain:abstention|abstentions}",
    },
    "accession.cli.declaration": {
        "de": "unterzeichnet von {signatory} am {signed_on} in {place} ({method})",
        "en": "signed by {signatory} on {signed_on} in {place} ({method})",
    },
}
