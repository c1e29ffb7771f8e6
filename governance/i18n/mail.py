"""Messages of e-mail delivery, the outbox commands and ``gremium run``."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "mail.error.auth": {
        "de": "Der Mailserver {server} hat die Anmeldung als „{user}“ abgelehnt ({reply}); "
        "Passwort (Umgebungsvariable aus mail.smtp_password_env) und Benutzer prüfen. "
        "Alle Nachrichten bleiben in der Warteschlange.",
        "en": "The mail server {server} refused the login as “{user}” ({reply}); check the user "
        "and the password (environment variable named by mail.smtp_password_env). "
        "All messages stay queued.",
    },
    "mail.error.tls_or_auth": {
        "de": "Der Mailserver {server} lässt keine sichere Verbindung oder Anmeldung zu ({reply}); "
        "mail.smtp_security und mail.smtp_ca_file prüfen. Alle Nachrichten bleiben in der Warteschlange.",
        "en": "The mail server {server} does not allow a secure connection or login ({reply}); "
        "check mail.smtp_security and mail.smtp_ca_file. All messages stay queued.",
    },
    "mail.error.not_retriable": {
        "de": "Nachricht {id} wurde bereits versandt und wird nicht erneut gesendet.",
        "en": "Message {id} has been sent already and is not sent again.",
    },
    "kind.message": {"de": "Nachricht", "en": "message"},
    "action.mail.retry": {
        "de": "Nachrichten erneut versenden",
        "en": "send messages again",
    },
    "cli.outbox.empty": {"de": "Keine Nachrichten.", "en": "No messages."},
    "cli.outbox.sent": {
        "de": "{sent} versandt, {deferred} zurückgestellt, {failed} gescheitert.",
        "en": "{sent} sent, {deferred} deferred, {failed} failed.",
    },
    "cli.outbox.unavailable": {
        "de": "Mailserver nicht erreichbar ({reason}); die Nachrichten werden später erneut versucht.",
        "en": "Mail server not reachable ({reason}); the messages will be tried again later.",
    },
    "cli.outbox.retry": {
        "de": "Nachricht {id} an {recipient} steht wieder zum Versand an.",
        "en": "Message {id} to {recipient} is queued for sending again.",
    },
    "cli.col.status": {"de": "Status", "en": "status"},
    "cli.col.notification": {"de": "Benachrichtigung", "en": "notification"},
    "cli.col.recipient": {"de": "an", "en": "to"},
    "cli.col.subject": {"de": "Betreff", "en": "subject"},
    "cli.col.attempts": {"de": "Versuche", "en": "attempts"},
    "cli.col.error": {"de": "Fehler", "en": "error"},
    "cli.run.started": {
        "de": "Gremium läuft ({delivery}, Abfrage alle {poll} s). Beenden mit Strg+C oder SIGTERM.",
        "en": "Gremium is running ({delivery}, polling every {poll} s). Stop with Ctrl+C or SIGTERM.",
    },
    "cli.run.pass": {
        "de": "{timers} Zeitgeber ausgelöst, {sent} Nachrichten versandt, {deferred} zurückgestellt, {failed} gescheitert.",
        "en": "{timers} timer(s) fired, {sent} message(s) sent, {deferred} deferred, {failed} failed.",
    },
    "cli.run.poll": {
        "de": "--poll: „{value}“ ist nicht erlaubt; erlaubt: eine Zahl von Sekunden größer als 0.",
        "en": "--poll: “{value}” is not allowed; allowed: a number of seconds greater than 0.",
    },
    "cli.run.stopped": {"de": "Gremium beendet.", "en": "Gremium stopped."},
    # --- mails: an outbox message's status in the reader's words ---
    "outbox.status.queued": {"de": "wartet", "en": "queued"},
    "outbox.status.sent": {"de": "versandt", "en": "sent"},
    "outbox.status.failed": {"de": "gescheitert", "en": "failed"},
    "outbox.status.skipped": {"de": "übersprungen", "en": "skipped"},
    # --- runners: reliability under faults (issue 12) ---
    "error.clock_busy": {
        "de": "Die simulierte Uhr wird gerade von einem anderen Vorgang vorgestellt ({holder}); "
        "später noch einmal versuchen.",
        "en": "The simulated clock is being moved by another process ({holder}); try again later.",
    },
    "cli.tick.retrying": {
        "de": "{due}  {name}: {trigger} auf {entity} vorübergehend gescheitert, wird wiederholt",
        "en": "{due}  {name}: {trigger} on {entity} met a passing error, will be retried",
    },
    "cli.run.timer_failed": {
        "de": "Zeitgeber {id} ({name}: {trigger} auf {entity}) gescheitert: {error} "
        "(„gremium timers retry {id}“ nach Behebung)",
        "en": "Timer {id} ({name}: {trigger} on {entity}) failed: {error} "
        "(“gremium timers retry {id}” once fixed)",
    },
    "cli.outbox.retried_many": {
        "de": "{count} gescheiterte Nachricht(en) stehen wieder zum Versand an.",
        "en": "{count} failed message(s) are queued for sending again.",
    },
    "cli.outbox.retry_args": {
        "de": "Entweder eine Nachrichtennummer oder --failed angeben (--since nur mit --failed).",
        "en": "Give either a message number or --failed (--since only with --failed).",
    },
}
