"""Markdown in documents: the one place that turns what people wrote into HTML
(Jinja filters ``agreement_markdown`` and ``notes_markdown``).

The agreement's text and the secretariat's notes in the minutes are written
as CommonMark (markdown-it-py). Raw HTML is switched off, so whatever someone
typed is escaped and printed as text; images are off too, so no text makes
the PDF renderer fetch anything. Headings start one level below the
document's own title (``#`` prints as ``<h2>``).

Agreements written before Markdown used a German contract convention that
is kept: a line starting with "§" is a section heading ("§ 1 Ziel").
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup

_SECTION_LINE = re.compile(r"^(?P<indent>[ \t]{0,3})(?P<section>§.*)$", re.MULTILINE)
_DOCUMENT_TITLE_LEVEL = 1


def _parser(*, breaks: bool) -> MarkdownIt:
    parser = MarkdownIt(
        "commonmark", {"html": False, "breaks": breaks, "typographer": False, "xhtmlOut": False}
    )
    parser.disable("image")

    def heading_open(renderer: Any, tokens: list[Any], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        level = min(int(token.tag[1]) + _DOCUMENT_TITLE_LEVEL, 6)
        return f"<h{level}>"

    def heading_close(renderer: Any, tokens: list[Any], idx: int, options: Any, env: Any) -> str:
        level = min(int(tokens[idx].tag[1]) + _DOCUMENT_TITLE_LEVEL, 6)
        return f"</h{level}>\n"

    parser.add_render_rule("heading_open", heading_open)
    parser.add_render_rule("heading_close", heading_close)
    return parser


_FLOWING = _parser(breaks=False)
_LINE_BY_LINE = _parser(breaks=True)


def agreement_html(text: str) -> Markup:
    """The agreement's text as HTML: Markdown, with "§ …" lines as section headings.

    Hard-wrapped lines flow into one paragraph, as Markdown joins them.
    """
    source = _SECTION_LINE.sub(r"\g<indent># \g<section>", text.replace("\r\n", "\n"))
    return Markup(_FLOWING.render(source))


def notes_html(text: str) -> Markup:
    """Minutes notes as HTML: Markdown; a line break the secretariat typed stays one."""
    return Markup(_LINE_BY_LINE.render(text.replace("\r\n", "\n")))
