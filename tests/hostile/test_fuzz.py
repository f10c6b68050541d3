"""Mutation fuzz: 10,000 hostile variants of the example files through the commands.

Each case takes one file of an example strategy and mutates it, seeded and
deterministically: flipped bytes, inserted YAML specials, huge and non-finite numbers,
deep nesting, tags, control characters and duplicated keys. lint, score and brief run
in-process on a strategy root holding it (text reports and the agenda as a calendar,
whose lines must keep RFC 5545's rules, on every fifth case, fmt --check on every tenth). The only
allowed failure is a usage error; anything else is an internal error and fails the test
with the seeds to replay.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bpstrat.agenda.items import build_agenda
from bpstrat.brief.render import render_brief
from bpstrat.cli.fmt import run_fmt
from bpstrat.cli.lint import run_lint
from bpstrat.cli.score import run_score
from bpstrat.errors import UsageError
from bpstrat.model.load import load_strategy
from bpstrat.report import agenda_ics
from tests.helpers import EXAMPLES, TODAY

CASES = 10_000
SEED = 20261120

SPECIALS = [
    "&a ",
    "*a",
    "*missing ",
    "? ",
    "- ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    "|",
    ">-",
    "'",
    '"',
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "<<: *a\n",
    "<<: {}\n",
    "# ",
    "\t",
    ",",
    "@",
    "`",
    "~",
    "=",
    "!",
    "%",
    "\\",
    "\r",
    "\r\n",
    "\n  ",
    "\n-",
]
TAGS = [
    "!!python/object/apply:os.system ['echo hi'] ",
    "!!binary ",
    "!!set ",
    "!!omap ",
    "!!timestamp ",
    "!!float ",
    "!!int ",
    "!!str ",
    "!!bool ",
    "!!null ",
    "!local ",
    "!<tag:yaml.org,2002:str> ",
    "!!map ",
    "!!seq ",
]
NUMBERS = [
    "9" * 5000,
    "-" + "9" * 4400,
    "0x" + "f" * 5000,
    "0o" + "7" * 5000,
    "1e308",
    "-1e308",
    "1e309",
    ".inf",
    "-.inf",
    ".nan",
    ".NaN",
    "0x_",
    "1_000",
    "+.5",
    "-0",
    "4.9e-324",
    "123456789012345678901234567890",
    "2026-02-30",
    "0",
    "-1",
    "6",
]
CONTROLS = [
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "\x07",
    "\x00",
    "\x85",
    "\u2028",
    "\u202e",
    "\ufeff",
    "\x9b",
    "\x7f",
    "\ud800",
]


def example_files() -> list[tuple[Path, str]]:
    """(example root, relative path) of every YAML file of the examples."""
    out = []
    for example in sorted(p for p in EXAMPLES.iterdir() if (p / "bpstrat.yaml").is_file()):
        out += [
            (example, p.relative_to(example).as_posix()) for p in sorted(example.rglob("*.yaml"))
        ]
    return out


def mutate(text: str, rng: random.Random) -> tuple[str, str]:
    """One to three mutations of `text`; returns the text and what was done."""
    done = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        kind = rng.choice(
            ("flip", "special", "number", "nest", "tag", "control", "duplicate", "delete", "flow")
        )
        at = rng.randrange(len(text) + 1)
        if kind == "flip":
            data = bytearray(text.encode("utf-8", "surrogatepass"))
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
            text = data.decode("utf-8", "replace")
        elif kind == "special":
            text = text[:at] + rng.choice(SPECIALS) + text[at:]
        elif kind == "number":
            spots = [m.span() for m in re.finditer(r"(?<=: )\S+", text)]
            number = rng.choice(NUMBERS)
            if spots:
                start, end = rng.choice(spots)
                text = text[:start] + number + text[end:]
            else:
                text += f"\nimportance: {number}\n"
        elif kind == "nest":
            depth = rng.choice((50, 200, 1000, 5000))
            opener, closer = rng.choice((("[", "]"), ("{a: ", "}"), ("- ", "")))
            text = text[:at] + opener * depth + "x" + closer * depth + text[at:]
        elif kind == "tag":
            spots = [m.start() for m in re.finditer(r"(?<=: )\S", text)] or [at]
            spot = rng.choice(spots)
            text = text[:spot] + rng.choice(TAGS) + text[spot:]
        elif kind == "control":
            text = text[:at] + rng.choice(CONTROLS) + text[at:]
        elif kind == "duplicate":
            lines = text.splitlines(keepends=True)
            if lines:
                i = rng.randrange(len(lines))
                lines.insert(rng.randrange(len(lines) + 1), lines[i])
            text = "".join(lines)
        elif kind == "delete":
            lines = text.splitlines(keepends=True)
            if lines:
                del lines[rng.randrange(len(lines))]
            text = "".join(lines)
        else:  # one long flow line of many keys
            keys = ", ".join(f"k{i}: {i}" for i in range(rng.choice((10, 300))))
            text = text + "\n" + "{" + keys + "}\n" if rng.random() < 0.5 else "{" + keys + "}"
        done.append(kind)
    return text, "+".join(done)


def quietly(function: Callable[[], object]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        function()
    return out.getvalue()


def no_constant(name: str) -> object:
    raise AssertionError(f"{name} in JSON output")


def check(root: Path, case: int) -> None:
    """Run the commands; a usage error is fine, anything else propagates.

    JSON lint and score and the brief run on every case; the text reports (rich is the
    slow part) on every fifth, fmt --check on every tenth.
    """

    def lint_as(format: str) -> str:
        return quietly(lambda: run_lint(root, format=format, fail_on="error", today=TODAY))

    def score_as(format: str) -> str:
        return quietly(lambda: run_score(root, format=format, dimension=None, what_if=[]))

    steps: list[Callable[[], object]] = [
        lambda: json.loads(lint_as("json"), parse_constant=no_constant),
        lambda: json.loads(score_as("json"), parse_constant=no_constant),
        lambda: render_brief(root, None, TODAY),
    ]

    def calendar() -> None:
        data = agenda_ics.render(build_agenda(load_strategy(root), TODAY, 3650)).encode()
        lines = data.split(b"\r\n")
        assert lines[-1] == b"" and all(len(line) <= 75 for line in lines), "ICS line rules"
        assert b"\n" not in b"".join(lines), "a bare line feed in the calendar"
        for line in lines:
            line.decode("utf-8")

    if case % 5 == 0:
        steps += [lambda: lint_as("text"), lambda: score_as("text"), calendar]
    if case % 10 == 0:
        steps.append(lambda: quietly(lambda: run_fmt(root, True, False)))
    for step in steps:
        with contextlib.suppress(UsageError):
            step()


@pytest.mark.slow
def test_ten_thousand_mutated_files_give_no_internal_error(tmp_path: Path) -> None:
    sources = example_files()
    texts = {
        (example, rel): (example / rel).read_text(encoding="utf-8") for example, rel in sources
    }
    failures: list[str] = []
    for case in range(CASES):
        rng = random.Random(SEED + case)
        example, rel = rng.choice(sources)
        root = tmp_path / f"case{case % 50}"
        if root.exists():
            for old in root.rglob("*.yaml"):
                old.unlink()
        root.mkdir(exist_ok=True)
        config = texts[(example, "bpstrat.yaml")]
        mutated, how = mutate(texts[(example, rel)], rng)
        (root / "bpstrat.yaml").write_text(config, encoding="utf-8")
        target = "strategy.yaml" if rel == "bpstrat.yaml" else rel.replace("/", "-")
        if rel == "bpstrat.yaml":
            (root / "bpstrat.yaml").write_bytes(mutated.encode("utf-8", "surrogatepass"))
        else:
            (root / target).write_bytes(mutated.encode("utf-8", "surrogatepass"))
        dimension = next(
            (r for e, r in sources if e == example and r.startswith("dimensions/")), None
        )
        if dimension is not None and dimension != rel:
            (root / "dimension.yaml").write_text(texts[(example, dimension)], encoding="utf-8")
        try:
            check(root, case)
        except Exception as error:
            failures.append(
                f"case {case} ({example.name}/{rel}, {how}): "
                f"{type(error).__name__}: {str(error)[:200]}"
            )
    assert failures == [], f"{len(failures)} internal errors:\n" + "\n".join(failures[:20])
