"""Attachments of agenda items (Anlagen, Vorlagen): limits, names, addresses (pure).

A file is kept in the database, so its size is bounded: per file, and per
meeting (all versions of all items' files together). Invitations carry the
files only while they fit in what mail relays commonly accept; otherwise the
invitation lists them (name, version, size, SHA-256) and people export them.
"""

from __future__ import annotations

import dataclasses
import mimetypes
import re
import unicodedata
from urllib.parse import urlsplit

from governance.errors import InvalidInput, Text

MB = 1_000_000
"""Sizes in settings and messages are in MB of 1,000,000 bytes (as mail relays count)."""


@dataclasses.dataclass(frozen=True)
class AttachmentLimits:
    max_file_bytes: int = 20 * MB
    max_meeting_bytes: int = 100 * MB
    max_mail_bytes: int = 10 * MB
    """The files ride along with an invitation only while together they stay below this."""


_SCHEMES = ("http", "https")
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def check_url(value: str) -> str:
    """An http(s) address with a host; anything else (file:, javascript:, a bare word) is refused."""
    url = value.strip()
    parts = urlsplit(url)
    if (
        parts.scheme.lower() not in _SCHEMES
        or not parts.hostname
        or len(url) > 2000
        or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url)
    ):
        raise InvalidInput("attachments.error.url", value=value)
    return url


def safe_name(name: str) -> str:
    """The file name as people see it and as it is exported: no folders, no control
    characters, nothing a file system or a mail header would trip over."""
    base = re.split(r"[/\\]", name)[-1]
    cleaned = _UNSAFE_NAME.sub("_", unicodedata.normalize("NFC", base)).strip(" .")
    if not cleaned:
        raise InvalidInput("attachments.error.name", value=name)
    if len(cleaned) > 255:
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (stem[: 250 - len(ext)] + dot + ext) if dot and len(ext) <= 10 else cleaned[:255]
    return cleaned


def media_type(name: str) -> str:
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed or "application/octet-stream"


def check_file_size(name: str, size: int, limits: AttachmentLimits) -> None:
    if size == 0:
        raise InvalidInput("attachments.error.empty", name=name)
    if size > limits.max_file_bytes:
        raise InvalidInput(
            "attachments.error.file_too_large",
            name=name,
            size=Size(size),
            limit=Size(limits.max_file_bytes),
        )


def check_meeting_total(
    name: str, size: int, stored: int, meeting: int, limits: AttachmentLimits
) -> None:
    """*stored*: the bytes of the meeting's files so far (every version)."""
    if stored + size > limits.max_meeting_bytes:
        raise InvalidInput(
            "attachments.error.meeting_too_large",
            name=name,
            meeting=meeting,
            size=Size(size),
            stored=Size(stored),
            limit=Size(limits.max_meeting_bytes),
        )


def human_size(size: int, lang: str = "de") -> str:
    """``812 B``, ``14 kB``, ``2,4 MB`` (decimal units, as the limits are counted)."""
    if size < 1000:
        return f"{size} B"
    if size < MB:
        return f"{size / 1000:.0f} kB"
    text = f"{size / MB:.1f} MB"
    return text.replace(".", ",") if lang == "de" else text


class Size(Text):
    """A size in a message, written the reader's way (2,4 MB / 2.4 MB)."""

    def __init__(self, size: int) -> None:
        self.size = size

    def render(self, lang: str) -> str:
        return human_size(self.size, lang)
