"""SQLite: a snapshot through SQLite's online backup interface, and its restore.

``Connection.backup`` copies the whole database in one step inside one read
transaction: in WAL mode the runners go on writing meanwhile, and the copy is
the database as it was when the step began (a file copy would tear pages and
miss what is still in the write-ahead log).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine

from governance.backup import contents
from governance.errors import GremiumError

BUSY_TIMEOUT_S = 30.0


def snapshot(source: Path, target: Path) -> dict[str, Any]:
    """Copy the database *source* into the new file *target*; what the copy holds."""
    src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)  # pages=-1: everything in one step, one consistent read
            # One self-contained file: no write-ahead log beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    return read_contents(target)


def read_contents(path: Path) -> dict[str, Any]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return contents.read(conn)
    finally:
        engine.dispose()


def refuse_non_empty(target: Path) -> None:
    """Refuse a target file that holds tables (or is no SQLite database at all)."""
    if not target.exists():
        if not target.parent.is_dir():
            raise GremiumError("backup.target_folder_missing", path=str(target.parent))
        return
    try:
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise GremiumError("backup.target_not_database", path=str(target)) from None
    if tables:
        raise GremiumError("backup.target_not_empty", url=str(target), tables=tables)


def restore(snapshot_file: Path, target: Path) -> None:
    """Copy the snapshot into *target* (new, or a database without tables)."""
    created = not target.exists()
    try:
        src = sqlite3.connect(snapshot_file)
        try:
            dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=WAL")  # as Gremium runs it
            finally:
                dst.close()
        finally:
            src.close()
    except BaseException:
        if created:
            target.unlink(missing_ok=True)
        raise
