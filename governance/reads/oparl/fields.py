"""What every OParl object is made of: its type URL and the timestamps."""

from __future__ import annotations

import datetime as dt
from typing import Any

SCHEMA = "https://schema.oparl.org/1.1/"

Json = dict[str, Any]


def iso_time(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def stamps(created: dt.datetime | None, modified: dt.datetime | None) -> Json:
    out: Json = {}
    if created is not None:
        out["created"] = iso_time(created)
    if modified is not None or created is not None:
        out["modified"] = iso_time(modified or created)
    return out


def prune(obj: Json) -> Json:
    """OParl leaves out what is unknown rather than writing ``null``."""
    return {k: v for k, v in obj.items() if v is not None}
