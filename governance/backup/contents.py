"""What a database holds, as the manifest records it and a restore checks it.

Read in one transaction (the snapshot's own on PostgreSQL, the snapshot file
on SQLite): rows per table with a digest of their content, every stored
document's size and the SHA-256 of its bytes, the audit chain's head and the
keys that sealed it. The restored database must give the same answers.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, inspect, text

_BATCH = 500
_FILES_BATCH = 4
"""Rows of stored_documents fetched at once: each may hold a file of up to
attachment_max_mb (20 MB by default)."""


def _batch(table: str) -> int:
    return _FILES_BATCH if table == "stored_documents" else _BATCH


def read(conn: Connection) -> dict[str, Any]:
    """The tables, documents and audit chain of the database behind *conn*."""
    return {
        "tables": _tables(conn),
        "documents": _documents(conn),
        "audit": _audit(conn),
    }


def differences(expected: dict[str, Any], found: dict[str, Any]) -> list[str]:
    """Where *found* (a restored database) differs from *expected* (the manifest)."""
    problems = []
    want, have = expected.get("tables", {}), found["tables"]
    for name in sorted(set(want) | set(have)):
        if want.get(name) != have.get(name):
            problems.append(f"table {name}: {want.get(name)} != {have.get(name)}")
    docs_want = {d["id"]: d for d in expected.get("documents", [])}
    docs_have = {d["id"]: d for d in found["documents"]}
    for doc_id in sorted(set(docs_want) | set(docs_have)):
        if docs_want.get(doc_id) != docs_have.get(doc_id):
            problems.append(f"document {doc_id}")
    if expected.get("audit") != found["audit"]:
        problems.append("audit chain head")
    return problems


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def _tables(conn: Connection) -> dict[str, dict[str, Any]]:
    inspector = inspect(conn)
    found: dict[str, dict[str, Any]] = {}
    for name in sorted(inspector.get_table_names()):
        # In the order of the primary key (every column where there is none), so the
        # same rows give the same digest whichever physical order they have.
        order = inspector.get_pk_constraint(name).get("constrained_columns") or [
            column["name"] for column in inspector.get_columns(name)
        ]
        ordering = ", ".join(_quote(conn, column) for column in order)
        result = conn.execution_options(yield_per=_batch(name)).execute(
            text(f"SELECT * FROM {_quote(conn, name)} ORDER BY {ordering}")
        )
        digest = hashlib.sha256()
        rows = 0
        for row in result:
            rows += 1
            # A file's bytes enter by their own hash: repr() of megabytes would cost more.
            values = tuple(
                hashlib.sha256(value).hexdigest()
                if isinstance(value, bytes | memoryview)
                else value
                for value in row
            )
            digest.update(repr(values).encode("utf-8"))
            digest.update(b"\n")
        found[name] = {"rows": rows, "sha256": digest.hexdigest()}
    return found


def _documents(conn: Connection) -> list[dict[str, Any]]:
    if not inspect(conn).has_table("stored_documents"):
        return []
    result = conn.execution_options(yield_per=_batch("stored_documents")).execute(
        text(
            "SELECT id, kind, entity_type, entity_id, name, size, sha256, data"
            " FROM stored_documents ORDER BY id"
        )
    )
    documents = []
    for row in result:
        data = bytes(row.data) if row.data is not None else None
        documents.append(
            {
                "id": row.id,
                "kind": row.kind,
                "entity": f"{row.entity_type}:{row.entity_id}",
                "name": row.name,
                "size": len(data) if data is not None else None,
                "sha256": hashlib.sha256(data).hexdigest() if data is not None else None,
                # False: the bytes were already not what was archived when the backup was made
                "intact": data is not None and hashlib.sha256(data).hexdigest() == row.sha256,
            }
        )
    return documents


def _audit(conn: Connection) -> dict[str, Any]:
    if not inspect(conn).has_table("audit_records"):
        return {"records": 0, "head_seq": None, "head_hash": None, "key_ids": []}
    records = conn.execute(text("SELECT count(*) FROM audit_records")).scalar_one()
    head = conn.execute(text("SELECT seq, hash, key_id FROM audit_head WHERE id = 1")).one_or_none()
    # The keys of the records (to verify them) and the head's (to write the next one).
    keys = set(
        conn.execute(
            text("SELECT DISTINCT key_id FROM audit_records WHERE key_id IS NOT NULL")
        ).scalars()
    )
    if head is not None and head.key_id:
        keys.add(head.key_id)
    return {
        "records": records,
        "head_seq": head.seq if head is not None else None,
        "head_hash": head.hash if head is not None else None,
        "key_ids": sorted(keys),
    }
