"""The committee's lists as CSV for spreadsheet programs: the decisions register,
attendance, action items and members (``--format csv`` and the web's downloads).

What a spreadsheet program in a German office opens without an import dialog:
UTF-8 with a byte order mark (else Excel reads Windows-1252 and umlauts break),
``;`` as separator (the comma is the German decimal sign), every line ending
CRLF (RFC 4180). Dates are ``11.03.2026`` in German, ISO 8601 ``2026-03-11`` in
English: the one unambiguous form for readers of English (``03/11/2026`` is
read differently in the US and the UK). Headings and words (roles, states,
results) are in the language asked for; figures stay plain integers.

Both fronts call :func:`export`, so a list's columns are decided once. Light on
purpose (the csv module, Core reads, the message catalogue): ``decisions list
--format csv`` stays a read without the ORM or a template engine.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection

from governance.clock import BERLIN
from governance.errors import InvalidInput
from governance.i18n import translate

LISTS = ("decisions", "attendance", "actions", "members")
"""The lists there is a CSV of (the keys of :func:`export`)."""
MEDIA_TYPE = "text/csv; charset=utf-8"
ENCODING = "utf-8-sig"
"""UTF-8 with the byte order mark spreadsheet programs look for."""
DELIMITER = ";"


@dataclasses.dataclass(frozen=True)
class CsvFile:
    data: bytes
    filename: str
    """``decisions-KG-2026.csv``: list, committee, year; safe in a path and a header."""
    rows: int


def export(
    conn: Connection,
    which: str,
    committee_id: int,
    lang: str,
    *,
    year: int | None = None,
) -> CsvFile:
    """The list *which* of *committee_id* (of *year*, where the list has years) as CSV."""
    if which not in LISTS:
        raise InvalidInput("error.choice", what="CSV", value=which, allowed=", ".join(LISTS))
    from governance.reads.committees import short_name

    headings, rows = _BUILDERS[which](conn, committee_id, year, lang)
    data = to_csv(headings, rows, lang)
    parts = [which, short_name(conn, committee_id)] + ([str(year)] if year else [])
    name = "-".join("".join(ch if ch.isalnum() else "-" for ch in p) for p in parts)
    return CsvFile(data=data, filename=f"{name}.csv", rows=len(rows))


def to_csv(headings: Sequence[str], rows: Sequence[Sequence[Any]], lang: str) -> bytes:
    """*rows* under *headings* as CSV bytes (BOM, ``;``, CRLF, dates for *lang*)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(headings)
    for row in rows:
        writer.writerow([cell(value, lang) for value in row])
    return buffer.getvalue().encode(ENCODING)


def cell(value: Any, lang: str) -> str:
    """One value as the cell shows it: a date (a moment in Berlin time), a yes/no, text."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        local = value.astimezone(BERLIN)
        return local.strftime("%d.%m.%Y %H:%M" if lang == "de" else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y") if lang == "de" else value.isoformat()
    if isinstance(value, bool):
        return translate("cli.yes" if value else "cli.no", lang)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v, lang) for v in value)
    # A cell starting with = + - @ is a formula to a spreadsheet program (CSV
    # injection): text typed by a partner is kept as text by a leading apostrophe.
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _headings(lang: str, *keys: str) -> list[str]:
    return [translate(f"csv.col.{key}", lang) for key in keys]


Rows = tuple[list[str], list[list[Any]]]


def _decisions(conn: Connection, committee_id: int, year: int | None, lang: str) -> Rows:
    from governance.reads.decisions import register

    rows = []
    for d in register(conn, committee_id, year):
        if d["written_procedure"] is not None:
            where = translate("written.register.where", lang, number=d["written_procedure"])
        else:
            where = translate("csv.where.item", lang, top=d["top"])
        rows.append(
            [
                d["reference"],
                d["decided_on"],
                where,
                d["title"],
                " ".join(str(d["text"]).split()),
                d["votes"]["yes"],
                d["votes"]["no"],
                d["votes"]["abstain"],
                translate(f"majority.{d['majority']}", lang),
                translate("vote.carried" if d["carried"] else "vote.rejected", lang),
            ]
        )
    headings = _headings(
        lang, "reference", "date", "where", "title", "text", "yes", "no", "abstain", "majority",
        "result",
    )  # fmt: skip
    return headings, rows


def _attendance(conn: Connection, committee_id: int, year: int | None, lang: str) -> Rows:
    from governance.reads.attendance import attendance_register

    rows = [
        [
            r["meeting_number"],
            r["day"],
            r["meeting_title"],
            r["organisation"] or "",
            r["guest_name"] or r["person"] or "",
            translate(f"role.{r['role']}", lang) if r["role"] else "",
            translate(f"csv.status.{r['status']}", lang),
            r["arrived_at"],
            r["departed_at"],
        ]
        for r in attendance_register(conn, committee_id, year)
    ]
    headings = _headings(
        lang, "meeting", "date", "meeting_title", "organisation", "person", "role", "status",
        "arrived", "departed",
    )  # fmt: skip
    return headings, rows


def _actions(conn: Connection, committee_id: int, year: int | None, lang: str) -> Rows:
    from governance.reads.action_items import action_items

    rows = [
        [
            r["id"],
            r["what"],
            r["who"],
            r["due_on"],
            translate(f"action.state.{r['state']}", lang),
            r["done_on"],
            r["note"],
        ]
        for r in action_items(conn, committee_id)
        if year is None or r["due_on"].year == year
    ]
    return _headings(lang, "id", "what", "who", "due", "state", "done_on", "note"), rows


def _members(conn: Connection, committee_id: int, year: int | None, lang: str) -> Rows:
    from governance.reads import tables
    from governance.reads.committees import memberships
    from governance.resources import workflows_dir
    from governance.workflow.labels import label, workflow_labels

    labels = workflow_labels(workflows_dir())["membership"]
    rows = [
        [
            m["organisation"],
            m["organisation_name"],
            translate(f"role.{m['role']}", lang),
            m["voting"],
            m["representatives"],
            m["deputies"],
            m["starts_on"],
            m["ends_on"],
            m["notice_given_on"],
            label(labels, m["state"], lang),
        ]
        for m in memberships(conn, tables.memberships.c.committee_id == committee_id)
        if year is None
        or (m["starts_on"].year <= year and (m["ends_on"] is None or m["ends_on"].year >= year))
    ]
    headings = _headings(
        lang, "organisation", "organisation_name", "role", "voting", "representatives",
        "deputies", "from", "until", "notice", "state",
    )  # fmt: skip
    return headings, rows


_BUILDERS: dict[str, Callable[[Connection, int, int | None, str], Rows]] = {
    "decisions": _decisions,
    "attendance": _attendance,
    "actions": _actions,
    "members": _members,
}
