"""Retention periods: how long records about a person must be kept.

These are installation settings (the ``[retention]`` table of the
configuration), not rules of procedure: the duty to keep signed contracts
and minutes comes from the law and the operator's filing plan (Aktenplan,
Aufbewahrungsfristen), which bind the body running the installation as the
controller of the data; a committee cannot shorten it by changing its rules.

A period runs, as is usual for German records, from the end of the calendar
year of its event to the end of the calendar year *n* years later.

- ``signatures_years`` (10): a signature on the cooperation agreement or an
  accession declaration: the signatory's name stays with it. The event is
  the end of the agreement version signed; while it is in force, always kept.
- ``minutes_years`` (10): the minutes of record: attendance, objections,
  proposals and the minute-taker of a meeting. The event is the meeting.

Messages sent to a person carry no retention duty: on erasure their copies
in the outbox are purged. The audit trail holds no personal data at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from governance.errors import ConfigurationError


@dataclasses.dataclass(frozen=True)
class Retention:
    signatures_years: int = 10
    minutes_years: int = 10

    @classmethod
    def from_settings(cls, table: Mapping[str, Any], source: str = "(defaults)") -> Retention:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(table) - known
        if unknown:
            raise ConfigurationError(
                "error.config",
                file=source,
                problem=f"unknown key(s) in [retention]: {', '.join(sorted(unknown))}; "
                f"known: {', '.join(sorted(known))}",
            )
        values: dict[str, int] = {}
        for key, value in table.items():
            try:
                number = int(value)
            except (TypeError, ValueError):
                number = -1
            if number < 0 or isinstance(value, bool):
                raise ConfigurationError(
                    "error.config",
                    file=source,
                    problem=f"retention.{key} must be a whole number of years (0 or more)",
                )
            values[key] = number
        return cls(**values)


def kept_until(event: dt.date | None, years: int) -> dt.date | None:
    """The last day a record of *event* is kept; None: kept (the event has not happened yet)."""
    if event is None:
        return None
    return dt.date(event.year + years, 12, 31)


def still_kept(event: dt.date | None, years: int, today: dt.date) -> bool:
    until = kept_until(event, years)
    return until is None or today <= until
