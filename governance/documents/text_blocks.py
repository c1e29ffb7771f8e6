"""The paragraph structure of an agreement's plain text, for printing.

The text is stored (and hashed) exactly as typed; printing only reads its
structure: blocks are separated by blank lines, a line starting with "§" is
a heading, and a block of one short line without closing punctuation
("Präambel", "Schlussbestimmungen") is a heading too. Hard-wrapped lines
within a paragraph are joined, so the printed text flows; a line that
starts like a list item ("1.", "a)", "-", "•") keeps its own line.
"""

from __future__ import annotations

import dataclasses
import re

_LIST_ITEM = re.compile(r"^(\d+\.|\d+\)|[a-z]\)|[-–•*])\s")
_SHORT_HEADING = 80


@dataclasses.dataclass(frozen=True)
class Block:
    kind: str
    """"heading" or "paragraph"."""
    lines: tuple[str, ...]
    """A heading has one line; a paragraph one line per list item (else one)."""


def blocks(text: str) -> list[Block]:
    """Split *text* into headings and paragraphs."""
    result: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in chunk.strip().split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) == 1 and _is_short_heading(lines[0]):
            result.append(Block("heading", (lines[0],)))
            continue
        body: list[str] = []
        for line in lines:
            if line.startswith("§"):
                _flush(result, body)
                result.append(Block("heading", (line,)))
            elif body and not _LIST_ITEM.match(line):
                body[-1] = f"{body[-1]} {line}"
            else:
                body.append(line)
        _flush(result, body)
    return result


def _is_short_heading(line: str) -> bool:
    return line.startswith("§") or (
        len(line) <= _SHORT_HEADING and not line.endswith((".", ":", ";", ",", "!", "?"))
    )


def _flush(result: list[Block], body: list[str]) -> None:
    if body:
        result.append(Block("paragraph", tuple(body)))
        body.clear()
