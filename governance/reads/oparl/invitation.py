"""The invitation as OParl shows it, a File made from what is public: date, place and
the public agenda (never the invitation mailed to members, which names people and
closed items)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from typing import Any

from sqlalchemy.engine import Row

from governance.reads.oparl.fields import SCHEMA, Json, iso_time, prune
from governance.reads.oparl.urls import Urls


def invitation_text(urls: Urls, row: Row[Any], items: list[Row[Any]]) -> bytes:
    """The invitation as OParl shows it: date, place and the public agenda (never the
    invitation mailed to members, which names people and closed items)."""
    start = row.starts_at.astimezone(_berlin()).strftime("%d.%m.%Y %H:%M")
    lines = [
        urls.words("oparl.invitation.heading", meeting=row.title),
        urls.words("oparl.invitation.when", start=start),
        urls.words("oparl.invitation.where", location=row.location or "-"),
        "",
        urls.words("oparl.invitation.agenda"),
    ]
    lines += [f"{n}. {item.title}" for n, item in enumerate(items, start=1)]
    return ("\n".join(lines) + "\n").encode()


@functools.cache
def _berlin() -> dt.tzinfo:
    from governance.clock import BERLIN

    return BERLIN


def invitation_json(urls: Urls, row: Row[Any], items: list[Row[Any]]) -> Json:
    data = invitation_text(urls, row, items)
    where = urls.of("meeting", f"{row.id}/invitation")
    return prune(
        {
            "id": where,
            "type": SCHEMA + "File",
            "name": urls.words("oparl.invitation.name"),
            "fileName": f"einladung-{row.id}.txt",
            "mimeType": "text/plain",
            "size": len(data),
            "sha512Checksum": hashlib.sha512(data).hexdigest(),
            "accessUrl": where + "/content",
            "downloadUrl": where + "/content?download=1",
            "meeting": [urls.of("meeting", row.id)],
            "created": iso_time(row.convened_at),
            "modified": iso_time(row.modified_at or row.convened_at),
        }
    )
