"""Reading what Gremium writes as its readers do: line by line, in their language.

Shared by the mail tests and the demo-year scan. The word lists are the
faults found so far (internal state names and English words that leaked
into German output, German column headers in English tables); each is a
whole word, matched case-sensitively where the German noun is capitalised.
"""

from __future__ import annotations

import re

ENGLISH_IN_GERMAN = re.compile(
    r"\b(?:ink|scanned|electronic|active|left|leaving|pending|no longer|accepted|rejected|"
    r"deferred|tacit|chair|invitation|decision|information|discussion|election|proposed|"
    r"draft|drafting|circulated|approved|archived|open_for_signature|in_force|yes|no|abstain|"
    r"State|None|True|False|null)\b"
)
"""English words (and Python/JSON literals) that must not appear in German text."""

GERMAN_IN_ENGLISH = re.compile(
    r"\b(?:Uhr|Beginn|Ende|Ort|Tagesordnung|Fassung|Sitzung:|Einwendung(?:en)?|Mit freundlichen|"
    r"Enthaltung(?:en)?|zuständig|Begründung|Geschäftsstelle:|Vorsitz|Zustand|Mitglied|"
    r"Frist|fällig|ab|bis|Nein|Ja)\b"
)
"""German words of Gremium's own wording that must not appear in English text."""

COMMANDS = re.compile(r"\bgremium [a-z]+ [a-z]+|--[a-z]+|#\d+")
"""A command line, an option or an internal id: nothing a partner can act on."""

RUN_TOGETHER = re.compile(r"(?<=[a-zäöüß0-9).])[A-ZÄÖÜ][a-zäöüß]+:(?=\s|$)")
"""A "Field:" glued to the end of the previous line's text ("…KosmosviertelBeginn: …")."""


def fields(text: str, labels: tuple[str, ...]) -> dict[str, str]:
    """The value after each of *labels* that starts a line; a label elsewhere is an error."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        for label in labels:
            if line.startswith(label):
                assert label not in found, f"{label!r} twice"
                found[label] = line[len(label) :].strip()
            else:
                assert label not in line, f"{label!r} inside the line {line!r}"
    return found


def without(text: str, data: object) -> str:
    """*text* with every string of *data* (nested dicts and lists) cut out.

    What users typed (titles, reasons, names) may be in any language; the
    language checks are about Gremium's own words around it. Short values
    (item numbers, "KG") stay, so dates and numbers are not cut apart.
    """
    strings: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list | tuple):
            for item in value:
                collect(item)
        elif isinstance(value, str) and len(value.strip()) > 3:  # not "1", "de", "KG"
            strings.append(value)

    collect(data)
    for value in sorted(strings, key=len, reverse=True):
        text = text.replace(value, " ")
    return text
