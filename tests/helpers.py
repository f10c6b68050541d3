"""Shared helpers: build a strategy root on disk, lint it, run the command line in-process.

The fixtures that use them (`root`, `repo`) live in tests/conftest.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bpstrat.lint.linter import LintResult, lint
from bpstrat.lint.rules.base import Rule

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_NAMES = ["pricing-platform", "customer-data"]
TODAY = dt.date(2026, 11, 20)

ROOT_CONFIG = """\
product:
  id: demo
  name: Demo Platform
  owner: ana
"""

ANA = """\
kind: stakeholder
id: ana
name: Ana
power: 3
interest: 5
engagement: {current: leading, desired: leading}
reviewed: 2026-11-01
"""

Writer = Callable[..., Path]

# A strategy with one syntax error (bad.yaml:2:1) and one dangling reference
# (consumers/web.yaml:5:1, BP302).
BROKEN = {
    "consumers/web.yaml": "kind: consumer\nid: web\nname: Web\nimportance: 3\nowner: bob\n",
    "bad.yaml": "kind: [\n",
}


def write_root(
    base: Path, files: dict[str, str | bytes], config: str = ROOT_CONFIG, with_ana: bool = True
) -> Path:
    """Write bpstrat.yaml and `files` (dedented) below `base`."""
    base.mkdir(parents=True, exist_ok=True)
    (base / "bpstrat.yaml").write_text(textwrap.dedent(config), encoding="utf-8")
    if with_ana:
        (base / "ana.yaml").write_text(ANA, encoding="utf-8")
    for name, content in files.items():
        target = base / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content), encoding="utf-8")
    return base


def where(
    result: LintResult, code: str | None = None, practice: bool = False
) -> list[tuple[str, str, int, int]]:
    """(code, path, line, column) of each finding: one code, or all file and field
    findings (BP1xx-BP3xx), plus the practice rules (BP4xx) when `practice` is set."""
    return [
        (f.code, f.path, f.line, f.column)
        for f in result.findings
        if (f.code == code if code else practice or not f.code.startswith("BP4"))
    ]


def run(path: Path) -> LintResult:
    """Lint, keeping the file and field findings (BP1xx-BP3xx) only."""
    result = lint(path, TODAY)
    result.findings = [f for f in result.findings if not f.code.startswith("BP4")]
    return result


def examples(rule: Rule) -> dict[str, str]:
    """{'failing': yaml, 'passing': yaml} from the rule's docstring."""
    found = {}
    for label, body in re.findall(
        r"(Failing|Passing) example:\s*```yaml\n(.*?)```", rule.__doc__ or "", re.S
    ):
        found[label.lower()] = body
    return found


def write_example(base: Path, text: str) -> Path:
    """Write a docstring example as a root: a `product:` document is bpstrat.yaml, the rest
    one file."""
    config = "product: {id: demo, name: Demo}\n"
    entities = []
    for chunk in text.split("\n---\n"):
        data = yaml.safe_load(chunk)
        if isinstance(data, dict) and "product" in data:
            config = chunk
        else:
            entities.append(chunk)
    base.mkdir(parents=True, exist_ok=True)
    (base / "bpstrat.yaml").write_text(config)
    (base / "example.yaml").write_text("\n---\n".join(entities))
    return base


def run_all(path: Path, today: dt.date = TODAY) -> LintResult:
    """Lint with every finding, practice rules included."""
    return lint(path, today)


FAST_EXAMPLES = 50


def fast_and_full(full: int) -> list[Any]:
    """Parameters `examples` for a property test that is cheap enough for the default run:
    FAST_EXAMPLES examples there ([fast]), its `full` count under `-m slow` ([full])."""
    return [
        pytest.param(FAST_EXAMPLES, id="fast"),
        pytest.param(full, id="full", marks=pytest.mark.slow),
    ]


def bpstrat(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `bpstrat ARGS` in this process (typer's CliRunner, no subprocess), answering as
    `subprocess.run` would: returncode, stdout and stderr apart.

    Like a real run in a pipe: NO_COLOR is set and GITHUB_ACTIONS unset unless `env` says
    otherwise. A crash (an exception that is not an exit) is raised here rather than turned
    into an exit code. tests/cli/test_entry.py runs the real process.
    """
    from typer.testing import CliRunner

    from bpstrat.cli.app import app

    full_env: dict[str, str | None] = {"NO_COLOR": "1", "GITHUB_ACTIONS": None, **(env or {})}
    before = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(
            app, [str(a) for a in args], env=full_env, prog_name="bpstrat", catch_exceptions=False
        )
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(
        ["bpstrat", *map(str, args)], result.exit_code, result.stdout, result.stderr
    )


def score_out(
    path: Path, format: str = "json", dimension: str | None = None, what_if: list[str] | None = None
) -> str:
    """What `bpstrat score` prints for `path` (it must exit 0)."""
    from bpstrat.cli.score import run_score

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run_score(path, format=format, dimension=dimension, what_if=what_if or []) == 0
    return out.getvalue()


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), *args],
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
            "PATH": "/usr/bin:/bin:/usr/local/bin",
            "HOME": str(repo),
        },
    )


def change_pricing(repo: Path) -> None:
    """Edit the pricing example committed by the `repo` fixture: one field each in two
    entities, one goal removed, one problem added."""
    hotel = repo / "strategy" / "consumers" / "hotel-connector.yaml"
    hotel.write_text(hotel.read_text().replace("importance: 4 ", "importance: 5 "))
    raj = repo / "strategy" / "stakeholders" / "raj-patel.yaml"
    raj.write_text(raj.read_text().replace("current: neutral", "current: supportive"))
    (repo / "strategy" / "goals" / "one-price-client.yaml").unlink()
    (repo / "strategy" / "problems" / "new.yaml").write_text(
        "kind: problem\nid: new-problem\ntitle: A new problem\n"
    )
