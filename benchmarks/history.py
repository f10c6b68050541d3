"""The cost of `bpstrat history` against one cold `bpstrat score` of the same root, in one run.

    pip install -e .
    python benchmarks/history.py [--commits 500] [--consumers 50] [--runs 3] [--markdown]

It generates a strategy of 200 files (benchmarks/generate.py with 50 consumers: 50
consumers, 25 stakeholders, 60 problems, 60 goals, 3 dimensions, 2 decisions) and a git
repository of `--commits` commits (written with `git fast-import`): the first adds every
file, each later one changes 1-3 of them (a consumer's importance, a stakeholder's
engagement, a problem's impact, a goal's baseline). It then times, interleaved and in
fresh processes, `bpstrat score --no-cache` of HEAD and `bpstrat history --format json`
over the whole line, and `history --until` the middle commit for the peak memory at half
the commits. Goals: history / cold score <= 30; peak memory at all the commits within
10% of the peak at half of them (memory flat in the number of commits).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import LEVELS, generate
from scale import interleaved, tool
from tables import print_table

GOAL_RATIO = 30.0
GOAL_MEMORY = 1.1
START = 1_767_225_600  # 2026-01-01T00:00:00Z


def _edit(rel: str, text: str, rng: random.Random, step: int) -> str:
    """`text` with one field changed, as a person editing the strategy would."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if rel.startswith("consumers/") and line.startswith("importance: "):
            lines[i] = f"importance: {rng.randint(1, 5)}\n"
        elif rel.startswith("stakeholders/") and line.startswith("engagement: "):
            level = rng.choice(LEVELS)
            lines[i] = f"engagement: {{current: {level}, desired: {level}}}\n"
        elif rel.startswith("problems/") and line.startswith("impact: "):
            lines[i] = f"impact: {rng.randint(1, 5)}\n"
        elif rel.startswith("goals/") and line.startswith("  baseline: "):
            lines[i] = f"  baseline: {200 + step}\n"
    return "".join(lines)


def fast_import_stream(root: Path, commits: int, seed: int = 11) -> bytes:
    """A `git fast-import` stream: every file of `root`, then commits of 1-3 changes."""
    rng = random.Random(seed)
    files = {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.yaml"))
    }
    editable = [
        rel
        for rel in files
        if rel.split("/")[0] in ("consumers", "stakeholders", "problems", "goals")
    ]
    out: list[bytes] = []

    def data(text: str) -> None:
        raw = text.encode("utf-8")
        out.append(f"data {len(raw)}\n".encode() + raw + b"\n")

    for n in range(commits):
        out.append(f"commit refs/heads/main\nmark :{n + 1}\n".encode())
        out.append(f"committer bench <bench@example.com> {START + n * 3600} +0000\n".encode())
        if n == 0:
            data("Start the strategy")
            changed = list(files)
        else:
            changed = rng.sample(editable, rng.randint(1, 3))
            data(f"Change {', '.join(changed)}")
            out.append(f"from :{n}\n".encode())
            for rel in changed:
                files[rel] = _edit(rel, files[rel], rng, n)
        for rel in changed:
            out.append(f"M 100644 inline {rel}\n".encode())
            data(files[rel])
    return b"".join(out)


def build(folder: Path, commits: int, consumers: int) -> Path:
    """The repository, its strategy at the top, HEAD checked out."""
    generate(folder / "gen", consumers)
    repo = folder / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    stream = fast_import_stream(folder / "gen", commits)
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=stream, check=True)
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "-f", "main"], check=True)
    return repo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--consumers", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    bpstrat = tool("bpstrat")
    with tempfile.TemporaryDirectory() as tmp:
        repo = build(Path(tmp), args.commits, args.consumers)
        files = len(list(repo.rglob("*.yaml")))
        middle = subprocess.run(
            [
                "git",
                "-C",
                str(repo),
                "rev-list",
                "--first-parent",
                "--skip",
                str(args.commits // 2),
                "-n",
                "1",
                "HEAD",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        env = {"PATH": str(Path(bpstrat).parent) + ":/usr/bin:/bin", "BPSTRAT_NO_CACHE": "1"}
        commands = {
            "score (cold)": ([bpstrat, "score", str(repo), "--no-cache", "--format", "json"], env),
            "history": ([bpstrat, "history", str(repo), "--format", "json"], env),
            "history, half the commits": (
                [bpstrat, "history", str(repo), "--until", middle, "--format", "json"],
                env,
            ),
        }
        results = interleaved(commands, args.runs)
    score, _ = results["score (cold)"]
    history, peak = results["history"]
    _, half_peak = results["history, half the commits"]
    rows = [
        (name, f"{seconds:.2f}", f"{seconds / score:.1f}", f"{mb:.0f}")
        for name, (seconds, mb) in results.items()
    ]
    title = f"{files} files, {args.commits} commits, median of {args.runs} runs"
    print_table(title, ("command", "seconds", "/ cold score", "peak MB"), rows, args.markdown)
    ratio, memory = history / score, peak / half_peak
    print(f"history / cold score: {ratio:.1f} (goal <= {GOAL_RATIO:g})")
    print(f"peak memory, all / half the commits: {memory:.2f} (goal <= {GOAL_MEMORY:g})")
    if ratio > GOAL_RATIO or memory > GOAL_MEMORY:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
