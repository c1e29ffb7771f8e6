"""Rendering what people read: one Jinja2 environment for mails and documents.

The environment (StrictUndefined, autoescape for ``.html``) and the German /
English formatting filters live here, so that the mail and the document
renderers cannot drift apart. See :mod:`governance.templating.environment`
and :mod:`governance.templating.formatting`.

The names below are resolved on first use (PEP 562): a command that only
formats a date (``gremium meeting show``) imports
:mod:`governance.templating.formatting` without Jinja2 and markdown-it.
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

_HOMES = {
    "environment": "governance.templating.environment",
    "render": "governance.templating.environment",
    "format_date_long": "governance.templating.formatting",
    "format_date_short": "governance.templating.formatting",
    "format_datetime_long": "governance.templating.formatting",
    "format_time": "governance.templating.formatting",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "environment",
    "format_date_long",
    "format_date_short",
    "format_datetime_long",
    "format_time",
    "render",
]
