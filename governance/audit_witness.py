"""Witnesses of the audit chain held outside the database.

Every archived minutes PDF and every ``minutes_approved`` mail states the
chain's head at that moment (position and hash). Members keep their mail,
the archive keeps the PDFs: whoever cuts off the end of the chain, or
rebuilds it, cannot change what they hold. ``audit verify --witness PATH``
reads those heads back from a Maildir (the line "Prüfpfad-Stand: Nr. N, HASH"
in the text of each mail, also in a forwarded one) or from a file of
``position hash`` lines, and checks the chain against each.
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import re
from collections.abc import Iterator
from pathlib import Path

from governance.errors import InvalidInput

_IN_TEXT = re.compile(
    r"(?:Prüfpfad-Stand|Audit trail head):\s*(?:Nr\.|No\.)\s*(\d+),\s*([0-9a-f]{64})"
)
_LINE = re.compile(r"^\s*(\d+)\s+([0-9a-f]{64})\s*$")


@dataclasses.dataclass(frozen=True)
class Witness:
    seq: int
    hash: str
    source: str
    """Where it was found (a file and line, or a message file), for the report."""


def collect(path: Path) -> list[Witness]:
    """The heads held in *path*: a Maildir (or any folder of messages) or a list file."""
    if path.is_dir():
        return list(_from_maildir(path))
    if path.is_file():
        return list(_from_list(path))
    raise InvalidInput("audit.witness.not_found", path=str(path))


def _from_list(path: Path) -> Iterator[Witness]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput("audit.witness.unreadable", path=str(path), problem=str(exc)) from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _LINE.match(line)
        if match is None:
            raise InvalidInput("audit.witness.bad_line", path=str(path), line=number)
        yield Witness(int(match[1]), match[2], f"{path}:{number}")


def _from_maildir(folder: Path) -> Iterator[Witness]:
    # A Maildir keeps messages in cur/ and new/; a plain folder of .eml files works too.
    subfolders = [folder / name for name in ("cur", "new") if (folder / name).is_dir()]
    for sub in subfolders or [folder]:
        for file in sorted(sub.iterdir()):
            if file.is_file():
                yield from _from_message(file)


def _from_message(file: Path) -> Iterator[Witness]:
    with file.open("rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() != "text/plain":
            continue
        try:
            text = part.get_content()
        except (LookupError, ValueError):
            continue
        for match in _IN_TEXT.finditer(text):
            yield Witness(int(match[1]), match[2], str(file))
        return
