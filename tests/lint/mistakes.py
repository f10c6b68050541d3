"""One mistake made in a copy of an example strategy, and the findings it adds."""

from __future__ import annotations

import functools
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bpstrat.findings import Finding
from bpstrat.lint.linter import lint
from tests.helpers import EXAMPLES, TODAY


@dataclass(frozen=True)
class Mistake:
    """Replace the first `old` in `rel` of `example` by `new`; the finding is expected at
    `line` (None: the line where `new` starts) and to contain each of `says`."""

    example: str
    rel: str
    old: str
    new: str
    line: int | None
    says: list[str]
    not_says: list[str] = field(default_factory=list)
    code: str = "BP101"

    @property
    def id(self) -> str:
        return f"{self.rel}: {self.new.strip()[:40]}"

    def make(self, base: Path, apply: bool = True) -> tuple[Path, int]:
        """The broken copy below `base`, and the line of the mistake."""
        root = base / self.example
        shutil.copytree(EXAMPLES / self.example, root)
        target = root / self.rel
        text = target.read_bytes().decode("utf-8")
        at = text.find(self.old)
        assert at >= 0, f"{self.old!r} is not in {self.rel}"
        if apply:
            target.write_bytes((text[:at] + self.new + text[at + len(self.old) :]).encode())
        return root, self.line or text.count("\n", 0, at) + 1


@functools.cache
def _clean(example: str) -> frozenset[tuple[str, str, int]]:
    """The findings of an unbroken copy, made as the broken one is (a copy has no service
    catalog beside it: its BP430 is in both)."""
    with tempfile.TemporaryDirectory() as base:
        root, _ = Mistake(example, "bpstrat.yaml", "", "", 1, []).make(Path(base), apply=False)
        return frozenset((f.code, f.path, f.line) for f in lint(root, TODAY).findings)


def new_findings(example: str, root: Path) -> list[Finding]:
    """The findings of `root` that the unbroken example does not have."""
    clean = _clean(example)
    return [f for f in lint(root, TODAY).findings if (f.code, f.path, f.line) not in clean]
