"""The agenda against lint on the same root, in one run, the commands interleaved.

    pip install -e ".[bench]"
    python benchmarks/agenda.py [--sizes 1000,5000] [--runs 5] [--markdown]

For each size N it generates a root of N consumers (benchmarks/generate.py) and dates
what the agenda lists: each stakeholder's next step (`plan.due`), each consumer's
strategy review, each decision's `revisit` and measurements of the key goals, beside the
stakeholders' `reviewed`, the demands' `needed_by` and the goals' `by` it already has.
Then it runs, round after round: lint; the agenda of the next 30 days (the default);
the agenda of the next ten years (every dated item, each pointing at its line) as text,
JSON and ICS; and lint and both agendas with a warm parse cache. Goal: every agenda at
most 1.2x the lint of the same root, cold against cold and the 30 days warm against a
warm lint. (The cache keeps the positions of each document's top level only, so a warm
agenda of every item reads every file again for its lines: it is reported, against
the warm lint, not held to the goal.) Read the ratios: absolute times depend on the
machine and on what else runs.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from scale import TODAY, environments, interleaved, run_once, tool
from tables import print_table

GOAL = 1.2
EVERY = "3650"  # days: every item of the generated root is due within ten years


def dated(root: Path) -> Path:
    """Give the generated root every kind of date the agenda reads."""
    for n, path in enumerate(sorted((root / "stakeholders").glob("*.yaml"))):
        text = path.read_text(encoding="utf-8")
        due = f", due: 2026-12-{1 + n % 28:02d}}}"
        path.write_text(re.sub(r"\}\n(consumers:)", due + r"\n\1", text, count=1))
    for n, path in enumerate(sorted((root / "consumers").glob("*.yaml"))):
        text = path.read_text(encoding="utf-8")
        reviewed = f"  reviewed: 2026-{1 + n % 11:02d}-15\n"
        path.write_text(text.replace("demands:\n", reviewed + "demands:\n", 1))
    for path in sorted((root / "decisions").glob("*.yaml")):
        path.write_text(path.read_text(encoding="utf-8") + "revisit: 2027-03-31\n")
    for path in sorted((root / "goals").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "key: true" in text:
            text += "  measurements:\n    - {date: 2026-09-30, value: 90}\n"
        path.write_text(text)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    bpstrat = tool("bpstrat")
    rows: list[tuple[str, ...]] = []
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="bpstrat-agenda-") as tmp:
        base = Path(tmp)
        cold, warm = environments(base / "cache")
        for n in (int(s) for s in args.sizes.split(",")):
            root = dated(generate(base / f"n{n}", n))
            lint = [bpstrat, "lint", str(root), "--today", TODAY]
            agenda = [bpstrat, "agenda", str(root), "--today", TODAY]
            every = [*agenda, "--days", EVERY]
            run_once([*every, "-o", str(base / "count.json"), "-f", "json"], cold)
            count = (base / "count.json").read_text(encoding="utf-8").count('"kind":')
            run_once(lint, warm)  # fill the parse cache
            commands = {
                "lint": (lint, cold),
                "agenda (30 days)": (agenda, cold),
                f"agenda, every item ({count})": (every, cold),
                "agenda, every item, json": ([*every, "-f", "json"], cold),
                "agenda, every item, ics": ([*every, "-f", "ics"], cold),
                "lint, warm cache": (lint, warm),
                "agenda (30 days), warm cache": (agenda, warm),
                "agenda, every item, warm cache": (every, warm),
            }
            results = interleaved(commands, args.runs)
            lint_time, warm_time = results["lint"][0], results["lint, warm cache"][0]
            for name, (t, mb) in results.items():
                peer = warm_time if "warm" in name else lint_time
                ratio = t / peer
                if name.startswith("agenda") and name != "agenda, every item, warm cache":
                    worst = max(worst, ratio)
                rows.append((f"{n:,}", name, f"{t:.2f}", f"{ratio:.2f}", f"{mb:.0f}"))
            shutil.rmtree(root)
    print_table(
        "The agenda against lint (ratio to lint of the same root; warm to warm)",
        ("N", "command", "median s", "ratio", "peak MB"),
        rows,
        args.markdown,
    )
    verdict = "within" if worst <= GOAL else "ABOVE"
    print(f"\nworst agenda ratio {worst:.2f}: {verdict} the goal of {GOAL}x lint")


if __name__ == "__main__":
    main()
