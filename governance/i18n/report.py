"""Text of the annual report (Jahresbericht) and the CSV exports: refusals, the
``gremium report`` output, the committee page's report section, the CSV headings."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "report.error.ref": {
        "de": "„{value}“ ist kein Jahresbericht; erwartet: GREMIUM/JAHR, z. B. KG/2026.",
        "en": "“{value}” is no annual report; expected: COMMITTEE/YEAR, e.g. KG/2026.",
    },
    "report.error.year": {
        "de": "Jahr „{value}“ geht nicht: erlaubt ist ein Jahr von 1990 bis {last}.",
        "en": "Year “{value}” is not possible: allowed is a year from 1990 to {last}.",
    },
    "report.error.committees": {
        "de": "Ein Bericht umfasst 1 bis {most} Gremien, nicht {count}.",
        "en": "A report covers 1 to {most} committees, not {count}.",
    },
    # gremium report
    "report.cli.written": {
        "de": "{what} geschrieben: {path} ({format}, SHA-256 {sha256}).",
        "en": "{what} written: {path} ({format}, SHA-256 {sha256}).",
    },
    "report.cli.annual": {"de": "Jahresbericht {ref}", "en": "Annual report {ref}"},
    "report.cli.committee_or_area": {
        "de": "Entweder --committee oder --area angeben, nicht beides.",
        "en": "Give either --committee or --area, not both.",
    },
    "report.cli.csv_written": {
        "de": "{rows} Zeilen als CSV geschrieben: {path}.",
        "en": "{rows} rows written as CSV: {path}.",
    },
    "report.cli.format_json": {
        "de": "--json und --format {fmt} widersprechen sich: eines von beiden angeben.",
        "en": "--json and --format {fmt} contradict each other: give one of them.",
    },
    "report.cli.csv_whole_list": {
        "de": "Die CSV enthält die ganze Liste: {option} geht dort nicht.",
        "en": "The CSV holds the whole list: {option} does not apply to it.",
    },
    "report.cli.attendance_heading": {
        "de": "Sitzung|Datum|Organisation|Person|Status",
        "en": "Meeting|Date|Organisation|Person|Status",
    },
    "report.cli.attendance_none": {
        "de": "Keine Anwesenheit erfasst.",
        "en": "No attendance recorded.",
    },
    # the committee page
    "report.web.heading": {"de": "Jahresbericht {year}", "en": "Annual report {year}"},
    "report.web.intro": {
        "de": "Anwesenheit und Aufgaben im Jahr {year}, Stand {day}; die Zahlen stehen in "
        "den Tabellen neben den Diagrammen.",
        "en": "Attendance and action items in {year}, as of {day}; the tables beside the "
        "charts give the numbers.",
    },
    "report.web.download": {
        "de": "Jahresbericht {year} herunterladen:",
        "en": "Download the annual report {year}:",
    },
    "report.web.csv": {
        "de": "Listen als CSV (Tabellenkalkulation):",
        "en": "Lists as CSV (spreadsheet):",
    },
    "report.web.csv.decisions": {"de": "Beschlüsse", "en": "Decisions"},
    "report.web.csv.attendance": {"de": "Anwesenheit", "en": "Attendance"},
    "report.web.csv.actions": {"de": "Aufgaben", "en": "Action items"},
    "report.web.csv.members": {"de": "Mitglieder", "en": "Members"},
    "report.web.no_meetings": {
        "de": "Im Jahr {year} wurde noch keine Sitzung gehalten.",
        "en": "No meeting has been held in {year} yet.",
    },
    "report.web.attendance_title": {"de": "Anwesenheit {year}", "en": "Attendance {year}"},
    "report.web.attendance_desc": {
        "de": "Je Mitgliedsorganisation die gehaltenen Sitzungen, an denen sie teilnahm "
        "(anwesend oder vertreten), entschuldigt oder abwesend war.",
        "en": "For each member organisation the meetings held at which it took part "
        "(present or represented), was excused or absent.",
    },
    "report.web.actions_title": {"de": "Aufgaben {year}", "en": "Action items {year}"},
    "report.web.actions_desc": {
        "de": "Die Aufgaben des Jahres nach Stand: erledigt, offen, überfällig, entfallen.",
        "en": "The year's action items by state: done, open, overdue, dropped.",
    },
    "report.web.col.meetings": {"de": "Sitzungen", "en": "Meetings"},
    "report.web.col.took_part": {"de": "Teilnahme", "en": "Took part"},
    "report.web.col.state": {"de": "Stand", "en": "State"},
    "report.web.col.count": {"de": "Anzahl", "en": "Number"},
    "report.part.present": {"de": "anwesend", "en": "present"},
    "report.part.represented": {"de": "vertreten", "en": "represented"},
    "report.part.excused": {"de": "entschuldigt", "en": "excused"},
    "report.part.absent": {"de": "abwesend", "en": "absent"},
    "report.part.done": {"de": "erledigt", "en": "done"},
    "report.part.open": {"de": "offen", "en": "open"},
    "report.part.overdue": {"de": "überfällig", "en": "overdue"},
    "report.part.dropped": {"de": "entfallen", "en": "dropped"},
    # CSV columns and words
    "csv.col.reference": {"de": "Beschluss-Nr.", "en": "Decision no."},
    "csv.col.date": {"de": "Datum", "en": "Date"},
    "csv.col.where": {"de": "TOP / Verfahren", "en": "Item / procedure"},
    "csv.col.title": {"de": "Titel", "en": "Title"},
    "csv.col.text": {"de": "Beschlusstext", "en": "Text of the decision"},
    "csv.col.yes": {"de": "Ja", "en": "Yes"},
    "csv.col.no": {"de": "Nein", "en": "No"},
    "csv.col.abstain": {"de": "Enthaltungen", "en": "Abstentions"},
    "csv.col.majority": {"de": "Mehrheit", "en": "Majority"},
    "csv.col.result": {"de": "Ergebnis", "en": "Result"},
    "csv.col.meeting": {"de": "Sitzung Nr.", "en": "Meeting no."},
    "csv.col.meeting_title": {"de": "Sitzung", "en": "Meeting"},
    "csv.col.organisation": {"de": "Organisation", "en": "Organisation"},
    "csv.col.organisation_name": {"de": "Name", "en": "Name"},
    "csv.col.person": {"de": "Person", "en": "Person"},
    "csv.col.role": {"de": "Rolle", "en": "Role"},
    "csv.col.status": {"de": "Anwesenheit", "en": "Attendance"},
    "csv.col.arrived": {"de": "gekommen", "en": "Arrived"},
    "csv.col.departed": {"de": "gegangen", "en": "Left"},
    "csv.col.id": {"de": "Nr.", "en": "No."},
    "csv.col.what": {"de": "Aufgabe", "en": "Action item"},
    "csv.col.who": {"de": "Zuständig", "en": "Who"},
    "csv.col.due": {"de": "Fällig", "en": "Due"},
    "csv.col.state": {"de": "Stand", "en": "State"},
    "csv.col.done_on": {"de": "Erledigt am", "en": "Done on"},
    "csv.col.note": {"de": "Bemerkung", "en": "Note"},
    "csv.col.voting": {"de": "Stimmrecht", "en": "Vote"},
    "csv.col.representatives": {"de": "Vertretung", "en": "Representatives"},
    "csv.col.deputies": {"de": "Stellvertretung", "en": "Deputies"},
    "csv.col.from": {"de": "Mitglied ab", "en": "Member from"},
    "csv.col.until": {"de": "Mitglied bis", "en": "Member until"},
    "csv.col.notice": {"de": "Gekündigt am", "en": "Notice given"},
    "csv.where.item": {"de": "TOP {top}", "en": "Item {top}"},
    "csv.status.present": {"de": "anwesend", "en": "present"},
    "csv.status.represented": {"de": "vertreten", "en": "represented"},
    "csv.status.excused": {"de": "entschuldigt", "en": "excused"},
    "csv.status.absent": {"de": "abwesend", "en": "absent"},
    # the documents page
    "records.documents.kind.annual_report": {"de": "Jahresberichte", "en": "Annual reports"},
    "records.documents.name.annual_report": {
        "de": "Jahresbericht {number}",
        "en": "Annual report {number}",
    },
}
