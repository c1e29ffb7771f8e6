"""Start-up of the command line: CPU time of ``gremium --help`` and of read-only
commands, against ``alembic --help`` on the same machine (the issue's yardstick:
a Python CLI on SQLAlchemy that imports what it needs).

CPU time (user + system of the child process), not wall time: the machine is
shared, and what start-up costs is the work of importing. Each command runs
several times; the fastest run counts, for ours and the baseline alike.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import Result

ALEMBIC = str(Path(sys.executable).with_name("alembic"))


def cpu_seconds(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # 0: done; 1: a finding (``audit verify`` on a damaged trail) is an answer too.
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)}: exit {done.returncode}: {done.stderr!r}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fastest(argv: list[str], cwd: Path, env: dict[str, str], runs: int) -> float:
    return min(cpu_seconds(argv, cwd, env) for _ in range(runs))


# The read-only commands of issue 11 point 19, on the demo year's database
# (meetings, minutes, decisions, timers and mails to list).
READ_ONLY: tuple[tuple[str, ...], ...] = (
    ("org", "list"),
    ("person", "list"),
    ("committee", "list"),
    ("committee", "show"),
    ("meeting", "list"),
    ("meeting", "show", "1"),
    ("decisions", "list"),
    ("actions", "list"),
    ("agreement", "list"),
    ("agreement", "show", "1"),
    ("audit", "log"),
    ("timers", "list"),
    ("outbox", "list"),
    ("clock", "show"),
    ("minutes", "show", "1"),
    ("audit", "verify"),
)
# The same in --json where the command reads through Core (governance/reads):
# its output is built apart from the text table, so it is measured too.
JSON_TOO = {
    ("committee", "list"),
    ("committee", "show"),
    ("meeting", "list"),
    ("decisions", "list"),
    ("actions", "list"),
    ("agreement", "list"),
    ("audit", "log"),
    ("timers", "list"),
    ("outbox", "list"),
    ("clock", "show"),
}


def run(runs: int = 5) -> list[Result]:
    # As on a user's machine: pip writes the bytecode of what it installs (alembic's too)
    # and Python writes ours on first import. Where PYTHONDONTWRITEBYTECODE is set (this
    # workplace sets it), ours would be compiled from source on every run while alembic's
    # bytecode from the install is used: the demo run below writes it once instead.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GREMIUM_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    gremium = [sys.executable, "-m", "governance"]
    with tempfile.TemporaryDirectory() as folder:
        cwd = Path(folder)
        subprocess.run(
            [*gremium, "demo", "--no-documents", "--out", str(cwd / "demo")],
            cwd=cwd,
            env=env,
            check=True,
            capture_output=True,
        )
        db = ["--db", f"sqlite:///{cwd / 'demo' / 'gremium.db'}"]
        # The demo has two committees (KG, KV): KG is its default, as its gremium.toml says.
        env = {**env, "GREMIUM_COMMITTEE": "KG"}
        baseline = fastest([ALEMBIC, "--help"], cwd, env, runs)
        results = []
        commands = [("`gremium --help`", ["--help"])]
        for a in READ_ONLY:
            commands.append((f"`gremium {' '.join(a)}` (read-only)", [*db, *a]))
            if a in JSON_TOO:
                commands.append(
                    (f"`gremium {' '.join(a)} --json` (read-only)", [*db, *a, "--json"])
                )
        for what, args in commands:
            ours = fastest([*gremium, *args], cwd, env, runs)
            results.append(
                Result(
                    "startup",
                    f"{what}, CPU time (fastest of {runs})",
                    ours * 1000,
                    "ms",
                    baseline=baseline * 1000,
                    baseline_what="`alembic --help`, CPU time",
                    target="≤ 1",
                    met=ours <= baseline,
                )
            )
    return results
