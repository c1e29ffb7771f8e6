"""Writing a rendered document to disk: all or nothing.

The bytes go to a temporary file next to the target and are renamed into
place, so a failed write never leaves half a PDF where a reader expects one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from governance.errors import InvalidInput


def write_atomically(path: Path, data: bytes) -> Path:
    """Write *data* to *path*; an unwritable path raises InvalidInput and changes nothing."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput("documents.error.no_folder", path=str(path), folder=str(folder))
    if path.is_dir():
        raise InvalidInput("documents.error.is_folder", path=str(path))
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise InvalidInput(
            "documents.error.unwritable", path=str(path), problem=exc.strerror
        ) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidInput(
            "documents.error.unwritable", path=str(path), problem=exc.strerror
        ) from None
    return path
