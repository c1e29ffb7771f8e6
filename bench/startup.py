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
    subprocess.run(argv, cwd=cwd, env=env, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fastest(argv: list[str], cwd: Path, env: dict[str, str], runs: int) -> float:
    return min(cpu_seconds(argv, cwd, env) for _ in range(runs))


def run(runs: int = 5) -> list[Result]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREMIUM_")}
    gremium = [sys.executable, "-m", "governance"]
    with tempfile.TemporaryDirectory() as folder:
        cwd = Path(folder)
        subprocess.run(
            [*gremium, "init", "--example", "treptow-koepenick"],
            cwd=cwd,
            env=env,
            check=True,
            capture_output=True,
        )
        baseline = fastest([ALEMBIC, "--help"], cwd, env, runs)
        results = []
        for what, args, target in (
            ("`gremium --help`", ["--help"], "≤ 1"),
            ("`gremium org list` (read-only)", ["org", "list"], "≤ 1"),
            ("`gremium meeting list` (read-only)", ["meeting", "list"], "≤ 1"),
            ("`gremium committee show` (read-only)", ["committee", "show"], "≤ 1"),
        ):
            ours = fastest([*gremium, *args], cwd, env, runs)
            results.append(
                Result(
                    "startup",
                    f"{what}, CPU time (fastest of {runs})",
                    ours * 1000,
                    "ms",
                    baseline=baseline * 1000,
                    baseline_what="`alembic --help`, CPU time",
                    target=target,
                    met=ours <= baseline,
                )
            )
    return results
