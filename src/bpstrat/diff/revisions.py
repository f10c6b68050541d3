"""Which two strategies `bpstrat diff BASE [HEAD] [PATH]` compares, read from git in
memory (nothing is checked out or written), and their comparison."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bpstrat.diff.compare import StrategyDiff, compare
from bpstrat.errors import UsageError
from bpstrat.lint.linter import LintResult, lint
from bpstrat.source.files import find_root
from bpstrat.source.git import repo_top, resolve
from bpstrat.source.git_tree import GitTree
from bpstrat.source.tree import FolderTree


@dataclass(frozen=True)
class Compared:
    diff: StrategyDiff
    head: str  # the head as people read it: the revision named, or "working tree"
    old: LintResult | None = None
    new: LintResult | None = None


def diff_revisions(
    base: str,
    head: str | None,
    path: Path | None,
    today: dt.date,
    note: Callable[[str], None] = lambda _: None,
) -> Compared:
    """Compare the strategy at `base` with `head` (the working tree when None); `note`
    hears what was left out of a revision's tree (crafted names, links)."""
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
    old = lint_at(repo, base_commit, subdir, base, today, note)
    if head is None or head_commit is None:
        # the revision's side reads no service catalog (it is not in the revision's
        # root): neither does this side, so the catalog's findings are not "new"
        new = lint(FolderTree(root), today, catalog=False)
        head_label = "working tree"
    else:
        new = lint_at(repo, head_commit, subdir, head, today, note)
        head_label = head
    diff = compare(old.strategy, new.strategy, old.score, new.score, old, new)
    return Compared(diff, head_label, old, new)


def lint_at(
    repo: Path,
    commit: str,
    subdir: str,
    revision: str,
    today: dt.date,
    note: Callable[[str], None] = lambda _: None,
) -> LintResult:
    """Lint the strategy as it was at `commit`, read from git in memory."""
    tree = GitTree(repo, commit, subdir, revision)
    for line in tree.notes:
        note(line)
    return lint(tree, today)
