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
}
