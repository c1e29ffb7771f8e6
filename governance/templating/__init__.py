"""Rendering what people read: one Jinja2 environment for mails and documents.

The environment (StrictUndefined, autoescape for ``.html``) and the German /
English formatting filters live here, so that the mail and the document
renderers cannot drift apart. See :mod:`governance.templating.environment`
and :mod:`governance.templating.formatting`.
"""

from governance.templating.environment import environment, render
from governance.templating.formatting import (
    format_date_long,
    format_date_short,
    format_datetime_long,
    format_time,
)

__all__ = [
    "environment",
    "format_date_long",
    "format_date_short",
    "format_datetime_long",
    "format_time",
    "render",
]
