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
from bpstrat.source.files import ROOT_FILE, find_root
from bpstrat.source.git import materialise, repo_top, resolve, temporary_folder


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
    with temporary_folder() as tmp:
        old = _lint_at(repo, base_commit, subdir, Path(tmp) / "base", today)
        if head is None:
            new = lint(root, today)
            head_label = "working tree"
        else:
            new = _lint_at(repo, resolve(repo, head), subdir, Path(tmp) / "head", today)
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


def _lint_at(repo: Path, commit: str, subdir: str, into: Path, today: dt.date) -> LintResult:
    folder = materialise(repo, commit, subdir, into)
    if not (folder / ROOT_FILE).exists():
        (folder / ROOT_FILE).write_text("# the strategy did not exist yet\n")
    return lint(folder, today)


class DiffReport(Protocol):
    def render(self, d: StrategyDiff, base: str, head: str) -> str: ...


def _render(result: StrategyDiff, format: str, base: str, head: str) -> str:
    return cast(DiffReport, DIFF[format].load()).render(result, base, head)
