"""Every command stays linear on every hostile shape: a reduced run of
benchmarks/complexity.py (sizes N and 4N), its ratio bound asserted generously (the
machine is shared; the benchmark prints the real table). The commands that read git
revisions or the service catalog run on the shapes that load them most (the benchmark
runs them on every shape)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
# each reads every commit, two revisions or the catalog: several times the work of lint
REVISIONS_AND_CATALOG = ["history", "brief --since", "diff --affected", "catalog"]
THEIR_SHAPES = [
    "many documents",
    "many options",
    "many dates",
    "misspelled ids",
    "large service catalog",
    "many catalog Locations",
]


def _complexity() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("complexity", BENCHMARKS / "complexity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_every_command_within_bounds_from_n_to_4n_on_every_shape(tmp_path: Path) -> None:
    complexity = _complexity()
    others = [c for c in complexity.COMMANDS if c not in REVISIONS_AND_CATALOG]
    rows, _, worst = complexity.measure(list(complexity.SHAPES), others, 0.2, 1, tmp_path / "a")
    more, _, worst_more = complexity.measure(
        THEIR_SHAPES, REVISIONS_AND_CATALOG, 0.2, 1, tmp_path / "b"
    )
    assert set(REVISIONS_AND_CATALOG) < set(complexity.COMMANDS)
    assert set(THEIR_SHAPES) < set(complexity.SHAPES)
    assert len(rows) == len(complexity.SHAPES) * len(others)
    assert len(more) == len(THEIR_SHAPES) * len(REVISIONS_AND_CATALOG)
    slow = [row for row in rows + more if float(row[-1]) > 8]
    # linear is about 4 at most; quadratic would be 16
    assert not slow, slow
    assert min(worst, worst_more) > 0
