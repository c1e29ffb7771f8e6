"""User-facing text in German (default) and English.

Messages are looked up by key in small per-area catalogues (one module per
area, each a dict ``key -> {"de": ..., "en": ...}``) so that every sentence a
user can see is found by its words, and a test checks both languages carry
the same placeholders.
"""

from __future__ import annotations

import functools
import string
from typing import Any

from governance.i18n import (
    accession,
    agreement,
    attachments,
    audit,
    backup,  # issue 16.6: gremium backup / restore
    calendar,  # issue 15.4: calendar subscriptions (iCalendar feeds)
    cli,
    core,
    dates,
    documents,
    faults,
    inbound,  # issue 14: replies by mail (IMAP, calendar replies, objections by mail)
    links,  # issue 14: action links in mails, answers to invitations
    links_kinds,  # issue 14.1: the other action links (proposal, minutes, signature, ...)
    mail,
    meeting,
    membership,
    minutes,
    oparl,  # issue 15.5: the OParl 1.1 interface
    personal_data,  # issue 12: person export / erase
    practice,  # issue 16: conflicts of interest, vote transfers, hybrid meetings
    programmes,  # issue 15: programmes, action areas, their overviews
    publication,  # issue 15.6: items in closed session, consent to publish an address
    report,  # issue 16: the annual report and the CSV exports
    skips,  # why a timer or message was skipped, in the reader's language
    web_agreement,  # issue 13: agreement, accession, member and secretariat forms
    web_committee,  # web: overview, committee pages (engineer committee)
    web_meetings,  # issue 13: the meeting pages (engineer agenda)
    web_records,  # web: minutes, register, actions, documents, audit, workflows
    web_session,  # web: the meeting in session
    web_webcore,  # web application: layout, errors, sign-in
    web_year,  # web: series change/end, agenda attachments, administrator's overview
    withdrawals,  # issue 16: withdrawing a conflict of interest or a vote transfer
    written,  # issue 14.6: the written procedure (Umlaufverfahren)
)

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"

CATALOGUE: dict[str, dict[str, str]] = {}
for _area in (
    core,
    cli,
    audit,
    agreement,
    accession,
    membership,
    meeting,
    documents,
    mail,
    minutes,
    dates,
    attachments,
    faults,
    inbound,
    personal_data,
    skips,
    web_records,
    web_webcore,
    web_committee,
    web_meetings,
    written,
    programmes,
    web_session,
    web_agreement,
    links,
    links_kinds,
    web_year,
    backup,
    calendar,
    report,
    oparl,
    practice,
    publication,
    withdrawals,
):
    _overlap = CATALOGUE.keys() & _area.MESSAGES.keys()
    if _overlap:
        raise RuntimeError(f"message keys defined twice: {sorted(_overlap)}")
    CATALOGUE.update(_area.MESSAGES)


class _CountingFormatter(string.Formatter):
    """``{abstain:Enthaltung|Enthaltungen}`` writes the number with the word in its plural form.

    Any other format spec is Python's own; the plural rule is the language's
    (CLDR via Babel), so no message says "1 Enthaltungen".
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec and isinstance(value, int):
            from governance.counts import format_count

            one, other = format_spec.split("|", 1)
            return format_count(value, one, other, self.lang)
        return super().format_field(value, format_spec)


def translate(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """Return the message *key* in *lang* with *params* filled in."""
    entry = CATALOGUE.get(key)
    if entry is None:
        raise KeyError(f"no message {key!r} in the catalogue")
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    if "|" not in text:  # no plural field: str.format is the same, and far cheaper
        return text.format(**params)
    parts = _fields(text)
    if parts is None:
        return _CountingFormatter(lang).format(text, **params)
    from governance.counts import format_count

    written: list[str] = []
    for literal, name, spec in parts:
        written.append(literal)
        if name is None:
            continue
        value = params[name]
        if "|" in spec and isinstance(value, int):  # as _CountingFormatter.format_field
            one, other = spec.split("|", 1)
            written.append(format_count(value, one, other, lang))
        else:
            written.append(format(value, spec))
    return "".join(written)


@functools.lru_cache(maxsize=4096)
def _fields(text: str) -> tuple[tuple[str, str | None, str], ...] | None:
    """*text* split once into (literal, field name, format spec): a page writes the same
    counted message for every row, and string.Formatter parses it anew each time.
    None where a field is more than a plain name (then the formatter does it all)."""
    parts: list[tuple[str, str | None, str]] = []
    for literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None and (conversion or not name.isidentifier() or "{" in (spec or "")):
            return None
        parts.append((literal, name, spec or ""))
    return tuple(parts)
