"""Generate a valid strategy root of N consumers for benchmarks.

    python benchmarks/generate.py OUT_DIR --consumers 1000 [--typos 50]

N consumers (3 demands each over 3 dimensions), N/2 stakeholders, 60 problems and 60
goals, and a decision on two of the three dimensions, every file in the canonical form of
`bpstrat fmt`; every file lints without errors,
except that `--typos T` misspells the owner of T consumers (spread evenly), each of which
then gets one "does not exist; did you mean ...?" finding.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

DIMENSIONS = {
    "interface": ["rest-json", "soap-xml", "ftp-csv", "grpc"],
    "integration-style": ["microservices", "nightly-batch", "messaging"],
    "freshness": ["realtime", "minutes", "daily"],
}
STRENGTHS = ["must", "should", "could"]
LEVELS = ["unaware", "resistant", "neutral", "supportive", "leading"]


def misspell(person: str) -> str:
    """`person-42` -> `persn-42`: one letter dropped, as a hurried hand would."""
    return person.replace("person", "persn", 1)


def generate(out: Path, consumers: int, seed: int = 7, typos: int = 0) -> Path:
    rng = random.Random(seed)
    step = consumers // typos if 0 < typos <= consumers else 0
    misspelled = set(range(0, consumers, step)[:typos]) if step else set()
    if out.exists():
        shutil.rmtree(out)
    for folder in ("consumers", "stakeholders", "problems", "goals", "dimensions", "decisions"):
        (out / folder).mkdir(parents=True)
    people = max(consumers // 2, 1)
    (out / "bpstrat.yaml").write_text(
        "# Generated benchmark strategy\n"
        "product:\n  id: bench\n  name: Benchmark Platform\n"
        "  vision: Serve every consumer predictably.\n  phase: problem\n"
        "  owner: person-0\n  sponsor: person-1\n  sides: [client, supply]\n"
        "lint:\n  max_key_goals: 3\n  stale_after_days: 365\n"
    )
    for name, options in DIMENSIONS.items():
        lines = [f"kind: dimension\nid: {name}\nname: {name.title()}\nchoose: 2\noptions:"]
        lines += [
            f"  - {{id: {o}, name: {o.upper()}, cost: {1 + i % 5}}}" for i, o in enumerate(options)
        ]
        (out / "dimensions" / f"{name}.yaml").write_text("\n".join(lines) + "\n")
    for i, name in enumerate(list(DIMENSIONS)[:2]):
        (out / "decisions" / f"{name}.yaml").write_text(
            f"kind: decision\nid: {name}-2027\ndimension: {name}\n"
            f"choice: [{', '.join(DIMENSIONS[name][:2])}]\nstatus: accepted\n"
            f"date: 2026-0{i + 1}-15\nrationale: Generated.\n"
        )
    for p in range(60):
        (out / "problems" / f"problem-{p}.yaml").write_text(
            f"kind: problem\nid: problem-{p}\ntitle: Problem number {p} in the value chain\n"
            f"value_chain: step-{p % 6}\nimpact: {1 + p % 5}\n"
            f"evidence: [measured in 2026]\nconsumers: [consumer-{p % consumers}]\n"
        )
        (out / "goals" / f"goal-{p}.yaml").write_text(
            f"kind: goal\nid: goal-{p}\ntitle: Goal number {p}\n"
            f"key: {'true' if p < 3 else 'false'}\n"
            f"category: capability\nproblems: [problem-{p}]\nmetric:\n  name: metric {p}\n"
            f"  unit: s\n  baseline: {100 + p}\n  target: {10 + p}\n  by: 2027-06-30\n"
            "  influence: direct\n"
        )
    for s in range(people):
        level = LEVELS[3 + s % 2] if s % 3 else LEVELS[2]
        (out / "stakeholders" / f"person-{s}.yaml").write_text(
            f"kind: stakeholder\nid: person-{s}\nname: Person {s}\nrole: Role {s % 7}\n"
            f"faction: faction-{s % 5}\npower: {1 + s % 5}\ninterest: {1 + (s * 3) % 5}\n"
            f"engagement: {{current: {level}, desired: {level}}}\n"
            f"plan: {{channel: monthly, next_step: Talk to person {s}.}}\n"
            f"consumers: [consumer-{s % consumers}]\nreviewed: 2026-10-01\n"
        )
    for c in range(consumers):
        owner = f"person-{c % people}"
        owner = misspell(owner) if c in misspelled else owner
        demands = []
        for name, options in DIMENSIONS.items():
            demands.append(
                f"  - dimension: {name}\n    option: {rng.choice(options)}\n"
                f"    strength: {rng.choice(STRENGTHS)}\n"
                f"    needed_by: 2027-0{1 + c % 9}-01\n    problem: problem-{c % 60}\n"
            )
        (out / "consumers" / f"consumer-{c}.yaml").write_text(
            f"# Consumer {c}\nkind: consumer\nid: consumer-{c}\nname: Consumer {c}\n"
            f"side: {'client' if c % 2 else 'supply'}\nimportance: {1 + c % 5}\n"
            f"owner: {owner}\nstrategy:\n  summary: Heading somewhere in 2027.\n"
            f"  sources: [https://wiki.example.com/consumer-{c}/roadmap]\n"
            "demands:\n" + "".join(demands)
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--consumers", type=int, default=1000)
    parser.add_argument("--typos", type=int, default=0, help="misspelled owner references")
    args = parser.parse_args()
    generate(args.out, args.consumers, typos=args.typos)


if __name__ == "__main__":
    main()
