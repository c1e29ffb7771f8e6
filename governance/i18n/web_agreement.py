"""Web: the forms of the agreement's life, of accession applications, of members
and the secretariat on the committee pages (issue 13)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # a form with a file larger than the installation takes (MAX_CONTENT_LENGTH)
    "web.error.413": {
        "de": "Was gesendet wurde, ist zu groß; nichts wurde gespeichert. "
        "Bitte eine kleinere Datei wählen.",
        "en": "What was sent is too large; nothing was saved. Please choose a smaller file.",
    },
    # --- the agreement ---
    "web.agreement.create_heading": {
        "de": "Kooperationsvereinbarung anlegen",
        "en": "Create the cooperation agreement",
    },
    "web.agreement.create_intro": {
        "de": "Fassung 1 entsteht als Entwurf. Danach öffnet der Vorsitz sie zur "
        "Unterzeichnung; die erste Vereinbarung braucht keinen Beschluss, die Unterschriften "
        "aller Vertragsparteien sind die Entscheidung.",
        "en": "Version 1 is created as a draft. The chair then opens it for signature; the "
        "first agreement needs no decision, the signatures of all parties are the decision.",
    },
    "web.agreement.field.title": {"de": "Titel", "en": "Title"},
    "web.agreement.default_title": {
        "de": "Kooperationsvereinbarung",
        "en": "Cooperation agreement",
    },
    "web.agreement.field.text": {"de": "Text der Vereinbarung", "en": "Text of the agreement"},
    "web.agreement.hint.text": {
        "de": "Hier eintippen oder einfügen (höchstens {max} Zeichen), oder unten eine "
        "Textdatei wählen: dann gilt der Text der Datei.",
        "en": "Type or paste it here (at most {max} characters), or choose a text file "
        "below: then the file's text counts.",
    },
    "web.agreement.field.text_file": {
        "de": "… oder Textdatei (UTF-8)",
        "en": "… or text file (UTF-8)",
    },
    "web.agreement.hint.text_file": {
        "de": "Eine reine Textdatei in UTF-8 (.txt, .md), höchstens {max} Zeichen.",
        "en": "A plain text file in UTF-8 (.txt, .md), at most {max} characters.",
    },
    "web.agreement.create": {"de": "Vereinbarung anlegen", "en": "Create the agreement"},
    "web.agreement.created": {
        "de": "Die Vereinbarung ist angelegt: Fassung {ref} als Entwurf ({chars} Zeichen).",
        "en": "The agreement is created: version {ref} as a draft ({chars} characters).",
    },
    "web.agreement.amend_heading": {
        "de": "Änderung entwerfen (neue Fassung)",
        "en": "Draft an amendment (new version)",
    },
    "web.agreement.amend_intro": {
        "de": "Die geltende Fassung bleibt in Kraft, bis die neue in Kraft tritt. Das Gremium "
        "beschließt die Änderung, bevor sie unterzeichnet wird.",
        "en": "The version in force stays in force until the new one enters into force. The "
        "committee decides the amendment before it is signed.",
    },
    "web.agreement.field.new_text": {
        "de": "Neuer Text der Vereinbarung",
        "en": "New text of the agreement",
    },
    "web.agreement.amend": {"de": "Neue Fassung entwerfen", "en": "Draft the new version"},
    "web.agreement.amended": {
        "de": "Fassung {ref} ist als Entwurf angelegt.",
        "en": "Version {ref} is drafted.",
    },
    "web.agreement.schedule_heading": {
        "de": "Dem Gremium zur Entscheidung vorlegen",
        "en": "Put to the committee for decision",
    },
    "web.agreement.schedule_intro": {
        "de": "Die Änderung kommt als Beschluss-TOP auf die nächste Sitzung, die noch "
        "Vorschläge annimmt (gibt es keine: auf die nächste, die geplant wird).",
        "en": "The amendment becomes a decision item of the next meeting that still takes "
        "proposals (if there is none: of the next one planned).",
    },
    "web.agreement.schedule": {"de": "Zur Entscheidung vorlegen", "en": "Put to the committee"},
    "web.agreement.scheduled": {
        "de": "Fassung {ref} ist dem Gremium vorgelegt ({majority}): {where}.",
        "en": "Version {ref} is put to the committee ({majority}): {where}.",
    },
    "web.agreement.open_heading": {
        "de": "Zur Unterzeichnung öffnen",
        "en": "Open for signature",
    },
    "web.agreement.open_intro": {
        "de": "Der Text wird mit seinem SHA-256 eingefroren; die Vertragsparteien werden "
        "festgelegt und per E-Mail um ihre Unterschrift gebeten.",
        "en": "The text is frozen with its SHA-256; the parties are fixed and asked by mail "
        "for their signature.",
    },
    "web.agreement.field.effective_from": {
        "de": "Frühestes Inkrafttreten",
        "en": "Earliest entry into force",
    },
    "web.agreement.hint.effective_from": {
        "de": "Leer lassen: in Kraft, sobald alle unterschrieben haben.",
        "en": "Leave empty: in force as soon as all have signed.",
    },
    "web.agreement.open": {"de": "Zur Unterzeichnung öffnen", "en": "Open for signature"},
    "web.agreement.opened": {
        "de": "Fassung {ref} ist zur Unterzeichnung offen; {parties} Vertragsparteien sind "
        "um ihre Unterschrift gebeten.",
        "en": "Version {ref} is open for signature; {parties} parties are asked to sign.",
    },
    "web.agreement.ceremony_heading": {
        "de": "Unterzeichnung erfassen (mehrere Unterschriften)",
        "en": "Record a signing ceremony (several signatures)",
    },
    "web.agreement.ceremony_intro": {
        "de": "Für jede Vertragspartei, die unterschrieben hat, die E-Mail-Adresse der "
        "unterzeichnenden Person eintragen; leere Zeilen bleiben ausstehend. Alle oder keine "
        "werden erfasst.",
        "en": "For each party that signed, enter the address of the person who signed; empty "
        "rows stay pending. All or none are recorded.",
    },
    "web.agreement.field.held_on": {"de": "Tag der Unterzeichnung", "en": "Day of the signing"},
    "web.agreement.field.party_signatory": {
        "de": "Unterzeichnet für {party} (E-Mail)",
        "en": "Signed for {party} (e-mail)",
    },
    "web.agreement.ceremony": {"de": "Unterzeichnung erfassen", "en": "Record the ceremony"},
    "web.agreement.ceremony_recorded": {
        "de": "Unterzeichnung erfasst: {count:Unterschrift|Unterschriften} zu Fassung {ref}; Stand: {state}.",
        "en": "Ceremony recorded: {count:signature|signatures} to version {ref}; status: {state}.",
    },
    "web.agreement.remind_heading": {
        "de": "An die Unterzeichnung erinnern",
        "en": "Remind the parties to sign",
    },
    "web.agreement.remind_intro": {
        "de": "Die ausstehenden Vertragsparteien erhalten jetzt eine Erinnerung "
        "(zusätzlich zu den regelmäßigen).",
        "en": "The pending parties get a reminder now (besides the regular ones).",
    },
    "web.agreement.remind": {"de": "Jetzt erinnern", "en": "Remind now"},
    "web.agreement.terminate_heading": {
        "de": "Fassung beenden",
        "en": "Terminate this version",
    },
    "web.agreement.terminate_intro": {
        "de": "Beendet die Fassung zum angegebenen Tag (heute oder früher); eine offene "
        "Änderung endet mit.",
        "en": "Ends the version on the given day (today or earlier); an open amendment ends "
        "with it.",
    },
    "web.agreement.field.ended_on": {"de": "Beendet zum", "en": "Terminated as of"},
    "web.agreement.field.reason": {"de": "Grund", "en": "Reason"},
    "web.agreement.terminate": {"de": "Fassung beenden", "en": "Terminate the version"},
    # --- accession ---
    "action.accession.record_application": {
        "de": "einen Beitrittsantrag für die Antragsteller:in erfassen",
        "en": "record an application for accession for the applicant",
    },
    "web.accession.apply_heading": {
        "de": "Beitrittsantrag erfassen",
        "en": "Record an application for accession",
    },
    "web.accession.apply_intro": {
        "de": "Für eine Organisation, die schriftlich oder per E-Mail beantragt hat; "
        "Organisation und Person werden angelegt, falls neu.",
        "en": "For an organisation that applied in writing or by mail; the organisation and "
        "the person are created if they are new.",
    },
    "web.accession.field.org_name": {"de": "Name der Organisation", "en": "Organisation name"},
    "web.accession.field.short_name": {"de": "Kurzname", "en": "Short name"},
    "web.accession.field.kind": {"de": "Art der Organisation", "en": "Kind of organisation"},
    "web.accession.field.applicant_name": {
        "de": "Name der antragstellenden Person",
        "en": "Applicant's name",
    },
    "web.accession.field.applicant_email": {
        "de": "E-Mail der antragstellenden Person",
        "en": "Applicant's e-mail",
    },
    "web.accession.field.function": {"de": "Funktion", "en": "Function"},
    "web.accession.field.language": {"de": "Sprache der Person", "en": "Person's language"},
    "web.accession.field.motivation": {"de": "Begründung", "en": "Motivation"},
    "web.accession.apply": {"de": "Antrag erfassen", "en": "Record the application"},
    "web.accession.applied": {
        "de": "Antrag Nr. {id} von {organisation} ist erfasst: {state}.",
        "en": "Application no. {id} of {organisation} is recorded: {state}.",
    },
    "web.accession.decide_heading": {
        "de": "Beschluss des Gremiums erfassen",
        "en": "Record the committee's decision",
    },
    "web.accession.votes_legend": {"de": "Abstimmungsergebnis", "en": "Result of the vote"},
    "web.accession.field.yes": {"de": "Ja-Stimmen", "en": "Votes in favour"},
    "web.accession.field.no": {"de": "Nein-Stimmen", "en": "Votes against"},
    "web.accession.field.abstain": {"de": "Enthaltungen", "en": "Abstentions"},
    "web.accession.field.decided_on": {"de": "Tag des Beschlusses", "en": "Day of the decision"},
    "web.accession.hint.counts": {
        "de": "Ganze Zahlen ab 0; zusammen höchstens so viele, wie Mitglieder stimmberechtigt sind.",
        "en": "Whole numbers from 0; together at most as many as members have a vote.",
    },
    "web.accession.decided": {
        "de": "Beschluss zu Antrag Nr. {id} ({organisation}) erfasst: {yes} ja, {no} nein, "
        "{abstain:Enthaltung|Enthaltungen} – {state}.",
        "en": "Decision on application no. {id} ({organisation}) recorded: {yes} yes, {no} no, "
        "{abstain:abstention|abstentions} – {state}.",
    },
    "web.accession.withdraw_heading": {
        "de": "Rücknahme des Antrags erfassen",
        "en": "Record the withdrawal of the application",
    },
    "web.accession.field.withdraw_reason": {
        "de": "Begründung (freiwillig)",
        "en": "Reason (optional)",
    },
    "web.accession.declared": {
        "de": "{organisation} ist beigetreten (Mitglied ab {member_from}).",
        "en": "{organisation} has joined (member from {member_from}).",
    },
    # --- members and secretariat ---
    "web.members.add_heading": {
        "de": "Organisation als Mitglied aufnehmen",
        "en": "Add an organisation as a member",
    },
    "web.members.add_intro": {
        "de": "Organisation und Personen müssen im Verzeichnis stehen "
        "(„gremium org add“, „gremium person add“, oder über einen Beitrittsantrag).",
        "en": "The organisation and the people must be in the directory "
        "(“gremium org add”, “gremium person add”, or through an application for accession).",
    },
    "web.members.field.organisation": {
        "de": "Organisation (Kurzname oder Nummer)",
        "en": "Organisation (short name or number)",
    },
    "web.members.field.organisation_choice": {
        "de": "Organisation aus dem Verzeichnis",
        "en": "Organisation from the directory",
    },
    "web.members.field.role": {"de": "Rolle", "en": "Role"},
    "web.members.field.voting": {"de": "Stimmrecht", "en": "Vote"},
    "web.members.voting.default": {"de": "nach Rolle", "en": "by role"},
    "web.members.field.starts_on": {"de": "Mitglied ab", "en": "Member from"},
    "web.members.hint.starts_on": {
        "de": "Leer lassen: ab heute.",
        "en": "Leave empty: from today.",
    },
    "web.members.field.representatives": {
        "de": "Vertreter:innen (E-Mail, eine je Zeile)",
        "en": "Representatives (e-mail, one a line)",
    },
    "web.members.field.deputies": {
        "de": "Stellvertreter:innen (E-Mail, eine je Zeile)",
        "en": "Deputies (e-mail, one a line)",
    },
    "web.members.add": {"de": "Mitglied aufnehmen", "en": "Add the member"},
    "web.members.added": {
        "de": "{organisation} ist Mitglied von {committee} als {role} ab {starts_on}.",
        "en": "{organisation} is a member of {committee} as {role} from {starts_on}.",
    },
    "error.member.no_representative": {
        "de": "Bitte mindestens eine Vertreter:in angeben (E-Mail-Adresse).",
        "en": "Please give at least one representative (e-mail address).",
    },
    "web.secretariat.add_heading": {
        "de": "Person in die Geschäftsstelle aufnehmen",
        "en": "Add a person to the secretariat",
    },
    "web.secretariat.field.email": {
        "de": "E-Mail-Adresse der Person",
        "en": "The person's e-mail address",
    },
    "web.secretariat.hint.email": {
        "de": "Die Person muss im Verzeichnis stehen („gremium person add“).",
        "en": "The person must be in the directory (“gremium person add”).",
    },
    "web.secretariat.add": {"de": "Aufnehmen", "en": "Add"},
    "web.secretariat.added": {
        "de": "{email} gehört jetzt zur Geschäftsstelle von {committee}.",
        "en": "{email} now belongs to the secretariat of {committee}.",
    },
}
