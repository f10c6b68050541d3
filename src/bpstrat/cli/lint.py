"""`bpstrat lint`: run the checks and print the report in the chosen format."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from bpstrat.cli.options import fail_level, resolve_today
from bpstrat.cli.progress import FileProgress, wanted
from bpstrat.lint.selection import lint_paths
from bpstrat.report.formats import LINT
from bpstrat.source.display import display_prefix, repository_prefix

REPOSITORY_PATHS = ("github", "sarif")
"""Formats GitHub reads: it resolves their paths from the repository root."""


def run_lint(
    paths: Path | list[Path],
    *,
    format: str | None,
    fail_on: str,
    today: dt.date | None = None,
    baseline: Path | None = None,
    write_to: Path | None = None,
    cache: bool = False,
) -> int:
    level = fail_level(fail_on)
    with FileProgress(wanted(format)) as progress:
        result = lint_paths(
            paths if isinstance(paths, list) else [paths],
            resolve_today(today),
            progress,
            cache,
            baseline if write_to is None else None,
        )
    if write_to is not None:
        from bpstrat.lint.baseline import write_baseline

        write_baseline(write_to, result.findings)
        sys.stderr.write(f"bpstrat: recorded {len(result.findings)} finding(s) in {write_to}\n")
        return 0
    root = result.strategy.root
    chosen = format or "text"
    where = repository_prefix(root) if chosen in REPOSITORY_PATHS else display_prefix(root)
    sys.stdout.write(LINT[chosen].load().render(result, where))
    if format is None and os.environ.get("GITHUB_ACTIONS") == "true":
        sys.stdout.write(LINT["github"].load().render(result, repository_prefix(root)))
    return 1 if result.failed(level) else 0
