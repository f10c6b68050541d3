"""Cost on hostile input: every command at sizes N and 4N of every shape a pull request
can give a strategy, and the ratio of the two times. Linear cost gives at most about 4
(less when a fixed cost, such as reading the small root beside the shape, dominates);
the bound is 5. A super-linear cost shows as 16 (quadratic) or more.

    pip install -e .
    python benchmarks/complexity.py [--scale 1.0] [--runs 3] [--markdown]
        [--shapes "long line,many documents"] [--commands "lint,fmt --check"]

Each shape is written on top of a small valid root (benchmarks/generate.py, 20
consumers); N of each shape is chosen so that the file or root stays within bpstrat's
limits at 4N (1 MiB per file, 1,000 globs). A command runs in a fresh process that has
imported bpstrat; only the command is timed (median of the runs), so start-up does not
hide a super-linear cost. Each root is a git repository: a commit `base` of the small
root, a commit `shape` that adds the shape, then EDITS commits that each change one small
file (as many at N as at 4N, so the ratio measures size, not commits). `diff` and
`diff --affected` compare `base` with `shape`, `brief --since` reports what changed since
`base`, and `history` reads every commit. `catalog` needs a service catalog: on a shape
that writes none it runs on roots of the same shape whose small root also has a small
catalog (CATALOG_BASE components). Alongside, "lint / plain" compares lint of the shape
at 4N with lint of an ordinary root of the same bytes (many documents, broken file) and
"fmt / lint" compares `fmt --check` with lint on the same root.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from tables import print_table

TODAY = "2026-11-20"
BASE_CONSUMERS = 20
GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}

PROBLEM = "kind: problem\nid: {id}\ntitle: Problem {id}\nvalue_chain: step-1\nimpact: 3\n"


def _write(root: Path, rel: str, text: str) -> None:
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def long_line(root: Path, n: int) -> None:
    """One problem whose `evidence:` is a flow list of n items on one line."""
    items = ", ".join(f"measured in week {i}" for i in range(n))
    _write(root, "problems/long.yaml", PROBLEM.format(id="long") + f"evidence: [{items}]\n")


def many_documents(root: Path, n: int) -> None:
    """One file of n problem documents, each pointing at a consumer that does not exist
    (a finding that needs the document's deeper positions)."""
    docs = "".join(
        "---\n" + PROBLEM.format(id=f"doc-{i}") + f"consumers: [nobody-{i}]\n" for i in range(n)
    )
    _write(root, "problems/many.yaml", docs)


def many_options(root: Path, n: int) -> None:
    """A dimension of n options, and n/4 consumers each demanding a different one."""
    options = "".join(f"  - {{id: opt-{i}, name: Option {i}, cost: 2}}\n" for i in range(n))
    _write(
        root, "dimensions/wide.yaml", f"kind: dimension\nid: wide\nname: Wide\noptions:\n{options}"
    )
    for c in range(n // 4):
        _write(root, f"consumers/wide-{c}.yaml", _consumer(f"wide-{c}", "wide", f"opt-{c * 4}"))


def one_option_many_consumers(root: Path, n: int) -> None:
    """n consumers demanding the same option of a new dimension."""
    _write(
        root,
        "dimensions/narrow.yaml",
        "kind: dimension\nid: narrow\nname: Narrow\noptions:\n"
        "  - {id: only, name: Only, cost: 1}\n  - {id: other, name: Other, cost: 1}\n",
    )
    for c in range(n):
        _write(root, f"consumers/same-{c}.yaml", _consumer(f"same-{c}", "narrow", "only"))


def _consumer(cid: str, dimension: str, option: str, owner: str = "person-0") -> str:
    return (
        f"kind: consumer\nid: {cid}\nname: Consumer {cid}\nside: client\nimportance: 3\n"
        f"owner: {owner}\ndemands:\n  - dimension: {dimension}\n    option: {option}\n"
        "    strength: must\n    problem: problem-1\n"
    )


def one_faction(root: Path, n: int) -> None:
    """n stakeholders in one faction."""
    for s in range(n):
        _write(
            root,
            f"stakeholders/crowd-{s}.yaml",
            f"kind: stakeholder\nid: crowd-{s}\nname: Crowd {s}\nfaction: crowd\n"
            f"power: {1 + s % 5}\ninterest: {1 + s % 5}\n"
            "engagement: {current: neutral, desired: supportive}\nreviewed: 2026-10-01\n",
        )


def deep_nesting(root: Path, n: int) -> None:
    """n/20 problems, each with an unknown field nested 90 deep (the limit is 100)."""
    nested = "[" * 90 + "x" + "]" * 90
    for p in range(n // 20):
        _write(
            root, f"problems/deep-{p}.yaml", PROBLEM.format(id=f"deep-{p}") + f"notes: {nested}\n"
        )


def long_ids(root: Path, n: int) -> None:
    """100 stakeholders and 100 consumers with ids of n characters, each consumer naming a
    misspelled owner (a "did you mean" per consumer)."""
    for k in range(100):
        person = f"p{k}-" + "x" * n
        _write(
            root,
            f"stakeholders/long-{k}.yaml",
            f"kind: stakeholder\nid: {person}\nname: Long {k}\npower: 3\ninterest: 3\n"
            "engagement: {current: neutral, desired: neutral}\nreviewed: 2026-10-01\n",
        )
        cid = f"c{k}-" + "y" * n
        owner = f"p{k}-" + "x" * (n - 1) + "z"
        _write(root, f"consumers/long-{k}.yaml", _consumer(cid, "interface", "grpc", owner))


def many_dates(root: Path, n: int) -> None:
    """Every agenda item in few files: a consumer with n dated demands, the deciding
    decision with n dated accommodations, a key goal with n measurements and n
    stakeholders with a dated next step in one file."""
    demands = "".join(
        f"  - dimension: interface\n    option: ftp-csv\n    strength: could\n"
        f"    needed_by: 2027-{1 + i % 12:02d}-{1 + i % 28:02d}\n    problem: problem-1\n"
        for i in range(n)
    )
    _write(
        root,
        "consumers/dated.yaml",
        "kind: consumer\nid: dated\nname: Dated\nside: client\nimportance: 3\n"
        "strategy: {summary: Dated., reviewed: 2026-10-01}\ndemands:\n" + demands,
    )
    decision = root / "decisions" / "interface.yaml"
    accommodations = "".join(
        f"  - {{consumer: dated, option: ftp-csv, via: file {i}, "
        f"until: 2027-{1 + i % 12:02d}-{1 + i % 28:02d}}}\n"
        for i in range(n)
    )
    decision.write_text(
        decision.read_text(encoding="utf-8")
        + "revisit: 2027-06-30\naccommodations:\n"
        + accommodations,
        encoding="utf-8",
    )
    measurements = "".join(
        f"    - {{date: 2026-{1 + i % 10:02d}-{1 + i % 28:02d}, value: {100 - i % 50}}}\n"
        for i in range(n)
    )
    goal = root / "goals" / "goal-0.yaml"
    goal.write_text(
        goal.read_text(encoding="utf-8") + "  measurements:\n" + measurements, encoding="utf-8"
    )
    people = "".join(
        f"---\nkind: stakeholder\nid: dated-{s}\nname: Dated {s}\npower: 2\ninterest: 2\n"
        f"plan: {{next_step: Call {s}., due: 2026-12-{1 + s % 28:02d}}}\nreviewed: 2026-10-01\n"
        for s in range(n)
    )
    _write(root, "stakeholders/dated.yaml", people)


def many_suppressions(root: Path, n: int) -> None:
    """One file of n problems, each with a suppressed finding on its line, and n
    whole-file suppressions."""
    docs = "".join(
        "---\n"
        + PROBLEM.format(id=f"quiet-{i}")
        + f"consumers: [nobody-{i}]  # bpstrat: ignore[BP302] -- on purpose\n"
        + "# bpstrat: ignore-file[BP411] until 2099-01-01\n"
        for i in range(n)
    )
    _write(root, "problems/quiet.yaml", docs)


def many_globs(root: Path, n: int) -> None:
    """n wildcard globs in bpstrat.yaml (that match nothing) and n/2 small files."""
    config = (root / "bpstrat.yaml").read_text(encoding="utf-8")
    globs = "".join(f"  - '*a*a*a*a*a*a*a*b{i}/**'\n" for i in range(n))
    (root / "bpstrat.yaml").write_text(config + "exclude:\n" + globs, encoding="utf-8")
    tiny_files(root, n // 2)


def tiny_files(root: Path, n: int) -> None:
    """n tiny problem files."""
    for p in range(n):
        _write(root, f"problems/tiny/t-{p}.yaml", PROBLEM.format(id=f"tiny-{p}"))


def broken_file(root: Path, n: int) -> None:
    """A file that does not parse: n lines, each with a long run of spaces and `[`."""
    line = "id: a" + " " * 40 + "b" + " " * 40 + "[" * 20 + "\n"
    _write(root, "problems/broken.yaml", "kind: problem\n" + line * n + "title: [\n")


def misspelled_ids(root: Path, n: int) -> None:
    """n problem files whose id is not the one their file name and a goal use."""
    for i in range(n):
        _write(root, f"problems/typo/p-{i}.yaml", PROBLEM.format(id=f"typo-{i}"))
        _write(
            root,
            f"goals/typo/g-{i}.yaml",
            f"kind: goal\nid: g-{i}\ntitle: Goal {i}\nkey: false\nproblems: [p-{i}]\n",
        )


def undecided_behind_broken(root: Path, n: int) -> None:
    """n/2 dimensions in conflict, each with a decision that has no `kind` (a document
    that may settle it), and n/2 stakeholders without `kind`."""
    for i in range(n // 2):
        _write(
            root,
            f"dimensions/open/d-{i}.yaml",
            f"kind: dimension\nid: d-{i}\nname: D {i}\noptions: [{{id: a}}, {{id: b}}]\n",
        )
        for side, option in (("x", "a"), ("y", "b")):
            _write(
                root, f"consumers/open/{side}-{i}.yaml", _consumer(f"{side}-{i}", f"d-{i}", option)
            )
        _write(
            root,
            f"decisions/open/d-{i}.yaml",
            f"id: dec-{i}\ndimension: d-{i}\nchoice: [a]\nstatus: accepted\ndate: 2026-11-01\n",
        )
        _write(
            root,
            f"stakeholders/open/s-{i}.yaml",
            f"id: s-{i}\nname: S {i}\npower: 2\ninterest: 2\nreviewed: 2026-11-01\n",
        )


CATALOG = "catalog:\n  backstage: [catalog]\n  apis: [pricing-api, api:pricing/price-events]\n"
COMPONENT = (
    "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: {name}\n"
    "  namespace: {namespace}\nspec:\n  type: service\n  lifecycle: production\n"
    "  owner: team-{system}\n  system: {system}\n  consumesApis: [default/pricing-api, "
    "api:pricing/price-events, other-api]\n"
)
SYSTEM = (
    "---\napiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: {system}\n"
    "  namespace: {namespace}\n  title: System {system}\nspec:\n  owner: team-{system}\n"
)


def _with_catalog(root: Path) -> None:
    config = (root / "bpstrat.yaml").read_text(encoding="utf-8")
    (root / "bpstrat.yaml").write_text(config + CATALOG, encoding="utf-8")


CATALOG_BASE = 20


def small_catalog(root: Path) -> None:
    """A catalog of CATALOG_BASE components in CATALOG_BASE/4 systems beside the small
    root, the first system the strategy's consumer-0 (for `catalog` on every shape)."""
    _with_catalog(root)
    docs: list[str] = []
    for s in range(CATALOG_BASE // 4):
        docs.append(SYSTEM.format(system=f"base-{s}", namespace="default"))
        for c in range(4):
            name = f"base-{s}-part-{c}"
            docs.append(COMPONENT.format(name=name, namespace="default", system=f"base-{s}"))
    _write(root, "catalog/base.yaml", "".join(docs))
    consumer = root / "consumers" / "consumer-0.yaml"
    text = consumer.read_text(encoding="utf-8")
    consumer.write_text(
        text.replace("demands:", "catalog: system:default/base-0\ndemands:", 1), encoding="utf-8"
    )


def large_catalog(root: Path, n: int) -> None:
    """A service catalog of n components in n/4 systems (files of 100 documents), all
    consuming the product's APIs; a third of the systems are consumers of the strategy, a
    third are named with a typo (a "did you mean" each), a third are forgotten."""
    _with_catalog(root)
    systems = n // 4
    docs: list[str] = []
    for s in range(systems):
        namespace = f"ns-{s % 7}"
        docs.append(SYSTEM.format(system=f"sys-{s}", namespace=namespace))
        for c in range(4):
            name = f"sys-{s}-part-{c}"
            docs.append(COMPONENT.format(name=name, namespace=namespace, system=f"sys-{s}"))
    for start in range(0, len(docs), 100):
        _write(root, f"catalog/part-{start // 100}.yaml", "".join(docs[start : start + 100]))
    for s in range(systems):
        if s % 3 == 2:
            continue  # forgotten
        ref = f"system:ns-{s % 7}/sys-{s}" if s % 3 == 0 else f"system:ns-{s % 7}/sys-{s}x"
        text = _consumer(f"cat-{s}", "interface", "grpc").replace(
            "demands:", f"catalog: {ref}\ndemands:", 1
        )
        _write(root, f"consumers/catalog/cat-{s}.yaml", text)


def catalog_locations(root: Path, n: int) -> None:
    """n Location entities in one file, each naming one component file and the same glob
    over their folder (each file is read once, the glob matched once)."""
    _with_catalog(root)
    locations = "".join(
        "---\napiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n"
        f"  name: loc-{i}\nspec:\n  targets: [./parts/c-{i}.yaml, ./parts/*.yaml, "
        f"./locations.yaml]\n"
        for i in range(n)
    )
    _write(root, "catalog/locations.yaml", locations)
    for i in range(n):
        component = COMPONENT.format(name=f"c-{i}", namespace="default", system=f"s-{i}")
        _write(root, f"catalog/parts/c-{i}.yaml", component)


def plain_documents(root: Path, n: int) -> None:
    """An ordinary root of about the bytes of `many_documents`: one problem per file."""
    for i in range(n):
        _write(
            root,
            f"problems/plain/doc-{i}.yaml",
            PROBLEM.format(id=f"doc-{i}") + f"consumers: [nobody-{i}]\n",
        )


def plain_broken(root: Path, n: int) -> None:
    """An ordinary file of about the bytes of `broken_file`, valid YAML."""
    line = "  - a" + "b" * 40 + " " * 40 + "c" * 20 + "\n"
    _write(root, "problems/plain.yaml", PROBLEM.format(id="plain") + "evidence:\n" + line * n)


# name -> (writer, N at scale 1)
SHAPES: dict[str, tuple[Callable[[Path, int], None], int]] = {
    "long line": (long_line, 2500),
    "many documents": (many_documents, 2000),
    "many options": (many_options, 1000),
    "many consumers on one option": (one_option_many_consumers, 500),
    "many stakeholders in one faction": (one_faction, 500),
    "deep legal nesting": (deep_nesting, 1000),
    "long ids": (long_ids, 250),
    "many suppressions": (many_suppressions, 1000),
    "many dates": (many_dates, 1000),
    "many globs": (many_globs, 250),
    "many tiny files": (tiny_files, 500),
    "broken file": (broken_file, 1000),
    "misspelled ids": (misspelled_ids, 250),
    "decisions without kind": (undecided_behind_broken, 250),
    "large service catalog": (large_catalog, 2000),
    "many catalog Locations": (catalog_locations, 500),
}
# shapes compared with an ordinary root of the same size at 4N
PLAIN = {"many documents": plain_documents, "broken file": plain_broken}
# shapes that write a service catalog of their own
WITH_CATALOG = {"large service catalog", "many catalog Locations"}

COMMANDS: dict[str, list[str]] = {
    "lint": ["lint", "{root}", "--today", TODAY, "--no-cache"],
    "score": ["score", "{root}"],
    "brief": ["brief", "{root}", "--today", TODAY, "-o", "{out}"],
    "fmt --check": ["fmt", "--check", "{root}"],
    "diff": ["diff", "base", "shape", "{root}", "--today", TODAY],
    # every dated item of the root (ten years), as a calendar: each needs its line
    "agenda": ["agenda", "{root}", "--today", TODAY, "--days", "3650", "-f", "ics", "--no-cache"],
    # every commit: the small root, the shape, and EDITS small edits on top of it
    "history": ["history", "{root}"],
    "brief --since": ["brief", "{root}", "--today", TODAY, "--since", "base", "-o", "{out}"],
    "diff --affected": ["diff", "base", "shape", "{root}", "--today", TODAY, "--affected"],
    "catalog": ["catalog", "{root}"],
}
# commands that need a service catalog (run on roots that have one)
NEEDS_CATALOG = {"catalog"}
# commits after the shape's, each changing one small file of the small root
EDITS = 3

WORKER = """
import contextlib, io, os, sys, time
import bpstrat.cli.app, ruamel.yaml, jinja2  # imported before the clock starts
from bpstrat.entry import main
sys.argv = ["bpstrat", *sys.argv[1:]]
start = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main()
    except SystemExit as stop:
        code = stop.code
    else:
        code = 0
elapsed = time.perf_counter() - start
print(elapsed, code)
"""


def _edit(root: Path, step: int) -> None:
    """Change one small file of the small root: a neutral stakeholder won over (even
    steps), or a consumer's importance (odd steps)."""
    if step % 2 == 0:
        path = root / "stakeholders" / f"person-{3 * step}.yaml"
        old, new = "engagement: {current: neutral", "engagement: {current: supportive"
    else:
        path = root / "consumers" / f"consumer-{step}.yaml"
        old, new = f"importance: {1 + step % 5}\n", f"importance: {1 + (step + 2) % 5}\n"
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(
    folder: Path, shape: Callable[[Path, int], None] | None, n: int, *, catalog: bool = False
) -> Path:
    """A git repository: a commit `base` of the small root (with a small catalog when
    `catalog`), a commit `shape` with the shape added, then EDITS commits of small edits."""
    root = generate(folder, BASE_CONSUMERS)
    if catalog:
        small_catalog(root)
    env = {**os.environ, **GIT_ENV}

    def commit(message: str, tag: str | None = None) -> None:
        steps = [("add", "-A"), ("commit", "-qm", message, "--allow-empty")]
        steps += [("tag", tag)] if tag else []
        for args in steps:
            subprocess.run(["git", "-C", str(root), *args], check=True, env=env)

    subprocess.run(["git", "-C", str(root), "init", "-q"], check=True, env=env)
    commit("base", "base")
    if shape is not None:
        shape(root, n)
    commit("shape", "shape")
    for step in range(EDITS):
        _edit(root, step)
        commit(f"edit {step}")
    return root


def time_command(name: str, root: Path, out: Path) -> float:
    args = [a.format(root=root, out=out) for a in COMMANDS[name]]
    env = {**os.environ, "BPSTRAT_NO_CACHE": "1", "NO_COLOR": "1", "BPSTRAT_JOBS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", WORKER, *args], capture_output=True, text=True, env=env, check=False
    )
    fields = done.stdout.split()
    if len(fields) != 2 or fields[1] not in ("0", "1", "None"):
        raise SystemExit(f"bpstrat {' '.join(args)} failed: {done.stdout} {done.stderr[-2000:]}")
    return float(fields[0])


def median_time(name: str, root: Path, out: Path, runs: int) -> float:
    return statistics.median(time_command(name, root, out) for _ in range(runs))


def measure(
    shapes: list[str], commands: list[str], scale: float, runs: int, folder: Path
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], float]:
    """Rows of the N/4N table, rows of the comparisons, and the worst N -> 4N ratio."""
    rows: list[tuple[str, ...]] = []
    extra: list[tuple[str, ...]] = []
    worst = 0.0
    for shape in shapes:
        writer, base_n = SHAPES[shape]
        n = max(int(base_n * scale), 4)
        roots = {False: (build(folder / "n", writer, n), build(folder / "4n", writer, 4 * n))}
        if shape not in WITH_CATALOG and NEEDS_CATALOG & set(commands):
            roots[True] = (
                build(folder / "n-catalog", writer, n, catalog=True),
                build(folder / "4n-catalog", writer, 4 * n, catalog=True),
            )
        out = folder / "BRIEF.md"
        times: dict[str, tuple[float, float]] = {}
        for command in commands:
            small, large = roots[command in NEEDS_CATALOG and shape not in WITH_CATALOG]
            at_n = median_time(command, small, out, runs)
            at_4n = median_time(command, large, out, runs)
            times[command] = (at_n, at_4n)
            ratio = at_4n / at_n if at_n > 0 else 0.0
            worst = max(worst, ratio)
            rows.append((shape, command, f"{n:,}", f"{at_n:.3f}", f"{at_4n:.3f}", f"{ratio:.1f}"))
        if "lint" in times and "fmt --check" in times:
            lint_4n = times["lint"][1]
            extra.append(
                (shape, "fmt --check / lint at 4N", f"{times['fmt --check'][1] / lint_4n:.1f}")
            )
        if shape in PLAIN and "lint" in times:
            plain = build(folder / "plain", PLAIN[shape], 4 * n)
            plain_lint = median_time("lint", plain, out, runs)
            extra.append(
                (
                    shape,
                    "lint / lint of an ordinary root as large, at 4N",
                    f"{times['lint'][1] / plain_lint:.1f}",
                )
            )
    return rows, extra, worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every N")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--commands", default=",".join(COMMANDS))
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    shapes = [s for s in args.shapes.split(",") if s]
    commands = [c for c in args.commands.split(",") if c]
    for name in shapes:
        if name not in SHAPES:
            raise SystemExit(f"unknown shape {name!r}; shapes: {', '.join(SHAPES)}")
    for name in commands:
        if name not in COMMANDS:
            raise SystemExit(f"unknown command {name!r}; commands: {', '.join(COMMANDS)}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        rows, extra, worst = measure(shapes, commands, args.scale, args.runs, Path(tmp))
    header = ("shape", "command", "N", "s at N", "s at 4N", "4N / N")
    print_table("Time at N and 4N (the command only, median)", header, rows, args.markdown)
    if extra:  # none when no shape with a comparison was asked for
        print_table("Comparisons", ("shape", "what", "ratio"), extra, args.markdown)
    print(f"\nworst 4N / N: {worst:.1f}; {time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
