"""Where catalog files may be read from: the git work tree that holds the strategy root.

`catalog.backstage` is written in bpstrat.yaml, which a pull request can change: a path
to `/etc`, `~`, far up with `../..`, or a symbolic link out of the repository must not
make CI read the runner's files. So every path is resolved (links followed) and read only
when it lands inside the work tree, found by walking up from the root to the folder that
holds `.git` (a folder, or a file in a linked work tree or submodule); a root outside any
git work tree bounds itself.
"""

from __future__ import annotations

import os
from pathlib import Path

from bpstrat.source.tree import inside


class Bounds:
    """The real path of the folder that catalog files must stay inside."""

    def __init__(self, root: Path) -> None:
        real_root = os.path.realpath(root)
        self.top = _work_tree(real_root) or real_root
        self.in_git = self.top != real_root or os.path.lexists(os.path.join(real_root, ".git"))

    def holds(self, real: str) -> bool:
        """True when the resolved path `real` is inside the bounds."""
        return inside(real, self.top)

    @property
    def what(self) -> str:
        """How a message names the bounds."""
        return "the git work tree that holds the strategy" if self.in_git else "the strategy root"


def _work_tree(real_root: str) -> str | None:
    folder = real_root
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
