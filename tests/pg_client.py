"""The PostgreSQL client programs the backup tests need (``pg_dump``, ``pg_restore``).

``make test`` installs Debian's postgresql-client where they are missing; without
them the PostgreSQL backup tests skip, saying why (and fail in CI, where
GREMIUM_REQUIRE_POSTGRES is set).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import require_postgres


def _major(said: str) -> int:
    """15 of "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"."""
    found = re.search(r"\(PostgreSQL\)\s+(\d+)", said)
    return int(found.group(1)) if found else 0


def require_pg_client() -> None:
    """Skip (fail in CI) unless pg_dump and pg_restore are here and not older than the server."""
    url = require_postgres()
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            server = int(str(conn.execute(text("SHOW server_version_num")).scalar_one())) // 10000
    finally:
        engine.dispose()
    problem = None
    for tool in ("pg_dump", "pg_restore"):
        path = shutil.which(tool)
        if path is None:
            problem = f"{tool} is not installed (Debian: apt-get install postgresql-client)"
            break
        said = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
        if _major(said) < server:
            problem = f"{tool} ({said.strip()}) is older than the server ({server})"
            break
    if problem:
        if os.environ.get("GREMIUM_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"CI requires the PostgreSQL client programs: {problem}")
        pytest.skip(f"skipped: {problem}")
