"""Replies by mail: the secretariat's mailbox (IMAP), calendar replies, objections by mail."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- why a message was not understood (it stays in the mailbox, marked) ---
    "inbound.reason.no_token": {
        "de": "an keine Antwortadresse von Gremium gerichtet (geschaeftsstelle+…@): für die "
        "Geschäftsstelle",
        "en": "not sent to one of Gremium's reply addresses (secretariat+…@): for the secretariat",
    },
    "inbound.reason.unknown_token": {
        "de": "an eine unbekannte Antwortadresse gerichtet",
        "en": "sent to an unknown reply address",
    },
    "inbound.reason.automatic": {
        "de": "eine automatische Nachricht (Abwesenheitsnotiz, Unzustellbarkeit)",
        "en": "an automatic message (out of office, bounce)",
    },
    "inbound.reason.too_large": {
        "de": "zu groß, um gelesen zu werden",
        "en": "too large to be read",
    },
    "inbound.reason.no_calendar_reply": {
        "de": "Antwort auf eine Einladung ohne Kalenderantwort (iTIP REPLY): {problem}",
        "en": "reply to an invitation without a calendar reply (iTIP REPLY): {problem}",
    },
    "inbound.reason.other_event": {
        "de": "die Kalenderantwort betrifft einen anderen Termin ({uid})",
        "en": "the calendar reply is about another event ({uid})",
    },
    "inbound.reason.delegated_to_nobody": {
        "de": "die Kalenderantwort delegiert, nennt aber niemanden (DELEGATED-TO fehlt)",
        "en": "the calendar reply delegates but names nobody (DELEGATED-TO missing)",
    },
    "inbound.reason.partstat": {
        "de": "die Kalenderantwort sagt weder zu noch ab ({partstat})",
        "en": "the calendar reply neither accepts nor declines ({partstat})",
    },
    "inbound.reason.other_attendee": {
        "de": "die Kalenderantwort stammt nicht von der eingeladenen Person (Teilnehmende: "
        "{attendees})",
        "en": "the calendar reply is not from the person invited (attendees: {attendees})",
    },
    "inbound.reason.empty": {
        "de": "Antwort auf das Protokoll ohne eigenen Text",
        "en": "reply to the minutes without text of its own",
    },
    "inbound.reason.minutes_gone": {
        "de": "das Protokoll gibt es nicht mehr",
        "en": "the minutes no longer exist",
    },
    "inbound.reason.minutes_not_open": {
        "de": "Antwort auf Fassung {revision} des Protokolls, das nicht mehr versandt ist "
        "(Zustand: {state})",
        "en": "reply to revision {revision} of minutes no longer circulated (state: {state})",
    },
    "inbound.reason.minutes_period_over": {
        "de": "nach dem Ende der Einwendungsfrist eingegangen",
        "en": "arrived after the objection period ended",
    },
    "inbound.reason.refused": {
        "de": "abgelehnt: {message}",
        "en": "refused: {message}",
    },
    "inbound.done.rsvp": {
        "de": "Rückmeldung von {person} zu Sitzung {meeting}: {answer}",
        "en": "answer of {person} to meeting {meeting}: {answer}",
    },
    "inbound.done.pending": {
        "de": "Einwendung per E-Mail zu Sitzung {meeting} (Nr. {pending}), wartet auf Bestätigung",
        "en": "objection by mail to meeting {meeting} (no. {pending}), awaiting confirmation",
    },
    "inbound.answer.attends": {"de": "nimmt teil", "en": "attends"},
    "inbound.answer.excused": {"de": "verhindert", "en": "excused"},
    "inbound.answer.deputy": {"de": "wird vertreten", "en": "sends a deputy"},
    # --- confirming an objection that came by mail ---
    "inbound.state.pending": {"de": "wartet auf Bestätigung", "en": "awaiting confirmation"},
    "inbound.state.confirmed": {"de": "bestätigt", "en": "confirmed"},
    "inbound.state.lapsed": {"de": "nicht bestätigt, entfallen", "en": "not confirmed, lapsed"},
    "inbound.error.not_pending": {
        "de": "Diese Einwendung wartet nicht mehr auf Bestätigung (Stand: {state}).",
        "en": "This objection no longer awaits confirmation (state: {state}).",
    },
    "inbound.error.other_revision": {
        "de": "Die Einwendung bezog sich auf Fassung {revision} des Protokolls; inzwischen gilt "
        "eine neue Fassung. Bitte antworten Sie auf deren E-Mail.",
        "en": "The objection was about revision {revision} of the minutes; a new revision has "
        "been circulated since. Please reply to its mail.",
    },
    "inbound.link.title": {
        "de": "Einwendung bestätigen: Protokoll „{title}“ vom {starts_at}",
        "en": "Confirm your objection: minutes of “{title}” of {starts_at}",
    },
    "inbound.link.confirm": {
        "de": "{name}, Ihre Antwort per E-Mail auf das Protokoll (Fassung {revision}) lautete: "
        "„{text}“. Bitte bestätigen Sie, dass Sie damit Einwendung erheben; das Protokoll geht "
        "dann zurück in die Bearbeitung.",
        "en": "{name}, your reply by mail to the minutes (revision {revision}) read: “{text}”. "
        "Please confirm that you object with it; the minutes then go back to drafting.",
    },
    "inbound.link.button": {"de": "Einwendung erheben", "en": "Raise the objection"},
    "inbound.link.done": {
        "de": "Ihre Einwendung gegen das Protokoll „{title}“ ist erhoben.",
        "en": "Your objection to the minutes of “{title}” has been raised.",
    },
    # --- the web minutes page ---
    "inbound.web.heading": {"de": "Einwendungen per E-Mail", "en": "Objections by mail"},
    "inbound.web.explain": {
        "de": "Antworten auf das versandte Protokoll. Eine Einwendung wird daraus erst, wenn "
        "die Person sie über den Link bestätigt, den sie zurückbekommen hat.",
        "en": "Replies to the circulated minutes. Each becomes an objection only once its "
        "sender confirms it through the link sent back to them.",
    },
    "inbound.web.caption": {
        "de": "Antworten per E-Mail und ihr Stand",
        "en": "Replies by mail and their state",
    },
    "inbound.web.received": {"de": "Eingegangen", "en": "Received"},
    # --- the command line ---
    "inbound.cli.objection_line": {
        "de": "Einwendung per E-Mail {id} ({person}, {organisation}, Fassung {revision}, "
        "{state}): {text}",
        "en": "Objection by mail {id} ({person}, {organisation}, revision {revision}, {state}): "
        "{text}",
    },
    "inbound.cli.not_configured": {
        "de": "Kein Postfach eingerichtet: bitte imap_host, imap_user und reply_address unter "
        "[mail] setzen.",
        "en": "No mailbox configured: please set imap_host, imap_user and reply_address under "
        "[mail].",
    },
    "inbound.cli.unavailable": {
        "de": "Postfach nicht erreichbar: {reason}",
        "en": "Mailbox not reachable: {reason}",
    },
    "inbound.cli.pass": {
        "de": "Postfach: {read} gelesen, {rsvp} Rückmeldungen, {objections} Einwendungen zur "
        "Bestätigung, {not_understood} für die Geschäftsstelle markiert, {too_large} zu groß",
        "en": "Mailbox: {read} read, {rsvp} answers, {objections} objections to confirm, "
        "{not_understood} marked for the secretariat, {too_large} too large",
    },
    "inbound.cli.line": {
        "de": "  UID {uid}: {outcome}",
        "en": "  UID {uid}: {outcome}",
    },
    # --- configuration ---
    "config.problem.imap_needs": {
        "de": "mit imap_host ist auch „{key}“ nötig",
        "en": "with imap_host, “{key}” is needed too",
    },
    "config.problem.reply_address": {
        "de": "„mail.reply_address“ muss die Adresse des gelesenen Postfachs sein (ASCII, ohne "
        "„+“, z. B. geschaeftsstelle@bezirk.example.org), nicht „{value}“",
        "en": "“mail.reply_address” must be the address of the mailbox read (ASCII, without "
        "“+”, e.g. secretariat@district.example.org), not “{value}”",
    },
}
