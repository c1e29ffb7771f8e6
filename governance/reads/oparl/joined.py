"""A list's one statement, read back: its row carries several objects' columns side by side.

A page of a list is one statement (paging.keyset joined to what the page shows);
each of its rows holds the page's key and the columns of the objects joined to it.
:class:`Layout` labels those columns apart (two objects may both have an ``id``)
and splits a row back into one named tuple per object, with the columns' own
names, so the JSON builders read them as they read the rows of their own queries.
"""

from __future__ import annotations

import collections
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement


class Layout:
    """Groups of columns (*groups*: name -> columns) at the end of one select list (after
    the page's own columns), in this order."""

    def __init__(self, groups: dict[str, Sequence[ColumnElement[Any]]]) -> None:
        self.columns: list[ColumnElement[Any]] = []
        self._spans: dict[str, tuple[int, int, Any]] = {}
        for name, columns in groups.items():
            start = len(self.columns)
            self.columns += [c.label(f"{name}_{n}") for n, c in enumerate(columns)]
            shape = collections.namedtuple(name, [c.key for c in columns])  # type: ignore[misc]
            self._spans[name] = (start, len(self.columns), shape)

    def part(self, row: Any, name: str) -> Any:
        """The object *name* of *row*, or None where the outer join found none (its first
        column, an id, is NULL)."""
        start, end, shape = self._spans[name]
        lead = len(row) - len(self.columns)
        if row[lead + start] is None:
            return None
        return shape._make(row[lead + start : lead + end])
