"""Benchmark bpstrat against its peers, in one run on one machine.

    pip install -e ".[bench]"
    python benchmarks/run.py [--runs 5] [--sizes 250,500,1000,2000] [--markdown]

Times, as the median of several runs of each whole command (a fresh process each time):
- `bpstrat lint` on a generated root of N=1000 consumers (about 1,600 files), cold (no
  parse cache) and warm;
- `check-jsonschema` with bpstrat's own JSON schema on the 1,000 consumer files alone;
- `yamllint -d relaxed` on the same root;
- `bpstrat score` and `bpstrat brief` on the same root;
- `bpstrat --version` and `--help` against `python -c "import typer"`;
- peak memory (max RSS) of lint at N=2000, and lint time per consumer at every N.

Ratios are what to read: absolute times depend on the machine and on what else runs.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from tables import print_table

TODAY = "2026-11-20"


def tool(name: str) -> str | None:
    """A command next to this Python first (the same virtualenv), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def measure(command: list[str], runs: int, cache: bool = False) -> tuple[float, int]:
    """Median wall time (s) and peak memory (KiB) of `command`, run `runs` times."""
    times = []
    peak = 0
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("CI", None)
    if not cache:
        env["BPSTRAT_NO_CACHE"] = "1"
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(command)} exited {code}")
    return statistics.median(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="250,500,1000,2000")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    bpstrat = tool("bpstrat")
    if bpstrat is None:
        raise SystemExit("bpstrat is not installed: pip install -e '.[bench]'")
    checker, yamllint = tool("check-jsonschema"), tool("yamllint")

    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="bpstrat-bench-") as tmp:
        base = Path(tmp)
        roots = {n: generate(base / f"n{n}", n) for n in sorted(set(sizes) | {1000})}
        main_root = roots[1000]
        files = sum(1 for _ in main_root.rglob("*.yaml"))
        schema = base / "entity.schema.json"
        subprocess.run([bpstrat, "schema", "-o", str(schema)], check=True)

        lint_command = [bpstrat, "lint", str(main_root), "--today", TODAY]
        lint_time, _ = measure(lint_command, args.runs)
        rows.append((f"bpstrat lint, N=1000 ({files} files), cold", lint_time, "1.00"))
        measure(lint_command, 1, cache=True)  # fill the parse cache
        warm, _ = measure(lint_command, args.runs, cache=True)
        rows.append(("bpstrat lint, same root, warm parse cache", warm, f"{warm / lint_time:.2f}"))
        if checker:
            consumers = sorted(str(p) for p in (main_root / "consumers").glob("*.yaml"))
            t, _ = measure([checker, "--schemafile", str(schema), *consumers], args.runs)
            rows.append(("check-jsonschema, 1000 consumer files", t, f"{lint_time / t:.2f}"))
        if yamllint:
            t, _ = measure([yamllint, "-d", "relaxed", str(main_root)], args.runs)
            rows.append(("yamllint -d relaxed, same root", t, f"{lint_time / t:.2f}"))
        for verb in ("score", "brief"):
            t, _ = measure([bpstrat, verb, str(main_root)], args.runs)
            rows.append((f"bpstrat {verb}, N=1000", t, f"{t / lint_time:.2f}x lint"))

        startup = []
        typer_time, _ = measure([sys.executable, "-c", "import typer"], args.runs * 2)
        startup.append(("python -c 'import typer'", typer_time, "1.00"))
        for flag in ("--version", "--help"):
            t, _ = measure([bpstrat, flag], args.runs * 2)
            startup.append((f"bpstrat {flag}", t, f"{t / typer_time:.2f}"))

        scaling = []
        for n in sizes:
            t, peak = measure([bpstrat, "lint", str(roots[n]), "--today", TODAY], args.runs)
            scaling.append((n, t, t / n * 1000, peak / 1024))

    print_table(
        "Lint against its peers (ratio: bpstrat lint time / peer time)",
        ("command", "median s", "ratio"),
        [(a, f"{b:.3f}", c) for a, b, c in rows],
        args.markdown,
    )
    print_table(
        "Start-up (ratio to importing typer)",
        ("command", "median s", "ratio"),
        [(a, f"{b:.3f}", c) for a, b, c in startup],
        args.markdown,
    )
    # The marginal cost of a consumer (against the next smaller size) shows linearity
    # without the fixed start-up cost that the plain average carries.
    marginal = ["-"] + [
        f"{(b[1] - a[1]) / (b[0] - a[0]) * 1000:.2f}" for a, b in itertools.pairwise(scaling)
    ]
    print_table(
        "Scaling of bpstrat lint",
        ("consumers", "median s", "ms per consumer", "marginal ms per consumer", "peak MB"),
        [
            (str(n), f"{t:.3f}", f"{per:.2f}", m, f"{mb:.0f}")
            for (n, t, per, mb), m in zip(scaling, marginal, strict=True)
        ],
        args.markdown,
    )


if __name__ == "__main__":
    main()
