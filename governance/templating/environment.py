"""The one Jinja2 environment for everything Gremium writes for people.

``StrictUndefined``: a missing value is an error when the text is rendered
(at queue time for a mail), never a blank in what a person reads. Autoescape
is on for ``.html`` templates only: plain-text parts and subjects keep user
text as typed. Environments are built once per language and template folder
and reused, because building one per message is a known cost on fan-out.
``trim_blocks`` removes a tag's line break in plain text only where the tag
stands alone on its line (:mod:`governance.templating.standalone_tags`).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2

from governance.domain.attachments import human_size
from governance.resources import templates_dir
from governance.templating import formatting, markdown_text
from governance.templating.standalone_tags import StandaloneTags


@functools.cache
def environment(lang: str = "de", folder: str | None = None) -> jinja2.Environment:
    """The environment for *lang* over *folder* (default: the shipped templates/)."""
    root = Path(folder) if folder else templates_dir()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(root)),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[StandaloneTags],
    )
    env.filters.update(
        date_short=lambda v: formatting.format_date_short(v, lang),
        date_long=lambda v: formatting.format_date_long(v, lang),
        datetime_long=lambda v: formatting.format_datetime_long(v, lang),
        time=lambda v: formatting.format_time(v, lang),
        number=lambda v: formatting.format_number(v, lang),
        count=lambda v, one, other: formatting.format_count(v, one, other, lang),
        agreement_markdown=markdown_text.agreement_html,
        notes_markdown=markdown_text.notes_html,
        filesize=lambda v: human_size(int(v), lang),
    )
    env.globals["lang"] = lang
    return env


def render(name: str, context: dict[str, Any], lang: str = "de", folder: str | None = None) -> str:
    """Render template *name* with *context*; a missing value raises jinja2.UndefinedError."""
    return environment(lang, folder).get_template(name).render(**context)
