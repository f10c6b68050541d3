"""`bpstrat diff BASE [HEAD] [PATH]`: what a change does to the strategy."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Protocol, cast

from bpstrat.diff.compare import StrategyDiff, compare
from bpstrat.errors import UsageError
from bpstrat.lint.linter import LintResult, lint
from bpstrat.report import DIFF
from bpstrat.source.files import find_root
from bpstrat.source.git import repo_top, resolve
from bpstrat.source.git_tree import GitTree


def run_diff(base: str, head: str | None, path: Path | None, *, format: str, today: dt.date) -> int:
    if head is not None and path is None and Path(head).exists():
        # `diff BASE PATH`: the second argument is a folder, not a revision.
        maybe_path = Path(head)
        try:
            resolve(repo_top(maybe_path.resolve()), head)
        except UsageError:
            head, path = None, maybe_path
    where = (path or Path(".")).resolve()
    if not where.exists():
        raise UsageError(f"{path}: no such file or folder")
    repo = repo_top(where)
    root = find_root(where)
    try:
        subdir = root.relative_to(repo).as_posix()
    except ValueError:
        raise UsageError(f"the strategy root {root} is outside the git repository") from None
    subdir = "" if subdir == "." else subdir
    base_commit = resolve(repo, base)
    head_commit = resolve(repo, head) if head is not None else None
    old = _lint_at(repo, base_commit, subdir, base, today)
    if head is None or head_commit is None:
        new = lint(root, today)
        head_label = "working tree"
    else:
        new = _lint_at(repo, head_commit, subdir, head, today)
        head_label = head
    result = compare(
        old.strategy,
        new.strategy,
        old.score,
        new.score,
        old,
        new,
    )
    sys.stdout.write(_render(result, format, base, head_label))
    return 0


def _lint_at(repo: Path, commit: str, subdir: str, revision: str, today: dt.date) -> LintResult:
    """Lint the strategy as it was at `commit`, read from git in memory (nothing written)."""
    tree = GitTree(repo, commit, subdir, revision)
    for note in tree.notes:
        sys.stderr.write(f"bpstrat: {note}\n")
    return lint(tree, today)


class DiffReport(Protocol):
    def render(self, d: StrategyDiff, base: str, head: str) -> str: ...


def _render(result: StrategyDiff, format: str, base: str, head: str) -> str:
    return cast(DiffReport, DIFF[format].load()).render(result, base, head)
