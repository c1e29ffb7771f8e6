"""What every benchmark shares: results, timing, a PostgreSQL schema of its own, the table."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import create_engine, text

from tests import own_folder

PG_URL = os.environ.get("GREMIUM_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@dataclasses.dataclass
class Result:
    area: str
    what: str
    figure: float
    unit: str
    baseline: float | None = None
    """The same work done the plain way, in the same unit (None: no baseline, a limit only)."""
    baseline_what: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.baseline:
            return None
        return self.figure / self.baseline

    def line(self) -> str:
        ratio = f"  ratio {self.ratio:.2f}" if self.ratio is not None else ""
        base = f" (baseline {_fmt(self.baseline)} {self.unit})" if self.baseline else ""
        verdict = {True: "met", False: "MISSED", None: "-"}[self.met]
        return (
            f"[{self.area}] {self.what}: {_fmt(self.figure)} {self.unit}{base}{ratio}"
            f"  target {self.target or '-'}: {verdict}"
        )


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The fastest of *runs* timings: the least disturbed by the other load on the machine."""
    return min(timed(fn) for _ in range(runs))


def pg_problem() -> str | None:
    try:
        engine = create_engine(PG_URL)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:
        return f"PostgreSQL at {PG_URL} not reachable ({type(exc).__name__})"


@contextlib.contextmanager
def pg_schema() -> Iterator[str]:
    """A URL to a fresh PostgreSQL schema, dropped afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    # The audit chain's key of an installation on PostgreSQL lives in a file; the tests'
    # app builder (tests.conftest.make_app) asks the harness where, so the bench names a
    # folder of its own for the schema's life, as pytest does for a test.
    keys = tempfile.TemporaryDirectory(prefix=f"{schema}-")
    own_folder.enter(lambda: Path(keys.name), Path.cwd())
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        own_folder.leave()
        keys.cleanup()
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def markdown(results: list[Result], header: str) -> str:
    lines = [
        header,
        "",
        "| area | figure | value | baseline | ratio | target | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        base = f"{_fmt(r.baseline)} {r.unit} ({r.baseline_what})" if r.baseline else "-"
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        verdict = {True: "yes", False: "**no**", None: "-"}[r.met]
        note = f" — {r.note}" if r.note else ""
        lines.append(
            f"| {r.area} | {r.what}{note} | {_fmt(r.figure)} {r.unit} | {base} | {ratio} "
            f"| {r.target or '-'} | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def append(path: Path, title: str, content: str) -> None:
    """Add a run as a new section at the end of *path*: bench/results.md is the record of
    every run (with the remarks written beside them), so a run never replaces an earlier one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    earlier = path.read_text(encoding="utf-8") if path.exists() else ""
    if earlier and not earlier.endswith("\n"):
        earlier += "\n"
    section = f"## {title}\n\n{content}"
    path.write_text(f"{earlier}\n{section}" if earlier else section, encoding="utf-8")
