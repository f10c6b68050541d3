"""`bpstrat lint`: run the checks and print the report in the chosen format."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, cast

from bpstrat.errors import UsageError
from bpstrat.findings import LEVELS, Level
from bpstrat.lint.linter import LintResult, lint
from bpstrat.report import LINT
from bpstrat.source.files import find_root


class LintReport(Protocol):
    def render(self, result: LintResult, prefix: str = "") -> str: ...


def report(format: str) -> LintReport:
    return cast(LintReport, LINT[format].load())


def run_lint(
    paths: Path | list[Path],
    *,
    format: str | None,
    fail_on: str,
    today: dt.date,
    baseline: Path | None = None,
    write_to: Path | None = None,
    cache: bool = False,
) -> int:
    from bpstrat.cli.progress import FileProgress, wanted

    paths = strategy_paths(paths if isinstance(paths, list) else [paths])
    with FileProgress(wanted(format)) as progress:
        result = lint(paths[0], today, progress, cache)
    named = named_files(result.strategy.root, paths)
    if named is not None:
        result.findings = [f for f in result.findings if named(f.path)]
    if write_to is not None:
        from bpstrat.lint.baseline import write_baseline

        write_baseline(write_to, result.findings)
        sys.stderr.write(f"bpstrat: recorded {len(result.findings)} finding(s) in {write_to}\n")
        return 0
    if baseline is not None:
        from bpstrat.lint.baseline import apply_baseline, read_baseline

        result.findings, result.baselined = apply_baseline(result.findings, read_baseline(baseline))
    prefix = display_prefix(result.strategy.root)
    chosen = format or "text"
    where = repository_prefix(result.strategy.root) if chosen in REPOSITORY_PATHS else prefix
    sys.stdout.write(report(chosen).render(result, where))
    if format is None and os.environ.get("GITHUB_ACTIONS") == "true":
        sys.stdout.write(report("github").render(result, repository_prefix(result.strategy.root)))
    return 1 if result.failed(_level(fail_on)) else 0


def _level(name: str) -> Level:
    for level in LEVELS:
        if level == name:
            return level
    return "error"


def strategy_paths(paths: list[Path]) -> list[Path]:
    """The paths inside the strategy root of the first path that has one.

    pre-commit passes every changed YAML file; those outside any strategy root (CI
    configuration, other tools' files) are not strategy files and are left out. Paths in
    a second root are a usage error: lint one root at a time.
    """
    if len(paths) == 1:
        return paths
    rooted: list[tuple[Path, Path]] = []
    for path in paths:
        try:
            rooted.append((path, find_root(path)))
        except UsageError:
            if not path.exists():
                raise
    if not rooted:
        return paths[:1]  # find_root says why there is no root
    root = rooted[0][1]
    others = sorted({str(r) for _, r in rooted if r != root})
    if others:
        raise UsageError(
            f"the paths are in more than one strategy root ({root}, {', '.join(others)}); "
            "lint one root at a time"
        )
    return [path for path, _ in rooted]


REPOSITORY_PATHS = ("github", "sarif")
"""Formats GitHub reads: it resolves their paths from the repository root."""


def named_files(root: Path, paths: list[Path]) -> Callable[[str], bool] | None:
    """Which root-relative files to report for the paths named on the command line, or
    None for every finding (a folder is named: the root or any folder in it, as before).

    Files name themselves only: bpstrat.yaml's root-wide findings are reported when it
    is named (or a folder is).
    """
    files: set[str] = set()
    for path in paths:
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError) as error:
            raise UsageError(f"{path}: cannot resolve path ({error})") from None
        if not resolved.exists():
            raise UsageError(f"{path}: no such file or folder")
        if resolved.is_dir():
            return None
        try:
            files.add(resolved.relative_to(root).as_posix())
        except ValueError:
            raise UsageError(
                f"{path} is not inside the strategy root {root}; lint one root at a time"
            ) from None
    return files.__contains__


def repository_prefix(root: Path) -> str:
    """How to reach the root from the git repository's top folder ('' when it is the top);
    outside git, from the current folder. GitHub resolves annotation and SARIF paths
    from the repository root, whatever folder bpstrat ran in."""
    import subprocess  # only for the formats GitHub reads

    try:
        out = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return display_prefix(root)
    top = out.stdout.strip()
    if out.returncode != 0 or not top:
        return display_prefix(root)
    try:
        rel = root.relative_to(Path(top).resolve()).as_posix()
    except ValueError:
        return display_prefix(root)
    return "" if rel == "." else f"{rel}/"


def display_prefix(root: Path) -> str:
    """How to reach the root from the current folder, for clickable paths ('' if it is cwd)."""
    try:
        rel = root.relative_to(Path.cwd().resolve())
    except ValueError:
        return f"{root}/"
    text_ = rel.as_posix()
    return "" if text_ == "." else f"{text_}/"
