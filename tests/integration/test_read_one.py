"""Database.read_one: the single statement every page request asks (the session and the
data version), on PostgreSQL straight through the driver outside a transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import column, literal, select, table
from sqlalchemy.exc import DBAPIError

from governance.database import Database


def test_one_row_or_none_and_errors_as_sqlalchemys(db_url: str) -> None:
    db = Database(db_url)
    try:
        one = select(literal(7).label("n"), literal("x").label("s"))
        assert db.read_one(one, {}) == (7, "x")
        assert db.read_one(one.where(literal(1) == 2), {}) is None
        missing = select(column("id")).select_from(table("no_such_table"))
        with pytest.raises(DBAPIError):
            db.read_one(missing, {})
        # the connection the failed statement ran on is usable again (no transaction left)
        for _ in range(3):
            assert db.read_one(one, {}) == (7, "x")
    finally:
        db.dispose()
