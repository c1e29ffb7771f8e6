"""PostgreSQL: a snapshot with ``pg_dump`` (custom format), restored with ``pg_restore``.

One transaction (REPEATABLE READ) exports its snapshot; ``pg_dump
--snapshot`` dumps exactly that state, and the same transaction reads what the
manifest records about it: the runners go on writing, and the dump and the
manifest agree. Only the schema Gremium uses (the first of the URL's
search_path, usually ``public``) is dumped, and restored into a schema of the
same name.

The client programs come from PostgreSQL (Debian: ``postgresql-client``); a
``pg_dump`` older than the server cannot dump it, a ``pg_restore`` older than
the ``pg_dump`` that wrote the file cannot read it: both are said, not tried.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url

from governance.backup import contents
from governance.errors import ConfigurationError, GremiumError

_VERSION = re.compile(r"\b(\d+)(?:\.(\d+))?")


def tool(name: str) -> tuple[str, str]:
    """The path and version of the PostgreSQL client program *name*; refused when missing."""
    path = shutil.which(name)
    if path is None:
        raise ConfigurationError("backup.pg_tool_missing", tool=name)
    said = subprocess.run(
        [path, "--version"], capture_output=True, text=True, timeout=30, check=False
    ).stdout
    # "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)": the number after the name
    match = re.search(r"\(PostgreSQL\)\s+(\d+(?:\.\d+)?)", said)
    return path, match.group(1) if match else "?"


def major(version: str) -> int:
    match = _VERSION.search(version)
    return int(match.group(1)) if match else 0


def server_version(conn: Connection) -> str:
    return str(conn.execute(text("SHOW server_version")).scalar_one()).split()[0]


def schema_of(conn: Connection) -> str | None:
    """The schema Gremium's tables are in for this URL: the first of the search_path
    (``$user`` where such a schema exists), whether it exists yet or not."""
    current = conn.execute(text("SELECT current_schema()")).scalar_one_or_none()
    if current:
        return str(current)
    path = str(conn.execute(text("SHOW search_path")).scalar_one())
    for entry in (part.strip().strip('"') for part in path.split(",")):
        if entry and entry != "$user":
            return entry
    return None


def environment(url: str) -> tuple[str, dict[str, str]]:
    """libpq's connection string for *url*, and the environment with its password
    (in PGPASSWORD: a password on the command line is visible to every user)."""
    from psycopg.conninfo import make_conninfo

    parsed = make_url(url)
    params: dict[str, Any] = {
        "host": parsed.host,
        "port": parsed.port,
        "dbname": parsed.database,
        "user": parsed.username,
    }
    for key, value in parsed.query.items():
        params[key] = " ".join(value) if isinstance(value, tuple) else value
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    return make_conninfo(**{k: v for k, v in params.items() if v is not None}), env


def snapshot(engine: Engine, url: str, target: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Dump the installation's schema into *target*: what the dump holds, and how it was made."""
    pg_dump, dump_version = tool("pg_dump")
    conninfo, env = environment(url)
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            server = server_version(conn)
            if major(dump_version) < major(server):
                raise ConfigurationError(
                    "backup.pg_dump_too_old", tool=pg_dump, version=dump_version, server=server
                )
            schema = schema_of(conn)
            snapshot_id = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            done = subprocess.run(
                [
                    pg_dump,
                    "--format=custom",
                    f"--snapshot={snapshot_id}",
                    # quoted: the exact name, not a pattern folded to lower case
                    '--schema="{}"'.format(str(schema).replace('"', '""')),
                    f"--file={target}",
                    f"--dbname={conninfo}",
                ],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            if done.returncode != 0:
                raise GremiumError("backup.pg_tool_failed", tool="pg_dump", said=_said(done))
            held = contents.read(conn)
    return held, {"schema": schema, "server": server, "pg_dump": dump_version}


def refuse_non_empty(engine: Engine, manifest_database: dict[str, Any], display: str) -> str:
    """Refuse a target whose schema holds tables or is not the backup's; the schema."""
    with engine.connect() as conn:
        schema = schema_of(conn)
        if schema != manifest_database.get("schema"):
            raise GremiumError(
                "backup.pg_schema_differs",
                url=display,
                schema=schema or "—",
                backup=manifest_database.get("schema"),
            )
        tables = conn.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = :s"), {"s": schema}
        ).scalar_one()
        exists = conn.execute(
            text("SELECT count(*) FROM pg_namespace WHERE nspname = :s"), {"s": schema}
        ).scalar_one()
    if tables:
        raise GremiumError("backup.target_not_empty", url=display, tables=tables)
    return "exists" if exists else "new"


def restore_tool(manifest_database: dict[str, Any]) -> str:
    """pg_restore, refused when it is older than the pg_dump that wrote the file."""
    pg_restore, version = tool("pg_restore")
    written_by = str(manifest_database.get("pg_dump", "0"))
    if major(version) < major(written_by):
        raise ConfigurationError(
            "backup.pg_restore_too_old", tool=pg_restore, version=version, dump=written_by
        )
    return pg_restore


def restore(pg_restore: str, dump: Path, url: str, schema_exists: bool, folder: Path) -> None:
    """Load *dump* into the database of *url*, in one transaction (all or nothing)."""
    conninfo, env = environment(url)
    options = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
    if schema_exists:
        # The schema is there already (empty; `public` always is): restore what is in
        # it, not the schema itself, whose CREATE would fail.
        listing = subprocess.run(
            [pg_restore, "--list", str(dump)], capture_output=True, text=True, check=False
        )
        if listing.returncode != 0:
            raise GremiumError("backup.pg_tool_failed", tool="pg_restore", said=_said(listing))
        entries = [
            line
            for line in listing.stdout.splitlines()
            if not re.match(r"^\d+;\s*\d+\s+\d+\s+(?:COMMENT\s+-\s+)?SCHEMA\s", line)
        ]
        chosen = folder / "restore.list"
        chosen.write_text("\n".join(entries) + "\n", encoding="utf-8")
        options.append(f"--use-list={chosen}")
    done = subprocess.run(
        [pg_restore, *options, f"--dbname={conninfo}", str(dump)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise GremiumError("backup.pg_tool_failed", tool="pg_restore", said=_said(done))


def _said(done: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in (done.stderr or done.stdout or "").splitlines() if line.strip()]
    return lines[0] if lines else f"exit {done.returncode}"
