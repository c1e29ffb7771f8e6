"""Scale: a PostgreSQL database with many committees, pending timers and audit records
(default 10,000 / 100,000 / 1,000,000, bulk-loaded with COPY), and on it:

- the time from starting ``gremium run`` to its first timer fired, and its
  peak resident memory (VmHWM);
- due timers fired per second by 1 and by 4 runners (from the first to the
  last ``fired_at``, so process start-up is not counted); mail goes to a
  Maildir, so the figure is the runners' and not an SMTP server's;
- ``gremium audit verify`` throughput over the whole chain.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

from sqlalchemy import func, select, text

from bench.common import Result, pg_problem, pg_schema
from governance import audit
from governance.audit_hash import KEYS
from governance.clock import SystemClock
from governance.models import AuditHead, AuditRecord, Timer
from tests.conftest import make_app
from tests.scale_support import REPO, seed_due_action_items


@dataclasses.dataclass(frozen=True)
class Sizes:
    committees: int = 10_000
    timers: int = 100_000
    audit: int = 1_000_000
    due: int = 2_000
    """Due timers fired by 1 and again by 4 runners."""

    def quick(self) -> Sizes:
        return Sizes(*(max(1, n // 10) for n in dataclasses.astuple(self)))


def _copy(url_conn, table: str, columns: list[str], rows) -> None:  # type: ignore[no-untyped-def]
    cursor = url_conn.cursor()
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def load(url: str, sizes: Sizes, committee_id: int | None = None) -> tuple[float, int]:
    """Schema, the example committee (unless *committee_id* names one already there, as
    bench/web.py's demo year), and the bulk rows; return (seconds, first bulk committee id)."""
    started = time.perf_counter()
    app = make_app(url, SystemClock())  # type: ignore[arg-type]
    seed_due_action_items(
        app, 1, due_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=365), committee_id=committee_id
    )
    now = dt.datetime.now(dt.UTC)
    with app.db.engine.begin() as conn:
        raw = conn.connection.driver_connection
        _copy(
            raw,
            "committees",
            ["name", "short_name", "sender_email", "rules_data", "created_at", "version"],
            ((f"Gremium {n}", f"G{n}", "", "{}", now, 1) for n in range(sizes.committees)),
        )
        first = conn.execute(text("SELECT min(id) FROM committees WHERE short_name LIKE 'G%'"))
        base = int(first.scalar_one())
        item = conn.execute(text("SELECT min(id) FROM action_items")).scalar_one()
        later = now + dt.timedelta(days=365)
        _copy(
            raw,
            "timers",
            [
                "committee_id",
                "workflow",
                "entity_type",
                "entity_id",
                "name",
                "trigger",
                "state",
                "due_at",
                "status",
                "created_at",
                "attempts",
            ],
            (
                (
                    base + n % sizes.committees,
                    "action_item",
                    "action_items",
                    item,
                    "action_item_due",
                    "remind_due",
                    "open",
                    later + dt.timedelta(seconds=n),
                    "pending",
                    now,
                    0,
                )
                for n in range(sizes.timers)
            ),
        )
        head = conn.execute(select(AuditHead.seq, AuditHead.hash, AuditHead.key_id)).one()
        seq, prev, kid = int(head.seq), str(head.hash), head.key_id
        # A chain keyed already (bench/web.py's demo year) goes on keyed: an unkeyed
        # record after a keyed one is a finding of `audit verify`.
        key = _chain_key(app, kid)
        rows = []
        for n in range(sizes.audit):
            seq += 1
            record = types.SimpleNamespace(
                seq=seq,
                at=now,
                actor="system",
                actor_id=None,
                committee_id=base + n % sizes.committees,
                entity_type="committees",
                entity_id=base + n % sizes.committees,
                action="rules.update",
                from_state=None,
                to_state=None,
                outcome="done",
                details={"n": n},
                key_id=kid,
            )
            digest = audit.record_hash(prev, record, key)
            rows.append(
                (
                    seq,
                    now,
                    None,
                    "system",
                    record.committee_id,
                    "committees",
                    record.entity_id,
                    "rules.update",
                    None,
                    None,
                    "done",
                    json.dumps(record.details),
                    prev,
                    digest,
                    kid,
                )
            )
            prev = digest
        _copy(
            raw,
            "audit_records",
            [
                "seq",
                "at",
                "actor_id",
                "actor",
                "committee_id",
                "entity_type",
                "entity_id",
                "action",
                "from_state",
                "to_state",
                "outcome",
                "details",
                "prev_hash",
                "hash",
                "key_id",
            ],
            rows,
        )
        conn.execute(text("UPDATE audit_head SET seq = :s, hash = :h"), {"s": seq, "h": prev})
    with app.db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    app.db.dispose()
    return time.perf_counter() - started, base


