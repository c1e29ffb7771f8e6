"""Notes of the minutes as the secretariat writes them (pure: text in, notes per TOP out).

A Markdown file has a heading ``## TOP 3`` (optionally ``## TOP 3: Title``)
before each item's notes; a YAML file maps TOP numbers to text. Notes keep
their paragraphs; the minutes print each paragraph as it was written.
"""

from __future__ import annotations

import hashlib
import re

from governance.errors import InvalidInput


def parse_notes(text: str, name: str = "") -> dict[int, str]:
    """Notes per TOP from a file: YAML (``3: text``) or Markdown (``## TOP 3`` headings)."""
    if name.lower().endswith((".yaml", ".yml")):
        return _yaml_notes(text)
    notes: dict[int, str] = {}
    current: int | None = None
    lines: list[str] = []
    for line in text.splitlines():
        heading = re.match(r"^##\s+TOP\s+(\d+)\b.*$", line.strip(), re.IGNORECASE)
        if heading:
            if current is not None:
                notes[current] = "\n".join(lines).strip()
            current, lines = int(heading[1]), []
            if current in notes:
                raise InvalidInput("minutes.error.top_twice", top=current)
        elif current is None:
            if line.strip() and not line.startswith("# "):
                raise InvalidInput("minutes.error.notes_format", line=line.strip()[:60])
        else:
            lines.append(line)
    if current is not None:
        notes[current] = "\n".join(lines).strip()
    if not notes:
        raise InvalidInput("minutes.error.notes_format", line="—")
    return notes


def _yaml_notes(text: str) -> dict[int, str]:
    import yaml  # only for notes given as a YAML file

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InvalidInput("minutes.error.notes_format", line=str(exc).splitlines()[0]) from None
    if not isinstance(data, dict) or not data:
        raise InvalidInput("minutes.error.notes_format", line=str(data)[:60])
    notes: dict[int, str] = {}
    for key, value in data.items():
        top = str(key).upper().removeprefix("TOP").strip()
        if not top.isdigit() or not isinstance(value, str | int | float):
            raise InvalidInput("minutes.error.notes_format", line=f"{key}: {value}"[:60])
        notes[int(top)] = str(value).strip()
    return notes


def note_text(text: str, top: int, max_length: int = 20000) -> str:
    """Notes keep their paragraphs (unlike one-line texts); control characters are refused."""
    lines = [" ".join(line.split()) for line in str(text).replace("\r\n", "\n").split("\n")]
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(cleaned) > max_length or any(ord(ch) < 32 and ch != "\n" for ch in cleaned):
        raise InvalidInput("error.text", what=f"TOP {top}", max=max_length)
    return cleaned


def fingerprint(text: str | None) -> str:
    """What a form remembers of an item's notes as it showed them: a changed note
    since then is a concurrent edit (two people writing the minutes at once)."""
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()[:16]
