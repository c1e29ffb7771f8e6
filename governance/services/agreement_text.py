"""The text of an agreement: what may be one, and reading it from a file.

A text is frozen by its SHA-256 when it is opened for signature, so it is
normalised once here (one line-ending convention) and bounded in length.
"""

from __future__ import annotations

import re
from pathlib import Path

from governance.errors import InvalidInput

MAX_TEXT = 200_000
"""The longest agreement text, in characters (a long contract has some 60,000)."""


# Control characters a text cannot carry (a database refuses NUL; the others are
# invisible in print and would make two texts that look the same hash differently).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def check_text(text: str) -> str:
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
        raise InvalidInput("agreement.error.text", max=MAX_TEXT)
    # One line ending convention, so the hash does not depend on the editor used.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text)
    if bad is not None:
        raise InvalidInput(
            "agreement.error.text_control",
            char=f"U+{ord(bad.group()):04X}",
            line=text.count("\n", 0, bad.start()) + 1,
        )
    return text


MAX_FILE_BYTES = MAX_TEXT * 4
"""The largest file read as a text: UTF-8 has at most 4 bytes a character."""


def text_from_file(path: str | Path) -> str:
    """The text of an agreement from a UTF-8 file, refused with the reason when it cannot be one."""
    name = str(path)
    file = Path(path)
    if not file.is_file():
        raise InvalidInput("agreement.error.file_missing", path=name)
    # A bigger file is too long for sure (and is not read).
    if file.stat().st_size > MAX_FILE_BYTES:
        raise InvalidInput("agreement.error.file_too_long", path=name, max=MAX_TEXT)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            "agreement.error.file_unreadable", path=name, reason=exc.strerror
        ) from None
    return text_from_bytes(data, name)


def text_from_bytes(data: bytes, name: str) -> str:
    """The text of an agreement from the bytes of a file called *name* (a file read from
    disk, or one uploaded in the browser: the caller reads at most ``MAX_FILE_BYTES + 1``
    bytes), refused with the reason when it cannot be one."""
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput("agreement.error.file_too_long", path=name, max=MAX_TEXT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput("agreement.error.file_encoding", path=name, at=exc.start) from None
    if not text.strip():
        raise InvalidInput("agreement.error.file_empty", path=name)
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            "agreement.error.file_too_long", path=name, max=MAX_TEXT, length=len(text)
        )
    return text
