"""`bpstrat lint`: run the checks and print the report in the chosen format."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Protocol, cast

from bpstrat.findings import LEVELS, Level
from bpstrat.lint.baseline import apply_baseline, read_baseline, write_baseline
from bpstrat.lint.linter import LintResult, lint
from bpstrat.report import LINT


class LintReport(Protocol):
    def render(self, result: LintResult, prefix: str = "") -> str: ...


def report(format: str) -> LintReport:
    return cast(LintReport, LINT[format].load())


def run_lint(
    path: Path,
    *,
    format: str | None,
    fail_on: str,
    today: dt.date,
    baseline: Path | None = None,
    write_to: Path | None = None,
    cache: bool = False,
) -> int:
    from bpstrat.cli.progress import FileProgress, wanted

    with FileProgress(wanted(format)) as progress:
        result = lint(path, today, progress, cache)
    if write_to is not None:
        write_baseline(write_to, result.findings)
        sys.stderr.write(f"bpstrat: recorded {len(result.findings)} finding(s) in {write_to}\n")
        return 0
    if baseline is not None:
        result.findings, result.baselined = apply_baseline(result.findings, read_baseline(baseline))
    prefix = display_prefix(result.strategy.root)
    sys.stdout.write(report(format or "text").render(result, prefix))
    if format is None and os.environ.get("GITHUB_ACTIONS") == "true":
        sys.stdout.write(report("github").render(result, prefix))
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
