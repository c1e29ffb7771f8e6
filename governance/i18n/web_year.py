"""Web: the forms that complete the example year in the browser (series change and end,
files and links for agenda items, the administrator's overview)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "web.year.series.summary": {
        "de": "Reihe „{title}“ ändern oder beenden",
        "en": "Change or end the series “{title}”",
    },
    "web.year.series.change": {
        "de": "Reihe „{title}“ ändern",
        "en": "Change the series “{title}”",
    },
    "web.year.series.change_explain": {
        "de": "Nur künftige Sitzungen der Reihe, die niemand verlegt, einberufen oder "
        "abgesagt hat, werden neu erzeugt; ihre TOP-Vorschläge bleiben erhalten.",
        "en": "Only future meetings of the series that nobody moved, convened or "
        "cancelled are regenerated; their proposed items are kept.",
    },
    "web.year.series.change_submit": {"de": "Reihe ändern", "en": "Change series"},
    "web.year.series.end": {
        "de": "Reihe „{title}“ beenden",
        "en": "End the series “{title}”",
    },
    "web.year.series.end_explain": {
        "de": "Künftige, unveränderte Sitzungen der Reihe werden abgesagt; die Eingeladenen "
        "erfahren es. Verlegte oder einberufene Sitzungen bleiben.",
        "en": "Future, untouched meetings of the series are cancelled; everyone invited is "
        "told. Moved or convened meetings stay.",
    },
    "web.year.series.end_submit": {"de": "Reihe beenden", "en": "End series"},
    "web.year.series.changed": {
        "de": "Die Reihe ist geändert; künftige, unveränderte Sitzungen sind neu erzeugt.",
        "en": "The series is changed; future, untouched meetings were regenerated.",
    },
    "web.year.series.ended": {
        "de": "Die Reihe ist beendet; künftige, unveränderte Sitzungen sind abgesagt.",
        "en": "The series has ended; future, untouched meetings were cancelled.",
    },
    "web.year.attach.heading": {
        "de": "Datei oder Link an einen TOP anhängen",
        "en": "Attach a file or a link to an item",
    },
    "web.year.attach.explain": {
        "de": "Eine Datei (höchstens {limit}) oder ein http(s)-Link. Dieselbe Bezeichnung "
        "wie eine vorhandene Anlage ergibt deren neue Fassung; die ältere bleibt erhalten.",
        "en": "A file (at most {limit}) or an http(s) link. The title of an existing "
        "attachment makes a new version of it; the older one is kept.",
    },
    "web.year.attach.item": {"de": "TOP", "en": "Item"},
    "web.year.attach.file": {"de": "Datei", "en": "File"},
    "web.year.attach.url": {
        "de": "oder Link (http:// oder https://)",
        "en": "or link (http:// or https://)",
    },
    "web.year.attach.title": {"de": "Bezeichnung", "en": "Title"},
    "web.year.attach.title_hint": {
        "de": "Leer lassen: Dateiname bzw. Adresse.",
        "en": "Leave empty: the file name or the address.",
    },
    "web.year.attach.submit": {"de": "Anhängen", "en": "Attach"},
    "web.year.attach.proposal": {"de": "Vorschlag: {title}", "en": "Proposal: {title}"},
    "web.year.attach.done": {
        "de": "Die Anlage ist gespeichert.",
        "en": "The attachment is saved.",
    },
    "web.year.attach.file_or_link": {
        "de": "Bitte genau eines angeben: eine Datei oder einen Link.",
        "en": "Please give exactly one: a file or a link.",
    },
    "web.year.error.413": {
        "de": "Was gesendet wurde, ist zu groß; nichts wurde gespeichert. Gesendet: {size}; "
        "eine Datei darf höchstens {limit} groß sein (Einstellung attachment_max_mb).",
        "en": "What was sent is too large; nothing was saved. Sent: {size}; a file may be "
        "at most {limit} (setting attachment_max_mb).",
    },
    "web.year.quorum.counts": {
        "de": "{present} von {members} stimmberechtigten Organisationen anwesend (nötig: {needed}).",
        "en": "{present} of {members} voting organisations present (needed: {needed}).",
    },
    "web.year.quorum.counts_short": {
        "de": "{present} von {members} stimmberechtigten Organisationen anwesend (nötig: "
        "{needed}). Es kann nichts beschlossen werden.",
        "en": "{present} of {members} voting organisations present (needed: {needed}). "
        "Nothing can be decided.",
    },
    "web.year.admin.heading": {"de": "Administration", "en": "Administration"},
    "web.year.admin.explain": {
        "de": "Sie administrieren diese Installation und sehen jedes Gremium, auch ohne Sitz "
        "darin. Was Sie hier pflegen können:",
        "en": "You administer this installation and see every committee, also those you "
        "have no seat in. What you can look after here:",
    },
    "web.year.admin.members": {
        "de": "Mitglieder und Geschäftsstelle",
        "en": "members and secretariat",
    },
    "web.year.admin.rules": {"de": "Geschäftsordnung", "en": "rules of procedure"},
    "web.year.admin.meetings": {"de": "Sitzungen und Reihen", "en": "meetings and series"},
    "web.year.admin.audit": {
        "de": "Prüfprotokoll prüfen",
        "en": "verify the audit log",
    },
    "web.year.admin.more": {
        "de": "… und {count} weitere Gremien ohne Ihren Sitz (alle: gremium committee list).",
        "en": "… and {count} more committees you have no seat in (all: gremium committee list).",
    },
    "web.year.admin.command_line": {
        "de": "Gremien, Organisationen und Personen anlegen, Einstellungen, Sicherungen und "
        "Zeitgeber: auf der Kommandozeile des Servers (gremium --help).",
        "en": "Adding committees, organisations and people, settings, backups and timers: "
        "on the server's command line (gremium --help).",
    },
    "web.year.nav.meetings": {"de": "Sitzungen", "en": "Meetings"},
}