def _chain_key(app, kid: str | None) -> bytes | None:  # type: ignore[no-untyped-def]
    """The key the chain's head is sealed with (None: an unkeyed chain)."""
    if kid is None:
        return None
    with app.db.session() as session:
        source = session.info.get(KEYS)
        ring = source.keyring() if source is not None else None
        key = ring.get(kid) if ring is not None else None
    if key is None:
        raise RuntimeError(f"the audit chain is keyed ({kid}) but its key file is not found")
    return bytes(key)


def _env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREMIUM_")}
    env.update(
        GREMIUM_CLOCK="system",
        GREMIUM_MAIL_DELIVERY="maildir",
        GREMIUM_MAIL_MAILDIR=str(folder / "mail"),
        PYTHONPATH=str(REPO),
    )
    return env


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _fired_span(app, ids: list[int]) -> tuple[int, dt.datetime, dt.datetime]:  # type: ignore[no-untyped-def]
    with app.db.session() as session:
        n, first, last = session.execute(
            select(func.count(), func.min(Timer.fired_at), func.max(Timer.fired_at)).where(
                Timer.id.in_(ids), Timer.status == "fired"
            )
        ).one()
    return int(n), first, last


def runners(url: str, count: int, due: int, folder: Path) -> dict[str, float]:
    """Seed *due* due timers, start *count* runners, wait until all fired; figures."""
    app = make_app(url, SystemClock())  # type: ignore[arg-type]
    with app.db.session() as session:
        committee = session.execute(text("SELECT min(id) FROM committees")).scalar_one()
    ids = seed_due_action_items(
        app, due, due_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5), committee_id=committee
    )
    started = dt.datetime.now(dt.UTC)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "governance", "--db", url, "run", "--poll", "1"],
            env=_env(folder),
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(count)
    ]
    peak = 0.0
    try:
        deadline = time.monotonic() + 1800
        while _fired_span(app, ids)[0] < due:
            assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
            assert time.monotonic() < deadline, "runners did not finish"
            peak = max(peak, *(_peak_rss_mb(p.pid) for p in procs))
            time.sleep(0.25)
        peak = max(peak, *(_peak_rss_mb(p.pid) for p in procs))
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            p.communicate(timeout=300)
    n, first, last = _fired_span(app, ids)
    app.db.dispose()
    return {
        "first": (first - started).total_seconds(),
        "rate": n / max((last - first).total_seconds(), 1e-6),
        "rss": peak,
    }


def verify(url: str, folder: Path) -> tuple[float, int, bool]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "governance", "--db", url, "audit", "verify"],
        env=_env(folder),
        cwd=folder,
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    app = make_app(url, SystemClock())  # type: ignore[arg-type]
    with app.db.session() as session:
        records = session.execute(select(func.count(AuditRecord.id))).scalar_one()
    app.db.dispose()
    return seconds, int(records), done.returncode == 0


def run(sizes: Sizes) -> list[Result]:
    problem = pg_problem()
    if problem:
        return [Result("scale", f"skipped: {problem}", 0, "-")]
    label = f"{sizes.committees:,} committees, {sizes.timers:,} pending timers, {sizes.audit:,} audit records"
    with pg_schema() as url, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        load_s, _ = load(url, sizes)
        one = runners(url, 1, sizes.due, folder)
        four = runners(url, 4, sizes.due, folder)
        verify_s, records, intact = verify(url, folder)
    return [
        Result("scale", f"bulk load ({label})", load_s, "s", note="COPY"),
        Result(
            "scale",
            "`gremium run` start to first timer fired",
            one["first"],
            "s",
            target="< 2 s",
            met=one["first"] < 2,
            note="includes the interpreter's start",
        ),
        Result(
            "scale",
            "`gremium run` peak resident memory (VmHWM)",
            one["rss"],
            "MB",
            target="< 200 MB",
            met=one["rss"] < 200,
        ),
        Result(
            "scale",
            f"due timers fired per second, 1 runner ({sizes.due:,} timers, each queues a mail)",
            one["rate"],
            "timers/s",
        ),
        Result(
            "scale",
            f"due timers fired per second, 4 runners ({sizes.due:,} timers)",
            four["rate"],
            "timers/s",
            one["rate"],
            "1 runner",
            "≥ 1,000/s",
            four["rate"] >= 1000,
            note=f"peak RSS {four['rss']:.0f} MB per runner",
        ),
        Result(
            "scale",
            f"`gremium audit verify` ({records:,} records, {'intact' if intact else 'BROKEN'})",
            records / verify_s,
            "records/s",
            note=f"{verify_s:.1f} s including start-up",
            met=intact if not intact else None,
        ),
    ]
