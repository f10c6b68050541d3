"""`bpstrat history`: the strategy at every commit that changed it, read from git's
objects (nothing is checked out or written).

Each point is computed from that commit's files alone, with "today" its committer date.
A file unchanged across commits is read, parsed and validated once (FileMemo, keyed by
its path and blob hash); trees are read once while they last (TreeWalker). Both forget
what the newest commit no longer holds, so memory stays flat in the number of commits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from bpstrat.errors import UsageError
from bpstrat.history.changes import Change, changes
from bpstrat.history.objects import ObjectReader
from bpstrat.history.points import Point, point_of
from bpstrat.history.walk import Step, TreeWalker, first_parent_line, one_commit, root_changes
from bpstrat.lint.linter import lint
from bpstrat.model.load import FileMemo
from bpstrat.source.files import find_root
from bpstrat.source.git import repo_top, resolve
from bpstrat.source.git_tree import GitTree
from bpstrat.source.tree import ROOT_FILE

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


@dataclass
class History:
    root: Path  # the strategy root in the work tree
    subdir: str  # the root inside the repository ("" at its top)
    points: list[Point]
    base: Point | None  # the last point before --since, what the first point moved from
    moves: list[list[Change]] = field(default_factory=list)  # per point: what it moved


@dataclass(frozen=True)
class Window:
    """Which commits a history covers."""

    until: str = "HEAD"
    since: str | None = None  # a revision or a YYYY-MM-DD date


def locate(path: Path) -> tuple[Path, Path, str]:
    """The repository, the strategy root and the root's folder inside the repository."""
    where = path.resolve()
    if not where.exists():
        raise UsageError(f"{path}: no such file or folder")
    root = find_root(where)
    try:
        repo = repo_top(root)
    except UsageError:
        raise UsageError(
            f"{root} is not inside a git repository; bpstrat history reads its commits"
        ) from None
    try:
        subdir = root.relative_to(repo).as_posix()
    except ValueError:
        raise UsageError(f"the strategy root {root} is outside the git repository") from None
    return repo, root, "" if subdir == "." else subdir


def since_date(value: str) -> dt.date | None:
    """The date `--since` names, or None when it names a revision."""
    if not _DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--since {value!r}: not a date (YYYY-MM-DD) of the calendar") from None


def read_history(path: Path, window: Window = Window(), memo: FileMemo | None = None) -> History:
    """The points of the strategy root above `path` over `window`; `memo` holds the files
    read (the newest commit's are left in it)."""
    repo, root, subdir = locate(path)
    until = resolve(repo, window.until)
    after = since_date(window.since) if window.since is not None else None
    since = resolve(repo, window.since) if window.since is not None and after is None else None
    commits = first_parent_line(repo, until, since)
    with ObjectReader(repo) as reader:
        walker = TreeWalker(reader, subdir)
        memo = memo if memo is not None else FileMemo()
        points: list[Point] = []
        moves: list[list[Change]] = []
        base: Point | None = None
        waiting: Step | None = None  # the newest change before a --since date
        first = commits[0] if commits else None
        before_tree: str | None = None
        parent = one_commit(repo, first.parent) if first and first.parent else None
        if parent is not None:
            before_tree = walker.root_tree(parent.tree)
            if since is not None:
                base = _point(repo, subdir, reader, walker, memo, Step(parent, before_tree))
        for step in root_changes(walker, commits, before_tree):
            if after is not None and step.commit.date < after:
                waiting = step
                continue
            if waiting is not None:
                base = _point(repo, subdir, reader, walker, memo, waiting)
                waiting = None
            found = _point(repo, subdir, reader, walker, memo, step)
            if found is None:
                continue
            previous = points[-1] if points else base
            moves.append(changes(previous, found) if previous is not None else [])
            if len(points) > 1:
                points[-1].slim()  # neither the first nor the newest: its facts are told
            points.append(found)
    return History(root, subdir, points, base, moves)


def _point(
    repo: Path,
    subdir: str,
    reader: ObjectReader,
    walker: TreeWalker,
    memo: FileMemo,
    step: Step,
) -> Point | None:
    """The point of one commit; None when its root has no readable bpstrat.yaml."""
    if step.root is None:
        return None
    commit = step.commit
    listing = walker.listing(step.root)
    tree = GitTree(repo, commit.sha, subdir, commit.short, listing, reader, known=memo)
    if tree.blob_key(ROOT_FILE) is None:
        return None
    result = lint(tree, commit.date, memo=memo)
    memo.sweep()
    if any(issue.code == "BP105" for issue in result.strategy.config_file.issues):
        return None  # bpstrat.yaml too large or not text: no strategy to read
    return point_of(commit, result)
