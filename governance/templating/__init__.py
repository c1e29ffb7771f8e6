"""Rendering what people read: one Jinja2 environment for mails and documents.

The environment (StrictUndefined, autoescape for ``.html``) and the German /
English formatting filters live here, so that the mail and the document
renderers cannot drift apart. See :mod:`governance.templating.environment`
and :mod:`governance.templating.formatting`.

The names are loaded on first use: a command that only formats a count or a
date (``meeting show``) does not import Jinja2 with the environment.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from governance.templating.environment import environment, render
    from governance.templating.formatting import (
        format_date_long,
        format_date_short,
        format_datetime_long,
        format_time,
    )

_WHERE = {
    "environment": "environment",
    "render": "environment",
    "format_date_long": "formatting",
    "format_date_short": "formatting",
    "format_datetime_long": "formatting",
    "format_time": "formatting",
}

__all__ = [
    "environment",
    "format_date_long",
    "format_date_short",
    "format_datetime_long",
    "format_time",
    "render",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
