"""Scale goals of bpstrat as ratios measured in one run, the commands interleaved.

    pip install -e ".[bench]"
    python benchmarks/scale.py [--sizes 1000,5000,20000] [--runs 5] [--markdown]

For each size N it generates a root of N consumers (and the same root with N/20 misspelled
owner references), then runs every command once per round, round after round (A B C A B C
...), so that a neighbour's load on a shared machine hits all of them alike. It reports the
median wall time, each command's ratio to the clean cold lint of the same root, and the
peak memory (max RSS) of each command. Separately it compares `bpstrat lint` on the shipped
example root with `python -c "import typer"`. Goals:

- typo lint / lint <= 1.3; score / lint and brief / lint <= 1.5; fmt --check / lint <= 4
  (at N=5,000); warm / cold lint <= 0.6; peak memory <= 300 MB at N=20,000;
- "fmt --check, one process" (BPSTRAT_JOBS=1) against "fmt --check" shows what the
  process pool gives; on a formatted root nearly every file is proven canonical without
  the round-trip reader, so the rows "every file to reformat" (a copy of the root whose
  files all need formatting) show what the pool gives for the round-trip work;
- small root: lint of examples/pricing-platform <= 2.5x importing typer.

Absolute times depend on the machine and on what else runs; read the ratios.
"""

from __future__ import annotations

import argparse
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
REPO = Path(__file__).resolve().parent.parent


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed: pip install -e '.[bench]'")
    return found


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak memory (KiB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return elapsed, usage.ru_maxrss


def interleaved(
    commands: dict[str, tuple[list[str], dict[str, str]]], runs: int
) -> dict[str, tuple[float, float]]:
    """Median seconds and peak MB of each command, the commands run round-robin."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, int] = dict.fromkeys(commands, 0)
    for command, env in commands.values():  # warm the disk cache and the bytecode
        run_once(command, env)
    for _ in range(runs):
        for name, (command, env) in commands.items():
            elapsed, peak = run_once(command, env)
            times[name].append(elapsed)
            peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(times[name]), peaks[name] / 1024) for name in commands}


def environments(cache_home: Path) -> tuple[dict[str, str], dict[str, str]]:
    base = {**os.environ, "NO_COLOR": "1"}
    base.pop("CI", None)
    # As installed: modules load from bytecode (the first, unmeasured round writes it).
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    cold = {**base, "BPSTRAT_NO_CACHE": "1"}
    warm = {**base, "XDG_CACHE_HOME": str(cache_home)}
    warm.pop("BPSTRAT_NO_CACHE", None)
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip", default="", help="commands to leave out, e.g. fmt,brief")
    parser.add_argument("--no-small", action="store_true", help="skip the small-root table")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    bpstrat = tool("bpstrat")
    skip = set(filter(None, args.skip.split(",")))
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="bpstrat-scale-") as tmp:
        base = Path(tmp)
        cold, warm = environments(base / "cache")
        small = (
            {}
            if args.no_small
            else interleaved(
                {
                    "import typer": ([sys.executable, "-c", "import typer"], cold),
                    "lint examples/pricing-platform": (
                        [
                            bpstrat,
                            "lint",
                            str(REPO / "examples" / "pricing-platform"),
                            "--today",
                            TODAY,
                        ],
                        cold,
                    ),
                    "--version": ([bpstrat, "--version"], cold),
                    "--help": ([bpstrat, "--help"], cold),
                },
                args.runs * 2,
            )
        )
        typer_time = small["import typer"][0] if small else 1.0
        if small:
            print_table(
                'Small root (ratio to `python -c "import typer"`)',
                ("command", "median s", "ratio"),
                [(name, f"{t:.3f}", f"{t / typer_time:.2f}") for name, (t, _) in small.items()],
                args.markdown,
            )
        for n in (int(s) for s in args.sizes.split(",")):
            root = generate(base / f"n{n}", n)
            typo_root = generate(base / f"t{n}", n, typos=n // 20)
            messy = unformatted(root, base / f"m{n}")
            lint = [bpstrat, "lint", str(root), "--today", TODAY]
            run_once(lint, warm)  # fill the parse cache
            commands = {
                "lint": (lint, cold),
                f"lint, {n // 20} typos": (
                    [bpstrat, "lint", str(typo_root), "--today", TODAY],
                    cold,
                ),
                "lint, warm cache": (lint, warm),
                "score": ([bpstrat, "score", str(root)], cold),
                "brief": ([bpstrat, "brief", str(root), "-o", str(base / "brief.md")], cold),
                "fmt --check": ([bpstrat, "fmt", "--check", str(root)], cold),
                "fmt --check, one process": (
                    [bpstrat, "fmt", "--check", str(root)],
                    {**cold, "BPSTRAT_JOBS": "1"},
                ),
                "fmt --check, every file to reformat": (
                    [bpstrat, "fmt", "--check", str(messy)],
                    cold,
                ),
                "fmt --check, every file to reformat, one process": (
                    [bpstrat, "fmt", "--check", str(messy)],
                    {**cold, "BPSTRAT_JOBS": "1"},
                ),
            }
            for name in list(commands):
                if name.split(",")[0].split(" ")[0] in skip:
                    del commands[name]
            results = interleaved(commands, args.runs)
            lint_time = results["lint"][0]
            for name, (t, mb) in results.items():
                rows.append((f"{n:,}", name, f"{t:.2f}", f"{t / lint_time:.2f}", f"{mb:.0f}"))
            # Linearity: the time beyond a small root's lint (start-up), per consumer.
            startup = small["lint examples/pricing-platform"][0] if small else 0.0
            per = (lint_time - startup) / n * 1000
            rows.append((f"{n:,}", "lint ms per consumer after start-up", f"{per:.3f}", "", ""))
            shutil.rmtree(root)
            shutil.rmtree(typo_root)
            shutil.rmtree(messy)
    print_table(
        "Scale (ratio to the cold lint of the same root)",
        ("N", "command", "median s", "ratio", "peak MB"),
        rows,
        args.markdown,
    )


def unformatted(root: Path, out: Path) -> Path:
    """A copy of `root` in which every entity file needs formatting: its first two keys
    (`kind`, `id`) swapped, so that fmt must put them back in the format's order."""
    shutil.copytree(root, out)
    for path in out.glob("*/*.yaml"):
        lines = path.read_text(encoding="utf-8").split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("kind:"))
        lines[at], lines[at + 1] = lines[at + 1], lines[at]
        path.write_text("\n".join(lines), encoding="utf-8")
    return out


if __name__ == "__main__":
    main()
