"""Writing a rendered document to disk: all or nothing.

The bytes go to a temporary file next to the target and are renamed into
place, so a failed write never leaves half a PDF where a reader expects one.
The temporary file is created with the usual permissions (mode 0666 minus
the umask), so the document is as readable as any other file its user writes.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from governance.errors import InvalidInput


def write_atomically(path: Path, data: bytes) -> Path:
    """Write *data* to *path*; an unwritable path raises InvalidInput and changes nothing."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput("documents.error.no_folder", path=str(path), folder=str(folder))
    if path.is_dir():
        raise InvalidInput("documents.error.is_folder", path=str(path))
    temporary = folder / f".{path.name}.{secrets.token_hex(6)}.part"
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise InvalidInput(
            "documents.error.unwritable", path=str(path), problem=exc.strerror
        ) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise InvalidInput(
            "documents.error.unwritable", path=str(path), problem=exc.strerror
        ) from None
    return path
