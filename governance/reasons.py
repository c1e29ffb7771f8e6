"""A recorded reason: a catalogue key with its parameters, said in the reader's language.

Skipped timers and messages keep their reason in one text column (and in the
audit record); it is stored as JSON ``{"key": ..., "params": {...}}`` so that
each reader sees it in their own language. Text that is not such a record (an
error as an operator recorded it, a row from before) is shown as it is.
"""

from __future__ import annotations

import json
from typing import Any

from governance.i18n import CATALOGUE, translate


def reason(key: str, **params: Any) -> str:
    """The stored form of the reason *key* with *params*."""
    if key not in CATALOGUE:
        raise KeyError(f"no message {key!r} in the catalogue")
    return json.dumps({"key": key, "params": params}, ensure_ascii=False, sort_keys=True)


def say(recorded: str | None, lang: str) -> str | None:
    """*recorded* in *lang*: a stored reason, a bare catalogue key, or text as it is."""
    if not recorded:
        return recorded
    if recorded in CATALOGUE:
        return translate(recorded, lang)
    try:
        data = json.loads(recorded)
    except ValueError:
        return recorded
    if not isinstance(data, dict) or data.get("key") not in CATALOGUE:
        return recorded
    return translate(data["key"], lang, **(data.get("params") or {}))
