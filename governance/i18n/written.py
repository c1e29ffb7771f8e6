"""Text of the written procedure (Umlaufverfahren): refusals, the command line,
the chair's web pages."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "kind.written_procedure": {"de": "Umlaufverfahren", "en": "written procedure"},
    "written.register.where": {
        "de": "Umlaufverfahren Nr. {number}",
        "en": "Written procedure no. {number}",
    },
    "written.hint.list": {
        "de": " Die Umlaufverfahren zeigt „gremium procedure list“.",
        "en": " “gremium procedure list” shows the written procedures.",
    },
    # permissions
    "action.written.start": {
        "de": "Umlaufverfahren einleiten",
        "en": "start written procedures",
    },
    "action.written.withdraw": {
        "de": "Umlaufverfahren zurückziehen",
        "en": "withdraw written procedures",
    },
    "action.written.vote": {
        "de": "im Umlaufverfahren abstimmen",
        "en": "vote in written procedures",
    },
    "action.written.demand_meeting": {
        "de": "die Beratung in einer Sitzung verlangen",
        "en": "demand that a motion be decided in a meeting",
    },
    "action.written.record_paper": {
        "de": "Stimmen aus dem Umlaufverfahren auf Papier erfassen",
        "en": "record paper votes of written procedures",
    },
    # rules of procedure
    "rule.written_procedure_days": {
        "de": "Frist des Umlaufverfahrens in Tagen",
        "en": "written procedure: days to vote",
    },
    "rule.written_procedure_reminder_days": {
        "de": "Umlaufverfahren: Erinnerung Tage vor Fristende (0: keine)",
        "en": "written procedure: reminder days before the deadline (0: none)",
    },
    "rule.written_procedure_meeting_demands": {
        "de": "Umlaufverfahren: so viele stimmberechtigte Mitglieder verweisen in die Sitzung",
        "en": "written procedure: this many voting members move it to a meeting",
    },
    # guards
    "guard.written_voting_open": {
        "de": "die Frist des Umlaufverfahrens läuft noch",
        "en": "the written procedure's deadline has not passed",
    },
    "guard.not.written_voting_open": {
        "de": "die Frist des Umlaufverfahrens ist abgelaufen",
        "en": "the written procedure's deadline has passed",
    },
    "guard.written_voting_over": {
        "de": "alle stimmberechtigten Mitglieder haben abgestimmt oder die Frist ist abgelaufen",
        "en": "every voting member has voted or the deadline has passed",
    },
    "guard.not.written_voting_over": {
        "de": "es stimmen noch Mitglieder ab und die Frist läuft",
        "en": "members are still voting and the deadline has not passed",
    },
    "guard.written_participation_reached": {
        "de": "genug stimmberechtigte Mitglieder haben sich beteiligt",
        "en": "enough voting members took part",
    },
    "guard.not.written_participation_reached": {
        "de": "zu wenige stimmberechtigte Mitglieder haben sich beteiligt",
        "en": "too few voting members took part",
    },
    "guard.written_meeting_demanded": {
        "de": "genug Mitglieder haben die Beratung in einer Sitzung verlangt",
        "en": "enough members demanded a meeting",
    },
    "guard.not.written_meeting_demanded": {
        "de": "noch nicht genug Mitglieder haben die Beratung in einer Sitzung verlangt",
        "en": "not enough members have demanded a meeting yet",
    },
    # refusals
    "written.error.days": {
        "de": "Die Frist „{value}“ geht nicht: erlaubt ist eine ganze Zahl von Tagen von 1 bis {max}.",
        "en": "The period “{value}” is not allowed: give a whole number of days from 1 to {max}.",
    },
    "written.error.no_voting_members": {
        "de": "{committee} hat keine stimmberechtigten Mitglieder: ein Umlaufverfahren braucht welche.",
        "en": "{committee} has no voting members: a written procedure needs some.",
    },
    "written.error.already_voted": {
        "de": "{organisation} hat in diesem Umlaufverfahren schon abgestimmt ({choice}, {at}); jede Stimme zählt einmal.",
        "en": "{organisation} has already voted in this written procedure ({choice}, {at}); each vote counts once.",
    },
    "written.error.already_demanded": {
        "de": "{organisation} hat die Beratung in einer Sitzung schon verlangt ({at}).",
        "en": "{organisation} has already demanded a meeting ({at}).",
    },
    "written.error.not_voting": {
        "de": "{organisation} ist im Umlaufverfahren Nr. {number} nicht stimmberechtigt; stimmberechtigt sind: {voting}.",
        "en": "{organisation} has no vote in written procedure no. {number}; the voting members are: {voting}.",
    },
    "written.error.no_own_vote": {
        "de": "{person} vertritt kein stimmberechtigtes Mitglied im Umlaufverfahren Nr. {number}.",
        "en": "{person} acts for no voting member of written procedure no. {number}.",
    },
    "written.error.which_organisation": {
        "de": "Sie vertreten mehrere stimmberechtigte Mitglieder: bitte eines angeben ({organisations}).",
        "en": "You act for several voting members: please name one ({organisations}).",
    },
    # values
    "written.choice.yes": {"de": "Ja", "en": "yes"},
    "written.choice.no": {"de": "Nein", "en": "no"},
    "written.choice.abstain": {"de": "Enthaltung", "en": "abstention"},
    "written.kind.decision": {"de": "Beschluss", "en": "decision"},
    "written.kind.statement": {"de": "Stellungnahme", "en": "statement"},
    "written.kind.appointment": {"de": "Benennung", "en": "appointment"},
    "written.via.cli": {"de": "Kommandozeile", "en": "command line"},
    "written.via.web": {"de": "Web", "en": "web"},
    "written.via.link": {"de": "persönlicher Link", "en": "personal link"},
    "written.via.paper": {"de": "auf Papier, nachträglich erfasst", "en": "on paper, recorded"},
    # command line
    "written.cli.text_or_file": {
        "de": "Bitte den Antragstext mit --text oder --file angeben (eines von beiden).",
        "en": "Please give the motion with --text or --file (one of the two).",
    },
    "written.cli.paper_needs_org": {
        "de": "--paper braucht --org: die Organisation, deren Stimme auf Papier einging.",
        "en": "--paper needs --org: the organisation whose vote came on paper.",
    },
    "written.cli.started": {
        "de": "Umlaufverfahren Nr. {number} eingeleitet: {members} stimmberechtigte Mitglieder, Frist bis {deadline}.",
        "en": "Written procedure no. {number} started: {members} voting members, deadline {deadline}.",
    },
    "written.cli.voted": {
        "de": "Stimme von {organisation} im Umlaufverfahren Nr. {number}: {choice} ({voted} von {members} haben abgestimmt).",
        "en": "{organisation}'s vote in written procedure no. {number}: {choice} ({voted} of {members} have voted).",
    },
    "written.cli.voted_paper": {
        "de": "Papierstimme von {organisation} im Umlaufverfahren Nr. {number} erfasst: {choice} ({voted} von {members} haben abgestimmt).",
        "en": "Paper vote of {organisation} in written procedure no. {number} recorded: {choice} ({voted} of {members} have voted).",
    },
    "written.cli.demanded": {
        "de": "{organisation} verlangt die Beratung von Nr. {number} in einer Sitzung ({demanded} von {needed} nötigen).",
        "en": "{organisation} demands that no. {number} be decided in a meeting ({demanded} of {needed} needed).",
    },
    "written.cli.withdrawn": {
        "de": "Umlaufverfahren Nr. {number} zurückgezogen; alle Mitglieder werden benachrichtigt.",
        "en": "Written procedure no. {number} withdrawn; every member is told.",
    },
    "written.cli.ended": {
        "de": "Umlaufverfahren Nr. {number} beendet: {state} (Beschluss-Nr. {reference}).",
        "en": "Written procedure no. {number} ended: {state} (decision no. {reference}).",
    },
    "written.cli.show_head": {
        "de": "Umlaufverfahren Nr. {number}: {title} ({state})",
        "en": "Written procedure no. {number}: {title} ({state})",
    },
    "written.cli.show_terms": {
        "de": "{kind}, Mehrheit {majority}; eingeleitet {started}, Frist bis {deadline}; abgestimmt {voted} von {members} (nötig: {needed})",
        "en": "{kind}, majority {majority}; started {started}, deadline {deadline}; voted {voted} of {members} (needed: {needed})",
    },
    "written.cli.show_decided": {
        "de": "Beschluss {reference}: {result} ({yes} Ja, {no} Nein, {abstain:Enthaltung|Enthaltungen})",
        "en": "Decision {reference}: {result} ({yes} yes, {no} no, {abstain:abstention|abstentions})",
    },
    "written.cli.show_reason": {"de": "Begründung: {reason}", "en": "Reason: {reason}"},
    "written.cli.carried": {"de": "angenommen", "en": "carried"},
    "written.cli.rejected": {"de": "abgelehnt", "en": "rejected"},
    "written.cli.ballot_heading": {
        "de": "Mitglied|Stimme|abgegeben|Weg|Sitzung verlangt",
        "en": "Member|Vote|cast|How|Meeting demanded",
    },
    "written.cli.list_heading": {
        "de": "Nr.|Antrag|Stand|Frist|Stimmen|Beschluss-Nr.",
        "en": "No.|Motion|State|Deadline|Votes|Decision no.",
    },
    "written.cli.none": {
        "de": "Noch kein Umlaufverfahren.",
        "en": "No written procedure yet.",
    },
    # personal links (services/written_links.py)
    "written.link.title": {
        "de": "Umlaufverfahren Nr. {number}: {title}",
        "en": "Written procedure no. {number}: {title}",
    },
    "written.link.confirm.yes": {
        "de": "{name}, Sie stimmen für {organisation} mit Ja. Eine abgegebene Stimme lässt sich nicht ändern.",
        "en": "{name}, you vote yes for {organisation}. A vote cast cannot be changed.",
    },
    "written.link.confirm.no": {
        "de": "{name}, Sie stimmen für {organisation} mit Nein. Eine abgegebene Stimme lässt sich nicht ändern.",
        "en": "{name}, you vote no for {organisation}. A vote cast cannot be changed.",
    },
    "written.link.confirm.abstain": {
        "de": "{name}, Sie enthalten sich für {organisation}. Eine abgegebene Stimme lässt sich nicht ändern.",
        "en": "{name}, you abstain for {organisation}. A vote cast cannot be changed.",
    },
    "written.link.confirm.demand_meeting": {
        "de": "{name}, Sie verlangen für {organisation}, dass über den Antrag in einer Sitzung beraten wird. Reicht das nach der Geschäftsordnung, endet das Umlaufverfahren ohne Beschluss.",
        "en": "{name}, you demand for {organisation} that the motion be decided in a meeting. If that is enough under the rules, the written procedure ends without a decision.",
    },
    "written.link.button.yes": {"de": "Mit Ja stimmen", "en": "Vote yes"},
    "written.link.button.no": {"de": "Mit Nein stimmen", "en": "Vote no"},
    "written.link.button.abstain": {"de": "Enthalten", "en": "Abstain"},
    "written.link.button.demand_meeting": {
        "de": "Beratung in einer Sitzung verlangen",
        "en": "Demand a meeting",
    },
    "written.link.done.vote": {
        "de": "Die Stimme von {organisation} im Umlaufverfahren Nr. {number} ist gezählt: {choice}.",
        "en": "{organisation}'s vote in written procedure no. {number} is counted: {choice}.",
    },
    "written.link.done.demand_meeting": {
        "de": "{organisation} verlangt die Beratung von Nr. {number} in einer Sitzung; alle Mitglieder werden über das Ergebnis benachrichtigt.",
        "en": "{organisation} demands that no. {number} be decided in a meeting; every member is told the outcome.",
    },
    # web pages (governance/web/written_procedure.py)
    "web.procedures.nav": {"de": "Umlaufverfahren", "en": "Written procedures"},
    "web.procedures.title": {
        "de": "Umlaufverfahren – {committee}",
        "en": "Written procedures – {committee}",
    },
    "web.procedures.intro": {
        "de": "Beschlüsse zwischen den Sitzungen: Der Vorsitz legt einen Antrag allen stimmberechtigten Mitgliedern vor; sie stimmen über ihre persönlichen Links in der E-Mail ab.",
        "en": "Decisions between meetings: the chair puts a motion to every voting member; they vote with the personal links in their mail.",
    },
    "web.procedures.caption": {
        "de": "Umlaufverfahren von {committee}, neueste zuerst",
        "en": "Written procedures of {committee}, newest first",
    },
    "web.procedures.col.number": {"de": "Nr.", "en": "No."},
    "web.procedures.col.motion": {"de": "Antrag", "en": "Motion"},
    "web.procedures.col.state": {"de": "Stand", "en": "State"},
    "web.procedures.col.deadline": {"de": "Frist", "en": "Deadline"},
    "web.procedures.col.votes": {"de": "Stimmen", "en": "Votes"},
    "web.procedures.col.reference": {"de": "Beschluss-Nr.", "en": "Decision no."},
    "web.procedures.voted": {
        "de": "{voted} von {members}",
        "en": "{voted} of {members}",
    },
    "web.procedures.participation": {
        "de": "{voted} von {members} abgestimmt (nötig für einen Beschluss: {needed})",
        "en": "{voted} of {members} voted (needed for a decision: {needed})",
    },
    "web.procedures.start_heading": {"de": "Antrag vorlegen", "en": "Put a motion"},
    "web.procedures.field.title": {"de": "Titel", "en": "Title"},
    "web.procedures.field.text": {"de": "Antragstext", "en": "Motion"},
    "web.procedures.hint.text": {
        "de": "So, wie er im Beschlussregister stehen soll; Absätze mit Leerzeile.",
        "en": "As it is to stand in the decisions register; paragraphs with a blank line.",
    },
    "web.procedures.field.kind": {"de": "Art", "en": "Kind"},
    "web.procedures.field.majority": {"de": "Mehrheit", "en": "Majority"},
    "web.procedures.field.days": {"de": "Frist in Tagen", "en": "Days to vote"},
    "web.procedures.hint.days": {
        "de": "Nach der Geschäftsordnung {days} Tage; die Frist endet um 23:59 Uhr des letzten Tages.",
        "en": "{days} days under the rules of procedure; the deadline is 23:59 on the last day.",
    },
    "web.procedures.majority.simple": {"de": "einfache Mehrheit", "en": "simple majority"},
    "web.procedures.majority.two_thirds": {
        "de": "Zweidrittelmehrheit",
        "en": "two-thirds majority",
    },
    "web.procedures.majority.unanimity": {"de": "Einstimmigkeit", "en": "unanimity"},
    "web.procedures.start": {"de": "Antrag vorlegen", "en": "Put the motion"},
    "web.procedures.started": {
        "de": "Umlaufverfahren Nr. {number} eingeleitet; der Antrag geht an {members} stimmberechtigte Mitglieder.",
        "en": "Written procedure no. {number} started; the motion goes to {members} voting members.",
    },
    "web.procedures.show_title": {
        "de": "Umlaufverfahren Nr. {number}: {title}",
        "en": "Written procedure no. {number}: {title}",
    },
    "web.procedures.reason": {"de": "Begründung", "en": "Reason"},
    "web.procedures.ballots_caption": {
        "de": "Stimmen der stimmberechtigten Mitglieder",
        "en": "Votes of the voting members",
    },
    "web.procedures.paper_heading": {
        "de": "Stimme auf Papier erfassen",
        "en": "Record a paper vote",
    },
    "web.procedures.field.organisation": {"de": "Mitglied", "en": "Member"},
    "web.procedures.field.choice": {"de": "Stimme", "en": "Vote"},
    "web.procedures.record_paper": {"de": "Papierstimme erfassen", "en": "Record the paper vote"},
    "web.procedures.withdraw_heading": {"de": "Antrag zurückziehen", "en": "Withdraw the motion"},
    "web.procedures.field.reason": {
        "de": "Begründung (geht an alle Mitglieder)",
        "en": "Reason (goes to every member)",
    },
    "web.procedures.withdraw": {"de": "Zurückziehen", "en": "Withdraw"},
    "skip.written_deadline_passed": {
        "de": "die Frist des Umlaufverfahrens endete am {at}: zu spät für eine Erinnerung",
        "en": "the written procedure's deadline ended at {at}: too late for a reminder",
    },
}
