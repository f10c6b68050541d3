"""`bpstrat lint`: run the checks and print the report in the chosen format."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from rich.console import Console

from bpstrat.cli.progress import FileProgress, wanted
from bpstrat.findings import LEVELS, Level
from bpstrat.lint.baseline import apply_baseline, read_baseline, write_baseline
from bpstrat.lint.linter import lint
from bpstrat.report import lint_github as github
from bpstrat.report import lint_json as json_report
from bpstrat.report import lint_sarif as sarif
from bpstrat.report import lint_text as text


def run_lint(
    path: Path,
    format: str | None,
    fail_on: Level | str,
    today: dt.date | None,
    baseline: Path | None = None,
    write_to: Path | None = None,
    cache: bool = False,
) -> int:
    with FileProgress(wanted(format)) as progress:
        result = lint(path, today, progress, cache)
    if write_to is not None:
        write_baseline(write_to, result.findings)
        sys.stderr.write(f"bpstrat: recorded {len(result.findings)} finding(s) in {write_to}\n")
        return 0
    if baseline is not None:
        result.findings, result.baselined = apply_baseline(result.findings, read_baseline(baseline))
    prefix = display_prefix(result.strategy.root)
    on_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    if format == "json":
        sys.stdout.write(json_report.render(result))
    elif format == "sarif":
        sys.stdout.write(sarif.render(result, prefix))
    elif format == "github":
        sys.stdout.write(github.render(result, prefix))
    else:
        text.render(result, Console(highlight=False, soft_wrap=True), prefix)
        if format is None and on_actions:
            sys.stdout.write(github.render(result, prefix))
    return 1 if result.failed(_level(fail_on)) else 0


def _level(name: str) -> Level:
    for level in LEVELS:
        if level == name:
            return level
    return "error"


def display_prefix(root: Path) -> str:
    """How to reach the root from the current folder, for clickable paths ('' if it is cwd)."""
    try:
        rel = root.relative_to(Path.cwd().resolve())
    except ValueError:
        return f"{root}/"
    text_ = rel.as_posix()
    return "" if text_ == "." else f"{text_}/"
