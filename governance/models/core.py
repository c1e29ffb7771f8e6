"""The Core side of the mapped classes, for code that writes rows without the ORM."""

from __future__ import annotations

from sqlalchemy import Table

from governance.models.base import Base


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class (declarative types ``__table__`` as any FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
