"""Counting the SQL statements a piece of code runs (the "no N+1" tests)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from governance.bootstrap import App


@contextmanager
def counting(app: App) -> Iterator[list[str]]:
    """The statements sent to *app*'s database while the block runs."""
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        statements.append(statement)

    event.listen(app.db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(app.db.engine, "before_cursor_execute", count)
