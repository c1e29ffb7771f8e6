"""The Core read paths (governance/reads/tables.py) name columns the models define,
with the same kind of type: a column renamed or retyped in a model fails here,
not in a listing in front of a user."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, Integer, LargeBinary, String, TableClause

from governance.column_types import UTCDateTime
from governance.models import Base
from governance.reads import tables

KINDS = (UTCDateTime, JSON, Boolean, Date, Integer, String, LargeBinary)


def _kind(column_type: object) -> type:
    return next(k for k in KINDS if isinstance(column_type, k))


def _read_tables() -> list[TableClause]:
    return [v for v in vars(tables).values() if isinstance(v, TableClause)]


def test_every_column_a_read_path_selects_exists_in_the_models_with_the_same_kind_of_type():
    checked = 0
    for clause in _read_tables():
        model = Base.metadata.tables[clause.name]
        for column in clause.columns:
            assert column.name in model.c, f"{clause.name}.{column.name}"
            assert _kind(column.type) is _kind(model.c[column.name].type), (
                f"{clause.name}.{column.name}: {column.type!r} vs {model.c[column.name].type!r}"
            )
            checked += 1
    assert checked > 100


def test_moments_read_through_core_are_aware_utc_as_the_models_give_them():
    stored = dt.datetime(2026, 3, 11, 9, 0)  # as SQLite keeps it: naive, UTC
    read = UTCDateTime().process_result_value(stored, _sqlite())
    assert read == dt.datetime(2026, 3, 11, 9, 0, tzinfo=dt.UTC)


def _sqlite() -> object:
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()
