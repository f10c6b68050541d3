"""What one `bpstrat lint` run checks and reports: the root of the paths named, the files
whose findings are wanted, and the baseline that hides recorded findings.

The whole root is always checked (a reference in one file depends on the others); when
only files are named (as pre-commit passes them), only their findings are reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bpstrat.errors import UsageError
from bpstrat.lint.baseline import apply_baseline, read_baseline
from bpstrat.lint.linter import LintResult, lint
from bpstrat.source.files import find_root
from bpstrat.source.tree import FolderTree


def lint_paths(
    paths: list[Path],
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
    cache: bool = False,
    baseline: Path | None = None,
) -> LintResult:
    """Lint the root of `paths` and keep the findings of the files named (all of them
    when a folder is named) that `baseline` does not record."""
    root, rooted = root_of(paths)
    result = lint(FolderTree(root), today, progress, cache)
    named = named_files(root, rooted)
    if named is not None:
        result = replace(result, findings=[f for f in result.findings if named(f.path)])
    if baseline is not None:
        kept, hidden = apply_baseline(result.findings, read_baseline(baseline))
        result = replace(result, findings=kept, baselined=hidden)
    return result


def root_of(paths: list[Path]) -> tuple[Path, list[Path]]:
    """The strategy root of the first path that has one, and the paths inside it.

    pre-commit passes every changed YAML file; those outside any strategy root (CI
    configuration, other tools' files) are not strategy files and are left out. Paths in
    a second root are a usage error: lint one root at a time.
    """
    rooted: list[tuple[Path, Path]] = []
    for path in paths:
        try:
            rooted.append((path, find_root(path)))
        except UsageError:
            if len(paths) == 1 or not path.exists():
                raise
    if not rooted:
        return find_root(paths[0]), paths[:1]  # find_root says why there is no root
    root = rooted[0][1]
    others = sorted({str(r) for _, r in rooted if r != root})
    if others:
        raise UsageError(
            f"the paths are in more than one strategy root ({root}, {', '.join(others)}); "
            "lint one root at a time"
        )
    return root, [path for path, _ in rooted]


def named_files(root: Path, paths: list[Path]) -> Callable[[str], bool] | None:
    """Which root-relative files to report for the paths named on the command line, or
    None for every finding (a folder is named: the root or any folder in it).

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
