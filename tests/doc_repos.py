"""The git repositories that the docs' excerpts of `history`, `brief --since` and
`diff` run in (`| repo: NAME` on an excerpt's marker, checked by tests/test_docs.py).

"pricing-history" is the small history docs/history.md tells: the pricing example and
its service catalog committed, a README outside the strategy's root, the CFO won over,
the interface decision dropped.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.helpers import EXAMPLES
from tests.history.gitrepo import Repo


def pricing_history(top: Path) -> Path:
    repo = Repo(top)
    shutil.copytree(
        EXAMPLES / "pricing-platform",
        top / "pricing-platform",
        ignore=shutil.ignore_patterns("*.md"),
    )
    shutil.copytree(EXAMPLES / "catalog", top / "catalog")
    repo.commit("First strategy", "2026-09-01T09:00:00+00:00")
    repo.write({"README.md": "The pricing platform's strategy.\n"}, under="")
    repo.commit("Add a README", "2026-09-02T09:00:00+00:00")
    repo.edit(
        "pricing-platform/stakeholders/leadership.yaml",
        "name: Mark Jansen\nrole: CFO\nfaction: finance\npower: 5\ninterest: 3\n"
        "engagement: {current: neutral",
        "name: Mark Jansen\nrole: CFO\nfaction: finance\npower: 5\ninterest: 3\n"
        "engagement: {current: supportive",
    )
    repo.commit("Win over the CFO", "2026-10-01T09:00:00+00:00")
    (top / "pricing-platform" / "decisions" / "interface-2027.yaml").unlink()
    repo.commit("Drop the interface decision", "2026-10-05T09:00:00+00:00")
    return top


REPOS: dict[str, Callable[[Path], Path]] = {"pricing-history": pricing_history}
