"""Plain-text templates: a tag swallows its line break only when it stands alone.

Jinja's ``trim_blocks`` removes the newline after *every* block tag. That is
right for a line that holds nothing but ``{% if … %}`` or ``{% endfor %}``,
and wrong for a line that ends in a tag after some text, as in::

    Sitzung:  {{ meeting.title }}{% if meeting.number %} (Nr. {{ meeting.number }}){% endif %}
    Beginn:   {{ meeting.starts_at|datetime_long }}

where it joined the two lines ("…KosmosviertelBeginn: …") in every meeting
mail. This extension gives a plain-text template the rule a reader expects
(the one Mustache calls "standalone tags"): before Jinja parses a ``.txt``
template, a block tag that ends a line with other text on it is marked
``+%}``, Jinja's own switch that keeps the newline after that one tag. Lines
made only of tags still vanish, as before. HTML templates are left alone:
their line breaks are not what the reader sees.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

PLAIN_TEXT_SUFFIX = ".txt"

_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_ENDS_IN_BLOCK_TAG = re.compile(r"(?<![+-])%\}(?P<space>[ \t]*)$")


def keep_line_breaks_after_inline_tags(source: str) -> str:
    """*source* with ``+%}`` on every block tag that ends a line holding other text."""
    lines = source.split("\n")
    for index, line in enumerate(lines[:-1]):  # the last line has no line break to keep
        if not _ENDS_IN_BLOCK_TAG.search(line):
            continue
        if not _TAG.sub("", line).strip():
            continue  # a standalone tag line: trim_blocks removes it, as meant
        lines[index] = _ENDS_IN_BLOCK_TAG.sub(r"+%}\g<space>", line)
    return "\n".join(lines)


class StandaloneTags(Extension):
    """Apply :func:`keep_line_breaks_after_inline_tags` to every ``.txt`` template."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name is None or not name.endswith(PLAIN_TEXT_SUFFIX):
            return source
        return keep_line_breaks_after_inline_tags(source)
