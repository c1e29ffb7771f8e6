"""PostgreSQL schemas for the tests, migrated ones reused within a test process.

Migrating an empty schema to head costs the server about half a second of CPU (some
sixty DDL statements and their commits), and hundreds of tests run on PostgreSQL. So a
schema that a test leaves at head, unchanged in its structure, is emptied (every table
emptied, the sequences and the rows the migrations wrote put back as they were after
migrating) and kept; the next test's ``make_app`` takes it instead of migrating anew
(:func:`take_migrated`). A test that changed the structure, or whose schema cannot be
emptied at once (a connection still holds a lock), gets its schema dropped as before.

The ``pg_url`` fixture's contract does not change: an empty schema of the test's own,
named in the URL's search_path.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url

_STRUCTURE = """
SELECT md5(coalesce(string_agg(replace(x, :s, '#'), ',' ORDER BY x), '')) FROM (
  SELECT 'c:' || table_name || '.' || column_name || ':' || data_type || ':'
         || coalesce(column_default, '') || ':' || is_nullable AS x
    FROM information_schema.columns WHERE table_schema = :s
  UNION ALL SELECT 'i:' || indexname || ':' || indexdef FROM pg_indexes WHERE schemaname = :s
  UNION ALL SELECT 'k:' || conrelid::regclass::text || ':' || conname || ':'
         || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = CAST(:s AS regnamespace)
  UNION ALL SELECT 'o:' || relname || ':' || relkind::text FROM pg_class
    WHERE relnamespace = CAST(:s AS regnamespace)
  UNION ALL SELECT 't:' || typname || ':' || typtype::text FROM pg_type
    WHERE typnamespace = CAST(:s AS regnamespace)
  UNION ALL SELECT 'f:' || proname FROM pg_proc WHERE pronamespace = CAST(:s AS regnamespace)
  UNION ALL SELECT 'g:' || tgname || ':' || tgrelid::regclass::text FROM pg_trigger
    WHERE NOT tgisinternal AND tgrelid IN
      (SELECT oid FROM pg_class WHERE relnamespace = CAST(:s AS regnamespace))
) AS parts
"""


@dataclasses.dataclass
class _Head:
    """A schema just migrated to head: its structure and what the migrations wrote."""

    structure: str
    rows: dict[str, list[dict[str, Any]]]
    sequences: dict[str, int | None]
    deletion_order: list[str] | None
    """The tables, each before those it refers to (None: they refer to each other in a
    circle, so they are truncated together, which costs the server more)."""


_engine: Engine | None = None
_head: _Head | None = None
_spare: list[str] = []
KEEP = 3
"""Schemas kept at most (a test that migrates by itself gives one back without taking one)."""


def admin_engine(base_url: str) -> Engine:
    """One engine per process for creating, emptying and dropping the test schemas."""
    global _engine
    if _engine is None:
        _engine = create_engine(base_url)
    return _engine


def schema_of(url: str) -> str | None:
    """The schema a test URL names (``options=-csearch_path=NAME``), None if none."""
    options = make_url(url).query.get("options")
    if isinstance(options, tuple):
        options = " ".join(options)
    for option in unquote(options or "").split():
        if option.startswith("-csearch_path="):
            return option.removeprefix("-csearch_path=")
    return None


def _tables(conn: Connection, schema: str) -> list[str]:
    return list(
        conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename"),
            {"s": schema},
        ).scalars()
    )


def _structure(conn: Connection, schema: str) -> str:
    return str(conn.execute(text(_STRUCTURE), {"s": schema}).scalar_one())


def _sequences(conn: Connection, schema: str) -> dict[str, int | None]:
    found = conn.execute(
        text("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = :s"),
        {"s": schema},
    )
    return {name: last for name, last in found}


def remember_head(engine: Engine, schema: str) -> None:
    """Note *schema* (just migrated to head, nothing else done) as what a reused one must be."""
    global _head
    if _head is not None:
        return
    with engine.connect() as conn:
        rows = {
            table: [
                dict(r)
                for r in conn.execute(text(f'SELECT * FROM "{schema}"."{table}"')).mappings()
            ]
            for table in _tables(conn, schema)
        }
        references = conn.execute(
            text(
                "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text"
                " FROM pg_constraint c WHERE c.contype = 'f'"
                " AND c.connamespace = CAST(:s AS regnamespace)"
            ),
            {"s": schema},
        ).all()
        _head = _Head(
            _structure(conn, schema),
            rows,
            _sequences(conn, schema),
            _deletion_order(list(rows), [(_bare(a), _bare(b)) for a, b in references]),
        )


def _bare(name: str) -> str:
    return name.rsplit(".", 1)[-1].strip('"')


def _deletion_order(tables: list[str], references: list[tuple[str, str]]) -> list[str] | None:
    """*tables* with every referring table before the table it refers to (None: a circle)."""
    import graphlib

    graph: dict[str, set[str]] = {t: set() for t in tables}
    for child, parent in references:
        if child != parent:  # a table referring to itself is emptied by one DELETE
            graph[parent].add(child)  # the parent waits for its children
    try:
        return list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError:
        return None


def is_empty(engine: Engine, schema: str) -> bool:
    """Whether *schema* exists and holds nothing (as ``pg_url`` makes it)."""
    with engine.connect() as conn:
        objects = conn.execute(
            text(
                "SELECT count(*) FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid"
                " WHERE n.nspname = :s"
            ),
            {"s": schema},
        ).scalar_one()
        exists = conn.execute(
            text("SELECT count(*) FROM pg_namespace WHERE nspname = :s"), {"s": schema}
        ).scalar_one()
    return bool(exists) and not objects


def take_migrated(engine: Engine, schema: str) -> bool:
    """Replace the empty *schema* by a kept migrated one; False when none is kept."""
    if not _spare or _head is None:
        return False
    with engine.begin() as conn:
        spare = _spare.pop()
        conn.execute(text(f'DROP SCHEMA "{schema}"'))
        conn.execute(text(f'ALTER SCHEMA "{spare}" RENAME TO "{schema}"'))
    return True


def _empty(conn: Connection, schema: str, head: _Head) -> None:
    # DELETE, not TRUNCATE: these tables hold a few rows, and TRUNCATE makes new files for
    # every table and index, which costs the server more than the migrations did.
    if head.deletion_order is not None:
        for table in head.deletion_order:
            conn.execute(text(f'DELETE FROM "{schema}"."{table}"'))
    else:
        listed = ", ".join(f'"{schema}"."{t}"' for t in _tables(conn, schema))
        conn.execute(text(f"TRUNCATE {listed} CASCADE"))
    for table, rows in head.rows.items():
        for row in rows:
            columns = ", ".join(f'"{c}"' for c in row)
            values = ", ".join(f":{i}" for i in range(len(row)))
            conn.execute(
                text(f'INSERT INTO "{schema}"."{table}" ({columns}) VALUES ({values})'),
                {str(i): v for i, v in enumerate(row.values())},
            )
    for sequence, last in head.sequences.items():
        if last is None:
            conn.execute(text(f'ALTER SEQUENCE "{schema}"."{sequence}" RESTART'))
        else:
            conn.execute(
                text("SELECT setval(:q, :v, true)"), {"q": f'"{schema}"."{sequence}"', "v": last}
            )


def give_back(engine: Engine, schema: str) -> None:
    """After the test: keep *schema* emptied for the next one, or drop it."""
    head = _head
    if head is not None and len(_spare) < KEEP:
        try:
            with engine.begin() as conn:
                # a connection the test left open must not make the suite wait
                conn.execute(text("SET LOCAL lock_timeout = '5s'"))
                if _structure(conn, schema) == head.structure:
                    _empty(conn, schema, head)
                    spare = f"spare_{uuid.uuid4().hex[:12]}"
                    conn.execute(text(f'ALTER SCHEMA "{schema}" RENAME TO "{spare}"'))
                    _spare.append(spare)
                    return
        except Exception:  # not reusable as it is: dropped below, as any other
            pass
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def drop_spares() -> None:
    """At the end of the test process: the kept schemas go."""
    if _engine is None:
        return
    while _spare:  # one transaction each: a schema's tables take many locks
        with _engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{_spare.pop()}" CASCADE'))
    _engine.dispose()
