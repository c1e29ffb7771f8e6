"""``python -m bench``: run the benchmarks, print each figure with its ratio, write the table.

python -m bench                    # all, full sizes (the scale load takes minutes)
python -m bench --quick            # 1/10 of the scale sizes, fewer repetitions
python -m bench --only fanout,documents
python -m bench --only web --reuse # keep web's prepared PostgreSQL schema for the next run
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
from pathlib import Path

from bench import common
from bench.scale import Sizes

AREAS = ("startup", "fanout", "transitions", "documents", "year", "scale", "web", "oparl")


def main(argv: list[str] | None = None) -> int:
    defaults = Sizes()
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1/10 of the scale sizes")
    parser.add_argument(
        "--only", default=",".join(AREAS), help=f"comma-separated: {', '.join(AREAS)}"
    )
    parser.add_argument("--committees", type=int, default=defaults.committees)
    parser.add_argument("--timers", type=int, default=defaults.timers, help="pending timers")
    parser.add_argument("--audit", type=int, default=defaults.audit, help="audit records")
    parser.add_argument("--due", type=int, default=defaults.due, help="due timers per runner test")
    parser.add_argument("--transitions", type=int, default=500, help="transactions per database")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="web: keep the prepared PostgreSQL schema between runs (see bench/web.py)",
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results.md")
    args = parser.parse_args(argv)
    only = [a.strip() for a in args.only.split(",") if a.strip()]
    unknown = set(only) - set(AREAS)
    if unknown:
        parser.error(f"unknown area(s): {', '.join(sorted(unknown))}")
    sizes = Sizes(args.committees, args.timers, args.audit, args.due)
    if args.quick:
        sizes = sizes.quick()
    runs = 2 if args.quick else 3

    results: list[common.Result] = []
    for area in only:
        print(f"== {area}", flush=True)
        if area == "startup":
            from bench import startup

            found = startup.run(runs + 2)
        elif area == "fanout":
            from bench import fanout

            found = fanout.run(runs)
        elif area == "transitions":
            from bench import transitions

            found = transitions.run(args.transitions // (5 if args.quick else 1))
        elif area == "documents":
            from bench import documents

            found = documents.run(runs + 2)
        elif area == "year":
            from bench import year

            found = year.run()
        elif area == "web":
            from bench import web

            found = web.run(sizes, quick=args.quick, reuse=args.reuse)
        elif area == "oparl":
            from bench import oparl

            found = oparl.run(quick=args.quick)
        else:
            from bench import scale

            found = scale.run(sizes)
        for result in found:
            print(result.line(), flush=True)
        results.extend(found)

    header = (
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'}"
        f" ({os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}); "
        f"`{' '.join(['python -m bench', *(argv if argv is not None else sys.argv[1:])])}`. "
        "Ratio = figure / baseline (rates: higher is better; times: lower is better)."
    )
    title = f"{', '.join(only)}, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
    common.append(args.out, title, common.markdown(results, header))
    print(f"table appended to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
